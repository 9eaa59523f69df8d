#include "modules/regions/seed.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>


#include "core/csv.h"
#include "core/fileio.h"
#include "core/region_code.h"
#include "core/strings.h"

namespace pantau::regions {

static Error bad_data(const std::string& file, int line, const std::string& what) {
  return Error::make(ErrorKind::Invalid, "seed.bad_data", fmt::format("Data rujukan {} baris {}: {}", file, line, what),
                     fmt::format("Reference data {} line {}: {}", file, line, what));
}

static db::Value opt_num(const std::string& s, bool integer) {
  if (s.empty()) return std::monostate{};
  if (integer) {
    auto v = parse_int64(s);
    return v ? db::Value(*v) : db::Value(std::monostate{});
  }
  return std::strtod(s.c_str(), nullptr);
}

static Result<int64_t> load_region_file(db::Database& db, const std::string& dir, const std::string& name) {
  PANTAU_TRY(std::string text, read_text_file(dir + "/" + name));
  PANTAU_TRY(CsvTable t, parse_csv(text));
  int c_code = t.column("code"), c_parent = t.column("parent_code"), c_level = t.column("level"),
      c_name = t.column("name"), c_type = t.column("type"), c_lat = t.column("lat"), c_lng = t.column("lng");
  if (c_code < 0 || c_parent < 0 || c_level < 0 || c_name < 0 || c_type < 0)
    return bad_data(name, 1, "missing columns");
  for (size_t i = 0; i < t.rows.size(); ++i) {
    auto& r = t.rows[i];
    RegionLevel l = region_level(r[c_code]);
    if (l == RegionLevel::Invalid || l == RegionLevel::National || std::to_string(static_cast<int>(l)) != r[c_level] ||
        region_parent(r[c_code]) != r[c_parent])
      return bad_data(name, t.row_lines[i], "bad code " + r[c_code]);
  }
  Status s = db.write([&](db::Conn& c) -> Status {
    for (auto& r : t.rows) {
      c.exec("INSERT INTO regions (code, parent_code, level, name, type, lat, lng) VALUES (?, ?, ?, ?, ?, ?, ?) "
             "ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, level = excluded.level, "
             "name = excluded.name, type = excluded.type, lat = excluded.lat, lng = excluded.lng",
             {r[c_code], r[c_parent], *parse_int64(r[c_level]), r[c_name], r[c_type],
              c_lat >= 0 ? opt_num(r[c_lat], false) : db::Value(), c_lng >= 0 ? opt_num(r[c_lng], false) : db::Value()});
    }
    return {};
  });
  if (!s.ok()) return s.error();
  return static_cast<int64_t>(t.rows.size());
}

static Status load_stats(db::Database& db, const std::string& dir) {
  PANTAU_TRY(std::string text, read_text_file(dir + "/region_stats.csv"));
  PANTAU_TRY(CsvTable t, parse_csv(text));
  int c_code = t.column("code"), c_area = t.column("area_km2"), c_m = t.column("population_male"),
      c_f = t.column("population_female"), c_t = t.column("population_total");
  if (c_code < 0 || c_area < 0 || c_m < 0 || c_f < 0 || c_t < 0) return bad_data("region_stats.csv", 1, "missing columns");
  return db.write([&](db::Conn& c) -> Status {
    for (auto& r : t.rows)
      c.exec("UPDATE regions SET area_km2 = ?, population_male = ?, population_female = ?, population_total = ? WHERE code = ?",
             {opt_num(r[c_area], false), opt_num(r[c_m], true), opt_num(r[c_f], true), opt_num(r[c_t], true), r[c_code]});
    return {};
  });
}

static Status load_geo(db::Database& db, const std::string& dir, const std::string& name, int level) {
  PANTAU_TRY(std::string text, read_text_file(dir + "/geo/" + name));
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("features") || !d["features"].IsArray())
    return bad_data(name, 0, "not a GeoJSON FeatureCollection");
  struct Feature {
    std::string code, geometry;
  };
  std::vector<Feature> features;
  for (auto& f : d["features"].GetArray()) {
    if (!f.IsObject() || !f.HasMember("properties") || !f["properties"].IsObject() || !f.HasMember("geometry"))
      return bad_data(name, 0, "feature without properties or geometry");
    auto& p = f["properties"];
    if (!p.HasMember("code") || !p["code"].IsString()) return bad_data(name, 0, "feature without a code");
    rapidjson::StringBuffer buf;
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    f["geometry"].Accept(w);
    features.push_back({p["code"].GetString(), std::string(buf.GetString(), buf.GetSize())});
  }
  return db.write([&](db::Conn& c) -> Status {
    for (auto& f : features)
      c.exec("INSERT INTO region_geometry (code, level, province_code, geometry) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (code) DO UPDATE SET level = excluded.level, province_code = excluded.province_code, "
             "geometry = excluded.geometry",
             {f.code, int64_t{level}, region_province(f.code), f.geometry});
    return {};
  });
}

Result<int64_t> seed_regions(db::Database& db, const std::string& dir) {
  PANTAU_TRY(int64_t a, load_region_file(db, dir, "regions.csv"));
  PANTAU_TRY(int64_t b, load_region_file(db, dir, "kecamatan.csv"));
  PANTAU_CHECK(load_stats(db, dir));
  PANTAU_CHECK(load_geo(db, dir, "provinsi.geojson", 1));
  PANTAU_CHECK(load_geo(db, dir, "kabkota.geojson", 2));
  // Kecamatan boundaries, one file per province (data/geo/kecamatan/63.geojson, ...).
  std::error_code ec;
  std::vector<std::string> provinces;
  for (const auto& e : std::filesystem::directory_iterator(dir + "/geo/kecamatan", ec))
    if (e.path().extension() == ".geojson") provinces.push_back(e.path().filename().string());
  std::sort(provinces.begin(), provinces.end());
  for (const auto& f : provinces) PANTAU_CHECK(load_geo(db, dir, "kecamatan/" + f, 3));
  return a + b;
}

}  // namespace pantau::regions
