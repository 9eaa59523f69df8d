// What other parts of Pantau (the dashboard) may use of the elections module.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "auth/scope.h"
#include "db/database.h"
#include "modules/elections/model.h"

namespace pantau::elections {

struct CurrentReadiness {
  Election election;
  std::map<std::string, int> percent;  // region code -> readiness score (regions with applicable items)
};
// Readiness per region (level 1: provinces, 2: the kab/kota of `province`) of the election that
// matters on `today` (YYYY-MM-DD) in the user's scope: the next one by polling day, else the
// latest one held. Nothing when the scope sees no election.
std::optional<CurrentReadiness> current_readiness(db::Conn& c, const auth::Scope& s, int level,
                                                  const std::string& province, const std::string& today);

}  // namespace pantau::elections
