#include "modules/regions/store.h"

#include "core/strings.h"

namespace pantau::regions {

static constexpr const char* kCols =
    "code, parent_code, level, name, type, lat, lng, area_km2, population_total, population_male, population_female";

static Region from_row(const db::Row& r) {
  Region g;
  g.code = r.str(0);
  g.parent_code = r.str(1);
  g.level = static_cast<int>(r.i64(2));
  g.name = r.str(3);
  g.type = r.str(4);
  g.lat = r.opt_f64(5);
  g.lng = r.opt_f64(6);
  g.area_km2 = r.opt_f64(7);
  g.population_total = r.opt_i64(8);
  g.population_male = r.opt_i64(9);
  g.population_female = r.opt_i64(10);
  return g;
}

std::vector<Region> children(db::Conn& c, const std::string& parent) {
  std::vector<Region> out;
  c.query(std::string("SELECT ") + kCols + " FROM regions WHERE parent_code = ? ORDER BY code", {parent},
          [&](const db::Row& r) { out.push_back(from_row(r)); });
  return out;
}

std::optional<RegionDetail> detail(db::Conn& c, const std::string& code) {
  std::optional<RegionDetail> d;
  c.query(std::string("SELECT ") + kCols + " FROM regions WHERE code = ?", {code},
          [&](const db::Row& r) { d = RegionDetail{from_row(r), {}, 0}; });
  if (!d) return d;
  for (std::string p = d->region.parent_code; !p.empty(); p = region_parent(p)) {
    c.query(std::string("SELECT ") + kCols + " FROM regions WHERE code = ?", {p},
            [&](const db::Row& r) { d->ancestors.insert(d->ancestors.begin(), from_row(r)); });
  }
  d->children_count = c.query_i64("SELECT COUNT(*) FROM regions WHERE parent_code = ?", {code}).value_or(0);
  return d;
}

std::vector<Region> search(db::Conn& c, const auth::Scope& scope, const std::string& q, int limit) {
  std::vector<Region> out;
  db::Params p;
  // The search text is literal (% and _ escaped) and folded like the names (core/strings.h).
  p.emplace_back(like_contains_folded(q));
  std::string prefix = like_escape(q);
  prefix += '%';
  p.emplace_back(std::move(prefix));
  std::string sql = std::string("SELECT ") + kCols +
                    " FROM regions WHERE (pantau_fold(name) LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\') AND " +
                    scope.region_filter("code", p) +
                    " ORDER BY level, code LIMIT ?";
  p.emplace_back(int64_t{limit});
  c.query(sql, p, [&](const db::Row& r) { out.push_back(from_row(r)); });
  return out;
}

bool exists(db::Conn& c, const std::string& code) {
  return c.query_i64("SELECT 1 FROM regions WHERE code = ?", {code}).has_value();
}

std::string name_of(db::Conn& c, const std::string& code) {
  if (code.empty()) return "Nasional";
  return c.query_str("SELECT name FROM regions WHERE code = ?", {code}).value_or(code);
}

std::vector<GeoFeature> boundaries(db::Conn& c, int level, const std::string& province) {
  db::Params p{int64_t{level}};
  std::string sql =
      "SELECT g.code, r.name, r.type, g.geometry FROM region_geometry g JOIN regions r ON r.code = g.code "
      "WHERE g.level = ?";
  if (!province.empty()) {
    sql += " AND g.province_code = ?";
    p.emplace_back(province);
  }
  sql += " ORDER BY g.code";
  std::vector<GeoFeature> out;
  c.query(sql, p, [&](const db::Row& r) { out.push_back({r.str(0), r.str(1), r.str(2), r.str(3)}); });
  return out;
}

}  // namespace pantau::regions
