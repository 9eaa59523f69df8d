#include "modules/regions/rules.h"

#include <fmt/format.h>

namespace pantau::regions {

Result<RegionLevel> check_code(std::string_view code, std::string_view field) {
  RegionLevel l = region_level(code);
  if (l == RegionLevel::Invalid || l == RegionLevel::National)
    return Error::invalid_field(
        std::string(field), "region_code",
        fmt::format("Kode wilayah \"{}\" tidak valid. Gunakan kode Kemendagri bertitik, misalnya 63 atau 63.71.", code),
        fmt::format("Region code \"{}\" is not valid. Use a dotted Kemendagri code such as 63 or 63.71.", code));
  return l;
}

}  // namespace pantau::regions
