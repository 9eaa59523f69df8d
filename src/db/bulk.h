// Bulk writing: an import of many records in one transaction, with multi-row statements.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "db/database.h"

namespace pantau::db {

// Bulk writing (an import of many records in one transaction). `n` new ids of a table with an
// integer `id` key, reserved inside the caller's write transaction so that rows can be written
// with their ids in multi-row statements (SQLite: the single writer continues after the largest
// id; PostgreSQL: the identity sequence).
std::vector<int64_t> reserve_ids(Conn& c, std::string_view table, size_t n);
// Writes rows with multi-row INSERTs: `head` is "INSERT INTO t (a, b, c)", `values` the cells of
// every row one after another (`columns` per row), moved into the statements.
// On PostgreSQL the rows go in one COPY FROM STDIN (same transaction, same constraints).
void insert_rows(Conn& c, std::string_view head, size_t columns, Params&& values);

// For the duration of a bulk write on SQLite, the writer's page cache is kBulkCacheKiB instead of
// its usual 16 MB (restored when this goes out of scope, also on an exception): an import adds
// millions of index entries at scattered positions (NIKs, name keys), and with the small cache
// SQLite spills changed pages to the WAL and reads them back mid-transaction, writing the same
// pages several times (1.9 GB of WAL writes for a 300 MB import of 100,000 ormas, against about
// 0.9 GB with a 400 MB cache; docs/PERFORMANCE.md). The memory is given back after the transaction. Nothing on
// PostgreSQL (its shared buffers are the server's).
inline constexpr int kBulkCacheKiB = 256 * 1024;
class BulkCache {
 public:
  explicit BulkCache(Conn& c);
  ~BulkCache();
  BulkCache(const BulkCache&) = delete;
  BulkCache& operator=(const BulkCache&) = delete;

 private:
  Conn& c_;
  std::optional<int64_t> before_;
};

}  // namespace pantau::db
