// What the platform's own answers hold: the caller's session, and the dashboard of the caller's
// area. json.cpp writes them.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "auth/sessions.h"
#include "core/error.h"
#include "modules/platform/store.h"
#include "search/search.h"

namespace pantau::platform {

// One measure the dashboard map can colour the regions by (percent per region code).
struct MapMeasure {
  std::string key;
  Message label;
  std::string unit = "%";
  std::string period;                   // reporting completeness: the quarter ("2026-Q4")
  std::optional<int64_t> election_id;   // election readiness: the election
  std::string polling_date;
  std::map<std::string, int> values;
};

struct DashboardTask {
  Message title;
  std::string link;
};

struct Dashboard {
  std::string region_code, region_name;
  int level = 0;
  ScopeFigures figures;
  bool provinces = true;   // the map shows provinces (national user), else the kab/kota of `province`
  std::string province;
  MapMeasure completeness;             // the default measure
  std::optional<MapMeasure> readiness; // of the election that matters now, if any
  std::vector<std::pair<std::string, int64_t>> users_by_role;
  std::vector<DashboardTask> tasks;
};

// ---- json.cpp ----
std::string me_json(const auth::Principal& p, bool with_csrf);
std::string roles_json();
std::string history_json(const std::vector<audit::Record>& rows);
std::string search_json(const std::vector<search::Hit>& hits);
std::string to_json(const Dashboard& d);

}  // namespace pantau::platform
