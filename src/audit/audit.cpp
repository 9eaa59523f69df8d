#include "audit/audit.h"

#include "core/crypto.h"
#include "core/time.h"
#include "http/json.h"

namespace pantau::audit {

std::string snapshot(std::initializer_list<SnapshotField> fields) {
  json::Out o;
  o.begin_object();
  for (const auto& f : fields) {
    o.key(f.key);
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::nullptr_t>) o.null();
          else o.value(v);
        },
        f.value);
  }
  o.end_object();
  return o.take();
}

static constexpr const char* kGenesis = "0000000000000000000000000000000000000000000000000000000000000000";

std::string row_hash(const std::string& prev_hash, int64_t seq, const std::string& at, int64_t actor_id,
                     const std::string& actor_username, const Entry& e) {
  // Length-prefixed fields: no two different rows serialise to the same bytes.
  std::string buf;
  auto field = [&](std::string_view v) {
    buf += std::to_string(v.size());
    buf += ':';
    buf += v;
    buf += ';';
  };
  auto opt = [&](const std::optional<std::string>& v) { v ? field(*v) : (void)(buf += "~;"); };
  field(prev_hash);
  field(std::to_string(seq));
  field(at);
  field(std::to_string(actor_id));
  field(actor_username);
  field(e.action);
  field(e.entity);
  field(e.entity_id);
  field(e.region_code);
  field(std::to_string(e.classification));
  opt(e.before_json);
  opt(e.after_json);
  return sha256_hex(buf);
}

void append(db::Conn& c, const auth::Scope& actor, const Entry& e) {
  // Serialise appenders on PostgreSQL (SQLite has a single writer already).
  if (c.dialect() == db::Dialect::Postgres) c.query_i64("SELECT 1 FROM (SELECT pg_advisory_xact_lock(730501)) x");
  std::string prev = kGenesis;
  int64_t seq = 1;
  c.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", {}, [&](const db::Row& r) {
    seq = r.i64(0) + 1;
    prev = r.str(1);
  });
  std::string at = now_iso();
  std::string h = row_hash(prev, seq, at, actor.user_id, actor.username, e);
  auto opt = [](const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(std::monostate{}); };
  c.exec("INSERT INTO audit_log (seq, at, actor_id, actor_username, action, entity, entity_id, region_code, "
         "classification, before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
         {seq, at, actor.user_id ? db::Value(actor.user_id) : db::Value(std::monostate{}), actor.username, e.action,
          e.entity, e.entity_id, e.region_code, int64_t{e.classification}, opt(e.before_json), opt(e.after_json),
          prev, h});
}

Result<VerifyReport> verify(db::Database& db) {
  VerifyReport rep;
  Status s = db.read([&](db::Conn& c) {
    std::string prev = kGenesis;
    int64_t expect_seq = 1;
    c.query("SELECT seq, at, COALESCE(actor_id, 0), actor_username, action, entity, entity_id, region_code, "
            "classification, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY seq",
            {}, [&](const db::Row& r) {
              if (!rep.ok) return;
              ++rep.rows;
              int64_t seq = r.i64(0);
              Entry e{r.str(4), r.str(5), r.str(6), r.str(7), static_cast<int>(r.i64(8)), r.opt_str(9), r.opt_str(10)};
              if (seq != expect_seq) {
                rep = {rep.rows, false, expect_seq, "row " + std::to_string(expect_seq) + " is missing"};
                return;
              }
              if (r.str(11) != prev) {
                rep = {rep.rows, false, seq, "row " + std::to_string(seq) + " does not link to the row before it"};
                return;
              }
              std::string h = row_hash(prev, seq, r.str(1), r.i64(2), r.str(3), e);
              if (h != r.str(12)) {
                rep = {rep.rows, false, seq, "row " + std::to_string(seq) + " was altered (hash mismatch)"};
                return;
              }
              prev = h;
              ++expect_seq;
            });
  });
  if (!s.ok()) return s.error();
  return rep;
}

std::vector<Record> history(db::Conn& c, const auth::Scope& s, const std::string& entity, const std::string& entity_id,
                            int limit) {
  db::Params p{entity, entity_id};
  std::string where = "entity = ? AND entity_id = ? AND " + s.record_filter("region_code", "classification", p);
  p.emplace_back(int64_t{limit});
  std::vector<Record> out;
  c.query("SELECT seq, at, COALESCE(actor_id, 0), actor_username, action, entity, entity_id, before_json, after_json, "
          "COALESCE((SELECT u.full_name FROM users u WHERE u.id = audit_log.actor_id), '') "
          "FROM audit_log WHERE " + where + " ORDER BY seq LIMIT ?",
          p, [&](const db::Row& r) {
            out.push_back({r.i64(0), r.str(1), r.i64(2), r.str(3), r.str(4), r.str(5), r.str(6), r.opt_str(7), r.opt_str(8), r.str(9)});
          });
  return out;
}

}  // namespace pantau::audit
