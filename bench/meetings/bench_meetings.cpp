// Meetings: (1) the Berita Acara of a meeting with 100 participants, each with a drawn signature,
// and 20 agreements with an action item each, rendered as a PDF (berita_acara_pdf, the work of
// one download); (2) the first page (50 items) of the national tracker over 50,000 action items
// spread over 38 provinces, in the order the tracker answers (earliest due date first).
// Seeds a fresh database, times ITERATIONS runs after WARMUP untimed runs, prints min / median /
// p99 / max in milliseconds.
//   bench_meetings <database-url> [ITERATIONS=30] [WARMUP=3]
// A postgresql:// URL must name a THROWAWAY database: its public schema is dropped and recreated.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "core/crypto.h"
#include "db/database.h"
#include "db/migrate.h"
#include "documents/register.h"
#include "modules/meetings/documents.h"
#include "modules/meetings/public.h"
#include "modules/meetings/store.h"

using namespace pantau;
using namespace pantau::meetings;

namespace {

int fail(const std::string& what) {
  std::fprintf(stderr, "bench_meetings: %s\n", what.c_str());
  return 1;
}

void print_times(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<size_t>(q * (ms.size() - 1) + 0.5))]; };
  std::printf("%-44s min %7.2f  median %7.2f  p99 %7.2f  max %7.2f ms  (%zu runs)\n", what, ms.front(), at(0.5), at(0.99), ms.back(),
              ms.size());
}

