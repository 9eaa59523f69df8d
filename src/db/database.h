// The storage interface. Two real backends implement it: SQLite (embedded default: one writer
// thread with group commit, a pool of readers) and PostgreSQL (libpq connection pool).
//
// SQL is written once with `?` placeholders and run on both; the PostgreSQL backend rewrites
// them to $1..$n. Times are ISO-8601 UTC text, booleans 0/1 integers, money int64 rupiah.
//
// Threading: read() and write() may be called from any worker thread and block until done.
// write() returns only after the transaction is durably committed (synchronous=FULL on SQLite).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.h"

namespace pantau::db {

enum class Dialect { SQLite, Postgres };

using Value = std::variant<std::monostate, int64_t, double, std::string>;
using Params = std::vector<Value>;

// A failure inside the database (constraint, connection, syntax). Thrown inside jobs and
// turned into an Error by read()/write(); it never crosses a module boundary.
struct DbError : std::runtime_error {
  enum class Kind { Constraint, Busy, Connection, Other };
  Kind kind;
  DbError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
};

bool replica_reads_allowed();

class Row {
 public:
  virtual ~Row() = default;
  virtual int size() const = 0;
  virtual bool is_null(int i) const = 0;
  virtual int64_t i64(int i) const = 0;
  virtual double f64(int i) const = 0;
  virtual std::string_view text(int i) const = 0;
  std::string str(int i) const { return std::string(text(i)); }
  std::optional<int64_t> opt_i64(int i) const { return is_null(i) ? std::nullopt : std::optional(i64(i)); }
  std::optional<std::string> opt_str(int i) const { return is_null(i) ? std::nullopt : std::optional(str(i)); }
  std::optional<double> opt_f64(int i) const { return is_null(i) ? std::nullopt : std::optional(f64(i)); }
};

using RowFn = std::function<void(const Row&)>;

class Conn {
 public:
  virtual ~Conn() = default;
  virtual Dialect dialect() const = 0;
  virtual void query(std::string_view sql, const Params& params, const RowFn& on_row) = 0;
  // Runs a statement; returns the number of rows changed.
  virtual int64_t exec(std::string_view sql, const Params& params = {}) = 0;
  // Runs an INSERT into a table with an integer `id` key and returns the new id.
  virtual int64_t insert(std::string_view sql, const Params& params) = 0;
  // Runs several statements without parameters (migrations).
  virtual void exec_script(std::string_view sql) = 0;
  // Runs `sql`, a statement with one integer parameter, once before the transaction commits, with
  // the smallest `value` any caller gave it in that transaction; the SQLite writer runs it once per
  // group commit. For work that is much cheaper done once for many rows than once per row (FTS5
  // writes an index segment at the end of every statement that left rows pending). Runs at once
  // where no commit is pending (PostgreSQL, a read connection).
  virtual void before_commit(std::string_view sql, int64_t value) { exec(sql, {value}); }

  std::optional<int64_t> query_i64(std::string_view sql, const Params& params = {});
  std::optional<std::string> query_str(std::string_view sql, const Params& params = {});
};

using ReadFn = std::function<void(Conn&)>;
using WriteFn = std::function<Status(Conn&)>;

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // Runs fn on a read connection. Database failures become an Unavailable/Internal Error.
  virtual Status read(const ReadFn& fn) = 0;
  // Runs fn inside a transaction; commits if it returns ok, rolls back its changes otherwise.
  // Returns after the commit is durable.
  virtual Status write(const WriteFn& fn) = 0;
  // Database reachable and answering (for /readyz).
  virtual bool ping() = 0;
  // A number that grows after every committed write (the commit is visible to readers before the
  // number changes). Read it before reading data to cache an answer; the answer stays valid while
  // the number is the same. On SQLite it counts this process's writes. On PostgreSQL, opened with
  // OpenOptions::listen, it also grows when another process (another server instance, a
  // command-line tool) commits a write: every write transaction sends NOTIFY pantau_changes and a
  // listening connection picks it up, usually within milliseconds; while that connection is down
  // the number grows continually, so nothing is served from a cache.
  //
  // A request allowed to read from a replica (ReplicaReads) sees its own series of numbers, so
  // answers cached from replica data are never served to a request that must read the primary.
  uint64_t generation() const {
    return generation_.load(std::memory_order_acquire) + (replica_reads_allowed() ? (uint64_t{1} << 62) : 0);
  }
  // Details for /readyz and the operator log (e.g. the change listener, a replica and its lag).
  struct Health {
    bool listening = true;               // PostgreSQL: change notifications arrive
    bool replica_configured = false;
    bool replica_ok = false;
    double replica_lag_seconds = -1;     // -1: unknown
    int64_t replica_reads = 0;           // read transactions served by the replica so far
  };
  virtual Health health() { return {}; }
  virtual void close() = 0;

  // Typed conveniences over read/write.
  template <class T>
  Result<T> read_value(const std::function<Result<T>(Conn&)>& fn) {
    std::optional<Result<T>> out;
    Status s = read([&](Conn& c) { out.emplace(fn(c)); });
    if (!s.ok()) return s.error();
    return std::move(*out);
  }
  template <class T>
  Result<T> write_value(const std::function<Result<T>(Conn&)>& fn) {
    std::optional<Result<T>> out;
    Status s = write([&](Conn& c) -> Status {
      out.emplace(fn(c));
      if (!out->ok()) return out->error();
      return {};
    });
    if (!s.ok()) return s.error();
    return std::move(*out);
  }

 protected:
  void committed() { generation_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  std::atomic<uint64_t> generation_{0};
};

// Marks the reads of the current thread (one request's handler) as allowed to come from a
// streaming replica, when one is configured and close enough behind the primary. The HTTP layer
// sets it for read-heavy GETs (dashboards, maps, recaps, search) of users who wrote nothing in
// the last seconds (read-your-writes); everything else reads the primary.
bool replica_reads_allowed();
class ReplicaReads {
 public:
  explicit ReplicaReads(bool allow);
  ~ReplicaReads();
  ReplicaReads(const ReplicaReads&) = delete;
  ReplicaReads& operator=(const ReplicaReads&) = delete;

 private:
  bool previous_;
};

struct OpenOptions {
  int readers = 4;          // SQLite reader connections / PostgreSQL pool size
  bool read_only = false;   // open without the writer (tools such as audit verify)
  bool listen = false;      // PostgreSQL: follow other processes' writes (see generation())
  std::string replica;      // PostgreSQL: URL of a streaming hot standby for ReplicaReads
  double replica_max_lag_seconds = 5;  // a replica further behind is not read from
};

// Opens "postgresql://..." / "postgres://..." with libpq, anything else as an SQLite file.
Result<std::unique_ptr<Database>> open_database(const std::string& url, const OpenOptions& opts = {});

// Rewrites ? placeholders (outside quotes) to $1..$n.
std::string to_postgres_placeholders(std::string_view sql);
// Maps a DbError from inside a job to an Error for the caller.
Error db_error_to_error(const DbError& e);

}  // namespace pantau::db
