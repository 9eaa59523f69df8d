// What other parts of Pantau may use of the conflict module.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"

namespace pantau::conflict {

struct IncidentSummary {
  int64_t id = 0;
  std::string region_code, occurred_on, type_code, type_name, description;
  int classification = 0;
};
// Incidents with an id above `after`, in id order, at most `limit`, across every region and
// classification: the caller stores what it derives with the incident's region and
// classification and filters by them (the democracy module's evidence proposals do).
std::vector<IncidentSummary> incidents_after(db::Conn& c, int64_t after, int limit);

}  // namespace pantau::conflict