template <class F>
std::vector<double> time_runs(int iterations, int warmup, F&& f) {
  std::vector<double> out;
  for (int i = 0; i < warmup + iterations; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    if (i >= warmup) out.push_back(ms);
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return fail("usage: bench_meetings <database-url> [ITERATIONS] [WARMUP]");
  spdlog::set_level(spdlog::level::warn);
  if (!crypto_init()) return fail("libsodium");
  const std::string url = argv[1];
  const int iterations = argc > 2 ? std::atoi(argv[2]) : 30, warmup = argc > 3 ? std::atoi(argv[3]) : 3;
  if (url.rfind("postgres", 0) == 0) {
    auto admin = db::open_database(url, {1, false});
    if (!admin.ok()) return fail(admin.error().message.en);
    (void)(*admin)->write([](db::Conn& c) -> Status {
      c.exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
      return {};
    });
    (*admin)->close();
  }
  auto opened = db::open_database(url, {4, false});
  if (!opened.ok()) return fail(opened.error().message.en);
  db::Database& db = **opened;
  if (auto m = db::migrate(db); !m.ok()) return fail(m.error().message.en);
  const auth::Scope sys = auth::Scope::system();
  int64_t meeting = 0;
  Status seeded = db.write([&](db::Conn& c) -> Status {
    for (int p = 0; p < 38; ++p) {
      std::string prov = std::to_string(11 + p);
      c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES (?, '', 1, ?, 'Provinsi')", {prov, "Provinsi " + prov});
    }
    MeetingInput in;
    in.type = "RAKOR";
    in.title = "Rapat Koordinasi Nasional Kesatuan Bangsa dan Politik";
    in.region_code = "";
    in.chair_name = "Direktur Jenderal Politik dan Pemerintahan Umum";
    in.start_at = "2026-03-24T01:00:00Z";
    in.end_at = "2026-03-24T09:00:00Z";
    in.venue = "Jakarta";
    PANTAU_TRY(meeting, create_meeting(c, sys, in));
    for (int i = 0; i < 100; ++i) {
      Participant p;
      p.name = "Peserta rapat nomor " + std::to_string(i + 1);
      p.position = "Kepala Badan";
      p.institution = "Badan Kesbangpol Provinsi " + std::to_string(11 + i % 38);
      p.present = true;
      PANTAU_TRY(int64_t pid, add_participant(c, sys, meeting, p));
      (void)pid;
    }
    for (int a = 0; a < 20; ++a) {
      Agreement g;
      g.text = "Kesepakatan ke-" + std::to_string(a + 1) +
               ": pemerintah daerah mengalokasikan anggaran pemantauan dan melaporkan hasilnya secara berkala kepada pemerintah pusat.";
      g.category = "COORDINATION";
      g.target_date = "2026-12-31";
      PANTAU_TRY(int64_t gid, add_agreement(c, sys, meeting, g));
      ActionItemInput ai;
      ai.meeting_id = meeting;
      ai.agreement_id = gid;
      ai.action = "Rencana aksi kesepakatan " + std::to_string(a + 1);
      ai.output = "Laporan";
      ai.due_date = "2026-12-31";
      ai.region_code = std::to_string(11 + a % 38);
      PANTAU_TRY(int64_t item, create_action_item(c, sys, ai));
      (void)item;
    }
    c.exec("UPDATE meetings SET status = 'MINUTED' WHERE id = ?", {meeting});
    // Every participant signed on the tablet: about 80 points each.
    std::string sig = "[[";
    for (int k = 0; k < 80; ++k) sig += (k ? "," : "") + fmt::format("[{},{}]", 10 + k * 3, 60 + (k * 37 % 50) - 25);
    sig += "]]";
    c.exec("UPDATE meeting_participants SET ba_signed_at = '2026-03-24T08:00:00.000Z', ba_signed_revision = 1, ba_signature = ? "
           "WHERE meeting_id = ?",
           {sig, meeting});
    // 50,000 action items over the 38 provinces, due over three years.
    for (int i = 0; i < 50000; ++i) {
      int day = i % 1000;
      std::string due = format_date(civil_from_days(days_from_civil({2025, 1, 1}) + day));
      c.exec("INSERT INTO action_items (region_code, action, due_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
             {std::to_string(11 + i % 38), "Rencana aksi " + std::to_string(i), due, std::string(i % 5 == 0 ? "DONE" : "OPEN"),
              std::string("2025-01-01T00:00:00.000Z"), std::string("2025-01-01T00:00:00.000Z")});
    }
    return {};
  });
  if (!seeded.ok()) return fail(seeded.error().message.en);
  if (db.dialect() == db::Dialect::Postgres) (void)db.write([](db::Conn& c) -> Status { c.exec("ANALYZE"); return {}; });
  std::printf("%s\n", db.dialect() == db::Dialect::SQLite ? "SQLite" : "PostgreSQL");

  documents::Stamp stamp{"000.1.4/0001/Kesbangpol/2026", "kode-bench-0000000000", "https://pantau.example.go.id/verifikasi/kode", false,
                         Clock::now()};
  size_t bytes = 0;
  auto pdf_ms = time_runs(iterations, warmup, [&] {
    auto pdf = db.read_value<std::string>([&](db::Conn& c) { return berita_acara_pdf(c, sys, meeting, stamp); });
    if (!pdf.ok()) std::fprintf(stderr, "%s\n", pdf.error().message.en.c_str());
    else bytes = pdf->size();
  });
  print_times("Berita Acara, 100 signatures, 20 agreements", pdf_ms);
  std::printf("  (PDF of %zu KB)\n", bytes / 1024);
  Date today{2026, 6, 30};
  size_t items = 0;
  auto tracker_ms = time_runs(iterations * 10, warmup, [&] {
    (void)db.read([&](db::Conn& c) { items = tracker(c, sys, {}, today).items.size(); });
  });
  print_times("national tracker, first page of 50", tracker_ms);
  auth::Scope prov = sys;
  prov.region_code = "31";
  auto prov_ms = time_runs(iterations * 10, warmup, [&] {
    (void)db.read([&](db::Conn& c) { items = tracker(c, prov, {}, today).items.size(); });
  });
  print_times("one province's tracker, first page of 50", prov_ms);
  db.close();
  return items == 50 ? 0 : fail("the tracker did not return a full page");
}
