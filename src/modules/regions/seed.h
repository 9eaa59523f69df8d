#pragma once
#include <string>

#include "db/database.h"

namespace pantau::regions {
// Loads regions.csv, kecamatan.csv, region_stats.csv and geo/*.geojson from data_dir.
// Idempotent: rows are upserted. Returns the number of regions loaded.
Result<int64_t> seed_regions(db::Database& db, const std::string& data_dir);
}
