#include "modules/party_aid/store.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/calendar.h"
#include "core/csv.h"
#include "core/xlsx_read.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "http/json.h"
#include "report/indonesian.h"
#include "report/xlsx.h"

namespace pantau::party_aid {

namespace {

db::Value user_or_null(const auth::Scope& s) {
  return s.user_id > 0 ? db::Value(s.user_id) : db::Value();
}
db::Value opt_text(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value opt_int(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(); }

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  return s ? parse_date(*s) : std::nullopt;
}

// Today in the region's own time zone (WIB/WITA/WIT).
Date today_in(const std::string& region) {
  auto local = system_time().now() + std::chrono::hours(utc_offset_hours(region));
  return parse_date(format_iso(local).substr(0, 10)).value_or(Date{});
}

// Writes need the permission and a region inside the caller's subtree.
Status check_write(const auth::Scope& s, const std::string& region, std::string_view permission) {
  if (!s.covers(region) || !s.can(permission))
    return Error::forbidden("Data bantuan keuangan partai politik ini di luar kewenangan Anda.",
                            "This party-aid record is outside what you may change.");
  return {};
}

// A province, a kab/kota, or "" (national, DPR), present in the regions table.
Result<std::string> region_name_of(db::Conn& c, const std::string& region) {
  if (region.empty()) return std::string("Nasional");
  if (!chamber_of(region))
    return Error::invalid_field("region_code", "not_allowed",
                                "Bantuan keuangan partai politik diberikan oleh provinsi atau "
                                "kabupaten/kota.",
                                "Party aid is given by a province or a kabupaten/kota.");
  auto n = c.query_str("SELECT name FROM regions WHERE code = ?", {region});
  if (!n)
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.",
                                "The region code does not exist.");
  return *n;
}

Status check_aid_region(db::Conn& c, const std::string& region) {
  auto name = region_name_of(c, region);
  if (!name.ok()) return name.error();
  return {};
}

bool party_exists(db::Conn& c, const std::string& abbreviation) {
  return c.query_i64("SELECT 1 FROM parties WHERE abbreviation = ?", {abbreviation}).has_value();
}

std::string array_json(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    out += items[i];
  }
  return out + "]";
}

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

// ---- boards -------------------------------------------------------------------------------

constexpr const char* kBoardSelect =
    "SELECT b.id, b.region_code, COALESCE(r.name, ''), b.party_abbreviation, b.decree_no, "
    "b.decree_date, b.chair, b.secretary, b.treasurer, b.npwp, b.bank_name, b.bank_account_no, "
    "b.bank_account_holder, b.office_address, b.valid_from, b.valid_to, b.status, b.status_note, "
    "b.created_at, b.updated_at, b.version FROM party_boards b LEFT JOIN regions r ON r.code = "
    "b.region_code ";

Board board_from(const db::Row& r) {
  Board b;
  b.id = r.i64(0);
  b.region_code = r.str(1);
  b.region_name = r.str(2);
  b.party_abbreviation = r.str(3);
  b.decree_no = r.str(4);
  b.decree_date = r.str(5);
  b.chair = r.str(6);
  b.secretary = r.str(7);
  b.treasurer = r.str(8);
  b.npwp = r.str(9);
  b.bank_name = r.str(10);
  b.bank_account_no = r.str(11);
  b.bank_account_holder = r.str(12);
  b.office_address = r.str(13);
  b.valid_from = r.str(14);
  b.valid_to = r.opt_str(15);
  b.status = r.str(16);
  b.status_note = r.str(17);
  b.created_at = r.str(18);
  b.updated_at = r.str(19);
  b.version = r.i64(20);
  return b;
}

// The board of a party in a region that counts for aid (recognised or disputed), if any.
std::optional<Board> current_board(db::Conn& c, const std::string& region,
                                   const std::string& party) {
  std::optional<Board> b;
  c.query(std::string(kBoardSelect) +
              "WHERE b.region_code = ? AND b.party_abbreviation = ? AND b.status IN "
              "('RECOGNISED', 'DISPUTED') ORDER BY b.id DESC LIMIT 1",
          {region, party}, [&](const db::Row& r) { b = board_from(r); });
  return b;
}

BoardState board_state(const std::optional<Board>& b, Date on) {
  if (!b) return BoardState::None;
  if (b->status == "DISPUTED") return BoardState::Disputed;
  std::string d = format_date(on);
  if (d < b->valid_from || (b->valid_to && d > *b->valid_to)) return BoardState::Expired;
  return BoardState::Recognised;
}

// ---- allocations --------------------------------------------------------------------------

// What the allocation of many regions needs, loaded in a handful of queries.
struct AllocationInputs {
  std::map<std::string, VoteValue> values;       // region -> configured parameters
  std::map<std::string, DefaultValue> defaults;  // chamber -> default
  // (region, election year) -> results of the region's own chamber
  std::map<std::pair<std::string, int64_t>, std::vector<PartyVotes>> results;
  std::map<std::pair<int64_t, int64_t>, std::pair<std::string, std::string>> parties;
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, std::string>> boards;
};

// `where` restricts a region column named `col` (placeholder text built by the caller).
using RegionWhere = std::function<std::string(const std::string& col, db::Params& p)>;

