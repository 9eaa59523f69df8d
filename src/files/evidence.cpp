#include "files/evidence.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <mutex>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/crypto.h"
#include "core/time.h"
#include "http/json.h"

namespace pantau::files {

namespace fs = std::filesystem;

static bool zip_has_prefix(const std::string& path, std::string_view prefix) {
  // Scans the ZIP central directory file names for an entry starting with prefix
  // ("word/" for DOCX, "xl/" for XLSX). Reads at most the last 1 MiB.
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  f.seekg(0, std::ios::end);
  auto size = static_cast<int64_t>(f.tellg());
  int64_t start = std::max<int64_t>(0, size - (1 << 20));
  f.seekg(start);
  std::string tail(static_cast<size_t>(size - start), '\0');
  f.read(tail.data(), static_cast<std::streamsize>(tail.size()));
  size_t pos = 0;
  while ((pos = tail.find("PK\x01\x02", pos)) != std::string::npos) {
    if (pos + 46 > tail.size()) break;
    auto u16 = [&](size_t o) { return static_cast<size_t>(static_cast<unsigned char>(tail[o])) |
                                      (static_cast<size_t>(static_cast<unsigned char>(tail[o + 1])) << 8); };
    size_t name_len = u16(pos + 28);
    if (pos + 46 + name_len > tail.size()) break;
    std::string_view name(tail.data() + pos + 46, name_len);
    if (name.substr(0, prefix.size()) == prefix) return true;
    pos += 46 + name_len;
  }
  return false;
}

std::string sniff_type(std::string_view head, const std::string& path) {
  if (head.substr(0, 5) == "%PDF-") return "application/pdf";
  if (head.size() >= 3 && head.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (head.substr(0, 8) == "\x89PNG\r\n\x1A\n") return "image/png";
  if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) {
    if (zip_has_prefix(path, "word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (zip_has_prefix(path, "xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (zip_has_prefix(path, "ppt/")) return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
  }
  return "";
}

EvidenceStore::EvidenceStore(std::string root, size_t max_bytes)
    : root_(std::move(root)), tmp_(root_ + "/tmp"), max_bytes_(max_bytes) {
  std::error_code ec;
  fs::create_directories(tmp_, ec);
}

static std::string content_path(const std::string& root, const std::string& sha) {
  return root + "/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
}

std::string EvidenceStore::path_of(const std::string& sha) const { return content_path(root_, sha); }

namespace {
std::mutex content_mu;
std::string content_root;
}  // namespace

void set_content_root(const std::string& root) {
  std::lock_guard lock(content_mu);
  content_root = root;
}

std::optional<std::string> read_content(const std::string& sha, size_t max_bytes) {
  std::string root;
  {
    std::lock_guard lock(content_mu);
    root = content_root;
  }
  if (root.empty() || sha.size() != 64 || sha.find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
  std::ifstream f(content_path(root, sha), std::ios::binary);
  if (!f) return std::nullopt;
  std::string bytes(max_bytes + 1, '\0');
  f.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(f.gcount()));
  if (bytes.size() > max_bytes) return std::nullopt;
  return bytes;
}

std::string to_json(const StoredFile& f) {
  json::Out o;
  o.begin_object().kv("id", f.id).kv("sha256", f.sha256).kv("name", f.name).kv("mime", f.mime).kv("size", f.size)
      .kv("region_code", f.region_code).kv("classification", std::string(auth::clearance_name(f.classification)))
      .kv("entity", f.entity).kv("entity_id", f.entity_id).kv("uploaded_at", f.uploaded_at).end_object();
  return o.take();
}

Result<std::string> EvidenceStore::place(const std::string& tmp_path, const std::string& sha, int64_t size) {
  if (size <= 0)
    return Error::invalid_field("file", "empty", "Berkas kosong.", "The file is empty.");
  if (static_cast<size_t>(size) > max_bytes_)
    return Error::make(ErrorKind::TooLarge, "file.too_large",
                       fmt::format("Berkas terlalu besar; paling besar {} MB.", max_bytes_ >> 20),
                       fmt::format("The file is too large; at most {} MB.", max_bytes_ >> 20));
  std::string head(16, '\0');
  {
    std::ifstream f(tmp_path, std::ios::binary);
    f.read(head.data(), 16);
    head.resize(static_cast<size_t>(f.gcount()));
  }
  std::string mime = sniff_type(head, tmp_path);
  if (mime.empty())
    return Error::make(ErrorKind::UnsupportedMedia, "file.type",
                       "Jenis berkas tidak diterima. Unggah PDF, JPEG, PNG, DOCX, XLSX, atau PPTX.",
                       "This file type is not accepted. Upload a PDF, JPEG, PNG, DOCX, XLSX or PPTX file.");
  std::string dest = path_of(sha);
  std::error_code ec;
  fs::create_directories(fs::path(dest).parent_path(), ec);
  if (!fs::exists(dest, ec)) {
    // Copy to a temporary name beside the destination, then rename: a crash never leaves a
    // half-written file at a content address.
    std::string part = dest + ".part-" + random_token(8);
    fs::copy_file(tmp_path, part, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(part, dest, ec);
    if (ec) {
      fs::remove(part, ec);
      return Error::unavailable("Could not store the file.");
    }
  }
  return mime;
}

Result<StoredFile> EvidenceStore::store_bytes(db::Conn& c, const auth::Scope& who, std::string_view bytes, const UploadMeta& meta) {
  if (bytes.empty()) return Error::internal("a generated file is empty");
  const std::string sha = sha256_hex(bytes);
  const std::string tmp = tmp_dir() + "/made-" + random_token(8);
  {
    std::ofstream f(tmp, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return Error::internal("could not write a generated file");
  }
  auto mime = place(tmp, sha, static_cast<int64_t>(bytes.size()));
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  if (!mime.ok()) return mime.error();
  return record(c, who, sha, static_cast<int64_t>(bytes.size()), *mime, meta);
}

Result<StoredFile> EvidenceStore::record(db::Conn& c, const auth::Scope& who, const std::string& sha, int64_t size,
                                         const std::string& mime, const UploadMeta& meta) {
  StoredFile out;
  out.sha256 = sha;
  out.name = meta.name;
  out.mime = mime;
  out.size = size;
  out.region_code = meta.region_code;
  out.classification = meta.classification;
  out.entity = meta.entity;
  out.entity_id = meta.entity_id;
  out.uploaded_at = now_iso();
  if (!c.query_i64("SELECT 1 FROM blobs WHERE sha256 = ?", {sha}))
    c.exec("INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, ?, ?, ?)", {sha, size, mime, out.uploaded_at});
  out.id = c.insert(
      "INSERT INTO evidence_files (sha256, name, mime, size, region_code, classification, entity, entity_id, "
      "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {sha, out.name, mime, size, out.region_code, int64_t{out.classification}, out.entity, out.entity_id,
       who.user_id, out.uploaded_at});
  audit::append(c, who, {"create", "evidence_file", std::to_string(out.id), out.region_code, out.classification,
                         std::nullopt, to_json(out)});
  return out;
}

Result<StoredFile> EvidenceStore::find(db::Database& db, const auth::Scope& who, int64_t id) {
  std::optional<StoredFile> f;
  db::Params p{id};
  std::string where = who.record_filter("region_code", "classification", p);
  Status s = db.read([&](db::Conn& c) {
    c.query("SELECT id, sha256, name, mime, size, region_code, classification, entity, entity_id, uploaded_at "
            "FROM evidence_files WHERE id = ? AND " + where, p, [&](const db::Row& r) {
              f = StoredFile{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(5), r.str(7), r.str(8), r.str(9),
                             r.i64(4), static_cast<int>(r.i64(6))};
            });
  });
  if (!s.ok()) return s.error();
  if (!f) return Error::not_found("Berkas tidak ditemukan.", "The file was not found.");
  return std::move(*f);
}

}  // namespace pantau::files
