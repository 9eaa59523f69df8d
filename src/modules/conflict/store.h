// SQL of conflict early warning; every function takes the caller's Scope. Alerts are raised in
// the same transaction as the incident or stage change that triggers them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/csv.h"
#include "db/database.h"
#include "db/page.h"
#include "modules/conflict/model.h"
#include "modules/conflict/rules.h"

namespace pantau::conflict {

// One incident as read (a list item and the record alike).
struct Incident {
  int64_t id = 0;
  std::string region_code, region_name, occurred_on;
  int64_t time_precision = 1;
  std::optional<double> lat, lng;
  int64_t geo_precision = 2;
  std::string source, type_code, actors_json = "[]";
  int64_t fatalities = 0, injuries = 0, displaced = 0;
  bool property_damage = false;
  std::string info_source, info_ref, verification, description;
  std::optional<int64_t> hotspot_id;
  int classification = 0;
  int64_t version = 1;
  std::optional<std::string> occurred_time;
};

// Returns the new id; raises FATALITY and INCIDENT_SURGE alerts when their rules fire.
Result<int64_t> create_incident(db::Conn& c, const auth::Scope& s, const IncidentInput& in);
// Server-side filters of the incident list; empty = any. `type` also matches its sub-types.
struct IncidentFilter {
  std::string source, type, verification, info_source;
};
// `region` ("" = the whole scope) narrows to a region's subtree; `from`/`to` bound the date.
struct IncidentQuery {
  std::string region, from, to;
  IncidentFilter filter;
  db::Paging page;
};
// Newest first (the cursor is the last id of a page).
db::Page<Incident> list_incidents(db::Conn& c, const auth::Scope& s, const IncidentQuery& q);
std::optional<Incident> get_incident(db::Conn& c, const auth::Scope& s, int64_t id);

struct ImportReport {
  int rows = 0;
  std::vector<std::pair<int, FieldError>> refused;  // CSV line and why
  std::vector<int64_t> created;
};
// CSV import: all rows are checked first; if any is refused nothing is imported. One audit row
// records the import (action "import": the file's SHA-256, the row count, the first and last id).
Result<ImportReport> import_incidents(db::Conn& c, const auth::Scope& s, const CsvTable& t, const std::string& file_sha256 = "");
std::string incidents_csv(db::Conn& c, const auth::Scope& s, const std::string& region);
// The same incidents and columns as a workbook (typed cells: numbers, dates, codes as text).
Result<std::string> incidents_xlsx(db::Conn& c, const auth::Scope& s, const std::string& region);

struct HotspotInput {
  std::string region_code, name, source, type_code, parties_json = "[]", root_cause, triggers, history, impact_scope = "DESA",
      responsible_agencies, handling_actions;
  std::optional<double> lat, lng;
  int classification = 0;
};
struct Hotspot {
  int64_t id = 0;
  std::string region_code, region_name, name, source, type_code, parties_json = "[]", root_cause, triggers, history,
      stage, impact_scope, responsible_agencies, handling_actions;
  std::optional<double> lat, lng;
  int classification = 0;
  int64_t version = 1;
};
Result<int64_t> create_hotspot(db::Conn& c, const auth::Scope& s, const HotspotInput& in);
std::optional<Hotspot> get_hotspot(db::Conn& c, const auth::Scope& s, int64_t id);
// The newest 1000 hotspots the caller may see (one page, never a cursor).
db::Page<Hotspot> list_hotspots(db::Conn& c, const auth::Scope& s, const std::string& region);
Status change_stage(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, Stage to, const std::string& note);

struct StatusInput {
  std::string scale, region_code, decree_number, start_date;
  int duration_days = 90;
  std::optional<int64_t> hotspot_id;
};
Result<int64_t> declare_status(db::Conn& c, const auth::Scope& s, const StatusInput& in);
Status extend_status(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, int days, const std::string& decree);
Status end_status(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& ended_on);
// A Status Keadaan Konflik as recorded.
struct ConflictStatus {
  int64_t id = 0;
  std::string scale, region_code, decree_number, start_date, end_date, status;
  std::optional<int64_t> hotspot_id;
  std::optional<std::string> extension_decree, extended_to, ended_on;
  int64_t version = 1;
};
// The newest 500 statuses within the caller's region (one page, never a cursor).
db::Page<ConflictStatus> list_statuses(db::Conn& c, const auth::Scope& s);

// An alert with what is derived when it is read for a day: overdue, the tier it is escalated
// to, and the response time its rule's kind suggests.
struct Alert {
  int64_t id = 0;
  std::string region_code, region_name, rule_code;
  Message reason;
  std::string entity, entity_id, raised_at;
  std::optional<std::string> assigned_agency, due_date;
  std::string status, response, outcome;
  std::optional<std::string> closed_at;
  bool overdue = false;
  std::string escalated_to;
  std::optional<std::string> escalated_at;
  int64_t response_days = 3;
  int64_t version = 1;
};
// The newest 500 alerts the caller may see (one page, never a cursor); `status` "" = any;
// `region` ("" = the whole scope) narrows the list to a region's subtree within the scope.
db::Page<Alert> list_alerts(db::Conn& c, const auth::Scope& s, const std::string& status, Date today,
                            const std::string& region = "");
// One alert; nullopt when absent, outside the caller's region or above the caller's clearance
// (404 alike).
std::optional<Alert> get_alert(db::Conn& c, const auth::Scope& s, int64_t id, Date today);
// The conflict taxonomy from the database: the types with their sub-types (parents first, each
// followed by its sub-types); the sources are kSources.
struct ConflictType {
  std::string code;
  std::optional<std::string> parent_code;
  Message name;
};
struct Taxonomy {
  std::vector<ConflictType> types;
};
Taxonomy taxonomy(db::Conn& c);
Status assign_alert(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& agency,
                    const std::string& due_date);
Status respond_alert(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& response,
                     const std::string& outcome, bool close);

// Alert rules: read by administrators, changed by national administrators (audited, versioned).
struct AlertRuleRow {
  AlertRule rule;
  std::string note, updated_at;
  int64_t version = 1;
};
std::vector<AlertRuleRow> list_alert_rules(db::Conn& c);
std::optional<AlertRuleRow> find_alert_rule(db::Conn& c, int64_t id);
Result<int64_t> create_alert_rule(db::Conn& c, const auth::Scope& s, const AlertRule& r, const std::string& note);
Status update_alert_rule(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const AlertRule& r,
                         const std::string& note);

// Vulnerability of every region at a level (1 provinces, 2 kab/kota) within the caller's scope
// (optionally one province), with the factors of each score; regions by code.
struct RegionScore {
  std::string code, name;
  Score score;
};
struct Vulnerability {
  int level = 2;
  Date date;
  std::vector<RegionScore> regions;
};
Vulnerability vulnerability(db::Conn& c, const auth::Scope& s, int level, const std::string& province, Date today,
                            const ScoringModel& model);

// ---- JSON (json.cpp) ----

std::string to_json(const Incident& i);
std::string to_json(const Hotspot& h);
std::string to_json(const ConflictStatus& st);
std::string to_json(const Alert& a);
std::string to_json(const Taxonomy& t);
std::string to_json(const AlertRuleRow& r);
std::string to_json(const Vulnerability& v);

}  // namespace pantau::conflict
