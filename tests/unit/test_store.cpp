// The store suite: the same tests on SQLite and on a real PostgreSQL server
// (PANTAU_TEST_PG_URL, set by `make test`, which starts a throwaway cluster).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/reference.h"
#include "audit/audit.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "core/crypto.h"
#include "db/bulk.h"
#include "db/database.h"
#include "db/migrate.h"
#include "db/rerun.h"
#include "files/evidence.h"
#include "modules/org/store.h"
#include "modules/regions/store.h"
#include "fixtures.h"
#include "store_fixture.h"

using namespace pantau;

namespace {
using pantau::testing_support::FakeTime;
using pantau::testing_support::StoreTest;

TEST_P(StoreTest, MigrationsAreNumberedAndIdempotent) {
  auto v = db::schema_version(*db_);
  ASSERT_TRUE(v.ok());
  EXPECT_GE(*v, 1);
  auto again = db::migrate(*db_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
}

// The scope filter is an index range on region codes ('/' sorts right after '.'): that holds in
// byte order only. The test cluster has a non-C locale (scripts/pg-cluster.sh), as production
// clusters do, so every region-code column must say COLLATE "C".
TEST_P(StoreTest, RegionCodeColumnsCompareInByteOrder) {
  std::string collation, wrong;
  if (GetParam() == "postgres") {
    ASSERT_TRUE(db_->read([&](db::Conn& c) {
      collation = c.query_str("SELECT datcollate FROM pg_database WHERE datname = current_database()").value_or("");
      c.query("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND "
              "data_type = 'text' AND (column_name LIKE '%region_code' OR column_name = 'province_code' OR "
              "(table_name = 'regions' AND column_name IN ('code', 'parent_code'))) AND COALESCE(collation_name, '') <> 'C' "
              "ORDER BY 1, 2",
              {}, [&](const db::Row& r) { wrong += r.str(0) + "." + r.str(1) + " "; });
    }).ok());
    bool c_like = collation == "C" || collation == "POSIX" || to_lower_ascii(collation).rfind("c.", 0) == 0;
    EXPECT_FALSE(c_like) << "the test cluster should use a non-C locale (en_US.UTF-8), it uses " << collation;
  } else {
    // SQLite compares in byte order (BINARY) unless a column declares NOCASE or RTRIM.
    ASSERT_TRUE(db_->read([&](db::Conn& c) {
      c.query("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table' AND "
              "(p.name LIKE '%region_code' OR p.name = 'province_code' OR (m.name = 'regions' AND p.name IN ('code', 'parent_code'))) "
              "AND (upper(m.sql) LIKE '%' || upper(p.name) || ' TEXT COLLATE NOCASE%' OR "
              "upper(m.sql) LIKE '%' || upper(p.name) || ' TEXT COLLATE RTRIM%') ORDER BY 1, 2",
              {}, [&](const db::Row& r) { wrong += r.str(0) + "." + r.str(1) + " "; });
    }).ok());
  }
  EXPECT_EQ(wrong, "") << "region-code columns that do not compare in byte order";
  // And the range itself: 63.71's subtree, not 63.710 nor 63.72.
  seed_minimal_regions();
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES ('63.71.01', '63.71', 3, 'x', 'x')");
    return {};
  }).ok());
  db::Params p;
  auto s = scope_of("63.71");
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions WHERE " + s.region_filter("code", p), p), 2);
}

// One case-folding rule for name searches: C++ (fold_name), SQLite and PostgreSQL (pantau_fold)
// give the same result, row by row and for every Latin-1 character.
TEST_P(StoreTest, NamesFoldAlikeInCppAndInTheDatabase) {
  auto cases = load_cases("name_folding.tsv");
  ASSERT_GE(cases.size(), 10u);
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    for (auto& row : cases) {
      EXPECT_EQ(fold_name(row[0]), row[1]) << row[2];
      EXPECT_EQ(c.query_str("SELECT pantau_fold(?)", {row[0]}).value_or("<null>"), row[1]) << row[2];
    }
    for (unsigned cp = 0xA0; cp <= 0xFF; ++cp) {
      std::string ch{static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
      std::string word = "A" + ch + "z";
      EXPECT_EQ(c.query_str("SELECT pantau_fold(?)", {word}).value_or(""), fold_name(word)) << "U+" << std::hex << cp;
    }
  }).ok());
  // 62 Latin-1 letters of two UTF-8 bytes and 26 ASCII letters, each mapped to one ASCII letter.
  EXPECT_EQ(std::string(kFoldFrom).size(), 62u * 2 + 26);
  EXPECT_EQ(std::string(kFoldTo).size(), 62u + 26);
}

