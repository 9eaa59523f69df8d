// PostgreSQL backend through libpq: a small pool of connections (about 2x cores; more only adds
// context switches), statements prepared once per connection, text results.
#include "db/postgres_db.h"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <mutex>
#include <unordered_map>

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
  void reset() {
    PQreset(c_);
    prepared_.clear();
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
  void exec_script(std::string_view sql) override {
    std::string s(sql);
    ResultGuard g{PQexec(c_, s.c_str())};
    check(g.r, sql);
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
    else if (code.rfind("08", 0) == 0 || PQstatus(c_) != CONNECTION_OK) k = DbError::Kind::Connection;
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

class PgDatabase final : public Database {
 public:
  PgDatabase(const std::string& url, int size) {
    for (int i = 0; i < size; ++i) {
      PGconn* c = PQconnectdb(url.c_str());
      if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(c);
        PQfinish(c);
        throw DbError(DbError::Kind::Connection, "postgres connect: " + msg);
      }
      auto conn = std::make_unique<PgConn>(c);
      conn->exec_script("SET client_min_messages TO WARNING; SET TIME ZONE 'UTC'");
      pool_.push_back(std::move(conn));
    }
  }
  ~PgDatabase() override { close(); }
  Dialect dialect() const override { return Dialect::Postgres; }

  Status read(const ReadFn& fn) override {
    return with_conn([&](PgConn& c) -> Status {
      c.exec_script("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
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
        c.exec_script("BEGIN");
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
        c.exec_script("COMMIT");
        committed();
        return {};
      });
      if (!retry) return s;
    }
  }

  bool ping() override { return read([](Conn& c) { c.query_i64("SELECT 1"); }).ok(); }

  void close() override {
    std::lock_guard lk(mu_);
    closed_ = true;
    pool_.clear();
    cv_.notify_all();
  }

 private:
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
};

}  // namespace

Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const OpenOptions& opts) {
  try {
    return std::unique_ptr<Database>(new PgDatabase(url, std::max(1, opts.readers)));
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
