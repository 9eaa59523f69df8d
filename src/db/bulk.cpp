#include "db/bulk.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <iterator>
#include <string>

#include "db/postgres_db.h"

namespace pantau::db {

namespace {
thread_local bool tl_bulk = false;
}
bool bulk_write() { return tl_bulk; }
BulkWrite::BulkWrite() : previous_(tl_bulk) { tl_bulk = true; }
BulkWrite::~BulkWrite() { tl_bulk = previous_; }

std::vector<int64_t> reserve_ids(Conn& c, std::string_view table, size_t n) {
  std::vector<int64_t> ids;
  if (n == 0) return ids;
  ids.reserve(n);
  std::string t(table);
  if (c.dialect() == Dialect::SQLite) {
    // AUTOINCREMENT: after both the largest id there is and the largest ever handed out.
    int64_t last = std::max(c.query_i64("SELECT MAX(id) FROM " + t).value_or(0),
                            c.query_i64("SELECT seq FROM sqlite_sequence WHERE name = ?", {t}).value_or(0));
    for (size_t i = 1; i <= n; ++i) ids.push_back(last + static_cast<int64_t>(i));
  } else {
    c.query("SELECT nextval(pg_get_serial_sequence(?, 'id')) FROM generate_series(1, CAST(? AS BIGINT))", {t, static_cast<int64_t>(n)},
            [&](const Row& r) { ids.push_back(r.i64(0)); });
  }
  return ids;
}

void insert_rows(Conn& c, std::string_view head, size_t columns, Params&& values) {
  if (columns == 0 || values.empty()) return;
  // PostgreSQL: one COPY for all the rows (parsing and planning a multi-row INSERT of 4,000
  // parameters cost the server more than storing the rows).
  constexpr std::string_view kInsert = "INSERT INTO ";
  if (c.dialect() == Dialect::Postgres && head.substr(0, kInsert.size()) == kInsert &&
      copy_in(c, head.substr(kInsert.size()), columns, values)) {
    values.clear();
    return;
  }
  const size_t rows = values.size() / columns, per = std::max<size_t>(1, 4000 / columns);
  std::string row = "(";
  for (size_t k = 0; k < columns; ++k) row += k ? ", ?" : "?";
  row += ")";
  std::string full;  // the statement of a whole chunk, built once (and prepared once by the backend)
  for (size_t at = 0; at < rows; at += per) {
    size_t n = std::min(per, rows - at);
    std::string sql(head);
    sql += " VALUES ";
    if (n == per && !full.empty()) sql = full;
    else {
      for (size_t k = 0; k < n; ++k) sql += (k ? ", " : "") + row;
      if (n == per) full = sql;
    }
    Params p(std::make_move_iterator(values.begin() + static_cast<std::ptrdiff_t>(at * columns)),
             std::make_move_iterator(values.begin() + static_cast<std::ptrdiff_t>((at + n) * columns)));
    c.exec(sql, p);
  }
}

BulkCache::BulkCache(Conn& c) : c_(c) {
  if (c.dialect() != Dialect::SQLite) return;
  before_ = c.query_i64("PRAGMA cache_size");
  c.exec("PRAGMA cache_size = -" + std::to_string(kBulkCacheKiB));
}

BulkCache::~BulkCache() {
  if (!before_) return;
  try {
    c_.exec("PRAGMA cache_size = " + std::to_string(*before_));
  } catch (const DbError&) {  // a broken connection: the cache goes with it
  }
}

DeferredIndexes::DeferredIndexes(Conn& c, const std::vector<std::pair<std::string, size_t>>& tables)
    : c_(c), unwinding_(std::uncaught_exceptions()) {
  if (c.dialect() != Dialect::SQLite) return;
  for (auto& [table, added] : tables) {
    if (c.query_i64("SELECT MAX(id) FROM " + table).value_or(0) > static_cast<int64_t>(added)) continue;
    std::vector<std::string> names;
    c.query("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name", {table},
            [&](const Row& r) {
              names.push_back(r.str(0));
              create_sql_.push_back(r.str(1));
            });
    for (auto& name : names) c.exec("DROP INDEX \"" + name + "\"");
  }
}

void DeferredIndexes::restore() {
  auto todo = std::move(create_sql_);
  create_sql_.clear();
  for (auto& sql : todo) c_.exec(sql);
}

DeferredIndexes::~DeferredIndexes() {
  if (create_sql_.empty() || std::uncaught_exceptions() > unwinding_) return;  // rolled back with the transaction
  // The import calls restore() itself; this is for a return before it (whose transaction is
  // then rolled back by its error anyway).
  try {
    restore();
  } catch (const DbError& e) {
    spdlog::error("indexes not restored after a bulk write: {}", e.what());
  }
}

}  // namespace pantau::db
