#include "db/migrate.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "core/time.h"

namespace pantau::db {

static const char* dialect_name(Dialect d) { return d == Dialect::SQLite ? "sqlite" : "postgres"; }

// Several instances may start at once on one PostgreSQL database: they take turns (a
// transaction-scoped advisory lock) and each migration is applied by whoever comes first.
static void serialise(Conn& c) {
  if (c.dialect() == Dialect::Postgres) c.query_i64("SELECT 1 FROM (SELECT pg_advisory_xact_lock(730502)) x");
}

Result<int> schema_version(Database& db) {
  return db.write_value<int>([](Conn& c) -> Result<int> {
    serialise(c);
    c.exec_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)");
    return static_cast<int>(c.query_i64("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").value_or(0));
  });
}

Result<int> migrate(Database& db, int up_to) {
  PANTAU_TRY(int current, schema_version(db));
  std::vector<EmbeddedMigration> todo;
  for (const auto& m : embedded_migrations())
    if (m.dialect == std::string(dialect_name(db.dialect())) && m.version > current && m.version <= up_to)
      todo.push_back(m);
  std::sort(todo.begin(), todo.end(), [](auto& a, auto& b) { return a.version < b.version; });
  int ran = 0;
  for (const auto& m : todo) {
    bool applied_here = true;
    Status s = db.write([&](Conn& c) -> Status {
      serialise(c);
      if (c.query_i64("SELECT 1 FROM schema_migrations WHERE version = ?", {int64_t{m.version}})) {
        applied_here = false;  // another instance was quicker
        return {};
      }
      c.exec_script(m.sql);
      c.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
             {int64_t{m.version}, std::string(m.name), now_iso()});
      return {};
    });
    if (!s.ok()) {
      spdlog::error("migration {} {} failed", m.version, m.name);
      return s.error();
    }
    if (!applied_here) continue;
    spdlog::info("applied migration {} {}", m.version, m.name);
    ++ran;
  }
  return ran;
}

}  // namespace pantau::db
