// Registries at scale: 100,000 ormas with 1,000,000 board members and 100,000 foreigners on a
// fresh database with the shipped regions, then
//   import   a 100,000-row ormas registry (3 board members a row) through import_ormas, timed;
//   search   ormas list searches (a word of an ormas' or member's name, a member's full name, a NIK)
//            and foreigner searches (name prefix, passport) from 8 threads at once, each thread
//            with the scope of an office (a kab/kota, its province, or the ministry);
//   suggest  actor suggestions while typing (a 3-6 letter prefix, a NIK prefix) from 8 threads.
// Prints p50 / p99 / max per kind in milliseconds. The database is opened with the readers
// `pantau serve` opens on this machine (max(4, 2 x cores)), so 8 threads wait for a reader as 8
// clients of the server would. With BENCH_HTTP_QUERIES=<file> it also writes the same query mix as
// HTTP paths (kind, office, path per line), which the second form sends to a running `pantau serve`
// from 8 clients (threads with a keep-alive connection each, no pause) and reports the wall time of
// each request as a client sees it.
//   bench_registries <database-url> <data-dir> [QUERIES_PER_THREAD=200]
//   bench_registries http <port> <queries-file> <K-cookie> <P-cookie> <N-cookie> [QUERIES_PER_CLIENT=200]
// A postgresql:// URL must name a THROWAWAY database: its public schema is dropped.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <string>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "app/reference.h"
#include "auth/scope.h"
#include "core/crypto.h"
#include "db/bulk.h"
#include "db/database.h"
#include "db/migrate.h"
#include "modules/actors/public.h"
#include "modules/actors/store.h"
#include "modules/foreigners/store.h"
#include "modules/ormas/store.h"

using namespace pantau;
using Steady = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kFirst = {"Ahmad", "Muhammad", "Siti", "Nur", "Rahmat", "Abdul", "Fitri", "Hendra", "Rina", "Yusuf",
                                         "Aulia", "Rizky", "Hasan", "Fauzan", "Dewi", "Syahrani", "Mahmud", "Bahrani", "Rusdi", "Gusti",
                                         "Agus", "Budi", "Citra", "Dian", "Eko", "Fajar", "Galih", "Hadi", "Indra", "Joko"};
const std::vector<std::string> kLast = {"Hidayat", "Rahman", "Fauzi", "Aminah", "Saputra", "Hasanah", "Ramadhan", "Effendi", "Arsyad",
                                        "Maulana", "Husin", "Jamal", "Riduan", "Zainal", "Anshari", "Mursyid", "Wahyuni", "Santoso",
                                        "Pratama", "Nugroho", "Setiawan", "Kurniawan", "Lestari", "Wijaya", "Siregar", "Nasution"};
const std::vector<std::string> kPrefixes = {"Gerakan", "Forum", "Persatuan", "Ikatan", "Lembaga", "Paguyuban", "Himpunan", "Perkumpulan",
                                            "Barisan", "Komunitas", "Majelis", "Aliansi", "Laskar", "Yayasan"};
const std::vector<std::string> kSubjects = {"Pemuda", "Peduli Lingkungan", "Pecinta Alam", "Taklim", "Seni Budaya", "Nelayan", "Petani",
                                            "Pedagang", "Perempuan", "Anti Narkoba", "Adat", "Pendidikan", "Relawan", "Pengrajin", "Remaja",
                                            "Disabilitas", "Kesehatan", "Bantuan Hukum", "Olahraga", "Wirausaha"};

struct Region {
  std::string code;  // a kab/kota
};

std::string nik_of(const std::string& kab, int64_t n) {
  // kab "63.71" -> 6371, kecamatan 01..09, a valid birth date, a serial from n.
  int64_t kec = 1 + n % 9, day = 1 + n % 28, month = 1 + (n / 28) % 12, year = 60 + (n / 336) % 40;
  return fmt::format("{}{}{:02d}{:02d}{:02d}{:02d}{:04d}", kab.substr(0, 2), kab.substr(3, 2), kec, day, month, year, 1 + (n / 13440) % 9999);
}

