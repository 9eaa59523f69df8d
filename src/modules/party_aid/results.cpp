// KPU election results per region and their import from CSV or XLSX.
#include <map>
#include <set>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/csv.h"
#include "core/strings.h"
#include "core/xlsx_read.h"
#include "modules/party_aid/store_internal.h"

namespace pantau::party_aid {

std::vector<ResultRow> list_results(db::Conn& c, const auth::Scope& s, const std::string& region,
                                    int64_t election_year) {
  std::vector<ResultRow> out;
  auto chamber = chamber_of(region);
  if (!chamber || !s.covers(region)) return out;
  c.query(
      "SELECT er.election_year, er.chamber, er.region_code, er.party_number, "
      "COALESCE(p.abbreviation, ''), COALESCE(p.name, ''), er.valid_votes, er.seats, "
      "er.source FROM election_results er LEFT JOIN parties p ON p.election_year = "
      "er.election_year AND p.number = er.party_number WHERE er.region_code = ? AND "
      "er.election_year = ? AND er.chamber = ? ORDER BY er.party_number",
      {region, election_year, *chamber}, [&](const db::Row& r) {
        ResultRow x;
        x.election_year = r.i64(0);
        x.chamber = r.str(1);
        x.region_code = r.str(2);
        x.party_number = r.i64(3);
        x.abbreviation = r.str(4);
        x.party_name = r.str(5);
        x.valid_votes = r.opt_i64(6);
        x.seats = r.i64(7);
        x.source = r.str(8);
        out.push_back(std::move(x));
      });
  return out;
}

Result<ImportReport> import_results(db::Conn& c, const auth::Scope& s, int64_t election_year,
                                    std::string_view csv, bool dry_run) {
  if (!s.can(auth::kRecordWrite)) return Error::forbidden();
  // An .xlsx (zip magic) is read from its first sheet; row numbers are then Excel's.
  PANTAU_TRY(CsvTable t, looks_like_xlsx(csv) ? parse_xlsx(csv, 100'000, 4096)
                                              : parse_csv(csv, 100'000, 4096));
  int col_region = t.column("region_code"), col_number = t.column("party_number"),
      col_abbr = t.column("abbreviation"), col_votes = t.column("valid_votes"),
      col_seats = t.column("seats"), col_source = t.column("source");
  if (col_region < 0 || col_votes < 0 || col_seats < 0 || (col_number < 0 && col_abbr < 0))
    return Error::invalid_field(
        "file", "columns",
        "Kolom wajib: region_code, party_number atau abbreviation, valid_votes, seats.",
        "Required columns: region_code, party_number or abbreviation, valid_votes, seats.");
  std::map<int64_t, std::string> by_number;
  std::map<std::string, int64_t> by_abbr;
  c.query("SELECT number, abbreviation FROM parties WHERE election_year = ?", {election_year},
          [&](const db::Row& r) {
            by_number[r.i64(0)] = r.str(1);
            by_abbr[to_lower_ascii(r.text(1))] = r.i64(0);
          });
  if (t.rows.empty())
    return Error::invalid_field("file", "empty", "Berkas tidak berisi baris data.",
                                "The file holds no data rows.");
  if (by_number.empty())
    return Error::invalid_field("election_year", "no_parties",
                                "Belum ada daftar partai untuk pemilu tahun ini.",
                                "No party list exists for this election year.");
  std::map<std::string, bool> known_region;
  struct Parsed {
    std::string region;
    int64_t party = 0;
    std::optional<int64_t> votes;
    int64_t seats = 0;
    std::string source;
  };
  std::vector<Parsed> parsed;
  std::set<std::pair<std::string, int64_t>> seen;
  ImportReport rep;
  auto cell = [&](size_t row, int col) {
    return col < 0 ? std::string() : trim(t.rows[row][static_cast<size_t>(col)]);
  };
  for (size_t i = 0; i < t.rows.size(); ++i) {
    ImportRow row;
    row.line = t.row_lines[i];
    row.region_code = cell(i, col_region);
    std::string number = cell(i, col_number), abbr = cell(i, col_abbr);
    row.party = !abbr.empty() ? abbr : number;
    auto err = [&](std::string field, std::string code, std::string id, std::string en) {
      row.errors.push_back({std::move(field), std::move(code), {std::move(id), std::move(en)}});
    };
    Parsed p;
    p.region = row.region_code;
    if (row.region_code.empty() || !chamber_of(row.region_code)) {
      err("region_code", "not_allowed", "Kode provinsi atau kabupaten/kota tidak valid.",
          "Not a valid province or kabupaten/kota code.");
    } else {
      auto known = known_region.find(row.region_code);
      if (known == known_region.end())
        known = known_region
                    .emplace(row.region_code,
                             c.query_i64("SELECT 1 FROM regions WHERE code = ?", {row.region_code})
                                 .has_value())
                    .first;
      if (!known->second)
        err("region_code", "not_found", "Kode wilayah tidak terdaftar.",
            "The region code does not exist.");
      else if (!s.covers(row.region_code))
        err("region_code", "outside_scope", "Wilayah ini di luar cakupan Anda.",
            "This region is outside your scope.");
    }
    std::optional<int64_t> party;
    if (!number.empty()) {
      auto n = parse_int64(number);
      if (!n || !by_number.count(*n))
        err("party_number", "not_found", "Nomor urut partai tidak ada pada pemilu ini.",
            "No party has this ballot number in this election.");
      else
        party = *n;
    }
    if (!abbr.empty()) {
      auto it = by_abbr.find(to_lower_ascii(abbr));
      if (it == by_abbr.end())
        err("abbreviation", "not_found", "Singkatan partai tidak ada pada pemilu ini.",
            "No party has this abbreviation in this election.");
      else if (party && *party != it->second)
        err("abbreviation", "mismatch", "Nomor urut dan singkatan partai tidak cocok.",
            "The ballot number and the abbreviation name different parties.");
      else
        party = it->second;
    }
    if (number.empty() && abbr.empty())
      err("party_number", "required", "Sebutkan partainya.", "Name the party.");
    std::string votes = cell(i, col_votes), seats = cell(i, col_seats);
    if (!votes.empty()) {
      auto v = parse_int64(votes);
      if (!v || *v < 0 || *v > 1'000'000'000)
        err("valid_votes", "invalid", "Suara sah harus bilangan bulat 0 atau lebih.",
            "Valid votes must be a whole number, 0 or more.");
      else
        p.votes = *v;
    }
    auto st = parse_int64(seats);
    if (!st || *st < 0 || *st > 1000)
      err("seats", "invalid", "Kursi harus bilangan bulat 0 atau lebih.",
          "Seats must be a whole number, 0 or more.");
    else
      p.seats = *st;
    if (party && !seen.insert({row.region_code, *party}).second)
      err("party_number", "duplicate", "Partai ini sudah ada untuk wilayah ini di berkas.",
          "This party already appears for this region in the file.");
    p.party = party.value_or(0);
    p.source = cell(i, col_source);
    if (!row.errors.empty()) ++rep.refused;
    parsed.push_back(std::move(p));
    rep.report.push_back(std::move(row));
  }
  rep.rows = static_cast<int64_t>(t.rows.size());
  std::map<std::string, std::vector<const Parsed*>> by_region;
  for (const auto& p : parsed) by_region[p.region].push_back(&p);
  rep.regions = static_cast<int64_t>(by_region.size());
  if (rep.refused > 0 || dry_run) return rep;
  for (const auto& [region, rows] : by_region) {
    std::string chamber = *chamber_of(region);
    std::string before = to_json(list_results(c, s, region, election_year));
    c.exec(
        "DELETE FROM election_results WHERE election_year = ? AND chamber = ? AND "
        "region_code = ?",
        {election_year, chamber, region});
    for (const Parsed* p : rows)
      c.exec(
          "INSERT INTO election_results (election_year, chamber, region_code, party_number, "
          "valid_votes, seats, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
          {election_year, chamber, region, p->party, opt_int(p->votes), p->seats, p->source});
    audit::append(
        c, s,
        {"import", "election_results", std::to_string(election_year) + ":" + chamber + ":" + region,
         region, 0, before, to_json(list_results(c, s, region, election_year))});
  }
  rep.applied = true;
  return rep;
}

}  // namespace pantau::party_aid
