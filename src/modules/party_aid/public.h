// What other modules may ask the banpol module (the actor page links party officers to people).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"

namespace pantau::party_aid {

// One officer of a party board: the chair, secretary or treasurer named on its decree.
struct BoardOfficer {
  int64_t board_id = 0;
  std::string party, position, name, region_code, status, decree_no, valid_from;
};
// The officers of every board (recognised, disputed or superseded) in the caller's region subtree.
std::vector<BoardOfficer> board_officers(db::Conn& c, const auth::Scope& s);
// One officer by board id and position (KETUA | SEKRETARIS | BENDAHARA), when the caller may see it.
std::optional<BoardOfficer> board_officer(db::Conn& c, const auth::Scope& s, int64_t board_id, const std::string& position);

}  // namespace pantau::party_aid
