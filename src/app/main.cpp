// pantau: the server and its operator tools.
//   pantau serve   --db PATH_OR_URL --listen 127.0.0.1:8080
//   pantau migrate --db ...        pantau seed [--demo] --db ...
//   pantau user add|list|set-password|disable --db ...
//   pantau backup --db ... --out FILE
//   pantau audit verify --db ...
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sched.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/reference.h"
#include "audit/audit.h"
#include "auth/password.h"
#include "auth/roles.h"
#include "auth/sessions.h"
#include "core/crypto.h"
#include "core/strings.h"
#include "core/time.h"
#include "db/migrate.h"
#include "files/evidence.h"
#include "http/app.h"
#include "http/json.h"
#include "http/server.h"
#include "modules/conflict/analysis.h"
#include "modules/meetings/public.h"
#include "modules/services/public.h"
#include "modules/org/rules.h"
#include "search/search.h"

using namespace pantau;

namespace {

int fail(const Error& e) {
  std::cerr << "galat / error: " << e.message.id << " / " << e.message.en << "\n";
  for (auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message.id << " / " << f.message.en << "\n";
  return 1;
}

std::unique_ptr<db::Database> open_or_exit(const Config& cfg, int readers = 2, bool listen = false) {
  if (cfg.database.find("://") == std::string::npos) {
    std::error_code ec;
    auto parent = std::filesystem::path(cfg.database).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  db::OpenOptions o;
  o.readers = readers;
  o.listen = listen;
  if (listen) {  // the server (not the tools) reads from a replica when one is configured
    o.replica = cfg.replica_database;
    o.replica_max_lag_seconds = cfg.replica_max_lag_seconds;
  }
  auto db = db::open_database(cfg.database, o);
  if (!db.ok()) std::exit(fail(db.error()));
  return std::move(db.value());
}

std::string read_password_stdin() {
  std::string pw;
  std::getline(std::cin, pw);
  return trim(pw);
}

int cmd_migrate(const Config& cfg) {
  auto db = open_or_exit(cfg);
  auto n = db::migrate(*db);
  if (!n.ok()) return fail(n.error());
  std::cout << fmt::format("Migrasi selesai: {} diterapkan / Migrations done: {} applied\n", *n, *n);
  return 0;
}

int cmd_seed(const Config& cfg, bool demo) {
  auto db = open_or_exit(cfg);
  auto m = db::migrate(*db);
  if (!m.ok()) return fail(m.error());
  auto r = app::seed_reference(*db, cfg.data_dir);
  if (!r.ok()) return fail(r.error());
  std::cout << fmt::format("Data rujukan dimuat / Reference data loaded: {} wilayah/regions, {} hari libur/holidays, "
                           "{} partai/parties, {} hasil pemilu/election results\n",
                           r->regions, r->holidays, r->parties, r->results);
  if (demo) {
    Status s = app::seed_demo(*db, cfg.files_dir);
    if (!s.ok()) return fail(s.error());
  }
  return 0;
}

// Claims this period of a periodic job for this instance: true when no instance has run it in
// the last 90% of a period (the slack absorbs timer jitter). Instances that share the database
// race on one row; the database lets exactly one of them move it forward.
Result<bool> claim_housekeeping(db::Database& db, const std::string& job, int period_seconds, const std::string& instance) {
  return db.write_value<bool>([&](db::Conn& c) -> Result<bool> {
    auto now = system_time().now();
    std::string now_s = format_iso(now);
    std::string cutoff = format_iso(now - std::chrono::milliseconds(period_seconds * 900));
    c.exec("INSERT INTO housekeeping_runs (job, last_run_at, runs, last_instance) VALUES (?, '', 0, '') "
           "ON CONFLICT (job) DO NOTHING", {job});
    return c.exec("UPDATE housekeeping_runs SET last_run_at = ?, runs = runs + 1, last_instance = ? "
                  "WHERE job = ? AND last_run_at <= ?", {now_s, instance, job, cutoff}) == 1;
  });
}

// The cores this process may run on: its CPU affinity (taskset, a container's cpuset), not every
// core of the machine. Two I/O threads sharing one core answer in turns of the scheduler's time
// slice: measured at 64 connections on one pinned core, /healthz p99 4.0-4.2 ms with two against
// 1.9-2.3 ms with one, at the same median (docs/PERFORMANCE.md).
unsigned usable_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return static_cast<unsigned>(CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

int cmd_serve(Config cfg) {
  auto started = std::chrono::steady_clock::now();
  if (Status s = check_map_settings(cfg); !s.ok()) return fail(s.error());
  unsigned cores = usable_cores();
  // Handlers and readers mostly wait on the database (a durable write waits for its group's
  // fsync, and the more handlers wait together the larger the group), so their numbers do not
  // shrink below those of a two-core machine when the process is given one core.
  auto db = open_or_exit(cfg, cfg.db_pool > 0 ? cfg.db_pool : static_cast<int>(std::max(4u, 2 * cores)), true);
  auto m = db::migrate(*db);
  if (!m.ok()) return fail(m.error());
  auth::Sessions sessions(*db, cfg);
  files::EvidenceStore store(cfg.files_dir, cfg.max_upload_bytes);
  files::set_content_root(cfg.files_dir);  // letterheads print the offices' coats of arms from it
  http::App app(http::Services{cfg, db.get(), &sessions, &store});
  http::register_all_routes(app);
  http::ServerOptions opts;
  auto colon = cfg.listen.rfind(':');
  if (colon == std::string::npos) return fail(Error::invalid_field("listen", "invalid", "Format --listen: HOST:PORT.", "--listen must be HOST:PORT."));
  opts.host = cfg.listen.substr(0, colon);
  auto port = parse_int64(cfg.listen.substr(colon + 1));
  if (!port || *port < 0 || *port > 65535) return fail(Error::invalid_field("listen", "invalid", "Nomor port tidak valid.", "Invalid port number."));
  opts.port = static_cast<unsigned short>(*port);
  opts.io_threads = cfg.io_threads > 0 ? cfg.io_threads : static_cast<int>(cores);
  // A handler waits on the database while its write is in the writer's group commit, and a group
  // takes the writes waiting when it starts: the number of workers bounds the group. With 16, 64
  // clients submitting made groups of about 13 and one fsync each; with 64, groups of about 33
  // (docs/PERFORMANCE.md, durable submissions). Reads wait for a reader connection either way.
  opts.workers = cfg.workers > 0 ? cfg.workers : static_cast<int>(std::max(64u, 16 * cores));
  opts.upload_tmp_dir = store.tmp_dir();
  opts.access_log = cfg.access_log;
  opts.max_connections = cfg.max_connections;
  if (opts.max_connections <= 0) {
    // Each connection holds a descriptor; leave a quarter of the limit for the database, the
    // logs, uploads and evidence files.
    rlimit nofile{};
    rlim_t lim = getrlimit(RLIMIT_NOFILE, &nofile) == 0 ? nofile.rlim_cur : 1024;
    opts.max_connections = static_cast<int>(std::clamp<rlim_t>(lim / 4 * 3, 16, 100000));
  }
  spdlog::info("ready in {:.0f} ms (database {}, web {})",
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count(),
               cfg.database.find("://") != std::string::npos ? "postgresql" : cfg.database, cfg.web_dir);
  // Housekeeping while serving, every 10 minutes (housekeeping_seconds): early-warning alerts whose
  // response is overdue move to the tier above (and its office is notified) even when nobody opens
  // the alert list, the full-text index is merged a little (search::merge_some), and overdue action
  // items of meetings notify their owners (meetings::notify_overdue), as do research permits whose
  // result report is overdue (services::mark_overdue_result_reports). With several instances on one
  // database only the one that claims the period runs it.
  std::mutex hk_mu;
  std::condition_variable hk_cv;
  bool hk_stop = false;
  const int hk_period = std::max(1, cfg.housekeeping_seconds);
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  const std::string instance = fmt::format("{}/{}/{}", host, cfg.listen, getpid());
  std::thread housekeeping([&] {
    std::unique_lock lock(hk_mu);
    do {
      lock.unlock();
      auto claimed = claim_housekeeping(*db, "periodic", hk_period, instance);
      if (!claimed.ok()) spdlog::warn("housekeeping claim failed: {}", claimed.error().message.en);
      if (!claimed.ok() || !*claimed) {
        spdlog::debug("housekeeping: this period is another instance's");
        lock.lock();
        continue;
      }
      spdlog::debug("housekeeping: running this period's jobs");
      Status s = conflict::escalate_overdue_alerts(*db, now_iso());
      if (!s.ok()) spdlog::warn("overdue escalation failed: {}", s.error().message.en);
      s = db->write([](db::Conn& c) -> Status {
        search::merge_some(c);
        return {};
      });
      if (!s.ok()) spdlog::warn("search index merge failed: {}", s.error().message.en);
      // Action items past their due date: their owner office and the organiser are told, once.
      s = db->write([](db::Conn& c) -> Status {
        meetings::notify_overdue(c, *parse_date(now_iso().substr(0, 10)));
        return {};
      });
      if (!s.ok()) spdlog::warn("overdue action items failed: {}", s.error().message.en);
      // Research permits whose result report is overdue: marked and their office told, once.
      s = db->write([](db::Conn& c) -> Status {
        services::mark_overdue_result_reports(c, now_iso());
        return {};
      });
      if (!s.ok()) spdlog::warn("overdue result reports failed: {}", s.error().message.en);
      lock.lock();
    } while (!hk_cv.wait_for(lock, std::chrono::seconds(hk_period), [&] { return hk_stop; }));
  });
  int rc = http::run_server(app, opts);
  {
    std::lock_guard lock(hk_mu);
    hk_stop = true;
  }
  hk_cv.notify_all();
  housekeeping.join();
  db->close();
  spdlog::info("Pantau stopped");
  return rc;
}

int cmd_audit_verify(const Config& cfg) {
  auto db = open_or_exit(cfg);
  auto r = audit::verify(*db);
  if (!r.ok()) return fail(r.error());
  if (r->ok) {
    std::cout << fmt::format("Jejak audit utuh: {} baris / Audit trail intact: {} rows\n", r->rows, r->rows);
    return 0;
  }
  std::cout << fmt::format("JEJAK AUDIT RUSAK pada baris {} / AUDIT TRAIL BROKEN at row {}: {}\n", r->broken_seq, r->broken_seq, r->reason);
  return 3;
}

int cmd_backup(const Config& cfg, const std::string& out) {
  if (out.empty()) return fail(Error::invalid_field("out", "required", "Sebutkan berkas tujuan --out.", "Name the output file with --out."));
  if (std::filesystem::exists(out)) return fail(Error::conflict("exists", "Berkas tujuan sudah ada.", "The output file already exists."));
  if (cfg.database.find("://") != std::string::npos) {
    // PostgreSQL: a consistent dump in pg_dump's custom format.
    std::string cmd = fmt::format("pg_dump --format=custom --file='{}' '{}'", out, cfg.database);
    int rc = std::system(cmd.c_str());
    if (rc != 0) return fail(Error::unavailable("pg_dump failed"));
  } else {
    // VACUUM INTO writes a consistent, compact copy while the server keeps running.
    sqlite3* h = nullptr;
    if (sqlite3_open_v2(cfg.database.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close_v2(h);
      return fail(Error::unavailable("Cannot open " + cfg.database));
    }
    sqlite3_busy_timeout(h, 10000);
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(h, "VACUUM INTO ?", -1, &st, nullptr);
    if (rc == SQLITE_OK) {
      sqlite3_bind_text(st, 1, out.c_str(), -1, SQLITE_TRANSIENT);
      rc = sqlite3_step(st);
    }
    std::string msg = sqlite3_errmsg(h);
    sqlite3_finalize(st);
    sqlite3_close_v2(h);
    if (rc != SQLITE_DONE) return fail(Error::unavailable("Backup failed: " + msg));
  }
  std::cout << fmt::format("Cadangan dibuat / Backup written: {}\n", out);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (!crypto_init()) {
    std::cerr << "libsodium could not initialise\n";
    return 1;
  }
  Config cfg;
  if (const char* env = std::getenv("PANTAU_DB")) cfg.database = env;
  apply_environment(cfg);
  CLI::App cli{"Pantau — sistem informasi Kesbangpol / Kesbangpol information system"};
  cli.require_subcommand(1);
  std::string config_file;
  cli.add_option("--config", config_file, "Berkas konfigurasi TOML / TOML configuration file");
  auto add_db = [&](CLI::App* sc) { sc->add_option("--db", cfg.database, "Berkas SQLite atau URL postgresql:// / SQLite file or postgresql:// URL"); };

  auto serve = cli.add_subcommand("serve", "Menjalankan server / Run the server");
  add_db(serve);
  serve->add_option("--listen", cfg.listen, "HOST:PORT");
  serve->add_option("--web", cfg.web_dir, "Folder web/dist");
  serve->add_option("--files", cfg.files_dir, "Folder berkas data dukung / evidence files folder");
  serve->add_option("--access-log", cfg.access_log, "Berkas log akses / access log file");
  serve->add_option("--max-connections", cfg.max_connections,
                    "Batas koneksi terbuka (0 = otomatis) / open connections at most (0 = automatic)");
  serve->add_option("--public-url", cfg.public_url, "Alamat publik untuk kode QR dokumen / public address for the QR code of documents");
  serve->add_option("--replica", cfg.replica_database, "URL postgresql:// replika baca / read replica URL");
  serve->add_option("--map-tiles", cfg.map_tiles,
                    "Templat ubin peta dasar ({z}/{x}/{y}) atau off / base-map tile template ({z}/{x}/{y}) or off");
  serve->add_option("--map-attribution", cfg.map_attribution, "Sumber peta dasar yang ditampilkan / base-map attribution shown");

  auto migrate = cli.add_subcommand("migrate", "Menerapkan migrasi skema / Apply schema migrations");
  add_db(migrate);

  bool demo = false;
  auto seed = cli.add_subcommand("seed", "Memuat data rujukan / Load reference data");
  add_db(seed);
  seed->add_option("--data", cfg.data_dir, "Folder data rujukan / reference data folder");
  seed->add_flag("--demo", demo, "Menambah data demo / Add the demo data");
  seed->add_option("--files", cfg.files_dir, "Folder berkas data dukung demo / folder of the demo evidence files");

  auto user = cli.add_subcommand("user", "Mengelola pengguna / Manage users");
  user->require_subcommand(1);
  std::string username, full_name, role = "OPERATOR", clearance = "BIASA", region;
  int64_t org_unit = 0;
  bool password_stdin = false;
  auto uadd = user->add_subcommand("add", "Menambah pengguna / Add a user");
  add_db(uadd);
  uadd->add_option("--username", username)->required();
  uadd->add_option("--full-name", full_name)->required();
  uadd->add_option("--role", role);
  uadd->add_option("--clearance", clearance);
  uadd->add_option("--org-unit", org_unit, "ID unit organisasi / org unit id");
  uadd->add_flag("--password-stdin", password_stdin, "Baca kata sandi dari stdin / read the password from stdin");
  auto ulist = user->add_subcommand("list", "Daftar pengguna / List users");
  add_db(ulist);
  auto upw = user->add_subcommand("set-password", "Mengganti kata sandi / Set a password");
  add_db(upw);
  upw->add_option("--username", username)->required();
  upw->add_flag("--password-stdin", password_stdin);
  auto udis = user->add_subcommand("disable", "Menonaktifkan pengguna / Disable a user");
  add_db(udis);
  udis->add_option("--username", username)->required();

  std::string out;
  auto backup = cli.add_subcommand("backup", "Membuat cadangan / Make a backup");
  add_db(backup);
  backup->add_option("--out", out, "Berkas cadangan / backup file")->required();

  auto audit_cmd = cli.add_subcommand("audit", "Jejak audit / Audit trail");
  audit_cmd->require_subcommand(1);
  auto verify = audit_cmd->add_subcommand("verify", "Memeriksa rantai hash / Verify the hash chain");
  add_db(verify);

  CLI11_PARSE(cli, argc, argv);
  if (!config_file.empty()) {
    Config file_cfg;
    Status s = load_config_file(config_file, file_cfg);
    if (!s.ok()) return fail(s.error());
    apply_environment(file_cfg);
    // Command-line flags win over the file: re-parse on top of the file's values.
    cfg = file_cfg;
    cli.parse(argc, argv);
  }
  spdlog::set_level(spdlog::level::from_str(cfg.log_level));

  if (*serve) return cmd_serve(cfg);
  if (*migrate) return cmd_migrate(cfg);
  if (*seed) return cmd_seed(cfg, demo);
  if (*backup) return cmd_backup(cfg, out);
  if (*verify) return cmd_audit_verify(cfg);

  auto db = open_or_exit(cfg);
  auto m = db::migrate(*db);
  if (!m.ok()) return fail(m.error());
  username = to_lower_ascii(username);
  auto get_password = [&]() -> std::pair<std::string, bool> {
    if (password_stdin) return {read_password_stdin(), false};
    static const char* a = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string p;
    for (int i = 0; i < 14; ++i) p += a[randombytes_uniform(55)];
    return {p + "7q", true};
  };
  if (*ulist) {
    Status s = db->read([&](db::Conn& c) {
      c.query("SELECT u.id, u.username, u.role, o.region_code, u.disabled, u.full_name FROM users u "
              "JOIN org_units o ON o.id = u.org_unit_id ORDER BY u.id", {}, [&](const db::Row& r) {
                std::cout << fmt::format("{:>5}  {:<24} {:<14} {:<8} {:<9} {}\n", r.i64(0), r.text(1), r.text(2),
                                         r.text(3).empty() ? "-" : r.text(3), r.i64(4) ? "nonaktif" : "aktif", r.text(5));
              });
    });
    return s.ok() ? 0 : fail(s.error());
  }
  if (*uadd) {
    if (!org::valid_username(username)) return fail(Error::invalid_field("username", "invalid", "Nama pengguna tidak valid.", "Invalid username."));
    auto lvl = auth::parse_clearance(clearance);
    if (!auth::find_role(role) || !lvl) return fail(Error::invalid_field("role", "invalid", "Peran atau tingkat akses tidak dikenal.", "Unknown role or clearance."));
    auto [pw, generated] = get_password();
    auto errs = auth::check_password_policy(username, pw);
    if (!errs.empty()) return fail(Error::invalid(errs));
    auto hash = auth::hash_password(pw);
    if (!hash.ok()) return fail(hash.error());
    Status s = db->write([&](db::Conn& c) -> Status {
      if (org_unit == 0) org_unit = c.query_i64("SELECT id FROM org_units WHERE kind = 'KEMENDAGRI' ORDER BY id LIMIT 1").value_or(0);
      if (org_unit == 0) {
        std::string now = now_iso();
        org_unit = c.insert("INSERT INTO org_units (name, kind, region_code, created_at, updated_at, version) VALUES (?, 'KEMENDAGRI', '', ?, ?, 1)",
                            {std::string("Direktorat Jenderal Politik dan Pemerintahan Umum, Kemendagri"), now, now});
      }
      auto region = c.query_str("SELECT region_code FROM org_units WHERE id = ?", {org_unit});
      if (!region) return Error::invalid_field("org_unit", "not_found", "Unit organisasi tidak ditemukan.", "Org unit not found.");
      if (auth::find_role(role)->national_only && !region->empty())
        return Error::invalid_field("role", "national_only", "Peran ini hanya untuk unit Kemendagri.", "This role is only for ministry units.");
      if (c.query_i64("SELECT 1 FROM users WHERE username = ?", {username}))
        return Error::invalid_field("username", "taken", "Nama pengguna sudah dipakai.", "This username is already taken.");
      std::string now = now_iso();
      int64_t id = c.insert("INSERT INTO users (username, full_name, email, password_hash, role, clearance, org_unit_id, disabled, "
                            "failed_logins, password_changed_at, created_at, updated_at, version) VALUES (?, ?, '', ?, ?, ?, ?, 0, 0, ?, ?, ?, 1)",
                            {username, full_name, *hash, role, int64_t{*lvl}, org_unit, now, now, now});
      audit::append(c, auth::Scope::system(), {"create", "user", std::to_string(id), *region, 0, std::nullopt,
                                               json::object("username", username, "role", role, "source", "cli")});
      return {};
    });
    if (!s.ok()) return fail(s.error());
    std::cout << fmt::format("Pengguna {} dibuat / User {} created.\n", username, username);
    if (generated) std::cout << fmt::format("Kata sandi (sekali tampil) / Password (shown once): {}\n", pw);
    return 0;
  }
  if (*upw || *udis) {
    std::string hash, pw;
    bool generated = false;
    if (*upw) {
      std::tie(pw, generated) = get_password();
      auto errs = auth::check_password_policy(username, pw);
      if (!errs.empty()) return fail(Error::invalid(errs));
      auto h = auth::hash_password(pw);
      if (!h.ok()) return fail(h.error());
      hash = *h;
    }
    Status s = db->write([&](db::Conn& c) -> Status {
      auto id = c.query_i64("SELECT id FROM users WHERE username = ?", {username});
      if (!id) return Error::not_found("Pengguna tidak ditemukan.", "User not found.");
      auto region = c.query_str("SELECT o.region_code FROM users u JOIN org_units o ON o.id = u.org_unit_id WHERE u.id = ?", {*id}).value_or("");
      if (*upw) {
        c.exec("UPDATE users SET password_hash = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = ?",
               {hash, now_iso(), *id});
      } else {
        c.exec("UPDATE users SET disabled = 1, version = version + 1 WHERE id = ?", {*id});
      }
      auth::Sessions::revoke_all(c, *id);
      audit::append(c, auth::Scope::system(), {*upw ? "password_reset" : "disable", "user", std::to_string(*id), region, 0,
                                               std::nullopt, std::nullopt});
      return {};
    });
    if (!s.ok()) return fail(s.error());
    if (*upw) {
      std::cout << fmt::format("Kata sandi {} diganti / Password of {} set.\n", username, username);
      if (generated) std::cout << fmt::format("Kata sandi (sekali tampil) / Password (shown once): {}\n", pw);
    } else {
      std::cout << fmt::format("Pengguna {} dinonaktifkan / User {} disabled.\n", username, username);
    }
    return 0;
  }
  return 0;
}
