// The JSON of the actor registry: the one place that writes it (RapidJSON writer).
#include "http/json.h"
#include "modules/actors/store.h"

namespace pantau::actors {

namespace {

void write_nik_info(json::Out& o, const NikInfo& n) {
  o.kv("region_code", n.region_code).kv("birth_date", format_date(n.birth_date)).kv("sex", std::string(1, n.sex));
}

}  // namespace

std::string to_json(const Suggestion& s) {
  json::Out o;
  o.begin_object().kv("id", s.id).kv("kind", s.kind).kv("name", s.name).kv("identifier", s.identifier)
      .kv("identifier_kind", s.identifier_kind).kv("region_code", s.region_code).end_object();
  return o.take();
}

std::string to_json(const ActorPage& a) {
  json::Out o;
  o.begin_object().kv("id", a.id).kv("kind", a.kind).kv("name", a.name).kv("region_code", a.region_code);
  o.kv_opt("merged_into", a.merged_into).kv("version", a.version);
  o.kv("identifiers_masked", a.identifiers_masked);
  o.kv("nik", a.nik).kv("passport_no", a.passport_no).kv("nationality", a.nationality);
  o.kv("registry_no", a.registry_no);
  if (a.nik_info) {
    o.key("nik_info").begin_object();
    write_nik_info(o, *a.nik_info);
    o.end_object();
  }
  o.key("roles").begin_array();
  for (const auto& r : a.roles)
    o.begin_object().kv("id", r.id).kv("actor_id", r.actor_id).kv("module", r.module).kv("entity", r.entity)
        .kv("entity_id", r.entity_id).kv("role", r.role).kv("label", r.label).kv("region_code", r.region_code)
        .kv("region_name", r.region_name).kv("linked_at", r.linked_at).end_object();
  o.end_array();
  o.key("merged").begin_array();
  for (const auto& m : a.merged) o.begin_object().kv("id", m.id).kv("name", m.name).kv("region_code", m.region_code).end_object();
  o.end_array();
  o.key("candidates").begin_array();
  for (const auto& k : a.candidates) {
    o.begin_object().kv("candidate", k.candidate).kv("kind", k.kind);
    if (k.actor_id) {
      o.kv("actor_id", *k.actor_id).kv("name", k.name).kv("region_code", k.region_code);
    } else {
      o.kv("name", k.name).kv("region_code", k.region_code).kv("position", k.position).kv("party", k.party).kv("status", k.status);
    }
    o.kv("label", k.label).end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string nik_check_json(const Result<NikInfo>& info) {
  json::Out o;
  o.begin_object().kv("valid", info.ok());
  if (info.ok()) {
    write_nik_info(o, *info);
  } else {
    auto& f = info.error().fields.front();
    o.kv("code", f.code).kv_message("message", f.message);
  }
  o.end_object();
  return o.take();
}

std::string to_json(const Link& l) {
  return json::object("module", l.module, "entity", l.entity, "entity_id", l.entity_id, "role", l.role);
}

std::string created_snapshot(const std::string& kind, const std::string& name) { return json::object("kind", kind, "name", name); }

std::string kept_apart_snapshot(const std::string& candidate) { return json::object("candidate", candidate); }

std::string merged_snapshot(int64_t merged_into, const std::string& name) {
  return json::object("merged_into", merged_into, "name", name);
}

std::string unmerged_snapshot(int64_t was_merged_into) { return json::object("was_merged_into", was_merged_into); }

}  // namespace pantau::actors
