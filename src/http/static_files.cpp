#include "http/static_files.h"

#include "http/compress.h"

#include <sys/stat.h>

#include <filesystem>

namespace pantau::http {

namespace fs = std::filesystem;

StaticFiles::StaticFiles(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  auto c = fs::weakly_canonical(root_, ec);
  if (!ec) root_ = c.string();
}

std::string StaticFiles::content_type_for(std::string_view p) {
  auto ends = [&](std::string_view s) { return p.size() >= s.size() && p.substr(p.size() - s.size()) == s; };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js") || ends(".mjs")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".json") || ends(".map")) return "application/json";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".jpg") || ends(".jpeg")) return "image/jpeg";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".webp")) return "image/webp";
  if (ends(".woff2")) return "font/woff2";
  if (ends(".woff")) return "font/woff";
  if (ends(".ttf")) return "font/ttf";
  if (ends(".txt")) return "text/plain; charset=utf-8";
  if (ends(".webmanifest")) return "application/manifest+json";
  return "application/octet-stream";
}

namespace {
// A path names a file when its last segment ends in an extension that holds a letter
// ("app.js", "favicon.ico"). Region codes ("/wilayah/63.71", "/x/63.71.01") are app routes:
// their dots separate numbers, so a reload or a bookmark of such a page gets the app shell.
bool looks_like_file(std::string_view rel) {
  auto slash = rel.rfind('/');
  auto last = slash == std::string_view::npos ? rel : rel.substr(slash + 1);
  auto dot = last.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == last.size()) return false;
  for (char c : last.substr(dot + 1))
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}
}  // namespace

Response StaticFiles::serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") {
    Response r = Response::problem(Error::make(ErrorKind::NotFound, "not_found", "Halaman tidak ditemukan.", "Page not found."));
    return r;
  }
  std::string rel = req.path;
  if (rel.find('\0') != std::string::npos || rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos)
    return Response::problem(Error::bad_request("path.invalid", "Alamat tidak valid.", "The path is not valid."));
  while (!rel.empty() && rel.front() == '/') rel.erase(0, 1);
  fs::path p = fs::path(root_) / rel;
  std::error_code ec;
  bool is_file = !rel.empty() && fs::is_regular_file(p, ec);
  bool spa = false;
  if (!is_file) {
    // Client-side routes get the app shell; a missing asset is a real 404.
    if (rel.rfind("assets/", 0) == 0 || looks_like_file(rel)) {
      return Response::problem(Error::make(ErrorKind::NotFound, "not_found", "Berkas tidak ditemukan.", "File not found."));
    }
    p = fs::path(root_) / "index.html";
    spa = true;
    if (!fs::is_regular_file(p, ec)) {
      Response r;
      r.status = 503;
      r.content_type = "text/html; charset=utf-8";
      r.body = "<!doctype html><meta charset=utf-8><title>Pantau</title><p>Antarmuka web belum dibangun "
               "(jalankan <code>make run</code>). / The web interface has not been built (run <code>make run</code>).";
      return r;
    }
  }
  auto canon = fs::weakly_canonical(p, ec);
  if (ec || canon.string().rfind(root_, 0) != 0)
    return Response::problem(Error::bad_request("path.invalid", "Alamat tidak valid.", "The path is not valid."));
  struct stat st {};
  if (::stat(canon.c_str(), &st) != 0)
    return Response::problem(Error::make(ErrorKind::NotFound, "not_found", "Berkas tidak ditemukan.", "File not found."));
  // The build's gzip copy (web/precompress.ts) when the browser takes gzip: its own ETag, since
  // it is another representation of the file.
  std::string file = canon.string();
  bool gz = false;
  struct stat gst {};
  if (accepts_gzip(req) && ::stat((file + ".gz").c_str(), &gst) == 0 && S_ISREG(gst.st_mode)) {
    gz = true;
    st = gst;
  }
  std::string tag = "\"" + std::to_string(st.st_size) + "-" + std::to_string(st.st_mtime) + (gz ? "-gz" : "") + "\"";
  Response r;
  r.content_type = content_type_for(file);
  r.header("ETag", tag);
  r.header("Vary", "Accept-Encoding");
  bool hashed = rel.rfind("assets/", 0) == 0;
  r.header("Cache-Control", hashed && !spa ? "public, max-age=31536000, immutable" : "no-cache");
  if (req.header("if-none-match") == tag) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  if (gz) r.header("Content-Encoding", "gzip");
  r.file_path = gz ? file + ".gz" : file;
  return r;
}

}  // namespace pantau::http
