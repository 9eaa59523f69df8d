// The JSON of the platform's own answers (session, roles, audit history, search, dashboard): the
// one place that writes them (RapidJSON writer).
#include "auth/roles.h"
#include "core/region_code.h"
#include "http/json.h"
#include "modules/platform/model.h"

namespace pantau::platform {

std::string me_json(const auth::Principal& p, bool with_csrf) {
  json::Out o;
  o.begin_object().key("user").begin_object();
  o.kv("id", p.scope.user_id).kv("username", p.scope.username).kv("full_name", p.full_name).kv("email", p.email)
      .kv("role", p.scope.role).kv("clearance", std::string(auth::clearance_name(p.scope.clearance)));
  if (auto r = auth::find_role(p.scope.role)) o.kv_message("role_label", r->label);
  o.key("org_unit").begin_object().kv("id", p.scope.org_unit_id).kv("name", p.org_unit_name).kv("kind", p.org_unit_kind)
      .kv("region_code", p.scope.region_code).end_object();
  o.key("scope").begin_object().kv("region_code", p.scope.region_code).kv("region_name", p.region_name)
      .kv("level", static_cast<int>(region_level(p.scope.region_code))).end_object();
  o.key("permissions").begin_array();
  if (auto r = auth::find_role(p.scope.role))
    for (auto perm : r->permissions) o.value(perm);
  o.end_array();
  o.end_object();
  if (with_csrf) o.kv("csrf_token", p.csrf_token);
  o.end_object();
  return o.take();
}

std::string roles_json() {
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& r : auth::all_roles()) {
    o.begin_object().kv("code", r.code).kv_message("label", r.label).kv("national_only", r.national_only);
    o.key("permissions").begin_array();
    for (auto p : r.permissions) o.value(p);
    o.end_array().end_object();
  }
  o.end_array().key("clearances").begin_array();
  for (auto c : auth::kClearanceNames) o.value(c);
  o.end_array().end_object();
  return o.take();
}

std::string history_json(const std::vector<audit::Record>& rows) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (const auto& r : rows) {
    o.begin_object().kv("seq", r.seq).kv("at", r.at);
    o.key("actor").begin_object().kv("id", r.actor_id).kv("username", r.actor_username).kv("full_name", r.actor_full_name).end_object();
    o.kv("action", r.action).kv("entity", r.entity).kv("entity_id", r.entity_id);
    o.key("before");
    r.before_json ? (void)o.raw(*r.before_json) : (void)o.null();
    o.key("after");
    r.after_json ? (void)o.raw(*r.after_json) : (void)o.null();
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string search_json(const std::vector<search::Hit>& hits) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& h : hits)
    o.begin_object().kv("entity", h.entity).kv("entity_id", h.entity_id).kv("region_code", h.region_code)
        .kv("title", h.title).kv("link", h.link).kv("excerpt", h.snippet).end_object();
  o.end_array().end_object();
  return o.take();
}

namespace {

void write_values(json::Out& o, const std::map<std::string, int>& values) {
  o.key("values").begin_object();
  for (const auto& [code, pct] : values) o.kv(code, pct);
  o.end_object();
}

}  // namespace

std::string to_json(const Dashboard& d) {
  json::Out o;
  o.begin_object();
  o.key("scope").begin_object().kv("region_code", d.region_code).kv("region_name", d.region_name).kv("level", d.level).end_object();
  o.key("figures").begin_array();
  auto fig = [&](const char* key, const char* id, const char* en, int64_t v) {
    o.begin_object().kv("key", key).kv_message("label", {id, en}).kv("value", v).end_object();
  };
  fig("kabkota", "Kabupaten/kota dalam cakupan", "Regencies/cities in scope", d.figures.kabkota);
  fig("org_units", "Unit organisasi", "Org units", d.figures.org_units);
  fig("users", "Pengguna aktif", "Active users", d.figures.active_users);
  fig("files", "Berkas data dukung", "Evidence files", d.figures.files);
  o.end_array();

  const MapMeasure& m = d.completeness;
  o.key("map").begin_object().kv("level", d.provinces ? "provinsi" : "kabkota");
  d.provinces ? (void)o.kv_null("province") : (void)o.kv("province", d.province);
  o.key("measure").begin_object().kv("key", m.key).kv_message("label", m.label).kv("period", m.period).kv("unit", m.unit).end_object();
  write_values(o, m.values);
  // Every measure the map can show, the default (reporting completeness) first.
  o.key("measures").begin_array();
  o.begin_object().kv("key", m.key).kv_message("label", m.label).kv("unit", m.unit).kv("period", m.period);
  write_values(o, m.values);
  o.end_object();
  if (d.readiness) {
    const MapMeasure& r = *d.readiness;
    o.begin_object().kv("key", r.key).kv_message("label", r.label).kv("unit", r.unit);
    if (r.election_id) o.kv("election_id", *r.election_id);
    o.kv("polling_date", r.polling_date);
    write_values(o, r.values);
    o.end_object();
  }
  o.end_array();
  o.end_object();

  o.key("chart").begin_object().kv_message("title", {"Pengguna menurut peran", "Users by role"});
  o.key("categories").begin_array();
  // Each category in both languages, like every other label of the dashboard.
  for (auto& [role, _] : d.users_by_role) {
    const auth::RoleInfo* info = auth::find_role(role);
    o.begin_object().kv("id", info ? info->label.id : role).kv("en", info ? info->label.en : role).end_object();
  }
  o.end_array();
  o.key("series").begin_array().begin_object().kv_message("name", {"Pengguna", "Users"}).key("data").begin_array();
  for (auto& [_, n] : d.users_by_role) o.value(n);
  o.end_array().end_object().end_array().end_object();

  o.key("tasks").begin_array();
  for (const auto& t : d.tasks) o.begin_object().kv_message("title", t.title).kv("link", t.link).end_object();
  o.end_array();
  o.end_object();
  return o.take();
}

}  // namespace pantau::platform
