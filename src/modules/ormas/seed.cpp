#include "modules/ormas/seed.h"

#include <fmt/format.h>

#include <array>

#include "auth/scope.h"
#include "modules/ormas/store.h"

namespace pantau::ormas {

namespace {

// A small deterministic generator: the demo is the same on every machine.
struct Rng {
  uint64_t s = 0x9E3779B97F4A7C15ull;
  uint32_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return static_cast<uint32_t>(s >> 11);
  }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
  int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint32_t>(hi - lo + 1)); }
};

const std::vector<std::string> kPrefixes = {"Gerakan", "Forum", "Persatuan", "Ikatan", "Lembaga", "Paguyuban", "Himpunan",
                                            "Perkumpulan", "Barisan", "Komunitas", "Majelis", "Aliansi", "Laskar", "Keluarga Besar"};
const std::vector<std::pair<std::string, std::string>> kSubjects = {
    {"Pemuda", "KEPEMUDAAN"}, {"Masyarakat Peduli Lingkungan", "LINGKUNGAN"}, {"Pecinta Alam", "LINGKUNGAN"},
    {"Taklim", "AGAMA"}, {"Seni Budaya", "BUDAYA"}, {"Nelayan", "EKONOMI"}, {"Petani", "EKONOMI"}, {"Pedagang Pasar", "EKONOMI"},
    {"Perempuan", "PEREMPUAN"}, {"Anti Narkoba", "ANTI_NARKOBA"}, {"Adat Dayak Meratus", "ADAT"}, {"Pemerhati Pendidikan", "PENDIDIKAN"},
    {"Relawan Kemanusiaan", "SOSIAL"}, {"Pengrajin Sasirangan", "BUDAYA"}, {"Remaja Masjid", "AGAMA"}, {"Penyandang Disabilitas", "SOSIAL"},
    {"Kesehatan Masyarakat", "KESEHATAN"}, {"Pemuda Pancasila", "KEPEMUDAAN"}, {"Bantuan Hukum", "HUKUM_HAM"}, {"Olahraga Tradisional", "OLAHRAGA"}};
const std::vector<std::string> kPlaces = {"Banua", "Banjar", "Martapura", "Barito", "Meratus", "Lambung Mangkurat", "Antasari",
                                          "Sungai Martapura", "Pulau Laut", "Bumi Lambung", "Seribu Sungai", "Kayuh Baimbai"};
const std::vector<std::string> kFirst = {"Ahmad", "Muhammad", "Siti", "Nur", "Rahmat", "Abdul", "Fitri", "Hendra", "Rina", "Yusuf",
                                         "Aulia", "Rizky", "Hasan", "Fauzan", "Dewi", "Syahrani", "Mahmud", "Noor", "Bahrani", "Rusdi",
                                         "Norhayati", "Gusti", "Akhmad", "Mardiana", "Saripudin", "Halimah", "Khairul", "Isnaini"};
const std::vector<std::string> kLast = {"Hidayat", "Rahman", "Fauzi", "Aminah", "Saputra", "Hasanah", "Ramadhan", "Effendi",
                                        "Arsyad", "Maulana", "Husin", "Jamal", "Riduan", "Zainal", "Anshari", "Mursyid", "Wahyuni"};

std::string nik_for(const std::string& region, int kec, int birth_year, int month, int day, bool female, int serial) {
  return fmt::format("{}{}{:02d}{:02d}{:02d}{:02d}{:04d}", region.substr(0, 2), region.substr(3, 2), kec, day + (female ? 40 : 0),
                     month, birth_year % 100, serial);
}

}  // namespace

