// Values per vote (with the PP 1/2018 defaults), the allocation of a region's aid per party,
// its budget sheet, and the position of every party (dashboard).
#include <algorithm>
#include <functional>
#include <set>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/time.h"
#include "modules/party_aid/store_internal.h"
#include "report/indonesian.h"
#include "report/xlsx.h"

namespace pantau::party_aid {

namespace {

// ---- values per vote ----------------------------------------------------------------------

constexpr const char* kValueSelect =
    "SELECT v.id, v.region_code, COALESCE(r.name, ''), v.fiscal_year, v.value_sen, v.basis, "
    "v.approval_letter_no, v.legal_basis, v.rounding, v.election_year, v.inauguration_date, "
    "v.previous_election_year, v.note, v.created_at, v.updated_at, v.version "
    "FROM banpol_vote_values v LEFT JOIN regions r ON r.code = v.region_code ";

VoteValue value_from(const db::Row& r) {
  VoteValue v;
  v.id = r.i64(0);
  v.region_code = r.str(1);
  v.region_name = v.region_code.empty() ? "Nasional" : r.str(2);
  v.chamber = chamber_of(v.region_code).value_or("");
  v.fiscal_year = r.i64(3);
  v.value_sen = r.i64(4);
  v.basis = r.str(5);
  v.approval_letter_no = r.str(6);
  v.legal_basis = r.str(7);
  v.rounding = parse_rounding(r.text(8)).value_or(Rounding::HalfUp);
  v.election_year = r.i64(9);
  v.inauguration_date = r.opt_str(10);
  v.previous_election_year = r.opt_i64(11);
  v.note = r.str(12);
  v.created_at = r.str(13);
  v.updated_at = r.str(14);
  v.version = r.i64(15);
  return v;
}

Status check_value_input(db::Conn& c, const VoteValueInput& in) {
  PANTAU_CHECK(check_aid_region(c, in.region_code));
  VoteValueFacts f;
  f.basis = in.basis;
  f.approval_letter_no = in.approval_letter_no;
  f.fiscal_year = in.fiscal_year;
  f.value_sen = in.value_sen;
  f.election_year = in.election_year;
  if (auto d = default_value(c, *chamber_of(in.region_code), in.fiscal_year))
    f.default_sen = d->value_sen;
  f.inauguration = opt_date(in.inauguration_date);
  f.previous_election_year = in.previous_election_year;
  return check_vote_value(f);
}

// ---- allocations --------------------------------------------------------------------------

// What the allocation of many regions (and fiscal years) needs, loaded in a fixed handful of
// queries: values, defaults, results, parties, boards.
struct AllocationInputs {
  std::map<std::pair<std::string, int64_t>, VoteValue> values;  // (region, fiscal year) -> values
  std::vector<DefaultValue> defaults;                           // every PP 1/2018 default
  // (region, election year) -> results of the region's own chamber
  std::map<std::pair<std::string, int64_t>, std::vector<PartyVotes>> results;
  std::map<std::pair<int64_t, int64_t>, std::pair<std::string, std::string>> parties;
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, std::string>> boards;
};

// The default in force for a chamber and fiscal year (as default_value() chooses it).
const DefaultValue* default_in(const AllocationInputs& in, const std::string& chamber,
                               int64_t fiscal_year) {
  const DefaultValue* best = nullptr;
  for (const auto& d : in.defaults)
    if (d.chamber == chamber && d.from_year <= fiscal_year &&
        (!d.to_year || *d.to_year >= fiscal_year) && (!best || d.from_year > best->from_year))
      best = &d;
  return best;
}

// `where` restricts a region column named `col` (placeholder text built by the caller).
using RegionWhere = std::function<std::string(const std::string& col, db::Params& p)>;

std::string year_list(const std::set<int64_t>& years, db::Params& p) {
  std::string out;
  for (int64_t y : years) {
    out += out.empty() ? "?" : ", ?";
    p.emplace_back(y);
  }
  return out;
}

AllocationInputs load_inputs(db::Conn& c, const std::set<int64_t>& fiscal_years,
                             const RegionWhere& where) {
  AllocationInputs in;
  if (fiscal_years.empty()) return in;
  {
    db::Params p;
    std::string years = year_list(fiscal_years, p);
    c.query(std::string(kValueSelect) + "WHERE v.fiscal_year IN (" + years + ") AND " +
                where("v.region_code", p),
            p, [&](const db::Row& r) {
              VoteValue v = value_from(r);
              in.values[{v.region_code, v.fiscal_year}] = std::move(v);
            });
  }
  in.defaults = list_default_values(c);
  {
    db::Params p{*fiscal_years.rbegin()};
    c.query(
        "SELECT er.region_code, er.election_year, er.chamber, er.party_number, "
        "er.valid_votes, er.seats FROM election_results er WHERE er.election_year <= ? AND " +
            where("er.region_code", p) +
            " ORDER BY er.region_code, er.election_year, "
            "er.party_number",
        p, [&](const db::Row& r) {
          std::string region = r.str(0);
          if (chamber_of(region).value_or("") != r.text(2)) return;
          PartyVotes v;
          v.party_number = r.i64(3);
          v.votes = r.opt_i64(4);
          v.seats = r.i64(5);
          in.results[{region, r.i64(1)}].push_back(std::move(v));
        });
  }
  c.query("SELECT election_year, number, abbreviation, name FROM parties", {},
          [&](const db::Row& r) {
            in.parties[{r.i64(0), r.i64(1)}] = {r.str(2), r.str(3)};
          });
  {
    db::Params p;
    c.query(
        "SELECT b.region_code, b.party_abbreviation, b.id, b.status FROM party_boards b "
        "WHERE b.status IN ('RECOGNISED', 'DISPUTED') AND " +
            where("b.region_code", p),
        p, [&](const db::Row& r) {
          in.boards[{r.str(0), r.str(1)}] = {r.i64(2), r.str(3)};
        });
  }
  return in;
}

RegionAllocation compute(const AllocationInputs& in, const std::string& region,
                         const std::string& region_name, int64_t fiscal_year) {
  RegionAllocation a;
  a.region_code = region;
  a.region_name = region_name;
  a.chamber = chamber_of(region).value_or("");
  a.fiscal_year = fiscal_year;
  if (auto v = in.values.find({region, fiscal_year}); v != in.values.end()) {
    a.configured = true;
    a.value_sen = v->second.value_sen;
    a.basis = v->second.basis;
    a.legal_basis = v->second.legal_basis;
    a.approval_letter_no = v->second.approval_letter_no;
    a.rounding = v->second.rounding;
    a.election_year = v->second.election_year;
    a.previous_election_year = v->second.previous_election_year;
    a.inauguration_date = v->second.inauguration_date;
  } else if (const DefaultValue* d = default_in(in, a.chamber, fiscal_year)) {
    a.value_sen = d->value_sen;
    a.basis = "DEFAULT_PP_1_2018";
    a.legal_basis = d->legal_basis;
  } else {
    a.problems.push_back("no_value");
    return a;
  }
  if (!a.election_year) {
    // The latest election before the fiscal year whose results are entered.
    auto it = in.results.lower_bound({region, fiscal_year});
    if (it != in.results.begin() && std::prev(it)->first.first == region)
      a.election_year = std::prev(it)->first.second;
  }
  if (!a.election_year) {
    a.problems.push_back("no_results");
    return a;
  }
  auto votes_of = [&](int64_t year) {
    std::vector<PartyVotes> out;
    if (year > fiscal_year) return out;  // results of later years may be loaded for other rows
    if (auto it = in.results.find({region, year}); it != in.results.end()) out = it->second;
    for (auto& v : out) {
      auto p = in.parties.find({year, v.party_number});
      v.abbreviation =
          p != in.parties.end() ? p->second.first : "#" + std::to_string(v.party_number);
    }
    return out;
  };
  std::vector<PartyVotes> current = votes_of(*a.election_year);
  if (current.empty()) a.problems.push_back("no_results");
  auto inauguration = opt_date(a.inauguration_date);
  if (inauguration && a.previous_election_year) {
    std::vector<PartyVotes> old = votes_of(*a.previous_election_year);
    if (old.empty()) a.problems.push_back("no_previous_results");
    a.allocation = allocate_transition(old, current, a.value_sen, *inauguration, a.rounding);
  } else {
    a.allocation = allocate(current, a.value_sen, a.rounding);
  }
  if (a.allocation.lines_missing_votes > 0) a.problems.push_back("votes_missing");
  for (const auto& l : a.allocation.lines) {
    for (const auto& [key, party] : in.parties)
      if (party.first == l.abbreviation) a.party_names[l.abbreviation] = party.second;
    if (auto b = in.boards.find({region, l.abbreviation}); b != in.boards.end())
      a.boards[l.abbreviation] = b->second;
  }
  return a;
}

}  // namespace

std::optional<int64_t> party_amount(const RegionAllocation& a, const std::string& party,
                                    int64_t* seats) {
  std::optional<int64_t> sum;
  bool unknown = false;
  for (const auto& l : a.allocation.lines) {
    if (l.abbreviation != party) continue;
    if (seats) *seats = std::max(*seats, l.seats);
    if (!l.amount)
      unknown = true;
    else
      sum = sum.value_or(0) + *l.amount;
  }
  if (unknown) return std::nullopt;
  return sum;
}

std::map<PartyYear, PartyAmount> party_amounts(db::Conn& c, const std::set<PartyYear>& wanted) {
  std::map<PartyYear, PartyAmount> out;
  std::set<std::string> regions;
  std::set<int64_t> years;
  for (const auto& [region, party, year] : wanted)
    if (chamber_of(region)) {
      regions.insert(region);
      years.insert(year);
    }
  if (regions.empty()) return out;
  auto region_in = [&](const std::string& col, db::Params& p) {
    std::string sql = col + " IN (";
    bool first = true;
    for (const auto& r : regions) {
      sql += first ? "?" : ", ?";
      first = false;
      p.emplace_back(r);
    }
    return sql + ")";
  };
  // Only regions on record have an allocation (as allocation_for() refuses the others).
  std::map<std::string, std::string> names;
  {
    db::Params p;
    c.query("SELECT code, name FROM regions WHERE " + region_in("code", p), p,
            [&](const db::Row& r) { names[r.str(0)] = r.str(1); });
    if (regions.count("")) names[""] = "Nasional";
  }
  AllocationInputs in = load_inputs(c, years, region_in);
  std::map<std::pair<std::string, int64_t>, RegionAllocation> computed;
  for (const auto& key : wanted) {
    const auto& [region, party, year] = key;
    auto name = names.find(region);
    if (name == names.end()) continue;
    auto a = computed.find({region, year});
    if (a == computed.end())
      a = computed.emplace(std::pair{region, year}, compute(in, region, name->second, year)).first;
    PartyAmount amount;
    amount.amount = party_amount(a->second, party, &amount.seats);
    out.emplace(key, amount);
  }
  return out;
}

// ---- values per vote ----------------------------------------------------------------------

std::optional<DefaultValue> default_value(db::Conn& c, const std::string& chamber,
                                          int64_t fiscal_year) {
  std::optional<DefaultValue> d;
  c.query(
      "SELECT chamber, from_year, to_year, value_sen, legal_basis FROM "
      "banpol_default_values WHERE chamber = ? AND from_year <= ? AND (to_year IS NULL OR "
      "to_year >= ?) ORDER BY from_year DESC LIMIT 1",
      {chamber, fiscal_year, fiscal_year}, [&](const db::Row& r) {
        d = DefaultValue{r.str(0), r.str(4), r.i64(3), r.i64(1), r.opt_i64(2), ""};
      });
  return d;
}

std::vector<DefaultValue> list_default_values(db::Conn& c) {
  std::vector<DefaultValue> out;
  c.query(
      "SELECT chamber, from_year, to_year, value_sen, legal_basis, confidence FROM "
      "banpol_default_values ORDER BY chamber, from_year",
      {}, [&](const db::Row& r) {
        out.push_back(DefaultValue{r.str(0), r.str(4), r.i64(3), r.i64(1), r.opt_i64(2), r.str(5)});
      });
  return out;
}

Page<VoteValue> list_vote_values(db::Conn& c, const auth::Scope& s, const std::string& region,
                                 std::optional<int64_t> year, const Paging& page) {
  db::Params p;
  std::string sql = std::string(kValueSelect) + "WHERE " + s.region_filter("v.region_code", p);
  if (!region.empty()) {
    sql += " AND v.region_code = ?";
    p.emplace_back(region);
  }
  if (year) {
    sql += " AND v.fiscal_year = ?";
    p.emplace_back(*year);
  }
  return db::keyset_page(c, sql, p, page, "v.id", value_from);
}

std::optional<VoteValue> get_vote_value(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<VoteValue> v;
  c.query(std::string(kValueSelect) + "WHERE v.id = ? AND " + s.region_filter("v.region_code", p),
          p, [&](const db::Row& r) { v = value_from(r); });
  return v;
}

Result<VoteValue> create_vote_value(db::Conn& c, const auth::Scope& s, const VoteValueInput& in) {
  PANTAU_CHECK(check_write(s, in.region_code, auth::kRecordWrite));
  PANTAU_CHECK(check_value_input(c, in));
  if (c.query_i64("SELECT 1 FROM banpol_vote_values WHERE region_code = ? AND fiscal_year = ?",
                  {in.region_code, in.fiscal_year}))
    return Error::conflict("banpol.value_exists",
                           "Nilai per suara untuk wilayah dan tahun anggaran ini sudah ada; "
                           "ubah yang ada.",
                           "A value per vote for this region and fiscal year exists; change it.");
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO banpol_vote_values (region_code, fiscal_year, value_sen, basis, "
      "approval_letter_no, legal_basis, rounding, election_year, inauguration_date, "
      "previous_election_year, note, created_by, created_at, updated_at, version) VALUES (?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {in.region_code, in.fiscal_year, in.value_sen, in.basis, in.approval_letter_no,
       in.legal_basis, std::string(name(in.rounding)), in.election_year,
       opt_text(in.inauguration_date), opt_int(in.previous_election_year), in.note, user_or_null(s),
       now, now});
  auto v = get_vote_value(c, s, id);
  audit::append(c, s,
                {"create", "banpol_vote_value", std::to_string(id), in.region_code, 0, std::nullopt,
                 to_json(*v)});
  return std::move(*v);
}

