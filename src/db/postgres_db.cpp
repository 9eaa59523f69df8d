// PostgreSQL backend through libpq: a small pool of connections (about 2x cores; more only adds
// context switches), statements prepared once per connection, text results.
#include "db/postgres_db.h"

#include <libpq-fe.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <poll.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "db/rerun.h"
#include "db/sqlite_db.h"

namespace pantau::db {
namespace {

class PgRow final : public Row {
 public:
  PgRow(PGresult* r, int row) : r_(r), row_(row) {}
  int size() const override { return PQnfields(r_); }
  bool is_null(int i) const override { return PQgetisnull(r_, row_, i); }
  int64_t i64(int i) const override {
    auto t = text(i);
    int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
  double f64(int i) const override { return std::strtod(PQgetvalue(r_, row_, i), nullptr); }
  std::string_view text(int i) const override {
    return std::string_view(PQgetvalue(r_, row_, i), static_cast<size_t>(PQgetlength(r_, row_, i)));
  }

 private:
  PGresult* r_;
  int row_;
};

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

class PgConn final : public Conn {
 public:
  explicit PgConn(PGconn* c) : c_(c) {}
  ~PgConn() override { PQfinish(c_); }
  Dialect dialect() const override { return Dialect::Postgres; }
  bool healthy() const { return PQstatus(c_) == CONNECTION_OK; }
  // Session settings every connection needs (again after a reconnect).
  void init() { exec_script("SET client_min_messages TO WARNING; SET TIME ZONE 'UTC'"); }
  // Reconnects a broken connection (the server restarted, the network dropped).
  void reset() {
    PQreset(c_);
    prepared_.clear();
    if (healthy()) {
      try {
        init();
      } catch (const DbError&) {
      }
    }
  }

  void query(std::string_view sql, const Params& params, const RowFn& on_row) override {
    ResultGuard g{run(sql, params)};
    int n = PQntuples(g.r);
    for (int i = 0; i < n; ++i) {
      PgRow row(g.r, i);
      on_row(row);
    }
  }
  int64_t exec(std::string_view sql, const Params& params = {}) override {
    ResultGuard g{run(sql, params)};
    const char* n = PQcmdTuples(g.r);
    return n && *n ? std::strtoll(n, nullptr, 10) : 0;
  }
  int64_t insert(std::string_view sql, const Params& params) override {
    std::string s(sql);
    s += " RETURNING id";
    ResultGuard g{run(s, params)};
    if (PQntuples(g.r) < 1) throw DbError(DbError::Kind::Other, "postgres: insert returned no id");
    return std::strtoll(PQgetvalue(g.r, 0, 0), nullptr, 10);
  }
  // COPY `target` FROM STDIN with the rows of `values` (`columns` cells a row) in COPY's text
  // format, inside the current transaction. A constraint failure throws as exec() does.
  void copy_in(std::string_view target, size_t columns, const Params& values) {
    std::string sql = "COPY " + std::string(target) + " FROM STDIN";
    PGresult* r = PQexec(c_, sql.c_str());
    if (PQresultStatus(r) != PGRES_COPY_IN) check(r, sql);  // throws
    PQclear(r);
    std::string buf;
    buf.reserve(1 << 20);
    bool sent = true;
    auto send = [&] {
      if (sent && !buf.empty()) sent = PQputCopyData(c_, buf.data(), static_cast<int>(buf.size())) == 1;
      buf.clear();
    };
    for (size_t i = 0; i < values.size(); ++i) {
      const Value& v = values[i];
      if (std::holds_alternative<std::monostate>(v)) buf += "\\N";
      else if (auto p = std::get_if<int64_t>(&v)) {
        char tmp[24];
        auto [e, ec] = std::to_chars(tmp, tmp + sizeof tmp, *p);
        buf.append(tmp, e);
      } else if (auto d = std::get_if<double>(&v)) {
        char tmp[64];
        auto [e, ec] = std::to_chars(tmp, tmp + sizeof tmp, *d);
        buf.append(tmp, e);
      } else {
        for (char ch : std::get<std::string>(v)) {
          switch (ch) {
            case '\\': buf += "\\\\"; break;
            case '\t': buf += "\\t"; break;
            case '\n': buf += "\\n"; break;
            case '\r': buf += "\\r"; break;
            default: buf += ch;
          }
        }
      }
      buf += (i + 1) % columns == 0 ? '\n' : '\t';
      if (buf.size() > (1 << 20)) send();
    }
    send();
    const char* failure = sent ? nullptr : "sending the rows failed";
    if (PQputCopyEnd(c_, failure) != 1) throw DbError(DbError::Kind::Connection, std::string("postgres copy: ") + PQerrorMessage(c_));
    std::optional<DbError> error;
    while (PGresult* res = PQgetResult(c_)) {
      try {
        check(res, sql);
        PQclear(res);
      } catch (const DbError& e) {
        if (!error) error = e;
      }
    }
    if (error) throw *error;
  }
  void exec_script(std::string_view sql) override {
    std::string s(sql);
    PGresult* r = PQexec(c_, s.c_str());
    check(r, sql);  // frees r when it throws
    PQclear(r);
  }

