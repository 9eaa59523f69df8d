#include "modules/platform/store.h"

namespace pantau::platform {

ScopeFigures scope_figures(db::Conn& c, const auth::Scope& s) {
  ScopeFigures f;
  db::Params p1;
  std::string units = s.region_filter("o.region_code", p1);
  f.org_units = c.query_i64("SELECT COUNT(*) FROM org_units o WHERE " + units, p1).value_or(0);
  f.active_users =
      c.query_i64("SELECT COUNT(*) FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.disabled = 0 AND " + units, p1)
          .value_or(0);
  db::Params p2;
  f.kabkota = c.query_i64("SELECT COUNT(*) FROM regions WHERE level = 2 AND " + s.region_filter("code", p2), p2).value_or(0);
  db::Params p3;
  f.files = c.query_i64("SELECT COUNT(*) FROM evidence_files WHERE " + s.record_filter("region_code", "classification", p3), p3)
                .value_or(0);
  return f;
}

std::vector<std::pair<std::string, int64_t>> active_users_by_role(db::Conn& c, const auth::Scope& s) {
  db::Params p;
  std::string units = s.region_filter("o.region_code", p);
  std::vector<std::pair<std::string, int64_t>> out;
  c.query("SELECT u.role, COUNT(*) FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.disabled = 0 AND " + units +
              " GROUP BY u.role ORDER BY u.role",
          p, [&](const db::Row& r) { out.emplace_back(r.str(0), r.i64(1)); });
  return out;
}

std::vector<LockedUser> locked_users(db::Conn& c, const auth::Scope& s, const std::string& now_iso, int limit) {
  db::Params p{now_iso};
  std::string units = s.region_filter("o.region_code", p);
  p.emplace_back(int64_t{limit});
  std::vector<LockedUser> out;
  c.query("SELECT u.id, u.username FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.locked_until > ? AND " + units +
              " ORDER BY u.id LIMIT ?",
          p, [&](const db::Row& r) { out.push_back({r.i64(0), r.str(1)}); });
  return out;
}

}  // namespace pantau::platform
