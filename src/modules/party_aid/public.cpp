#include "modules/party_aid/public.h"

namespace pantau::party_aid {

std::vector<LpjSummary> submitted_lpj(db::Conn& c) {
  std::vector<LpjSummary> out;
  c.query("SELECT l.id, l.region_code, l.party_abbreviation, l.submitted_to_government, l.fiscal_year, "
          "COALESCE(SUM(CASE WHEN u.category = 'POLITICAL_EDUCATION' THEN u.amount ELSE 0 END), 0), COALESCE(SUM(u.amount), 0) "
          "FROM banpol_lpj l LEFT JOIN banpol_applications a ON a.region_code = l.region_code AND "
          "a.fiscal_year = l.fiscal_year AND a.party_abbreviation = l.party_abbreviation "
          "LEFT JOIN banpol_usage_lines u ON u.application_id = a.id "
          "WHERE l.submitted_to_government IS NOT NULL "
          "GROUP BY l.id, l.region_code, l.party_abbreviation, l.submitted_to_government, l.fiscal_year ORDER BY l.id",
          {}, [&](const db::Row& r) {
            double total = static_cast<double>(r.i64(6));
            out.push_back({r.i64(0), r.str(1), r.str(2), r.str(3).substr(0, 10), static_cast<int>(r.i64(4)),
                           total > 0 ? 100.0 * static_cast<double>(r.i64(5)) / total : 0});
          });
  return out;
}

}  // namespace pantau::party_aid