 private:
  void check(PGresult* r, std::string_view sql) {
    auto st = PQresultStatus(r);
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
    std::string msg = PQresultErrorMessage(r);
    std::string code = state ? state : "";
    DbError::Kind k = DbError::Kind::Other;
    if (code.rfind("23", 0) == 0) k = DbError::Kind::Constraint;
    else if (code == "40001" || code == "40P01" || code == "55P03") k = DbError::Kind::Busy;
    // 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
    else if (code.rfind("08", 0) == 0 || code.rfind("57P0", 0) == 0 || PQstatus(c_) != CONNECTION_OK)
      k = DbError::Kind::Connection;
    PQclear(r);
    throw DbError(k, "postgres " + code + ": " + msg + " in: " + std::string(sql.substr(0, 200)));
  }

  PGresult* run(std::string_view sql, const Params& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    std::string name;
    if (it == prepared_.end()) {
      name = "s";
      name += std::to_string(prepared_.size() + 1);
      std::string pg = to_postgres_placeholders(sql);
      PGresult* r = PQprepare(c_, name.c_str(), pg.c_str(), 0, nullptr);
      check(r, sql);
      PQclear(r);
      prepared_.emplace(key, name);
    } else {
      name = it->second;
    }
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::monostate>(v)) {
        values[i] = nullptr;
        continue;
      }
      if (auto p = std::get_if<int64_t>(&v)) storage[i] = std::to_string(*p);
      else if (auto d = std::get_if<double>(&v)) {
        char buf[64];
        auto [e, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        storage[i] = std::string(buf, e);
      } else storage[i] = std::get<std::string>(v);
      values[i] = storage[i].c_str();
    }
    PGresult* r = PQexecPrepared(c_, name.c_str(), static_cast<int>(params.size()), values.data(),
                                 nullptr, nullptr, 0);
    check(r, sql);
    return r;
  }

  PGconn* c_;
  std::unordered_map<std::string, std::string> prepared_;
};

// The channel every write transaction notifies; the payload is not used.
constexpr const char* kChangesChannel = "pantau_changes";

// Follows the writes of other processes: a connection of its own LISTENs on kChangesChannel and
// calls `changed` for each notification. While the connection is down it calls `changed` every
// quarter second (nothing may be served from a cache that could miss a change) and reconnects.
class ChangeListener {
 public:
  ChangeListener(std::string url, std::function<void()> changed)
      : url_(std::move(url)), changed_(std::move(changed)), thread_([this] { run(); }) {}
  ~ChangeListener() { stop(); }
  void stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  bool listening() const { return listening_; }