// Region search: both spellings of a name meet, and % and _ are characters, not wildcards.
TEST_P(StoreTest, RegionSearchFoldsAccentsAndTakesWildcardsLiterally) {
  seed_minimal_regions();
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES ('63.71.01', '63.71', 3, 'Éfata Ñusa', 'x')");
    c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES ('63.71.02', '63.71', 3, 'efata nusa', 'x')");
    return {};
  }).ok());
  auto names = [&](const std::string& q) {
    std::vector<std::string> out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) {
      for (auto& r : regions::search(c, auth::Scope::system(), q, 50)) out.push_back(r.code);
    }).ok());
    return out;
  };
  std::vector<std::string> both{"63.71.01", "63.71.02"};
  EXPECT_EQ(names("éfata"), both);
  EXPECT_EQ(names("EFATA"), both);
  EXPECT_EQ(names("ñusa"), both);
  EXPECT_EQ(names("Nusa"), both);
  EXPECT_TRUE(names("_").empty());
  EXPECT_TRUE(names("%").empty());
  EXPECT_TRUE(names("63._1").empty());
  EXPECT_EQ(names("63.71.0").size(), 2u);
}

TEST_P(StoreTest, ConcurrentWritesAreAllDurable) {
  make_table();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        Status s = db_->write([&](db::Conn& c) -> Status {
          c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {int64_t{t * 1000 + i}, "v" + std::to_string(t * 1000 + i)});
          return {};
        });
        if (s.ok()) ++ok;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 640);
  reopen();  // what was acknowledged is on disk
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 640);
}

// Answer caches (sessions, the recap) rely on this: a committed write changes the generation
// before the writer is told it is done, and a read never does.
TEST_P(StoreTest, GenerationChangesWithEveryCommittedWriteAndOnlyThen) {
  make_table();
  uint64_t g0 = db_->generation();
  ASSERT_TRUE(db_->read([&](db::Conn& c) { c.query_i64("SELECT COUNT(*) FROM t"); }).ok());
  EXPECT_EQ(db_->generation(), g0);
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {int64_t{1}, "a"});
    return {};
  }).ok());
  uint64_t g1 = db_->generation();
  EXPECT_GT(g1, g0);
  // The new row is visible to any reader that sees the new generation.
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 1);
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("UPDATE t SET v = ? WHERE id = ?", {"b", int64_t{1}});
    return {};
  }).ok());
  EXPECT_GT(db_->generation(), g1);
}

// A session's last-seen time is written once a minute per signed-in user; if that emptied every
// kept answer, a busy office would never read one. Bookkeeping writes are stored, durable and
// visible, but leave the generation as it is; the next real write still advances it.
TEST_P(StoreTest, BookkeepingWriteIsStoredWithoutAdvancingTheGeneration) {
  make_table();
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {int64_t{1}, "a"});
    return {};
  }).ok());
  const uint64_t g = db_->generation();
  {
    db::BookkeepingWrite bookkeeping;
    ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
      c.exec("UPDATE t SET v = ? WHERE id = ?", {"seen", int64_t{1}});
      return {};
    }).ok());
  }
  EXPECT_EQ(db_->generation(), g);
  EXPECT_EQ(count("SELECT COUNT(*) FROM t WHERE v = 'seen'"), 1);
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("UPDATE t SET v = ? WHERE id = ?", {"b", int64_t{1}});
    return {};
  }).ok());
  EXPECT_GT(db_->generation(), g);
  reopen();  // stored like any other write
  EXPECT_EQ(count("SELECT COUNT(*) FROM t WHERE v = 'b'"), 1);
}

TEST_P(StoreTest, FailedWriteLeavesNothingBehindWhileOthersCommit) {
  make_table();
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20; ++i) {
        bool bad = (i % 2) == 1;
        Status s = db_->write([&](db::Conn& c) -> Status {
          int64_t id = t * 100 + i;
          c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {id, "row" + std::to_string(id)});
          if (bad) return Error::invalid_field("v", "bad", "buruk", "bad");  // after a write: must be undone
          return {};
        });
        if (!s.ok()) ++failed;
      }
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(failed.load(), 80);
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 80);
  EXPECT_EQ(count("SELECT COUNT(*) FROM t WHERE id % 2 = 1"), 0);
}

