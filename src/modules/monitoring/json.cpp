// The JSON of the monitoring module's records: the one place that writes them (RapidJSON writer).
#include <unordered_map>

#include "auth/roles.h"
#include "core/period.h"
#include "core/strings.h"
#include "core/time.h"
#include "http/json.h"
#include "http/json_page.h"
#include "modules/monitoring/rules.h"
#include "modules/monitoring/store.h"

namespace pantau::monitoring {

namespace {

// "2026-Q1" -> {"Triwulan I 2026", "Quarter 1 2026"}. A list repeats a few periods many times, so
// each thread keeps the labels it has made (a handful of strings per period code ever seen).
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

const std::optional<Message>& period_label(std::string_view code) {
  thread_local std::unordered_map<std::string, std::optional<Message>, TextHash, std::equal_to<>> labels;
  auto it = labels.find(code);
  if (it != labels.end()) return it->second;
  if (labels.size() > 4096) labels.clear();
  std::optional<Message> label;
  if (auto per = parse_period(code); per.ok()) label = Message{period_label_id(*per), period_label_en(*per)};
  return labels.emplace(std::string(code), std::move(label)).first->second;
}

}  // namespace

std::string to_json(const ReportType& t) {
  json::Out o;
  o.begin_object().kv("code", t.code).kv_message("name", {t.name_id, t.name_en})
      .kv("period_type", std::string(period_type_name(t.period_type))).kv("submitter_level", t.submitter_level);
  o.key("due").begin_object().kv("unit", std::string(offset_unit_name(t.due.unit))).kv("value", t.due.value).end_object();
  o.kv("submit_from_days_before_end", t.submit_from_days_before_end);
  o.kv("legal_basis", t.legal_basis).kv("confirmed", t.confirmed).kv("effective_from", t.effective_from)
      .kv("version", t.version).end_object();
  return o.take();
}

std::string to_json(const PeriodicReport& p) {
  json::Out o;
  o.begin_object().kv("id", p.id).kv("report_type", p.report_type).kv("region_code", p.region_code)
      .kv("region_name", p.region_name).kv("org_unit_id", p.org_unit_id).kv("period", p.period);
  if (auto label = period_label(p.period)) o.kv_message("period_label", *label);
  o.kv("period_start", p.period_start).kv("period_end", p.period_end).kv("due_at", p.due_at)
      .kv("status", std::string(name(p.status)));
  o.key("sections").begin_object();
  for (size_t i = 0; i < kSections.size(); ++i) o.kv(kSections[i], p.sections[i]);
  o.end_object();
  o.kv("classification", std::string(auth::clearance_name(p.classification))).kv_opt("submitted_at", p.submitted_at)
      .kv_opt("reviewed_at", p.reviewed_at).kv_opt("review_note", p.review_note).kv_opt("consolidated_into", p.consolidated_into);
  std::optional<std::string_view> sub;
  if (p.submitted_at) sub = *p.submitted_at;
  TimePoint now = system_time().now();
  if (auto t = timeliness_iso(p.due_at, sub, format_iso(now), now)) o.kv("timeliness", name(*t));
  o.kv("created_at", p.created_at).kv("updated_at", p.updated_at).kv("version", p.version).end_object();
  return o.take();
}

void write_report_item(json::Out& o, const db::Row& r, ListClock& clock) {
  // Columns of kReportSelect (store.cpp); the narrative sections are '' in a list.
  auto opt_text = [&](int i) { return r.is_null(i) ? std::optional<std::string_view>() : std::optional(r.text(i)); };
  std::string_view period = r.text(5);
  o.begin_object().kv("id", r.i64(0)).kv("report_type", r.text(1)).kv("region_code", r.text(2))
      .kv("region_name", r.text(3)).kv("org_unit_id", r.i64(4)).kv("period", period);
  if (const auto& label = period_label(period)) o.kv_message("period_label", *label);
  std::string_view due_at = r.text(8);
  o.kv("period_start", r.text(6)).kv("period_end", r.text(7)).kv("due_at", due_at)
      .kv("status", name(parse_report_status(r.text(9)).value_or(ReportStatus::Draft)));
  o.key("sections").begin_object();
  for (size_t i = 0; i < kSections.size(); ++i) o.kv(kSections[i], r.text(10 + static_cast<int>(i)));
  o.end_object();
  auto submitted = opt_text(17);
  o.kv("classification", auth::clearance_name(static_cast<int>(r.i64(16)))).kv_opt("submitted_at", submitted)
      .kv_opt("reviewed_at", opt_text(18)).kv_opt("review_note", opt_text(19)).kv_opt("consolidated_into", r.opt_i64(20));
  if (auto t = timeliness_iso(due_at, submitted, clock.now_iso, clock.now)) {
    o.kv("timeliness", name(*t));
    if (*t == Timeliness::NotYetDue)
      if (auto due = parse_iso(due_at); due && (!clock.turns_at || *due < *clock.turns_at)) clock.turns_at = due;
  }
  o.kv("created_at", r.text(21)).kv("updated_at", r.text(22)).kv("version", r.i64(23)).end_object();
}

std::string list_reports_json(db::Conn& c, const auth::Scope& s, const ReportQuery& q, std::optional<TimePoint>* turns_at) {
  db::Params p;
  std::string sql = list_reports_sql(s, q, p);
  ListClock clock{system_time().now(), {}};
  clock.now_iso = format_iso(clock.now);
  std::string page = json::keyset_page(c, sql, p, q.limit, [&](json::Out& o, const db::Row& r) { write_report_item(o, r, clock); });
  if (turns_at) *turns_at = clock.turns_at;
  return page;
}

std::string to_json(const PoliticalEvent& e) {
  json::Out o;
  o.begin_object().kv("id", e.id).kv("region_code", e.region_code).kv("region_name", e.region_name)
      .kv("location_text", e.location_text).kv_opt("lat", e.lat).kv_opt("lng", e.lng).kv("occurred_at", e.occurred_at)
      .kv("reported_at", e.reported_at).kv("category_code", e.category_code).kv("title", e.title)
      .kv("description", e.description);
  o.key("actors").raw(e.actors_json);
  o.kv("escalation_level", e.escalation_level).kv("source", e.source).kv("source_ref", e.source_ref)
      .kv("handling", e.handling).kv("status", std::string(name(e.status))).kv("status_note", e.status_note)
      .kv("classification", std::string(auth::clearance_name(e.classification))).kv("reported_by", e.reported_by)
      .kv("org_unit_id", e.org_unit_id).kv("version", e.version).end_object();
  return o.take();
}

std::string to_json(const MonitoringTeam& t) {
  json::Out o;
  o.begin_object().kv("id", t.id).kv("region_code", t.region_code).kv("name", t.name).kv("decree_number", t.decree_number)
      .kv("decree_date", t.decree_date).kv("valid_from", t.valid_from).kv_opt("valid_to", t.valid_to)
      .kv("legal_basis", t.legal_basis).key("members").begin_array();
  for (auto& m : t.members)
    o.begin_object().kv("name", m.name).kv("nip", m.nip).kv("position_title", m.position_title)
        .kv("origin_agency", m.origin_agency).kv("team_role", m.team_role).kv("working_group", m.working_group).end_object();
  o.end_array().kv("version", t.version).end_object();
  return o.take();
}

std::string recap_json(const std::string& report_type, const std::string& period, const std::vector<RecapRow>& rows) {
  int counts[5] = {0, 0, 0, 0, 0};
  json::Out o;
  o.begin_object().kv("report_type", report_type).kv("period", period).key("items").begin_array();
  for (const auto& r : rows) {
    counts[static_cast<int>(r.timeliness)]++;
    o.begin_object().kv("region_code", r.region_code).kv("region_name", r.region_name).kv_opt("report_id", r.report_id)
        .kv_opt("status", r.status).kv_opt("submitted_at", r.submitted_at).kv("due_at", r.due_at)
        .kv("timeliness", std::string(name(r.timeliness))).end_object();
  }
  o.end_array().key("summary").begin_object().kv("regions", static_cast<int64_t>(rows.size()));
  for (int i = 0; i < 5; ++i) o.kv(to_lower_ascii(name(static_cast<Timeliness>(i))), counts[i]);
  o.end_object().end_object();
  return o.take();
}

}  // namespace pantau::monitoring
