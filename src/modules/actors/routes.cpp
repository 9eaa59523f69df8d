// /api/v1/actors/...: suggestions while typing, the NIK check of a form, the actor page, and the
// officer's decisions (link a party officer, keep apart, merge, unmerge).
#include "auth/roles.h"
#include "http/app.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/actors/store.h"

namespace pantau::actors {

using http::Ctx;
using http::Response;

namespace {

Response suggest(Ctx& ctx) {
  std::string q = ctx.req.q("q").value_or("");
  if (q.size() > 100) return Response::problem(Error::invalid_field("q", "too_long", "Teks pencarian terlalu panjang.", "The search text is too long."));
  int limit = static_cast<int>(std::clamp<int64_t>(parse_int64(ctx.req.q("limit").value_or("10")).value_or(10), 1, 50));
  std::string body;
  Status s = ctx.db().read([&](db::Conn& c) { body = suggest_json(c, ctx.scope(), q, limit); });
  return s.ok() ? Response::json(200, body) : Response::problem(s.error());
}

Response nik_check(Ctx& ctx) {
  std::string nik = ctx.req.q("nik").value_or("");
  auto info = check_nik(nik, *parse_date(now_iso().substr(0, 10)));
  json::Out o;
  o.begin_object().kv("valid", info.ok());
  if (info.ok()) {
    o.kv("region_code", info->region_code).kv("birth_date", format_date(info->birth_date)).kv("sex", std::string(1, info->sex));
  } else {
    auto& f = info.error().fields.front();
    o.kv("code", f.code).kv_message("message", f.message);
  }
  o.end_object();
  return Response::json(200, o.take());
}

Response get_actor(Ctx& ctx) {
  auto id = http::path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  std::optional<std::string> body;
  Status s = ctx.db().read([&](db::Conn& c) { body = actor_json(c, ctx.scope(), *id); });
  if (!s.ok()) return Response::problem(s.error());
  if (!body) return Response::problem(Error::not_found("Aktor tidak ditemukan.", "Actor not found."));
  return Response::json(200, *body);
}

// POST with {"candidate": "..."} or {"actor_id": n}: runs `op` and answers with the actor page.
Response decision(Ctx& ctx, const std::function<Status(db::Conn&, int64_t, json::In&)>& op) {
  auto id = http::path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto in = json::In::parse(ctx.req.body.empty() ? std::string_view("{}") : std::string_view(ctx.req.body));
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_CHECK(op(c, *id, *in));
    if (!in->ok()) return in->error();
    auto body = actor_json(c, ctx.scope(), *id);
    if (!body) return Error::not_found("Aktor tidak ditemukan.", "Actor not found.");
    return Response::json(200, *body);
  });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions review{false, auth::kRecordReview};
  r.get("/api/v1/actors/suggest", suggest, read);
  r.get("/api/v1/actors/nik-check", nik_check, read);
  r.get("/api/v1/actors/{id}", get_actor, read);
  r.post("/api/v1/actors/{id}/link", [](Ctx& ctx) {
    return decision(ctx, [&](db::Conn& c, int64_t id, json::In& in) -> Status {
      auto cand = in.str("candidate", true, 100);
      if (!in.ok()) return in.error();
      return link_party_officer(c, ctx.scope(), id, *cand);
    });
  }, review);
  r.post("/api/v1/actors/{id}/keep-apart", [](Ctx& ctx) {
    return decision(ctx, [&](db::Conn& c, int64_t id, json::In& in) -> Status {
      auto cand = in.str("candidate", true, 100);
      if (!in.ok()) return in.error();
      return keep_apart(c, ctx.scope(), id, *cand);
    });
  }, review);
  r.post("/api/v1/actors/{id}/merge", [](Ctx& ctx) {
    return decision(ctx, [&](db::Conn& c, int64_t id, json::In& in) -> Status {
      auto other = in.int64("actor_id", true, 1);
      if (!in.ok()) return in.error();
      return merge(c, ctx.scope(), id, *other);
    });
  }, review);
  r.post("/api/v1/actors/{id}/unmerge", [](Ctx& ctx) {
    return decision(ctx, [&](db::Conn& c, int64_t id, json::In&) -> Status { return unmerge(c, ctx.scope(), id); });
  }, review);
}

}  // namespace pantau::actors
