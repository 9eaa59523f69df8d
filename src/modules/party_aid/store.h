// SQL of party aid (banpol). Every function takes the caller's Scope: records are read within
// the caller's region subtree, and written there with record.write (verdicts and verification
// with record.review, determination and disbursement with record.approve). Writes check the
// rules in rules.h and append to the audit log in the same transaction.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "auth/scope.h"
#include "db/database.h"
#include "modules/party_aid/model.h"
#include "modules/party_aid/rules.h"

namespace pantau::party_aid {

// ---- values per vote ----------------------------------------------------------------------

// The budget parameters of one region's aid for one fiscal year.
struct VoteValue {
  int64_t id = 0;
  std::string region_code, region_name, chamber, basis, approval_letter_no, legal_basis, note,
      created_at, updated_at;
  int64_t fiscal_year = 0, value_sen = 0, election_year = 0;
  Rounding rounding = Rounding::HalfUp;
  std::optional<std::string> inauguration_date;
  std::optional<int64_t> previous_election_year;
  int64_t version = 1;
};

struct VoteValueInput {
  std::string region_code, basis, approval_letter_no, legal_basis, note;
  int64_t fiscal_year = 0, value_sen = 0, election_year = 0;
  Rounding rounding = Rounding::HalfUp;
  std::optional<std::string> inauguration_date;
  std::optional<int64_t> previous_election_year;
};

// A PP 1/2018 default (banpol_default_values) in force for a chamber and fiscal year.
struct DefaultValue {
  std::string chamber, legal_basis;
  int64_t value_sen = 0, from_year = 0;
  std::optional<int64_t> to_year;
  std::string confidence;  // of the source (C confirmed, U unconfirmed)
};
std::optional<DefaultValue> default_value(db::Conn& c, const std::string& chamber,
                                          int64_t fiscal_year);
// Every default, by chamber and year.
std::vector<DefaultValue> list_default_values(db::Conn& c);

Page<VoteValue> list_vote_values(db::Conn& c, const auth::Scope& s, const std::string& region,
                                 std::optional<int64_t> year, const Paging& page = {});
std::optional<VoteValue> get_vote_value(db::Conn& c, const auth::Scope& s, int64_t id);
Result<VoteValue> create_vote_value(db::Conn& c, const auth::Scope& s, const VoteValueInput& in);
// Replaces every field but region and fiscal year.
Result<VoteValue> update_vote_value(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                    const VoteValueInput& in);

// ---- election results ---------------------------------------------------------------------

struct ResultRow {
  int64_t election_year = 0, party_number = 0, seats = 0;
  std::string chamber, region_code, abbreviation, party_name, source;
  std::optional<int64_t> valid_votes;
};
std::vector<ResultRow> list_results(db::Conn& c, const auth::Scope& s, const std::string& region,
                                    int64_t election_year);

// Import of KPU results from CSV or XLSX (the first sheet; `line` is then the row number
// shown in Excel): columns region_code, party_number and/or abbreviation,
// valid_votes (empty = not known yet), seats, optional source. Every region in the file gets
// exactly the file's rows for that election (its old rows are replaced). Any refused row
// refuses the whole file: nothing is written.
struct ImportRow {
  int line = 0;
  std::string region_code, party;
  std::vector<FieldError> errors;
};
struct ImportReport {
  bool applied = false;
  int64_t rows = 0, refused = 0, regions = 0;
  std::vector<ImportRow> report;  // every row, refused ones with their errors
};
Result<ImportReport> import_results(db::Conn& c, const auth::Scope& s, int64_t election_year,
                                    std::string_view csv, bool dry_run);

// ---- party boards -------------------------------------------------------------------------

struct Board {
  int64_t id = 0;
  std::string region_code, region_name, party_abbreviation, decree_no, decree_date, chair,
      secretary, treasurer, npwp, bank_name, bank_account_no, bank_account_holder, office_address,
      valid_from, status, status_note, created_at, updated_at;
  std::optional<std::string> valid_to;
  int64_t version = 1;
};
struct BoardInput {
  std::string region_code, party_abbreviation, decree_no, decree_date, chair, secretary, treasurer,
      npwp, bank_name, bank_account_no, bank_account_holder, office_address, valid_from;
  std::optional<std::string> valid_to;
};
// Absent fields stay; status RECOGNISED or DISPUTED (a note is required for DISPUTED).
struct BoardPatch {
  std::optional<std::string> chair, secretary, treasurer, npwp, bank_name, bank_account_no,
      bank_account_holder, office_address, valid_to, status, status_note;
};
Page<Board> list_boards(db::Conn& c, const auth::Scope& s, const std::string& region,
                        bool include_superseded, const Paging& page = {});
std::optional<Board> get_board(db::Conn& c, const auth::Scope& s, int64_t id);
// Registers a board; the party's board recognised until now in that region is superseded.
Result<Board> create_board(db::Conn& c, const auth::Scope& s, const BoardInput& in);
Result<Board> update_board(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                           const BoardPatch& in);

// ---- allocations --------------------------------------------------------------------------

struct RegionAllocation {
  std::string region_code, region_name, chamber;
  int64_t fiscal_year = 0;
  bool configured = false;  // a value per vote was entered; otherwise the PP 1/2018 default
  int64_t value_sen = 0;
  std::string basis, legal_basis, approval_letter_no;
  Rounding rounding = Rounding::HalfUp;
  std::optional<int64_t> election_year, previous_election_year;
  std::optional<std::string> inauguration_date;
  Allocation allocation;
  std::map<std::string, std::string> party_names;                 // abbreviation -> name
  std::map<std::string, std::pair<int64_t, std::string>> boards;  // abbreviation -> id, status
  std::vector<std::string> problems;                              // e.g. no_value, no_results
};
// One region's allocation (the region must be a province, a kab/kota, or "" for the DPR).
Result<RegionAllocation> allocation_for(db::Conn& c, const auth::Scope& s,
                                        const std::string& region, int64_t fiscal_year);
// Every province and kab/kota within `root` (and the caller's scope), in a handful of queries.
Result<std::vector<RegionAllocation>> allocations_within(db::Conn& c, const auth::Scope& s,
                                                         const std::string& root,
                                                         int64_t fiscal_year);
// The budget calculation sheet of a region (votes x value per party), as XLSX.
Result<std::string> budget_sheet_xlsx(const RegionAllocation& a);

// ---- applications -------------------------------------------------------------------------

struct AppDocument {
  std::string code;
  Message name;
  bool required = true, waived = false;
  std::optional<int64_t> file_id;
  std::string verdict = "PENDING", note;
  std::optional<std::string> verdict_at;
};
// A reviewer's decision on "first year" against the records (docs/PARTY_AID.md).
struct FirstYearOverride {
  std::string reason;
  std::optional<int64_t> decided_by;
  std::string decided_at;
};

struct Application {
  int64_t id = 0, fiscal_year = 0, board_id = 0;
  std::string region_code, region_name, party_abbreviation, letter_no, letter_date, received_at,
      status_note, ba_verification_no, decree_no, sp2d_no, created_at, updated_at;
  // What the application says (or the reviewer decided) ...
  bool first_year_claimed = false;
  // ... and what holds: the claim, unless the records show an earlier funded year and no
  // reviewer decided otherwise (derived when read).
  bool first_year = false;
  std::optional<int64_t> first_year_evidence_year;  // the latest earlier funded year on record
  std::optional<FirstYearOverride> first_year_override;
  AppState status = AppState::Received;
  std::optional<AppState> held_from;
  std::optional<int64_t> determined_amount, disbursed_amount;
  std::optional<std::string> sp2d_date;
  std::vector<AppDocument> documents;
  std::vector<UsageLine> usage;
  VerificationTeam verification_team;
  int64_t version = 1;
  // Derived when read.
  std::optional<int64_t> allocation_amount;
  std::optional<UsageCheck> usage_check;
  int min_political_education = 60;
  Eligibility eligibility;
  std::vector<std::string> missing_documents;
  // The actions the caller may take now (allowed_actions()), set when the application is
  // answered to a user; absent from the audit snapshots, which are nobody's in particular.
  std::optional<std::vector<AppAction>> allowed_actions;
  // What the caller may change now (allowed_edits()): "DOCUMENTS" (files and the usage plan),
  // "VERDICTS" (accept or return a document), "TEAM" (the verification team). Set like
  // allowed_actions, from the same checks the writes make.
  std::optional<std::vector<std::string>> allowed_edits;
};
struct ApplicationInput {
  int64_t board_id = 0, fiscal_year = 0;
  std::string letter_no, letter_date, received_at;
  bool first_year = false;
};
struct ApplicationQuery {
  std::string region;
  std::optional<int64_t> fiscal_year;
};
Page<Application> list_applications(db::Conn& c, const auth::Scope& s, const ApplicationQuery& q,
                                    const Paging& page = {});
std::optional<Application> get_application(db::Conn& c, const auth::Scope& s, int64_t id);
// A first_year claim that Pantau's records contradict (an LPJ, or an application determined or
// paid, of the same party and region for an earlier fiscal year) is refused (422, first_year).
Result<Application> create_application(db::Conn& c, const auth::Scope& s,
                                       const ApplicationInput& in);
// The latest fiscal year before `fiscal_year` with an LPJ or a determined/paid application of
// this party in this region: the evidence that a later year is not its first.
std::optional<int64_t> earlier_funded_year(db::Conn& c, const std::string& region,
                                           const std::string& party, int64_t fiscal_year);
// A reviewer's decision (record.review) that this is, or is not, the party's first year of
// eligibility, whatever the records say; a reason is required; until verification. Audited as
// first_year_decision. The LPJ sanction (PP 1/2018 Art. 16) still follows the records.
Result<Application> decide_first_year(db::Conn& c, const auth::Scope& s, int64_t id,
                                      int64_t version, bool first_year, const std::string& reason);
// Attach the file of one checklist document (record.write), or give its verdict
// (record.review: ACCEPTED / REJECTED, a note when rejected).
struct DocumentInput {
  std::optional<int64_t> file_id;
  std::optional<std::string> verdict;
  std::string note;
};
Result<Application> set_document(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                 const std::string& code, const DocumentInput& in);
Result<Application> set_usage_plan(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                   const std::vector<UsageLine>& lines);
// Records the verification team (record.write) until the application is verified: 1 to 30
// members, exactly one KETUA, names required, a NIP of 18 digits or none; replaces the team.
Result<Application> set_verification_team(db::Conn& c, const auth::Scope& s, int64_t id,
                                          int64_t version, const VerificationTeam& team);
struct ActionInput {
  AppAction action = AppAction::StartCheck;
  std::string note, ba_verification_no, decree_no, sp2d_no;
  std::optional<std::string> sp2d_date;
};
Result<Application> act_on_application(db::Conn& c, const auth::Scope& s, int64_t id,
                                       int64_t version, const ActionInput& in);
// The actions `s` may take on the application now: those the state machine (app_transition)
// allows from its state, each with the permission it needs, within the caller's region. The
// guards (documents accepted, usage plan, sanction, dispute, a reason) are checked when the
// action is taken, and refused with their reason then.
std::vector<AppAction> allowed_actions(const Application& a, const auth::Scope& s);
std::vector<std::string> allowed_edits(const Application& a, const auth::Scope& s);

// ---- accountability reports (LPJ) ---------------------------------------------------------

struct Lpj {
  int64_t id = 0, fiscal_year = 0, findings_count = 0;
  std::string region_code, region_name, party_abbreviation, bpk_lhp_no, note, created_at,
      updated_at;
  std::optional<int64_t> board_id;
  std::optional<std::string> submitted_to_bpk, audited, lhp_received, submitted_to_government;
  int64_t version = 1;
  LpjStatus status;  // derived for today
};
struct LpjInput {
  std::string region_code, party_abbreviation, bpk_lhp_no, note;
  int64_t fiscal_year = 0, findings_count = 0;
  std::optional<std::string> submitted_to_bpk, audited, lhp_received, submitted_to_government;
};
Page<Lpj> list_lpj(db::Conn& c, const auth::Scope& s, const std::string& region,
                   std::optional<int64_t> year, const Paging& page = {});
std::optional<Lpj> get_lpj(db::Conn& c, const auth::Scope& s, int64_t id);
Result<Lpj> create_lpj(db::Conn& c, const auth::Scope& s, const LpjInput& in);
// Replaces the dates, LHP number, findings and note.
Result<Lpj> update_lpj(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                       const LpjInput& in);
// The LPJ rule as configured in banpol_settings.
LpjRule lpj_rule(db::Conn& c);

// ---- position per party (dashboard) -------------------------------------------------------

struct Position {
  std::string party_abbreviation, party_name;
  int64_t seats = 0;
  std::optional<int64_t> allocation_amount;
  std::optional<std::string> board_status, application_status, previous_lpj_stage;
  std::optional<int64_t> application_id, determined_amount, disbursed_amount;
  bool sanction_active = false;
  Eligibility eligibility;
};
Result<std::vector<Position>> positions(db::Conn& c, const auth::Scope& s,
                                        const std::string& region, int64_t fiscal_year);

// ---- JSON ---------------------------------------------------------------------------------

std::string to_json(const VoteValue& v);
std::string to_json(const ResultRow& r);
std::string to_json(const std::vector<ResultRow>& rows);  // the audit snapshot of an import
std::string to_json(const ImportReport& r);
std::string to_json(const Board& b);
std::string to_json(const RegionAllocation& a);
std::string to_json(const Application& a);
std::string to_json(const Lpj& l);
std::string to_json(const Position& p);

}  // namespace pantau::party_aid
