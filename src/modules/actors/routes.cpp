// /api/v1/actors/...: suggestions while typing, the NIK check of a form, the actor page, and the
// officer's decisions (link a party officer, keep apart, merge, unmerge).
#include "core/service_clock.h"
#include "auth/roles.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "modules/actors/store.h"

namespace pantau::actors {

using http::Ctx;
using http::Response;

namespace {

Error no_actor() { return Error::not_found("Aktor tidak ditemukan.", "Actor not found."); }

// The actor page as it is answered, after a read or a decision. It carries its version in the
// body only (the decisions take no If-Match), so no ETag.
Result<Response> page_answer(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto page = actor_page(c, s, id);
  if (!page) return no_actor();
  return Response::json(200, to_json(*page));
}

Response suggest_route(Ctx& ctx) {
  std::string q = ctx.req.q("q").value_or("");
  if (q.size() > 100) return Error::invalid_field("q", "too_long", "Teks pencarian terlalu panjang.", "The search text is too long.");
  PANTAU_TRY(int limit, http::limit_param(ctx.req, 10, 50));
  return http::read_items(ctx, [&](db::Conn& c) { return suggest(c, ctx.scope(), q, limit); });
}

Response nik_check(Ctx& ctx) {
  std::string nik = ctx.req.q("nik").value_or("");
  return Response::json(200, nik_check_json(check_nik(nik, office_today(ctx.scope().region_code))));
}

Response get_actor(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  return http::read(ctx, [&](db::Conn& c) { return page_answer(c, ctx.scope(), id); });
}

// A decision's body: {"candidate": "..."} or {"actor_id": n}; an empty body is {}.
Result<json::In> decision_body(const http::Request& req) {
  return json::In::parse(req.body.empty() ? std::string_view("{}") : std::string_view(req.body));
}

Result<std::string> candidate_input(const http::Request& req) {
  PANTAU_TRY(json::In in, decision_body(req));
  auto cand = in.str("candidate", true, 100);
  if (!in.ok()) return in.error();
  return *cand;
}

Result<int64_t> other_actor_input(const http::Request& req) {
  PANTAU_TRY(json::In in, decision_body(req));
  auto other = in.int64("actor_id", true, 1);
  if (!in.ok()) return in.error();
  return *other;
}

// Runs the decision `op(conn)` (Idempotency-Key honoured) and answers with the actor page.
template <class Op>
Response decision(Ctx& ctx, int64_t id, Op op) {
  return http::create(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_CHECK(op(c));
    return page_answer(c, ctx.scope(), id);
  });
}

Response link_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(std::string cand, candidate_input(ctx.req));
  return decision(ctx, id, [&](db::Conn& c) { return link_party_officer(c, ctx.scope(), id, cand); });
}

Response keep_apart_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(std::string cand, candidate_input(ctx.req));
  return decision(ctx, id, [&](db::Conn& c) { return keep_apart(c, ctx.scope(), id, cand); });
}

Response merge_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(int64_t other, other_actor_input(ctx.req));
  return decision(ctx, id, [&](db::Conn& c) { return merge(c, ctx.scope(), id, other); });
}

Response unmerge_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_CHECK(decision_body(ctx.req));  // a malformed body is still a 400
  return decision(ctx, id, [&](db::Conn& c) { return unmerge(c, ctx.scope(), id); });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions review{false, auth::kRecordReview};
  r.get("/api/v1/actors/suggest", suggest_route, read);
  r.get("/api/v1/actors/nik-check", nik_check, read);
  r.get("/api/v1/actors/{id}", get_actor, read);
  r.post("/api/v1/actors/{id}/link", link_route, review);
  r.post("/api/v1/actors/{id}/keep-apart", keep_apart_route, review);
  r.post("/api/v1/actors/{id}/merge", merge_route, review);
  r.post("/api/v1/actors/{id}/unmerge", unmerge_route, review);
}

}  // namespace pantau::actors