struct Stats {
  std::vector<double> ms;
  void add(double v) { ms.push_back(v); }
  std::string line(const char* what) {
    std::sort(ms.begin(), ms.end());
    auto at = [&](double q) { return ms.empty() ? 0 : ms[std::min(ms.size() - 1, static_cast<size_t>(q * ms.size()))]; };
    return fmt::format("{:<10} n={:<6} p50={:7.2f} ms  p99={:7.2f} ms  max={:7.2f} ms", what, ms.size(), at(0.5), at(0.99), ms.empty() ? 0 : ms.back());
  }
};

// CPU time of the calling thread: what a query costs, whatever else the machine is running.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double since(Steady::time_point t) { return std::chrono::duration<double, std::milli>(Steady::now() - t).count(); }

ormas::OrmasInput ormas_row(std::mt19937_64& rng, const std::string& kab, int64_t i, int members, int64_t& person) {
  ormas::OrmasInput in;
  in.name = kPrefixes[rng() % kPrefixes.size()] + " " + kSubjects[rng() % kSubjects.size()] + " " + kLast[rng() % kLast.size()] + " " +
            std::to_string(i);
  in.legal_form = "NON_BH";
  in.scope_level = "KABKOTA";
  in.region_code = kab;
  in.skt_no = fmt::format("01-00-00/{}/{}", i, 2020 + i % 6);
  in.skt_issue_date = fmt::format("{}-{:02d}-{:02d}", 2020 + i % 6, 1 + i % 12, 1 + i % 28);
  static const char* pos[] = {"KETUA", "SEKRETARIS", "BENDAHARA", "WAKIL_KETUA", "ANGGOTA", "ANGGOTA", "ANGGOTA", "ANGGOTA", "PEMBINA", "PENASEHAT"};
  for (int m = 0; m < members; ++m) {
    int64_t n = person++;
    in.board.push_back({nik_of(kab, n), kFirst[rng() % kFirst.size()] + " " + kLast[rng() % kLast.size()], pos[m % 10], "", "", false});
  }
  return in;
}

// One client of `pantau serve`: a keep-alive connection, one request at a time. Returns the status.
struct HttpClient {
  int fd = -1;
  std::string buf;
  explicit HttpClient(int port) {
    fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) { std::perror("connect"); std::exit(1); }
  }
  ~HttpClient() { ::close(fd); }
  int get(const std::string& path, const std::string& cookie) {
    std::string req = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nCookie: " + cookie + "\r\n\r\n";
    if (::send(fd, req.data(), req.size(), 0) != static_cast<ssize_t>(req.size())) { std::perror("send"); std::exit(1); }
    buf.clear();
    size_t head_end = std::string::npos, need = 0;
    char tmp[65536];
    for (;;) {
      ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
      if (n <= 0) { std::fprintf(stderr, "connection closed\n"); std::exit(1); }
      buf.append(tmp, static_cast<size_t>(n));
      if (head_end == std::string::npos && (head_end = buf.find("\r\n\r\n")) != std::string::npos) {
        std::string head = buf.substr(0, head_end);
        for (auto& ch : head) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        auto cl = head.find("content-length:");
        if (cl == std::string::npos) { std::fprintf(stderr, "no Content-Length in the answer to %s\n", path.c_str()); std::exit(1); }
        need = head_end + 4 + std::strtoull(head.c_str() + cl + 15, nullptr, 10);
      }
      if (head_end != std::string::npos && buf.size() >= need) break;
    }
    return std::atoi(buf.c_str() + 9);  // "HTTP/1.1 200"
  }
};

