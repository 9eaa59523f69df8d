#include "auth/scope.h"

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

}  // namespace pantau::auth
