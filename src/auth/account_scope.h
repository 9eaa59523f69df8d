// The scope of a named account, for the seeder acting as a demo account (the files store and the
// audit trail record who did what).
#pragma once
#include <optional>
#include <string_view>

#include "auth/scope.h"
#include "db/database.h"

namespace pantau::auth {

// The account's role, clearance, office and the office's region; none when there is no such account.
std::optional<Scope> scope_of_account(db::Conn& c, std::string_view username);

}  // namespace pantau::auth
