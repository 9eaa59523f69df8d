// The JSON of the org module's records: the one place that writes them (RapidJSON writer).
#include "auth/roles.h"
#include "http/json.h"
#include "modules/org/store.h"

namespace pantau::org {

std::string to_json(const OrgUnit& u) {
  json::Out o;
  o.begin_object().kv("id", u.id).kv("name", u.name).kv("kind", u.kind).kv("region_code", u.region_code)
      .kv("region_name", u.region_name).kv_opt("parent_id", u.parent_id).kv("version", u.version).end_object();
  return o.take();
}

std::string to_json(const User& u) {
  json::Out o;
  o.begin_object().kv("id", u.id).kv("username", u.username).kv("full_name", u.full_name).kv("email", u.email)
      .kv("role", u.role).kv("clearance", std::string(auth::clearance_name(u.clearance))).kv("org_unit_id", u.org_unit_id)
      .kv("org_unit_name", u.org_unit_name).kv("region_code", u.region_code).kv("region_name", u.region_name)
      .kv("disabled", u.disabled).kv("locked", u.locked).kv("version", u.version).end_object();
  return o.take();
}

}  // namespace pantau::org