 private:
  void run() {
    PGconn* c = nullptr;
    bool warned = false;
    while (!stop_) {
      if (!c || PQstatus(c) != CONNECTION_OK) {
        if (c) PQfinish(c);
        c = nullptr;
        if (listening_) spdlog::warn("change notifications from other instances lost; caches are bypassed until they return");
        listening_ = false;
        changed_();
        c = PQconnectdb(url_.c_str());
        if (PQstatus(c) == CONNECTION_OK) {
          PGresult* r = PQexec(c, (std::string("LISTEN ") + kChangesChannel).c_str());
          bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
          PQclear(r);
          if (ok) {
            listening_ = true;
            warned = false;
            changed_();  // whatever happened while not listening
            spdlog::info("following changes of other instances (LISTEN {})", kChangesChannel);
            continue;
          }
        }
        if (!warned) spdlog::warn("cannot listen for changes: {}", c ? PQerrorMessage(c) : "no connection");
        warned = true;
        if (c) PQfinish(c);
        c = nullptr;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        continue;
      }
      pollfd p{PQsocket(c), POLLIN, 0};
      int n = ::poll(&p, 1, 250);
      if (n < 0) continue;
      if (n > 0 && !PQconsumeInput(c)) continue;  // the connection broke: reconnect above
      bool any = false;
      while (PGnotify* note = PQnotifies(c)) {
        any = true;
        PQfreemem(note);
      }
      if (any) changed_();
    }
    if (c) PQfinish(c);
  }

  std::string url_;
  std::function<void()> changed_;
  std::atomic<bool> stop_{false};
  std::atomic<bool> listening_{false};
  std::thread thread_;
};

class PgDatabase final : public Database {
 public:
  PgDatabase(const std::string& url, int size, bool listen, std::string replica_url = {}, double max_lag = 5)
      : size_(size), replica_url_(std::move(replica_url)), max_lag_(max_lag) {
    for (int i = 0; i < size; ++i) {
      PGconn* c = PQconnectdb(url.c_str());
      if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(c);
        PQfinish(c);
        throw DbError(DbError::Kind::Connection, "postgres connect: " + msg);
      }
      auto conn = std::make_unique<PgConn>(c);
      conn->init();
      pool_.push_back(std::move(conn));
    }
    if (listen) listener_ = std::make_unique<ChangeListener>(url, [this] { committed(); });
    if (!replica_url_.empty()) replica_monitor_ = std::thread([this] { watch_replica(); });
  }
  ~PgDatabase() override { close(); }
  Dialect dialect() const override { return Dialect::Postgres; }

  Health health() override {
    Health h;
    h.listening = !listener_ || listener_->listening();
    if (!replica_url_.empty()) {
      h.replica_configured = true;
      h.replica_ok = replica_ok_;
      h.replica_lag_seconds = replica_lag_;
      h.replica_reads = replica_reads_;
    }
    return h;
  }

  Status read(const ReadFn& fn) override {
    // A read-heavy answer may come from the replica while it follows closely; if the replica
    // cannot be reached before anything was read, the primary answers instead.
    if (replica_reads_allowed() && replica_ok_) {
      std::shared_ptr<PgDatabase> r;
      {
        std::lock_guard lk(replica_mu_);
        r = replica_;
      }
      if (r) {
        bool started = false;
        Status s = r->read([&](Conn& c) {
          started = true;
          fn(c);
        });
        if (s.ok()) {
          ++replica_reads_;
          return s;
        }
        if (s.error().kind == ErrorKind::Unavailable) {
          if (replica_ok_.exchange(false)) spdlog::warn("read replica unreachable: reading from the primary");
        }
        if (started) return s;
      }
    }
    return read_here(fn);
  }

  Status read_here(const ReadFn& fn) {
    return with_conn([&](PgConn& c) -> Status {
      begin(c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        fn(c);
      } catch (...) {
        rollback(c);
        throw;
      }
      c.exec_script("COMMIT");
      return {};
    });
  }