Status seed_demo(db::Conn& c) {
  if (c.query_i64("SELECT 1 FROM ormas LIMIT 1")) return {};
  struct Region {
    std::string code, name;
    double lat, lng;
  };
  std::vector<Region> regions;
  c.query("SELECT code, name, COALESCE(lat, -3.0), COALESCE(lng, 115.4) FROM regions WHERE parent_code = '63' ORDER BY code", {},
          [&](const db::Row& r) { regions.push_back({r.str(0), r.str(1), r.f64(2), r.f64(3)}); });
  if (regions.empty()) return {};
  auto s = auth::Scope::system();
  Rng rng;
  Date today = *parse_date(now_iso().substr(0, 10));
  std::vector<BoardInput> known;  // people who also sit on a second board
  int serial = 1;
  for (int i = 0; i < 320; ++i) {
    const Region& reg = regions[static_cast<size_t>(i) % regions.size()];
    auto& [subject, field] = rng.pick(kSubjects);
    OrmasInput in;
    std::string place = i % 3 == 0 ? reg.name.substr(reg.name.find(' ') + 1) : rng.pick(kPlaces);
    in.name = rng.pick(kPrefixes) + " " + subject + " " + place;
    if (i >= static_cast<int>(regions.size()) * 2) in.name += " " + std::to_string(i / static_cast<int>(regions.size()));
    in.legal_form = i % 5 == 0 ? "YAYASAN_BH" : i % 7 == 0 ? "PERKUMPULAN_BH" : "NON_BH";
    in.scope_level = i % 11 == 0 ? "PROVINSI" : "KABKOTA";
    in.region_code = reg.code;
    in.fields = {field};
    if (i % 4 == 0) in.fields.push_back("SOSIAL");
    if (in.fields.size() == 2 && in.fields[0] == in.fields[1]) in.fields.pop_back();
    in.founding_date = format_date(Date{rng.between(1998, 2022), rng.between(1, 12), rng.between(1, 28)});
    in.deed_notary = "Notaris " + rng.pick(kFirst) + " " + rng.pick(kLast) + ", S.H., M.Kn.";
    in.deed_no = std::to_string(rng.between(1, 120));
    in.deed_date = in.founding_date;
    if (in.legal_form != "NON_BH") in.ahu_decree_no = fmt::format("AHU-{:07d}.AH.01.0{}.Tahun {}", 10000 + i, in.legal_form == "YAYASAN_BH" ? 4 : 7, rng.between(2015, 2024));
    else {
      // SKTs issued 2019..2026: some expired, some expiring within 90 days.
      int64_t issued = days_from_civil(today) - rng.between(30, 7 * 365);
      if (i % 17 == 0) issued = days_from_civil(today) - (5 * 365 - rng.between(10, 80));
      in.skt_no = fmt::format("01-00-00/{:03d}/{}/{}", i + 1, rng.between(1, 12), civil_from_days(issued).year);
      in.skt_issue_date = format_date(civil_from_days(issued));
    }
    in.npwp = fmt::format("{:02d}.{:03d}.{:03d}.{}-{:03d}.000", rng.between(10, 99), rng.between(100, 999), rng.between(100, 999),
                          rng.between(1, 9), rng.between(700, 799));
    in.address = fmt::format("Jl. {} No. {}, {}", rng.pick(kPlaces), rng.between(1, 200), reg.name);
    in.phone = fmt::format("0511-{}", rng.between(3000000, 7999999));
    in.lat = reg.lat + (rng.between(-400, 400) / 10000.0);
    in.lng = reg.lng + (rng.between(-400, 400) / 10000.0);
    for (const char* pos : {"KETUA", "SEKRETARIS", "BENDAHARA"}) {
      if (i % 23 == 5 && std::string(pos) == "BENDAHARA" && !known.empty()) {
        BoardInput b = known[static_cast<size_t>(i) % known.size()];
        b.position = pos;
        in.board.push_back(b);  // the same person on a second board: flagged as a duplicate
        continue;
      }
      bool female = rng.next() % 3 == 0;
      std::string first = rng.pick(kFirst);
      std::string title = female ? (first == "Siti" || first == "Nur" ? "" : rng.next() % 2 ? "Siti " : "Nur ") : (rng.next() % 5 == 0 ? "H. " : "");
      std::string name = title + first + " " + rng.pick(kLast);
      BoardInput b{nik_for(reg.code, rng.between(1, 9), rng.between(1960, 2000), rng.between(1, 12), rng.between(1, 28), female, serial++),
                   name, pos, format_date(Date{2023, 1, 1}), format_date(Date{2027, 12, 31}), false};
      if (i % 19 == 0 && std::string(pos) == "KETUA") known.push_back(b);
      in.board.push_back(b);
    }
    auto errs = validate(in, today);
    if (!errs.empty()) return Error::invalid(errs);
    PANTAU_TRY(int64_t id, create_ormas(c, s, in));
    if (i % 9 == 0) {
      int64_t year = today.year - 1;
      c.exec("INSERT INTO ormas_annual_reports (ormas_id, year, due_date, submitted_on, activities, finances_summary, created_at) "
             "VALUES (?, ?, ?, ?, ?, ?, ?)",
             {id, year, format_date(Date{static_cast<int>(year), 12, 31}), format_date(Date{static_cast<int>(year) + 1, 1, 15}),
              std::string("Bakti sosial, pelatihan anggota, peringatan hari besar."), std::string("Iuran anggota dan donatur."), now_iso()});
    }
  }

  return {};
}

}  // namespace pantau::ormas
