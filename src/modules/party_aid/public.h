// What other modules may ask the banpol module: the officers of party boards (the actor page
// links them to people) and the LPJ handed to the government (the democracy index's evidence).
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

// A party's accountability report (LPJ) handed to the government, with the share of the aid its
// usage plan put into political education (percent, 0..100; 0 when no usage line is recorded).
struct LpjSummary {
  int64_t id = 0;
  std::string region_code, party_abbreviation, submitted_on;
  int fiscal_year = 0;
  double political_education_percent = 0;
};
// Every LPJ submitted to the government, across every region (banpol records are not classified).
std::vector<LpjSummary> submitted_lpj(db::Conn& c);

}  // namespace pantau::party_aid
