// /api/v1/org-units and /api/v1/users: administration within the admin's scope.
#include "auth/password.h"
#include "auth/roles.h"
#include "core/strings.h"
#include "http/app.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/org/rules.h"
#include "modules/org/store.h"

namespace pantau::org {

using http::Ctx;
using http::Response;

namespace {

Result<ListQuery> list_query(const http::Request& req) {
  ListQuery q;
  PANTAU_TRY(http::Paging page, http::paging(req));
  q.after = page.after;
  q.limit = page.limit;
  q.q = req.q("q").value_or("");
  PANTAU_TRY(q.kind, http::enum_param(req, "kind", kOrgKinds));
  q.role = req.q("role").value_or("");
  if (!q.role.empty() && !auth::find_role(q.role))
    return Error::invalid_field("role", "not_allowed", "Peran tidak dikenal.", "Unknown role.");
  if (auto o = req.q("org_unit_id"); o && !o->empty()) {
    auto v = parse_int64(*o);
    if (!v) return Error::invalid_field("org_unit_id", "invalid", "Harus berupa angka.", "Must be a number.");
    q.org_unit_id = *v;
  }
  return q;
}

using http::path_id;

using http::page_json;

Result<OrgUnitInput> org_unit_input(const http::Request& req, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  OrgUnitInput u;
  u.name = in.str("name", create, 200);
  u.kind = in.one_of("kind", create, kOrgKinds);
  if (in.has("region_code")) u.region_code = in.str("region_code", false, 8).value_or("");
  else if (create) u.region_code = "";
  u.parent_id = in.int64("parent_id", false, 1);
  if (!in.ok()) return in.error();
  return u;
}

Response list_units(Ctx& ctx) {
  auto q = list_query(ctx.req);
  if (!q.ok()) return Response::problem(q.error());
  std::string body;
  Status s = ctx.db().read([&](db::Conn& c) { body = page_json(list_org_units(c, ctx.scope(), *q)); });
  return s.ok() ? Response::json(200, body) : Response::problem(s.error());
}

Response get_unit(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  std::optional<OrgUnit> u;
  Status s = ctx.db().read([&](db::Conn& c) { u = get_org_unit(c, ctx.scope(), *id); });
  if (!s.ok()) return Response::problem(s.error());
  if (!u) return Response::problem(Error::not_found("Unit organisasi tidak ditemukan.", "Org unit not found."));
  return http::with_version(Response::json(200, to_json(*u)), u->version);
}

Response create_unit(Ctx& ctx) {
  auto in = org_unit_input(ctx.req, true);
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(OrgUnit u, create_org_unit(c, ctx.scope(), *in));
    return http::with_version(Response::json(201, to_json(u)), u.version);
  });
}

Response update_unit(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = org_unit_input(ctx.req, false);
  if (!in.ok()) return Response::problem(in.error());
  auto r = ctx.db().write_value<OrgUnit>([&](db::Conn& c) { return update_org_unit(c, ctx.scope(), *id, *version, *in); });
  if (!r.ok()) return Response::problem(r.error());
  return http::with_version(Response::json(200, to_json(*r)), r->version);
}

Response list_all_users(Ctx& ctx) {
  auto q = list_query(ctx.req);
  if (!q.ok()) return Response::problem(q.error());
  std::string body;
  Status s = ctx.db().read([&](db::Conn& c) { body = page_json(list_users(c, ctx.scope(), *q)); });
  return s.ok() ? Response::json(200, body) : Response::problem(s.error());
}

Response get_one_user(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  std::optional<User> u;
  Status s = ctx.db().read([&](db::Conn& c) { u = get_user(c, ctx.scope(), *id); });
  if (!s.ok()) return Response::problem(s.error());
  if (!u) return Response::problem(Error::not_found("Pengguna tidak ditemukan.", "User not found."));
  return http::with_version(Response::json(200, to_json(*u)), u->version);
}

Result<UserInput> user_input(const http::Request& req, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  UserInput u;
  if (create) {
    u.username = in.str("username", true, 64);
    if (u.username) {
      *u.username = to_lower_ascii(*u.username);
      if (!valid_username(*u.username))
        in.add_error("username", "invalid", "Nama pengguna 3-64 karakter: huruf kecil, angka, titik, garis bawah, atau tanda hubung.",
                     "Usernames are 3-64 characters: lower-case letters, digits, dot, underscore or hyphen.");
    }
    u.password = in.str("password", true, 200);
    if (u.password && u.username)
      for (auto& e : auth::check_password_policy(*u.username, *u.password)) in.add_error(e.field, e.code, e.message.id, e.message.en);
  }
  u.full_name = in.str("full_name", create, 200);
  u.email = in.str("email", false, 254);
  if (u.email && !valid_email(*u.email)) in.add_error("email", "invalid", "Alamat surel tidak valid.", "The e-mail address is not valid.");
  std::vector<std::string_view> role_codes;
  for (auto& r : auth::all_roles()) role_codes.push_back(r.code);
  u.role = in.one_of("role", create, role_codes);
  if (auto c = in.one_of("clearance", false, auth::kClearanceNames)) u.clearance = auth::parse_clearance(*c);
  u.org_unit_id = in.int64("org_unit_id", create, 1);
  u.disabled = in.boolean("disabled", false);
  if (!in.ok()) return in.error();
  return u;
}

Response create_one_user(Ctx& ctx) {
  auto in = user_input(ctx.req, true);
  if (!in.ok()) return Response::problem(in.error());
  auto hash = auth::hash_password(*in->password);
  if (!hash.ok()) return Response::problem(hash.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(User u, create_user(c, ctx.scope(), *in, *hash));
    return http::with_version(Response::json(201, to_json(u)), u.version);
  });
}

Response update_one_user(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = user_input(ctx.req, false);
  if (!in.ok()) return Response::problem(in.error());
  auto r = ctx.db().write_value<User>([&](db::Conn& c) { return update_user(c, ctx.scope(), *id, *version, *in); });
  if (!r.ok()) return Response::problem(r.error());
  return http::with_version(Response::json(200, to_json(*r)), r->version);
}

Response reset_password(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto pw = in->str("password", true, 200);
  if (!in->ok()) return Response::problem(in->error());
  std::optional<User> target;
  Status s = ctx.db().read([&](db::Conn& c) { target = get_user(c, ctx.scope(), *id); });
  if (!s.ok()) return Response::problem(s.error());
  if (!target) return Response::problem(Error::not_found("Pengguna tidak ditemukan.", "User not found."));
  auto errs = auth::check_password_policy(target->username, *pw);
  if (!errs.empty()) return Response::problem(Error::invalid(errs));
  auto hash = auth::hash_password(*pw);
  if (!hash.ok()) return Response::problem(hash.error());
  s = ctx.db().write([&](db::Conn& c) { return set_password(c, ctx.scope(), *id, *hash); });
  return s.ok() ? Response::no_content() : Response::problem(s.error());
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions org{false, auth::kOrgAdmin};
  http::RouteOptions users{false, auth::kUserAdmin};
  r.get("/api/v1/org-units", list_units);
  r.post("/api/v1/org-units", create_unit, org);
  r.get("/api/v1/org-units/{id}", get_unit);
  r.patch("/api/v1/org-units/{id}", update_unit, org);
  r.get("/api/v1/users", list_all_users, users);
  r.post("/api/v1/users", create_one_user, users);
  r.get("/api/v1/users/{id}", get_one_user, users);
  r.patch("/api/v1/users/{id}", update_one_user, users);
  r.post("/api/v1/users/{id}/password", reset_password, users);
}

}  // namespace pantau::org
