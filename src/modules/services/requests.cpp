// The requests of the service desk: registering one (portal or counter), the applicant's steps
// and survey, the staff's workflow steps and document verdicts, and what the store files share
// about a request (store_internal.h).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "audit/audit.h"
#include "core/crypto.h"
#include "core/holidays_store.h"
#include "core/strings.h"
#include "modules/actors/public.h"
#include "modules/services/rules.h"
#include "modules/services/store_internal.h"

namespace pantau::services {

namespace detail {

const char* const kCaseCols =
    "id, service_id, org_unit_id, version, limit_wd, ack_limit_wd, kind, region_code, status, reg_no, start_date, received_at, "
    "finished_date, acknowledged_date, research_region, extended";

CaseRow case_from(const db::Row& r) {
  CaseRow k;
  k.id = r.i64(0);
  k.service_id = r.i64(1);
  k.org_unit_id = r.i64(2);
  k.version = r.i64(3);
  k.limit_wd = r.i64(4);
  k.ack_limit_wd = r.i64(5);
  k.kind = r.str(6);
  k.region_code = r.str(7);
  k.status = r.str(8);
  k.reg_no = r.str(9);
  k.start_date = r.str(10);
  k.received_at = r.str(11);
  k.finished_date = r.opt_str(12);
  k.acknowledged_date = r.opt_str(13);
  k.research_region = r.opt_str(14);
  k.extended = r.i64(15) != 0;
  return k;
}

std::optional<CaseRow> load_case(db::Conn& c, int64_t id) {
  std::optional<CaseRow> k;
  c.query(fmt::format("SELECT {} FROM svc_cases WHERE id = ?", kCaseCols), {id}, [&](const db::Row& r) { k = case_from(r); });
  return k;
}

// A case the staff member may see: their office's, or (read-only) a research permit for their area.
std::optional<CaseRow> visible_case(db::Conn& c, const auth::Scope& s, int64_t id, bool for_write) {
  auto k = load_case(c, id);
  if (!k) return std::nullopt;
  if (s.covers(k->region_code)) return k;
  if (!for_write && k->research_region && s.covers(*k->research_region)) return k;
  return std::nullopt;
}

namespace {

std::vector<ClockPause> load_pauses(db::Conn& c, int64_t id) {
  std::vector<ClockPause> out;
  c.query("SELECT from_date, to_date FROM svc_pauses WHERE case_id = ? ORDER BY seq", {id}, [&](const db::Row& r) {
    ClockPause p{*parse_date(r.text(0)), std::nullopt};
    if (!r.is_null(1)) p.to = parse_date(r.text(1));
    out.push_back(p);
  });
  return out;
}

}  // namespace

ClockState clock_of(db::Conn& c, const CaseRow& k, const WorkingDayCalendar& cal) {
  ServiceClock clock{*parse_date(k.start_date), static_cast<int>(k.limit_wd), load_pauses(c, k.id), std::nullopt};
  if (k.finished_date) clock.finished = parse_date(*k.finished_date);
  return evaluate_clock(clock, office_today(k.region_code), cal);
}

void add_event(db::Conn& c, int64_t case_id, std::optional<int64_t> actor, const std::string& action,
               const std::optional<std::string>& from, const std::string& to, const std::string& note, const std::string& public_note) {
  c.exec("INSERT INTO svc_events (case_id, at, actor_id, action, from_status, to_status, note, public_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {case_id, now_iso(), actor ? db::Value(*actor) : db::Value(), action, opt_text(from), to, note, public_note});
}

void audit_case(db::Conn& c, const auth::Scope& who, const std::string& action, int64_t id, const std::string& region,
                const std::vector<std::pair<std::string, std::string>>& after) {
  audit::append(c, who, {action, "svc_case", std::to_string(id), region, 0, std::nullopt, snapshot(after)});
}

// Attaches public uploads (by token) to a case as its documents; a token is used once.
Status attach_documents(db::Conn& c, int64_t case_id, const std::map<std::string, std::string>& docs) {
  std::vector<FieldError> errs;
  for (auto& [type, token] : docs) {
    std::optional<int64_t> file;
    c.query("SELECT id FROM svc_public_files WHERE token = ? AND case_id IS NULL", {token},
            [&](const db::Row& r) { file = r.i64(0); });
    if (!file) {
      errs.push_back(ferr("documents." + type, "file_not_found", "Berkas tidak ditemukan atau sudah dipakai. Unggah lagi.",
                          "The file was not found or was already used. Upload it again."));
      continue;
    }
    c.exec("UPDATE svc_public_files SET case_id = ? WHERE id = ?", {case_id, *file});
    std::string now = now_iso();
    if (c.exec("UPDATE svc_documents SET file_id = ?, verdict = 'PENDING', verdict_note = '', updated_at = ? WHERE case_id = ? AND doc_type = ?",
               {*file, now, case_id, type}) == 0)
      c.exec("INSERT INTO svc_documents (case_id, doc_type, file_id, verdict, updated_at) VALUES (?, ?, ?, 'PENDING', ?)",
             {case_id, type, *file, now});
  }
  if (!errs.empty()) return Error::invalid(errs);
  return {};
}

std::string region_name(db::Conn& c, const std::string& code) {
  return c.query_str("SELECT name FROM regions WHERE code = ?", {code}).value_or(code);
}

}  // namespace detail

using namespace detail;

WorkingDayCalendar load_calendar(db::Conn& c) { return holidays::load_calendar(c); }


Result<Submitted> submit_case(db::Conn& c, const CaseInput& in, const auth::Scope* staff) {
  struct Svc {
    int64_t id, org, sla, ack;
    std::string region;
  };
  std::optional<Svc> svc;
  c.query("SELECT id, org_unit_id, sla_working_days, ack_working_days, region_code FROM svc_services "
          "WHERE region_code = ? AND kind = ? AND active = 1",
          {in.office_region, in.kind}, [&](const db::Row& r) { svc = Svc{r.i64(0), r.i64(1), r.i64(2), r.i64(3), r.str(4)}; });
  if (!svc)
    return Error::invalid_field("office", "not_offered", "Kantor ini tidak membuka layanan tersebut.",
                                "This office does not offer this service.");
  if (staff && !staff->covers(svc->region))
    return Error::forbidden("Kantor ini di luar cakupan Anda.", "This office is outside your scope.");

  std::optional<int64_t> parent;
  if (in.kind == kInfoObjection) {
    std::optional<std::string> parent_region;
    std::string hash = secret_hash(in.parent_secret);
    c.query("SELECT id, region_code, secret_hash FROM svc_cases WHERE reg_no = ? AND kind = ?", {in.parent_reg_no, std::string(kInfoRequest)},
            [&](const db::Row& r) {
              if (staff || secure_equals(r.text(2), hash)) {
                parent = r.i64(0);
                parent_region = r.str(1);
              }
            });
    if (!parent || *parent_region != svc->region)
      return Error::invalid_field("request_reg_no", "not_found", "Nomor permohonan informasi atau kode rahasianya tidak cocok.",
                                  "The information request number or its secret does not match.");
  }
  if (in.kind == kResearchPermit) {
    std::vector<FieldError> errs;
    for (auto d : required_documents(in.applicant_type, in.foreign))
      if (!in.documents.count(std::string(d)))
        errs.push_back(ferr("documents." + std::string(d), "required", "Dokumen ini wajib dilampirkan.", "This document is required."));
    if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.research_region}) || !region_within(in.research_region, svc->region))
      errs.push_back(ferr("research_region", "not_found", "Lokasi penelitian harus wilayah kantor ini.",
                          "The research location must be in this office's area."));
    if (!errs.empty()) return Error::invalid(errs);
  }

  std::string now = now_iso();
  Date start = *local_date(now, svc->region);
  Submitted out;
  out.secret = new_secret();
  // A random number could repeat: try again (a collision is vanishingly rare).
  for (int attempt = 0; attempt < 5; ++attempt) {
    out.reg_no = new_reg_no(in.kind, start.year);
    if (!c.query_i64("SELECT 1 FROM svc_cases WHERE reg_no = ?", {out.reg_no})) break;
  }
  std::string status(initial_status(in.kind));
  out.id = c.insert(
      "INSERT INTO svc_cases (service_id, org_unit_id, region_code, kind, reg_no, secret_hash, status, channel, lapor_ref, "
      "applicant_name, applicant_contact, applicant_id_no, applicant_org, anonymous, subject, body, details, parent_id, research_region, "
      "received_at, start_date, limit_wd, ack_limit_wd, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {svc->id, svc->org, svc->region, in.kind, out.reg_no, secret_hash(out.secret), status, in.channel, in.lapor_ref,
       in.applicant_name, in.applicant_contact, in.applicant_id_no, in.applicant_org, int64_t{in.anonymous}, in.subject, in.body,
       in.details_json, parent ? db::Value(*parent) : db::Value(),
       in.research_region.empty() ? db::Value() : db::Value(in.research_region), now, format_date(start), svc->sla, svc->ack, now, now});
  // Counted as received in its month (the recap reads these rows, not every request).
  c.exec("INSERT INTO svc_received (service_id, region_code, month, received) VALUES (?, ?, ?, 1) "
         "ON CONFLICT (service_id, month) DO UPDATE SET received = svc_received.received + 1",
         {svc->id, svc->region, format_date(start).substr(0, 7)});
  if (in.kind == kResearchPermit) {
    for (auto d : required_documents(in.applicant_type, in.foreign))
      c.exec("INSERT INTO svc_documents (case_id, doc_type, verdict, updated_at) VALUES (?, ?, 'PENDING', ?)", {out.id, std::string(d), now});
    PANTAU_CHECK(attach_documents(c, out.id, in.documents));
    actors::link_record(c, staff ? *staff : auth::Scope::system(),  // one actor across modules
                        actors::person_of(in.applicant_name, in.applicant_id_no, in.foreign, svc->region), false,
                        {"services", "research_permit", std::to_string(out.id), "RESEARCH_APPLICANT",
                         "Pemohon izin penelitian " + out.reg_no, svc->region, 0});
  }
  add_event(c, out.id, staff ? std::optional(staff->user_id) : std::nullopt, "SUBMIT", std::nullopt, status, "",
            "Permohonan diterima dan didaftarkan. / The request was received and registered.");
  audit_case(c, staff ? *staff : auth::Scope::system(), "create", out.id, svc->region,
             {{"kind", in.kind}, {"reg_no", out.reg_no}, {"channel", in.channel}});
  auto cal = load_calendar(c);
  out.due_date = format_date(evaluate_clock({start, static_cast<int>(svc->sla), {}, std::nullopt}, start, cal).due);
  return out;
}