TEST_P(StoreTest, ConstraintViolationIsAConflictAndTheDatabaseStaysUsable) {
  make_table();
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status { c.exec("INSERT INTO t (id, v) VALUES (1, 'a')"); return {}; }).ok());
  Status dup = db_->write([](db::Conn& c) -> Status {
    c.exec("INSERT INTO t (id, v) VALUES (2, 'b')");
    c.exec("INSERT INTO t (id, v) VALUES (3, 'a')");  // unique violation
    return {};
  });
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().kind, ErrorKind::Conflict);
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 1);  // the whole job was rolled back
  EXPECT_TRUE(db_->write([](db::Conn& c) -> Status { c.exec("INSERT INTO t (id, v) VALUES (4, 'd')"); return {}; }).ok());
  Status thrown = db_->write([](db::Conn& c) -> Status {
    c.exec("INSERT INTO t (id, v) VALUES (5, 'e')");
    throw std::runtime_error("bug");
  });
  EXPECT_EQ(thrown.error().kind, ErrorKind::Internal);
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 2);
}

// Jobs that may be re-run (db::RerunAllowed) share a group commit without a savepoint each. A
// group where one of them fails (an error after a write, a constraint violation mid-job, an
// exception) is rolled back and run again job by job: the others are stored and acknowledged, the
// failing ones leave nothing, and each job's two rows are stored together or not at all.
TEST_P(StoreTest, GroupWithFailingJobsKeepsEveryOtherJobAndNothingHalfWritten) {
  make_table();
  std::atomic<int> runs{0}, once_runs{0};
  auto job = [&](int64_t id, int fail) -> Status {
    db::RerunAllowed rerun(true);
    return db_->write([&, id, fail](db::Conn& c) -> Status {
      ++runs;
      c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {id, "a" + std::to_string(id)});
      if (fail == 1) return Error::invalid_field("v", "bad", "buruk", "bad");
      if (fail == 2) c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {id + 1, std::string("a1")});  // 'a1' exists
      if (fail == 3) throw std::runtime_error("bug");
      c.exec("INSERT INTO t (id, v) VALUES (?, ?)", {id + 1, "b" + std::to_string(id)});
      return {};
    });
  };
  ASSERT_TRUE(job(0, 0).ok());  // rows 0 and 1 ('a0', 'b0')
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status { c.exec("UPDATE t SET v = 'a1' WHERE id = 1"); return {}; }).ok());
  for (int round = 0; round < 2; ++round) {
    runs = 0;
    // A slow job holds the writer while the others queue up, so they form one group.
    std::thread slow([&] {
      ASSERT_TRUE(db_->write([](db::Conn&) -> Status {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return {};
      }).ok());
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::vector<std::thread> threads;
    std::vector<Status> results(12);
    for (int k = 0; k < 12; ++k)
      threads.emplace_back([&, k] { results[k] = job(1000 * (round + 1) + 10 * k, k % 4); });
    // Round 2 adds a job that may not be re-run: the group keeps a savepoint per job.
    if (round == 1)
      threads.emplace_back([&] {
        EXPECT_TRUE(db_->write([&](db::Conn& c) -> Status {
          ++once_runs;
          c.exec("INSERT INTO t (id, v) VALUES (5, 'once')");
          return {};
        }).ok());
      });
    for (auto& th : threads) th.join();
    slow.join();
    for (int k = 0; k < 12; ++k) {
      int64_t id = 1000 * (round + 1) + 10 * k;
      EXPECT_EQ(results[k].ok(), k % 4 == 0) << "job " << k;
      if (k % 4 == 1) EXPECT_EQ(results[k].error().kind, ErrorKind::Invalid);
      if (k % 4 == 2) EXPECT_EQ(results[k].error().kind, ErrorKind::Conflict);
      if (k % 4 == 3) EXPECT_EQ(results[k].error().kind, ErrorKind::Internal);
      EXPECT_EQ(count("SELECT COUNT(*) FROM t WHERE id IN (?, ?)", {id, id + 1}), k % 4 == 0 ? 2 : 0) << "job " << k;
    }
    // On SQLite the group ran twice in round 1 (12 jobs, then again after the failure); every run
    // of round 2 was the only one.
    if (GetParam() == "sqlite") {
      if (round == 0) EXPECT_GT(runs.load(), 12);
      else EXPECT_EQ(runs.load(), 12);
    }
  }
  EXPECT_EQ(once_runs.load(), 1);
  reopen();  // what was acknowledged is on disk
  EXPECT_EQ(count("SELECT COUNT(*) FROM t"), 2 + 3 * 2 * 2 + 1);
}

// A bulk write (db::BulkWrite, an import) runs on SQLite without foreign-key checks, in a
// transaction of its own: writes queued before and after it are not grouped with it and keep
// their checks, and the checks are on again after it, whether it committed or failed.
TEST_P(StoreTest, BulkWriteRunsAloneWithoutForeignKeyChecksAndTheChecksComeBack) {
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    c.exec_script("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE ch (id INTEGER PRIMARY KEY, p_id INTEGER NOT NULL REFERENCES p (id))");
    c.exec("INSERT INTO p (id) VALUES (1)");
    return {};
  }).ok());
  const bool sqlite = GetParam() == "sqlite";
  auto checks_on = [&](db::Conn& c) { return !sqlite || c.query_i64("PRAGMA foreign_keys").value_or(-1) == 1; };
  // A child of parent `parent`, as an ordinary write; parent 99 does not exist.
  auto child = [&](int64_t id, int64_t parent, bool* checked) {
    return db_->write([=](db::Conn& c) -> Status {
      *checked = checks_on(c);
      c.exec("INSERT INTO ch (id, p_id) VALUES (?, ?)", {id, parent});
      return {};
    });
  };
  auto violations = [&] {
    int64_t n = 0;
    if (sqlite) EXPECT_TRUE(db_->read([&](db::Conn& c) { c.query("PRAGMA foreign_key_check", {}, [&](const db::Row&) { ++n; }); }).ok());
    return n;
  };
  for (bool bulk_fails : {false, true}) {
    SCOPED_TRACE(bulk_fails ? "failing bulk write" : "bulk write");
    const int64_t base = bulk_fails ? 100 : 0;
    // A slow write holds the writer while the others queue up behind it in this order: a bad
    // child, the bulk write, another bad child, a good child.
    std::thread slow([&] {
      EXPECT_TRUE(db_->write([](db::Conn&) -> Status {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        return {};
      }).ok());
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    Status before, bulk, after, good;
    bool before_checked = false, after_checked = false, good_checked = false, bulk_checked = true;
    std::thread t1([&] { before = child(base + 1, 99, &before_checked); });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    std::thread t2([&] {
      db::BulkWrite bulk_write;
      bulk = db_->write([&](db::Conn& c) -> Status {
        bulk_checked = checks_on(c);
        c.exec("INSERT INTO p (id) VALUES (?)", {base + 2});
        c.exec("INSERT INTO ch (id, p_id) VALUES (?, ?)", {base + 2, base + 2});  // its own reference, resolved
        if (bulk_fails) return Error::invalid_field("file", "bad", "buruk", "bad");
        return {};
      });
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    std::thread t3([&] { after = child(base + 3, 99, &after_checked); });
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    std::thread t4([&] { good = child(base + 4, 1, &good_checked); });
    for (auto* th : {&slow, &t1, &t2, &t3, &t4}) th->join();
    EXPECT_EQ(bulk.ok(), !bulk_fails);
    EXPECT_EQ(bulk_checked, !sqlite);  // PostgreSQL checks every write
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(before.error().kind, ErrorKind::Conflict);
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.error().kind, ErrorKind::Conflict);
    EXPECT_TRUE(good.ok());
    EXPECT_TRUE(before_checked && after_checked && good_checked);
    EXPECT_EQ(count("SELECT COUNT(*) FROM ch WHERE id > ?", {base}), bulk_fails ? 1 : 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM ch WHERE p_id = 99"), 0);
    EXPECT_EQ(violations(), 0);
    // The next ordinary write on its own is checked too.
    bool checked = false;
    Status next = child(base + 5, 99, &checked);
    EXPECT_FALSE(next.ok());
    EXPECT_TRUE(checked);
  }
}

TEST_P(StoreTest, AuditChainDetectsAlterationAndRemoval) {
  auto who = scope_of("63");
  for (int i = 1; i <= 5; ++i)
    ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
      audit::append(c, who, {"update", "org_unit", std::to_string(i), "63", 0, std::string("{\"v\":0}"), std::string("{\"v\":1}")});
      return {};
    }).ok());
  auto ok = audit::verify(*db_);
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->ok);
  EXPECT_EQ(ok->rows, 5);

  // The log refuses ordinary changes.
  Status refused = db_->write([](db::Conn& c) -> Status { c.exec("UPDATE audit_log SET actor_username = 'x' WHERE seq = 2"); return {}; });
  EXPECT_FALSE(refused.ok());
  refused = db_->write([](db::Conn& c) -> Status { c.exec("DELETE FROM audit_log WHERE seq = 2"); return {}; });
  EXPECT_FALSE(refused.ok());

  // Someone with direct access to the database removes the guard and edits a row.
  bool pg = db_->dialect() == db::Dialect::Postgres;
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec_script(pg ? "DROP TRIGGER audit_log_no_change ON audit_log" : "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
    c.exec("UPDATE audit_log SET after_json = '{\"v\":2}' WHERE seq = 3");
    return {};
  }).ok());
  auto altered = audit::verify(*db_);
  ASSERT_TRUE(altered.ok());
  EXPECT_FALSE(altered->ok);
  EXPECT_EQ(altered->broken_seq, 3);

  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    c.exec("UPDATE audit_log SET after_json = '{\"v\":1}' WHERE seq = 3");
    c.exec("DELETE FROM audit_log WHERE seq = 2");
    return {};
  }).ok());
  auto removed = audit::verify(*db_);
  ASSERT_TRUE(removed.ok());
  EXPECT_FALSE(removed->ok);
  EXPECT_EQ(removed->broken_seq, 2);
}

