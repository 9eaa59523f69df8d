#include "modules/foreigners/seed.h"

#include <fmt/format.h>

#include <array>

#include "auth/scope.h"
#include "modules/foreigners/store.h"

namespace pantau::foreigners {

Status seed_demo(db::Conn& c) {
  if (c.query_i64("SELECT 1 FROM foreign_presences LIMIT 1")) return {};
  struct Region {
    std::string code, name;
  };
  std::vector<Region> regions;
  c.query("SELECT code, name FROM regions WHERE parent_code = '63' ORDER BY code", {},
          [&](const db::Row& r) { regions.push_back({r.str(0), r.str(1)}); });
  if (regions.empty()) return {};
  auto s = auth::Scope::system();
  Date today = *parse_date(now_iso().substr(0, 10));
  // Foreigners: workers of mining and plantation companies, researchers, clergy, an NGO.
  struct F {
    const char *name, *nat, *permit, *category, *sponsor, *occupation;
  };
  const std::vector<F> people = {
      {"Li Wei", "CHN", "KITAS", "FOREIGN_WORKER", "PT Borneo Indobara", "Insinyur tambang"},
      {"Zhang Min", "CHN", "KITAS", "FOREIGN_WORKER", "PT Borneo Indobara", "Teknisi alat berat"},
      {"Chen Jun", "CHN", "KITAS", "FOREIGN_WORKER", "PT Smelting Kotabaru", "Kepala produksi"},
      {"Rajesh Kumar", "IND", "KITAS", "FOREIGN_WORKER", "PT Sawit Banua Lestari", "Manajer kebun"},
      {"Tan Boon Huat", "MYS", "KITAS", "FOREIGN_WORKER", "PT Sawit Banua Lestari", "Agronom"},
      {"Kim Min-jun", "KOR", "KITAS", "FOREIGN_WORKER", "PT Semen Tanah Bumbu", "Ahli proses"},
      {"Sarah Thompson", "AUS", "VISIT", "RESEARCHER", "Universitas Lambung Mangkurat", "Peneliti lahan basah"},
      {"Hiroshi Tanaka", "JPN", "VISIT", "RESEARCHER", "Universitas Lambung Mangkurat", "Peneliti gambut"},
      {"Pieter de Vries", "NLD", "VISIT", "RESEARCHER", "BRIN", "Sejarawan"},
      {"Abdullah Al-Harbi", "SAU", "VISIT", "CLERGY", "Pondok Pesantren Darussalam", "Pengajar"},
      {"Yusuf Omar", "EGY", "KITAS", "CLERGY", "Pondok Pesantren Al-Falah", "Pengajar bahasa Arab"},
      {"Maria Santos", "PHL", "VISIT", "ARTIST", "Dinas Pariwisata Kalsel", "Penari"},
      {"James Miller", "USA", "VISIT", "JOURNALIST_FILM", "Kementerian Komunikasi dan Digital", "Jurnalis"},
      {"Anna Schmidt", "DEU", "VISIT", "EXPERT", "Dinas Lingkungan Hidup", "Konsultan lingkungan"},
      {"Nguyen Van An", "VNM", "KITAS", "FOREIGN_WORKER", "PT Kapal Banjar", "Juru las"},
      {"Wang Fang", "CHN", "KITAP", "FOREIGN_WORKER", "PT Borneo Indobara", "Direktur teknik"},
  };
  int k = 0;
  for (auto& f : people) {
    const Region& reg = regions[static_cast<size_t>(k * 5) % regions.size()];
    PersonInput p;
    p.full_name = f.name;
    p.nationality = f.nat;
    p.passport_no = fmt::format("{}{:07d}", std::string(f.nat).substr(0, 1), 4200000 + k * 137);
    p.permit_type = f.permit;
    p.permit_no = std::string(f.permit) == "VISIT" ? "" : fmt::format("2C11AA{:04d}", 1000 + k);
    p.permit_valid_from = format_date(civil_from_days(days_from_civil(today) - 200));
    p.permit_valid_to = format_date(civil_from_days(days_from_civil(today) + (k % 4 == 0 ? 20 : 160 + k * 10)));
    p.sponsor_name = f.sponsor;
    p.sponsor_type = std::string(f.category) == "FOREIGN_WORKER" ? "PERUSAHAAN" : "INSTANSI";
    p.occupation = f.occupation;
    p.sex = k % 3 == 0 ? "P" : "L";
    p.region_code = reg.code;
    if (!validate(p).empty()) return Error::invalid(validate(p));
    PANTAU_TRY(int64_t pid, create_person(c, s, p));
    PresenceInput pr;
    pr.person_id = pid;
    pr.category = f.category;
    pr.source = k % 2 ? "IMMIGRATION_DOC" : "AGENCY_PERMIT";
    pr.start_date = p.permit_valid_from;
    pr.end_date = p.permit_valid_to;
    pr.purpose = f.occupation;
    pr.local_partner = f.sponsor;
    pr.regions = {reg.code};
    if (k % 5 == 0) pr.regions.push_back(regions[(static_cast<size_t>(k) + 3) % regions.size()].code);
    PANTAU_TRY(int64_t presence, create_presence(c, s, pr));
    // Most presences are under way; a few wait for documents or a decision.
    std::vector<ActionInput> steps;
    if (k % 6 != 1) steps.push_back({"verify_documents"});
    if (k % 6 != 1 && k % 6 != 2) steps.push_back({"decide", "APPROVED", "NONE", "Dokumen keimigrasian dan izin sektoral lengkap"});
    if (k % 6 != 1 && k % 6 != 2) steps.push_back({"activate"});
    for (auto& st : steps) {
      int64_t v = c.query_i64("SELECT version FROM foreign_presences WHERE id = ?", {presence}).value_or(1);
      PANTAU_CHECK(presence_action(c, s, presence, v, st));
    }
    ++k;
  }
  const std::vector<std::array<const char*, 5>> orgs = {
      {"Wetlands International", "NLD", "Lingkungan, lahan basah", "Kementerian Lingkungan Hidup", "Hibah Uni Eropa"},
      {"World Vision", "USA", "Perlindungan anak", "Kementerian Sosial", "Donatur perorangan"},
      {"Japan International Cooperation Agency", "JPN", "Infrastruktur, kebencanaan", "Bappeda Provinsi", "Pemerintah Jepang"},
      {"Save the Children", "GBR", "Pendidikan, kesehatan anak", "Dinas Pendidikan", "Donatur perorangan"},
  };
  int n = 0;
  for (auto& o : orgs) {
    OrgInput in;
    in.name = o[0];
    in.country = o[1];
    in.legal_form = "NGO";
    in.mofa_rec_no = fmt::format("{}/PO/{}/2025/60", 100 + n, 10 + n);
    in.mofa_rec_date = "2025-02-10";
    in.partner_agency = o[3];
    in.mou_no = fmt::format("MoU-{}/2025", 10 + n);
    in.mou_date = "2025-03-01";
    in.mou_valid_to = "2028-02-28";
    in.sectors = o[2];
    in.funding_source = o[4];
    in.local_office = "Banjarmasin";
    in.region_code = "63.71";
    PANTAU_TRY(int64_t oid, create_org(c, s, in));
    PresenceInput pr;
    pr.org_id = oid;
    pr.category = "FOREIGN_ORG";
    pr.source = "AGENCY_PERMIT";
    pr.start_date = "2025-04-01";
    pr.end_date = "2027-03-31";
    pr.purpose = o[2];
    pr.local_partner = o[3];
    pr.regions = {"63.71", regions[static_cast<size_t>(n) % regions.size()].code};
    PANTAU_TRY(int64_t presence, create_presence(c, s, pr));
    (void)presence;
    ++n;
  }
  return {};
}

}  // namespace pantau::foreigners
