// Pure rules of conflict early warning; tested by the tables in tests/fixtures/conflict_*.tsv.
#pragma once
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

// The vulnerability score of a region on `today` from its incidents and hotspot stages.
Score score_region(const ScoringModel& m, Date today, const std::vector<IncidentFacts>& incidents,
                   const std::vector<Stage>& hotspots);

// Alert rules. Each returns the reason (Indonesian, English) when it fires.
struct AlertRule {
  std::string code;         // INCIDENT_SURGE | FATALITY | HOTSPOT_ESCALATING
  int days = 7;             // INCIDENT_SURGE: the recent window
  double factor = 2.0;      // INCIDENT_SURGE: recent count above factor x baseline rate
  int min_incidents = 3;    // INCIDENT_SURGE: and at least this many
  int baseline_days = 90;   // INCIDENT_SURGE: the baseline window before the recent one
};
std::optional<Message> incident_surge(const AlertRule& r, Date today, const std::vector<Date>& incident_dates);
std::optional<Message> fatality(const IncidentFacts& incident);
std::optional<Message> hotspot_escalated(Stage from, Stage to);

}  // namespace pantau::conflict
