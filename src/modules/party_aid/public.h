// What other parts of Pantau may use of the party-aid (banpol) module.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "db/database.h"

namespace pantau::party_aid {

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
