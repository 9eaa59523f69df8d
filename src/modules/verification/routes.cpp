// The public verification of official documents (no account): /api/v1/verify/{code}.
// GET answers what the register holds about the document (only number, kind, title, date,
// issuer, hash and whether it was superseded); POST with the PDF (the raw body, or a multipart
// form with a "file" part) also says whether the upload is byte-identical to what was issued.
// An unknown code, a malformed one and a document still being made answer the same 404 as any
// absent record. Rate limited per client address.
#include <fstream>

#include "core/crypto.h"
#include "documents/register.h"
#include "http/app.h"
#include "http/multipart.h"
#include "http/rate_limit.h"

namespace pantau::verification {

using http::Ctx;
using http::Response;
using documents::Entry;
using documents::find_by_code;
using documents::public_json;

namespace {

http::RateLimiter& limiter() {
  static http::RateLimiter l(60);
  return l;
}

// Hashes the "file" part of a multipart upload as it streams by.
class HashFilePart : public http::PartHandler {
 public:
  Status on_part_begin(const http::PartInfo& info) override {
    in_file_ = info.name == "file";
    if (in_file_) seen = true;
    return {};
  }
  Status on_part_data(std::string_view d) override {
    if (in_file_) sha.update(d);
    return {};
  }
  Status on_part_end() override {
    in_file_ = false;
    return {};
  }
  Sha256 sha;
  bool seen = false;

 private:
  bool in_file_ = false;
};

Result<std::string> uploaded_sha256(const http::Request& req) {
  std::ifstream in(req.body_file, std::ios::binary);
  std::string chunk(64 * 1024, '\0');
  auto each_chunk = [&](const std::function<Status(std::string_view)>& fn) -> Status {
    if (req.body_file.empty()) return fn(req.body);
    while (in) {
      in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
      auto n = static_cast<size_t>(in.gcount());
      if (n == 0) break;
      PANTAU_CHECK(fn(std::string_view(chunk.data(), n)));
    }
    return {};
  };
  Error no_file = Error::invalid_field("file", "required", "Pilih berkas PDF yang akan diperiksa.", "Choose the PDF file to check.");
  if (req.header("content-type").starts_with("multipart/")) {
    PANTAU_TRY(std::string boundary, http::multipart_boundary(req.header("content-type")));
    HashFilePart parts;
    http::MultipartParser parser(boundary, parts);
    PANTAU_CHECK(each_chunk([&](std::string_view d) { return parser.feed(d); }));
    PANTAU_CHECK(parser.finish());
    if (!parts.seen) return no_file;
    return parts.sha.hex();
  }
  if (req.body_size == 0 && req.body.empty()) return no_file;
  Sha256 sha;
  PANTAU_CHECK(each_chunk([&](std::string_view d) -> Status {
    sha.update(d);
    return {};
  }));
  return sha.hex();
}

// Public and rate limited, so it opens with the limiter rather than the kit's path id: the code
// is a register code, not a record id. The upload is hashed after the read, outside any
// transaction. The register's answer is written by documents/register.
Response verify(Ctx& ctx, bool with_upload) {
  if (!limiter().allow(ctx.req.remote_ip)) return http::RateLimiter::refused();
  std::string code(ctx.req.param("code"));
  PANTAU_TRY(Entry e, ctx.db().read_value<Entry>([&](db::Conn& c) -> Result<Entry> {
    auto found = find_by_code(c, code);
    if (!found) return Error::not_found();
    return std::move(*found);
  }));
  std::string body;
  if (with_upload) {
    PANTAU_TRY(std::string sha, uploaded_sha256(ctx.req));
    body = public_json(e, e.sha256 && secure_equals(sha, *e.sha256), sha);
  } else {
    body = public_json(e);
  }
  Response r = Response::json(200, std::move(body));
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  r.get("/api/v1/verify/{code}", [](Ctx& ctx) { return verify(ctx, false); }, http::RouteOptions{true, {}, false});
  r.post("/api/v1/verify/{code}", [](Ctx& ctx) { return verify(ctx, true); }, http::RouteOptions{true, {}, true});
}

}  // namespace pantau::verification
