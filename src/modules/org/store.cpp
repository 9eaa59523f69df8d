#include "modules/org/store.h"

#include "audit/audit.h"
#include "auth/roles.h"
#include "auth/sessions.h"
#include "core/strings.h"
#include "core/time.h"
#include "modules/org/public.h"
#include "modules/org/rules.h"

namespace pantau::org {

static constexpr const char* kUnitSelect =
    "SELECT o.id, o.name, o.kind, o.region_code, COALESCE(r.name, ''), o.parent_id, o.version, o.address, o.contact, "
    "o.city, f.id, COALESCE(f.sha256, ''), COALESCE(f.mime, ''), COALESCE(f.size, 0) "
    "FROM org_units o LEFT JOIN regions r ON r.code = o.region_code LEFT JOIN evidence_files f ON f.id = o.emblem_file_id ";

static OrgUnit unit_from(const db::Row& r) {
  OrgUnit u;
  u.id = r.i64(0);
  u.name = r.str(1);
  u.kind = r.str(2);
  u.region_code = r.str(3);
  u.region_name = u.region_code.empty() ? "Nasional" : r.str(4);
  u.parent_id = r.opt_i64(5);
  u.version = r.i64(6);
  u.address = r.str(7);
  u.contact = r.str(8);
  u.city = r.str(9);
  if (auto file = r.opt_i64(10)) u.emblem = Emblem{*file, r.str(11), r.str(12), r.i64(13)};
  return u;
}

Page<OrgUnit> list_org_units(db::Conn& c, const auth::Scope& s, const ListQuery& q) {
  db::Params p;
  std::string sql = std::string(kUnitSelect) + "WHERE " + s.region_filter("o.region_code", p);
  if (!q.q.empty()) {
    sql += " AND pantau_fold(o.name) LIKE ? ESCAPE '\\'";
    p.emplace_back(like_contains_folded(q.q));
  }
  if (!q.kind.empty()) {
    sql += " AND o.kind = ?";
    p.emplace_back(q.kind);
  }
  return db::keyset_page(c, std::move(sql), std::move(p), q.page, "o.id", unit_from);
}

std::optional<OrgUnit> get_org_unit(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<OrgUnit> u;
  c.query(std::string(kUnitSelect) + "WHERE o.id = ? AND " + s.region_filter("o.region_code", p), p,
          [&](const db::Row& r) { u = unit_from(r); });
  if (u) {
    u->head_loaded = true;
    if (auto office = office_by_id(c, id); office && office->head) {
      const Official& h = *office->head;
      u->head = OfficeHead{h.user_id, h.name, h.nip, h.rank, h.position};
    }
  }
  return u;
}

static Status check_parent(db::Conn& c, const auth::Scope& s, const std::optional<int64_t>& parent, int64_t self_id) {
  if (!parent) return {};
  if (*parent == self_id)
    return Error::invalid_field("parent_id", "self", "Unit tidak boleh menjadi induk dirinya sendiri.",
                                "A unit cannot be its own parent.");
  if (!get_org_unit(c, s, *parent))
    return Error::invalid_field("parent_id", "not_found", "Unit induk tidak ditemukan dalam cakupan Anda.",
                                "The parent unit was not found in your scope.");
  return {};
}

static Status check_region_exists(db::Conn& c, const std::string& code) {
  if (!code.empty() && !c.query_i64("SELECT 1 FROM regions WHERE code = ?", {code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  return {};
}

Result<OrgUnit> create_org_unit(db::Conn& c, const auth::Scope& s, const OrgUnitInput& in) {
  PANTAU_CHECK(check_org_unit_placement(s, *in.kind, *in.region_code));
  PANTAU_CHECK(check_region_exists(c, *in.region_code));
  PANTAU_CHECK(check_parent(c, s, in.parent_id, 0));
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO org_units (name, kind, region_code, parent_id, address, contact, city, created_at, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {*in.name, *in.kind, *in.region_code, in.parent_id ? db::Value(*in.parent_id) : db::Value(), in.address.value_or(""),
       in.contact.value_or(""), in.city.value_or(""), now, now});
  auto u = get_org_unit(c, s, id);
  audit::append(c, s, {"create", "org_unit", std::to_string(id), u->region_code, 0, std::nullopt, to_json(*u)});
  return std::move(*u);
}

Result<OrgUnit> update_org_unit(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const OrgUnitInput& in) {
  auto before = get_org_unit(c, s, id);
  if (!before) return Error::not_found("Unit organisasi tidak ditemukan.", "Org unit not found.");
  if (before->version != version) return Error::stale_version();
  OrgUnit after = *before;
  if (in.name) after.name = *in.name;
  if (in.kind) after.kind = *in.kind;
  if (in.region_code) after.region_code = *in.region_code;
  if (in.parent_id) after.parent_id = in.parent_id;
  if (in.address) after.address = *in.address;
  if (in.contact) after.contact = *in.contact;
  if (in.city) after.city = *in.city;
  PANTAU_CHECK(check_org_unit_placement(s, after.kind, after.region_code));
  PANTAU_CHECK(check_region_exists(c, after.region_code));
  PANTAU_CHECK(check_parent(c, s, in.parent_id, id));
  int64_t n = c.exec(
      "UPDATE org_units SET name = ?, kind = ?, region_code = ?, parent_id = ?, address = ?, contact = ?, city = ?, "
      "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {after.name, after.kind, after.region_code, after.parent_id ? db::Value(*after.parent_id) : db::Value(),
       after.address, after.contact, after.city, now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto fresh = get_org_unit(c, s, id);
  audit::append(c, s, {"update", "org_unit", std::to_string(id), fresh->region_code, 0, to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

Result<OrgUnit> set_org_unit_emblem(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                    std::optional<int64_t> file_id) {
  auto before = get_org_unit(c, s, id);
  if (!before) return Error::not_found("Unit organisasi tidak ditemukan.", "Org unit not found.");
  if (before->version != version) return Error::stale_version();
  // Changing an office's letterhead is editing the office: the same placement rule as an update.
  PANTAU_CHECK(check_org_unit_placement(s, before->kind, before->region_code));
  int64_t n = c.exec("UPDATE org_units SET emblem_file_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                     {file_id ? db::Value(*file_id) : db::Value(), now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto fresh = get_org_unit(c, s, id);
  audit::append(c, s, {"update", "org_unit", std::to_string(id), fresh->region_code, 0, to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

static constexpr const char* kUserSelect =
    "SELECT u.id, u.username, u.full_name, u.email, u.role, u.clearance, u.org_unit_id, o.name, o.region_code, "
    "COALESCE(r.name, ''), u.disabled, COALESCE(u.locked_until, ''), u.version, u.nip, u.rank, u.position_title "
    "FROM users u JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN regions r ON r.code = o.region_code ";

static User user_from(const db::Row& r) {
  User u;
  u.id = r.i64(0);
  u.username = r.str(1);
  u.full_name = r.str(2);
  u.email = r.str(3);
  u.role = r.str(4);
  u.clearance = static_cast<int>(r.i64(5));
  u.org_unit_id = r.i64(6);
  u.org_unit_name = r.str(7);
  u.region_code = r.str(8);
  u.region_name = u.region_code.empty() ? "Nasional" : r.str(9);
  u.disabled = r.i64(10) != 0;
  u.locked = !r.text(11).empty() && r.str(11) > now_iso();
  u.version = r.i64(12);
  u.nip = r.str(13);
  u.rank = r.str(14);
  u.position_title = r.str(15);
  return u;
}

Page<User> list_users(db::Conn& c, const auth::Scope& s, const ListQuery& q) {
  db::Params p;
  std::string sql = std::string(kUserSelect) + "WHERE " + s.region_filter("o.region_code", p);
  if (!q.q.empty()) {
    sql += " AND (pantau_fold(u.username) LIKE ? ESCAPE '\\' OR pantau_fold(u.full_name) LIKE ? ESCAPE '\\')";
    p.emplace_back(like_contains_folded(q.q));
    p.emplace_back(like_contains_folded(q.q));
  }
  if (!q.role.empty()) {
    sql += " AND u.role = ?";
    p.emplace_back(q.role);
  }
  if (q.org_unit_id) {
    sql += " AND u.org_unit_id = ?";
    p.emplace_back(*q.org_unit_id);
  }
  return db::keyset_page(c, std::move(sql), std::move(p), q.page, "u.id", user_from);
}

std::optional<User> get_user(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<User> u;
  c.query(std::string(kUserSelect) + "WHERE u.id = ? AND " + s.region_filter("o.region_code", p), p,
          [&](const db::Row& r) { u = user_from(r); });
  return u;
}

Result<User> create_user(db::Conn& c, const auth::Scope& s, const UserInput& in, const std::string& password_hash) {
  auto unit = get_org_unit(c, s, *in.org_unit_id);
  if (!unit)
    return Error::invalid_field("org_unit_id", "not_found", "Unit organisasi tidak ditemukan dalam cakupan Anda.",
                                "The org unit was not found in your scope.");
  PANTAU_CHECK(check_assignment(s, *in.role, in.clearance.value_or(0), unit->region_code));
  if (c.query_i64("SELECT 1 FROM users WHERE username = ?", {*in.username}))
    return Error::invalid_field("username", "taken", "Nama pengguna sudah dipakai.", "This username is already taken.");
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO users (username, full_name, email, password_hash, role, clearance, org_unit_id, disabled, "
      "failed_logins, password_changed_at, created_at, updated_at, version, nip, rank, position_title) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, 1, ?, ?, ?)",
      {*in.username, *in.full_name, in.email.value_or(""), password_hash, *in.role, int64_t{in.clearance.value_or(0)},
       *in.org_unit_id, now, now, now, in.nip.value_or(""), in.rank.value_or(""), in.position_title.value_or("")});
  auto u = get_user(c, s, id);
  audit::append(c, s, {"create", "user", std::to_string(id), u->region_code, 0, std::nullopt, to_json(*u)});
  return std::move(*u);
}

Result<User> update_user(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const UserInput& in) {
  auto before = get_user(c, s, id);
  if (!before) return Error::not_found("Pengguna tidak ditemukan.", "User not found.");
  if (before->version != version) return Error::stale_version();
  User after = *before;
  if (in.full_name) after.full_name = *in.full_name;
  if (in.email) after.email = *in.email;
  if (in.role) after.role = *in.role;
  if (in.clearance) after.clearance = *in.clearance;
  if (in.disabled) after.disabled = *in.disabled;
  if (in.nip) after.nip = *in.nip;
  if (in.rank) after.rank = *in.rank;
  if (in.position_title) after.position_title = *in.position_title;
  std::string unit_region = before->region_code;
  if (in.org_unit_id && *in.org_unit_id != before->org_unit_id) {
    auto unit = get_org_unit(c, s, *in.org_unit_id);
    if (!unit)
      return Error::invalid_field("org_unit_id", "not_found", "Unit organisasi tidak ditemukan dalam cakupan Anda.",
                                  "The org unit was not found in your scope.");
    after.org_unit_id = unit->id;
    unit_region = unit->region_code;
  }
  if (id == s.user_id && (after.disabled || after.role != before->role))
    return Error::conflict("self_change", "Anda tidak dapat menonaktifkan atau mengubah peran akun sendiri.",
                           "You cannot disable your own account or change your own role.");
  PANTAU_CHECK(check_assignment(s, after.role, after.clearance, unit_region));
  int64_t n = c.exec(
      "UPDATE users SET full_name = ?, email = ?, role = ?, clearance = ?, org_unit_id = ?, disabled = ?, nip = ?, rank = ?, "
      "position_title = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {after.full_name, after.email, after.role, int64_t{after.clearance}, after.org_unit_id, int64_t{after.disabled},
       after.nip, after.rank, after.position_title, now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  // Losing access takes effect at once: a disabled or re-scoped user is logged out.
  if (after.disabled || after.org_unit_id != before->org_unit_id || after.role != before->role ||
      after.clearance < before->clearance)
    auth::Sessions::revoke_all(c, id);
  auto fresh = get_user(c, s, id);
  audit::append(c, s, {"update", "user", std::to_string(id), fresh->region_code, 0, to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

Status set_password(db::Conn& c, const auth::Scope& s, int64_t id, const std::string& password_hash) {
  auto u = get_user(c, s, id);
  if (!u) return Error::not_found("Pengguna tidak ditemukan.", "User not found.");
  // Setting someone's password lets the admin log in as them: never for a user cleared higher.
  if (u->clearance > s.clearance)
    return Error::forbidden("Anda tidak dapat mengganti kata sandi pengguna dengan tingkat akses di atas milik Anda.",
                            "You cannot reset the password of a user whose clearance is above your own.");
  c.exec("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL, "
         "version = version + 1 WHERE id = ?",
         {password_hash, now_iso(), id});
  auth::Sessions::revoke_all(c, id);
  audit::append(c, s, {"password_reset", "user", std::to_string(id), u->region_code, 0, std::nullopt, std::nullopt});
  return {};
}

}  // namespace pantau::org
