// Migrations are written once (migrations/NNNN_name.sql with dialect tokens, plus
// migrations/<dialect>/ where the SQL really differs; cmake/embed_migrations.cmake). The schema
// they build must be the one the earlier per-dialect twin files built: the catalogue of a freshly
// migrated database is compared with tests/fixtures/schema_<dialect>.txt, a snapshot taken from a
// database that those twin files migrated (see schema_catalogue.h; regenerate it only for a new
// migration: `build/tests/schema_catalogue URL > tests/fixtures/schema_<dialect>.txt`).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/time.h"
#include "db/migrate.h"
#include "fixtures.h"
#include "schema_catalogue.h"
#include "modules/monitoring/store.h"
#include "search/search.h"
#include "store_fixture.h"

using namespace pantau;

namespace {
using pantau::testing_support::StoreTest;

class MigrationTest : public StoreTest {
 protected:
  // An empty database again, at the same place.
  void reset_database() {
    db_->close();
    db_.reset();
    if (GetParam() == "sqlite") {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(url_ + suffix);
    } else {
      auto admin = db::open_database(url_, {1, false});
      ASSERT_TRUE(admin.ok()) << admin.error().message.en;
      ASSERT_TRUE((*admin)->write([](db::Conn& c) -> Status {
        c.exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        return {};
      }).ok());
      (*admin)->close();
    }
    reopen();
  }
  std::string catalogue() {
    std::string out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { out = testing_support::schema_catalogue(c); }).ok());
    return out;
  }
  static std::string snapshot(const std::string& dialect) {
    std::ifstream f(std::string(PANTAU_FIXTURES_DIR) + "/schema_" + dialect + ".txt", std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
  }
  // The first lines that differ, with their line numbers, rather than two 2,000-line texts.
  static std::string first_differences(const std::string& want, const std::string& got) {
    std::istringstream a(want), b(got);
    std::string la, lb, out;
    int n = 0, shown = 0;
    while (shown < 12) {
      bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
      if (!ha && !hb) break;
      ++n;
      if (ha && hb && la == lb) continue;
      out += "line " + std::to_string(n) + "\n  snapshot: " + (ha ? la : "(end)") + "\n  migrated: " + (hb ? lb : "(end)") + "\n";
      ++shown;
    }
    return out;
  }
};

TEST_P(MigrationTest, EmptyDatabaseGetsTheSnapshotSchema) {
  std::string want = snapshot(GetParam());
  ASSERT_FALSE(want.empty()) << "tests/fixtures/schema_" << GetParam() << ".txt is missing";
  std::string got = catalogue();
  EXPECT_TRUE(got == want) << first_differences(want, got);
}

// The snapshot is a real description: it names what the migrations are known to create, with the
// dialect's own spelling (a token left unexpanded or expanded for the wrong database shows here).
TEST_P(MigrationTest, SnapshotSpeaksEachDialect) {
  std::string s = catalogue();
  if (GetParam() == "sqlite") {
    EXPECT_NE(s.find("table users on users: CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT,"), std::string::npos);
    EXPECT_NE(s.find("table search_fts on search_fts: CREATE VIRTUAL TABLE search_fts USING fts5"), std::string::npos);
    EXPECT_NE(s.find("trigger audit_log_no_delete on audit_log:"), std::string::npos);
  } else {
    EXPECT_NE(s.find("column: users | 1 | id | bigint | NULL | 64 | NO | NULL | YES | BY DEFAULT"), std::string::npos);
    EXPECT_NE(s.find("column: regions | 1 | code | text | NULL | NULL | NO | NULL | NO | NULL | NULL | NULL | C |"),
              std::string::npos);
    EXPECT_NE(s.find("index: search_docs | search_docs_tsv | CREATE INDEX search_docs_tsv ON public.search_docs USING gin (tsv)"),
              std::string::npos);
    EXPECT_NE(s.find("trigger: audit_log | audit_log_no_change |"), std::string::npos);
    EXPECT_NE(s.find("function: pantau_fold | t text |"), std::string::npos);
  }
  EXPECT_EQ(s.find("{{"), std::string::npos);
  EXPECT_EQ(s.find("}}"), std::string::npos);
}

// A database deployed at an earlier version (it records only the numbers it applied) is brought
// to the same schema as a new one: after the first migration, half way, and before the last one.
// (tests/migrations/upgrade.sh does the same from a database that an older build migrated.)
TEST_P(MigrationTest, EarlierVersionsUpgradeToTheSnapshotSchema) {
  std::string want = snapshot(GetParam());
  std::vector<int> versions;
  for (const auto& m : db::embedded_migrations())
    if (m.dialect == GetParam()) versions.push_back(m.version);
  std::sort(versions.begin(), versions.end());
  ASSERT_GE(versions.size(), 2u);
  for (size_t i : {size_t{0}, versions.size() / 2, versions.size() - 2}) {
    int at = versions[i];
    SCOPED_TRACE("deployed at version " + std::to_string(at));
    reset_database();
    auto part = db::migrate(*db_, at);
    ASSERT_TRUE(part.ok()) << part.error().message.en;
    EXPECT_EQ(*part, static_cast<int>(i + 1));
    auto v = db::schema_version(*db_);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, at);
    auto rest = db::migrate(*db_);
    ASSERT_TRUE(rest.ok()) << rest.error().message.en;
    EXPECT_EQ(*rest, static_cast<int>(versions.size() - i - 1));
    std::string got = catalogue();
    ASSERT_TRUE(got == want) << first_differences(want, got);
  }
}

