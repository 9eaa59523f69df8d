// Shared by the store files of party aid (store.cpp, allocations.cpp, results.cpp, boards.cpp,
// applications.cpp, lpj.cpp) and by nothing else: small helpers and the lookups that one record
// kind makes of another (the current board, the previous LPJ, a party's amount).
#pragma once
#include <optional>
#include <string>
#include <string_view>

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

// Previous-year LPJ and sanction of a party, for eligibility and the state machine's guards
// (lpj.cpp tells the rule).
void previous_lpj(db::Conn& c, const std::string& region, const std::string& party,
                  int64_t fiscal_year, bool first_year, EligibilityInput& in,
                  std::optional<LpjStatus>* status_out = nullptr);

}  // namespace pantau::party_aid
