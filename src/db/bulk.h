// Bulk writing: an import of many records in one transaction, with multi-row statements.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "db/database.h"

namespace pantau::db {

// Marks the write jobs of the current thread (while in scope) as bulk writes: an import that
// resolves every reference it writes itself (ids of rows it reserved and writes, or of rows it
// found in the same transaction). On SQLite such a job runs alone in a transaction of its own,
// never grouped with other jobs, with `PRAGMA foreign_keys` switched OFF for that transaction
// only (SQLite cannot switch it inside one) and ON again before the writer takes the next job,
// whether the job committed or failed: jobs queued meanwhile are grouped after it and checked
// as always. It saves one parent look-up per row and reference (about 3.7 million for an import
// of 100,000 ormas). If foreign keys cannot be switched back on, the writer refuses every job
// until they are. Nothing changes on PostgreSQL (every write is its own transaction there, with
// its checks).
bool bulk_write();
class BulkWrite {
 public:
  BulkWrite();
  ~BulkWrite();
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;

 private:
  bool previous_;
};

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

// SQLite bulk writing: inserting millions of keys in random order into large index B-trees is
// SQLite's slow case (a page split or a cache miss for nearly every key), while CREATE INDEX
// sorts the keys and builds the tree once. For an import that adds at least as many rows to a
// table as the table holds (the first import of a registry), the table's secondary indexes
// (those created by CREATE INDEX; not its primary key or UNIQUE constraints) are dropped before
// the import's rows are written and created again, from the same SQL, by restore(), in the same
// transaction: a rollback brings them back as they were, and no other connection ever sees the
// tables without them. Nothing on PostgreSQL (COPY) or for a table larger than what is added.
// Only look-ups by primary key may run between the constructor and restore().
class DeferredIndexes {
 public:
  // (table, rows the import adds at most); every table has an integer `id` key.
  DeferredIndexes(Conn& c, const std::vector<std::pair<std::string, size_t>>& tables);
  // Creates the dropped indexes again; to be called before the transaction commits (the
  // destructor does it too, unless an exception is unwinding: the transaction is rolled back).
  void restore();
  ~DeferredIndexes();
  DeferredIndexes(const DeferredIndexes&) = delete;
  DeferredIndexes& operator=(const DeferredIndexes&) = delete;

 private:
  Conn& c_;
  std::vector<std::string> create_sql_;
  int unwinding_ = 0;
};

}  // namespace pantau::db
