// Bulk writing: an import of many records in one transaction, with multi-row statements.
#pragma once
#include <cstdint>
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
void insert_rows(Conn& c, std::string_view head, size_t columns, Params&& values);

}  // namespace pantau::db
