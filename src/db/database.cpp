#include "db/database.h"

#include "db/rerun.h"

#include <spdlog/spdlog.h>

namespace pantau::db {

namespace {
thread_local bool tl_replica_reads = false;
thread_local bool tl_rerun = false;
thread_local bool tl_bookkeeping = false;
}
bool replica_reads_allowed() { return tl_replica_reads; }
ReplicaReads::ReplicaReads(bool allow) : previous_(tl_replica_reads) { tl_replica_reads = allow; }
ReplicaReads::~ReplicaReads() { tl_replica_reads = previous_; }
bool rerun_allowed() { return tl_rerun; }
RerunAllowed::RerunAllowed(bool allow) : previous_(tl_rerun) { tl_rerun = allow; }
RerunAllowed::~RerunAllowed() { tl_rerun = previous_; }
bool bookkeeping_write() { return tl_bookkeeping; }
BookkeepingWrite::BookkeepingWrite() : previous_(tl_bookkeeping) { tl_bookkeeping = true; }
BookkeepingWrite::~BookkeepingWrite() { tl_bookkeeping = previous_; }

std::optional<int64_t> Conn::query_i64(std::string_view sql, const Params& params) {
  std::optional<int64_t> out;
  query(sql, params, [&](const Row& r) {
    if (!out && r.size() > 0 && !r.is_null(0)) out = r.i64(0);
  });
  return out;
}

std::optional<std::string> Conn::query_str(std::string_view sql, const Params& params) {
  std::optional<std::string> out;
  query(sql, params, [&](const Row& r) {
    if (!out && r.size() > 0 && !r.is_null(0)) out = r.str(0);
  });
  return out;
}

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out.push_back('$');
      out += std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Error db_error_to_error(const DbError& e) {
  switch (e.kind) {
    case DbError::Kind::Constraint:
      return Error::conflict("constraint", "Data bertentangan dengan data yang sudah ada.",
                             "The data conflicts with an existing record.");
    case DbError::Kind::Busy:
    case DbError::Kind::Connection: {
      spdlog::warn("database unavailable: {}", e.what());
      Error out = Error::unavailable();
      out.retry_after_seconds = 5;  // a restarting database is usually back within seconds
      return out;
    }
    case DbError::Kind::Other:
      break;
  }
  spdlog::error("database error: {}", e.what());
  return Error::internal();
}

}  // namespace pantau::db