  Status write(const WriteFn& fn) override {
    // A serialization failure or deadlock is retried; anything else is returned.
    for (int attempt = 0;; ++attempt) {
      bool retry = false;
      Status s = with_conn([&](PgConn& c) -> Status {
        begin(c, "BEGIN");
        Status r;
        try {
          r = fn(c);
        } catch (const DbError& e) {
          rollback(c);
          if (e.kind == DbError::Kind::Busy && attempt < 3) {
            retry = true;
            return {};
          }
          throw;
        } catch (...) {
          rollback(c);
          throw;
        }
        if (!r.ok()) {
          rollback(c);
          return r;
        }
        // Other instances learn of the change when it commits (their caches, sessions included);
        // bookkeeping (db::BookkeepingWrite) changes nothing they show.
        if (bookkeeping_write()) {
          c.exec_script("COMMIT");
          return {};
        }
        c.exec_script(std::string("NOTIFY ") + kChangesChannel + "; COMMIT");
        committed();
        return {};
      });
      if (!retry) return s;
    }
  }

  bool ping() override { return read([](Conn& c) { c.query_i64("SELECT 1"); }).ok(); }

  void close() override {
    if (listener_) listener_->stop();
    if (replica_monitor_.joinable()) {
      {
        std::lock_guard lk(replica_mu_);
        replica_stop_ = true;
      }
      replica_cv_.notify_all();
      replica_monitor_.join();
      std::lock_guard lk(replica_mu_);
      if (replica_) replica_->close();
      replica_.reset();
    }
    std::lock_guard lk(mu_);
    closed_ = true;
    pool_.clear();
    cv_.notify_all();
  }

 private:
  // Starts a transaction. A pooled connection whose server went away (a restart) fails here,
  // before anything was done: it is reconnected and the BEGIN tried once more.
  static void begin(PgConn& c, const char* sql) {
    try {
      c.exec_script(sql);
    } catch (const DbError& e) {
      if (e.kind != DbError::Kind::Connection && c.healthy()) throw;
      c.reset();
      c.exec_script(sql);
    }
  }

  static void rollback(PgConn& c) {
    try {
      c.exec_script("ROLLBACK");
    } catch (...) {
    }
  }

