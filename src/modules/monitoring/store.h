// SQL of the monitoring module. Every function takes the caller's Scope: region subtree and
// clearance filter every read; writes check ownership through rules.h and append to the audit
// log in the same transaction.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "db/page.h"
#include "modules/monitoring/model.h"

namespace pantau::json {
class Out;
}

namespace pantau::monitoring {

// The working-day calendar of the holidays table (core/holidays_store.h).
WorkingDayCalendar load_calendar(db::Conn& c);

// The monitoring categories in force (code, parent, names), by code.
struct Category {
  std::string code;
  std::optional<std::string> parent_code;
  std::string name_id, name_en;
};
std::vector<Category> list_categories(db::Conn& c);
// Whether `code` names a category (active or not): a list filter checks it.
bool category_exists(db::Conn& c, const std::string& code);

// The evidence files attached to a report that the caller may see, by id.
struct Attachment {
  int64_t id = 0;
  std::string name, mime;
  int64_t size = 0;
  std::string sha256;
};
std::vector<Attachment> report_attachments(db::Conn& c, const auth::Scope& s, int64_t report_id);
// The same for any record of this module by its evidence entity (periodic_report, political_event).
std::vector<Attachment> record_attachments(db::Conn& c, const auth::Scope& s, std::string_view entity, int64_t id);

std::vector<ReportType> list_report_types(db::Conn& c);
std::optional<ReportType> get_report_type(db::Conn& c, const std::string& code);
// submit_from_days_before_end: when submission opens (rules.h submission_opens); kept if absent.
Result<ReportType> update_report_type(db::Conn& c, const auth::Scope& s, const std::string& code, int64_t version,
                                      const DueRule& due, const std::optional<std::string>& legal_basis,
                                      std::optional<int> submit_from_days_before_end = std::nullopt);

struct ReportInput {
  std::string report_type, period, region_code;
  std::vector<std::optional<std::string>> sections = std::vector<std::optional<std::string>>(kSections.size());
  std::optional<int> classification;
};
struct ReportQuery {
  std::optional<int64_t> after;
  int limit = 50;
  std::string report_type, period, region_code, status;
};

Result<PeriodicReport> create_report(db::Conn& c, const auth::Scope& s, const ReportInput& in);
std::optional<PeriodicReport> get_report(db::Conn& c, const auth::Scope& s, int64_t id);
db::Page<PeriodicReport> list_reports(db::Conn& c, const auth::Scope& s, const ReportQuery& q);
// The list's SELECT (columns of kReportSelect, sections as '') with its conditions, ORDER BY id and
// LIMIT (one row above the page size), its parameters appended to `p`.
std::string list_reports_sql(const auth::Scope& s, const ReportQuery& q, db::Params& p);
Result<PeriodicReport> update_report(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ReportInput& in);
// Removes an attachment (evidence file attached to the report) while the report is a draft or
// returned, for the owning office only; writes a "delete" audit entry of the evidence_file with
// its name, size and hash. The stored content stays (content-addressed, possibly shared).
Status remove_attachment(db::Conn& c, const auth::Scope& s, int64_t report_id, int64_t file_id);
Result<PeriodicReport> act_on_report(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, ReportAction action,
                                     const std::string& reason);
// The reports of the tier below for the same period (a province's kab/kota reports).
std::vector<PeriodicReport> source_reports(db::Conn& c, const auth::Scope& s, const PeriodicReport& r);
// Who reported on time, late or not at all for a report type and period, for the caller's scope.
Result<std::vector<RecapRow>> recap(db::Conn& c, const auth::Scope& s, const std::string& report_type,
                                    const std::string& period, TimePoint now);

struct EventInput {
  std::string region_code, location_text, occurred_at, category_code, title, description, actors_json = "[]",
      escalation_level, source, source_ref;
  std::optional<double> lat, lng;
  int classification = 0;
  // The search words of the title, description and place (prepare_event_terms), computed on the
  // request's thread so the writer only adds the region's; empty: all are computed in the write.
  std::string early_terms;
};
// Fills in.early_terms (before the write).
void prepare_event_terms(EventInput& in);
// `written_json`, when given, receives the record's JSON as audited (to_json), which is also the answer.
Result<PoliticalEvent> create_event(db::Conn& c, const auth::Scope& s, const EventInput& in,
                                    std::string* written_json = nullptr);
std::optional<PoliticalEvent> get_event(db::Conn& c, const auth::Scope& s, int64_t id);
// Newest first (the cursor runs down the id).
db::Page<PoliticalEvent> list_events(db::Conn& c, const auth::Scope& s, const ReportQuery& q, const std::string& category);
Result<PoliticalEvent> act_on_event(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, EventAction action,
                                    const std::string& note);

std::vector<MonitoringTeam> list_teams(db::Conn& c, const auth::Scope& s);
std::optional<MonitoringTeam> get_team(db::Conn& c, const auth::Scope& s, int64_t id);
// Creates (id empty) or replaces a team with its members; only the region's own office.
Result<MonitoringTeam> save_team(db::Conn& c, const auth::Scope& s, std::optional<int64_t> id, int64_t version,
                                 const MonitoringTeam& t);
// The team whose decree is in force in a region on a date (the latest decree wins).
std::optional<MonitoringTeam> active_team(db::Conn& c, const std::string& region, const std::string& date);
// The recap answer: each region's report and timeliness, and the counts per timeliness.
std::string recap_json(const std::string& report_type, const std::string& period, const std::vector<RecapRow>& rows);
std::string to_json(const MonitoringTeam& t);

// Keeps the full-text index of a record current (inside the write transaction).
void index_report(db::Conn& c, const PeriodicReport& r);
void index_event(db::Conn& c, const PoliticalEvent& e);

// The time a list answer is written at, once per page (the timeliness of each row).
struct ListClock {
  TimePoint now;
  std::string now_iso;
  // Set while writing: the earliest deadline still ahead among the items written (an unsent
  // report turns from NOT_YET_DUE to MISSING then). Until that time the page stays as written.
  std::optional<TimePoint> turns_at = std::nullopt;
};
// One row of the list query (store.cpp kReportSelect) as the JSON to_json(PeriodicReport) writes,
// straight from the row into the page.
void write_report_item(json::Out& o, const db::Row& r, ListClock& clock);
// The list page {"items":[...],"next_after":...}, written from the rows of list_reports_sql
// (list_reports' records as JSON, without the records; json.cpp). With `turns_at`, also the time
// until which the page stays as written while nothing is written (ListClock::turns_at).
std::string list_reports_json(db::Conn& c, const auth::Scope& s, const ReportQuery& q,
                              std::optional<TimePoint>* turns_at = nullptr);

std::string to_json(const ReportType& t);
std::string to_json(const PeriodicReport& r);
std::string to_json(const PoliticalEvent& e);

}  // namespace pantau::monitoring
