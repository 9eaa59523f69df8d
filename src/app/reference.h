#pragma once
#include <string>

#include "db/database.h"

namespace pantau::app {
struct SeedReport {
  int64_t regions = 0, holidays = 0, parties = 0, results = 0;
};
// Loads every reference data set shipped in data_dir; idempotent.
Result<SeedReport> seed_reference(db::Database& db, const std::string& data_dir);
// Adds the demo offices, units and one user per role (Kalimantan Selatan). Prints the
// passwords once (PANTAU_DEMO_PASSWORD sets them all, for tests). Idempotent.
// Evidence files of the demo (data dukung) are stored under files_dir.
Status seed_demo(db::Database& db, const std::string& files_dir);
}  // namespace pantau::app
