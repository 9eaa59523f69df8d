// Numbered, transactional migrations, embedded in the binary at build time: migrations/NNNN_name.sql
// written once with dialect tokens, plus migrations/<dialect>/NNNN_name.sql where the SQL differs,
// expanded for each database by cmake/embed_migrations.cmake. Each migration runs in its own
// transaction together with its row in schema_migrations (its number and name; the number is what
// counts), so a failure leaves the previous version intact.
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
