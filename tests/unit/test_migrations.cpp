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

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
}  // namespace