TEST_P(StoreTest, OrgUnitsAndUsersAreScopedToTheRegionSubtree) {
  seed_minimal_regions();
  int64_t prov = unit("Kesbangpol Kalsel", "KESBANGPOL", "63");
  int64_t bjm = unit("Kesbangpol Banjarmasin", "KESBANGPOL", "63.71");
  int64_t bjb = unit("Kesbangpol Banjarbaru", "KESBANGPOL", "63.72");
  int64_t kaltim = unit("Kesbangpol Kaltim", "KESBANGPOL", "64");
  int64_t kukar = unit("Kesbangpol Kukar", "KESBANGPOL", "64.02");
  auto ids = [&](const auth::Scope& s) {
    std::vector<int64_t> out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) {
      for (auto& u : org::list_org_units(c, s, {}).items) out.push_back(u.id);
    }).ok());
    return out;
  };
  EXPECT_EQ(ids(scope_of("63.71")), (std::vector<int64_t>{bjm}));
  EXPECT_EQ(ids(scope_of("63")), (std::vector<int64_t>{prov, bjm, bjb}));
  EXPECT_EQ(ids(scope_of("")), (std::vector<int64_t>{prov, bjm, bjb, kaltim, kukar}));
  std::optional<org::OrgUnit> seen;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { seen = org::get_org_unit(c, scope_of("63.71"), bjb); }).ok());
  EXPECT_FALSE(seen);

  // A kab/kota admin cannot create or move a unit outside its subtree.
  auto outside = db_->write_value<org::OrgUnit>([&](db::Conn& c) {
    return org::create_org_unit(c, scope_of("63.71"), {"Dinas X", "PERANGKAT_DAERAH", "63.72", std::nullopt});
  });
  EXPECT_EQ(outside.error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(count("SELECT COUNT(*) FROM org_units"), 5);

  // Users follow their org unit's region.
  auto hash = auth::hash_password("Kesbangpol2026");
  ASSERT_TRUE(hash.ok());
  auto mk = [&](const char* name, int64_t unit_id) {
    org::UserInput in;
    in.username = name;
    in.full_name = name;
    in.role = "OPERATOR";
    in.org_unit_id = unit_id;
    auto r = db_->write_value<org::User>([&](db::Conn& c) { return org::create_user(c, auth::Scope::system(), in, *hash); });
    EXPECT_TRUE(r.ok());
    return r.ok() ? r->id : 0;
  };
  int64_t u1 = mk("op.bjm", bjm);
  mk("op.bjb", bjb);
  mk("op.kukar", kukar);
  std::vector<std::string> names;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    for (auto& u : org::list_users(c, scope_of("63.71"), {}).items) names.push_back(u.username);
  }).ok());
  EXPECT_EQ(names, (std::vector<std::string>{"op.bjm"}));
  auto foreign_update = db_->write_value<org::User>([&](db::Conn& c) {
    org::UserInput in;
    in.full_name = "changed";
    return org::update_user(c, scope_of("64"), u1, 1, in);
  });
  EXPECT_EQ(foreign_update.error().kind, ErrorKind::NotFound);
}

