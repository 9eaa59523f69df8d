#include "modules/conflict/public.h"

namespace pantau::conflict {

std::vector<IncidentSummary> incidents_after(db::Conn& c, int64_t after, int limit) {
  std::vector<IncidentSummary> out;
  c.query("SELECT i.id, i.region_code, i.occurred_on, i.type_code, COALESCE(t.name_id, i.type_code), i.description, "
          "i.classification FROM conflict_incidents i LEFT JOIN conflict_types t ON t.code = i.type_code "
          "WHERE i.id > ? ORDER BY i.id LIMIT ?",
          {after, int64_t{limit}}, [&](const db::Row& r) {
            out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), static_cast<int>(r.i64(6))});
          });
  return out;
}

}  // namespace pantau::conflict
