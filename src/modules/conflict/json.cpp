// The JSON of conflict early warning's records: the one place that writes them (RapidJSON writer).
#include "auth/roles.h"
#include "http/json.h"
#include "modules/conflict/store.h"

namespace pantau::conflict {

std::string to_json(const Incident& i) {
  json::Out o;
  o.begin_object().kv("id", i.id).kv("region_code", i.region_code).kv("region_name", i.region_name).kv("occurred_on", i.occurred_on)
      .kv("time_precision", i.time_precision).kv_opt("lat", i.lat).kv_opt("lng", i.lng).kv("geo_precision", i.geo_precision)
      .kv("source", i.source).kv("police_group", police_group(i.source)).kv("type_code", i.type_code);
  o.key("actors").raw(i.actors_json);
  o.kv("fatalities", i.fatalities).kv("injuries", i.injuries).kv("displaced", i.displaced).kv("property_damage", i.property_damage)
      .kv("info_source", i.info_source).kv("info_ref", i.info_ref).kv("verification", i.verification).kv("description", i.description)
      .kv_opt("hotspot_id", i.hotspot_id).kv("classification", std::string(auth::clearance_name(i.classification)))
      .kv("version", i.version);
  if (i.occurred_time) o.kv("occurred_time", *i.occurred_time);
  else o.kv_null("occurred_time");
  o.end_object();
  return o.take();
}

std::string to_json(const Hotspot& h) {
  json::Out o;
  o.begin_object().kv("id", h.id).kv("region_code", h.region_code).kv("region_name", h.region_name).kv("name", h.name)
      .kv("source", h.source).kv("police_group", police_group(h.source)).kv("type_code", h.type_code);
  o.key("parties").raw(h.parties_json);
  o.kv("root_cause", h.root_cause).kv("triggers", h.triggers).kv("history", h.history).kv("stage", h.stage)
      .kv("impact_scope", h.impact_scope).kv("responsible_agencies", h.responsible_agencies).kv("handling_actions", h.handling_actions)
      .kv_opt("lat", h.lat).kv_opt("lng", h.lng)
      .kv("classification", std::string(auth::clearance_name(h.classification))).kv("version", h.version).end_object();
  return o.take();
}

std::string to_json(const ConflictStatus& st) {
  json::Out o;
  o.begin_object().kv("id", st.id).kv("scale", st.scale).kv("region_code", st.region_code).kv_opt("hotspot_id", st.hotspot_id)
      .kv("decree_number", st.decree_number).kv("start_date", st.start_date).kv("end_date", st.end_date)
      .kv_opt("extension_decree", st.extension_decree).kv_opt("extended_to", st.extended_to).kv_opt("ended_on", st.ended_on)
      .kv("status", st.status).kv("version", st.version).end_object();
  return o.take();
}

std::string to_json(const Alert& a) {
  json::Out o;
  o.begin_object().kv("id", a.id).kv("region_code", a.region_code).kv("region_name", a.region_name).kv("rule_code", a.rule_code)
      .kv_message("reason", a.reason).kv("entity", a.entity).kv("entity_id", a.entity_id).kv("raised_at", a.raised_at)
      .kv_opt("assigned_agency", a.assigned_agency).kv_opt("due_date", a.due_date).kv("status", a.status)
      .kv("response", a.response).kv("outcome", a.outcome).kv_opt("closed_at", a.closed_at).kv("overdue", a.overdue)
      .kv("escalated_to", a.escalated_to).kv_opt("escalated_at", a.escalated_at).kv("response_days", a.response_days)
      .kv("version", a.version).end_object();
  return o.take();
}

std::string to_json(const Taxonomy& t) {
  json::Out o;
  o.begin_object().key("sources").begin_array();
  for (auto src : kSources) o.begin_object().kv("code", src).kv("police_group", police_group(src)).end_object();
  o.end_array().key("types").begin_array();
  for (const auto& type : t.types)
    o.begin_object().kv("code", type.code).kv_opt("parent_code", type.parent_code).kv_message("name", type.name).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const AlertRuleRow& r) {
  const AlertRule& a = r.rule;
  json::Out o;
  o.begin_object().kv("id", a.id).kv("kind", a.code).kv("enabled", a.active).kv("target_tier", a.target_tier)
      .kv("days", int64_t{a.days}).kv("factor", a.factor).kv("min_incidents", int64_t{a.min_incidents})
      .kv("baseline_days", int64_t{a.baseline_days}).kv("response_days", int64_t{a.response_days}).kv("note", r.note)
      .kv("version", r.version);
  if (r.updated_at.empty()) o.kv_null("updated_at");
  else o.kv("updated_at", r.updated_at);
  o.end_object();
  return o.take();
}

std::string to_json(const Vulnerability& v) {
  json::Out o;
  o.begin_object().kv("level", v.level == 1 ? "provinsi" : "kabkota").kv("date", format_date(v.date));
  o.key("values").begin_object();
  for (const auto& r : v.regions) o.kv(r.code, r.score.score);
  o.end_object().key("details").begin_object();
  for (const auto& r : v.regions) {
    o.key(r.code).begin_object().kv("name", r.name).kv("score", r.score.score).kv("level", r.score.level).key("factors").begin_array();
    for (auto& f : r.score.factors) o.begin_object().kv("code", f.code).kv("value", f.value).kv("points", f.points).end_object();
    o.end_array().end_object();
  }
  o.end_object().end_object();
  return o.take();
}

}  // namespace pantau::conflict