Result<std::string> record_public_file(db::Conn& c, const std::string& sha256, const std::string& mime, int64_t size,
                                       const std::string& name) {
  std::string token = random_token(18);
  c.insert("INSERT INTO svc_public_files (token, sha256, mime, size, name, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)",
           {token, sha256, mime, size, name, now_iso()});
  return token;
}

std::optional<int64_t> find_by_secret(db::Conn& c, const std::string& reg_no, const std::string& secret) {
  // The hash is computed whether or not the number exists, so both answers take the same work.
  std::string hash = secret_hash(secret);
  std::optional<int64_t> id;
  c.query("SELECT id, secret_hash FROM svc_cases WHERE reg_no = ?", {reg_no}, [&](const db::Row& r) {
    if (secure_equals(r.text(1), hash)) id = r.i64(0);
  });
  return id;
}

namespace {

// Counts one finished request in svc_times and svc_times_year (the recaps read those rows, not
// every request).
void record_time(db::Conn& c, int64_t service_id, const std::string& region, const std::string& month, int used, bool on_time) {
  c.exec("INSERT INTO svc_times (service_id, region_code, month, used_wd, finished, on_time) VALUES (?, ?, ?, ?, 1, ?) "
         "ON CONFLICT (service_id, month, used_wd) DO UPDATE SET finished = svc_times.finished + 1, "
         "on_time = svc_times.on_time + excluded.on_time",
         {service_id, region, month, int64_t{used}, int64_t{on_time}});
  c.exec("INSERT INTO svc_times_year (service_id, region_code, year, used_wd, finished, on_time) VALUES (?, ?, ?, ?, 1, ?) "
         "ON CONFLICT (service_id, year, used_wd) DO UPDATE SET finished = svc_times_year.finished + 1, "
         "on_time = svc_times_year.on_time + excluded.on_time",
         {service_id, region, int64_t{std::stoi(month.substr(0, 4))}, int64_t{used}, int64_t{on_time}});
}

// The result report's due date of a permit issued today: the service's rule (result_report_wd)
// after the research period's end, in the office's local days and the holiday calendar.
std::string result_due_on_issue(db::Conn& c, const CaseRow& k) {
  int wd = static_cast<int>(c.query_i64("SELECT result_report_wd FROM svc_services WHERE id = ?", {k.service_id}).value_or(30));
  ResearchDetails rd = research_details(c.query_str("SELECT details FROM svc_cases WHERE id = ?", {k.id}).value_or("{}"));
  return format_date(result_report_due(parse_date(rd.period_end), office_today(k.region_code), wd, load_calendar(c)));
}

// Applies the clock side of a workflow step.
void apply_clock(db::Conn& c, const CaseRow& k, const Transition& t, const std::string& reason) {
  std::string today = format_date(office_today(k.region_code));
  if (t.pauses) {
    int64_t seq = c.query_i64("SELECT COALESCE(MAX(seq), 0) + 1 FROM svc_pauses WHERE case_id = ?", {k.id}).value_or(1);
    c.exec("INSERT INTO svc_pauses (case_id, seq, from_date, reason) VALUES (?, ?, ?, ?)", {k.id, seq, today, reason});
  }
  if (t.resumes) c.exec("UPDATE svc_pauses SET to_date = ? WHERE case_id = ? AND to_date IS NULL", {today, k.id});
  if (t.stops_clock && !k.finished_date) {
    c.exec("UPDATE svc_pauses SET to_date = ? WHERE case_id = ? AND to_date IS NULL", {today, k.id});
    CaseRow done = k;
    done.finished_date = today;
    auto cal = load_calendar(c);
    ClockState st = clock_of(c, done, cal);
    c.exec("UPDATE svc_cases SET finished_date = ?, used_wd = ?, on_time = ? WHERE id = ?",
           {today, int64_t{st.used}, int64_t{!st.breached}, k.id});
    record_time(c, k.service_id, k.region_code, today.substr(0, 7), st.used, !st.breached);
  }
}

}  // namespace

