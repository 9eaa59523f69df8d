// Pure rules of foreigner monitoring; tested by tests/fixtures/foreigners_*.tsv.
#pragma once
#include <string>
#include <vector>

#include "core/error.h"
#include "core/time.h"
#include "modules/foreigners/model.h"

namespace pantau::foreigners {

// The next state for `action`, or a 409 with the reason in both languages.
Result<PresenceState> presence_transition(PresenceState from, std::string_view action, const PresenceFacts& f);

// The actions the state machine allows from `from` now (the order of kActions): "decide" and
// "refer" count as allowed when their input would be complete; the caller's permission is not judged here.
std::vector<std::string_view> allowed_actions(PresenceState from, const PresenceFacts& f);

// A stay permit valid until `valid_to` seen on `today`, reminders `first` and `second` days before.
PermitState permit_state(std::optional<Date> valid_to, Date today, int first, int second);

// ISO 3166-1 alpha-3 code of a foreign state (three capital letters, not IDN).
bool valid_nationality(std::string_view code);

}  // namespace pantau::foreigners
