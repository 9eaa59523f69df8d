// Log-in, sessions and the Principal (the authenticated user with their Scope).
// Sessions are random 256-bit tokens sent as an HttpOnly, SameSite=Strict cookie; only their
// SHA-256 is stored. Each session has an idle and an absolute expiry and its own CSRF token.
// Repeated failures lock an account for a while; each client address is also rate limited.
#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "auth/scope.h"
#include "core/config.h"
#include "core/time.h"
#include "db/database.h"

namespace pantau::auth {

struct Principal {
  Scope scope;
  std::string full_name;
  std::string email;
  std::string org_unit_name;
  std::string org_unit_kind;
  std::string region_name;  // "Nasional" for the ministry
  std::string csrf_token;
  std::string token_hash;
};

class Sessions {
 public:
  Sessions(db::Database& db, const Config& cfg, const TimeSource& clock = system_time());

  struct LoginOk {
    std::string token;
    Principal who;
  };
  Result<LoginOk> login(std::string_view username, std::string_view password, const std::string& ip,
                        const std::string& user_agent);
  // Errors: Unauthorized with code auth.no_session or auth.session_expired.
  Result<Principal> authenticate(std::string_view token);
  Status logout(const Principal& who);

  // Ends every session of a user (after disabling them or resetting their password); runs
  // inside the caller's write transaction.
  static void revoke_all(db::Conn& c, int64_t user_id);
  // Loads a Principal for a user id (without a session), e.g. for tools.
  static Result<Principal> load_user(db::Conn& c, int64_t user_id);

 private:
  bool throttle(const std::string& ip);

  db::Database& db_;
  const Config& cfg_;
  const TimeSource& clock_;
  std::mutex mu_;
  struct Window {
    std::chrono::steady_clock::time_point start;
    int count = 0;
  };
  std::unordered_map<std::string, Window> attempts_;

  // Sessions looked up recently, by token hash: every authenticated request would otherwise run
  // the same join. An entry holds while the database has had no committed write since it was read
  // (Database::generation: logging out, disabling a user or changing their role all write) and
  // for at most 5 s (changes made by another process).
  struct Cached {
    uint64_t generation = 0;
    std::chrono::steady_clock::time_point read_at;
    Principal who;
    TimePoint created, last_seen;
  };
  std::mutex cache_mu_;
  std::unordered_map<std::string, Cached> cache_;
};

}  // namespace pantau::auth
