#include "modules/party_aid/public.h"

namespace pantau::party_aid {

namespace {

void officers_of(const db::Row& r, std::vector<BoardOfficer>& out, const std::string& only = "") {
  static const std::pair<const char*, int> positions[] = {{"KETUA", 3}, {"SEKRETARIS", 4}, {"BENDAHARA", 5}};
  for (auto& [pos, col] : positions) {
    if (!only.empty() && only != pos) continue;
    if (r.text(col).empty()) continue;
    out.push_back({r.i64(0), r.str(1), pos, r.str(col), r.str(2), r.str(6), r.str(7), r.str(8)});
  }
}

constexpr const char* kSelect =
    "SELECT id, party_abbreviation, region_code, chair, secretary, treasurer, status, decree_no, valid_from FROM party_boards WHERE ";

}  // namespace

std::vector<BoardOfficer> board_officers(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  std::vector<BoardOfficer> out;
  c.query(std::string(kSelect) + s.region_filter("region_code", p) + " ORDER BY id", p,
          [&](const db::Row& r) { officers_of(r, out); });
  return out;
}

std::optional<BoardOfficer> board_officer(db::Conn& c, const auth::Scope& s, int64_t board_id, const std::string& position) {
  db::Params p{board_id};
  std::vector<BoardOfficer> out;
  c.query(std::string(kSelect) + "id = ? AND " + s.region_filter("region_code", p), p,
          [&](const db::Row& r) { officers_of(r, out, position); });
  if (out.empty()) return std::nullopt;
  return out.front();
}

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