Result<VoteValue> update_vote_value(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                    const VoteValueInput& given) {
  auto before = get_vote_value(c, s, id);
  if (!before)
    return Error::not_found("Nilai per suara tidak ditemukan.", "Value per vote not found.");
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  VoteValueInput in = given;
  in.region_code = before->region_code;
  in.fiscal_year = before->fiscal_year;
  PANTAU_CHECK(check_value_input(c, in));
  if (before->version != version) return Error::stale_version();
  int64_t n = c.exec(
      "UPDATE banpol_vote_values SET value_sen = ?, basis = ?, approval_letter_no = ?, "
      "legal_basis = ?, rounding = ?, election_year = ?, inauguration_date = ?, "
      "previous_election_year = ?, note = ?, updated_at = ?, version = version + 1 WHERE id = ? "
      "AND version = ?",
      {in.value_sen, in.basis, in.approval_letter_no, in.legal_basis,
       std::string(name(in.rounding)), in.election_year, opt_text(in.inauguration_date),
       opt_int(in.previous_election_year), in.note, now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto after = get_vote_value(c, s, id);
  audit::append(c, s,
                {"update", "banpol_vote_value", std::to_string(id), after->region_code, 0,
                 to_json(*before), to_json(*after)});
  return std::move(*after);
}

// ---- allocations --------------------------------------------------------------------------

Result<RegionAllocation> allocation_for(db::Conn& c, const auth::Scope& s,
                                        const std::string& region, int64_t fiscal_year) {
  if (!s.covers(region))
    return Error::not_found("Wilayah di luar cakupan Anda.", "The region is outside your scope.");
  PANTAU_TRY(std::string region_name, region_name_of(c, region));
  AllocationInputs in = load_inputs(c, {fiscal_year}, [&](const std::string& col, db::Params& p) {
    p.emplace_back(region);
    return col + " = ?";
  });
  return compute(in, region, region_name, fiscal_year);
}

Result<std::vector<RegionAllocation>> allocations_within(db::Conn& c, const auth::Scope& s,
                                                         const std::string& root,
                                                         int64_t fiscal_year) {
  if (!s.covers(root))
    return Error::not_found("Wilayah di luar cakupan Anda.", "The region is outside your scope.");
  auth::Scope under = s;
  under.region_code = root;
  AllocationInputs in = load_inputs(c, {fiscal_year}, [&](const std::string& col, db::Params& p) {
    return under.region_filter(col, p);
  });
  std::vector<RegionAllocation> out;
  db::Params p;
  std::string sql = "SELECT code, name FROM regions WHERE level IN (1, 2) AND " +
                    under.region_filter("code", p) + " ORDER BY code";
  std::vector<std::pair<std::string, std::string>> regions;
  c.query(sql, p, [&](const db::Row& r) { regions.emplace_back(r.str(0), r.str(1)); });
  out.reserve(regions.size());
  for (const auto& [code, name] : regions) out.push_back(compute(in, code, name, fiscal_year));
  return out;
}

Result<std::string> budget_sheet_xlsx(const RegionAllocation& a) {
  report::XlsxWorkbook wb({"Perhitungan Bantuan Keuangan Partai Politik " + a.region_name + " " +
                               std::to_string(a.fiscal_year),
                           "", "Bantuan keuangan partai politik", std::nullopt});
  wb.add_sheet("Banpol " + std::to_string(a.fiscal_year));
  wb.title("PERHITUNGAN BANTUAN KEUANGAN PARTAI POLITIK TAHUN ANGGARAN " +
           std::to_string(a.fiscal_year));
  wb.title(a.region_name + " (" + (a.region_code.empty() ? "Nasional" : a.region_code) + ") - " +
           a.chamber);
  wb.title("Nilai bantuan per suara sah: Rp " + format_value(a.value_sen) + " (" + a.basis +
           (a.approval_letter_no.empty() ? "" : ", surat " + a.approval_letter_no) + "; " +
           a.legal_basis + ")");
  if (a.inauguration_date)
    wb.title("Tahun transisi: pelantikan DPRD " + *a.inauguration_date + "; tahap I " +
             std::to_string(a.allocation.months_old) + " bulan, tahap II " +
             std::to_string(a.allocation.months_new) + " bulan");
  wb.header({"No", "Partai", "Nama Partai", "Tahap", "Kursi", "Suara Sah", "Nilai per Suara",
             "Bulan", "Jumlah Bantuan (Rp)", "Pembulatan"});
  int64_t no = 0;
  for (const auto& l : a.allocation.lines) {
    auto n = a.party_names.find(l.abbreviation);
    wb.row({report::XlsxCell::integer(++no), l.abbreviation,
            n != a.party_names.end() ? n->second : std::string(), std::string(name(l.stage)),
            report::XlsxCell::integer(l.seats),
            l.votes ? report::XlsxCell::integer(*l.votes) : report::XlsxCell("belum ada"),
            l.value_sen % 100 == 0 ? report::XlsxCell::rupiah(l.value_sen / 100)
                                   : report::XlsxCell::number(l.value_sen / 100.0, 2),
            report::XlsxCell::integer(l.months),
            l.amount ? report::XlsxCell::rupiah(*l.amount) : report::XlsxCell("belum ada"),
            l.rounding});
  }
  wb.row({report::XlsxCell(), "JUMLAH", "", "", "", "", "", "",
          report::XlsxCell::rupiah(a.allocation.total), ""});
  wb.row({report::XlsxCell(), "Terbilang", report::terbilang(a.allocation.total) + " rupiah"});
  wb.column_widths({5, 12, 40, 12, 7, 14, 14, 7, 20, 16});
  return wb.finish();
}

// ---- positions ----------------------------------------------------------------------------

Result<std::vector<Position>> positions(db::Conn& c, const auth::Scope& s,
                                        const std::string& region, int64_t fiscal_year) {
  PANTAU_TRY(RegionAllocation a, allocation_for(c, s, region, fiscal_year));
  std::map<std::string, Application> apps;
  for (auto& app : list_applications(c, s, {region, fiscal_year}, {std::nullopt, 1000}).items)
    apps.emplace(app.party_abbreviation, std::move(app));
  std::vector<std::string> parties;
  for (const auto& l : a.allocation.lines)
    if (std::find(parties.begin(), parties.end(), l.abbreviation) == parties.end())
      parties.push_back(l.abbreviation);
  std::vector<Position> out;
  Date today = today_in(region);
  for (const auto& party : parties) {
    Position p;
    p.party_abbreviation = party;
    if (auto n = a.party_names.find(party); n != a.party_names.end()) p.party_name = n->second;
    EligibilityInput e;
    p.allocation_amount = party_amount(a, party, &e.seats);
    p.seats = e.seats;
    auto board = current_board(c, region, party);
    if (board) p.board_status = board->status;
    e.board = board_state(board, today);
    auto app = apps.find(party);
    bool first_year = app != apps.end() && app->second.first_year;
    std::optional<LpjStatus> prev;
    previous_lpj(c, region, party, fiscal_year, first_year, e, &prev);
    if (prev) p.previous_lpj_stage = std::string(name(prev->stage));
    p.sanction_active = e.sanction_active;
    p.eligibility = check_eligibility(e);
    if (app != apps.end()) {
      p.application_id = app->second.id;
      p.application_status = std::string(name(app->second.status));
      p.determined_amount = app->second.determined_amount;
      p.disbursed_amount = app->second.disbursed_amount;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace pantau::party_aid
