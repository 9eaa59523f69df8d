#include "http/write_safety.h"

#include "core/crypto.h"
#include "core/strings.h"
#include "core/time.h"
#include "http/json.h"

namespace pantau::http {

Result<int64_t> required_version(const Request& req) {
  std::string v = trim(req.header("if-match"));
  if (v.empty())
    return Error::make(ErrorKind::PreconditionRequired, "version_required",
                       "Perubahan harus menyebut versi data (If-Match).",
                       "An update must name the version it changes (If-Match header).");
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  auto n = parse_int64(v);
  if (!n || *n < 1)
    return Error::bad_request("version_malformed", "Versi pada If-Match tidak valid.", "The If-Match version is malformed.");
  return *n;
}

std::string etag(int64_t version) {
  std::string e(1, '"');
  e += std::to_string(version);
  e += '"';
  return e;
}

Response with_version(Response r, int64_t version) {
  r.header("ETag", etag(version));
  return r;
}

Response idempotent_write(Ctx& ctx, const std::function<Result<Response>(db::Conn&)>& op) {
  std::string key(trim(ctx.req.header("idempotency-key")));
  if (key.size() > 128 || !valid_utf8(key))
    return Response::problem(Error::bad_request("idempotency.malformed", "Idempotency-Key tidak valid.",
                                                "The Idempotency-Key header is malformed."));
  std::string req_hash = sha256_hex(ctx.req.method + "\n" + ctx.req.path + "\n" + ctx.req.body);
  int64_t user = ctx.who ? ctx.who->scope.user_id : 0;

  for (int attempt = 0; attempt < 2; ++attempt) {
    std::optional<Response> out;
    Status s = ctx.db().write([&](db::Conn& c) -> Status {
      if (!key.empty()) {
        bool found = false;
        std::string stored_hash, body;
        int64_t status = 0;
        c.query("SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = ? AND key = ?",
                {user, key}, [&](const db::Row& r) {
                  found = true;
                  stored_hash = r.str(0);
                  status = r.i64(1);
                  body = r.str(2);
                });
        if (found) {
          if (stored_hash != req_hash)
            return Error::make(ErrorKind::Invalid, "idempotency.mismatch",
                               "Idempotency-Key ini sudah dipakai untuk permintaan lain.",
                               "This Idempotency-Key was already used for a different request.");
          Response r = Response::json(static_cast<int>(status), body);
          r.header("Idempotent-Replayed", "true");
          // Only the body is stored: give the replay the ETag the first answer had (the
          // record's version), so a retrying client can go on to update the record.
          if (auto in = json::In::parse(body); in.ok())
            if (auto v = in->int64("version", false, 1); v && in->ok()) r = with_version(std::move(r), *v);
          out = std::move(r);
          return {};
        }
      }
      auto r = op(c);
      if (!r.ok()) return r.error();
      if (!key.empty() && r->status >= 200 && r->status < 300) {
        c.exec("INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status, response, created_at) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               {user, key, ctx.req.method, ctx.req.path, req_hash, int64_t{r->status}, r->body, now_iso()});
      }
      out = std::move(r.value());
      return {};
    });
    if (s.ok()) return std::move(*out);
    // A concurrent request with the same key committed first: the retry replays its answer.
    if (!key.empty() && attempt == 0 && s.error().code == "constraint") continue;
    return Response::problem(s.error());
  }
  return Response::problem(Error::internal());
}

}  // namespace pantau::http
