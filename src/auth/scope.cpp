#include "auth/scope.h"

#include "auth/account_scope.h"
#include "auth/roles.h"

namespace pantau::auth {

bool Scope::can(std::string_view permission) const {
  if (user_id == 0 && role == "SYSTEM") return true;
  return role_has(role, permission);
}

std::string Scope::region_filter(std::string_view column, db::Params& params) const {
  if (national()) return "1=1";
  // One index range: [R, R + "/") holds R and every code below it (R + "." + ...), because
  // '/' follows '.' and codes hold only digits and dots ("63.710" sorts after "63.71/").
  params.emplace_back(region_code);
  params.emplace_back(region_code + "/");
  std::string c(column);
  return "(" + c + " >= ? AND " + c + " < ?)";
}

std::string Scope::clearance_filter(std::string_view column, db::Params& params) const {
  params.emplace_back(int64_t{clearance});
  return std::string(column) + " <= ?";
}

std::string Scope::record_filter(std::string_view region_column, std::string_view classification_column,
                                 db::Params& params) const {
  std::string sql = region_filter(region_column, params);
  sql += " AND ";
  sql += clearance_filter(classification_column, params);
  return sql;
}

Scope Scope::system() {
  Scope s;
  s.user_id = 0;
  s.username = "system";
  s.role = "SYSTEM";
  s.clearance = kRahasia;
  return s;
}

std::optional<Scope> scope_of_account(db::Conn& c, std::string_view username) {
  std::optional<Scope> s;
  c.query(
      "SELECT u.id, u.username, u.role, u.clearance, u.org_unit_id, o.region_code FROM users u "
      "JOIN org_units o ON o.id = u.org_unit_id WHERE u.username = ?",
      {std::string(username)}, [&](const db::Row& r) {
        Scope x;
        x.user_id = r.i64(0);
        x.username = r.str(1);
        x.role = r.str(2);
        x.clearance = static_cast<int>(r.i64(3));
        x.org_unit_id = r.i64(4);
        x.region_code = r.str(5);
        s = std::move(x);
      });
  return s;
}

}  // namespace pantau::auth
