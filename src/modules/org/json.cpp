// The JSON of the org module's records: the one place that writes them (RapidJSON writer).
#include "auth/roles.h"
#include "http/json.h"
#include "modules/org/store.h"

namespace pantau::org {

std::string to_json(const OrgUnit& u) {
  json::Out o;
  o.begin_object().kv("id", u.id).kv("name", u.name).kv("kind", u.kind).kv("region_code", u.region_code)
      .kv("region_name", u.region_name).kv_opt("parent_id", u.parent_id).kv("address", u.address)
      .kv("contact", u.contact).kv("city", u.city);
  o.key("emblem");
  if (u.emblem) o.begin_object().kv("file_id", u.emblem->file_id).kv("mime", u.emblem->mime).kv("size", u.emblem->size)
      .kv("sha256", u.emblem->sha256).end_object();
  else o.null();
  if (u.head_loaded) {
    o.key("head");
    if (u.head) o.begin_object().kv("user_id", u.head->user_id).kv("name", u.head->name).kv("nip", u.head->nip)
        .kv("rank", u.head->rank).kv("position", u.head->position).end_object();
    else o.null();
  }
  o.kv("version", u.version).end_object();
  return o.take();
}

std::string to_json(const User& u) {
  json::Out o;
  o.begin_object().kv("id", u.id).kv("username", u.username).kv("full_name", u.full_name).kv("email", u.email)
      .kv("role", u.role).kv("clearance", std::string(auth::clearance_name(u.clearance))).kv("org_unit_id", u.org_unit_id)
      .kv("org_unit_name", u.org_unit_name).kv("region_code", u.region_code).kv("region_name", u.region_name)
      .kv("nip", u.nip).kv("rank", u.rank).kv("position_title", u.position_title)
      .kv("disabled", u.disabled).kv("locked", u.locked).kv("version", u.version).end_object();
  return o.take();
}

}  // namespace pantau::org
