#include "auth/sessions.h"

#include <fmt/format.h>

#include <atomic>

#include "audit/audit.h"
#include "auth/password.h"
#include "auth/roles.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "db/rerun.h"
#include "http/json.h"

namespace pantau::auth {
namespace {

Error invalid_credentials() {
  return Error::make(ErrorKind::Unauthorized, "auth.invalid_credentials",
                     "Nama pengguna atau kata sandi salah.", "Wrong username or password.");
}

// Columns of a Principal, read by one query shape from users + org_units + regions.
constexpr const char* kPrincipalSelect =
    "SELECT u.id, u.username, u.role, u.org_unit_id, o.region_code, u.clearance, u.full_name, u.email, "
    "o.name, o.kind, COALESCE(r.name, ''), u.disabled ";
constexpr const char* kPrincipalFrom =
    "FROM users u JOIN org_units o ON o.id = u.org_unit_id LEFT JOIN regions r ON r.code = o.region_code ";

Principal principal_from_row(const db::Row& r, int base = 0) {
  Principal p;
  p.scope.user_id = r.i64(base + 0);
  p.scope.username = r.str(base + 1);
  p.scope.role = r.str(base + 2);
  p.scope.org_unit_id = r.i64(base + 3);
  p.scope.region_code = r.str(base + 4);
  p.scope.clearance = static_cast<int>(r.i64(base + 5));
  p.full_name = r.str(base + 6);
  p.email = r.str(base + 7);
  p.org_unit_name = r.str(base + 8);
  p.org_unit_kind = r.str(base + 9);
  p.region_name = r.str(base + 10);
  if (p.scope.region_code.empty()) p.region_name = "Nasional";
  return p;
}

}  // namespace

Sessions::Sessions(db::Database& db, const Config& cfg, const TimeSource& clock)
    : db_(db), cfg_(cfg), clock_(clock) {}

bool Sessions::throttle(const std::string& ip) {
  std::lock_guard lk(mu_);
  auto now = std::chrono::steady_clock::now();
  if (attempts_.size() > 100000) attempts_.clear();  // bounded memory under a flood
  auto& w = attempts_[ip];
  if (now - w.start > std::chrono::minutes(1)) {
    w.start = now;
    w.count = 0;
  }
  return ++w.count > cfg_.login_attempts_per_minute_per_ip;
}

namespace {
// Password checks are slow on purpose (Argon2id). A burst of log-ins must not occupy every
// handler thread and stall the rest of the API: past a few waiting, answer "busy" at once.
std::atomic<int> logins_in_progress{0};
constexpr int kMaxConcurrentLogins = 6;
struct LoginSlot {
  bool ok;
  LoginSlot() : ok(++logins_in_progress <= kMaxConcurrentLogins) {}
  ~LoginSlot() { --logins_in_progress; }
};
}  // namespace

Result<Sessions::LoginOk> Sessions::login(std::string_view username_in, std::string_view password,
                                         const std::string& ip, const std::string& user_agent) {
  LoginSlot slot;
  if (!slot.ok) {
    Error e = Error::make(ErrorKind::Unavailable, "auth.busy", "Banyak yang sedang masuk. Coba lagi beberapa detik lagi.",
                          "Many people are logging in. Try again in a few seconds.");
    e.retry_after_seconds = 2;
    return e;
  }
  if (throttle(ip)) {
    Error e = Error::make(ErrorKind::TooManyRequests, "auth.throttled",
                          "Terlalu banyak percobaan masuk. Tunggu satu menit.",
                          "Too many log-in attempts. Wait a minute.");
    e.retry_after_seconds = 60;
    return e;
  }
  std::string username = to_lower_ascii(trim(username_in));
  struct Found {
    int64_t id = 0;
    std::string hash, locked_until, region;
    int64_t failed = 0;
    bool disabled = false;
  };
  std::optional<Found> found;
  Status s = db_.read([&](db::Conn& c) {
    c.query("SELECT u.id, u.password_hash, COALESCE(u.locked_until, ''), u.failed_logins, u.disabled, o.region_code "
            "FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.username = ?",
            {username}, [&](const db::Row& r) {
              found = Found{r.i64(0), r.str(1), r.str(2), r.str(5), r.i64(3), r.i64(4) != 0};
            });
  });
  if (!s.ok()) return s.error();
  if (!found) {
    burn_verify_time(password);
    return invalid_credentials();
  }
  auto now = clock_.now();
  std::string now_s = format_iso(now);
  if (!found->locked_until.empty() && found->locked_until > now_s) {
    auto until = parse_iso(found->locked_until).value_or(now);
    int secs = static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(until - now).count()) + 1;
    Error e = Error::make(ErrorKind::Locked, "auth.locked",
                          fmt::format("Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam {} menit.", (secs + 59) / 60),
                          fmt::format("The account is temporarily locked after too many failed attempts. Try again in {} minutes.", (secs + 59) / 60));
    e.retry_after_seconds = secs;
    return e;
  }
  if (!verify_password(found->hash, password)) {
    bool lock = found->failed + 1 >= cfg_.login_max_failures;
    std::string until = format_iso(now + std::chrono::minutes(cfg_.lockout_minutes));
    Status w = db_.write([&](db::Conn& c) -> Status {
      c.exec("UPDATE users SET failed_logins = failed_logins + 1, locked_until = ? WHERE id = ?",
             {lock ? db::Value(until) : db::Value(std::monostate{}), found->id});
      if (lock) {
        audit::append(c, Scope::system(), {"lock", "user", std::to_string(found->id), found->region, 0, std::nullopt,
                                           json::object("reason", "failed_logins", "locked_until", until)});
      }
      return {};
    });
    if (!w.ok()) return w.error();
    if (lock) {
      Error e = Error::make(ErrorKind::Locked, "auth.locked",
                            fmt::format("Akun dikunci sementara karena terlalu banyak percobaan gagal. Coba lagi dalam {} menit.", cfg_.lockout_minutes),
                            fmt::format("The account is temporarily locked after too many failed attempts. Try again in {} minutes.", cfg_.lockout_minutes));
      e.retry_after_seconds = cfg_.lockout_minutes * 60;
      return e;
    }
    return invalid_credentials();
  }
  if (found->disabled)
    return Error::make(ErrorKind::Forbidden, "auth.disabled", "Akun ini dinonaktifkan. Hubungi administrator.",
                       "This account is disabled. Contact your administrator.");