Status applicant_step(db::Conn& c, int64_t id, const std::string& action, const std::string& note,
                      const std::map<std::string, std::string>& documents) {
  auto k = load_case(c, id);
  if (!k) return not_found_case();
  const Transition* t = find_transition(k->kind, k->status, action);
  if (!t || t->actor != Actor::Applicant)
    return Error::conflict("services.step_not_allowed", "Langkah ini tidak dapat dilakukan pada tahap permohonan sekarang.",
                           "This step is not possible at the request's current stage.");
  if (!documents.empty()) {
    std::set<std::string> known;
    c.query("SELECT doc_type FROM svc_documents WHERE case_id = ?", {id}, [&](const db::Row& r) { known.insert(r.str(0)); });
    for (auto& [type, token] : documents)
      if (!known.count(type))
        return Error::invalid_field("documents." + type, "not_allowed", "Jenis dokumen ini tidak diminta.", "This document type was not asked for.");
    PANTAU_CHECK(attach_documents(c, id, documents));
  }
  apply_clock(c, *k, *t, "");
  c.exec("UPDATE svc_cases SET status = ?, version = version + 1, updated_at = ? WHERE id = ?", {std::string(t->to), now_iso(), id});
  add_event(c, id, std::nullopt, action, k->status, std::string(t->to), note,
            action == "COMPLETE" ? "Pemohon melengkapi permohonan. / The applicant completed the request."
                                 : "Laporan hasil penelitian diterima. / The research result report was received.");
  audit_case(c, auth::Scope::system(), "applicant_" + to_lower_ascii(action), id, k->region_code, {{"status", std::string(t->to)}});
  return {};
}

