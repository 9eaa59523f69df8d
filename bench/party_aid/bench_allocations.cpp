// Banpol allocations of every region of Indonesia for a fiscal year: 38 provinces and 514
// kab/kota, 18 parties of which 12 hold seats, on generated national election results (the
// data set of the unit test PartyAidStoreTest.NationalAllocations). Seeds a fresh database,
// then times allocations_within(system scope, all of Indonesia) in one read transaction,
// ITERATIONS times after WARMUP untimed runs, and prints min / median / p99 / max.
//   bench_party_aid <database-url> [ITERATIONS=50] [WARMUP=3]
// A SQLite path is created; a postgresql:// URL must name a THROWAWAY database: its public
// schema is dropped and recreated (as the store tests do with PANTAU_TEST_PG_URL).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "auth/scope.h"
#include "core/crypto.h"
#include "db/database.h"
#include "db/migrate.h"
#include "modules/party_aid/store.h"

using namespace pantau;

namespace {

constexpr int kProvinces = 38, kKabKota = 514, kParties = 18, kFiscalYear = 2030;

int fail(const std::string& what) {
  std::fprintf(stderr, "bench_party_aid: %s\n", what.c_str());
  return 1;
}

Status seed(db::Database& db) {
  return db.write([&](db::Conn& c) -> Status {
    c.exec("DELETE FROM regions");
    for (int64_t n = 1; n <= kParties; ++n)
      c.exec(
          "INSERT INTO parties (number, election_year, abbreviation, name, scope) VALUES (?, "
          "2029, ?, ?, 'national')",
          {n, "P" + std::to_string(n), "Partai " + std::to_string(n)});
    auto add_region = [&](const std::string& code, const std::string& parent, int64_t level) {
      c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES (?, ?, ?, ?, 'x')",
             {code, parent, level, "Wilayah " + code});
      for (int64_t n = 1; n <= kParties; ++n)
        c.exec(
            "INSERT INTO election_results (election_year, chamber, region_code, party_number, "
            "valid_votes, seats) VALUES (2029, ?, ?, ?, ?, ?)",
            {std::string(level == 1 ? "DPRD_PROVINSI" : "DPRD_KABKOTA"), code, n,
             int64_t{10000 + n * 1000}, int64_t{n <= 12 ? 1 + n % 5 : 0}});
    };
    for (int p = 0; p < kProvinces; ++p) {
      std::string prov = std::to_string(11 + p);
      add_region(prov, "", 1);
      int here = kKabKota / kProvinces + (p < kKabKota % kProvinces ? 1 : 0);
      for (int k = 1; k <= here; ++k) {
        char code[8];
        std::snprintf(code, sizeof code, "%s.%02d", prov.c_str(), k);
        add_region(code, prov, 2);
      }
    }
    return {};
  });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return fail("usage: bench_party_aid <database-url> [iterations] [warmup]");
  std::string url = argv[1];
  int iterations = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
  int warmup = argc > 3 ? std::max(0, std::atoi(argv[3])) : 3;
  spdlog::set_level(spdlog::level::warn);  // no migration log lines in the output
  if (!crypto_init()) return fail("libsodium could not start");
  bool pg = url.rfind("postgres", 0) == 0;
  if (pg) {
    auto admin = db::open_database(url, {1, false});
    if (!admin.ok()) return fail(admin.error().message.en);
    Status s = (*admin)->write([](db::Conn& c) -> Status {
      c.exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      return {};
    });
    if (!s.ok()) return fail(s.error().message.en);
    (*admin)->close();
  }
  auto opened = db::open_database(url, {2, false});
  if (!opened.ok()) return fail(opened.error().message.en);
  auto& db = **opened;
  if (auto m = db::migrate(db); !m.ok()) return fail(m.error().message.en);
  auto seed_start = std::chrono::steady_clock::now();
  if (Status s = seed(db); !s.ok()) return fail(s.error().message.en);
  double seed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                             seed_start)
                       .count();

  std::vector<double> ms;
  size_t regions = 0, lines = 0;
  for (int i = 0; i < warmup + iterations; ++i) {
    std::vector<party_aid::RegionAllocation> all;
    Status err;
    auto start = std::chrono::steady_clock::now();
    Status s = db.read([&](db::Conn& c) {
      auto r = party_aid::allocations_within(c, auth::Scope::system(), "", kFiscalYear);
      if (r.ok()) all = std::move(*r);
      else err = r.error();
    });
    double t =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!s.ok()) return fail(s.error().message.en);
    if (!err.ok()) return fail(err.error().message.en);
    regions = all.size();
    lines = 0;
    for (const auto& a : all) lines += a.allocation.lines.size();
    if (regions != static_cast<size_t>(kProvinces + kKabKota) ||
        lines != static_cast<size_t>((kProvinces + kKabKota) * 12))
      return fail("unexpected result: " + std::to_string(regions) + " regions, " +
                  std::to_string(lines) + " lines");
    if (i >= warmup) ms.push_back(t);
  }
  db.close();
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    size_t k = static_cast<size_t>(q * static_cast<double>(ms.size() - 1) + 0.5);
    return ms[std::min(k, ms.size() - 1)];
  };
  std::printf("backend=%s regions=%zu lines=%zu iterations=%d seed_ms=%.0f min_ms=%.1f "
              "median_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
              pg ? "postgres" : "sqlite", regions, lines, iterations, seed_ms, ms.front(), at(0.5),
              at(0.99), ms.back());
  return 0;
}
