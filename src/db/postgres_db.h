#pragma once
#include <memory>
#include <string>
#include <string_view>

#include "db/database.h"

namespace pantau::db {
Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const OpenOptions& opts);
// Bulk writing on PostgreSQL: the rows of `values` (`columns` cells a row) sent with
// COPY `target` FROM STDIN ("t (a, b, c)") inside the connection's transaction. False (nothing
// done) when `c` is not a PostgreSQL connection.
bool copy_in(Conn& c, std::string_view target, size_t columns, const Params& values);
}
