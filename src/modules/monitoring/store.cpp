#include <unordered_map>
#include "modules/monitoring/store.h"

#include <fmt/format.h>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/holidays_store.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "modules/monitoring/rules.h"
#include "notify/notify.h"
#include "search/search.h"

namespace pantau::monitoring {

namespace {

db::Value opt(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value opt(const std::optional<double>& v) { return v ? db::Value(*v) : db::Value(); }

constexpr auto notify = &notify::office;

std::string label_id(const std::string& period) {
  auto p = parse_period(period);
  return p.ok() ? period_label_id(*p) : period;
}
std::string label_en(const std::string& period) {
  auto p = parse_period(period);
  return p.ok() ? period_label_en(*p) : period;
}
std::string escalation_id(const std::string& level) {
  if (level == "LOW") return "rendah";
  if (level == "MEDIUM") return "sedang";
  if (level == "HIGH") return "tinggi";
  if (level == "CRITICAL") return "kritis";
  return level;
}

Error not_found_report() { return Error::not_found("Laporan tidak ditemukan.", "Report not found."); }

}  // namespace

void index_report(db::Conn& c, const PeriodicReport& r) {
  // The title is what a search hit shows ("Laporan Kota Banjarmasin Triwulan IV 2026"), the body
  // its excerpt: no codes in either.
  std::string body;
  for (auto& sec : r.sections) body += sec + "\n";
  search::index(c, {"periodic_report", std::to_string(r.id), r.region_code, r.classification,
                    fmt::format("Laporan {} {}", r.region_name, label_id(r.period)), body,
                    fmt::format("/monitoring/reports/{}", r.id)});
}

void index_event(db::Conn& c, const PoliticalEvent& e) {
  search::index(c, {"political_event", std::to_string(e.id), e.region_code, e.classification, e.title,
                    e.description + "\n" + e.location_text + "\n" + e.handling + "\n" + e.region_name,
                    fmt::format("/monitoring/events/{}", e.id)});
}

WorkingDayCalendar load_calendar(db::Conn& c) { return holidays::load_calendar(c); }

bool category_exists(db::Conn& c, const std::string& code) {
  return c.query_i64("SELECT 1 FROM monitoring_categories WHERE code = ?", {code}).has_value();
}

std::vector<Category> list_categories(db::Conn& c) {
  std::vector<Category> out;
  c.query("SELECT code, parent_code, name_id, name_en FROM monitoring_categories WHERE active = 1 ORDER BY code", {},
          [&](const db::Row& r) { out.push_back({r.str(0), r.opt_str(1), r.str(2), r.str(3)}); });
  return out;
}

std::vector<Attachment> record_attachments(db::Conn& c, const auth::Scope& s, std::string_view entity, int64_t id) {
  std::vector<Attachment> out;
  db::Params p{std::string(entity), std::to_string(id)};
  std::string where = s.record_filter("region_code", "classification", p);
  c.query("SELECT id, name, mime, size, sha256 FROM evidence_files WHERE entity = ? AND entity_id = ? AND " + where + " ORDER BY id", p,
          [&](const db::Row& f) { out.push_back({f.i64(0), f.str(1), f.str(2), f.i64(3), f.str(4)}); });
  return out;
}

std::vector<Attachment> report_attachments(db::Conn& c, const auth::Scope& s, int64_t report_id) {
  return record_attachments(c, s, "periodic_report", report_id);
}

static ReportType type_from(const db::Row& r) {
  ReportType t;
  t.code = r.str(0);
  t.name_id = r.str(1);
  t.name_en = r.str(2);
  t.period_type = parse_period_type(r.text(3)).value();
  t.submitter_level = static_cast<int>(r.i64(4));
  t.due = DueRule{parse_offset_unit(r.text(5)).value(), static_cast<int>(r.i64(6))};
  t.legal_basis = r.str(7);
  t.confirmed = r.i64(8) != 0;
  t.effective_from = r.str(9);
  t.version = r.i64(10);
  t.submit_from_days_before_end = static_cast<int>(r.i64(11));
  return t;
}
static constexpr const char* kTypeCols =
    "SELECT code, name_id, name_en, period_type, submitter_level, due_unit, due_value, legal_basis, confirmed, "
    "effective_from, version, submit_from_days_before_end FROM report_types ";

std::vector<ReportType> list_report_types(db::Conn& c) {
  std::vector<ReportType> out;
  c.query(std::string(kTypeCols) + "ORDER BY submitter_level DESC, code", {}, [&](const db::Row& r) { out.push_back(type_from(r)); });
  return out;
}

std::optional<ReportType> get_report_type(db::Conn& c, const std::string& code) {
  std::optional<ReportType> t;
  c.query(std::string(kTypeCols) + "WHERE code = ?", {code}, [&](const db::Row& r) { t = type_from(r); });
  return t;
}


Result<ReportType> update_report_type(db::Conn& c, const auth::Scope& s, const std::string& code, int64_t version,
                                      const DueRule& due, const std::optional<std::string>& legal_basis,
                                      std::optional<int> submit_from_days_before_end) {
  auto before = get_report_type(c, code);
  if (!before) return Error::not_found("Jenis laporan tidak ditemukan.", "Report type not found.");
  if (before->version != version) return Error::stale_version();
  if (due.unit == OffsetUnit::Hours)
    return Error::invalid_field("due_unit", "not_allowed", "Laporan berkala tidak memakai satuan jam.",
                                "Periodic reports do not use hours.");
  c.exec("UPDATE report_types SET due_unit = ?, due_value = ?, legal_basis = ?, submit_from_days_before_end = ?, "
         "version = version + 1 WHERE code = ? AND version = ?",
         {std::string(offset_unit_name(due.unit)), int64_t{due.value}, legal_basis.value_or(before->legal_basis),
          int64_t{submit_from_days_before_end.value_or(before->submit_from_days_before_end)}, code, version});
  auto after = get_report_type(c, code);
  audit::append(c, s, {"update", "report_type", code, "", 0, to_json(*before), to_json(*after)});
  return std::move(*after);
}

// ---- periodic reports -------------------------------------------------------------------

static constexpr const char* kReportSelect =
    "SELECT p.id, p.report_type, p.region_code, COALESCE(r.name, ''), p.org_unit_id, p.period, p.period_start, "
    "p.period_end, p.due_at, p.status, p.general_situation, p.election_stages, p.gov_support, p.potential_threats, "
    "p.measures_taken, p.recommendations, p.classification, p.submitted_at, p.reviewed_at, p.review_note, "
    "p.consolidated_into, p.created_at, p.updated_at, p.version "
    "FROM periodic_reports p LEFT JOIN regions r ON r.code = p.region_code ";

static PeriodicReport report_from(const db::Row& r) {
  PeriodicReport p;
  p.id = r.i64(0);
  p.report_type = r.str(1);
  p.region_code = r.str(2);
  p.region_name = r.str(3);
  p.org_unit_id = r.i64(4);
  p.period = r.str(5);
  p.period_start = r.str(6);
  p.period_end = r.str(7);
  p.due_at = r.str(8);
  p.status = parse_report_status(r.text(9)).value_or(ReportStatus::Draft);
  for (size_t i = 0; i < kSections.size(); ++i) p.sections[i] = r.str(10 + static_cast<int>(i));
  p.classification = static_cast<int>(r.i64(16));
  p.submitted_at = r.opt_str(17);
  p.reviewed_at = r.opt_str(18);
  p.review_note = r.opt_str(19);
  p.consolidated_into = r.opt_i64(20);
  p.created_at = r.str(21);
  p.updated_at = r.str(22);
  p.version = r.i64(23);
  return p;
}

std::optional<PeriodicReport> get_report(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("p.region_code", "p.classification", p);
  std::optional<PeriodicReport> out;
  c.query(std::string(kReportSelect) + "WHERE p.id = ? AND " + where, p, [&](const db::Row& r) { out = report_from(r); });
  return out;
}

std::string list_reports_sql(const auth::Scope& s, const ReportQuery& q, db::Params& p) {
  // Lists carry no narrative text (it can be 100,000 characters a section); GET one report has it.
  static const std::string select = [] {
    std::string sel = kReportSelect;
    std::string_view sections = "p.general_situation, p.election_stages, p.gov_support, p.potential_threats, p.measures_taken, p.recommendations";
    sel.replace(sel.find(sections), sections.size(), "'', '', '', '', '', ''");
    return sel;
  }();
  // ?region= inside the user's area replaces the area's range (one index range, not two);
  // outside it, both conditions stay and nothing is found.
  auth::Scope area = s;
  bool narrowed = !q.region_code.empty() && s.covers(q.region_code);
  if (narrowed) area.region_code = q.region_code;
  std::string sql;
  sql.reserve(select.size() + 256);
  sql += select;
  sql += "WHERE ";
  sql += area.record_filter("p.region_code", "p.classification", p);
  if (q.after) { sql += " AND p.id > ?"; p.emplace_back(*q.after); }
  if (!q.report_type.empty()) { sql += " AND p.report_type = ?"; p.emplace_back(q.report_type); }
  if (!q.period.empty()) { sql += " AND p.period = ?"; p.emplace_back(q.period); }
  if (!q.status.empty()) { sql += " AND p.status = ?"; p.emplace_back(q.status); }
  if (!q.region_code.empty() && !narrowed) {
    auth::Scope narrow = s;
    narrow.region_code = q.region_code;
    sql += " AND " + narrow.region_filter("p.region_code", p);
  }
  sql += " ORDER BY p.id LIMIT ?";
  p.emplace_back(int64_t{q.limit + 1});
  return sql;
}

db::Page<PeriodicReport> list_reports(db::Conn& c, const auth::Scope& s, const ReportQuery& q) {
  db::Params p;
  std::string sql = list_reports_sql(s, q, p);
  db::Page<PeriodicReport> out;
  c.query(sql, p, [&](const db::Row& r) { out.items.push_back(report_from(r)); });
  return db::trim_page(std::move(out), q.limit);
}

Result<PeriodicReport> create_report(db::Conn& c, const auth::Scope& s, const ReportInput& in) {
  auto type = get_report_type(c, in.report_type);
  if (!type) return Error::invalid_field("report_type", "not_found", "Jenis laporan tidak dikenal.", "Unknown report type.");
  PANTAU_TRY(Period period, parse_period(in.period));
  if (period.type != type->period_type)
    return Error::invalid_field("period", "wrong_type", "Periode tidak sesuai dengan jenis laporan.",
                                "The period does not match the report type.");
  std::string region = in.region_code.empty() ? s.region_code : in.region_code;
  if (static_cast<int>(region_level(region)) != type->submitter_level)
    return Error::invalid_field("region_code", "wrong_level", "Jenis laporan ini disampaikan oleh tingkat wilayah lain.",
                                "This report type is submitted by another tier.");
  if (region != s.region_code || !s.can(auth::kRecordWrite))
    return Error::forbidden("Hanya kantor wilayah ini yang dapat membuat laporannya.", "Only this region's office can create its report.");
  int cls = in.classification.value_or(0);
  if (!s.cleared_for(cls))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  if (auto existing = c.query_i64("SELECT id FROM periodic_reports WHERE report_type = ? AND region_code = ? AND period = ?",
                                  {type->code, region, period.code}))
    return Error::conflict("report.exists", fmt::format("Laporan untuk periode ini sudah ada (nomor {}).", *existing),
                           fmt::format("A report for this period already exists (number {}).", *existing));
  Date due = due_date(period, type->due, load_calendar(c));
  std::string now = now_iso();
  db::Params p{type->code, region, s.org_unit_id, period.code, format_date(period.start), format_date(period.end),
               format_iso(due_instant(due, region))};
  for (auto& sec : in.sections) p.emplace_back(sec.value_or(""));
  p.insert(p.end(), {int64_t{cls}, s.user_id, now, now});
  int64_t id = c.insert(
      "INSERT INTO periodic_reports (report_type, region_code, org_unit_id, period, period_start, period_end, due_at, "
      "general_situation, election_stages, gov_support, potential_threats, measures_taken, recommendations, "
      "classification, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p);
  auto r = get_report(c, s, id);
  audit::append(c, s, {"create", "periodic_report", std::to_string(id), region, cls, std::nullopt, to_json(*r)});
  index_report(c, *r);
  return std::move(*r);
}

Result<PeriodicReport> update_report(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ReportInput& in) {
  auto before = get_report(c, s, id);
  if (!before) return not_found_report();
  if (before->version != version) return Error::stale_version();
  if (before->region_code != s.region_code || !s.can(auth::kRecordWrite))
    return Error::forbidden("Hanya kantor pemilik laporan yang dapat mengubahnya.", "Only the office that owns the report can change it.");
  if (before->status != ReportStatus::Draft && before->status != ReportStatus::Returned)
    return Error::conflict("report.locked", "Laporan yang sudah dikirim tidak dapat diubah.", "A submitted report cannot be changed.");
  PeriodicReport after = *before;
  for (size_t i = 0; i < kSections.size(); ++i)
    if (in.sections[i]) after.sections[i] = *in.sections[i];
  if (in.classification) {
    if (!s.cleared_for(*in.classification))
      return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                  "The confidentiality level is above your clearance.");
    after.classification = *in.classification;
  }
  db::Params p;
  for (auto& sec : after.sections) p.emplace_back(sec);
  p.insert(p.end(), {int64_t{after.classification}, now_iso(), id, version});
  int64_t n = c.exec("UPDATE periodic_reports SET general_situation = ?, election_stages = ?, gov_support = ?, "
                     "potential_threats = ?, measures_taken = ?, recommendations = ?, classification = ?, updated_at = ?, "
                     "version = version + 1 WHERE id = ? AND version = ?",
                     p);
  if (n == 0) return Error::stale_version();
  auto fresh = get_report(c, s, id);
  index_report(c, *fresh);
  audit::append(c, s, {"update", "periodic_report", std::to_string(id), fresh->region_code, fresh->classification,
                       to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

Status remove_attachment(db::Conn& c, const auth::Scope& s, int64_t report_id, int64_t file_id) {
  auto r = get_report(c, s, report_id);
  if (!r) return not_found_report();
  if (r->region_code != s.region_code || !s.can(auth::kRecordWrite))
    return Error::forbidden("Hanya kantor pemilik laporan yang dapat menghapus lampirannya.",
                            "Only the office that owns the report can remove its attachments.");
  if (r->status != ReportStatus::Draft && r->status != ReportStatus::Returned)
    return Error::conflict("report.locked", "Lampiran laporan yang sudah dikirim tidak dapat dihapus.",
                           "Attachments of a submitted report cannot be removed.");
  db::Params p{file_id, std::to_string(report_id)};
  std::string where = s.record_filter("region_code", "classification", p);
  std::string before;
  c.query("SELECT id, name, mime, size, sha256, region_code, classification FROM evidence_files "
          "WHERE id = ? AND entity = 'periodic_report' AND entity_id = ? AND " + where,
          p, [&](const db::Row& f) {
            before = audit::snapshot({{"id", f.i64(0)}, {"name", f.str(1)}, {"mime", f.str(2)}, {"size", f.i64(3)},
                                      {"sha256", f.str(4)}, {"entity", std::string("periodic_report")},
                                      {"entity_id", std::to_string(report_id)}});
          });
  if (before.empty()) return Error::not_found("Lampiran tidak ditemukan.", "Attachment not found.");
  c.exec("DELETE FROM evidence_files WHERE id = ?", {file_id});
  audit::append(c, s, {"delete", "evidence_file", std::to_string(file_id), r->region_code, r->classification, before, std::nullopt});
  return {};
}

Result<PeriodicReport> act_on_report(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, ReportAction action,
                                     const std::string& reason) {
  auto before = get_report(c, s, id);
  if (!before) return not_found_report();
  if (before->version != version) return Error::stale_version();
  PANTAU_TRY(ReportStatus next, report_transition(before->status, action, s, before->region_code, !reason.empty()));
  if (action == ReportAction::Submit) {
    // Not before the period is over (or its last days, as the report type says): the report
    // describes the whole period.
    auto period = parse_period(before->period);
    auto opens = c.query_i64("SELECT submit_from_days_before_end FROM report_types WHERE code = ?", {before->report_type});
    if (period.ok() && opens) {
      auto local = system_time().now() + std::chrono::hours(utc_offset_hours(before->region_code));
      Date today = parse_date(format_iso(local).substr(0, 10)).value_or(Date{});
      PANTAU_CHECK(check_submission_window(*period, static_cast<int>(*opens), today));
    }
  }
  std::string now = now_iso();
  std::optional<int64_t> into;
  if (action == ReportAction::Consolidate) {
    // The tier above gathers this report into its own report for the same period.
    into = c.query_i64("SELECT p.id FROM periodic_reports p JOIN report_types t ON t.code = p.report_type "
                       "WHERE p.region_code = ? AND p.period = ? AND t.submitter_level = ?",
                       {s.region_code, before->period, int64_t{static_cast<int>(region_level(s.region_code))}});
    if (!into)
      return Error::conflict("report.no_consolidation_target",
                             "Buat dahulu laporan wilayah Anda untuk periode ini, lalu himpun laporan ini ke dalamnya.",
                             "First create your own region's report for this period, then consolidate this one into it.");
  }
  std::string sql = "UPDATE periodic_reports SET status = ?, updated_at = ?, version = version + 1";
  db::Params p{std::string(name(next)), now};
  if (action == ReportAction::Submit) {
    // Timeliness counts from the first submission: a report returned for revision after an
    // on-time submission is not late because of the review.
    sql += ", submitted_at = COALESCE(submitted_at, ?), submitted_by = ?";
    p.emplace_back(now);
    p.emplace_back(s.user_id);
  } else if (action == ReportAction::Return || action == ReportAction::Accept) {
    sql += ", reviewed_at = ?, reviewed_by = ?, review_note = ?";
    p.emplace_back(now);
    p.emplace_back(s.user_id);
    p.emplace_back(reason.empty() ? db::Value() : db::Value(reason));
  } else if (into) {
    sql += ", consolidated_into = ?";
    p.emplace_back(*into);
  }
  sql += " WHERE id = ? AND version = ?";
  p.emplace_back(id);
  p.emplace_back(version);
  if (c.exec(sql, p) == 0) return Error::stale_version();
  auto fresh = get_report(c, s, id);
  audit::append(c, s, {std::string("report.") + to_lower_ascii(name(action)), "periodic_report", std::to_string(id),
                       fresh->region_code, fresh->classification, to_json(*before), to_json(*fresh)});
  std::string link = fmt::format("/monitoring/reports/{}", id);
  // The task behind earlier notifications is done: a sent report needs no "returned" notice, a
  // reviewed one no "awaits review".
  if (action == ReportAction::Submit) notify::done(c, "periodic_report", id, auth::kRecordWrite);
  else notify::done(c, "periodic_report", id, auth::kRecordReview);
  if (action == ReportAction::Submit)
    notify(c, reviewer_region(fresh->region_code), auth::kRecordReview,
           fmt::format("Laporan {} {} menunggu pemeriksaan", fresh->region_name, label_id(fresh->period)),
           fmt::format("Report of {} for {} awaits review", fresh->region_name, label_en(fresh->period)), link, "periodic_report", id,
           fresh->classification);
  if (action == ReportAction::Return)
    notify(c, fresh->region_code, auth::kRecordWrite,
           fmt::format("Laporan {} dikembalikan untuk diperbaiki: {}", label_id(fresh->period), reason),
           fmt::format("Report for {} was returned for revision: {}", label_en(fresh->period), reason), link, "periodic_report", id,
           fresh->classification);
  return std::move(*fresh);
}

std::vector<PeriodicReport> source_reports(db::Conn& c, const auth::Scope& s, const PeriodicReport& r) {
  db::Params p{r.region_code, r.period};
  std::string where = s.record_filter("p.region_code", "p.classification", p);
  std::vector<PeriodicReport> out;
  c.query(std::string(kReportSelect) + "WHERE p.region_code IN (SELECT code FROM regions WHERE parent_code = ?) AND p.period = ? AND " +
              where + " ORDER BY p.region_code",
          p, [&](const db::Row& row) { out.push_back(report_from(row)); });
  return out;
}

Result<std::vector<RecapRow>> recap(db::Conn& c, const auth::Scope& s, const std::string& report_type,
                                    const std::string& period_code, TimePoint now) {
  auto type = get_report_type(c, report_type);
  if (!type) return Error::invalid_field("type", "not_found", "Jenis laporan tidak dikenal.", "Unknown report type.");
  PANTAU_TRY(Period period, parse_period(period_code));
  if (period.type != type->period_type)
    return Error::invalid_field("period", "wrong_type", "Periode tidak sesuai dengan jenis laporan.",
                                "The period does not match the report type.");
  WorkingDayCalendar cal = load_calendar(c);
  Date due = due_date(period, type->due, cal);
  db::Params p{type->code, period.code, int64_t{type->submitter_level}};
  std::string where = s.region_filter("g.code", p);
  std::vector<RecapRow> rows;
  const std::string now_iso = format_iso(now);
  // The deadline under the current rule is one instant per time zone: written once each.
  std::vector<std::pair<TimePoint, std::string>> rule_due;
  auto due_text = [&](TimePoint t) -> const std::string& {
    for (const auto& [at, text] : rule_due)
      if (at == t) return text;
    return rule_due.emplace_back(t, format_iso(t)).second;
  };
  // Only status and times: the recap shows who reported, not what (no clearance needed for that).
  c.query("SELECT g.code, g.name, rep.id, rep.status, rep.submitted_at, rep.due_at FROM regions g "
          "LEFT JOIN periodic_reports rep ON rep.region_code = g.code AND rep.report_type = ? AND rep.period = ? "
          "WHERE g.level = ? AND " + where + " ORDER BY g.code",
          p, [&](const db::Row& r) {
            RecapRow row;
            row.region_code = r.str(0);
            row.region_name = r.str(1);
            row.report_id = r.opt_i64(2);
            row.status = r.opt_str(3);
            row.submitted_at = r.opt_str(4);
            // A report keeps the deadline it was created under; the current rule applies to the rest.
            // A stored deadline in format_iso's form is already what format_iso would write again.
            std::string_view stored = r.is_null(5) ? std::string_view() : r.text(5);
            if (!r.is_null(5) && canonical_iso(stored)) {
              row.due_at = stored;
            } else {
              auto due_t = r.is_null(5) ? due_instant(due, row.region_code)
                                        : parse_iso(stored).value_or(due_instant(due, row.region_code));
              row.due_at = due_text(due_t);
            }
            std::optional<std::string_view> sub;
            if (row.submitted_at) sub = *row.submitted_at;
            // due_at is a time written by format_iso: timeliness_iso always answers.
            row.timeliness = timeliness_iso(row.due_at, sub, now_iso, now).value_or(Timeliness::Pending);
            rows.push_back(std::move(row));
          });
  return rows;
}

// ---- fast reports (lapor cepat) ---------------------------------------------------------

static constexpr const char* kEventSelect =
    "SELECT e.id, e.region_code, COALESCE(r.name, ''), e.location_text, e.lat, e.lng, e.occurred_at, e.reported_at, "
    "e.category_code, e.title, e.description, e.actors, e.escalation_level, e.source, e.source_ref, e.handling, e.status, "
    "e.status_note, e.classification, e.reported_by, e.org_unit_id, e.version "
    "FROM political_events e LEFT JOIN regions r ON r.code = e.region_code ";

static PoliticalEvent event_from(const db::Row& r) {
  PoliticalEvent e;
  e.id = r.i64(0);
  e.region_code = r.str(1);
  e.region_name = r.str(2);
  e.location_text = r.str(3);
  e.lat = r.opt_f64(4);
  e.lng = r.opt_f64(5);
  e.occurred_at = r.str(6);
  e.reported_at = r.str(7);
  e.category_code = r.str(8);
  e.title = r.str(9);
  e.description = r.str(10);
  e.actors_json = r.str(11);
  e.escalation_level = r.str(12);
  e.source = r.str(13);
  e.source_ref = r.str(14);
  e.handling = r.str(15);
  e.status = parse_event_status(r.text(16)).value_or(EventStatus::Reported);
  e.status_note = r.str(17);
  e.classification = static_cast<int>(r.i64(18));
  e.reported_by = r.i64(19);
  e.org_unit_id = r.i64(20);
  e.version = r.i64(21);
  return e;
}


std::optional<PoliticalEvent> get_event(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("e.region_code", "e.classification", p);
  std::optional<PoliticalEvent> out;
  c.query(std::string(kEventSelect) + "WHERE e.id = ? AND " + where, p, [&](const db::Row& r) { out = event_from(r); });
  return out;
}

db::Page<PoliticalEvent> list_events(db::Conn& c, const auth::Scope& s, const ReportQuery& q, const std::string& category) {
  db::Params p;
  std::string sql = std::string(kEventSelect) + "WHERE " + s.record_filter("e.region_code", "e.classification", p);
  // Newest first: the keyset runs down the id.
  if (q.after) { sql += " AND e.id < ?"; p.emplace_back(*q.after); }
  if (!q.status.empty()) { sql += " AND e.status = ?"; p.emplace_back(q.status); }
  if (!category.empty()) { sql += " AND (e.category_code = ? OR e.category_code LIKE ?)"; p.emplace_back(category); p.emplace_back(category + ".%"); }
  if (!q.region_code.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = q.region_code;
    sql += " AND " + narrow.region_filter("e.region_code", p);
  }
  sql += " ORDER BY e.id DESC LIMIT ?";
  p.emplace_back(int64_t{q.limit + 1});
  db::Page<PoliticalEvent> out;
  c.query(sql, p, [&](const db::Row& r) { out.items.push_back(event_from(r)); });
  return db::trim_page(std::move(out), q.limit);
}

// An event's search body is this followed by the region's name (see index_event).
static std::string event_body_start(const std::string& description, const std::string& location, const std::string& handling) {
  std::string b;
  b.reserve(description.size() + location.size() + handling.size() + 3);
  b.append(description).append("\n").append(location).append("\n").append(handling).append("\n");
  return b;
}

void prepare_event_terms(EventInput& in) {
  // The title and the body up to the region's name, exactly as document_terms would join them
  // (a new event has no handling note yet). Words end at the line break before the name.
  std::string text = in.title + " " + event_body_start(in.description, in.location_text, "");
  in.early_terms = valid_utf8(text) ? search::text_terms(text) : std::string();
}

Result<PoliticalEvent> create_event(db::Conn& c, const auth::Scope& s, const EventInput& in, std::string* written_json) {
  if (!s.covers(in.region_code))
    return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  // Runs inside the writer's group commit (the one serial resource of a durable submission):
  // two look-ups and the statements; the record is built from what was written, not read back.
  auto region_name = c.query_str("SELECT name FROM regions WHERE code = ?", {in.region_code});
  if (!region_name)
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  if (!c.query_i64("SELECT 1 FROM monitoring_categories WHERE code = ? AND active = 1", {in.category_code}))
    return Error::invalid_field("category_code", "not_found", "Kategori tidak dikenal.", "Unknown category.");
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  PoliticalEvent e;
  e.region_code = in.region_code;
  e.region_name = std::move(*region_name);
  e.location_text = in.location_text;
  e.lat = in.lat;
  e.lng = in.lng;
  e.occurred_at = in.occurred_at;
  e.reported_at = now_iso();
  e.category_code = in.category_code;
  e.title = in.title;
  e.description = in.description;
  e.actors_json = in.actors_json;
  e.escalation_level = in.escalation_level;
  e.source = in.source;
  e.source_ref = in.source_ref;
  e.classification = in.classification;
  e.reported_by = s.user_id;
  e.org_unit_id = s.org_unit_id;
  e.id = c.insert(
      "INSERT INTO political_events (region_code, location_text, lat, lng, occurred_at, reported_at, category_code, title, "
      "description, actors, escalation_level, source, source_ref, classification, reported_by, org_unit_id, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.region_code, e.location_text, opt(e.lat), opt(e.lng), e.occurred_at, e.reported_at, e.category_code, e.title,
       e.description, e.actors_json, e.escalation_level, e.source, e.source_ref, int64_t{e.classification},
       e.reported_by, e.org_unit_id, e.reported_at});
  std::string id = std::to_string(e.id);
  std::string link = "/monitoring/events/" + id;
  search::Document doc{"political_event", id, e.region_code, e.classification, e.title,
                       event_body_start(e.description, e.location_text, e.handling) + e.region_name, link, {}};
  if (!in.early_terms.empty() && doc.body.size() <= search::kMaxBodyBytes)
    doc.terms = search::finish_terms(search::join_terms(in.early_terms, search::text_terms(e.region_name)), e.region_code);
  search::index_new_one(c, doc);
  audit::Entry entry{"create", "political_event", id, e.region_code, e.classification, std::nullopt, to_json(e)};
  audit::append(c, s, entry);
  if (written_json) *written_json = std::move(*entry.after_json);
  // Visible at once to the tiers above the reporting office: each gets a notification.
  if (!s.national()) {
    std::string title_id = fmt::format("Lapor cepat (eskalasi {}) di {}: {}", escalation_id(e.escalation_level), e.region_name, e.title);
    std::string title_en = fmt::format("Fast report ({} escalation) in {}: {}", to_lower_ascii(e.escalation_level), e.region_name, e.title);
    std::vector<std::string> tiers;
    for (std::string up = region_parent(s.region_code);; up = region_parent(up)) {
      tiers.push_back(up);
      if (up.empty()) break;
    }
    notify::offices(c, tiers, auth::kRecordReview, title_id, title_en, link, "political_event", e.id, e.classification);
  }
  return e;
}

Result<PoliticalEvent> act_on_event(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, EventAction action,
                                    const std::string& note) {
  auto before = get_event(c, s, id);
  if (!before) return Error::not_found("Laporan kejadian tidak ditemukan.", "Event report not found.");
  if (before->version != version) return Error::stale_version();
  PANTAU_TRY(EventStatus next, event_transition(before->status, action, s, before->region_code, !note.empty()));
  std::string handling = before->handling;
  if (action == EventAction::Handle) handling = note;
  if (c.exec("UPDATE political_events SET status = ?, status_note = ?, handling = ?, updated_at = ?, version = version + 1 "
             "WHERE id = ? AND version = ?",
             {std::string(name(next)), note, handling, now_iso(), id, version}) == 0)
    return Error::stale_version();
  auto fresh = get_event(c, s, id);
  index_event(c, *fresh);
  audit::append(c, s, {std::string("event.") + to_lower_ascii(name(action)), "political_event", std::to_string(id),
                       fresh->region_code, fresh->classification, to_json(*before), to_json(*fresh)});
  if (action == EventAction::Escalate && !s.region_code.empty())
    notify(c, region_parent(s.region_code), auth::kRecordReview,
           fmt::format("Kejadian dieskalasi dari {}: {}", before->region_name, before->title),
           fmt::format("Event escalated from {}: {}", before->region_name, before->title),
           fmt::format("/monitoring/events/{}", id), "political_event", id, fresh->classification);
  return std::move(*fresh);
}

}  // namespace pantau::monitoring

// ---- monitoring teams -------------------------------------------------------------------

namespace pantau::monitoring {

static constexpr const char* kTeamSelect =
    "SELECT id, region_code, name, decree_number, decree_date, valid_from, valid_to, legal_basis, version FROM monitoring_teams ";

static MonitoringTeam team_from(const db::Row& r) {
  MonitoringTeam t;
  t.id = r.i64(0);
  t.region_code = r.str(1);
  t.name = r.str(2);
  t.decree_number = r.str(3);
  t.decree_date = r.str(4);
  t.valid_from = r.str(5);
  t.valid_to = r.opt_str(6);
  t.legal_basis = r.str(7);
  t.version = r.i64(8);
  return t;
}

static void load_members(db::Conn& c, MonitoringTeam& t) {
  t.members.clear();
  c.query("SELECT name, nip, position_title, origin_agency, team_role, working_group FROM team_members WHERE team_id = ? ORDER BY position",
          {t.id}, [&](const db::Row& r) { t.members.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)}); });
}


std::vector<MonitoringTeam> list_teams(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  std::vector<MonitoringTeam> out;
  c.query(std::string(kTeamSelect) + "WHERE " + s.region_filter("region_code", p) + " ORDER BY region_code, valid_from DESC LIMIT 500",
          p, [&](const db::Row& r) { out.push_back(team_from(r)); });
  for (auto& t : out) load_members(c, t);
  return out;
}

std::optional<MonitoringTeam> get_team(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<MonitoringTeam> out;
  c.query(std::string(kTeamSelect) + "WHERE id = ? AND " + s.region_filter("region_code", p), p,
          [&](const db::Row& r) { out = team_from(r); });
  if (out) load_members(c, *out);
  return out;
}

std::optional<MonitoringTeam> active_team(db::Conn& c, const std::string& region, const std::string& date) {
  std::optional<MonitoringTeam> out;
  c.query(std::string(kTeamSelect) + "WHERE region_code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) "
          "ORDER BY decree_date DESC, id DESC LIMIT 1",
          {region, date, date}, [&](const db::Row& r) { out = team_from(r); });
  if (out) load_members(c, *out);
  return out;
}

Result<MonitoringTeam> save_team(db::Conn& c, const auth::Scope& s, std::optional<int64_t> id, int64_t version,
                                 const MonitoringTeam& t) {
  std::optional<MonitoringTeam> before;
  if (id) {
    before = get_team(c, s, *id);
    if (!before) return Error::not_found("Tim tidak ditemukan.", "Team not found.");
    if (before->version != version) return Error::stale_version();
  }
  std::string region = before ? before->region_code : (t.region_code.empty() ? s.region_code : t.region_code);
  if (region != s.region_code || !s.can(auth::kRecordWrite))
    return Error::forbidden("Hanya kantor wilayah ini yang mengelola timnya.", "Only this region's office manages its team.");
  PANTAU_CHECK(check_team(t));
  std::string now = now_iso();
  int64_t team_id;
  if (id) {
    if (c.exec("UPDATE monitoring_teams SET name = ?, decree_number = ?, decree_date = ?, valid_from = ?, valid_to = ?, "
               "legal_basis = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
               {t.name, t.decree_number, t.decree_date, t.valid_from, opt(t.valid_to), t.legal_basis, now, *id, version}) == 0)
      return Error::stale_version();
    c.exec("DELETE FROM team_members WHERE team_id = ?", {*id});
    team_id = *id;
  } else {
    team_id = c.insert("INSERT INTO monitoring_teams (region_code, name, decree_number, decree_date, valid_from, valid_to, "
                       "legal_basis, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       {region, t.name, t.decree_number, t.decree_date, t.valid_from, opt(t.valid_to), t.legal_basis,
                        s.user_id, now, now});
  }
  for (size_t i = 0; i < t.members.size(); ++i) {
    const auto& m = t.members[i];
    c.exec("INSERT INTO team_members (team_id, position, name, nip, position_title, origin_agency, team_role, working_group) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
           {team_id, static_cast<int64_t>(i + 1), m.name, m.nip, m.position_title, m.origin_agency, m.team_role, m.working_group});
  }
  auto fresh = get_team(c, s, team_id);
  audit::append(c, s, {id ? "update" : "create", "monitoring_team", std::to_string(team_id), region, 0,
                       before ? std::optional(to_json(*before)) : std::nullopt, to_json(*fresh)});
  return std::move(*fresh);
}

}  // namespace pantau::monitoring