Status submit_survey(db::Conn& c, int64_t id, const std::array<int, kSkmElements>& u, const std::string& comment) {
  auto k = load_case(c, id);
  if (!k) return not_found_case();
  if (!k->finished_date)
    return Error::conflict("services.survey_not_open", "Survei dibuka setelah layanan selesai.", "The survey opens once the service is completed.");
  if (c.query_i64("SELECT 1 FROM svc_surveys WHERE case_id = ?", {id}))
    return Error::conflict("services.survey_done", "Survei untuk permohonan ini sudah diisi. Terima kasih.",
                           "The survey for this request was already answered. Thank you.");
  c.exec("INSERT INTO svc_surveys (case_id, service_id, region_code, answered_at, u1, u2, u3, u4, u5, u6, u7, u8, u9, comment) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {id, k->service_id, k->region_code, now_iso(), int64_t{u[0]}, int64_t{u[1]}, int64_t{u[2]}, int64_t{u[3]}, int64_t{u[4]},
          int64_t{u[5]}, int64_t{u[6]}, int64_t{u[7]}, int64_t{u[8]}, comment});
  return {};
}

std::optional<std::string> letter_sha(db::Conn& c, int64_t id) {
  return c.query_str("SELECT letter_sha FROM svc_cases WHERE id = ? AND letter_sha IS NOT NULL", {id});
}

