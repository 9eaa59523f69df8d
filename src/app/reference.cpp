#include "app/reference.h"

#include <fmt/format.h>

#include "core/csv.h"
#include "core/fileio.h"
#include "core/strings.h"
#include "modules/democracy/store.h"
#include "modules/services/public.h"
#include "modules/regions/seed.h"

namespace pantau::app {

static db::Value opt_int(const std::string& s) {
  auto v = parse_int64(s);
  return v ? db::Value(*v) : db::Value(std::monostate{});
}

static Result<CsvTable> load(const std::string& dir, const std::string& name, std::initializer_list<const char*> cols) {
  PANTAU_TRY(std::string text, read_text_file(dir + "/" + name));
  PANTAU_TRY(CsvTable t, parse_csv(text));
  for (auto c : cols)
    if (t.column(c) < 0)
      return Error::make(ErrorKind::Invalid, "seed.bad_data", fmt::format("{}: kolom {} tidak ada", name, c),
                         fmt::format("{}: column {} is missing", name, c));
  return t;
}

Result<SeedReport> seed_reference(db::Database& db, const std::string& dir) {
  SeedReport rep;
  PANTAU_TRY(rep.regions, regions::seed_regions(db, dir));

  PANTAU_TRY(CsvTable hol, load(dir, "holidays.csv", {"date", "kind", "name_id", "name_en", "legal_basis", "confidence"}));
  PANTAU_TRY(CsvTable par, load(dir, "parties.csv", {"number", "abbreviation", "name", "scope", "election_year", "kpu_decree"}));
  PANTAU_TRY(CsvTable dpr, load(dir, "dpr_results_2024.csv", {"party_number", "valid_votes", "seats"}));
  PANTAU_TRY(CsvTable dprd, load(dir, "dprd_provinsi_2024.csv", {"province_code", "party_number", "seats", "valid_votes"}));
  Status s = db.write([&](db::Conn& c) -> Status {
    auto col = [](const CsvTable& t, const std::vector<std::string>& r, const char* n) { return r[t.column(n)]; };
    for (auto& r : hol.rows) {
      c.exec("INSERT INTO holidays (date, kind, name_id, name_en, legal_basis, confidence) VALUES (?, ?, ?, ?, ?, ?) "
             "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, name_id = excluded.name_id, name_en = excluded.name_en, "
             "legal_basis = excluded.legal_basis, confidence = excluded.confidence",
             {col(hol, r, "date"), col(hol, r, "kind"), col(hol, r, "name_id"), col(hol, r, "name_en"),
              col(hol, r, "legal_basis"), col(hol, r, "confidence")});
      ++rep.holidays;
    }
    for (auto& r : par.rows) {
      c.exec("INSERT INTO parties (number, election_year, abbreviation, name, scope, kpu_decree) VALUES (?, ?, ?, ?, ?, ?) "
             "ON CONFLICT (election_year, number) DO UPDATE SET abbreviation = excluded.abbreviation, name = excluded.name, "
             "scope = excluded.scope, kpu_decree = excluded.kpu_decree",
             {opt_int(col(par, r, "number")), opt_int(col(par, r, "election_year")), col(par, r, "abbreviation"),
              col(par, r, "name"), col(par, r, "scope"), col(par, r, "kpu_decree")});
      ++rep.parties;
    }
    auto result = [&](const char* chamber, const std::string& region, const std::string& party, const std::string& votes,
                      const std::string& seats, const char* source) {
      c.exec("INSERT INTO election_results (election_year, chamber, region_code, party_number, valid_votes, seats, source) "
             "VALUES (2024, ?, ?, ?, ?, ?, ?) ON CONFLICT (election_year, chamber, region_code, party_number) DO UPDATE SET "
             "valid_votes = excluded.valid_votes, seats = excluded.seats, source = excluded.source",
             {std::string(chamber), region, opt_int(party), opt_int(votes), opt_int(seats).index() ? opt_int(seats) : db::Value(int64_t{0}),
              std::string(source)});
      ++rep.results;
    };
    for (auto& r : dpr.rows)
      result("DPR", "", col(dpr, r, "party_number"), col(dpr, r, "valid_votes"), col(dpr, r, "seats"), "Kep. KPU 1050/2024");
    for (auto& r : dprd.rows)
      result("DPRD_PROVINSI", col(dprd, r, "province_code"), col(dprd, r, "party_number"), col(dprd, r, "valid_votes"),
             col(dprd, r, "seats"), "KPU Provinsi (dihimpun dari pemberitaan media)");
    return {};
  });
  if (!s.ok()) return s.error();
  // Democracy index: indicators, the established official values and the weight sets.
  Status idi = db.write([&](db::Conn& c) { return democracy::seed_reference(c, dir); });
  if (!idi.ok()) return idi.error();
  // The Ombudsman self-assessment checklist and its zone thresholds.
  Status omb = db.write([&](db::Conn& c) { return services::seed_ombudsman_checklist(c, dir); });
  if (!omb.ok()) return omb.error();
  return rep;
}

}  // namespace pantau::app
