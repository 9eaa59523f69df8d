// Shared by the store files of party aid (store.cpp, allocations.cpp, results.cpp, boards.cpp,
// applications.cpp, lpj.cpp) and by nothing else: small helpers and the lookups that one record
// kind makes of another (the current board, the previous LPJ, a party's amount).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "auth/scope.h"
#include "core/calendar.h"
#include "db/database.h"
#include "modules/party_aid/store.h"

namespace pantau::party_aid {

db::Value user_or_null(const auth::Scope& s);
db::Value opt_text(const std::optional<std::string>& v);
db::Value opt_int(const std::optional<int64_t>& v);
std::optional<Date> opt_date(const std::optional<std::string>& s);

// Today in the region's own time zone (WIB/WITA/WIT).
Date today_in(const std::string& region);

// Writes need the permission and a region inside the caller's subtree.
Status check_write(const auth::Scope& s, const std::string& region, std::string_view permission);

// A province, a kab/kota, or "" (national, DPR), present in the regions table.
Result<std::string> region_name_of(db::Conn& c, const std::string& region);
Status check_aid_region(db::Conn& c, const std::string& region);
bool party_exists(db::Conn& c, const std::string& abbreviation);

// The board of a party in a region that counts for aid (recognised or disputed), if any.
std::optional<Board> current_board(db::Conn& c, const std::string& region,
                                   const std::string& party);
BoardState board_state(const std::optional<Board>& b, Date on);

// The aid of one party in a region's allocation (all stages), if every stage's votes are known.
std::optional<int64_t> party_amount(const RegionAllocation& a, const std::string& party,
                                    int64_t* seats = nullptr);

// The aid (all stages, if every stage's votes are known) and the seats of many parties at once:
// (region, party, fiscal year) -> amount, from one load of the allocations' inputs (6 queries
// whatever the number of keys). A region without an allocation (not on record, not a province or
// kab/kota) has no entry.
using PartyYear = std::tuple<std::string, std::string, int64_t>;
struct PartyAmount {
  std::optional<int64_t> amount;
  int64_t seats = 0;
};
std::map<PartyYear, PartyAmount> party_amounts(db::Conn& c, const std::set<PartyYear>& wanted);

// Previous-year LPJ and sanction of a party, for eligibility and the state machine's guards
// (lpj.cpp tells the rule).
void previous_lpj(db::Conn& c, const std::string& region, const std::string& party,
                  int64_t fiscal_year, bool first_year, EligibilityInput& in,
                  std::optional<LpjStatus>* status_out = nullptr);
// What the records say of the fiscal year before an application's: its LPJ as recorded, and
// whether aid was paid out that year.
struct PreviousYear {
  std::optional<LpjFacts> recorded;
  bool aided = false;
};
// The same rule as previous_lpj(), on facts already loaded.
void judge_previous_lpj(const PreviousYear& prev, const std::string& region, int64_t fiscal_year,
                        bool first_year, const LpjRule& rule, EligibilityInput& in,
                        std::optional<LpjStatus>* status_out = nullptr);
// The previous year of many applications (by id; `ids_sql` is "?, ?, ..." bound by `ids`), in
// two queries. An application without either fact has no entry.
std::map<int64_t, PreviousYear> previous_years(db::Conn& c, const std::string& ids_sql,
                                               const db::Params& ids);

// The boards of the regions named that count for aid (recognised or disputed), the latest of
// each party: (region, party) -> board, in one query.
std::map<std::pair<std::string, std::string>, Board> current_boards(
    db::Conn& c, const std::vector<std::string>& regions);

}  // namespace pantau::party_aid