TEST_P(StoreTest, StaleVersionIsRefusedAndNothingChanges) {
  seed_minimal_regions();
  int64_t id = unit("Kesbangpol Banjarmasin", "KESBANGPOL", "63.71");
  auto first = db_->write_value<org::OrgUnit>([&](db::Conn& c) {
    return org::update_org_unit(c, scope_of("63"), id, 1, {std::string("Badan Kesbangpol Kota Banjarmasin"), {}, {}, {}});
  });
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->version, 2);
  auto stale = db_->write_value<org::OrgUnit>([&](db::Conn& c) {
    return org::update_org_unit(c, scope_of("63"), id, 1, {std::string("Nama lain"), {}, {}, {}});
  });
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().kind, ErrorKind::PreconditionFailed);
  std::string name;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { name = c.query_str("SELECT name FROM org_units WHERE id = ?", {id}).value(); }).ok());
  EXPECT_EQ(name, "Badan Kesbangpol Kota Banjarmasin");
  // The history shows both versions.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'org_unit' AND entity_id = ?", {std::to_string(id)}), 2);
}

TEST_P(StoreTest, LoginLockoutAndSessionExpiry) {
  seed_minimal_regions();
  int64_t u = unit("Kesbangpol Kalsel", "KESBANGPOL", "63");
  auto hash = auth::hash_password("Kesbangpol2026");
  org::UserInput in;
  in.username = "kalsel.op";
  in.full_name = "Operator";
  in.role = "OPERATOR";
  in.org_unit_id = u;
  ASSERT_TRUE(db_->write_value<org::User>([&](db::Conn& c) { return org::create_user(c, auth::Scope::system(), in, *hash); }).ok());
  Config cfg;
  FakeTime clock;
  auth::Sessions sessions(*db_, cfg, clock);

  auto ok = sessions.login("KALSEL.OP", "Kesbangpol2026", "10.0.0.1", "test");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->who.scope.region_code, "63");
  auto who = sessions.authenticate(ok->token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->csrf_token, ok->who.csrf_token);
  EXPECT_EQ(sessions.authenticate(ok->token + "x").error().code, "auth.no_session");

  // Idle expiry.
  clock.t += std::chrono::minutes(cfg.session_idle_minutes + 1);
  EXPECT_EQ(sessions.authenticate(ok->token).error().code, "auth.session_expired");

  // Lockout after repeated failures, even for the right password, until it passes.
  for (int i = 0; i < cfg.login_max_failures - 1; ++i)
    EXPECT_EQ(sessions.login("kalsel.op", "wrong-password-1", "10.0.0.2", "t").error().code, "auth.invalid_credentials");
  EXPECT_EQ(sessions.login("kalsel.op", "wrong-password-1", "10.0.0.2", "t").error().code, "auth.locked");
  auto locked = sessions.login("kalsel.op", "Kesbangpol2026", "10.0.0.2", "t");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().kind, ErrorKind::Locked);
  EXPECT_GT(locked.error().retry_after_seconds, 0);
  clock.t += std::chrono::minutes(cfg.lockout_minutes + 1);
  auto again = sessions.login("kalsel.op", "Kesbangpol2026", "10.0.0.3", "t");
  ASSERT_TRUE(again.ok());

  // Absolute expiry even when active: a request every 29 minutes keeps the session alive
  // until the absolute limit.
  std::string last_code;
  int alive_minutes = 0;
  for (int i = 0; i < cfg.session_absolute_hours * 3; ++i) {
    clock.t += std::chrono::minutes(29);
    auto r = sessions.authenticate(again->token);
    if (!r.ok()) {
      last_code = r.error().code;
      break;
    }
    alive_minutes += 29;
  }
  EXPECT_EQ(last_code, "auth.session_expired");
  EXPECT_GE(alive_minutes, cfg.session_absolute_hours * 60 - 29);
  EXPECT_LE(alive_minutes, cfg.session_absolute_hours * 60);
  EXPECT_EQ(sessions.authenticate(again->token).error().code, "auth.no_session");  // gone for good
  EXPECT_EQ(sessions.login("nobody", "Kesbangpol2026", "10.0.0.4", "t").error().code, "auth.invalid_credentials");
}

