// SQLite backend. One writer thread owns the only write connection: it takes the write jobs waiting
// in its queue, runs them in one transaction and commits them at once (group commit) with
// synchronous=FULL, so an acknowledged write survives a power cut at nearly no cost; a failing
// job undoes only its own changes (see run_batch).
// The writer also runs WAL checkpoints, so no request ever waits for one. A bulk write
// (db::BulkWrite, an import) runs alone in its transaction, without foreign-key checks.
#include "db/sqlite_db.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "db/bulk.h"
#include "db/rerun.h"

namespace pantau::db {
namespace {

DbError::Kind kind_of(int rc) {
  switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT: return DbError::Kind::Constraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DbError::Kind::Busy;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return DbError::Kind::Connection;
    default: return DbError::Kind::Other;
  }
}

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(sqlite3_stmt* s) : s_(s) {}
  int size() const override { return sqlite3_column_count(s_); }
  bool is_null(int i) const override { return sqlite3_column_type(s_, i) == SQLITE_NULL; }
  int64_t i64(int i) const override { return sqlite3_column_int64(s_, i); }
  double f64(int i) const override { return sqlite3_column_double(s_, i); }
  std::string_view text(int i) const override {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
    return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(s_, i))) : std::string_view();
  }

 private:
  sqlite3_stmt* s_;
};

class SqliteConn final : public Conn {
 public:
  SqliteConn(sqlite3* db) : db_(db) {}
  ~SqliteConn() override {
    for (auto& [_, s] : stmts_) sqlite3_finalize(s);
    sqlite3_close_v2(db_);
  }
  Dialect dialect() const override { return Dialect::SQLite; }
  sqlite3* handle() { return db_; }

  void query(std::string_view sql, const Params& params, const RowFn& on_row) override {
    sqlite3_stmt* s = prepare(sql, params);
    SqliteRow row(s);
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_ROW) {
        on_row(row);
        continue;
      }
      if (rc == SQLITE_DONE) break;
      fail(rc, sql);
    }
    sqlite3_reset(s);
  }
  int64_t exec(std::string_view sql, const Params& params = {}) override {
    sqlite3_stmt* s = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(rc, sql);
    sqlite3_reset(s);
    return sqlite3_changes64(db_);
  }
  int64_t insert(std::string_view sql, const Params& params) override {
    exec(sql, params);
    return sqlite3_last_insert_rowid(db_);
  }
  void before_commit(std::string_view sql, int64_t value) override {
    if (!in_group_) {
      exec(sql, {value});
      return;
    }
    for (auto& d : deferred_)
      if (d.first == sql) {
        d.second = std::min(d.second, value);
        return;
      }
    deferred_.emplace_back(std::string(sql), value);
  }
  // The writer's group: statements given to before_commit wait for run_deferred().
  void begin_group() { in_group_ = true; }
  void run_deferred() {
    in_group_ = false;
    auto todo = std::move(deferred_);
    deferred_.clear();
    for (auto& [sql, value] : todo) exec(sql, {value});
  }
  void drop_deferred() {
    in_group_ = false;
    deferred_.clear();
  }
  void exec_script(std::string_view sql) override {
    char* err = nullptr;
    std::string s(sql);
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
      std::string msg = err ? err : "unknown";
      sqlite3_free(err);
      throw DbError(kind_of(rc), "sqlite: " + msg);
    }
  }

 private:
  [[noreturn]] void fail(int /*rc: the extended code of the connection is more precise*/, std::string_view sql) {
    std::string msg = sqlite3_errmsg(db_);
    // Leave the statement reusable.
    for (auto& [k, s] : stmts_)
      if (k == sql) sqlite3_reset(s);
    throw DbError(kind_of(sqlite3_extended_errcode(db_)), "sqlite: " + msg + " in: " + std::string(sql.substr(0, 200)));
  }
  sqlite3_stmt* prepare(std::string_view sql, const Params& params) {
    auto it = stmts_.find(sql);
    sqlite3_stmt* s;
    if (it == stmts_.end()) {
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s, nullptr);
      if (rc != SQLITE_OK) throw DbError(kind_of(rc), std::string("sqlite prepare: ") + sqlite3_errmsg(db_) + " in: " + std::string(sql.substr(0, 200)));
      stmts_.emplace(std::string(sql), s);
    } else {
      s = it->second;
      sqlite3_reset(s);
    }
    // Every parameter is bound again below, so the old values need no clearing; text is bound
    // without a copy (SQLITE_STATIC): `params` outlives every step of the statement by the caller.
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(s))
      throw DbError(DbError::Kind::Other, "sqlite: parameter count mismatch in: " + std::string(sql.substr(0, 200)));
    for (size_t i = 0; i < params.size(); ++i) {
      int idx = static_cast<int>(i + 1);
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) sqlite3_bind_null(s, idx);
      else if (auto p = std::get_if<int64_t>(&v)) sqlite3_bind_int64(s, idx, *p);
      else if (auto d = std::get_if<double>(&v)) sqlite3_bind_double(s, idx, *d);
      else {
        const auto& str = std::get<std::string>(v);
        sqlite3_bind_text(s, idx, str.data(), static_cast<int>(str.size()), SQLITE_STATIC);
      }
    }
    return s;
  }

  struct SqlHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  sqlite3* db_;
  // Prepared once per connection, found by the SQL text without copying it.
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> stmts_;
  bool in_group_ = false;
  std::vector<std::pair<std::string, int64_t>> deferred_;
};

