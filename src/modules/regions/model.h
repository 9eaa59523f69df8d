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
};

}  // namespace pantau::regions
