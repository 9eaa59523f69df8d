// SQL of org units and users. Every function takes the caller's Scope and sees only the org
// units in its region subtree; writes append to the audit log in the same transaction.
#pragma once
#include <optional>
#include <string>

#include "auth/scope.h"
#include "db/database.h"
#include "modules/org/model.h"

namespace pantau::org {

struct ListQuery {
  db::Paging page;            // ?after=&limit=
  std::string q;
  std::string kind;           // org units
  std::string role;           // users
  std::optional<int64_t> org_unit_id;  // users
};

Page<OrgUnit> list_org_units(db::Conn& c, const auth::Scope& s, const ListQuery& q);
std::optional<OrgUnit> get_org_unit(db::Conn& c, const auth::Scope& s, int64_t id);
Result<OrgUnit> create_org_unit(db::Conn& c, const auth::Scope& s, const OrgUnitInput& in);
Result<OrgUnit> update_org_unit(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const OrgUnitInput& in);
// Sets (a file of the files store, already recorded) or removes (nullopt) the office's coat of
// arms; If-Match `version`, the same scope rule as an update, audited.
Result<OrgUnit> set_org_unit_emblem(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                    std::optional<int64_t> file_id);

Page<User> list_users(db::Conn& c, const auth::Scope& s, const ListQuery& q);
std::optional<User> get_user(db::Conn& c, const auth::Scope& s, int64_t id);
// password_hash is computed by the caller (outside the write transaction: it is slow).
Result<User> create_user(db::Conn& c, const auth::Scope& s, const UserInput& in, const std::string& password_hash);
Result<User> update_user(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const UserInput& in);
Status set_password(db::Conn& c, const auth::Scope& s, int64_t id, const std::string& password_hash);

// json.cpp: the module's records as JSON (answers and audit snapshots).
std::string to_json(const OrgUnit& u);
std::string to_json(const User& u);

}  // namespace pantau::org