AllocationInputs load_inputs(db::Conn& c, int64_t fiscal_year, const RegionWhere& where) {
  AllocationInputs in;
  {
    db::Params p{fiscal_year};
    c.query(std::string(kValueSelect) + "WHERE v.fiscal_year = ? AND " + where("v.region_code", p),
            p, [&](const db::Row& r) {
              VoteValue v = value_from(r);
              in.values[v.region_code] = std::move(v);
            });
  }
  for (const auto& ch : kChambers)
    if (auto d = default_value(c, std::string(ch), fiscal_year)) in.defaults[d->chamber] = *d;
  {
    db::Params p{fiscal_year};
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
  if (auto v = in.values.find(region); v != in.values.end()) {
    a.configured = true;
    a.value_sen = v->second.value_sen;
    a.basis = v->second.basis;
    a.legal_basis = v->second.legal_basis;
    a.approval_letter_no = v->second.approval_letter_no;
    a.rounding = v->second.rounding;
    a.election_year = v->second.election_year;
    a.previous_election_year = v->second.previous_election_year;
    a.inauguration_date = v->second.inauguration_date;
  } else if (auto d = in.defaults.find(a.chamber); d != in.defaults.end()) {
    a.value_sen = d->second.value_sen;
    a.basis = "DEFAULT_PP_1_2018";
    a.legal_basis = d->second.legal_basis;
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

// The aid of one party in a region's allocation (all stages), if every stage's votes are known.
std::optional<int64_t> party_amount(const RegionAllocation& a, const std::string& party,
                                    int64_t* seats = nullptr) {
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

// ---- applications -------------------------------------------------------------------------

constexpr const char* kAppSelect =
    "SELECT a.id, a.region_code, COALESCE(r.name, ''), a.fiscal_year, a.board_id, "
    "a.party_abbreviation, a.letter_no, a.letter_date, a.received_at, a.first_year, a.status, "
    "a.held_from, a.status_note, a.ba_verification_no, a.decree_no, a.determined_amount, "
    "a.sp2d_no, a.sp2d_date, a.disbursed_amount, a.created_at, a.updated_at, a.version, "
    "a.verification_decree_no, a.verification_date, a.first_year_override_reason, "
    "a.first_year_override_by, a.first_year_override_at "
    "FROM banpol_applications a LEFT JOIN regions r ON r.code = a.region_code ";

Application app_from(const db::Row& r) {
  Application a;
  a.id = r.i64(0);
  a.region_code = r.str(1);
  a.region_name = r.str(2);
  a.fiscal_year = r.i64(3);
  a.board_id = r.i64(4);
  a.party_abbreviation = r.str(5);
  a.letter_no = r.str(6);
  a.letter_date = r.str(7);
  a.received_at = r.str(8);
  a.first_year_claimed = r.i64(9) != 0;
  a.first_year = a.first_year_claimed;  // until derive() has looked at the records
  a.status = parse_app_state(r.text(10)).value_or(AppState::Received);
  if (auto h = r.opt_str(11)) a.held_from = parse_app_state(*h);
  a.status_note = r.str(12);
  a.ba_verification_no = r.str(13);
  a.decree_no = r.str(14);
  a.determined_amount = r.opt_i64(15);
  a.sp2d_no = r.str(16);
  a.sp2d_date = r.opt_str(17);
  a.disbursed_amount = r.opt_i64(18);
  a.created_at = r.str(19);
  a.updated_at = r.str(20);
  a.version = r.i64(21);
  a.verification_team.decree_no = r.str(22);
  a.verification_team.meeting_date = r.opt_str(23);
  if (auto reason = r.opt_str(24)) a.first_year_override = {*reason, r.opt_i64(25), r.str(26)};
  return a;
}

int min_political_education(db::Conn& c) {
  auto v = c.query_str("SELECT value FROM banpol_settings WHERE key = ?",
                       {std::string("usage.min_political_education_percent")});
  auto n = v ? parse_int64(*v) : std::nullopt;
  return n && *n >= 0 && *n <= 100 ? static_cast<int>(*n) : 60;
}

// The LPJ facts of a party's previous fiscal year in a region (dates as recorded).
std::optional<LpjFacts> lpj_facts(db::Conn& c, const std::string& region, const std::string& party,
                                  int64_t fiscal_year) {
  std::optional<LpjFacts> f;
  c.query(
      "SELECT submitted_to_bpk, audited, lhp_received, submitted_to_government FROM "
      "banpol_lpj WHERE region_code = ? AND party_abbreviation = ? AND fiscal_year = ?",
      {region, party, fiscal_year}, [&](const db::Row& r) {
        LpjFacts x;
        x.fiscal_year = static_cast<int>(fiscal_year);
        x.submitted_to_bpk = opt_date(r.opt_str(0));
        x.audited = opt_date(r.opt_str(1));
        x.lhp_received = opt_date(r.opt_str(2));
        x.submitted_to_government = opt_date(r.opt_str(3));
        f = x;
      });
  return f;
}

// Previous-year LPJ and sanction of a party, for eligibility and the state machine's guards.
// A party in its first year needs no previous LPJ. Otherwise the audited LPJ is required. The
// sanction (PP 1/2018 Art. 16) follows from the records whatever the application says: a
// recorded LPJ that was late, or aid paid out last year (a DISBURSED application) whose LPJ was
// never recorded once its deadline passed. A "first year" claim never switches it off.
void previous_lpj(db::Conn& c, const std::string& region, const std::string& party,
                  int64_t fiscal_year, bool first_year, EligibilityInput& in,
                  std::optional<LpjStatus>* status_out = nullptr) {
  auto recorded = lpj_facts(c, region, party, fiscal_year - 1);
  if (first_year)
    in.previous_lpj = PreviousLpj::NotRequired;
  else
    in.previous_lpj = recorded && recorded->audited ? PreviousLpj::Audited : PreviousLpj::NotAudited;
  bool aided = c.query_i64(
                    "SELECT 1 FROM banpol_applications WHERE region_code = ? AND "
                    "party_abbreviation = ? AND fiscal_year = ? AND status = 'DISBURSED'",
                    {region, party, fiscal_year - 1})
                   .has_value();
  if (!recorded && !aided) return;
  LpjFacts f = recorded.value_or(LpjFacts{static_cast<int>(fiscal_year - 1), {}, {}, {}, {}});
  LpjStatus st = lpj_status(f, lpj_rule(c), today_in(region));
  in.sanction_active = st.sanction_active;
  if (status_out && recorded) *status_out = st;
}

}  // namespace

std::optional<int64_t> earlier_funded_year(db::Conn& c, const std::string& region,
                                           const std::string& party, int64_t fiscal_year) {
  auto lpj = c.query_i64(
      "SELECT MAX(fiscal_year) FROM banpol_lpj WHERE region_code = ? AND party_abbreviation = ? "
      "AND fiscal_year < ?",
      {region, party, fiscal_year});
  auto funded = c.query_i64(
      "SELECT MAX(fiscal_year) FROM banpol_applications WHERE region_code = ? AND "
      "party_abbreviation = ? AND fiscal_year < ? AND status IN ('DETERMINED', "
      "'DISBURSEMENT_REQUESTED', 'DISBURSED')",
      {region, party, fiscal_year});
  if (lpj && funded) return std::max(*lpj, *funded);
  return lpj ? lpj : funded;
}

namespace {

void derive(db::Conn& c, Application& a) {
  // "First year" stands when the records hold no earlier funded year of this party in this
  // region, or when a reviewer decided so with a reason.
  a.first_year_evidence_year =
      earlier_funded_year(c, a.region_code, a.party_abbreviation, a.fiscal_year);
  a.first_year = a.first_year_claimed && (!a.first_year_evidence_year || a.first_year_override);
  c.query(
      "SELECT t.code, t.name_id, t.name_en, t.required, t.waived_in_first_year, d.file_id, "
      "d.verdict, d.note, d.verdict_at FROM banpol_document_types t LEFT JOIN "
      "banpol_application_documents d ON d.doc_code = t.code AND d.application_id = ? "
      "ORDER BY t.sort_order",
      {a.id}, [&](const db::Row& r) {
        AppDocument d;
        d.code = r.str(0);
        d.name = {r.str(1), r.str(2)};
        d.required = r.i64(3) != 0;
        d.waived = a.first_year && r.i64(4) != 0;
        d.file_id = r.opt_i64(5);
        if (!r.is_null(6)) d.verdict = r.str(6);
        d.note = r.is_null(7) ? "" : r.str(7);
        d.verdict_at = r.opt_str(8);
        a.documents.push_back(std::move(d));
      });
  c.query(
      "SELECT category, activity, amount FROM banpol_usage_lines WHERE application_id = ? "
      "ORDER BY id",
      {a.id}, [&](const db::Row& r) {
        a.usage.push_back({r.str(0), r.str(1), r.i64(2)});
      });
  c.query(
      "SELECT name, nip, job_title, team_role FROM banpol_verification_members WHERE "
      "application_id = ? ORDER BY seq",
      {a.id}, [&](const db::Row& r) {
        a.verification_team.members.push_back({r.str(0), r.str(1), r.str(2), r.str(3)});
      });
  std::vector<std::string> required;
  std::map<std::string, std::string> verdicts;
  for (const auto& d : a.documents) {
    if (d.required && !d.waived) required.push_back(d.code);
    verdicts[d.code] = d.verdict;
  }
  a.missing_documents = missing_documents(required, verdicts);
  a.min_political_education = min_political_education(c);
  if (!a.usage.empty())
    if (auto u = check_usage_plan(a.usage, a.min_political_education); u.ok()) a.usage_check = *u;
  EligibilityInput in;
  auto alloc = allocation_for(c, auth::Scope::system(), a.region_code, a.fiscal_year);
  if (alloc.ok()) a.allocation_amount = party_amount(*alloc, a.party_abbreviation, &in.seats);
  std::optional<Board> board = current_board(c, a.region_code, a.party_abbreviation);
  in.board = board_state(board, parse_date(a.received_at.substr(0, 10)).value_or(Date{}));
  previous_lpj(c, a.region_code, a.party_abbreviation, a.fiscal_year, a.first_year, in);
  a.eligibility = check_eligibility(in);
}

Error not_found_application() {
  return Error::not_found("Permohonan bantuan tidak ditemukan.", "Application not found.");
}

bool documents_editable(AppState s) {
  return s == AppState::Received || s == AppState::AdminCheck ||
         s == AppState::ReturnedIncomplete || s == AppState::VerificationScheduled;
}

Error application_locked() {
  return Error::conflict("banpol.application_locked",
                         "Permohonan ini sudah melewati tahap pemeriksaan dokumen.",
                         "This application is past the document check.");
}

std::string_view permission_for(AppAction a) {
  switch (a) {
    case AppAction::Verify:
    case AppAction::Reject:
    case AppAction::Hold:
    case AppAction::Release:
      return auth::kRecordReview;
    case AppAction::Determine:
    case AppAction::RequestDisbursement:
    case AppAction::Disburse:
      return auth::kRecordApprove;
    default:
      return auth::kRecordWrite;
  }
}

// ---- LPJ ----------------------------------------------------------------------------------

constexpr const char* kLpjSelect =
    "SELECT l.id, l.region_code, COALESCE(r.name, ''), l.fiscal_year, l.party_abbreviation, "
    "l.board_id, l.submitted_to_bpk, l.audited, l.bpk_lhp_no, l.lhp_received, "
    "l.submitted_to_government, l.findings_count, l.note, l.created_at, l.updated_at, l.version "
    "FROM banpol_lpj l LEFT JOIN regions r ON r.code = l.region_code ";

Lpj lpj_from(const db::Row& r) {
  Lpj l;
  l.id = r.i64(0);
  l.region_code = r.str(1);
  l.region_name = r.str(2);
  l.fiscal_year = r.i64(3);
  l.party_abbreviation = r.str(4);
  l.board_id = r.opt_i64(5);
  l.submitted_to_bpk = r.opt_str(6);
  l.audited = r.opt_str(7);
  l.bpk_lhp_no = r.str(8);
  l.lhp_received = r.opt_str(9);
  l.submitted_to_government = r.opt_str(10);
  l.findings_count = r.i64(11);
  l.note = r.str(12);
  l.created_at = r.str(13);
  l.updated_at = r.str(14);
  l.version = r.i64(15);
  return l;
}

LpjFacts facts_of(const LpjInput& in) {
  return {static_cast<int>(in.fiscal_year), opt_date(in.submitted_to_bpk), opt_date(in.audited),
          opt_date(in.lhp_received), opt_date(in.submitted_to_government)};
}

void with_status(Lpj& l, const LpjRule& rule) {
  LpjFacts f{static_cast<int>(l.fiscal_year), opt_date(l.submitted_to_bpk), opt_date(l.audited),
             opt_date(l.lhp_received), opt_date(l.submitted_to_government)};
  l.status = lpj_status(f, rule, today_in(l.region_code));
}

}  // namespace

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

// ---- election results ---------------------------------------------------------------------

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
    auto row_json = [](const std::vector<ResultRow>& v) {
      std::vector<std::string> items;
      for (const auto& r : v) items.push_back(to_json(r));
      return array_json(items);
    };
    std::string before = row_json(list_results(c, s, region, election_year));
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
         region, 0, before, row_json(list_results(c, s, region, election_year))});
  }
  rep.applied = true;
  return rep;
}