TEST_P(StoreTest, EvidenceFilesAreScopedAndClassified) {
  seed_minimal_regions();
  int64_t u = unit("Kesbangpol Kalsel", "KESBANGPOL", "63");
  auto hash = auth::hash_password("Kesbangpol2026");
  org::UserInput in;
  in.username = "kalsel.kaban";
  in.full_name = "Kaban";
  in.role = "KABAN";
  in.clearance = 2;
  in.org_unit_id = u;
  auto uploader = db_->write_value<org::User>([&](db::Conn& c) { return org::create_user(c, auth::Scope::system(), in, *hash); });
  ASSERT_TRUE(uploader.ok());
  auto root = std::filesystem::path(testing::TempDir()) / ("pantau-files-" + random_token(6));
  files::EvidenceStore store(root.string(), 1 << 20);
  auto tmp = root / "tmp" / "x";
  auto write_tmp = [&](const std::string& content) {
    std::ofstream(tmp, std::ios::binary) << content;
    return sha256_hex(content);
  };
  std::string pdf = "%PDF-1.4\n%%EOF\n";
  std::string sha = write_tmp(pdf);
  auto mime = store.place(tmp.string(), sha, static_cast<int64_t>(pdf.size()));
  ASSERT_TRUE(mime.ok());
  EXPECT_EQ(*mime, "application/pdf");
  EXPECT_TRUE(std::filesystem::exists(store.path_of(sha)));
  auto rec = db_->write_value<files::StoredFile>([&](db::Conn& c) {
    return store.record(c, scope_of("63", 2, uploader->id), sha, static_cast<int64_t>(pdf.size()), *mime, {"lap.pdf", "63.71", "", "", 1});
  });
  ASSERT_TRUE(rec.ok()) << rec.error().message.en;
  EXPECT_TRUE(store.find(*db_, scope_of("63.71", 1), rec->id).ok());
  EXPECT_EQ(store.find(*db_, scope_of("63.71", 0), rec->id).error().kind, ErrorKind::NotFound);  // not cleared
  EXPECT_EQ(store.find(*db_, scope_of("63.72", 2), rec->id).error().kind, ErrorKind::NotFound);  // other kab/kota
  EXPECT_TRUE(store.find(*db_, scope_of("", 2), rec->id).ok());

  std::string text = "just text";
  std::string sha2 = write_tmp(text);
  EXPECT_EQ(store.place(tmp.string(), sha2, 9).error().kind, ErrorKind::UnsupportedMedia);
  std::filesystem::remove_all(root);
}

