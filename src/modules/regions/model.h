// Regions: the Kemendagri hierarchy provinsi -> kab/kota -> kecamatan (reference data from
// Kepmendagri 300.2.2-2138/2025, shipped in data/), with boundaries for the maps.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pantau::regions {

struct Region {
  std::string code, parent_code, name, type;
  int level = 0;
  std::optional<double> lat, lng, area_km2;
  std::optional<int64_t> population_total, population_male, population_female;
};

struct RegionDetail {
  Region region;
  std::vector<Region> ancestors;  // province first
  int64_t children_count = 0;
  bool in_scope = false;          // within the caller's region subtree (set by the caller)
};

// One boundary of the maps: a region with its GeoJSON geometry (stored as text).
struct GeoFeature {
  std::string code, name, type, geometry;
};

// json.cpp: the records as JSON.
std::string to_json(const Region& r);
std::string to_json(const RegionDetail& d);
// A GeoJSON FeatureCollection of the boundaries.
std::string feature_collection(const std::vector<GeoFeature>& features);

}  // namespace pantau::regions