// ---- party boards -------------------------------------------------------------------------

Page<Board> list_boards(db::Conn& c, const auth::Scope& s, const std::string& region,
                        bool include_superseded, const Paging& page) {
  db::Params p;
  std::string sql = std::string(kBoardSelect) + "WHERE " + s.region_filter("b.region_code", p);
  if (!region.empty()) {
    sql += " AND b.region_code = ?";
    p.emplace_back(region);
  }
  if (!include_superseded) sql += " AND b.status <> 'SUPERSEDED'";
  return db::keyset_page(c, sql, p, page, "b.id", board_from);
}

std::optional<Board> get_board(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Board> b;
  c.query(std::string(kBoardSelect) + "WHERE b.id = ? AND " + s.region_filter("b.region_code", p),
          p, [&](const db::Row& r) { b = board_from(r); });
  return b;
}

Result<Board> create_board(db::Conn& c, const auth::Scope& s, const BoardInput& in) {
  PANTAU_CHECK(check_write(s, in.region_code, auth::kRecordWrite));
  PANTAU_CHECK(check_aid_region(c, in.region_code));
  if (in.region_code.empty())
    return Error::invalid_field("region_code", "not_allowed",
                                "Kepengurusan dicatat untuk provinsi atau kabupaten/kota.",
                                "Boards are recorded for a province or a kabupaten/kota.");
  if (!party_exists(c, in.party_abbreviation))
    return Error::invalid_field("party_abbreviation", "not_found", "Partai tidak dikenal.",
                                "Unknown party.");
  auto current = current_board(c, in.region_code, in.party_abbreviation);
  if (current && current->status == "DISPUTED")
    return Error::conflict("board.disputed",
                           "Kepengurusan partai ini sedang bersengketa: tetapkan dahulu "
                           "kepengurusan yang diakui.",
                           "This party's board is disputed: settle which board is recognised "
                           "first.");
  std::string now = now_iso();
  if (current) {
    c.exec(
        "UPDATE party_boards SET status = 'SUPERSEDED', status_note = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ?",
        {std::string("Digantikan kepengurusan baru (SK ") + in.decree_no + ")", now, current->id});
    auto after = get_board(c, auth::Scope::system(), current->id);
    audit::append(c, s,
                  {"supersede", "party_board", std::to_string(current->id), in.region_code, 0,
                   to_json(*current), to_json(*after)});
  }
  int64_t id = c.insert(
      "INSERT INTO party_boards (region_code, party_abbreviation, decree_no, decree_date, chair, "
      "secretary, treasurer, npwp, bank_name, bank_account_no, bank_account_holder, "
      "office_address, valid_from, valid_to, status, status_note, created_by, created_at, "
      "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECOGNISED', '', "
      "?, ?, ?, 1)",
      {in.region_code, in.party_abbreviation, in.decree_no, in.decree_date, in.chair, in.secretary,
       in.treasurer, in.npwp, in.bank_name, in.bank_account_no, in.bank_account_holder,
       in.office_address, in.valid_from, opt_text(in.valid_to), user_or_null(s), now, now});
  auto b = get_board(c, s, id);
  audit::append(
      c, s,
      {"create", "party_board", std::to_string(id), in.region_code, 0, std::nullopt, to_json(*b)});
  return std::move(*b);
}

