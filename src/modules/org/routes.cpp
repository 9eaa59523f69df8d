// /api/v1/org-units and /api/v1/users: administration within the admin's scope.
#include <fstream>

#include "auth/password.h"
#include "auth/roles.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "files/evidence.h"
#include "http/app.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "modules/org/public.h"
#include "modules/org/rules.h"
#include "report/pdf.h"
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
  u.address = in.str("address", false, 300);
  u.contact = in.str("contact", false, 300);
  u.city = in.str("city", false, 100);
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

// POST /org-units/{id}/emblem: the body is the image itself (PNG or JPEG, by its bytes).
Response put_emblem(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  const size_t size = ctx.req.body_file.empty() ? ctx.req.body.size() : ctx.req.body_size;
  if (size == 0)
    return Error::invalid_field("file", "empty", "Pilih gambar lambang daerah untuk diunggah.",
                                "Choose the image of the coat of arms to upload.");
  if (size > kMaxEmblemBytes)
    return Error::make(ErrorKind::TooLarge, "file.too_large", "Gambar lambang terlalu besar; paling besar 1 MB.",
                       "The coat of arms image is too large; at most 1 MB.");
  std::string bytes = ctx.req.body;
  if (!ctx.req.body_file.empty()) {
    std::ifstream f(ctx.req.body_file, std::ios::binary);
    bytes.assign(size, '\0');
    f.read(bytes.data(), static_cast<std::streamsize>(size));
    if (static_cast<size_t>(f.gcount()) != size) return Error::unavailable("Could not read the uploaded file.");
  }
  PANTAU_TRY(report::ImageInfo info, report::inspect_image(bytes));
  Sha256 sha;
  sha.update(bytes);
  const std::string digest = sha.hex();
  files::EvidenceStore& store = *ctx.svc.files;
  std::string tmp = ctx.req.body_file;
  if (tmp.empty()) {  // a small body arrived in memory: the store takes files
    tmp = store.tmp_dir() + "/emblem-" + random_token(12);
    std::ofstream(tmp, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  auto placed = store.place(tmp, digest, static_cast<int64_t>(size));
  if (tmp != ctx.req.body_file) std::remove(tmp.c_str());
  if (!placed.ok()) return placed.error();
  return http::write(ctx, [&](db::Conn& c) -> Result<OrgUnit> {
    auto unit = get_org_unit(c, ctx.scope(), t.id);
    if (!unit) return Error::not_found("Unit organisasi tidak ditemukan.", "Org unit not found.");
    if (unit->version != t.version) return Error::stale_version();
    files::UploadMeta meta{info.mime == "image/png" ? "lambang.png" : "lambang.jpg", unit->region_code, "org_unit_emblem",
                           std::to_string(unit->id), 0};
    PANTAU_TRY(files::StoredFile f, store.record(c, ctx.scope(), digest, static_cast<int64_t>(size), info.mime, meta));
    return set_org_unit_emblem(c, ctx.scope(), t.id, t.version, f.id);
  });
}

Response delete_emblem(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  return http::write(ctx, [&](db::Conn& c) { return set_org_unit_emblem(c, ctx.scope(), t.id, t.version, std::nullopt); });
}

// GET /org-units/{id}/emblem: the image, for the office form's preview.
Response get_emblem(Ctx& ctx) {
  PANTAU_TRY(int64_t id, http::path_id(ctx.req));
  std::optional<OrgUnit> unit;
  PANTAU_CHECK(ctx.db().read([&](db::Conn& c) { unit = get_org_unit(c, ctx.scope(), id); }));
  if (!unit || !unit->emblem)
    return Error::not_found("Unit ini belum memiliki lambang daerah.", "This org unit has no coat of arms.");
  Response r = http::attachment("", unit->emblem->mime, unit->emblem->mime == "image/png" ? "lambang.png" : "lambang.jpg");
  r.file_path = ctx.svc.files->path_of(unit->emblem->sha256);
  return r;
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
  u.nip = in.str("nip", false, 40);
  if (u.nip) {
    // Written with or without the spaces of "19680412 199403 1 007"; stored as the 18 digits.
    std::string digits;
    for (char ch : *u.nip)
      if (ch != ' ') digits += ch;
    *u.nip = digits;
    if (!valid_nip(digits))
      in.add_error("nip", "invalid", "NIP terdiri atas 18 angka (kosongkan bila bukan ASN).",
                   "An NIP is 18 digits (leave it empty for someone who is not a civil servant).");
  }
  u.rank = in.str("rank", false, 100);
  u.position_title = in.str("position_title", false, 200);
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
  r.get("/api/v1/org-units/{id}/emblem", get_emblem);
  r.post("/api/v1/org-units/{id}/emblem", put_emblem, {false, auth::kOrgAdmin, true});
  r.del("/api/v1/org-units/{id}/emblem", delete_emblem, org);
  r.get("/api/v1/users", list_all_users, users);
  r.post("/api/v1/users", create_one_user, users);
  r.get("/api/v1/users/{id}", get_one_user, users);
  r.patch("/api/v1/users/{id}", update_one_user, users);
  r.post("/api/v1/users/{id}/password", reset_password, users);
}

}  // namespace pantau::org