// pantau_fold(text): core/strings.h fold_name, the name-search folding PostgreSQL also has.
void sqlite_fold(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  const char* t = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  std::string f = fold_name(std::string_view(t ? t : "", static_cast<size_t>(sqlite3_value_bytes(argv[0]))));
  sqlite3_result_text(ctx, f.data(), static_cast<int>(f.size()), SQLITE_TRANSIENT);
}

std::unique_ptr<SqliteConn> open_conn(const std::string& path, bool writer) {
  sqlite3* h = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
  int rc = sqlite3_open_v2(path.c_str(), &h, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = h ? sqlite3_errmsg(h) : "cannot open";
    sqlite3_close_v2(h);
    throw DbError(DbError::Kind::Connection, "sqlite open " + path + ": " + msg);
  }
  auto c = std::make_unique<SqliteConn>(h);
  sqlite3_busy_timeout(h, 5000);
  sqlite3_create_function_v2(h, "pantau_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, sqlite_fold, nullptr,
                             nullptr, nullptr);
  if (writer) {
    c->exec_script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=0;");
  }
  c->exec_script("PRAGMA foreign_keys=ON; PRAGMA cache_size=-16000; PRAGMA temp_store=MEMORY;");
  // Readers map the file. The writer does not: inside a write transaction SQLite reads a page
  // through the map only after looking it up in the WAL's index, on every fetch, whereas a page in
  // its own cache is found there first (the lookups of every submission: region, category, the
  // audit chain's last row, the idempotency key; see docs/PERFORMANCE.md).
  if (!writer) c->exec_script("PRAGMA mmap_size=67108864;");
  return c;
}

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const OpenOptions& opts) : path_(std::move(path)) {
    if (!opts.read_only) {
      writer_conn_ = open_conn(path_, true);
      writer_ = std::thread([this] { writer_loop(); });
    }
    for (int i = 0; i < std::max(1, opts.readers); ++i) readers_.push_back(open_conn(path_, false));
  }
  ~SqliteDatabase() override { close(); }

  Dialect dialect() const override { return Dialect::SQLite; }

  Status read(const ReadFn& fn) override {
    std::unique_ptr<SqliteConn> c;
    {
      std::unique_lock lk(rmu_);
      rcv_.wait(lk, [&] { return !readers_.empty() || closed_; });
      if (closed_) return Error::unavailable("The database is closed.");
      c = std::move(readers_.back());
      readers_.pop_back();
    }
    Status result;
    try {
      // A read snapshot for the whole function.
      c->exec("BEGIN");
      try {
        fn(*c);
      } catch (...) {
        c->exec("ROLLBACK");
        throw;
      }
      c->exec("COMMIT");
    } catch (const DbError& e) {
      result = db_error_to_error(e);
    } catch (const std::exception& e) {
      spdlog::error("read job failed: {}", e.what());
      result = Error::internal();
    }
    {
      std::lock_guard lk(rmu_);
      readers_.push_back(std::move(c));
    }
    rcv_.notify_one();
    return result;
  }

  Status write(const WriteFn& fn) override {
    if (!writer_conn_) return Error::unavailable("The database was opened read-only.");
    Job job{&fn, rerun_allowed(), bookkeeping_write(), bulk_write(), {}};
    auto fut = job.done.get_future();
    {
      std::lock_guard lk(wmu_);
      if (closed_) return Error::unavailable("The database is closed.");
      queue_.push_back(&job);
    }
    wcv_.notify_one();
    return fut.get();
  }

  bool ping() override {
    Status s = read([](Conn& c) { c.query_i64("SELECT 1"); });
    return s.ok();
  }

  void close() override {
    {
      std::lock_guard lk(wmu_);
      if (closed_) return;
      closed_ = true;
    }
    wcv_.notify_all();
    rcv_.notify_all();
    if (writer_.joinable()) writer_.join();
    if (writer_conn_) {
      try {
        writer_conn_->exec_script("PRAGMA wal_checkpoint(TRUNCATE);");
      } catch (const DbError& e) {
        spdlog::warn("final checkpoint: {}", e.what());
      }
    }
    std::lock_guard lk(rmu_);
    readers_.clear();
    writer_conn_.reset();
  }

 private:
  struct Job {
    const WriteFn* fn;
    bool may_rerun;
    bool bookkeeping;  // db::BookkeepingWrite: its commit alone leaves generation() as it is
    bool bulk;         // db::BulkWrite: alone in its transaction, without foreign-key checks
    std::promise<Status> done;
  };

  void writer_loop() {
    std::vector<Job*> batch;
    for (;;) {
      {
        std::unique_lock lk(wmu_);
        wcv_.wait_for(lk, std::chrono::milliseconds(500), [&] { return !queue_.empty() || closed_; });
        if (queue_.empty()) {
          if (closed_) return;
          lk.unlock();
          checkpoint(false);
          continue;
        }
        // A bulk write (db::BulkWrite) is a group of its own: the jobs before it form one, it
        // runs alone, the jobs after it form the next.
        while (!queue_.empty() && batch.size() < 512 && !(queue_.front()->bulk && !batch.empty())) {
          batch.push_back(queue_.front());
          queue_.pop_front();
          if (batch.back()->bulk) break;
        }
      }
      run_batch(batch);
      batch.clear();
      checkpoint(true);
    }
  }

  // A group commit. Jobs that may be re-run (db::RerunAllowed) and a job alone in its group run without a SAVEPOINT
  // each: inside one, SQLite journals every page a statement changes, which was a fifth of the
  // writer's work per submission. If such a job fails, the group is rolled back and run again with
  // a savepoint per job, so the failure undoes only that job's changes (see db::RerunAllowed).
  void run_batch(std::vector<Job*>& batch) {
    if (!foreign_keys_on()) {
      for (auto* j : batch) j->done.set_value(Error::unavailable("The database cannot check its references."));
      return;
    }
    if (batch.size() == 1 && batch[0]->bulk) return run_bulk(*batch[0]);
    std::vector<Status> results(batch.size());
    bool plain = batch.size() == 1 ||
                 std::all_of(batch.begin(), batch.end(), [](const Job* j) { return j->may_rerun; });
    if (plain && run_group(batch, results, false)) return;
    run_group(batch, results, true);
  }

  // Runs the group in one transaction and answers every job; false (nothing answered, nothing
  // written) when a job failed in a group run without savepoints of more than one job.
  bool run_group(std::vector<Job*>& batch, std::vector<Status>& results, bool savepoints) {
    SqliteConn& c = *writer_conn_;
    try {
      c.exec("BEGIN IMMEDIATE");
      c.begin_group();
    } catch (const DbError& e) {
      for (auto* j : batch) j->done.set_value(db_error_to_error(e));
      return true;
    }
    auto run_job = [&](size_t i) {
      try {
        results[i] = (*batch[i]->fn)(c);
      } catch (const DbError& e) {
        results[i] = db_error_to_error(e);
      } catch (const std::exception& e) {
        spdlog::error("write job failed: {}", e.what());
        results[i] = Error::internal();
      }
    };
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!savepoints) {
        run_job(i);
        if (results[i].ok()) continue;
        // Undo the whole group: a lone job is answered with its failure, a larger group is run again.
        c.drop_deferred();
        rollback(c);
        if (batch.size() > 1) return false;
        batch[0]->done.set_value(std::move(results[0]));
        return true;
      }
      try {
        c.exec("SAVEPOINT job");
        run_job(i);
        if (!results[i].ok()) c.exec("ROLLBACK TO job");
        c.exec("RELEASE job");
      } catch (const DbError& e) {
        results[i] = db_error_to_error(e);
      }
    }
    try {
      c.run_deferred();
      c.exec("COMMIT");
    } catch (const DbError& e) {
      c.drop_deferred();
      spdlog::error("group commit failed: {}", e.what());
      rollback(c);
      for (auto* j : batch) j->done.set_value(Error::unavailable("The commit failed."));
      return true;
    }
    pending_frames_ += static_cast<int64_t>(batch.size());
    if (!std::all_of(batch.begin(), batch.end(), [](const Job* j) { return j->bookkeeping; })) committed();
    for (size_t i = 0; i < batch.size(); ++i) batch[i]->done.set_value(std::move(results[i]));
    return true;
  }

  // A bulk write: foreign keys OFF for its transaction (PRAGMA foreign_keys is a no-op inside one),
  // ON again before the next job, committed or not.
  void run_bulk(Job& job) {
    SqliteConn& c = *writer_conn_;
    foreign_keys_off_ = true;  // on again below, or before the next job
    try {
      c.exec("PRAGMA foreign_keys = OFF");
    } catch (const DbError& e) {  // then it runs with the checks, as any write
      spdlog::warn("bulk write with foreign-key checks: {}", e.what());
    }
    std::vector<Job*> alone{&job};
    std::vector<Status> result(1);
    run_group(alone, result, false);  // answers the job; the caller's next write waits for this thread
    if (!foreign_keys_on()) spdlog::error("foreign keys could not be switched on again after a bulk write; writes refused until they are");
  }

  // Whether the writer's foreign-key checks are on, switching them on if they are not (after a
  // bulk write).
  bool foreign_keys_on() {
    if (!foreign_keys_off_) return true;
    SqliteConn& c = *writer_conn_;
    try {
      rollback(c);  // a transaction left open would make the PRAGMA a no-op
      c.exec("PRAGMA foreign_keys = ON");
      foreign_keys_off_ = c.query_i64("PRAGMA foreign_keys").value_or(0) != 1;
    } catch (const DbError& e) {
      spdlog::error("foreign keys on: {}", e.what());
    }
    return !foreign_keys_off_;
  }

  static void rollback(SqliteConn& c) {
    // Some errors (a full disk, an I/O error) have rolled the transaction back already.
    if (sqlite3_get_autocommit(c.handle())) return;
    try {
      c.exec("ROLLBACK");
    } catch (const DbError& e) {
      spdlog::warn("rollback: {}", e.what());
    }
  }

  void checkpoint(bool busy) {
    // Checkpoint when idle, or when the WAL has grown large even under load.
    if (pending_frames_ == 0 || (busy && pending_frames_ < 5000)) return;
    int log = 0, ckpt = 0;
    int rc = sqlite3_wal_checkpoint_v2(writer_conn_->handle(), nullptr,
                                       busy ? SQLITE_CHECKPOINT_PASSIVE : SQLITE_CHECKPOINT_TRUNCATE, &log, &ckpt);
    if (rc == SQLITE_OK) pending_frames_ = 0;
  }

  std::string path_;
  std::unique_ptr<SqliteConn> writer_conn_;
  std::thread writer_;
  std::mutex wmu_;
  std::condition_variable wcv_;
  std::deque<Job*> queue_;
  int64_t pending_frames_ = 0;
  bool foreign_keys_off_ = false;  // after a bulk write, until switched on again

  std::mutex rmu_;
  std::condition_variable rcv_;
  std::vector<std::unique_ptr<SqliteConn>> readers_;
  std::atomic<bool> closed_{false};
};

}  // namespace

Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, const OpenOptions& opts) {
  try {
    return std::unique_ptr<Database>(new SqliteDatabase(path, opts));
  } catch (const DbError& e) {
    return Error::make(ErrorKind::Unavailable, "db.open", "Basis data tidak dapat dibuka.", e.what());
  }
}

}  // namespace pantau::db
