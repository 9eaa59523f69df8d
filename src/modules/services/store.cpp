#include "modules/services/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "audit/audit.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "http/json.h"
#include "modules/services/rules.h"

namespace pantau::services {

namespace {

db::Value opt_text(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }

Error not_found_case() { return Error::not_found("Permohonan tidak ditemukan.", "The request was not found."); }

std::string audit_json(const std::vector<std::pair<std::string, std::string>>& kv) {
  json::Out o;
  o.begin_object();
  for (auto& [k, v] : kv) o.kv(k, v);
  o.end_object();
  return o.take();
}

void audit_case(db::Conn& c, const auth::Scope& who, const std::string& action, int64_t id, const std::string& region,
                const std::vector<std::pair<std::string, std::string>>& after) {
  audit::append(c, who, {action, "svc_case", std::to_string(id), region, 0, std::nullopt, audit_json(after)});
}

void add_event(db::Conn& c, int64_t case_id, std::optional<int64_t> actor, const std::string& action,
               const std::optional<std::string>& from, const std::string& to, const std::string& note, const std::string& public_note) {
  c.exec("INSERT INTO svc_events (case_id, at, actor_id, action, from_status, to_status, note, public_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
         {case_id, now_iso(), actor ? db::Value(*actor) : db::Value(), action, opt_text(from), to, note, public_note});
}

// The row of a case the workflow and the clock need.
struct CaseRow {
  int64_t id = 0, service_id = 0, org_unit_id = 0, version = 0, limit_wd = 0, ack_limit_wd = 0;
  std::string kind, region_code, status, reg_no, start_date, received_at;
  std::optional<std::string> finished_date, acknowledged_date, research_region;
  bool extended = false;
};

constexpr const char* kCaseCols =
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

std::vector<ClockPause> load_pauses(db::Conn& c, int64_t id) {
  std::vector<ClockPause> out;
  c.query("SELECT from_date, to_date FROM svc_pauses WHERE case_id = ? ORDER BY seq", {id}, [&](const db::Row& r) {
    ClockPause p{*parse_date(r.text(0)), std::nullopt};
    if (!r.is_null(1)) p.to = parse_date(r.text(1));
    out.push_back(p);
  });
  return out;
}

ClockState clock_of(db::Conn& c, const CaseRow& k, const WorkingDayCalendar& cal) {
  ServiceClock clock{*parse_date(k.start_date), static_cast<int>(k.limit_wd), load_pauses(c, k.id), std::nullopt};
  if (k.finished_date) clock.finished = parse_date(*k.finished_date);
  return evaluate_clock(clock, local_today(k.region_code), cal);
}

void clock_json(json::Out& o, const ClockState& st, int64_t limit) {
  o.key("clock").begin_object()
      .kv("limit_working_days", limit)
      .kv("due_date", format_date(st.due))
      .kv("used_working_days", st.used)
      .kv("left_working_days", st.left)
      .kv("paused", st.paused)
      .kv("finished", st.finished)
      .kv("breached", st.breached)
      .end_object();
}

FieldError ferr(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
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

}  // namespace

WorkingDayCalendar load_calendar(db::Conn& c) {
  WorkingDayCalendar cal;
  c.query("SELECT date FROM holidays", {}, [&](const db::Row& r) {
    if (auto d = parse_date(r.text(0))) cal.add_day_off(*d);
  });
  return cal;
}

Date local_today(std::string_view region_code) { return *local_date(now_iso(), region_code); }

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
  if (in.kind == kResearchPermit) {
    for (auto d : required_documents(in.applicant_type, in.foreign))
      c.exec("INSERT INTO svc_documents (case_id, doc_type, verdict, updated_at) VALUES (?, ?, 'PENDING', ?)", {out.id, std::string(d), now});
    PANTAU_CHECK(attach_documents(c, out.id, in.documents));
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

std::string track_json(db::Conn& c, int64_t id) {
  auto k = load_case(c, id);
  auto cal = load_calendar(c);
  ClockState st = clock_of(c, *k, cal);
  json::Out o;
  o.begin_object().kv("reg_no", k->reg_no).kv("kind", k->kind).kv("status", k->status).kv("received_at", k->received_at);
  c.query("SELECT s.name_id, s.name_en, o.name FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE s.id = ?",
          {k->service_id}, [&](const db::Row& r) {
            o.key("service").begin_object().kv("id", r.text(0)).kv("en", r.text(1)).end_object().kv("office", r.text(2));
          });
  clock_json(o, st, k->limit_wd);
  c.query("SELECT response_type, letter_no, CASE WHEN letter_sha IS NOT NULL THEN 1 ELSE 0 END, letter_code FROM svc_cases WHERE id = ?", {id},
          [&](const db::Row& r) {
            o.kv_opt("response_type", r.opt_str(0)).kv("letter_available", r.i64(2) != 0).kv_opt("letter_no", r.opt_str(1))
                .kv_opt("letter_code", r.opt_str(3));
          });
  o.key("history").begin_array();
  c.query("SELECT at, to_status, public_note FROM svc_events WHERE case_id = ? ORDER BY id", {id}, [&](const db::Row& r) {
    o.begin_object().kv("at", r.text(0)).kv("status", r.text(1)).kv("note", r.text(2)).end_object();
  });
  o.end_array();
  o.key("documents").begin_array();
  c.query("SELECT doc_type, verdict, verdict_note, file_id IS NOT NULL FROM svc_documents WHERE case_id = ? ORDER BY doc_type", {id},
          [&](const db::Row& r) {
            o.begin_object().kv("type", r.text(0)).kv("verdict", r.text(1)).kv("note", r.text(2)).kv("sent", r.i64(3) != 0).end_object();
          });
  o.end_array();
  bool survey_done = c.query_i64("SELECT 1 FROM svc_surveys WHERE case_id = ?", {id}).has_value();
  o.kv("survey_open", k->finished_date.has_value() && !survey_done);
  std::vector<std::string_view> actions;
  for (auto& t : transitions())
    if (t.kind == k->kind && t.from == k->status && t.actor == Actor::Applicant) actions.push_back(t.action);
  o.key("applicant_actions").begin_array();
  for (auto a : actions) o.value(a);
  o.end_array();
  o.end_object();
  return o.take();
}

namespace {

// Counts one finished request in svc_times (the recaps read those rows, not every request).
void record_time(db::Conn& c, int64_t service_id, const std::string& region, const std::string& month, int used, bool on_time) {
  c.exec("INSERT INTO svc_times (service_id, region_code, month, used_wd, finished, on_time) VALUES (?, ?, ?, ?, 1, ?) "
         "ON CONFLICT (service_id, month, used_wd) DO UPDATE SET finished = svc_times.finished + 1, "
         "on_time = svc_times.on_time + excluded.on_time",
         {service_id, region, month, int64_t{used}, int64_t{on_time}});
}

// Applies the clock side of a workflow step.
void apply_clock(db::Conn& c, const CaseRow& k, const Transition& t, const std::string& reason) {
  std::string today = format_date(local_today(k.region_code));
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

namespace {

// Finished requests of the last 365 days per office service as a histogram of working days.
struct Times {
  std::map<int, int64_t> hist;
  int64_t on_time = 0, total = 0;
};

}  // namespace

std::string public_offices_json(db::Conn& c) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  c.query("SELECT DISTINCT s.region_code, o.name, r.name FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id "
          "LEFT JOIN regions r ON r.code = s.region_code WHERE s.active = 1 ORDER BY s.region_code",
          {}, [&](const db::Row& r) {
            o.begin_object().kv("region_code", r.text(0)).kv("office", r.text(1)).kv("region_name", r.is_null(2) ? r.text(0) : r.text(2)).end_object();
          });
  o.end_array().end_object();
  return o.take();
}

std::optional<std::string> public_office_json(db::Conn& c, const std::string& region) {
  std::optional<std::string> office;
  c.query("SELECT o.name FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE s.region_code = ? AND s.active = 1 LIMIT 1",
          {region}, [&](const db::Row& r) { office = r.str(0); });
  if (!office) return std::nullopt;
  Date today = local_today(region);
  std::string since = format_date(civil_from_days(days_from_civil(today) - 365));
  std::map<int64_t, Times> times;
  c.query("SELECT service_id, used_wd, SUM(finished), SUM(on_time) FROM svc_times WHERE region_code = ? AND month >= ? "
          "GROUP BY service_id, used_wd",
          {region, since.substr(0, 7)}, [&](const db::Row& r) {
            auto& t = times[r.i64(0)];
            t.hist[static_cast<int>(r.i64(1))] += r.i64(2);
            t.total += r.i64(2);
            t.on_time += r.i64(3);
          });
  std::map<int64_t, std::vector<std::array<int, kSkmElements>>> skm;
  c.query("SELECT service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9 FROM svc_surveys WHERE region_code = ? AND answered_at >= ?",
          {region, since}, [&](const db::Row& r) {
            std::array<int, kSkmElements> a{};
            for (int i = 0; i < kSkmElements; ++i) a[static_cast<size_t>(i)] = static_cast<int>(r.i64(i + 1));
            skm[r.i64(0)].push_back(a);
          });
  json::Out o;
  o.begin_object().kv("region_code", region).kv("office", *office).kv("region_name", region_name(c, region));
  // Where research may take place: the office's region and the regions directly under it.
  o.key("areas").begin_array();
  c.query("SELECT code, name FROM regions WHERE code = ? OR parent_code = ? ORDER BY code", {region, region},
          [&](const db::Row& r) { o.begin_object().kv("code", r.text(0)).kv("name", r.text(1)).end_object(); });
  o.end_array();
  o.key("services").begin_array();
  c.query("SELECT s.id, s.kind, s.name_id, s.name_en, s.sla_working_days, s.ack_working_days, "
          "(SELECT st.components FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1 ORDER BY st.version_no DESC LIMIT 1), "
          "(SELECT st.maklumat FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1 ORDER BY st.version_no DESC LIMIT 1), "
          "(SELECT st.effective_from FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1 ORDER BY st.version_no DESC LIMIT 1) "
          "FROM svc_services s WHERE s.region_code = ? AND s.active = 1 ORDER BY s.id",
          {region}, [&](const db::Row& r) {
            int64_t sid = r.i64(0);
            o.begin_object().kv("kind", r.text(1)).key("name").begin_object().kv("id", r.text(2)).kv("en", r.text(3)).end_object();
            o.kv("promised_working_days", r.i64(4)).kv("acknowledge_working_days", r.i64(5));
            // Only the published components of the standard in force (never the internal ones).
            o.key("standard");
            rapidjson::Document d;
            if (r.is_null(6) || d.Parse(r.str(6).c_str()).HasParseError() || !d.IsObject()) {
              o.null();
            } else {
              o.begin_object().kv("effective_from", r.text(8)).kv("maklumat", r.text(7)).key("components").begin_array();
              for (auto& comp : standard_components()) {
                if (!comp.published) continue;
                std::string key(comp.key);
                if (!d.HasMember(key.c_str()) || !d[key.c_str()].IsString()) continue;
                o.begin_object().kv("key", comp.key).kv_message("label", comp.label).kv("text", d[key.c_str()].GetString()).end_object();
              }
              o.end_array().end_object();
            }
            // Real service times beside the promised ones; too few requests show no figure (and no count).
            o.key("real_times");
            auto it = times.find(sid);
            if (it == times.end() || it->second.total < 5) {
              o.null();
            } else {
              auto& t = it->second;
              o.begin_object().kv("median_working_days", percentile(t.hist, 50)).kv("p90_working_days", percentile(t.hist, 90))
                  .kv("on_time_percent", static_cast<int64_t>((t.on_time * 100 + t.total / 2) / t.total)).end_object();
            }
            o.key("satisfaction");
            auto sk = skm.find(sid);
            if (sk == skm.end() || sk->second.size() < 5) {
              o.null();
            } else {
              SkmResult res = skm_index(sk->second);
              o.begin_object().kv("index", res.index).kv("band", std::string(1, res.band)).kv_message("band_label", res.band_label).end_object();
            }
            o.end_object();
          });
  o.end_array();
  o.key("information_list").begin_array();
  c.query("SELECT info_class, title, summary, responsible, form, retention, exemption_basis FROM svc_info_list WHERE region_code = ? "
          "ORDER BY info_class, title",
          {region}, [&](const db::Row& r) {
            bool exempt = r.text(0) == "DIKECUALIKAN";
            o.begin_object().kv("class", r.text(0)).kv("title", r.text(1)).kv("summary", exempt ? "" : r.text(2))
                .kv("responsible", r.text(3)).kv("form", exempt ? "" : r.text(4)).kv("retention", r.text(5))
                .kv("exemption_basis", r.text(6)).end_object();
          });
  o.end_array().end_object();
  return o.take();
}

std::string queue_json(db::Conn& c, const auth::Scope& s, const QueueFilter& f) {
  db::Params p;
  std::string where = "(" + s.region_filter("c.region_code", p) + " OR (c.research_region IS NOT NULL AND " +
                      s.region_filter("c.research_region", p) + "))";
  if (f.open_only) where += " AND c.finished_date IS NULL";
  if (!f.kind.empty()) {
    where += " AND c.kind = ?";
    p.push_back(f.kind);
  }
  if (!f.status.empty()) {
    where += " AND c.status = ?";
    p.push_back(f.status);
  }
  if (!f.region.empty()) {
    where += " AND c.region_code >= ? AND c.region_code < ?";
    p.push_back(f.region);
    p.push_back(f.region + "/");
  }
  auto cal = load_calendar(c);
  struct Item {
    CaseRow k;
    ClockState st;
    std::string service_id, service_en, applicant, subject, channel;
    bool escalated = false;
  };
  std::vector<Item> items;
  c.query(fmt::format("SELECT c.id, c.service_id, c.org_unit_id, c.version, c.limit_wd, c.ack_limit_wd, c.kind, c.region_code, c.status, "
                      "c.reg_no, c.start_date, c.received_at, c.finished_date, c.acknowledged_date, c.research_region, c.extended, "
                      "s.name_id, s.name_en, c.applicant_name, c.anonymous, c.subject, c.channel, c.escalated_ombudsman "
                      "FROM svc_cases c JOIN svc_services s ON s.id = c.service_id WHERE {} ORDER BY c.id DESC LIMIT 2000",
                      where),
          p, [&](const db::Row& r) {
            Item it;
            it.k = case_from(r);
            it.service_id = r.str(16);
            it.service_en = r.str(17);
            it.applicant = r.i64(19) ? "" : r.str(18);
            it.subject = r.str(20);
            it.channel = r.str(21);
            it.escalated = r.i64(22) != 0;
            items.push_back(std::move(it));
          });
  for (auto& it : items) it.st = clock_of(c, it.k, cal);
  // Least time left first: breaches at the top, then what falls due soonest; paused ones last.
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    if (a.st.paused != b.st.paused) return !a.st.paused;
    return a.st.left < b.st.left;
  });
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& it : items) {
    o.begin_object().kv("id", it.k.id).kv("reg_no", it.k.reg_no).kv("kind", it.k.kind).kv("status", it.k.status)
        .kv("region_code", it.k.region_code).key("service").begin_object().kv("id", it.service_id).kv("en", it.service_en).end_object()
        .kv("applicant_name", it.applicant).kv("subject", it.subject).kv("channel", it.channel).kv("received_at", it.k.received_at)
        .kv("escalated_ombudsman", it.escalated).kv("read_only", !s.covers(it.k.region_code)).kv("version", it.k.version);
    clock_json(o, it.st, it.k.limit_wd);
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::optional<std::string> case_json(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto k = visible_case(c, s, id, false);
  if (!k) return std::nullopt;
  auto cal = load_calendar(c);
  ClockState st = clock_of(c, *k, cal);
  json::Out o;
  o.begin_object();
  c.query("SELECT c.id, c.reg_no, c.kind, c.status, c.channel, c.lapor_ref, c.applicant_name, c.applicant_contact, c.applicant_id_no, "
          "c.applicant_org, c.anonymous, c.subject, c.body, c.details, c.received_at, c.start_date, c.extended, c.extension_reason, "
          "c.response_type, c.fee_rupiah, c.decision_note, c.letter_no, CASE WHEN c.letter_sha IS NOT NULL THEN 1 ELSE 0 END, c.escalated_ombudsman, c.version, "
          "c.region_code, c.research_region, s.name_id, s.name_en, (SELECT p.reg_no FROM svc_cases p WHERE p.id = c.parent_id), "
          "c.acknowledged_date, c.ack_limit_wd, c.letter_code "
          "FROM svc_cases c JOIN svc_services s ON s.id = c.service_id WHERE c.id = ?",
          {id}, [&](const db::Row& r) {
            o.kv("id", r.i64(0)).kv("reg_no", r.text(1)).kv("kind", r.text(2)).kv("status", r.text(3)).kv("channel", r.text(4))
                .kv("lapor_ref", r.text(5)).kv("applicant_name", r.text(6)).kv("applicant_contact", r.text(7))
                .kv("applicant_id_no", r.text(8)).kv("applicant_org", r.text(9)).kv("anonymous", r.i64(10) != 0)
                .kv("subject", r.text(11)).kv("body", r.text(12)).key("details").raw(r.text(13));
            o.kv("received_at", r.text(14)).kv("start_date", r.text(15)).kv("extended", r.i64(16) != 0)
                .kv("extension_reason", r.text(17)).kv_opt("response_type", r.opt_str(18)).kv("fee_rupiah", r.i64(19))
                .kv("decision_note", r.text(20)).kv_opt("letter_no", r.opt_str(21)).kv("letter_available", r.i64(22) != 0)
                .kv("escalated_ombudsman", r.i64(23) != 0).kv("version", r.i64(24)).kv("region_code", r.text(25))
                .kv_opt("research_region", r.opt_str(26)).key("service").begin_object().kv("id", r.text(27)).kv("en", r.text(28)).end_object()
                .kv_opt("request_reg_no", r.opt_str(29)).kv_opt("acknowledged_date", r.opt_str(30)).kv_opt("letter_code", r.opt_str(32));
            if (r.i64(31) > 0) {
              ServiceClock ack{*parse_date(k->start_date), static_cast<int>(r.i64(31)), {}, std::nullopt};
              if (!r.is_null(30)) ack.finished = parse_date(r.text(30));
              ClockState as = evaluate_clock(ack, local_today(k->region_code), cal);
              o.key("acknowledge_clock").begin_object().kv("limit_working_days", r.i64(31)).kv("due_date", format_date(as.due))
                  .kv("finished", as.finished).kv("breached", as.breached).end_object();
            }
          });
  clock_json(o, st, k->limit_wd);
  o.kv("read_only", !s.covers(k->region_code));
  o.key("actions").begin_array();
  for (auto& t : transitions())
    if (t.kind == k->kind && t.from == k->status && t.actor == Actor::Staff && s.can(t.permission) && s.covers(k->region_code))
      o.value(t.action);
  o.end_array();
  o.key("pauses").begin_array();
  c.query("SELECT from_date, to_date, reason FROM svc_pauses WHERE case_id = ? ORDER BY seq", {id}, [&](const db::Row& r) {
    o.begin_object().kv("from", r.text(0)).kv_opt("to", r.opt_str(1)).kv("reason", r.text(2)).end_object();
  });
  o.end_array();
  o.key("documents").begin_array();
  c.query("SELECT d.doc_type, d.verdict, d.verdict_note, d.file_id, f.name, f.mime, f.size FROM svc_documents d "
          "LEFT JOIN svc_public_files f ON f.id = d.file_id WHERE d.case_id = ? ORDER BY d.doc_type",
          {id}, [&](const db::Row& r) {
            o.begin_object().kv("type", r.text(0)).kv("verdict", r.text(1)).kv("note", r.text(2)).kv_opt("file_id", r.opt_i64(3))
                .kv_opt("file_name", r.opt_str(4)).kv_opt("file_mime", r.opt_str(5)).kv_opt("file_size", r.opt_i64(6)).end_object();
          });
  o.end_array();
  o.key("history").begin_array();
  c.query("SELECT e.at, e.action, e.from_status, e.to_status, e.note, e.public_note, u.full_name FROM svc_events e "
          "LEFT JOIN users u ON u.id = e.actor_id WHERE e.case_id = ? ORDER BY e.id",
          {id}, [&](const db::Row& r) {
            o.begin_object().kv("at", r.text(0)).kv("action", r.text(1)).kv_opt("from", r.opt_str(2)).kv("to", r.text(3))
                .kv("note", r.text(4)).kv("public_note", r.text(5)).kv("by", r.is_null(6) ? "" : r.text(6)).end_object();
          });
  o.end_array();
  o.key("dispute");
  bool any = false;
  c.query("SELECT id, filed_on, ki_level, ki_case_no, stage, decision, decided_on, version FROM svc_disputes WHERE case_id = ?", {id},
          [&](const db::Row& r) {
            any = true;
            o.begin_object().kv("id", r.i64(0)).kv("filed_on", r.text(1)).kv("ki_level", r.text(2)).kv("ki_case_no", r.text(3))
                .kv("stage", r.text(4)).kv("decision", r.text(5)).kv_opt("decided_on", r.opt_str(6)).kv("version", r.i64(7)).end_object();
          });
  if (!any) o.null();
  o.end_object();
  return o.take();
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
    c.exec("UPDATE svc_cases SET response_type = ?, fee_rupiah = ?, decision_note = ? WHERE id = ?",
           {in.response_type.empty() ? db::Value() : db::Value(in.response_type), in.fee_rupiah, in.public_note, id});
  if (in.action == "DECIDE" || in.action == "REJECT")
    c.exec("UPDATE svc_cases SET response_type = ?, decision_note = ? WHERE id = ?",
           {in.action == "DECIDE" ? in.decision : std::string("REJECTED"), in.public_note, id});
  if (in.action == "ACKNOWLEDGE")
    c.exec("UPDATE svc_cases SET acknowledged_date = ? WHERE id = ?", {format_date(local_today(k->region_code)), id});
  if (in.action == "ESCALATE") c.exec("UPDATE svc_cases SET escalated_ombudsman = 1 WHERE id = ?", {id});
  if (in.action == "ISSUE")
    c.exec("UPDATE svc_cases SET letter_no = ?, letter_sha = ?, letter_code = ?, letter_issued_at = ?, response_type = 'ISSUED' WHERE id = ?",
           {in.letter_no, in.letter_sha, in.letter_code, now, id});
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
            rapidjson::Document j;
            if (!j.Parse(r.str(6).c_str()).HasParseError() && j.IsObject()) {
              auto get = [&](const char* f) { return j.HasMember(f) && j[f].IsString() ? std::string(j[f].GetString()) : std::string(); };
              d.period_start = get("period_start");
              d.period_end = get("period_end");
              d.method = get("method");
            }
            d.office_name = r.str(7);
          });
  d.research_region_name = region_name(c, d.research_region);
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

std::string services_json(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  std::string where = s.region_filter("s.region_code", p);
  json::Out o;
  o.begin_object().key("items").begin_array();
  c.query("SELECT s.id, s.kind, s.name_id, s.name_en, s.sla_working_days, s.ack_working_days, s.limit_basis, s.limit_confirmed, s.active, "
          "s.version, s.region_code, o.name, (SELECT MAX(version_no) FROM svc_standards st WHERE st.service_id = s.id AND st.published = 1) "
          "FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE " + where + " ORDER BY s.region_code, s.id",
          p, [&](const db::Row& r) {
            o.begin_object().kv("id", r.i64(0)).kv("kind", r.text(1)).key("name").begin_object().kv("id", r.text(2)).kv("en", r.text(3)).end_object()
                .kv("sla_working_days", r.i64(4)).kv("ack_working_days", r.i64(5)).kv("limit_basis", r.text(6))
                .kv("limit_confirmed", r.i64(7) != 0).kv("active", r.i64(8) != 0).kv("version", r.i64(9)).kv("region_code", r.text(10))
                .kv("office", r.text(11)).kv_opt("published_standard_version", r.opt_i64(12)).end_object();
          });
  o.end_array().end_object();
  return o.take();
}

Result<int64_t> update_service(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, int sla, int ack,
                               const std::string& basis, bool active) {
  auto region = c.query_str("SELECT region_code FROM svc_services WHERE id = ?", {id});
  if (!region || !s.covers(*region)) return Error::not_found("Layanan tidak ditemukan.", "The service was not found.");
  if (c.exec("UPDATE svc_services SET sla_working_days = ?, ack_working_days = ?, limit_basis = ?, active = ?, version = version + 1, "
             "updated_at = ? WHERE id = ? AND version = ?",
             {int64_t{sla}, int64_t{ack}, basis, int64_t{active}, now_iso(), id, version}) == 0)
    return Error::stale_version();
  audit::append(c, s, {"update", "svc_service", std::to_string(id), *region, 0, std::nullopt,
                       audit_json({{"sla_working_days", std::to_string(sla)}, {"ack_working_days", std::to_string(ack)}, {"basis", basis}})});
  return version + 1;
}

std::optional<std::string> standards_json(db::Conn& c, const auth::Scope& s, int64_t service_id) {
  auto region = c.query_str("SELECT region_code FROM svc_services WHERE id = ?", {service_id});
  if (!region || !s.covers(*region)) return std::nullopt;
  json::Out o;
  o.begin_object().key("components").begin_array();
  for (auto& comp : standard_components())
    o.begin_object().kv("key", comp.key).kv_message("label", comp.label).kv("published", comp.published).end_object();
  o.end_array().key("items").begin_array();
  c.query("SELECT st.id, st.version_no, st.effective_from, st.components, st.maklumat, st.published, st.created_at, u.full_name "
          "FROM svc_standards st LEFT JOIN users u ON u.id = st.created_by WHERE st.service_id = ? ORDER BY st.version_no DESC",
          {service_id}, [&](const db::Row& r) {
            o.begin_object().kv("id", r.i64(0)).kv("version_no", r.i64(1)).kv("effective_from", r.text(2)).key("components").raw(r.text(3));
            o.kv("maklumat", r.text(4)).kv("published", r.i64(5) != 0).kv("created_at", r.text(6)).kv("created_by", r.is_null(7) ? "" : r.text(7))
                .end_object();
          });
  o.end_array().end_object();
  return o.take();
}

Result<int64_t> add_standard(db::Conn& c, const auth::Scope& s, int64_t service_id, const std::string& effective_from,
                             const std::string& components_json, const std::string& maklumat, bool publish) {
  auto region = c.query_str("SELECT region_code FROM svc_services WHERE id = ?", {service_id});
  if (!region || !s.covers(*region)) return Error::not_found("Layanan tidak ditemukan.", "The service was not found.");
  int64_t next = c.query_i64("SELECT COALESCE(MAX(version_no), 0) + 1 FROM svc_standards WHERE service_id = ?", {service_id}).value_or(1);
  int64_t id = c.insert("INSERT INTO svc_standards (service_id, version_no, effective_from, components, maklumat, published, created_by, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {service_id, next, effective_from, components_json, maklumat, int64_t{publish}, s.user_id, now_iso()});
  audit::append(c, s, {"create", "svc_standard", std::to_string(id), *region, 0, std::nullopt,
                       audit_json({{"service_id", std::to_string(service_id)}, {"version_no", std::to_string(next)}, {"published", publish ? "1" : "0"}})});
  return next;
}

std::string info_list_json(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  std::string where = s.region_filter("region_code", p);
  json::Out o;
  o.begin_object().key("items").begin_array();
  c.query("SELECT id, region_code, info_class, title, summary, responsible, form, retention, exemption_basis, version FROM svc_info_list WHERE " +
              where + " ORDER BY region_code, info_class, title",
          p, [&](const db::Row& r) {
            o.begin_object().kv("id", r.i64(0)).kv("region_code", r.text(1)).kv("class", r.text(2)).kv("title", r.text(3))
                .kv("summary", r.text(4)).kv("responsible", r.text(5)).kv("form", r.text(6)).kv("retention", r.text(7))
                .kv("exemption_basis", r.text(8)).kv("version", r.i64(9)).end_object();
          });
  o.end_array().end_object();
  return o.take();
}

Result<int64_t> add_info_item(db::Conn& c, const auth::Scope& s, const InfoItem& it) {
  std::optional<int64_t> org;
  c.query("SELECT id FROM org_units WHERE id = ? AND kind IN ('KESBANGPOL', 'KEMENDAGRI')", {s.org_unit_id},
          [&](const db::Row& r) { org = r.i64(0); });
  if (!org) return Error::forbidden("Hanya kantor Kesbangpol yang mengelola Daftar Informasi Publik.", "Only a Kesbangpol office keeps an information list.");
  int64_t id = c.insert("INSERT INTO svc_info_list (org_unit_id, region_code, info_class, title, summary, responsible, form, retention, "
                        "exemption_basis, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {*org, s.region_code, it.info_class, it.title, it.summary, it.responsible, it.form, it.retention, it.exemption_basis,
                         now_iso()});
  audit::append(c, s, {"create", "svc_info_item", std::to_string(id), s.region_code, 0, std::nullopt,
                       audit_json({{"class", it.info_class}, {"title", it.title}})});
  return id;
}

Status delete_info_item(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto region = c.query_str("SELECT region_code FROM svc_info_list WHERE id = ?", {id});
  if (!region || !s.covers(*region)) return Error::not_found();
  c.exec("DELETE FROM svc_info_list WHERE id = ?", {id});
  audit::append(c, s, {"delete", "svc_info_item", std::to_string(id), *region, 0, std::nullopt, std::nullopt});
  return {};
}

Result<int64_t> file_dispute(db::Conn& c, const auth::Scope& s, int64_t case_id, const std::string& filed_on, const std::string& ki_level,
                             const std::string& ki_case_no) {
  auto k = visible_case(c, s, case_id, true);
  if (!k || k->kind != kInfoObjection) return not_found_case();
  if (k->status != "DECIDED" && !k->finished_date) {
    // A dispute may follow an objection left unanswered past its 30 working days.
    auto cal = load_calendar(c);
    if (!clock_of(c, *k, cal).breached)
      return Error::conflict("services.dispute_too_early", "Sengketa diajukan setelah putusan atasan PPID atau lewat batas waktunya.",
                             "A dispute follows the atasan PPID's decision or the end of its time limit.");
  }
  if (c.query_i64("SELECT 1 FROM svc_disputes WHERE case_id = ?", {case_id}))
    return Error::conflict("services.dispute_exists", "Sengketa untuk keberatan ini sudah dicatat.", "A dispute is already recorded for this objection.");
  int64_t id = c.insert("INSERT INTO svc_disputes (case_id, filed_on, ki_level, ki_case_no, stage, updated_at) VALUES (?, ?, ?, ?, 'REGISTERED', ?)",
                        {case_id, filed_on, ki_level, ki_case_no, now_iso()});
  add_event(c, case_id, s.user_id, "DISPUTE", k->status, k->status, "Sengketa informasi di Komisi Informasi " + ki_level, "");
  audit::append(c, s, {"create", "svc_dispute", std::to_string(id), k->region_code, 0, std::nullopt,
                       audit_json({{"ki_level", ki_level}, {"ki_case_no", ki_case_no}})});
  return id;
}

Result<int64_t> advance_dispute(db::Conn& c, const auth::Scope& s, int64_t dispute_id, int64_t version, const std::string& stage,
                                const std::string& decision, const std::string& decided_on) {
  std::optional<std::pair<int64_t, std::string>> row;
  int64_t cur_version = 0;
  c.query("SELECT case_id, stage, version FROM svc_disputes WHERE id = ?", {dispute_id}, [&](const db::Row& r) {
    row = std::make_pair(r.i64(0), r.str(1));
    cur_version = r.i64(2);
  });
  if (!row) return Error::not_found();
  auto k = visible_case(c, s, row->first, true);
  if (!k) return Error::not_found();
  if (cur_version != version) return Error::stale_version();
  if (!dispute_step_allowed(row->second, stage))
    return Error::conflict("services.dispute_step", "Tahap sengketa ini tidak dapat dicapai dari tahap sekarang.",
                           "This dispute stage cannot follow the current one.");
  c.exec("UPDATE svc_disputes SET stage = ?, decision = ?, decided_on = ?, version = version + 1, updated_at = ? WHERE id = ?",
         {stage, decision, decided_on.empty() ? db::Value() : db::Value(decided_on), now_iso(), dispute_id});
  audit::append(c, s, {"update", "svc_dispute", std::to_string(dispute_id), k->region_code, 0, std::nullopt,
                       audit_json({{"stage", stage}, {"decision", decision}})});
  return version + 1;
}

std::string recap_json(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to) {
  struct Key {
    std::string region, office, kind;
    auto operator<=>(const Key&) const = default;
  };
  std::map<int64_t, Key> services;
  db::Params sp;
  c.query("SELECT s.id, s.region_code, o.name, s.kind FROM svc_services s JOIN org_units o ON o.id = s.org_unit_id WHERE " +
              s.region_filter("s.region_code", sp),
          sp, [&](const db::Row& r) { services[r.i64(0)] = Key{r.str(1), r.str(2), r.str(3)}; });
  // The months of [from, to) from the counts kept per service, month and working days used;
  // the percentiles come from these histograms, not from every request.
  db::Params p{from.substr(0, 7), to.substr(0, 7)};
  std::string where = "t.month >= ? AND t.month < ? AND " + s.region_filter("t.region_code", p);
  std::map<Key, Times> groups;
  c.query("SELECT t.service_id, t.used_wd, SUM(t.finished), SUM(t.on_time) FROM svc_times t WHERE " + where +
              " GROUP BY t.service_id, t.used_wd",
          p, [&](const db::Row& r) {
            auto it = services.find(r.i64(0));
            if (it == services.end()) return;
            auto& t = groups[it->second];
            t.hist[static_cast<int>(r.i64(1))] += r.i64(2);
            t.total += r.i64(2);
            t.on_time += r.i64(3);
          });
  json::Out o;
  o.begin_object().kv("from", from).kv("to", to).key("items").begin_array();
  for (auto& [k, t] : groups)
    o.begin_object().kv("region_code", k.region).kv("office", k.office).kv("kind", k.kind).kv("finished", t.total).kv("on_time", t.on_time)
        .kv("late", t.total - t.on_time).kv("median_working_days", percentile(t.hist, 50)).kv("p90_working_days", percentile(t.hist, 90))
        .end_object();
  o.end_array();
  // Requests still open and already late, per office and kind (evaluated on their clocks).
  o.key("open").begin_array();
  db::Params q;
  std::string open_where = s.region_filter("c.region_code", q);
  c.query("SELECT c.region_code, c.kind, COUNT(*) FROM svc_cases c WHERE c.finished_date IS NULL AND " + open_where +
              " GROUP BY c.region_code, c.kind ORDER BY c.region_code, c.kind",
          q, [&](const db::Row& r) { o.begin_object().kv("region_code", r.text(0)).kv("kind", r.text(1)).kv("count", r.i64(2)).end_object(); });
  o.end_array().end_object();
  return o.take();
}

std::string skm_json(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to) {
  db::Params p{from, to};
  std::string where = "v.answered_at >= ? AND v.answered_at < ? AND " + s.region_filter("v.region_code", p);
  std::map<int64_t, std::vector<std::array<int, kSkmElements>>> answers;
  std::map<int64_t, std::tuple<std::string, std::string, std::string, std::string>> names;
  c.query("SELECT v.service_id, v.u1, v.u2, v.u3, v.u4, v.u5, v.u6, v.u7, v.u8, v.u9, s.name_id, s.name_en, s.region_code, o.name "
          "FROM svc_surveys v JOIN svc_services s ON s.id = v.service_id JOIN org_units o ON o.id = s.org_unit_id WHERE " + where,
          p, [&](const db::Row& r) {
            std::array<int, kSkmElements> a{};
            for (int i = 0; i < kSkmElements; ++i) a[static_cast<size_t>(i)] = static_cast<int>(r.i64(i + 1));
            answers[r.i64(0)].push_back(a);
            names[r.i64(0)] = {r.str(10), r.str(11), r.str(12), r.str(13)};
          });
  json::Out o;
  o.begin_object().key("elements").begin_array();
  for (auto& e : skm_elements()) o.begin_object().kv("id", e.id).kv("en", e.en).end_object();
  o.end_array().key("items").begin_array();
  for (auto& [sid, rows] : answers) {
    SkmResult res = skm_index(rows);
    auto& [nid, nen, region, office] = names[sid];
    o.begin_object().kv("service_id", sid).key("service").begin_object().kv("id", nid).kv("en", nen).end_object().kv("region_code", region)
        .kv("office", office).kv("respondents", res.respondents).kv("index", res.index).kv("band", std::string(1, res.band))
        .kv_message("band_label", res.band_label).key("element_means").begin_array();
    for (double m : res.element_mean) o.value(std::round(m * 100) / 100);
    o.end_array().end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string ppid_report_json(db::Conn& c, const auth::Scope& s, int year) {
  db::Params p{fmt::format("{}-01-01", year), fmt::format("{}-01-01", year + 1)};
  std::string where = "start_date >= ? AND start_date < ? AND " + s.region_filter("region_code", p);
  json::Out o;
  o.begin_object().kv("year", int64_t{year});
  int64_t received = 0, objections = 0, disputes = 0, answered = 0, days = 0;
  std::map<std::string, int64_t> by_type;
  c.query("SELECT kind, response_type, COUNT(*), SUM(COALESCE(used_wd, 0)), SUM(CASE WHEN used_wd IS NULL THEN 0 ELSE 1 END) FROM svc_cases "
          "WHERE kind IN ('INFO_REQUEST', 'INFO_OBJECTION') AND " + where + " GROUP BY kind, response_type",
          p, [&](const db::Row& r) {
            if (r.text(0) == kInfoObjection) {
              objections += r.i64(2);
              return;
            }
            received += r.i64(2);
            if (!r.is_null(1)) by_type[r.str(1)] += r.i64(2);
            days += r.i64(3);
            answered += r.i64(4);
          });
  {
    db::Params q{fmt::format("{}-01-01", year), fmt::format("{}-01-01", year + 1)};
    std::string w = "d.filed_on >= ? AND d.filed_on < ? AND " + s.region_filter("c.region_code", q);
    disputes = c.query_i64("SELECT COUNT(*) FROM svc_disputes d JOIN svc_cases c ON c.id = d.case_id WHERE " + w, q).value_or(0);
  }
  o.kv("requests_received", received).kv("requests_answered", answered);
  o.key("by_response_type").begin_object();
  for (auto t : kResponseTypes) o.kv(t, by_type.count(std::string(t)) ? by_type[std::string(t)] : int64_t{0});
  o.end_object();
  o.key("average_working_days");
  answered ? (void)o.value(std::round(static_cast<double>(days) * 10.0 / static_cast<double>(answered)) / 10.0) : (void)o.null();
  o.kv("objections", objections).kv("disputes", disputes).end_object();
  return o.take();
}

void rebuild_times(db::Conn& c) {
  c.exec("DELETE FROM svc_times");
  c.exec("INSERT INTO svc_times (service_id, region_code, month, used_wd, finished, on_time) "
         "SELECT service_id, region_code, SUBSTR(finished_date, 1, 7), used_wd, COUNT(*), SUM(on_time) FROM svc_cases "
         "WHERE finished_date IS NOT NULL GROUP BY service_id, region_code, SUBSTR(finished_date, 1, 7), used_wd");
}

}  // namespace pantau::services