  LoginOk ok;
  ok.token = random_token(32);
  std::string token_hash = sha256_hex(ok.token);
  std::string csrf = random_token(24);
  Status w = db_.write([&](db::Conn& c) -> Status {
    c.exec("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?", {found->id});
    // Housekeeping: drop this user's sessions that can no longer be used.
    c.exec("DELETE FROM sessions WHERE user_id = ? AND (last_seen_at < ? OR created_at < ?)",
           {found->id, format_iso(now - std::chrono::minutes(cfg_.session_idle_minutes)),
            format_iso(now - std::chrono::hours(cfg_.session_absolute_hours))});
    c.exec("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)",
           {token_hash, found->id, csrf, now_s, now_s, ip, user_agent.substr(0, 300)});
    Scope actor;
    actor.user_id = found->id;
    actor.username = username;
    audit::append(c, actor, {"login", "user", std::to_string(found->id), found->region, 0, std::nullopt,
                             json::object("ip", ip)});
    PANTAU_TRY(ok.who, load_user(c, found->id));
    return {};
  });
  if (!w.ok()) return w.error();
  ok.who.csrf_token = csrf;
  ok.who.token_hash = token_hash;
  return ok;
}

Result<Principal> Sessions::authenticate(std::string_view token) {
  Error no_session = Error::make(ErrorKind::Unauthorized, "auth.no_session", "Silakan masuk terlebih dahulu.",
                                 "Please log in first.");
  if (token.empty() || token.size() > 100) return no_session;
  std::string hash = sha256_hex(token);
  std::optional<Principal> p;
  std::optional<TimePoint> created_t, seen_t;
  const uint64_t generation = db_.generation();
  const auto read_at = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mu_);
    auto it = cache_.find(hash);
    if (it != cache_.end()) {
      if (it->second.generation == generation && read_at - it->second.read_at < std::chrono::seconds(5)) {
        p = it->second.who;
        created_t = it->second.created;
        seen_t = it->second.last_seen;
      } else {
        cache_.erase(it);
      }
    }
  }
  if (!p) {
    std::string created, last_seen;
    bool disabled = false;
    Status s = db_.read([&](db::Conn& c) {
      c.query(std::string(kPrincipalSelect) + ", s.csrf_token, s.created_at, s.last_seen_at " + kPrincipalFrom +
                  "JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ?",
              {hash}, [&](const db::Row& r) {
                p = principal_from_row(r);
                disabled = r.i64(11) != 0;
                p->csrf_token = r.str(12);
                created = r.str(13);
                last_seen = r.str(14);
              });
    });
    if (!s.ok()) return s.error();
    if (!p || disabled) return no_session;
    p->token_hash = hash;
    created_t = parse_iso(created);
    seen_t = parse_iso(last_seen);
    if (created_t && seen_t) {
      std::lock_guard lock(cache_mu_);
      if (cache_.size() >= 20000) cache_.clear();
      cache_[hash] = Cached{generation, read_at, *p, *created_t, *seen_t};
    }
  }
  auto now = clock_.now();
  if (!created_t || !seen_t || now - *seen_t > std::chrono::minutes(cfg_.session_idle_minutes) ||
      now - *created_t > std::chrono::hours(cfg_.session_absolute_hours)) {
    (void)db_.write([&](db::Conn& c) -> Status {
      c.exec("DELETE FROM sessions WHERE token_hash = ?", {hash});
      return {};
    });
    return Error::make(ErrorKind::Unauthorized, "auth.session_expired",
                       "Sesi Anda telah berakhir. Silakan masuk kembali.", "Your session has expired. Please log in again.");
  }
  // Sliding idle expiry, written at most once a minute per session.
  // The write is bookkeeping: it does not empty the caches of rendered answers (with many users
  // signed in, a touch a minute each would otherwise keep every cache empty), so the kept copy of
  // this session learns the new time here.
  if (now - *seen_t > std::chrono::seconds(60)) {
    std::string now_s = format_iso(now);
    Status touched;
    {
      db::BookkeepingWrite bookkeeping;
      touched = db_.write([&](db::Conn& c) -> Status {
        c.exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {now_s, hash});
        return {};
      });
    }
    if (touched.ok()) {
      std::lock_guard lock(cache_mu_);
      if (auto it = cache_.find(hash); it != cache_.end()) it->second.last_seen = now;
    }
  }
  return std::move(*p);
}

Status Sessions::logout(const Principal& who) {
  return db_.write([&](db::Conn& c) -> Status {
    c.exec("DELETE FROM sessions WHERE token_hash = ?", {who.token_hash});
    audit::append(c, who.scope, {"logout", "user", std::to_string(who.scope.user_id), "", 0, std::nullopt, std::nullopt});
    return {};
  });
}

void Sessions::revoke_all(db::Conn& c, int64_t user_id) {
  c.exec("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

Result<Principal> Sessions::load_user(db::Conn& c, int64_t user_id) {
  std::optional<Principal> p;
  c.query(std::string(kPrincipalSelect) + kPrincipalFrom + "WHERE u.id = ?", {user_id},
          [&](const db::Row& r) { p = principal_from_row(r); });
  if (!p) return Error::not_found();
  return std::move(*p);
}

}  // namespace pantau::auth