std::optional<std::string> staff_letter_sha(db::Conn& c, const auth::Scope& s, int64_t id) {
  if (!visible_case(c, s, id, false)) return std::nullopt;
  return letter_sha(c, id);
}

Result<int64_t> staff_step(db::Conn& c, const auth::Scope& s, int64_t id, const StepInput& in) {
  auto k = visible_case(c, s, id, true);
  if (!k) return not_found_case();
  if (k->version != in.version) return Error::stale_version();
  const Transition* t = find_transition(k->kind, k->status, in.action);
  if (!t || t->actor != Actor::Staff)
    return Error::conflict("services.step_not_allowed", "Langkah ini tidak dapat dilakukan pada tahap permohonan sekarang.",
                           "This step is not possible at the request's current stage.");
  if (!s.can(t->permission)) return Error::forbidden();
  std::vector<FieldError> errs;
  if (in.action == "ANSWER" && k->kind == kInfoRequest &&
      std::find(kResponseTypes.begin(), kResponseTypes.end(), in.response_type) == kResponseTypes.end())
    errs.push_back(ferr("response_type", "not_allowed", "Pilih jenis tanggapan.", "Choose the type of response."));
  if (in.action == "DECIDE" && std::find(kObjectionDecisions.begin(), kObjectionDecisions.end(), in.decision) == kObjectionDecisions.end())
    errs.push_back(ferr("decision", "not_allowed", "Pilih putusan atasan PPID.", "Choose the decision of the atasan PPID."));
  bool needs_reason = in.action == "EXTEND" || in.action == "REJECT" || in.action == "RETURN_INCOMPLETE" || in.action == "ASK_APPLICANT" ||
                      (in.action == "ANSWER" && in.response_type == "REJECTED_EXEMPT") || in.action == "DECIDE";
  if (needs_reason && trim(in.public_note).empty())
    errs.push_back(ferr("public_note", "required", "Tuliskan alasan/keterangan untuk pemohon.", "Write the reasons for the applicant."));
  if (!errs.empty()) return Error::invalid(errs);

  if (in.action == "RETURN_INCOMPLETE" &&
      !c.query_i64("SELECT 1 FROM svc_documents WHERE case_id = ? AND verdict = 'REVISE'", {id}))
    return Error::conflict("services.nothing_to_complete", "Tandai dulu dokumen yang perlu diperbaiki.",
                           "First mark the documents that need to be corrected.");
  if (in.action == "DOCUMENTS_OK") {
    std::map<std::string, std::string> verdicts;
    c.query("SELECT doc_type, verdict FROM svc_documents WHERE case_id = ?", {id}, [&](const db::Row& r) { verdicts[r.str(0)] = r.str(1); });
    std::vector<std::string_view> required;
    for (auto& [type, v] : verdicts) required.push_back(type);
    auto open = unsettled_documents(required, verdicts);
    if (verdicts.empty()) open.push_back("APPLICATION_LETTER");
    if (!open.empty())
      return Error::conflict("services.documents_unsettled",
                             "Masih ada dokumen yang belum dinyatakan sesuai: " + fmt::format("{}", fmt::join(open, ", ")),
                             "Some documents are not accepted yet: " + fmt::format("{}", fmt::join(open, ", ")));
  }
  if (in.action == "ISSUE" && (in.letter_no.empty() || in.letter_sha.empty())) return Error::internal("ISSUE needs the letter");

  std::string now = now_iso();
  apply_clock(c, *k, *t, in.public_note);
  if (in.action == "EXTEND")
    c.exec("UPDATE svc_cases SET extended = 1, limit_wd = limit_wd + 7, extension_reason = ? WHERE id = ?", {in.public_note, id});
  if (in.action == "ANSWER")
    c.exec("UPDATE svc_cases SET response_type = ?, fee_rupiah = ?, decision_note = ?, exemption = ? WHERE id = ?",
           {in.response_type.empty() ? db::Value() : db::Value(in.response_type), in.fee_rupiah, in.public_note,
            in.response_type == "REJECTED_EXEMPT" && !in.exemption.empty() ? db::Value(in.exemption) : db::Value(), id});
  if (in.action == "DECIDE" || in.action == "REJECT")
    c.exec("UPDATE svc_cases SET response_type = ?, decision_note = ? WHERE id = ?",
           {in.action == "DECIDE" ? in.decision : std::string("REJECTED"), in.public_note, id});
  if (in.action == "ACKNOWLEDGE")
    c.exec("UPDATE svc_cases SET acknowledged_date = ? WHERE id = ?", {format_date(office_today(k->region_code)), id});
  if (in.action == "ESCALATE") c.exec("UPDATE svc_cases SET escalated_ombudsman = 1 WHERE id = ?", {id});
  if (in.action == "ISSUE") {
    c.exec("UPDATE svc_cases SET letter_no = ?, letter_sha = ?, letter_code = ?, letter_issued_at = ?, response_type = 'ISSUED' WHERE id = ?",
           {in.letter_no, in.letter_sha, in.letter_code, now, id});
    // The researcher owes the result report from now on; its due date follows the service's rule
    // and is the one the letter prints (computed before the letter was drawn).
    std::string due = in.result_due_date.empty() ? result_due_on_issue(c, *k) : in.result_due_date;
    c.exec("UPDATE svc_cases SET result_due_date = ?, result_overdue_date = NULL WHERE id = ?", {due, id});
  }
  c.exec("UPDATE svc_cases SET status = ?, version = version + 1, updated_at = ? WHERE id = ?", {std::string(t->to), now, id});
  add_event(c, id, s.user_id, in.action, k->status, std::string(t->to), in.note, in.public_note);
  audit_case(c, s, "step_" + to_lower_ascii(in.action), id, k->region_code,
             {{"from", k->status}, {"to", std::string(t->to)}, {"response_type", in.response_type}, {"decision", in.decision}});
  return k->version + 1;
}

