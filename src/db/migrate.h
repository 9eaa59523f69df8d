// Numbered, transactional migrations per dialect, embedded in the binary at build time from
// migrations/<dialect>/NNNN_name.sql. Each migration runs in its own transaction together with
// its row in schema_migrations, so a failure leaves the previous version intact.
#pragma once
#include <limits>
#include <string>
#include <vector>

#include "db/database.h"

namespace pantau::db {

struct EmbeddedMigration {
  const char* dialect;
  int version;
  const char* name;
  const char* sql;
};
const std::vector<EmbeddedMigration>& embedded_migrations();

// Applies every migration newer than the database's version, up to `up_to` (all by default);
// returns how many ran.
Result<int> migrate(Database& db, int up_to = std::numeric_limits<int>::max());
// The highest applied version (0 for a new database).
Result<int> schema_version(Database& db);

}  // namespace pantau::db