// Migration 0039 rebuilds political_events and search_docs on SQLite (their CHECK lists written
// as comparisons, no AUTOINCREMENT; PostgreSQL records the number only). A database with fast
// reports, one of them acted on (its search entry made anew), keeps every row as it was, its
// search still finds them, the checks still refuse what they refused, and new ids follow on.
TEST_P(MigrationTest, Migration0039KeepsFastReportsAndTheirSearchEntries) {
  reset_database();
  auto part = db::migrate(*db_, 38);
  ASSERT_TRUE(part.ok()) << part.error().message.en;
  seed_minimal_regions();
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES ('63.71.01', '63.71', 3, 'Banjarmasin Selatan', 'Kecamatan')");
    return {};
  }).ok());
  auth::Scope op = user_in("63.71", "OPERATOR"), prov = user_in("63", "ANALIS", 1);
  std::vector<int64_t> ids;
  for (auto [title, level, source, region] : std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
           {"Unjuk rasa hoaks di depan kantor KPU", "MEDIUM", "FIELD", "63.71.01"},
           {"Baliho provokatif menjelang pemungutan suara", "HIGH", "MEDIA", "63.71"},
           {"Laporan warga tentang hoaks kampanye", "LOW", "PUBLIC_REPORT", "63.71.01"}}) {
    monitoring::EventInput in;
    in.region_code = region;
    in.occurred_at = "2026-11-23T02:00:00.000Z";
    in.category_code = "POLITICAL_SITUATION.DEMONSTRATION";
    in.title = title;
    in.description = "Dipantau aparat";
    in.escalation_level = level;
    in.source = source;
    auto e = db_->write_value<monitoring::PoliticalEvent>([&](db::Conn& c) { return monitoring::create_event(c, op, in); });
    ASSERT_TRUE(e.ok()) << e.error().message.en;
    ids.push_back(e->id);
  }
  auto verified = db_->write_value<monitoring::PoliticalEvent>(
      [&](db::Conn& c) { return monitoring::act_on_event(c, prov, ids[1], 1, monitoring::EventAction::Verify, ""); });
  ASSERT_TRUE(verified.ok()) << verified.error().message.en;
  auto dump = [&](const std::string& sql) {
    std::string out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) {
      c.query(sql, {}, [&](const db::Row& r) {
        for (int i = 0; i < r.size(); ++i) out.append(r.is_null(i) ? "NULL" : r.str(i)).append("|");
        out += "\n";
      });
    }).ok());
    return out;
  };
  const std::string events_sql = "SELECT * FROM political_events ORDER BY id", docs_sql = "SELECT * FROM search_docs ORDER BY id";
  std::string events = dump(events_sql), docs = dump(docs_sql);
  ASSERT_EQ(std::count(events.begin(), events.end(), '\n'), 3);
  ASSERT_GE(std::count(docs.begin(), docs.end(), '\n'), 3);

  auto rest = db::migrate(*db_);
  ASSERT_TRUE(rest.ok()) << rest.error().message.en;
  EXPECT_EQ(dump(events_sql), events);
  EXPECT_EQ(dump(docs_sql), docs);
  auto hits = [&](const std::string& q) {
    std::vector<search::Hit> h;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { h = search::query(c, prov, q, 10, "political_event"); }).ok());
    return h;
  };
  auto found = hits("hoaks");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].entity_id, std::to_string(ids[2]));  // the newest first
  EXPECT_EQ(found[1].entity_id, std::to_string(ids[0]));
  ASSERT_EQ(hits("provokatif").size(), 1u);
  EXPECT_EQ(hits("provokatif")[0].entity_id, std::to_string(ids[1]));

  // The checks refuse what they refused; a new report gets the next id and is found.
  for (auto [level, source] : std::vector<std::pair<std::string, std::string>>{{"SEVERE", "FIELD"}, {"LOW", "RUMOUR"}, {"low", "FIELD"}}) {
    Status bad = db_->write([&](db::Conn& c) -> Status {
      c.exec("INSERT INTO political_events (region_code, occurred_at, reported_at, category_code, title, escalation_level, source, "
             "reported_by, org_unit_id, updated_at) VALUES ('63.71', 'x', 'x', 'POLITICAL_SITUATION.DEMONSTRATION', 't', ?, ?, ?, ?, 'x')",
             {level, source, op.user_id, op.org_unit_id});
      return {};
    });
    EXPECT_FALSE(bad.ok()) << level << " " << source;
  }
  monitoring::EventInput in;
  in.region_code = "63.71.01";
  in.occurred_at = "2026-11-24T02:00:00.000Z";
  in.category_code = "POLITICAL_SITUATION.DEMONSTRATION";
  in.title = "Hoaks kembali beredar";
  in.escalation_level = "CRITICAL";
  in.source = "AGENCY";
  auto next = db_->write_value<monitoring::PoliticalEvent>([&](db::Conn& c) { return monitoring::create_event(c, op, in); });
  ASSERT_TRUE(next.ok()) << next.error().message.en;
  if (GetParam() == "sqlite") EXPECT_EQ(next->id, ids[2] + 1);
  else EXPECT_GT(next->id, ids[2]);  // a sequence skips the values of the refused inserts
  found = hits("hoaks");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].entity_id, std::to_string(next->id));
  if (GetParam() == "sqlite")
    EXPECT_EQ(count("SELECT COUNT(*) FROM sqlite_sequence WHERE name IN ('political_events', 'search_docs', "
                    "'political_events_0039', 'search_docs_0039')"),
              0);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
}  // namespace