  Status with_conn(const std::function<Status(PgConn&)>& fn) {
    std::unique_ptr<PgConn> c;
    {
      std::unique_lock lk(mu_);
      cv_.wait(lk, [&] { return !pool_.empty() || closed_; });
      if (closed_) return Error::unavailable("The database is closed.");
      c = std::move(pool_.back());
      pool_.pop_back();
    }
    if (!c->healthy()) c->reset();
    Status result;
    try {
      result = fn(*c);
    } catch (const DbError& e) {
      if (!c->healthy()) c->reset();
      result = db_error_to_error(e);
    } catch (const std::exception& e) {
      spdlog::error("postgres job failed: {}", e.what());
      result = Error::internal();
    }
    {
      std::lock_guard lk(mu_);
      if (!closed_) pool_.push_back(std::move(c));
    }
    cv_.notify_one();
    return result;
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<PgConn>> pool_;
  bool closed_ = false;
  std::unique_ptr<ChangeListener> listener_;

  // "16/B374D848" -> a comparable number.
  static uint64_t parse_lsn(std::string_view t) {
    auto slash = t.find('/');
    if (slash == std::string_view::npos) return 0;
    uint64_t hi = 0, lo = 0;
    std::from_chars(t.data(), t.data() + slash, hi, 16);
    std::from_chars(t.data() + slash + 1, t.data() + t.size(), lo, 16);
    return (hi << 32) | lo;
  }

  // The replica: connected (and reconnected) by a monitor thread that measures its lag every
  // second; read from only while it streams from the primary and is at most max_lag_ behind.
  // The lag is measured against the primary's own WAL position: every second the primary's
  // current position is noted with the time; the lag is the age of the oldest noted position
  // the replica has not replayed yet (0 when it has replayed them all). An idle primary thus
  // means no lag, and a replica that stops replaying shows a growing one.
  void watch_replica() {
    bool was_ok = false, first = true;
    auto last_report = std::chrono::steady_clock::now() - std::chrono::minutes(10);
    std::deque<std::pair<uint64_t, std::chrono::steady_clock::time_point>> noted;
    std::unique_lock lk(replica_mu_);
    while (!replica_stop_) {
      std::shared_ptr<PgDatabase> r = replica_;
      lk.unlock();
      if (!r) {
        try {
          r = std::make_shared<PgDatabase>(replica_url_, std::max(1, size_ / 2), false);
          std::lock_guard g(replica_mu_);
          replica_ = r;
        } catch (const DbError& e) {
          if (first) spdlog::warn("read replica not reachable: {}", e.what());
        }
      }
      auto now = std::chrono::steady_clock::now();
      std::optional<std::string> primary_lsn;
      (void)read_here([&](Conn& c) { primary_lsn = c.query_str("SELECT pg_current_wal_lsn()::text"); });
      if (primary_lsn) {
        noted.emplace_back(parse_lsn(*primary_lsn), now);
        if (noted.size() > 600) noted.pop_front();
      }
      bool streaming = false;
      double lag = -1;
      if (r) {
        std::string replayed;
        Status s = r->read_here([&](Conn& c) {
          c.query("SELECT pg_is_in_recovery()::int, "
                  "(SELECT count(*) FROM pg_stat_wal_receiver WHERE pid IS NOT NULL), "
                  "COALESCE(pg_last_wal_replay_lsn()::text, '')",
                  {}, [&](const Row& row) {
                    streaming = row.i64(0) == 1 && row.i64(1) > 0;
                    replayed = row.str(2);
                  });
        });
        if (!s.ok() || replayed.empty()) {
          streaming = false;
        } else {
          uint64_t at = parse_lsn(replayed);
          while (!noted.empty() && noted.front().first <= at) noted.pop_front();
          lag = noted.empty() ? 0.0 : std::chrono::duration<double>(now - noted.front().second).count();
        }
      }
      bool ok = streaming && lag >= 0 && lag <= max_lag_;
      replica_lag_ = streaming ? lag : -1;
      replica_ok_ = ok;
      if (ok != was_ok || first) {
        if (ok) spdlog::info("read replica in use (lag {:.1f} s)", lag);
        else spdlog::warn("read replica not used ({}): reading from the primary",
                          !r ? "unreachable" : !streaming ? "not streaming from the primary" : fmt::format("lag {:.1f} s", lag));
        last_report = now;
      } else if (ok && now - last_report > std::chrono::minutes(1)) {
        spdlog::info("read replica lag {:.1f} s", lag);
        last_report = now;
      }
      was_ok = ok;
      first = false;
      lk.lock();
      replica_cv_.wait_for(lk, std::chrono::seconds(1), [&] { return replica_stop_; });
    }
  }

  int size_ = 1;
  std::string replica_url_;
  double max_lag_ = 5;
  std::mutex replica_mu_;
  std::condition_variable replica_cv_;
  bool replica_stop_ = false;
  std::shared_ptr<PgDatabase> replica_;
  std::thread replica_monitor_;
  std::atomic<bool> replica_ok_{false};
  std::atomic<double> replica_lag_{-1};
  std::atomic<int64_t> replica_reads_{0};
};

}  // namespace

bool copy_in(Conn& c, std::string_view target, size_t columns, const Params& values) {
  auto* pg = dynamic_cast<PgConn*>(&c);
  if (!pg) return false;
  if (columns > 0 && !values.empty()) pg->copy_in(target, columns, values);
  return true;
}

Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const OpenOptions& opts) {
  try {
    return std::unique_ptr<Database>(new PgDatabase(url, std::max(1, opts.readers), opts.listen, opts.replica, opts.replica_max_lag_seconds));
  } catch (const DbError& e) {
    return Error::make(ErrorKind::Unavailable, "db.open", "Basis data tidak dapat dihubungi.", e.what());
  }
}

Result<std::unique_ptr<Database>> open_database(const std::string& url, const OpenOptions& opts) {
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
    return open_postgres(url, opts);
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  return open_sqlite(path, opts);
}

}  // namespace pantau::db
