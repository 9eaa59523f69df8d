// What other parts of Pantau (the dashboard, the demo) may use of the monitoring module.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/error.h"
#include "core/time.h"
#include "db/database.h"

namespace pantau::monitoring {

struct Completeness {
  std::string period;                 // the latest quarter whose deadline has passed
  std::map<std::string, int> percent; // region code -> % of its kab/kota that submitted (a kab/kota: 0 or 100)
};
// Reporting completeness of the quarterly kab/kota report, grouped by province (national scope)
// or by kab/kota (a province or kab/kota scope).
Completeness reporting_completeness(db::Conn& c, const auth::Scope& s, TimePoint now);

struct Task {
  Message title;
  std::string link;
};
// What needs this user's action: reports awaiting their review, their returned reports.
std::vector<Task> pending_tasks(db::Conn& c, const auth::Scope& s);

// Demo records for Kalimantan Selatan: two quarters of reports in mixed states and fast reports.
void seed_demo(db::Conn& c, TimePoint now);

}  // namespace pantau::monitoring

namespace pantau::monitoring {

struct EventSummary {
  int64_t id = 0;
  std::string region_code, occurred_on, category_code, title;
  int classification = 0;
};
// Political events with an id above `after`, in id order, at most `limit`, across every region
// and classification: the caller keeps the event's region and classification with whatever it
// derives and filters by them (the democracy module's evidence proposals do).
std::vector<EventSummary> events_after(db::Conn& c, int64_t after, int limit);

}  // namespace pantau::monitoring
