// Pure rules of conflict early warning; tested by the tables in tests/fixtures/conflict_*.tsv.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "modules/conflict/model.h"

namespace pantau::conflict {

// Allowed hotspot stage changes (DOMAIN.md §3.7). STATUS_DECLARED is reached only through a
// conflict-status declaration, and any stage may be archived (duplicate, merged).
Result<Stage> stage_transition(Stage from, Stage to, bool via_status_declaration);

// A declaration of `days` days: refused beyond 90.
Status check_status_duration(int days);
// An extension of `days`: refused beyond 30 or when the status was already extended.
Status check_extension(int days, bool already_extended);

// An incident's "HH:MM" time (empty = unknown) is valid.
bool valid_time_of_day(const std::string& hhmm);
// Whether an incident on `date` (and `time`, when known) lies after the present moment `now_utc`
// (ISO 8601, UTC) as told by the clock of the region's time zone (WIB/WITA/WIT).
bool incident_in_future(const std::string& region_code, Date date, const std::string& time, const std::string& now_utc);

// The field errors of one incident (the API body, and each row of an import file), checked
// against the present moment `now_utc` (ISO 8601, UTC); none when it is valid.
std::vector<FieldError> validate_incident(const IncidentInput& in, const std::string& now_utc);

// The vulnerability score of a region on `today` from its incidents and hotspot stages.
Score score_region(const ScoringModel& m, Date today, const std::vector<IncidentFacts>& incidents,
                   const std::vector<Stage>& hotspots);

// Alert rules. Each returns the reason (Indonesian, English) when it fires.
struct AlertRule {
  std::string code;         // the kind: INCIDENT_SURGE | FATALITY | HOTSPOT_ESCALATING
  int days = 7;             // INCIDENT_SURGE: the recent window
  double factor = 2.0;      // INCIDENT_SURGE: recent count above factor x baseline rate
  int min_incidents = 3;    // INCIDENT_SURGE: and at least this many
  int baseline_days = 90;   // INCIDENT_SURGE: the baseline window before the recent one
  int64_t id = 0;           // conflict_alert_rules.id (an administrator may keep several per kind)
  bool active = true;
  std::string target_tier = "KABKOTA";  // KABKOTA | PROVINSI | NASIONAL: the first office told
  int response_days = 3;    // the due date suggested when the alert is assigned
};
inline constexpr std::string_view kAlertKinds[] = {"INCIDENT_SURGE", "FATALITY", "HOTSPOT_ESCALATING"};
inline constexpr std::string_view kAlertTiers[] = {"KABKOTA", "PROVINSI", "NASIONAL"};
// Field errors of a rule an administrator sets (days 1..90, factor 1..20, min 1..1000,
// baseline 7..730, response 1..60, a known kind and tier).
std::vector<FieldError> validate_alert_rule(const AlertRule& r);
// The offices told of an alert in `region` ("" = the ministry): the office at the rule's target
// tier (never below the region itself) and the tier above it.
std::vector<std::string> alert_recipients(const std::string& target_tier, const std::string& region);
std::optional<Message> incident_surge(const AlertRule& r, Date today, const std::vector<Date>& incident_dates);
std::optional<Message> fatality(const IncidentFacts& incident);
std::optional<Message> hotspot_escalated(Stage from, Stage to);

}  // namespace pantau::conflict
