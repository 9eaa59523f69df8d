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

Response verify(Ctx& ctx, bool with_upload) {
  if (!limiter().allow(ctx.req.remote_ip)) return Response::problem(http::RateLimiter::refused());
  std::string code(ctx.req.param("code"));
  std::optional<Entry> e;
  Status s = ctx.db().read([&](db::Conn& c) { e = find_by_code(c, code); });
  if (!s.ok()) return Response::problem(s.error());
  if (!e) return Response::problem(Error::not_found());
  Response r;
  if (with_upload) {
    auto sha = uploaded_sha256(ctx.req);
    if (!sha.ok()) return Response::problem(sha.error());
    r = Response::json(200, public_json(*e, e->sha256 && secure_equals(*sha, *e->sha256), *sha));
  } else {
    r = Response::json(200, public_json(*e));
  }
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
