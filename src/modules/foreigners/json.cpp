// The JSON of foreigner monitoring's records: the one place that writes them (RapidJSON writer).
#include <type_traits>
#include <variant>

#include "http/json.h"
#include "modules/foreigners/store.h"

namespace pantau::foreigners {

namespace {

void write_presence(json::Out& o, const PresenceSummary& x) {
  o.kv("id", x.id).kv_opt("person_id", x.person_id).kv_opt("org_id", x.org_id).kv("subject_name", x.subject_name)
      .kv("nationality", x.nationality).kv("category", x.category).kv("purpose", x.purpose).kv("activity", x.activity)
      .kv("region_code", x.region_code).kv("region_name", x.region_name).kv("start_date", x.start_date).kv("end_date", x.end_date)
      .kv("local_partner", x.local_partner).kv("source", x.source);
  o.key("sector_permits").raw(x.sector_permits_json);
  o.kv("status", x.status).kv_opt("decision", x.decision).kv("follow_up", x.follow_up).kv("version", x.version)
      .kv_opt("actor_id", x.actor_id);
}

}  // namespace

std::string to_json(const PersonSummary& x) {
  json::Out o;
  o.begin_object().kv("id", x.id).kv("full_name", x.full_name).kv("nationality", x.nationality).kv("passport_no", x.passport_no)
      .kv("passport_masked", x.passport_masked).kv("permit_type", x.permit_type).kv_opt("permit_valid_to", x.permit_valid_to)
      .kv("permit_state", x.permit_state).kv("sponsor_name", x.sponsor_name).kv("region_code", x.region_code)
      .kv("region_name", x.region_name).kv("actor_id", x.actor_id).kv("version", x.version).end_object();
  return o.take();
}

std::string to_json(const Person& x) {
  json::Out o;
  o.begin_object().kv("id", x.id).kv("full_name", x.full_name).kv("sex", x.sex).kv_opt("birth_date", x.birth_date)
      .kv("nationality", x.nationality).kv("passport_no", x.passport_no).kv("passport_masked", x.passport_masked)
      .kv_opt("passport_expiry", x.passport_expiry).kv("permit_type", x.permit_type).kv("permit_no", x.permit_no)
      .kv_opt("permit_valid_from", x.permit_valid_from).kv_opt("permit_valid_to", x.permit_valid_to).kv("permit_state", x.permit_state)
      .kv("sponsor_name", x.sponsor_name).kv("sponsor_type", x.sponsor_type).kv("sponsor_address", x.sponsor_address)
      .kv("occupation", x.occupation).kv("region_code", x.region_code).kv("region_name", x.region_name)
      .kv("classification", x.classification).kv_opt("id_classification", x.id_classification).kv("actor_id", x.actor_id)
      .kv("version", x.version);
  o.key("presences").begin_array();
  for (const auto& p : x.presences)
    o.begin_object().kv("id", p.id).kv("category", p.category).kv("status", p.status).kv("start_date", p.start_date)
        .kv("end_date", p.end_date).kv("region_code", p.region_code).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Org& x) {
  json::Out o;
  o.begin_object().kv("id", x.id).kv("name", x.name).kv("country", x.country).kv("legal_form", x.legal_form)
      .kv("mofa_rec_no", x.mofa_rec_no).kv_opt("mofa_rec_date", x.mofa_rec_date).kv("partner_agency", x.partner_agency)
      .kv("mou_no", x.mou_no).kv_opt("mou_date", x.mou_date).kv_opt("mou_valid_to", x.mou_valid_to).kv("sectors", x.sectors).kv("funding_source", x.funding_source)
      .kv("local_office", x.local_office).kv("region_code", x.region_code).kv("region_name", x.region_name)
      .kv("classification", x.classification).kv("actor_id", x.actor_id).kv("version", x.version).end_object();
  return o.take();
}

std::string to_json(const OrgDetail& x) {
  json::Out o;
  o.begin_object().kv("id", x.id).kv("name", x.name).kv("country", x.country).kv("legal_form", x.legal_form)
      .kv("mofa_rec_no", x.mofa_rec_no).kv_opt("mofa_rec_date", x.mofa_rec_date).kv("partner_agency", x.partner_agency)
      .kv("mou_no", x.mou_no).kv_opt("mou_date", x.mou_date).kv_opt("mou_valid_to", x.mou_valid_to).kv("sectors", x.sectors).kv("funding_source", x.funding_source)
      .kv("local_office", x.local_office).kv("region_code", x.region_code).kv("region_name", x.region_name)
      .kv("classification", x.classification).kv("actor_id", x.actor_id).kv("version", x.version);
  o.key("presences").begin_array();
  for (const auto& p : x.presences)
    o.begin_object().kv("id", p.id).kv("category", p.category).kv("status", p.status).kv("start_date", p.start_date)
        .kv("end_date", p.end_date).kv("region_code", p.region_code).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const PresenceSummary& x) {
  json::Out o;
  o.begin_object();
  write_presence(o, x);
  o.end_object();
  return o.take();
}

std::string to_json(const Presence& x) {
  json::Out o;
  o.begin_object();
  write_presence(o, x);
  o.key("regions").begin_array();
  for (const auto& r : x.regions) o.begin_object().kv("region_code", r.region_code).kv("region_name", r.region_name).end_object();
  o.end_array();
  if (x.permit) {
    const auto& p = *x.permit;
    o.key("permit").begin_object().kv("type", p.type).kv("number", p.number).kv_opt("valid_to", p.valid_to).kv("state", p.state)
        .kv("passport_no", p.passport_no).kv("passport_masked", p.passport_masked).kv("sponsor_name", p.sponsor_name).end_object();
  }
  o.key("decisions").begin_array();
  for (const auto& d : x.decisions)
    o.begin_object().kv("id", d.id).kv("decision", d.decision).kv("reason", d.reason).kv("follow_up", d.follow_up)
        .kv("decided_at", d.decided_at).end_object();
  o.end_array().key("field_checks").begin_array();
  for (const auto& f : x.field_checks) {
    o.begin_object().kv("id", f.id).kv("check_date", f.check_date).kv("team", f.team).kv("findings", f.findings)
        .kv("compliant", f.compliant);
    o.key("photos").raw(f.photos_json);
    o.key("photo_files").begin_array();
    for (const auto& ph : f.photo_files)
      o.begin_object().kv("id", ph.id).kv("sha256", ph.sha256).kv("name", ph.name).kv("mime", ph.mime).kv("size", ph.size).end_object();
    o.end_array();
    o.end_object();
  }
  o.end_array().key("referrals").begin_array();
  for (const auto& r : x.referrals)
    o.begin_object().kv("id", r.id).kv("agency", r.agency).kv("letter_no", r.letter_no).kv("referred_on", r.referred_on)
        .kv("note", r.note).end_object();
  o.end_array().key("allowed_actions").begin_array();
  for (const auto& a : x.allowed_actions) o.value(a);
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Reminders& r) {
  json::Out o;
  o.begin_object().key("permits").begin_array();
  for (const auto& x : r.permits)
    o.begin_object().kv("presence_id", x.presence_id).kv("person_id", x.person_id).kv("full_name", x.full_name)
        .kv("nationality", x.nationality).kv("permit_type", x.permit_type).kv("permit_no", x.permit_no)
        .kv("permit_valid_to", x.permit_valid_to).kv("state", x.state).kv("days_left", x.days_left).kv("region_code", x.region_code)
        .kv("presence_end_date", x.presence_end_date).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Recap& r) {
  json::Out o;
  o.begin_object().kv("from", r.from).kv("to", r.to);
  for (const auto& [dim, label] : kRecapDimensions) {
    (void)label;
    o.key(dim).begin_array();
    if (auto it = r.counts.find(dim); it != r.counts.end())
      for (const auto& [k, n] : it->second) o.begin_object().kv("key", k).kv("count", n).end_object();
    o.end_array();
  }
  o.end_object();
  return o.take();
}

std::string changes_json(const std::vector<Change>& changes, bool after) {
  json::Out o;
  o.begin_object();
  for (const auto& ch : changes) {
    o.key(ch.field);
    std::visit([&](const auto& v) {
      using V = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<V, std::nullptr_t>) o.null();
      else o.value(v);
    }, after ? ch.after : ch.before);
  }
  o.end_object();
  return o.take();
}

std::string to_json(const MapArea& a) {
  json::Out o;
  o.begin_object().kv("region_code", a.region_code).kv("region_name", a.region_name).kv("presences", a.presences).end_object();
  return o.take();
}

}  // namespace pantau::foreigners