TEST_P(StoreTest, ReferenceDataSeedIsCompleteAndIdempotent) {
  auto rep = app::seed_reference(*db_, PANTAU_DATA_DIR);
  ASSERT_TRUE(rep.ok()) << rep.error().message.en;
  EXPECT_EQ(rep->regions, 552 + 7285);
  auto again = app::seed_reference(*db_, PANTAU_DATA_DIR);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions WHERE level = 1"), 38);
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions WHERE level = 2"), 514);
  EXPECT_EQ(count("SELECT COUNT(*) FROM regions WHERE level = 3"), 7285);
  EXPECT_EQ(count("SELECT COUNT(*) FROM region_geometry"), 552 + 7285);  // kab/kota and provinces, and every kecamatan
  EXPECT_EQ(count("SELECT COUNT(*) FROM holidays"), 109);
  EXPECT_EQ(count("SELECT SUM(seats) FROM election_results WHERE chamber = 'DPR'"), 580);
  std::vector<regions::Region> kalsel;
  std::string geo;
  std::vector<regions::Region> found;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    kalsel = regions::children(c, "63");
    geo = regions::feature_collection(regions::boundaries(c, 2, "63"));
    found = regions::search(c, scope_of("63"), "banjar", 50);
  }).ok());
  ASSERT_EQ(kalsel.size(), 13u);
  EXPECT_EQ(kalsel.front().code, "63.01");
  EXPECT_EQ(kalsel.back().code, "63.72");
  size_t features = 0;
  for (size_t p = 0; (p = geo.find("\"Feature\"", p)) != std::string::npos; ++p) ++features;
  EXPECT_EQ(features, 13u);
  ASSERT_FALSE(found.empty());
  for (auto& r : found) EXPECT_EQ(r.code.substr(0, 2), "63") << r.code;  // search stays in scope
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
