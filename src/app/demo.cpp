// The living demo: Kesbangpol of Kalimantan Selatan (63) and its 13 kab/kota, some Perangkat
// Daerah and partners, and one user per role. Later modules add their demo records here.
#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <array>
#include <map>

#include "app/reference.h"
#include "audit/audit.h"
#include "auth/password.h"
#include "auth/roles.h"
#include "core/crypto.h"
#include "core/time.h"
#include "files/evidence.h"
#include "http/json.h"
#include "modules/democracy/seed.h"
#include "modules/elections/seed.h"
#include "modules/meetings/seed.h"
#include "modules/party_aid/seed.h"
#include "modules/services/store.h"
#include "modules/monitoring/public.h"
#include "modules/ormas/seed.h"
#include "modules/foreigners/seed.h"

namespace pantau::app {

namespace {

int64_t ensure_unit(db::Conn& c, const std::string& name, const std::string& kind, const std::string& region,
                    std::optional<int64_t> parent) {
  if (auto id = c.query_i64("SELECT id FROM org_units WHERE name = ? AND region_code = ?", {name, region})) return *id;
  std::string now = now_iso();
  int64_t id = c.insert("INSERT INTO org_units (name, kind, region_code, parent_id, created_at, updated_at, version) "
                        "VALUES (?, ?, ?, ?, ?, ?, 1)",
                        {name, kind, region, parent ? db::Value(*parent) : db::Value(), now, now});
  audit::append(c, auth::Scope::system(), {"create", "org_unit", std::to_string(id), region, 0, std::nullopt,
                                           json::object("name", name, "kind", kind, "source", "demo")});
  return id;
}

struct DemoUser {
  const char* username;
  const char* full_name;
  const char* role;
  int clearance;
  const char* unit_key;
};

// A readable random password that satisfies the policy.
std::string demo_password() {
  static const char* alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  std::string p;
  for (int i = 0; i < 10; ++i) p += alphabet[randombytes_uniform(47)];
  p += std::to_string(10 + randombytes_uniform(90));
  return p;
}

}  // namespace

Status seed_demo(db::Database& db, const std::string& files_dir) {
  std::map<std::string, int64_t> units;
  Status s = db.write([&](db::Conn& c) -> Status {
    int64_t pusat = ensure_unit(c, "Direktorat Jenderal Politik dan Pemerintahan Umum, Kemendagri", "KEMENDAGRI", "", std::nullopt);
    units["pusat"] = pusat;
    int64_t prov = ensure_unit(c, "Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Selatan", "KESBANGPOL", "63", std::nullopt);
    units["63"] = prov;
    std::vector<std::pair<std::string, std::string>> kabkota;
    c.query("SELECT code, name FROM regions WHERE parent_code = '63' ORDER BY code", {},
            [&](const db::Row& r) { kabkota.emplace_back(r.str(0), r.str(1)); });
    for (auto& [code, name] : kabkota)
      units[code] = ensure_unit(c, "Badan Kesatuan Bangsa dan Politik " + name, "KESBANGPOL", code, prov);
    for (const char* pd : {"Dinas Komunikasi, Informatika dan Statistik Provinsi Kalimantan Selatan",
                           "Dinas Kependudukan dan Pencatatan Sipil Provinsi Kalimantan Selatan",
                           "Satuan Polisi Pamong Praja Provinsi Kalimantan Selatan",
                           "Badan Pengelolaan Keuangan dan Aset Daerah Provinsi Kalimantan Selatan"})
      ensure_unit(c, pd, "PERANGKAT_DAERAH", "63", std::nullopt);
    for (const char* pd : {"Dinas Komunikasi dan Informatika Kota Banjarmasin",
                           "Dinas Kependudukan dan Pencatatan Sipil Kota Banjarmasin"})
      ensure_unit(c, pd, "PERANGKAT_DAERAH", "63.71", std::nullopt);
    for (const char* p : {"KPU Provinsi Kalimantan Selatan", "Bawaslu Provinsi Kalimantan Selatan",
                          "Kepolisian Daerah Kalimantan Selatan"})
      ensure_unit(c, p, "PARTNER", "63", std::nullopt);
    units["bpk"] = ensure_unit(c, "BPK Perwakilan Provinsi Kalimantan Selatan", "PARTNER", "63", std::nullopt);
    ensure_unit(c, "KPU Kota Banjarmasin", "PARTNER", "63.71", std::nullopt);
    return {};
  });
  if (!s.ok()) return s.error();

  const std::vector<DemoUser> people = {
      {"admin", "Administrator Pantau", "ADMIN_PUSAT", auth::kRahasia, "pusat"},
      {"pusat.analis", "Rina Wulandari", "ANALIS_PUSAT", auth::kTerbatas, "pusat"},
      {"kalsel.admin", "Ahmad Fauzi", "ADMIN_DAERAH", auth::kTerbatas, "63"},
      {"kalsel.kaban", "H. Muhammad Syarifuddin", "KABAN", auth::kRahasia, "63"},
      {"kalsel.kabid", "Siti Rahmah", "KABID", auth::kTerbatas, "63"},
      {"kalsel.analis", "Dedi Kurniawan", "ANALIS", auth::kTerbatas, "63"},
      {"kalsel.operator", "Nur Aisyah", "OPERATOR", auth::kBiasa, "63"},
      {"banjarmasin.kaban", "Rusdiansyah", "KABAN", auth::kTerbatas, "63.71"},
      {"banjarmasin.operator", "Fitriani", "OPERATOR", auth::kBiasa, "63.71"},
      {"banjarbaru.operator", "Andi Pratama", "OPERATOR", auth::kBiasa, "63.72"},
      {"tanahlaut.operator", "Yusuf Hidayat", "OPERATOR", auth::kBiasa, "63.01"},
      {"kalsel.tim", "Lukman Hakim", "TEAM_MEMBER", auth::kBiasa, "63"},
      {"bpk.auditor", "Dewi Lestari", "AUDITOR_VIEW", auth::kBiasa, "bpk"},
  };
  const char* fixed = std::getenv("PANTAU_DEMO_PASSWORD");
  std::vector<std::pair<std::string, std::string>> printed;
  for (const auto& p : people) {
    bool exists = false;
    Status r = db.read([&](db::Conn& c) { exists = c.query_i64("SELECT 1 FROM users WHERE username = ?", {std::string(p.username)}).has_value(); });
    if (!r.ok()) return r.error();
    if (exists) continue;
    std::string password = fixed && *fixed ? fixed : demo_password();
    auto hash = auth::hash_password(password);
    if (!hash.ok()) return hash.error();
    int64_t unit = units.at(p.unit_key);
    std::string region = std::string(p.unit_key) == "pusat" ? "" : std::string(p.unit_key) == "bpk" ? "63" : p.unit_key;
    Status w = db.write([&](db::Conn& c) -> Status {
      std::string now = now_iso();
      int64_t id = c.insert(
          "INSERT INTO users (username, full_name, email, password_hash, role, clearance, org_unit_id, disabled, failed_logins, "
          "password_changed_at, created_at, updated_at, version) VALUES (?, ?, '', ?, ?, ?, ?, 0, 0, ?, ?, ?, 1)",
          {std::string(p.username), std::string(p.full_name), *hash, std::string(p.role), int64_t{p.clearance}, unit, now, now, now});
      audit::append(c, auth::Scope::system(), {"create", "user", std::to_string(id), region, 0, std::nullopt,
                                               json::object("username", p.username, "role", p.role, "source", "demo")});
      return {};
    });
    if (!w.ok()) return w.error();
    printed.emplace_back(p.username, fixed && *fixed ? "(PANTAU_DEMO_PASSWORD)" : password);
  }
  // Office data printed on official documents: the city where each office sits (the place of
  // signing; the province's capital moved to Banjarbaru in 2022), and the NIP, rank and position
  // of the heads who sign.
  Status office_data = db.write([](db::Conn& c) -> Status {
    static const std::vector<std::pair<const char*, const char*>> cities = {
        {"63", "Banjarbaru"},       {"63.01", "Pelaihari"}, {"63.02", "Kotabaru"}, {"63.03", "Martapura"},
        {"63.04", "Marabahan"},     {"63.05", "Rantau"},    {"63.06", "Kandangan"}, {"63.07", "Barabai"},
        {"63.08", "Amuntai"},       {"63.09", "Tanjung"},   {"63.10", "Batulicin"}, {"63.11", "Paringin"},
        {"63.71", "Banjarmasin"},   {"63.72", "Banjarbaru"}, {"", "Jakarta"}};
    for (auto& [region, city] : cities)
      c.exec("UPDATE org_units SET city = ? WHERE region_code = ? AND city = ''", {std::string(city), std::string(region)});
    c.exec("UPDATE org_units SET short_code = 'Bakesbangpol' WHERE kind = 'KESBANGPOL' AND region_code = '63' AND short_code = ''");
    c.exec("UPDATE org_units SET short_code = 'Kesbangpol' WHERE kind = 'KESBANGPOL' AND region_code <> '63' AND short_code = ''");
    static const std::vector<std::array<const char*, 4>> officials = {
        {"kalsel.kaban", "196804121994031007", "Pembina Utama Muda (IV/c)",
         "Kepala Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Selatan"},
        {"kalsel.kabid", "197502182000122003", "Pembina Tingkat I (IV/b)", "Kepala Bidang Politik Dalam Negeri"},
        {"banjarmasin.kaban", "197109151996031004", "Pembina Tingkat I (IV/b)",
         "Kepala Badan Kesatuan Bangsa dan Politik Kota Banjarmasin"},
        {"kalsel.analis", "198607222010011012", "Penata (III/c)", "Analis Kebijakan Ahli Muda"}};
    for (auto& [user, nip, rank, position] : officials)
      c.exec("UPDATE users SET nip = ?, rank = ?, position_title = ? WHERE username = ? AND nip = ''",
             {std::string(nip), std::string(rank), std::string(position), std::string(user)});
    return {};
  });
  if (!office_data.ok()) return office_data;
  if (!printed.empty()) {
    std::cout << "\nAkun demo dibuat (kata sandi hanya ditampilkan sekali) / Demo accounts created (passwords shown once):\n";
    for (auto& [u, pw] : printed) std::cout << fmt::format("  {:<22} {}\n", u, pw);
    std::cout << std::endl;
  }
  Status monitoring_demo = db.write([](db::Conn& c) -> Status {
    monitoring::seed_demo(c, system_time().now());
    return {};
  });
  if (!monitoring_demo.ok()) return monitoring_demo;
  files::EvidenceStore store(files_dir, 25 << 20);
  Status elections_demo = db.write([&](db::Conn& c) { return elections::seed_demo(c, &store); });
  if (!elections_demo.ok()) return elections_demo;
  Status party_aid_demo = db.write([](db::Conn& c) { return party_aid::seed_demo(c); });
  if (!party_aid_demo.ok()) return party_aid_demo;
  Status democracy_demo = db.write([](db::Conn& c) { return democracy::seed_demo(c); });
  if (!democracy_demo.ok()) return democracy_demo;
  Status meetings_demo = db.write([&](db::Conn& c) { return meetings::seed_demo(c, &store); });
  if (!meetings_demo.ok()) return meetings_demo;
  Status registries_demo = db.write([](db::Conn& c) { return ormas::seed_demo(c); });
  if (!registries_demo.ok()) return registries_demo;
  Status foreigners_demo = db.write([](db::Conn& c) { return foreigners::seed_demo(c); });
  if (!foreigners_demo.ok()) return foreigners_demo;
  Status services_demo = db.write([](db::Conn& c) { return services::seed_demo(c); });
  if (!services_demo.ok()) return services_demo;
  return {};
}

}  // namespace pantau::app