Result<LetterData> letter_data(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto k = visible_case(c, s, id, true);
  if (!k || k->kind != kResearchPermit) return not_found_case();
  LetterData d;
  d.version = k->version;
  d.office_region = k->region_code;
  c.query("SELECT c.reg_no, c.applicant_name, c.applicant_org, c.applicant_id_no, c.subject, c.research_region, c.details, o.name "
          "FROM svc_cases c JOIN org_units o ON o.id = c.org_unit_id WHERE c.id = ?",
          {id}, [&](const db::Row& r) {
            d.reg_no = r.str(0);
            d.applicant_name = r.str(1);
            d.applicant_org = r.str(2);
            d.id_no = r.str(3);
            d.title = r.str(4);
            d.research_region = r.is_null(5) ? "" : r.str(5);
            ResearchDetails details = research_details(r.str(6));
            d.period_start = details.period_start;
            d.period_end = details.period_end;
            d.method = details.method;
            d.office_name = r.str(7);
          });
  d.research_region_name = region_name(c, d.research_region);
  d.result_due_date = result_due_on_issue(c, *k);
  return d;
}

Result<int64_t> set_verdict(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& doc_type,
                            const std::string& verdict, const std::string& note) {
  auto k = visible_case(c, s, id, true);
  if (!k) return not_found_case();
  if (k->version != version) return Error::stale_version();
  if (k->status != "DOCUMENT_CHECK")
    return Error::conflict("services.not_in_document_check", "Dokumen diperiksa pada tahap pemeriksaan dokumen.",
                           "Documents are checked during the document check.");
  if (verdict == "REVISE" && trim(note).empty())
    return Error::invalid_field("note", "required", "Tuliskan apa yang perlu diperbaiki.", "Write what needs to be corrected.");
  if (c.exec("UPDATE svc_documents SET verdict = ?, verdict_note = ?, updated_at = ? WHERE case_id = ? AND doc_type = ?",
             {verdict, note, now_iso(), id, doc_type}) == 0)
    return Error::not_found("Dokumen tidak ditemukan.", "The document was not found.");
  c.exec("UPDATE svc_cases SET version = version + 1, updated_at = ? WHERE id = ?", {now_iso(), id});
  audit_case(c, s, "verdict", id, k->region_code, {{"document", doc_type}, {"verdict", verdict}});
  return version + 1;
}

std::optional<PublicFile> case_file(db::Conn& c, const auth::Scope& s, int64_t case_id, int64_t file_id) {
  if (!visible_case(c, s, case_id, false)) return std::nullopt;
  std::optional<PublicFile> f;
  c.query("SELECT sha256, mime, name FROM svc_public_files WHERE id = ? AND case_id = ?", {file_id, case_id},
          [&](const db::Row& r) { f = PublicFile{r.str(0), r.str(1), r.str(2)}; });
  return f;
}

}  // namespace pantau::services
