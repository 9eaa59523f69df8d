// SQL of conflict early warning; every function takes the caller's Scope. Alerts are raised in
// the same transaction as the incident or stage change that triggers them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/csv.h"
#include "db/database.h"
#include "modules/conflict/model.h"
#include "modules/conflict/rules.h"

namespace pantau::conflict {

struct IncidentInput {
  std::string region_code, occurred_on, source, type_code, info_source, info_ref, description, actors_json = "[]";
  std::string occurred_time;  // "HH:MM" local time of the region, or empty when unknown
  std::optional<double> lat, lng;
  int time_precision = 1, geo_precision = 2, fatalities = 0, injuries = 0, displaced = 0, classification = 0;
  bool property_damage = false;
  std::optional<int64_t> hotspot_id;
};
// Validates one incident (also used for each CSV row); field errors name the field.
std::vector<FieldError> validate_incident(const IncidentInput& in);

// Returns the new id; raises FATALITY and INCIDENT_SURGE alerts when their rules fire.
Result<int64_t> create_incident(db::Conn& c, const auth::Scope& s, const IncidentInput& in);
// Server-side filters of the incident list; empty = any. `type` also matches its sub-types.
struct IncidentFilter {
  std::string source, type, verification, info_source;
};
std::string incidents_json(db::Conn& c, const auth::Scope& s, const std::string& region, const std::string& from,
                           const std::string& to, std::optional<int64_t> after, int limit, const IncidentFilter& f = {});
std::optional<std::string> incident_json(db::Conn& c, const auth::Scope& s, int64_t id);

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
Result<int64_t> create_hotspot(db::Conn& c, const auth::Scope& s, const HotspotInput& in);
std::optional<std::string> hotspot_json(db::Conn& c, const auth::Scope& s, int64_t id, int64_t* version = nullptr);
std::string hotspots_json(db::Conn& c, const auth::Scope& s, const std::string& region);
Status change_stage(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, Stage to, const std::string& note);

struct StatusInput {
  std::string scale, region_code, decree_number, start_date;
  int duration_days = 90;
  std::optional<int64_t> hotspot_id;
};
Result<int64_t> declare_status(db::Conn& c, const auth::Scope& s, const StatusInput& in);
Status extend_status(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, int days, const std::string& decree);
Status end_status(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& ended_on);
std::string statuses_json(db::Conn& c, const auth::Scope& s);

// `region` ("" = the whole scope) narrows the list to a region's subtree within the scope.
std::string alerts_json(db::Conn& c, const auth::Scope& s, const std::string& status, Date today,
                        const std::string& region = "");
// One alert shaped like an item of alerts_json(); nullopt when absent, outside the caller's
// region or above the caller's clearance (404 alike).
std::optional<std::string> alert_json(db::Conn& c, const auth::Scope& s, int64_t id, Date today, int64_t* version = nullptr);
// The conflict taxonomy from the database: sources (with the police group) and types with sub-types.
std::string taxonomy_json(db::Conn& c);
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
std::string alert_rules_json(db::Conn& c);
std::optional<AlertRuleRow> find_alert_rule(db::Conn& c, int64_t id);
std::string alert_rule_json(const AlertRuleRow& r);
Result<int64_t> create_alert_rule(db::Conn& c, const auth::Scope& s, const AlertRule& r, const std::string& note);
Status update_alert_rule(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const AlertRule& r,
                         const std::string& note);

// Vulnerability of every region at a level (1 provinces, 2 kab/kota) within the caller's scope
// (optionally one province), with the factors of each score.
std::string vulnerability_json(db::Conn& c, const auth::Scope& s, int level, const std::string& province, Date today,
                               const ScoringModel& model);

}  // namespace pantau::conflict
