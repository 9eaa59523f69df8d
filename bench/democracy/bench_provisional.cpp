// Provisional democracy index of every region of Indonesia (38 provinces + 514 kab/kota) from
// 1,000,000 evidence items of one year: seeds a fresh database with the real regions and the
// IDI reference data (data/), generates the evidence (random region, indicator and sign, fixed
// seed), then times compute_provisional(year) in one read transaction, ITERATIONS times after
// WARMUP untimed runs, and prints min / median / p99 / max. Budget: under 2 s.
//   bench_democracy <database-url> <data-dir> [ITEMS=1000000] [ITERATIONS=10] [WARMUP=2]
// A SQLite path is created; a postgresql:// URL must name a THROWAWAY database: its public
// schema is dropped and recreated (as the store tests do with PANTAU_TEST_PG_URL).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "core/time.h"
#include "db/database.h"
#include "db/migrate.h"
#include "modules/democracy/store.h"
#include "modules/regions/seed.h"

using namespace pantau;

namespace {

constexpr int kYear = 2026;

int fail(const std::string& what) {
  std::fprintf(stderr, "bench_democracy: %s\n", what.c_str());
  return 1;
}

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// `items` evidence items over the provinces and kab/kota, in multi-row INSERTs of 500.
Status seed_evidence(db::Database& db, int64_t items) {
  std::vector<std::string> regions;
  Status r = db.read([&](db::Conn& c) {
    c.query("SELECT code FROM regions WHERE level IN (1, 2) ORDER BY code", {}, [&](const db::Row& row) { regions.push_back(row.str(0)); });
  });
  if (!r.ok()) return r;
  int64_t user = 0;
  Status u = db.write([&](db::Conn& c) -> Status {
    std::string now = now_iso();
    int64_t unit = c.insert("INSERT INTO org_units (name, kind, region_code, created_at, updated_at, version) VALUES ('Bench', 'KEMENDAGRI', '', ?, ?, 1)", {now, now});
    user = c.insert("INSERT INTO users (username, full_name, email, password_hash, role, clearance, org_unit_id, disabled, failed_logins, "
                    "password_changed_at, created_at, updated_at, version) VALUES ('bench', 'Bench', '', 'x', 'ADMIN_PUSAT', 2, ?, 0, 0, ?, ?, ?, 1)",
                    {unit, now, now, now});
    return {};
  });
  if (!u.ok()) return u;
  std::mt19937_64 rng(20261206);
  std::uniform_int_distribution<size_t> pick_region(0, regions.size() - 1);
  std::uniform_int_distribution<int> pick_indicator(1, 22), pick_sign(0, 2), pick_day(1, 28);
  constexpr int64_t kPerTxn = 100000, kPerStmt = 500;
  for (int64_t done = 0; done < items;) {
    Status s = db.write([&](db::Conn& c) -> Status {
      for (int64_t t = 0; t < kPerTxn && done < items;) {
        int64_t n = std::min({kPerStmt, kPerTxn - t, items - done});
        std::string sql = "INSERT INTO democracy_evidence (year, region_code, indicator_no, event_date, description, source, sign, created_by, created_at, updated_at) VALUES ";
        db::Params p;
        p.reserve(static_cast<size_t>(n) * 6);
        for (int64_t i = 0; i < n; ++i) {
          sql += i ? ",(?, ?, ?, ?, 'bench', 'bench', ?, ?, '2026-01-01', '2026-01-01')" : "(?, ?, ?, ?, 'bench', 'bench', ?, ?, '2026-01-01', '2026-01-01')";
          char date[11];
          std::snprintf(date, sizeof date, "%04d-%02d-%02d", kYear, 1 + static_cast<int>(rng() % 12), pick_day(rng));
          p.emplace_back(int64_t{kYear});
          p.emplace_back(regions[pick_region(rng)]);
          p.emplace_back(int64_t{pick_indicator(rng)});
          p.emplace_back(std::string(date));
          p.emplace_back(int64_t{pick_sign(rng) == 0 ? 1 : -1});  // a third positive
          p.emplace_back(user);
        }
        c.exec(sql, p);
        t += n;
        done += n;
      }
      return {};
    });
    if (!s.ok()) return s;
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return fail("usage: bench_democracy <database-url> <data-dir> [items] [iterations] [warmup]");
  std::string url = argv[1], data = argv[2];
  int64_t items = argc > 3 ? std::max<int64_t>(1, std::atoll(argv[3])) : 1000000;
  int iterations = argc > 4 ? std::max(1, std::atoi(argv[4])) : 10;
  int warmup = argc > 5 ? std::max(0, std::atoi(argv[5])) : 2;
  spdlog::set_level(spdlog::level::warn);
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
  if (auto r = regions::seed_regions(db, data); !r.ok()) return fail(r.error().message.en);
  if (Status s = db.write([&](db::Conn& c) { return democracy::seed_reference(c, data); }); !s.ok()) return fail(s.error().message.en);
  if (Status s = seed_evidence(db, items); !s.ok()) return fail(s.error().message.en);
  if (pg) {
    Status s = db.write([](db::Conn& c) -> Status {
      c.exec("ANALYZE democracy_evidence");
      return {};
    });
    if (!s.ok()) return fail(s.error().message.en);
  }
  double seed_ms = ms_since(seed_start);

  std::vector<double> ms;
  size_t regions = 0;
  int64_t counted = 0;
  for (int i = 0; i < warmup + iterations; ++i) {
    std::vector<democracy::RegionProvisional> all;
    auto start = std::chrono::steady_clock::now();
    Status s = db.read([&](db::Conn& c) {
      auto w = democracy::active_weights(c);
      if (w) all = democracy::compute_provisional(c, kYear, *w);
    });
    double t = ms_since(start);
    if (!s.ok()) return fail(s.error().message.en);
    regions = all.size();
    counted = 0;
    for (const auto& r : all)
      if (r.region_code.size() == 2)
        for (const auto& pi : r.indicators) counted += pi.tally.positive + pi.tally.negative;
    // Every item counts once at its province (a kab/kota's item also counts for its province).
    if (regions != 552 || counted != items) return fail("unexpected result: " + std::to_string(regions) + " regions, " + std::to_string(counted) + " items");
    if (i >= warmup) ms.push_back(t);
  }
  db.close();
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) {
    size_t k = static_cast<size_t>(q * static_cast<double>(ms.size() - 1) + 0.5);
    return ms[std::min(k, ms.size() - 1)];
  };
  std::printf("backend=%s regions=%zu evidence=%lld iterations=%d seed_ms=%.0f min_ms=%.1f median_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
              pg ? "postgres" : "sqlite", regions, static_cast<long long>(counted), iterations, seed_ms, ms.front(), at(0.5), at(0.99), ms.back());
  return 0;
}