int http_main(int argc, char** argv) {
  if (argc < 7) {
    std::fprintf(stderr, "usage: bench_registries http <port> <queries-file> <K-cookie> <P-cookie> <N-cookie> [QUERIES_PER_CLIENT]\n");
    return 2;
  }
  const int port = std::atoi(argv[2]);
  const std::string cookies[3] = {argv[4], argv[5], argv[6]};
  const int per_client = argc > 7 ? std::atoi(argv[7]) : 200;
  const int warmup = std::getenv("BENCH_WARMUP_QUERIES") ? std::atoi(std::getenv("BENCH_WARMUP_QUERIES")) : 50;
  struct Query { int kind; int office; std::string path; };
  std::vector<Query> queries;
  std::ifstream in(argv[3]);
  for (std::string line; std::getline(in, line);) {
    auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    char office = line[t1 + 1];
    queries.push_back({std::atoi(line.c_str()), office == 'K' ? 0 : office == 'P' ? 1 : 2, line.substr(t2 + 1)});
  }
  if (queries.empty()) { std::fprintf(stderr, "no queries in %s\n", argv[3]); return 2; }
  const int clients = 8;
  Stats kinds[6];
  std::mutex mu;
  std::atomic<int> failures{0};
  auto client = [&](int n) {
    HttpClient c(port);
    Stats mine[6];
    for (int i = -warmup; i < per_client; ++i) {
      const Query& q = queries[static_cast<size_t>(n + (i + warmup) * clients) % queries.size()];
      auto t = Steady::now();
      int status = c.get(q.path, cookies[q.office]);
      double ms = since(t);
      if (status != 200 && failures++ < 5) std::fprintf(stderr, "%d for %s\n", status, q.path.c_str());
      if (i >= 0) mine[q.kind].add(ms);
    }
    std::lock_guard<std::mutex> lock(mu);
    for (int k = 0; k < 6; ++k) kinds[k].ms.insert(kinds[k].ms.end(), mine[k].ms.begin(), mine[k].ms.end());
  };
  auto t0 = Steady::now();
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) threads.emplace_back(client, i);
  for (auto& th : threads) th.join();
  std::printf("http       %d clients x %d (after %d not counted) in %.1f s\n", clients, per_client, warmup, since(t0) / 1000);
  const char* names[6] = {"word", "fullname", "nik", "foreigner", "suggest", "suggest-nik"};
  for (int k = 0; k < 6; ++k) std::printf("%s\n", kinds[k].line(names[k]).c_str());
  if (failures > 0) { std::fprintf(stderr, "%d answers were not 200\n", failures.load()); return 1; }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::string(argv[1]) == "http") return http_main(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: bench_registries <database-url> <data-dir> [QUERIES_PER_THREAD]\n");
    return 2;
  }
  spdlog::set_level(spdlog::level::warn);
  std::string url = argv[1], data = argv[2];
  int per_thread = argc > 3 ? std::atoi(argv[3]) : 200;
  // Queries each thread runs first without counting them: the pages a query needs are read from
  // disk once after the data set is generated, and a short run's p99 would be those first reads.
  const int warmup = std::getenv("BENCH_WARMUP_QUERIES") ? std::atoi(std::getenv("BENCH_WARMUP_QUERIES")) : 50;
  const int kOrmas = std::getenv("BENCH_ORMAS") ? std::atoi(std::getenv("BENCH_ORMAS")) : 100000;
  const int kForeigners = std::getenv("BENCH_FOREIGNERS") ? std::atoi(std::getenv("BENCH_FOREIGNERS")) : 100000;
  crypto_init();
  if (url.rfind("postgres", 0) == 0) {
    auto admin = db::open_database(url, {1, false});
    if (!admin.ok()) return 1;
    (void)(*admin)->write([](db::Conn& c) -> Status { c.exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"); return {}; });
    (*admin)->close();
  }
  // The readers of `pantau serve` on this machine (src/app/main.cpp cmd_serve).
  const int readers = static_cast<int>(std::max(4u, 2 * std::max(1u, std::thread::hardware_concurrency())));
  auto opened = db::open_database(url, {readers, false});
  if (!opened.ok()) { std::fprintf(stderr, "%s\n", opened.error().message.en.c_str()); return 1; }
  auto& db = *opened.value();
  if (auto m = db::migrate(db); !m.ok()) { std::fprintf(stderr, "%s\n", m.error().message.en.c_str()); return 1; }
  if (auto r = app::seed_reference(db, data); !r.ok()) { std::fprintf(stderr, "%s\n", r.error().message.en.c_str()); return 1; }
  std::vector<std::string> kabs;
  (void)db.read([&](db::Conn& c) { c.query("SELECT code FROM regions WHERE level = 2 ORDER BY code", {}, [&](const db::Row& r) { kabs.push_back(r.str(0)); }); });
  auto sys = auth::Scope::system();
  std::mt19937_64 rng(42);
  int64_t person = 1;

  // 1. Import: a 100,000-row registry with three board members a row, in one transaction.
  CsvTable t;
  t.header = {"name", "legal_form", "scope_level", "region_code", "skt_no", "skt_issue_date", "ketua_nik", "ketua_nama",
              "sekretaris_nik", "sekretaris_nama", "bendahara_nik", "bendahara_nama"};
  for (int64_t i = 0; i < kOrmas; ++i) {
    auto in = ormas_row(rng, kabs[static_cast<size_t>(i) % kabs.size()], i, 3, person);
    t.rows.push_back({in.name, in.legal_form, in.scope_level, in.region_code, in.skt_no, in.skt_issue_date, in.board[0].nik, in.board[0].name,
                      in.board[1].nik, in.board[1].name, in.board[2].nik, in.board[2].name});
    t.row_lines.push_back(static_cast<int>(i) + 2);
  }
  auto t0 = Steady::now();
  timespec p0{}, p1{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &p0);
  std::optional<db::BulkWrite> bulk(std::in_place);  // as POST /api/v1/ormas/import runs it
  auto rep = db.write_value<ormas::ImportReport>([&](db::Conn& c) { return ormas::import_ormas(c, sys, t, "bench"); });
  bulk.reset();
  double import_ms = since(t0);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &p1);
  double import_cpu_ms = (p1.tv_sec - p0.tv_sec) * 1e3 + (p1.tv_nsec - p0.tv_nsec) / 1e6;
  if (!rep.ok() || !rep->refused.empty()) {
    std::fprintf(stderr, "import failed: %s %zu\n", rep.ok() ? "" : rep.error().message.en.c_str(), rep.ok() ? rep->refused.size() : 0);
    return 1;
  }
  std::printf("import     %d rows (%d board members) in %.2f s wall, %.2f s CPU\n", kOrmas, kOrmas * 3, import_ms / 1000,
              import_cpu_ms / 1000);
  std::fflush(stdout);
  if (std::getenv("BENCH_IMPORT_ONLY")) return 0;  // the import case alone (seconds, not minutes)

  // 2. Seven more board members per ormas (1,000,000 in all) and 100,000 foreigners.
  t0 = Steady::now();
  for (int64_t first = 1; first <= kOrmas; first += 2000) {
    Status s = db.write([&](db::Conn& c) -> Status {
      for (int64_t id = first; id < first + 2000 && id <= kOrmas; ++id) {
        std::string kab = kabs[static_cast<size_t>(id - 1) % kabs.size()];
        for (int m = 3; m < 10; ++m) {
          int64_t n = person++;
          std::string name = kFirst[rng() % kFirst.size()] + " " + kLast[rng() % kLast.size()];
          std::string nik = nik_of(kab, n);
          int64_t actor = actors::find_or_create_person(c, sys, {name, nik, "", "", kab}, false);
          int64_t bid = c.insert("INSERT INTO ormas_board_members (ormas_id, actor_id, nik, name, name_key, position, region_code, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, 'ANGGOTA', ?, '2026-01-01T00:00:00.000Z')",
                                 {id, actor, nik, name, actors::name_key(name), kab});
          (void)actors::link(c, sys, actor, {"ormas", "ormas_board_member", std::to_string(bid), "ORMAS_BOARD", "Anggota", kab, 0}, false, true);
        }
      }
      return {};
    });
    if (!s.ok()) { std::fprintf(stderr, "members: %s\n", s.error().message.en.c_str()); return 1; }
  }
  static const char* nats[] = {"CHN", "MYS", "SGP", "AUS", "JPN", "KOR", "IND", "USA", "NLD", "DEU", "PHL", "VNM"};
  for (int64_t first = 0; first < kForeigners; first += 2000) {
    Status s = db.write([&](db::Conn& c) -> Status {
      for (int64_t i = first; i < first + 2000 && i < kForeigners; ++i) {
        foreigners::PersonInput p;
        p.full_name = kFirst[rng() % kFirst.size()] + " " + kLast[rng() % kLast.size()] + " " + std::to_string(i);
        p.nationality = nats[i % 12];
        p.passport_no = fmt::format("E{:08d}", i);
        p.permit_type = "KITAS";
        p.permit_valid_to = "2027-06-30";
        p.region_code = kabs[static_cast<size_t>(i) % kabs.size()];
        PANTAU_TRY(int64_t id, foreigners::create_person(c, sys, p));
        (void)id;
      }
      return {};
    });
    if (!s.ok()) { std::fprintf(stderr, "foreigners: %s\n", s.error().message.en.c_str()); return 1; }
  }
  int64_t members = 0, actors_n = 0;
  (void)db.read([&](db::Conn& c) {
    members = c.query_i64("SELECT COUNT(*) FROM ormas_board_members").value_or(0);
    actors_n = c.query_i64("SELECT COUNT(*) FROM actors").value_or(0);
  });
  (void)db.write([](db::Conn& c) -> Status { c.exec_script("ANALYZE"); return {}; });
  std::fflush(stdout);
  std::printf("generated  %d ormas, %lld board members, %d foreigners, %lld actors in %.1f s\n", kOrmas, static_cast<long long>(members),
              kForeigners, static_cast<long long>(actors_n), since(t0) / 1000);

  // 3. Searches and suggestions from 8 threads.
  auto scope_for = [&](std::mt19937_64& r) {
    auth::Scope s;
    s.user_id = 1;
    s.clearance = 1;
    int k = static_cast<int>(r() % 10);
    std::string kab = kabs[r() % kabs.size()];
    s.region_code = k < 6 ? kab : k < 9 ? kab.substr(0, 2) : "";
    return s;
  };
  Date today = *parse_date(now_iso().substr(0, 10));
  Stats word, fullname, nik, fx, suggest, suggest_nik, cpu_search, cpu_suggest;
  std::mutex mu;
  auto run = [&](int thread) {
    std::mt19937_64 r(1000 + thread);
    Stats w, f, n, x, sg, sn, cs, cg;
    for (int q = -warmup; q < per_thread; ++q) {
      auth::Scope s = scope_for(r);
      int kind = ((q % 6) + 6) % 6;
      auto t1 = Steady::now();
      double c1 = thread_cpu_ms();
      Status st = db.read([&](db::Conn& c) {
        switch (kind) {
          case 0: (void)ormas::list_ormas(c, s, {kSubjects[r() % kSubjects.size()], "", "", "", "", {}}, today); break;
          case 1: (void)ormas::list_ormas(c, s, {kFirst[r() % kFirst.size()] + " " + kLast[r() % kLast.size()], "", "", "", "", {}}, today); break;
          case 2: (void)ormas::list_ormas(c, s, {nik_of(kabs[r() % kabs.size()], static_cast<int64_t>(r() % 1000000)), "", "", "", "", {}}, today); break;
          case 3:
            (void)foreigners::list_persons(c, s, {r() % 2 ? kFirst[r() % kFirst.size()].substr(0, 4) : fmt::format("E{:08d}", r() % 100000), "", {}},
                                           today);
            break;
          case 4: (void)actors::suggest(c, s, kLast[r() % kLast.size()].substr(0, 3 + r() % 4), 10); break;
          default: (void)actors::suggest(c, s, nik_of(kabs[r() % kabs.size()], static_cast<int64_t>(r() % 1000000)).substr(0, 8), 10); break;
        }
      });
      double ms = since(t1);
      if (!st.ok()) std::fprintf(stderr, "query failed: %s\n", st.error().message.en.c_str());
      if (q < 0) continue;  // warm-up
      (kind >= 4 ? cg : cs).add(thread_cpu_ms() - c1);
      (kind == 0 ? w : kind == 1 ? f : kind == 2 ? n : kind == 3 ? x : kind == 4 ? sg : sn).add(ms);
    }
    std::lock_guard<std::mutex> lock(mu);
    for (auto [from, to] : {std::pair{&w, &word}, {&f, &fullname}, {&n, &nik}, {&x, &fx}, {&sg, &suggest}, {&sn, &suggest_nik},
                            {&cs, &cpu_search}, {&cg, &cpu_suggest}})
      to->ms.insert(to->ms.end(), from->ms.begin(), from->ms.end());
  };
  std::vector<std::thread> threads;
  t0 = Steady::now();
  for (int i = 0; i < 8; ++i) threads.emplace_back(run, i);
  for (auto& th : threads) th.join();
  std::printf("queries    8 threads x %d (after %d not counted) in %.1f s (%d cores, %d readers)\n", per_thread, warmup, since(t0) / 1000,
              static_cast<int>(std::thread::hardware_concurrency()), readers);
  std::printf("wall time per query (includes waiting for a core):\n%s\n%s\n%s\n%s\n%s\n%s\n", word.line("word").c_str(),
              fullname.line("fullname").c_str(), nik.line("nik").c_str(), fx.line("foreigner").c_str(), suggest.line("suggest").c_str(),
              suggest_nik.line("suggest-nik").c_str());
  std::printf("CPU time per query (the query's own cost):\n%s\n%s\n", cpu_search.line("search").c_str(), cpu_suggest.line("suggest").c_str());
  db.close();

  // 4. The same mix as HTTP paths, for 8 clients of `pantau serve` (bench/registries/run.sh). An office
  // is K (a kab/kota), P (its province) or N (the ministry), in the proportions of scope_for.
  if (const char* file = std::getenv("BENCH_HTTP_QUERIES"); file && *file) {
    std::ofstream out(file);
    std::mt19937_64 r(7);
    auto enc = [](const std::string& v) {
      std::string o;
      for (unsigned char ch : v) o += std::isalnum(ch) ? std::string(1, static_cast<char>(ch)) : fmt::format("%{:02X}", ch);
      return o;
    };
    for (int q = 0; q < 6000; ++q) {
      int k = static_cast<int>(r() % 10);
      const char* office = k < 6 ? "K" : k < 9 ? "P" : "N";
      int kind = q % 6;
      std::string path;
      switch (kind) {
        case 0: path = "/api/v1/ormas?q=" + enc(kSubjects[r() % kSubjects.size()]); break;
        case 1: path = "/api/v1/ormas?q=" + enc(kFirst[r() % kFirst.size()] + " " + kLast[r() % kLast.size()]); break;
        case 2: path = "/api/v1/ormas?q=" + nik_of(kabs[r() % kabs.size()], static_cast<int64_t>(r() % 1000000)); break;
        case 3:
          path = "/api/v1/foreigners/persons?q=" + (r() % 2 ? enc(kFirst[r() % kFirst.size()].substr(0, 4)) : fmt::format("E{:08d}", r() % 100000));
          break;
        case 4: path = "/api/v1/actors/suggest?limit=10&q=" + enc(kLast[r() % kLast.size()].substr(0, 3 + r() % 4)); break;
        default: path = "/api/v1/actors/suggest?limit=10&q=" + nik_of(kabs[r() % kabs.size()], static_cast<int64_t>(r() % 1000000)).substr(0, 8); break;
      }
      out << kind << '\t' << office << '\t' << path << '\n';
    }
  }
  return 0;
}
