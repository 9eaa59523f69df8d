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

}  // namespace pantau::party_aid