Result<Board> update_board(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                           const BoardPatch& in) {
  auto before = get_board(c, s, id);
  if (!before) return Error::not_found("Kepengurusan tidak ditemukan.", "Board not found.");
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  Board after = *before;
  for (auto [field, value] :
       std::vector<std::pair<std::string*, const std::optional<std::string>*>>{
           {&after.chair, &in.chair},
           {&after.secretary, &in.secretary},
           {&after.treasurer, &in.treasurer},
           {&after.npwp, &in.npwp},
           {&after.bank_name, &in.bank_name},
           {&after.bank_account_no, &in.bank_account_no},
           {&after.bank_account_holder, &in.bank_account_holder},
           {&after.office_address, &in.office_address},
           {&after.status, &in.status},
           {&after.status_note, &in.status_note}})
    if (*value) *field = **value;
  if (in.valid_to) after.valid_to = in.valid_to->empty() ? std::nullopt : in.valid_to;
  if (before->status == "SUPERSEDED" && after.status != "SUPERSEDED")
    return Error::conflict("board.superseded",
                           "Kepengurusan yang sudah digantikan tidak dapat diaktifkan lagi.",
                           "A superseded board cannot be made current again.");
  if (after.status != before->status && after.status != "RECOGNISED" &&
      (!in.status_note || in.status_note->empty()))
    return Error::invalid_field("status_note", "required",
                                "Sebutkan dasar perubahan status (putusan, surat, dsb.).",
                                "Give the ground of the status change (ruling, letter, ...).");
  if (after.status == "RECOGNISED" && before->status != "RECOGNISED" &&
      c.query_i64("SELECT 1 FROM party_boards WHERE region_code = ? AND party_abbreviation = ? "
                  "AND status = 'RECOGNISED' AND id <> ?",
                  {after.region_code, after.party_abbreviation, id}))
    return Error::conflict("board.already_recognised",
                           "Sudah ada kepengurusan lain yang diakui untuk partai ini.",
                           "Another board of this party is already recognised.");
  if (before->version != version) return Error::stale_version();
  int64_t n = c.exec(
      "UPDATE party_boards SET chair = ?, secretary = ?, treasurer = ?, npwp = ?, bank_name = ?, "
      "bank_account_no = ?, bank_account_holder = ?, office_address = ?, valid_to = ?, status = "
      "?, status_note = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {after.chair, after.secretary, after.treasurer, after.npwp, after.bank_name,
       after.bank_account_no, after.bank_account_holder, after.office_address,
       opt_text(after.valid_to), after.status, after.status_note, now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto fresh = get_board(c, s, id);
  audit::append(c, s,
                {"update", "party_board", std::to_string(id), fresh->region_code, 0,
                 to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

// ---- allocations --------------------------------------------------------------------------

Result<RegionAllocation> allocation_for(db::Conn& c, const auth::Scope& s,
                                        const std::string& region, int64_t fiscal_year) {
  if (!s.covers(region))
    return Error::not_found("Wilayah di luar cakupan Anda.", "The region is outside your scope.");
  PANTAU_TRY(std::string region_name, region_name_of(c, region));
  AllocationInputs in = load_inputs(c, fiscal_year, [&](const std::string& col, db::Params& p) {
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
  AllocationInputs in = load_inputs(c, fiscal_year, [&](const std::string& col, db::Params& p) {
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

// ---- applications -------------------------------------------------------------------------

Page<Application> list_applications(db::Conn& c, const auth::Scope& s, const ApplicationQuery& q,
                                    const Paging& page) {
  db::Params p;
  std::string sql = std::string(kAppSelect) + "WHERE " + s.region_filter("a.region_code", p);
  if (!q.region.empty()) {
    sql += " AND a.region_code = ?";
    p.emplace_back(q.region);
  }
  if (q.fiscal_year) {
    sql += " AND a.fiscal_year = ?";
    p.emplace_back(*q.fiscal_year);
  }
  auto out = db::keyset_page(c, sql, p, page, "a.id", app_from);
  for (auto& a : out.items) derive(c, a);
  return out;
}

std::optional<Application> get_application(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Application> a;
  c.query(std::string(kAppSelect) + "WHERE a.id = ? AND " + s.region_filter("a.region_code", p), p,
          [&](const db::Row& r) { a = app_from(r); });
  if (a) derive(c, *a);
  return a;
}

namespace {
Error first_year_contradicted(int64_t earlier, int64_t fiscal_year) {
  return Error::invalid_field(
      "first_year", "contradicted",
      fmt::format("Menurut catatan Pantau partai ini sudah menerima bantuan atau menyampaikan LPJ "
                  "untuk tahun anggaran {} di wilayah ini, jadi {} bukan tahun pertamanya. Bila "
                  "tetap tahun pertama kelayakan (mis. kursi diperoleh kembali), peninjau dapat "
                  "memutuskannya dengan alasan.",
                  earlier, fiscal_year),
      fmt::format("Pantau's records show aid or an accountability report of this party for fiscal "
                  "year {} in this region, so {} is not its first year. If it is still the first "
                  "year of eligibility (e.g. seats regained), a reviewer can decide so with a "
                  "reason.",
                  earlier, fiscal_year));
}
}  // namespace

Result<Application> create_application(db::Conn& c, const auth::Scope& s,
                                       const ApplicationInput& in) {
  auto board = get_board(c, s, in.board_id);
  if (!board)
    return Error::invalid_field("board_id", "not_found",
                                "Kepengurusan tidak ditemukan dalam cakupan Anda.",
                                "The board was not found in your scope.");
  PANTAU_CHECK(check_write(s, board->region_code, auth::kRecordWrite));
  if (board->status == "SUPERSEDED")
    return Error::invalid_field("board_id", "superseded", "Kepengurusan ini sudah digantikan.",
                                "This board has been superseded.");
  if (c.query_i64("SELECT 1 FROM banpol_applications WHERE region_code = ? AND fiscal_year = ? "
                  "AND party_abbreviation = ?",
                  {board->region_code, in.fiscal_year, board->party_abbreviation}))
    return Error::conflict("banpol.application_exists",
                           "Partai ini sudah mengajukan permohonan untuk tahun anggaran ini.",
                           "This party already applied for this fiscal year.");
  if (in.first_year) {
    if (auto y = earlier_funded_year(c, board->region_code, board->party_abbreviation,
                                     in.fiscal_year))
      return first_year_contradicted(*y, in.fiscal_year);
  }
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO banpol_applications (region_code, fiscal_year, board_id, party_abbreviation, "
      "letter_no, letter_date, received_at, first_year, status, created_by, created_at, "
      "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'APPLICATION_RECEIVED', ?, ?, ?, 1)",
      {board->region_code, in.fiscal_year, board->id, board->party_abbreviation, in.letter_no,
       in.letter_date, in.received_at, int64_t{in.first_year}, user_or_null(s), now, now});
  auto a = get_application(c, s, id);
  audit::append(c, s,
                {"create", "banpol_application", std::to_string(id), a->region_code, 0,
                 std::nullopt, to_json(*a)});
  return std::move(*a);
}

namespace {

// Bumps the application's version (documents and plan are part of it) and audits the change.
Result<Application> touch(db::Conn& c, const auth::Scope& s, const Application& before,
                          const std::string& action) {
  int64_t n = c.exec(
      "UPDATE banpol_applications SET updated_at = ?, version = version + 1 "
      "WHERE id = ? AND version = ?",
      {now_iso(), before.id, before.version});
  if (n == 0) return Error::stale_version();
  auto after = get_application(c, s, before.id);
  audit::append(c, s,
                {action, "banpol_application", std::to_string(before.id), before.region_code, 0,
                 to_json(before), to_json(*after)});
  return std::move(*after);
}

}  // namespace

Result<Application> set_document(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                 const std::string& code, const DocumentInput& in) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  auto doc = std::find_if(before->documents.begin(), before->documents.end(),
                          [&](const AppDocument& d) { return d.code == code; });
  if (doc == before->documents.end())
    return Error::not_found("Jenis dokumen tidak dikenal.", "Unknown document type.");
  if (in.file_id) PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  if (in.verdict) PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordReview));
  if (!documents_editable(before->status)) return application_locked();
  if (before->version != version) return Error::stale_version();
  std::optional<int64_t> file_id = doc->file_id;
  std::string verdict = doc->verdict, note = doc->note;
  if (in.file_id) {
    db::Params p{*in.file_id};
    std::optional<std::pair<std::string, std::string>> f;
    c.query("SELECT region_code, entity, entity_id FROM evidence_files WHERE id = ? AND " +
                s.record_filter("region_code", "classification", p),
            p, [&](const db::Row& r) {
              f = std::pair{r.str(0), r.str(1) + ":" + r.str(2)};
            });
    if (!f)
      return Error::invalid_field("file_id", "not_found", "Berkas tidak ditemukan.",
                                  "The file was not found.");
    if (f->first != before->region_code || f->second != "banpol_application:" + std::to_string(id))
      return Error::invalid_field(
          "file_id", "other_record",
          "Unggah berkas dengan entity=banpol_application, entity_id permohonan ini dan kode "
          "wilayahnya.",
          "Upload the file with entity=banpol_application, this application's id as entity_id "
          "and its region code.");
    file_id = in.file_id;
    verdict = "PENDING";  // a new file needs a new verdict
    note = in.note;
  }
  if (in.verdict) {
    if (*in.verdict != "ACCEPTED" && *in.verdict != "REJECTED")
      return Error::invalid_field("verdict", "not_allowed", "Pilih ACCEPTED atau REJECTED.",
                                  "Choose ACCEPTED or REJECTED.");
    if (!file_id)
      return Error::conflict("banpol.document_missing", "Dokumen ini belum diunggah.",
                             "This document has not been uploaded.");
    if (*in.verdict == "REJECTED" && in.note.empty())
      return Error::invalid_field("note", "required",
                                  "Sebutkan apa yang kurang agar partai dapat memperbaikinya.",
                                  "Say what is wrong so that the party can put it right.");
    verdict = *in.verdict;
    note = in.note;
  }
  bool had_row = c.query_i64(
                      "SELECT 1 FROM banpol_application_documents WHERE application_id = "
                      "? AND doc_code = ?",
                      {id, code})
                     .has_value();
  db::Value verdict_by = in.verdict ? user_or_null(s) : db::Value();
  db::Value verdict_at = in.verdict ? db::Value(now_iso()) : db::Value();
  if (had_row)
    c.exec(
        "UPDATE banpol_application_documents SET file_id = ?, verdict = ?, note = ?, "
        "verdict_by = ?, verdict_at = ? WHERE application_id = ? AND doc_code = ?",
        {opt_int(file_id), verdict, note, verdict_by, verdict_at, id, code});
  else
    c.exec(
        "INSERT INTO banpol_application_documents (application_id, doc_code, file_id, "
        "verdict, note, verdict_by, verdict_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {id, code, opt_int(file_id), verdict, note, verdict_by, verdict_at});
  return touch(c, s, *before, in.verdict ? "document_verdict" : "document");
}

Result<Application> set_usage_plan(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                   const std::vector<UsageLine>& lines) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  if (!documents_editable(before->status)) return application_locked();
  auto checked = check_usage_plan(lines, before->min_political_education);
  if (!checked.ok()) return checked.error();
  if (before->version != version) return Error::stale_version();
  c.exec("DELETE FROM banpol_usage_lines WHERE application_id = ?", {id});
  for (const auto& l : lines)
    c.exec(
        "INSERT INTO banpol_usage_lines (application_id, category, activity, amount) VALUES "
        "(?, ?, ?, ?)",
        {id, l.category, l.activity, l.amount});
  return touch(c, s, *before, "usage_plan");
}

Result<Application> set_verification_team(db::Conn& c, const auth::Scope& s, int64_t id,
                                          int64_t version, const VerificationTeam& team) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  if (!documents_editable(before->status))
    return Error::conflict("banpol.application_locked",
                           "Tim verifikasi tidak dapat diubah setelah verifikasi selesai.",
                           "The verification team cannot change once the verification is done.");
  std::vector<FieldError> errs;
  if (team.members.empty() || team.members.size() > 30)
    errs.push_back({"members", "count", {"Isi 1 sampai 30 anggota tim.", "Give 1 to 30 members."}});
  int chairs = 0;
  for (size_t i = 0; i < team.members.size(); ++i) {
    const auto& m = team.members[i];
    std::string at = "members[" + std::to_string(i) + "]";
    if (trim(m.name).empty())
      errs.push_back({at + ".name", "required", {"Nama wajib diisi.", "The name is required."}});
    if (!m.nip.empty() &&
        (m.nip.size() != 18 ||
         !std::all_of(m.nip.begin(), m.nip.end(), [](char ch) { return ch >= '0' && ch <= '9'; })))
      errs.push_back(
          {at + ".nip", "invalid", {"NIP terdiri dari 18 angka.", "A NIP has 18 digits."}});
    if (std::find(kTeamRoles.begin(), kTeamRoles.end(), m.role) == kTeamRoles.end())
      errs.push_back(
          {at + ".role",
           "invalid",
           {"Peran: KETUA, SEKRETARIS atau ANGGOTA.", "Role: KETUA, SEKRETARIS or ANGGOTA."}});
    chairs += m.role == "KETUA";
  }
  if (!team.members.empty() && chairs != 1)
    errs.push_back({"members",
                    "one_chair",
                    {"Tim verifikasi mempunyai tepat satu ketua.",
                     "The verification team has exactly one chair (KETUA)."}});
  if (trim(team.decree_no).empty())
    errs.push_back({"decree_no",
                    "required",
                    {"Sebutkan nomor keputusan pembentukan tim verifikasi.",
                     "Give the number of the decree forming the team."}});
  if (!errs.empty()) return Error::invalid(std::move(errs));
  if (before->version != version) return Error::stale_version();
  c.exec(
      "UPDATE banpol_applications SET verification_decree_no = ?, verification_date = ? "
      "WHERE id = ?",
      {trim(team.decree_no), opt_text(team.meeting_date), id});
  c.exec("DELETE FROM banpol_verification_members WHERE application_id = ?", {id});
  int64_t seq = 0;
  for (const auto& m : team.members)
    c.exec(
        "INSERT INTO banpol_verification_members (application_id, seq, name, nip, job_title, "
        "team_role) VALUES (?, ?, ?, ?, ?, ?)",
        {id, ++seq, trim(m.name), m.nip, trim(m.job_title), m.role});
  return touch(c, s, *before, "verification_team");
}

Result<Application> decide_first_year(db::Conn& c, const auth::Scope& s, int64_t id,
                                      int64_t version, bool first_year, const std::string& reason) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordReview));
  if (!documents_editable(before->status)) return application_locked();
  std::string why = trim(reason);
  if (why.empty())
    return Error::invalid_field("reason", "required",
                                "Tuliskan alasan keputusan tahun pertama.",
                                "Give the reason for the first-year decision.");
  if (before->version != version) return Error::stale_version();
  std::string now = now_iso();
  if (c.exec("UPDATE banpol_applications SET first_year = ?, first_year_override_reason = ?, "
             "first_year_override_by = ?, first_year_override_at = ?, updated_at = ?, "
             "version = version + 1 WHERE id = ? AND version = ?",
             {int64_t{first_year}, why, user_or_null(s), now, now, id, version}) == 0)
    return Error::stale_version();
  auto after = get_application(c, s, id);
  audit::append(c, s,
                {"first_year_decision", "banpol_application", std::to_string(id),
                 before->region_code, 0, to_json(*before), to_json(*after)});
  return std::move(*after);
}

Result<Application> act_on_application(db::Conn& c, const auth::Scope& s, int64_t id,
                                       int64_t version, const ActionInput& in) {
  auto before = get_application(c, s, id);
  if (!before) return not_found_application();
  PANTAU_CHECK(check_write(s, before->region_code, permission_for(in.action)));
  TransitionFacts f;
  f.documents_complete = before->missing_documents.empty();
  f.usage_plan_ok = before->usage_check && before->usage_check->meets_minimum;
  EligibilityInput e;
  previous_lpj(c, before->region_code, before->party_abbreviation, before->fiscal_year,
               before->first_year, e);
  f.sanction_active = e.sanction_active;
  auto board = current_board(c, before->region_code, before->party_abbreviation);
  f.board_disputed = board && board->status == "DISPUTED";
  f.has_sp2d = !in.sp2d_no.empty() && in.sp2d_date && parse_date(*in.sp2d_date);
  f.has_reason = !in.note.empty();
  f.held_from = before->held_from;
  PANTAU_TRY(AppState next, app_transition(before->status, in.action, f));
  if (before->version != version) return Error::stale_version();
  Application after = *before;
  after.status = next;
  after.status_note = in.note;
  if (in.action == AppAction::Hold) after.held_from = before->status;
  if (in.action == AppAction::Release) after.held_from.reset();
  if (in.action == AppAction::Verify) {
    if (in.ba_verification_no.empty())
      return Error::invalid_field("ba_verification_no", "required",
                                  "Sebutkan nomor Berita Acara hasil verifikasi.",
                                  "Give the number of the verification Berita Acara.");
    after.ba_verification_no = in.ba_verification_no;
  }
  if (in.action == AppAction::Determine) {
    if (in.decree_no.empty())
      return Error::invalid_field("decree_no", "required",
                                  "Sebutkan nomor Keputusan Kepala Daerah.",
                                  "Give the number of the head of region's decree.");
    if (!before->allocation_amount)
      return Error::conflict("banpol.amount_unknown",
                             "Jumlah bantuan belum dapat dihitung (suara sah belum lengkap).",
                             "The aid cannot be computed yet (valid votes missing).");
    after.decree_no = in.decree_no;
    after.determined_amount = before->allocation_amount;
  }
  if (in.action == AppAction::Disburse) {
    after.sp2d_no = in.sp2d_no;
    after.sp2d_date = in.sp2d_date;
    after.disbursed_amount = after.determined_amount;
  }
  int64_t n = c.exec(
      "UPDATE banpol_applications SET status = ?, held_from = ?, status_note = ?, "
      "ba_verification_no = ?, decree_no = ?, determined_amount = ?, sp2d_no = ?, sp2d_date = ?, "
      "disbursed_amount = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {std::string(name(after.status)),
       after.held_from ? db::Value(std::string(name(*after.held_from))) : db::Value(),
       after.status_note, after.ba_verification_no, after.decree_no,
       opt_int(after.determined_amount), after.sp2d_no, opt_text(after.sp2d_date),
       opt_int(after.disbursed_amount), now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto fresh = get_application(c, s, id);
  audit::append(c, s,
                {to_lower_ascii(name(in.action)), "banpol_application", std::to_string(id),
                 fresh->region_code, 0, to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

// ---- LPJ ----------------------------------------------------------------------------------

LpjRule lpj_rule(db::Conn& c) {
  LpjRule rule;
  std::map<std::string, Offset*> slots = {{"lpj.to_bpk", &rule.to_bpk},
                                          {"lpj.audit", &rule.audit},
                                          {"lpj.lhp_to_party", &rule.lhp_to_party},
                                          {"lpj.to_government", &rule.to_government}};
  c.query("SELECT key, value FROM banpol_settings WHERE key LIKE 'lpj.%'", {},
          [&](const db::Row& r) {
            auto slot = slots.find(r.str(0));
            if (slot == slots.end()) return;
            if (auto o = parse_offset(r.text(1))) *slot->second = *o;
          });
  return rule;
}

Page<Lpj> list_lpj(db::Conn& c, const auth::Scope& s, const std::string& region,
                   std::optional<int64_t> year, const Paging& page) {
  db::Params p;
  std::string sql = std::string(kLpjSelect) + "WHERE " + s.region_filter("l.region_code", p);
  if (!region.empty()) {
    sql += " AND l.region_code = ?";
    p.emplace_back(region);
  }
  if (year) {
    sql += " AND l.fiscal_year = ?";
    p.emplace_back(*year);
  }
  auto out = db::keyset_page(c, sql, p, page, "l.id", lpj_from);
  LpjRule rule = lpj_rule(c);
  for (auto& l : out.items) with_status(l, rule);
  return out;
}

std::optional<Lpj> get_lpj(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Lpj> l;
  c.query(std::string(kLpjSelect) + "WHERE l.id = ? AND " + s.region_filter("l.region_code", p), p,
          [&](const db::Row& r) { l = lpj_from(r); });
  if (l) with_status(*l, lpj_rule(c));
  return l;
}

Result<Lpj> create_lpj(db::Conn& c, const auth::Scope& s, const LpjInput& in) {
  PANTAU_CHECK(check_write(s, in.region_code, auth::kRecordWrite));
  PANTAU_CHECK(check_aid_region(c, in.region_code));
  if (!party_exists(c, in.party_abbreviation))
    return Error::invalid_field("party_abbreviation", "not_found", "Partai tidak dikenal.",
                                "Unknown party.");
  PANTAU_CHECK(check_lpj_dates(facts_of(in)));
  if (c.query_i64("SELECT 1 FROM banpol_lpj WHERE region_code = ? AND fiscal_year = ? AND "
                  "party_abbreviation = ?",
                  {in.region_code, in.fiscal_year, in.party_abbreviation}))
    return Error::conflict("banpol.lpj_exists",
                           "LPJ partai ini untuk tahun anggaran tersebut sudah dicatat.",
                           "This party's LPJ for that fiscal year is already recorded.");
  auto board = current_board(c, in.region_code, in.party_abbreviation);
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO banpol_lpj (region_code, fiscal_year, party_abbreviation, board_id, "
      "submitted_to_bpk, audited, bpk_lhp_no, lhp_received, submitted_to_government, "
      "findings_count, note, created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {in.region_code, in.fiscal_year, in.party_abbreviation,
       board ? db::Value(board->id) : db::Value(), opt_text(in.submitted_to_bpk),
       opt_text(in.audited), in.bpk_lhp_no, opt_text(in.lhp_received),
       opt_text(in.submitted_to_government), in.findings_count, in.note, user_or_null(s), now,
       now});
  auto l = get_lpj(c, s, id);
  audit::append(
      c, s,
      {"create", "banpol_lpj", std::to_string(id), in.region_code, 0, std::nullopt, to_json(*l)});
  return std::move(*l);
}

Result<Lpj> update_lpj(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                       const LpjInput& given) {
  auto before = get_lpj(c, s, id);
  if (!before) return Error::not_found("LPJ tidak ditemukan.", "LPJ not found.");
  PANTAU_CHECK(check_write(s, before->region_code, auth::kRecordWrite));
  LpjInput in = given;
  in.fiscal_year = before->fiscal_year;
  PANTAU_CHECK(check_lpj_dates(facts_of(in)));
  if (before->version != version) return Error::stale_version();
  int64_t n = c.exec(
      "UPDATE banpol_lpj SET submitted_to_bpk = ?, audited = ?, bpk_lhp_no = ?, lhp_received = "
      "?, submitted_to_government = ?, findings_count = ?, note = ?, updated_at = ?, version = "
      "version + 1 WHERE id = ? AND version = ?",
      {opt_text(in.submitted_to_bpk), opt_text(in.audited), in.bpk_lhp_no,
       opt_text(in.lhp_received), opt_text(in.submitted_to_government), in.findings_count, in.note,
       now_iso(), id, version});
  if (n == 0) return Error::stale_version();
  auto after = get_lpj(c, s, id);
  audit::append(c, s,
                {"update", "banpol_lpj", std::to_string(id), after->region_code, 0,
                 to_json(*before), to_json(*after)});
  return std::move(*after);
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

// ---- JSON ---------------------------------------------------------------------------------

std::string to_json(const VoteValue& v) {
  json::Out o;
  o.begin_object()
      .kv("id", v.id)
      .kv("region_code", v.region_code)
      .kv("region_name", v.region_name)
      .kv("chamber", v.chamber)
      .kv("fiscal_year", v.fiscal_year)
      .kv("value_per_vote", format_value(v.value_sen))
      .kv("value_per_vote_sen", v.value_sen)
      .kv("basis", v.basis)
      .kv("approval_letter_no", v.approval_letter_no)
      .kv("legal_basis", v.legal_basis)
      .kv("rounding", name(v.rounding))
      .kv("election_year", v.election_year)
      .kv_opt("inauguration_date", v.inauguration_date)
      .kv_opt("previous_election_year", v.previous_election_year)
      .kv("note", v.note)
      .kv("created_at", v.created_at)
      .kv("updated_at", v.updated_at)
      .kv("version", v.version)
      .end_object();
  return o.take();
}

std::string to_json(const ResultRow& r) {
  json::Out o;
  o.begin_object()
      .kv("election_year", r.election_year)
      .kv("chamber", r.chamber)
      .kv("region_code", r.region_code)
      .kv("party_number", r.party_number)
      .kv("abbreviation", r.abbreviation)
      .kv("party_name", r.party_name)
      .kv_opt("valid_votes", r.valid_votes)
      .kv("seats", r.seats)
      .kv("source", r.source)
      .end_object();
  return o.take();
}

std::string to_json(const ImportReport& r) {
  json::Out o;
  o.begin_object()
      .kv("applied", r.applied)
      .kv("rows", r.rows)
      .kv("refused", r.refused)
      .kv("regions", r.regions);
  o.key("report").begin_array();
  for (const auto& row : r.report) {
    o.begin_object()
        .kv("line", row.line)
        .kv("region_code", row.region_code)
        .kv("party", row.party)
        .kv("status", row.errors.empty() ? "ok" : "refused");
    o.key("errors").begin_array();
    for (const auto& e : row.errors) {
      o.begin_object().kv("field", e.field).kv("code", e.code);
      o.kv_message("message", e.message);
      o.end_object();
    }
    o.end_array().end_object();
  }
  o.end_array().end_object();
  return o.take();
}

std::string to_json(const Board& b) {
  json::Out o;
  o.begin_object()
      .kv("id", b.id)
      .kv("region_code", b.region_code)
      .kv("region_name", b.region_name)
      .kv("party_abbreviation", b.party_abbreviation)
      .kv("decree_no", b.decree_no)
      .kv("decree_date", b.decree_date)
      .kv("chair", b.chair)
      .kv("secretary", b.secretary)
      .kv("treasurer", b.treasurer)
      .kv("npwp", b.npwp);
  o.key("bank_account")
      .begin_object()
      .kv("bank", b.bank_name)
      .kv("number", b.bank_account_no)
      .kv("holder", b.bank_account_holder)
      .end_object();
  o.kv("office_address", b.office_address)
      .kv("valid_from", b.valid_from)
      .kv_opt("valid_to", b.valid_to)
      .kv("status", b.status)
      .kv("status_note", b.status_note)
      .kv("aid_on_hold", b.status == "DISPUTED")
      .kv("created_at", b.created_at)
      .kv("updated_at", b.updated_at)
      .kv("version", b.version)
      .end_object();
  return o.take();
}

std::string to_json(const RegionAllocation& a) {
  json::Out o;
  o.begin_object()
      .kv("region_code", a.region_code)
      .kv("region_name", a.region_name)
      .kv("chamber", a.chamber)
      .kv("fiscal_year", a.fiscal_year)
      .kv("value_source", a.configured ? "CONFIGURED" : "DEFAULT")
      .kv("value_per_vote", format_value(a.value_sen))
      .kv("value_per_vote_sen", a.value_sen)
      .kv("basis", a.basis)
      .kv("legal_basis", a.legal_basis)
      .kv("approval_letter_no", a.approval_letter_no)
      .kv("rounding_mode", name(a.rounding))
      .kv_opt("election_year", a.election_year)
      .kv_opt("previous_election_year", a.previous_election_year)
      .kv_opt("inauguration_date", a.inauguration_date)
      .kv("months_old", a.allocation.months_old)
      .kv("months_new", a.allocation.months_new);
  o.key("lines").begin_array();
  for (const auto& l : a.allocation.lines) {
    auto n = a.party_names.find(l.abbreviation);
    o.begin_object()
        .kv("party_number", l.party_number)
        .kv("abbreviation", l.abbreviation)
        .kv("party_name", n != a.party_names.end() ? n->second : std::string())
        .kv("stage", name(l.stage))
        .kv_opt("votes", l.votes)
        .kv("seats", l.seats)
        .kv("value_per_vote", format_value(l.value_sen))
        .kv("months", l.months)
        .kv_opt("amount_rupiah", l.amount);
    if (l.amount)
      o.kv("rounding", l.rounding);
    else
      o.kv_null("rounding");
    if (auto b = a.boards.find(l.abbreviation); b != a.boards.end())
      o.key("board")
          .begin_object()
          .kv("id", b->second.first)
          .kv("status", b->second.second)
          .end_object();
    else
      o.kv_null("board");
    o.end_object();
  }
  o.end_array();
  o.kv("total_rupiah", a.allocation.total)
      .kv("total_formatted", report::format_rupiah(a.allocation.total))
      .kv("total_terbilang", report::terbilang(a.allocation.total) + " rupiah")
      .kv("lines_missing_votes", a.allocation.lines_missing_votes);
  o.key("problems").begin_array();
  for (const auto& p : a.problems) o.value(p);
  o.end_array().end_object();
  return o.take();
}

namespace {

void write_eligibility(json::Out& o, const Eligibility& e) {
  o.key("eligibility").begin_object().kv("outcome", name(e.outcome));
  o.key("reasons").begin_array();
  for (size_t i = 0; i < e.reasons.size(); ++i) {
    o.begin_object().kv("code", e.reasons[i]);
    o.kv_message("message", e.messages[i]);
    o.end_object();
  }
  o.end_array().end_object();
}

}  // namespace

std::string to_json(const Application& a) {
  json::Out o;
  o.begin_object()
      .kv("id", a.id)
      .kv("region_code", a.region_code)
      .kv("region_name", a.region_name)
      .kv("fiscal_year", a.fiscal_year)
      .kv("board_id", a.board_id)
      .kv("party_abbreviation", a.party_abbreviation)
      .kv("letter_no", a.letter_no)
      .kv("letter_date", a.letter_date)
      .kv("received_at", a.received_at)
      .kv("first_year", a.first_year)
      .kv("first_year_claimed", a.first_year_claimed)
      .kv_opt("first_year_evidence_year", a.first_year_evidence_year);
  if (a.first_year_override) {
    o.key("first_year_override")
        .begin_object()
        .kv("reason", a.first_year_override->reason)
        .kv_opt("decided_by", a.first_year_override->decided_by)
        .kv("decided_at", a.first_year_override->decided_at)
        .end_object();
  } else {
    o.kv_null("first_year_override");
  }
  o.kv("status", name(a.status));
  if (a.held_from)
    o.kv("held_from", name(*a.held_from));
  else
    o.kv_null("held_from");
  o.kv("status_note", a.status_note)
      .kv("ba_verification_no", a.ba_verification_no)
      .kv("decree_no", a.decree_no)
      .kv_opt("allocation_amount", a.allocation_amount)
      .kv_opt("determined_amount", a.determined_amount)
      .kv("sp2d_no", a.sp2d_no)
      .kv_opt("sp2d_date", a.sp2d_date)
      .kv_opt("disbursed_amount", a.disbursed_amount);
  o.key("documents").begin_array();
  for (const auto& d : a.documents) {
    o.begin_object().kv("code", d.code);
    o.kv_message("name", d.name);
    o.kv("required", d.required)
        .kv("waived", d.waived)
        .kv_opt("file_id", d.file_id)
        .kv("verdict", d.verdict)
        .kv("note", d.note)
        .kv_opt("verdict_at", d.verdict_at)
        .end_object();
  }
  o.end_array();
  o.key("missing_documents").begin_array();
  for (const auto& m : a.missing_documents) o.value(m);
  o.end_array();
  o.key("usage_plan").begin_object();
  o.key("lines").begin_array();
  for (const auto& l : a.usage)
    o.begin_object()
        .kv("category", l.category)
        .kv("activity", l.activity)
        .kv("amount", l.amount)
        .end_object();
  o.end_array();
  o.kv("min_political_education_percent", a.min_political_education);
  if (a.usage_check) {
    o.kv("total", a.usage_check->total)
        .kv("political_education", a.usage_check->political_education)
        .kv("operational", a.usage_check->operational)
        .kv("political_education_share_bp", a.usage_check->share_basis_points)
        .kv("meets_minimum", a.usage_check->meets_minimum);
    if (a.allocation_amount)
      o.kv("matches_allocation", a.usage_check->total == *a.allocation_amount);
  }
  o.end_object();
  o.key("verification_team").begin_object();
  o.kv("decree_no", a.verification_team.decree_no)
      .kv_opt("meeting_date", a.verification_team.meeting_date);
  o.key("members").begin_array();
  for (const auto& m : a.verification_team.members)
    o.begin_object()
        .kv("name", m.name)
        .kv("nip", m.nip)
        .kv("job_title", m.job_title)
        .kv("role", m.role)
        .end_object();
  o.end_array().end_object();
  write_eligibility(o, a.eligibility);
  o.kv("created_at", a.created_at)
      .kv("updated_at", a.updated_at)
      .kv("version", a.version)
      .end_object();
  return o.take();
}

std::string to_json(const Lpj& l) {
  json::Out o;
  auto date = [&](std::string_view k, const std::optional<Date>& d) {
    if (d)
      o.kv(k, format_date(*d));
    else
      o.kv_null(k);
  };
  o.begin_object()
      .kv("id", l.id)
      .kv("region_code", l.region_code)
      .kv("region_name", l.region_name)
      .kv("fiscal_year", l.fiscal_year)
      .kv("party_abbreviation", l.party_abbreviation)
      .kv_opt("board_id", l.board_id)
      .kv_opt("submitted_to_bpk", l.submitted_to_bpk)
      .kv_opt("audited", l.audited)
      .kv("bpk_lhp_no", l.bpk_lhp_no)
      .kv_opt("lhp_received", l.lhp_received)
      .kv_opt("submitted_to_government", l.submitted_to_government)
      .kv("findings_count", l.findings_count)
      .kv("note", l.note)
      .kv("stage", name(l.status.stage));
  o.key("due").begin_object();
  date("to_bpk", l.status.due_to_bpk);
  date("audit", l.status.due_audit);
  date("lhp_to_party", l.status.due_lhp);
  date("to_government", l.status.due_to_government);
  o.end_object();
  o.key("late")
      .begin_object()
      .kv("to_bpk", l.status.late_to_bpk)
      .kv("audit", l.status.late_audit)
      .kv("lhp_to_party", l.status.late_lhp)
      .kv("to_government", l.status.late_to_government)
      .end_object();
  o.kv("sanction_active", l.status.sanction_active)
      .kv("created_at", l.created_at)
      .kv("updated_at", l.updated_at)
      .kv("version", l.version)
      .end_object();
  return o.take();
}

std::string to_json(const Position& p) {
  json::Out o;
  o.begin_object()
      .kv("party_abbreviation", p.party_abbreviation)
      .kv("party_name", p.party_name)
      .kv("seats", p.seats)
      .kv_opt("allocation_amount", p.allocation_amount)
      .kv_opt("board_status", p.board_status)
      .kv_opt("application_id", p.application_id)
      .kv_opt("application_status", p.application_status)
      .kv_opt("determined_amount", p.determined_amount)
      .kv_opt("disbursed_amount", p.disbursed_amount)
      .kv_opt("previous_lpj_stage", p.previous_lpj_stage)
      .kv("sanction_active", p.sanction_active);
  write_eligibility(o, p.eligibility);
  o.end_object();
  return o.take();
}

}  // namespace pantau::party_aid
