#pragma once
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "modules/regions/model.h"
#include "modules/regions/public.h"  // exists, name_of

namespace pantau::regions {

// Children of a region ("" = the provinces). Reference data: the same for every user.
std::vector<Region> children(db::Conn& c, const std::string& parent);
std::optional<RegionDetail> detail(db::Conn& c, const std::string& code);
// Name or code search within the caller's scope.
std::vector<Region> search(db::Conn& c, const auth::Scope& scope, const std::string& q, int limit);
// The boundaries at a level (1 provinsi, 2 kab/kota, 3 kecamatan), optionally limited to one
// province, by code.
std::vector<GeoFeature> boundaries(db::Conn& c, int level, const std::string& province);

}  // namespace pantau::regions
