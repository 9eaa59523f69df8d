// The JSON of party aid's records: the one place that writes them (RapidJSON writer).
#include "http/json.h"
#include "modules/party_aid/store.h"
#include "report/indonesian.h"

namespace pantau::party_aid {

std::string to_json(const VoteValue& v) {
  json::Out o;
  o.begin_object()
      .kv("id", v.id)
      .kv("region_code", v.region_code)
      .kv("region_name", v.region_name)
      .kv("chamber", v.chamber)
      .kv("fiscal_year", v.fiscal_year)
      .kv("value_per_vote", format_value(v.value_sen))
      .kv("value_per_vote_sen", v.value_sen)
      .kv("basis", v.basis)
      .kv("approval_letter_no", v.approval_letter_no)
      .kv("legal_basis", v.legal_basis)
      .kv("rounding", name(v.rounding))
      .kv("election_year", v.election_year)
      .kv_opt("inauguration_date", v.inauguration_date)
      .kv_opt("previous_election_year", v.previous_election_year)
      .kv("note", v.note)
      .kv("created_at", v.created_at)
      .kv("updated_at", v.updated_at)
      .kv("version", v.version)
      .end_object();
  return o.take();
}

std::string to_json(const ResultRow& r) {
  json::Out o;
  o.begin_object()
      .kv("election_year", r.election_year)
      .kv("chamber", r.chamber)
      .kv("region_code", r.region_code)
      .kv("party_number", r.party_number)
      .kv("abbreviation", r.abbreviation)
      .kv("party_name", r.party_name)
      .kv_opt("valid_votes", r.valid_votes)
      .kv("seats", r.seats)
      .kv("source", r.source)
      .end_object();
  return o.take();
}

std::string to_json(const std::vector<ResultRow>& rows) {
  json::Out o;
  o.begin_array();
  for (const auto& r : rows) o.raw(to_json(r));
  o.end_array();
  return o.take();
}

std::string to_json(const ImportReport& r) {
  json::Out o;
  o.begin_object()
      .kv("applied", r.applied)
      .kv("rows", r.rows)
      .kv("refused", r.refused)
      .kv("regions", r.regions);
  o.key("report").begin_array();
  for (const auto& row : r.report) {
    o.begin_object()
        .kv("line", row.line)
        .kv("region_code", row.region_code)
        .kv("party", row.party)
        .kv("status", row.errors.empty() ? "ok" : "refused");
    o.key("errors").begin_array();
    for (const auto& e : row.errors) {
      o.begin_object().kv("field", e.field).kv("code", e.code);
      o.kv_message("message", e.message);
      o.end_object();
    }
    o.end_array().end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Board& b) {
  json::Out o;
  o.begin_object()
      .kv("id", b.id)
      .kv("region_code", b.region_code)
      .kv("region_name", b.region_name)
      .kv("party_abbreviation", b.party_abbreviation)
      .kv("decree_no", b.decree_no)
      .kv("decree_date", b.decree_date)
      .kv("chair", b.chair)
      .kv("secretary", b.secretary)
      .kv("treasurer", b.treasurer)
      .kv("npwp", b.npwp);
  o.key("bank_account")
      .begin_object()
      .kv("bank", b.bank_name)
      .kv("number", b.bank_account_no)
      .kv("holder", b.bank_account_holder)
      .end_object();
  o.kv("office_address", b.office_address)
      .kv("valid_from", b.valid_from)
      .kv_opt("valid_to", b.valid_to)
      .kv("status", b.status)
      .kv("status_note", b.status_note)
      .kv("aid_on_hold", b.status == "DISPUTED")
      .kv("created_at", b.created_at)
      .kv("updated_at", b.updated_at)
      .kv("version", b.version)
      .end_object();
  return o.take();
}

std::string to_json(const RegionAllocation& a) {
  json::Out o;
  o.begin_object()
      .kv("region_code", a.region_code)
      .kv("region_name", a.region_name)
      .kv("chamber", a.chamber)
      .kv("fiscal_year", a.fiscal_year)
      .kv("value_source", a.configured ? "CONFIGURED" : "DEFAULT")
      .kv("value_per_vote", format_value(a.value_sen))
      .kv("value_per_vote_sen", a.value_sen)
      .kv("basis", a.basis)
      .kv("legal_basis", a.legal_basis)
      .kv("approval_letter_no", a.approval_letter_no)
      .kv("rounding_mode", name(a.rounding))
      .kv_opt("election_year", a.election_year)
      .kv_opt("previous_election_year", a.previous_election_year)
      .kv_opt("inauguration_date", a.inauguration_date)
      .kv("months_old", a.allocation.months_old)
      .kv("months_new", a.allocation.months_new);
  o.key("lines").begin_array();
  for (const auto& l : a.allocation.lines) {
    auto n = a.party_names.find(l.abbreviation);
    o.begin_object()
        .kv("party_number", l.party_number)
        .kv("abbreviation", l.abbreviation)
        .kv("party_name", n != a.party_names.end() ? n->second : std::string())
        .kv("stage", name(l.stage))
        .kv_opt("votes", l.votes)
        .kv("seats", l.seats)
        .kv("value_per_vote", format_value(l.value_sen))
        .kv("months", l.months)
        .kv_opt("amount_rupiah", l.amount);
    if (l.amount)
      o.kv("rounding", l.rounding);
    else
      o.kv_null("rounding");
    if (auto b = a.boards.find(l.abbreviation); b != a.boards.end())
      o.key("board")
          .begin_object()
          .kv("id", b->second.first)
          .kv("status", b->second.second)
          .end_object();
    else
      o.kv_null("board");
    o.end_object();
  }
  o.end_array();
  o.kv("total_rupiah", a.allocation.total)
      .kv("total_formatted", report::format_rupiah(a.allocation.total))
      .kv("total_terbilang", report::terbilang(a.allocation.total) + " rupiah")
      .kv("lines_missing_votes", a.allocation.lines_missing_votes);
  o.key("problems").begin_array();
  for (const auto& p : a.problems) o.value(p);
  o.end_array().end_object();
  return o.take();
}

namespace {

void write_eligibility(json::Out& o, const Eligibility& e) {
  o.key("eligibility").begin_object().kv("outcome", name(e.outcome));
  o.key("reasons").begin_array();
  for (size_t i = 0; i < e.reasons.size(); ++i) {
    o.begin_object().kv("code", e.reasons[i]);
    o.kv_message("message", e.messages[i]);
    o.end_object();
  }
  o.end_array().end_object();
}

}  // namespace

std::string to_json(const Application& a) {
  json::Out o;
  o.begin_object()
      .kv("id", a.id)
      .kv("region_code", a.region_code)
      .kv("region_name", a.region_name)
      .kv("fiscal_year", a.fiscal_year)
      .kv("board_id", a.board_id)
      .kv("party_abbreviation", a.party_abbreviation)
      .kv("letter_no", a.letter_no)
      .kv("letter_date", a.letter_date)
      .kv("received_at", a.received_at)
      .kv("first_year", a.first_year)
      .kv("first_year_claimed", a.first_year_claimed)
      .kv_opt("first_year_evidence_year", a.first_year_evidence_year);
  if (a.first_year_override) {
    o.key("first_year_override")
        .begin_object()
        .kv("reason", a.first_year_override->reason)
        .kv_opt("decided_by", a.first_year_override->decided_by)
        .kv("decided_at", a.first_year_override->decided_at)
        .end_object();
  } else {
    o.kv_null("first_year_override");
  }
  o.kv("status", name(a.status));
  if (a.held_from)
    o.kv("held_from", name(*a.held_from));
  else
    o.kv_null("held_from");
  o.kv("status_note", a.status_note)
      .kv("ba_verification_no", a.ba_verification_no)
      .kv("decree_no", a.decree_no)
      .kv_opt("allocation_amount", a.allocation_amount)
      .kv_opt("determined_amount", a.determined_amount)
      .kv("sp2d_no", a.sp2d_no)
      .kv_opt("sp2d_date", a.sp2d_date)
      .kv_opt("disbursed_amount", a.disbursed_amount);
  o.key("documents").begin_array();
  for (const auto& d : a.documents) {
    o.begin_object().kv("code", d.code);
    o.kv_message("name", d.name);
    o.kv("required", d.required)
        .kv("waived", d.waived)
        .kv_opt("file_id", d.file_id)
        .kv("verdict", d.verdict)
        .kv("note", d.note)
        .kv_opt("verdict_at", d.verdict_at)
        .end_object();
  }
  o.end_array();
  o.key("missing_documents").begin_array();
  for (const auto& m : a.missing_documents) o.value(m);
  o.end_array();
  o.key("usage_plan").begin_object();
  o.key("lines").begin_array();
  for (const auto& l : a.usage)
    o.begin_object()
        .kv("category", l.category)
        .kv("activity", l.activity)
        .kv("amount", l.amount)
        .end_object();
  o.end_array();
  o.kv("min_political_education_percent", a.min_political_education);
  if (a.usage_check) {
    o.kv("total", a.usage_check->total)
        .kv("political_education", a.usage_check->political_education)
        .kv("operational", a.usage_check->operational)
        .kv("political_education_share_bp", a.usage_check->share_basis_points)
        .kv("meets_minimum", a.usage_check->meets_minimum);
    if (a.allocation_amount)
      o.kv("matches_allocation", a.usage_check->total == *a.allocation_amount);
  }
  o.end_object();
  o.key("verification_team").begin_object();
  o.kv("decree_no", a.verification_team.decree_no)
      .kv_opt("meeting_date", a.verification_team.meeting_date);
  o.key("members").begin_array();
  for (const auto& m : a.verification_team.members)
    o.begin_object()
        .kv("name", m.name)
        .kv("nip", m.nip)
        .kv("job_title", m.job_title)
        .kv("role", m.role)
        .end_object();
  o.end_array().end_object();
  write_eligibility(o, a.eligibility);
  if (a.allowed_actions) {
    o.key("allowed_actions").begin_array();
    for (AppAction action : *a.allowed_actions) o.value(name(action));
    o.end_array();
  }
  if (a.allowed_edits) {
    o.key("allowed_edits").begin_array();
    for (const auto& e : *a.allowed_edits) o.value(e);
    o.end_array();
  }
  o.kv("created_at", a.created_at)
      .kv("updated_at", a.updated_at)
      .kv("version", a.version)
      .end_object();
  return o.take();
}

std::string to_json(const Lpj& l) {
  json::Out o;
  auto date = [&](std::string_view k, const std::optional<Date>& d) {
    if (d)
      o.kv(k, format_date(*d));
    else
      o.kv_null(k);
  };
  o.begin_object()
      .kv("id", l.id)
      .kv("region_code", l.region_code)
      .kv("region_name", l.region_name)
      .kv("fiscal_year", l.fiscal_year)
      .kv("party_abbreviation", l.party_abbreviation)
      .kv_opt("board_id", l.board_id)
      .kv_opt("submitted_to_bpk", l.submitted_to_bpk)
      .kv_opt("audited", l.audited)
      .kv("bpk_lhp_no", l.bpk_lhp_no)
      .kv_opt("lhp_received", l.lhp_received)
      .kv_opt("submitted_to_government", l.submitted_to_government)
      .kv("findings_count", l.findings_count)
      .kv("note", l.note)
      .kv("stage", name(l.status.stage));
  o.key("due").begin_object();
  date("to_bpk", l.status.due_to_bpk);
  date("audit", l.status.due_audit);
  date("lhp_to_party", l.status.due_lhp);
  date("to_government", l.status.due_to_government);
  o.end_object();
  o.key("late")
      .begin_object()
      .kv("to_bpk", l.status.late_to_bpk)
      .kv("audit", l.status.late_audit)
      .kv("lhp_to_party", l.status.late_lhp)
      .kv("to_government", l.status.late_to_government)
      .end_object();
  o.kv("sanction_active", l.status.sanction_active)
      .kv("created_at", l.created_at)
      .kv("updated_at", l.updated_at)
      .kv("version", l.version)
      .end_object();
  return o.take();
}

std::string to_json(const Position& p) {
  json::Out o;
  o.begin_object()
      .kv("party_abbreviation", p.party_abbreviation)
      .kv("party_name", p.party_name)
      .kv("seats", p.seats)
      .kv_opt("allocation_amount", p.allocation_amount)
      .kv_opt("board_status", p.board_status)
      .kv_opt("application_id", p.application_id)
      .kv_opt("application_status", p.application_status)
      .kv_opt("determined_amount", p.determined_amount)
      .kv_opt("disbursed_amount", p.disbursed_amount)
      .kv_opt("previous_lpj_stage", p.previous_lpj_stage)
      .kv("sanction_active", p.sanction_active);
  write_eligibility(o, p.eligibility);
  o.end_object();
  return o.take();
}

}  // namespace pantau::party_aid
