// The SQL of the platform's own answers (the dashboard figures of the caller's area). Every
// function takes the caller's Scope and counts only what lies in its region subtree (files: also
// within its clearance).
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"

namespace pantau::platform {

struct ScopeFigures {
  int64_t kabkota = 0, org_units = 0, active_users = 0, files = 0;
};
ScopeFigures scope_figures(db::Conn& c, const auth::Scope& s);

// Active users per role code, by role.
std::vector<std::pair<std::string, int64_t>> active_users_by_role(db::Conn& c, const auth::Scope& s);

struct LockedUser {
  int64_t id = 0;
  std::string username;
};
// Accounts locked (after failed log-ins) at `now_iso`, by id, at most `limit`.
std::vector<LockedUser> locked_users(db::Conn& c, const auth::Scope& s, const std::string& now_iso, int limit = 20);

}  // namespace pantau::platform
