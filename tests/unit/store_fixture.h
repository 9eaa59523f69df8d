// The store-suite fixture: a fresh database per test, on SQLite or on the PostgreSQL server
// named by PANTAU_TEST_PG_URL (set by `make test`). Module suites derive from StoreTest.
#pragma once
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "auth/password.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "db/database.h"
#include "db/migrate.h"
#include "modules/org/store.h"

namespace pantau::testing_support {
using namespace pantau;
class FakeTime : public TimeSource {
 public:
  TimePoint now() const override { return t; }
  TimePoint t = Clock::now();
};

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    ASSERT_TRUE(crypto_init());
    if (GetParam() == "sqlite") {
      dir_ = std::filesystem::path(testing::TempDir()) / ("pantau-store-" + random_token(6));
      std::filesystem::create_directories(dir_);
      url_ = (dir_ / "test.db").string();
    } else {
      const char* u = std::getenv("PANTAU_TEST_PG_URL");
      ASSERT_TRUE(u && *u) << "PANTAU_TEST_PG_URL is not set: run `make test`, which starts a PostgreSQL cluster";
      url_ = u;
      auto admin = db::open_database(url_, {1, false});
      ASSERT_TRUE(admin.ok()) << admin.error().message.en;
      Status s = (*admin)->write([](db::Conn& c) -> Status {
        c.exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        return {};
      });
      ASSERT_TRUE(s.ok());
      (*admin)->close();
    }
    reopen();
    auto m = db::migrate(*db_);
    ASSERT_TRUE(m.ok()) << m.error().message.en;
  }
  void TearDown() override {
    if (db_) db_->close();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  void reopen() {
    if (db_) db_->close();
    auto d = db::open_database(url_, {4, false});
    ASSERT_TRUE(d.ok()) << d.error().message.en;
    db_ = std::move(d.value());
  }
  void make_table() {
    Status s = db_->write([](db::Conn& c) -> Status {
      c.exec_script("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)");
      return {};
    });
    ASSERT_TRUE(s.ok());
  }
  int64_t count(const std::string& sql, const db::Params& p = {}) {
    int64_t n = -1;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { n = c.query_i64(sql, p).value_or(-1); }).ok());
    return n;
  }
  int64_t unit(const std::string& name, const std::string& kind, const std::string& region) {
    auto r = db_->write_value<org::OrgUnit>([&](db::Conn& c) {
      return org::create_org_unit(c, auth::Scope::system(), {name, kind, region, std::nullopt});
    });
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.en);
    return r.ok() ? r->id : 0;
  }
  void seed_minimal_regions() {
    Status s = db_->write([](db::Conn& c) -> Status {
      for (auto [code, parent, level] : std::vector<std::tuple<const char*, const char*, int>>{
               {"63", "", 1}, {"63.71", "63", 2}, {"63.72", "63", 2}, {"64", "", 1}, {"64.02", "64", 2}}) {
        c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES (?, ?, ?, ?, 'x')",
               {std::string(code), std::string(parent), int64_t{level}, std::string("Wilayah ") + code});
      }
      return {};
    });
    ASSERT_TRUE(s.ok());
  }
  static auth::Scope scope_of(const std::string& region, int clearance = 0, int64_t user = 1) {
    auth::Scope s;
    s.user_id = user;
    s.username = "tester";
    s.role = "ADMIN_DAERAH";
    s.region_code = region;
    s.clearance = clearance;
    return s;
  }

  // A user in an org unit of `region`, for records that need an owner.
  auth::Scope user_in(const std::string& region, const std::string& role, int clearance = 0) {
    int64_t u = unit("Unit " + region + " " + role + random_token(3), region.empty() ? "KEMENDAGRI" : "KESBANGPOL", region);
    static const std::string hash = auth::hash_password("Kesbangpol2026").value();
    org::UserInput in;
    in.username = "u" + to_lower_ascii(random_token(6));
    for (auto& ch : *in.username) if (ch == '_' ) ch = 'x';
    in.full_name = "Pengguna";
    in.role = role;
    in.clearance = clearance;
    in.org_unit_id = u;
    auto r = db_->write_value<org::User>([&](db::Conn& c) { return org::create_user(c, auth::Scope::system(), in, hash); });
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message.en);
    auth::Scope s;
    s.user_id = r.ok() ? r->id : 0;
    s.username = *in.username;
    s.role = role;
    s.org_unit_id = u;
    s.region_code = region;
    s.clearance = clearance;
    return s;
  }

  std::filesystem::path dir_;
  std::string url_;
  std::unique_ptr<db::Database> db_;
};

}  // namespace pantau::testing_support
