// /api/v1/org-units and /api/v1/users: administration within the admin's scope.
#include "auth/password.h"
#include "auth/roles.h"
#include "core/strings.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "modules/org/rules.h"
#include "modules/org/store.h"

namespace pantau::org {

using http::Ctx;
using http::Response;

namespace {

Result<ListQuery> list_query(const http::Request& req) {
  ListQuery q;
  PANTAU_TRY(q.page, http::paging(req));
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
  PANTAU_TRY(ListQuery q, list_query(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_org_units(c, ctx.scope(), q); });
}

Response get_unit(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_org_unit(c, ctx.scope(), id); },
                        {"Unit organisasi tidak ditemukan.", "Org unit not found."});
}

Response create_unit(Ctx& ctx) {
  PANTAU_TRY(OrgUnitInput in, org_unit_input(ctx.req, true));
  return http::create(ctx, [&](db::Conn& c) { return create_org_unit(c, ctx.scope(), in); });
}

Response update_unit(Ctx& ctx) {
  return http::update(ctx, [](const http::Request& req) { return org_unit_input(req, false); },
                      [&](db::Conn& c, int64_t id, int64_t version, const OrgUnitInput& in) {
                        return update_org_unit(c, ctx.scope(), id, version, in);
                      });
}

Response list_all_users(Ctx& ctx) {
  PANTAU_TRY(ListQuery q, list_query(ctx.req));
  return http::read_page(ctx, [&](db::Conn& c) { return list_users(c, ctx.scope(), q); });
}

Response get_one_user(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_user(c, ctx.scope(), id); },
                        {"Pengguna tidak ditemukan.", "User not found."});
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
  PANTAU_TRY(UserInput in, user_input(ctx.req, true));
  PANTAU_TRY(std::string hash, auth::hash_password(*in.password));
  return http::create(ctx, [&](db::Conn& c) { return create_user(c, ctx.scope(), in, hash); });
}

Response update_one_user(Ctx& ctx) {
  return http::update(ctx, [](const http::Request& req) { return user_input(req, false); },
                      [&](db::Conn& c, int64_t id, int64_t version, const UserInput& in) {
                        return update_user(c, ctx.scope(), id, version, in);
                      });
}

Result<std::string> new_password(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  auto pw = in.str("password", true, 200);
  if (!in.ok()) return in.error();
  return *pw;
}

// The password is checked against the user's name and hashed before the write transaction
// (hashing is slow), so the target is read first.
Response reset_password(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  PANTAU_TRY(std::string pw, new_password(ctx.req));
  PANTAU_TRY(User target, ctx.db().read_value<User>([&](db::Conn& c) -> Result<User> {
    auto u = get_user(c, ctx.scope(), id);
    if (!u) return Error::not_found("Pengguna tidak ditemukan.", "User not found.");
    return std::move(*u);
  }));
  if (auto errs = auth::check_password_policy(target.username, pw); !errs.empty()) return Error::invalid(errs);
  PANTAU_TRY(std::string hash, auth::hash_password(pw));
  return http::write(ctx, [&](db::Conn& c) { return set_password(c, ctx.scope(), id, hash); });
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
