// The append-only audit log. Every write appends who, when, what, and the record before and
// after, in the same transaction as the change. Each row's hash covers its content and the
// previous row's hash (SHA-256), so altering or removing a row breaks the chain from there on;
// `pantau audit verify` finds the first broken link.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"

namespace pantau::audit {

struct Entry {
  std::string action;       // create, update, delete, login, logout, lock, password_reset, ...
  std::string entity;       // user, org_unit, evidence_file, ...
  std::string entity_id;
  std::string region_code;  // region of the record, for scoped reading of its history
  int classification = 0;   // confidentiality of the record
  std::optional<std::string> before_json;
  std::optional<std::string> after_json;
};

// A snapshot of flat fields for before_json/after_json, written by the JSON writer (so user text
// is escaped, never spliced), for a store that has no record type to serialise:
//   audit::snapshot({{"name", in.name}, {"rows", int64_t{n}}, {"due", nullptr}})
using SnapshotValue = std::variant<std::nullptr_t, bool, int64_t, std::string>;
struct SnapshotField {
  std::string_view key;
  SnapshotValue value;
};
std::string snapshot(std::initializer_list<SnapshotField> fields);

// Appends inside the caller's write transaction. `actor` is the user doing it.
void append(db::Conn& c, const auth::Scope& actor, const Entry& e);

// One row of a record's history as stored (the snapshots are the JSON that was appended).
struct Record {
  int64_t seq = 0;
  std::string at;
  int64_t actor_id = 0;  // 0: the system
  std::string actor_username, action, entity, entity_id;
  std::optional<std::string> before_json, after_json;
  std::string actor_full_name;  // the person's name beside the login ("oleh Budi Santoso")
};
// The history of one record, oldest first, at most `limit` rows, and only rows the caller may
// see (their region within the caller's subtree, their classification within the clearance).
std::vector<Record> history(db::Conn& c, const auth::Scope& s, const std::string& entity, const std::string& entity_id,
                            int limit = 500);

struct VerifyReport {
  int64_t rows = 0;
  bool ok = true;
  int64_t broken_seq = 0;  // first row whose link is broken
  std::string reason;
};
Result<VerifyReport> verify(db::Database& db);

// The hash of one row given the previous hash (exposed for tests).
std::string row_hash(const std::string& prev_hash, int64_t seq, const std::string& at, int64_t actor_id,
                     const std::string& actor_username, const Entry& e);

}  // namespace pantau::audit
