// The JSON of the ormas registry's records: the one place that writes them (RapidJSON writer).
#include "http/json.h"
#include "modules/ormas/store.h"

namespace pantau::ormas {

std::string to_json(const OrmasSummary& x) {
  json::Out o;
  o.begin_object().kv("id", x.id).kv("name", x.name).kv("abbreviation", x.abbreviation).kv("legal_form", x.legal_form)
      .kv("scope_level", x.scope_level).kv("fields", x.fields).kv("region_code", x.region_code).kv("region_name", x.region_name)
      .kv_opt("skt_expiry_date", x.skt_expiry_date).kv("skt_state", x.skt_state).kv("skt_no", x.skt_no).kv("status", x.status)
      .kv("board_count", x.board_count).kv("version", x.version).end_object();
  return o.take();
}

std::string to_json(const Ormas& x) {
  json::Out o;
  o.begin_object().kv("id", x.id).kv("name", x.name).kv("abbreviation", x.abbreviation).kv("legal_form", x.legal_form)
      .kv("scope_level", x.scope_level);
  o.key("fields").begin_array();
  for (const auto& f : x.fields) o.value(f);
  o.end_array();
  o.kv_opt("founding_date", x.founding_date).kv("deed_notary", x.deed_notary).kv("deed_no", x.deed_no).kv_opt("deed_date", x.deed_date)
      .kv("ahu_decree_no", x.ahu_decree_no).kv("skt_no", x.skt_no).kv_opt("skt_issue_date", x.skt_issue_date)
      .kv_opt("skt_expiry_date", x.skt_expiry_date).kv("skt_state", x.skt_state).kv("npwp", x.npwp).kv("address", x.address)
      .kv("region_code", x.region_code).kv("region_name", x.region_name).kv("phone", x.phone).kv("email", x.email)
      .kv_opt("lat", x.lat).kv_opt("lng", x.lng).kv("status", x.status).kv_opt("actor_id", x.actor_id).kv("version", x.version)
      .kv("created_at", x.created_at).kv("identifiers_masked", x.identifiers_masked);
  o.key("board").begin_array();
  for (const auto& b : x.board)
    o.begin_object().kv("id", b.id).kv("actor_id", b.actor_id).kv("nik", b.nik).kv("name", b.name).kv("position", b.position)
        .kv_opt("term_start", b.term_start).kv_opt("term_end", b.term_end).kv("is_state_official", b.is_state_official)
        .kv("other_ormas", b.other_ormas).kv("duplicate", b.other_ormas > 0).end_object();
  o.end_array().key("registrations").begin_array();
  for (const auto& g : x.registrations) {
    o.begin_object().kv("id", g.id).kv("region_code", g.region_code).kv("status", g.status).kv("submitted_on", g.submitted_on)
        .kv("clock_start", g.clock_start).kv("verification_due", g.verification_due).kv_opt("completion_due", g.completion_due)
        .kv("receipt_no", g.receipt_no).kv_opt("decided_on", g.decided_on).kv("reason", g.reason).kv("version", g.version);
    if (g.clock)
      o.key("clock").begin_object().kv("owner", g.clock->owner).kv("due", g.clock->due)
          .kv("working_days_left", g.clock->working_days_left).end_object();
    else
      o.kv_null("clock");
    o.key("documents").begin_array();
    for (const auto& d : g.documents)
      o.begin_object().kv("doc_type", d.doc_type).kv("name_id", d.name_id).kv("name_en", d.name_en).kv("legal_basis", d.legal_basis)
          .kv("verdict", d.verdict).kv("note", d.note).kv_opt("checked_at", d.checked_at).end_object();
    o.end_array().end_object();
  }
  o.end_array().key("annual_reports").begin_array();
  for (const auto& a : x.annual_reports)
    o.begin_object().kv("id", a.id).kv("year", a.year).kv("due_date", a.due_date).kv("submitted_on", a.submitted_on)
        .kv("late", a.late).kv("activities", a.activities).kv("finances_summary", a.finances_summary).end_object();
  o.end_array().key("sanctions").begin_array();
  for (const auto& s : x.sanctions) {
    o.begin_object().kv("id", s.id).kv("regime", s.regime).kv("step", s.step).kv("level", s.level).kv("decree_no", s.decree_no)
        .kv("issued_on", s.issued_on).kv_opt("compliance_due", s.compliance_due).kv_opt("complied_on", s.complied_on)
        .kv("legal_basis", s.legal_basis).kv("reason", s.reason).kv("version", s.version);
    if (s.working_days_left) o.kv("working_days_left", *s.working_days_left);
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const SharedMember& m) {
  json::Out o;
  o.begin_object().kv("nik", m.nik).kv("name", m.name).kv("actor_id", m.actor_id).key("ormas").begin_array();
  for (const auto& s : m.ormas)
    o.begin_object().kv("ormas_id", s.ormas_id).kv("ormas_name", s.ormas_name).kv("position", s.position)
        .kv("region_code", s.region_code).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Reminders& r) {
  json::Out o;
  o.begin_object().key("skt").begin_array();
  for (const auto& x : r.skt)
    o.begin_object().kv("ormas_id", x.ormas_id).kv("name", x.name).kv("region_code", x.region_code).kv("skt_no", x.skt_no)
        .kv("skt_expiry_date", x.skt_expiry_date).kv("state", x.state).kv("days_left", x.days_left).end_object();
  o.end_array().key("registrations").begin_array();
  for (const auto& x : r.registrations)
    o.begin_object().kv("registration_id", x.registration_id).kv("ormas_id", x.ormas_id).kv("name", x.name).kv("status", x.status)
        .kv("owner", x.owner).kv("due", x.due).kv("working_days_left", x.working_days_left).end_object();
  o.end_array().key("annual_reports").begin_array();
  for (const auto& x : r.annual_reports)
    o.begin_object().kv("ormas_id", x.ormas_id).kv("name", x.name).kv("region_code", x.region_code).kv("year", x.year)
        .kv("due_date", x.due_date).end_object();
  o.end_array().key("warnings").begin_array();
  for (const auto& x : r.warnings)
    o.begin_object().kv("sanction_id", x.sanction_id).kv("ormas_id", x.ormas_id).kv("name", x.name).kv("level", x.level)
        .kv("decree_no", x.decree_no).kv("issued_on", x.issued_on).kv("compliance_due", x.compliance_due)
        .kv("working_days_left", x.working_days_left).end_object();
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const MapPoint& p) {
  json::Out o;
  o.begin_object().kv("id", p.id).kv("name", p.name).kv("region_code", p.region_code).kv("lat", p.lat).kv("lng", p.lng)
      .kv("status", p.status).end_object();
  return o.take();
}

std::string to_json(const MapCount& p) {
  json::Out o;
  o.begin_object().kv("region_code", p.region_code).kv("ormas", p.ormas).end_object();
  return o.take();
}

std::string to_json(const ImportReport& r) {
  json::Out o;
  o.begin_object().kv("rows", r.rows).kv("imported", r.created).kv("board_members", r.board_members).key("refused").begin_array();
  for (const auto& [line, e] : r.refused)
    o.begin_object().kv("line", line).kv("field", e.field).kv("code", e.code).kv_message("message", e.message).end_object();
  o.end_array().end_object();
  return o.take();
}

}  // namespace pantau::ormas
