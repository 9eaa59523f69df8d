// Financial aid to political parties (bantuan keuangan partai politik, "banpol"; DOMAIN.md §2):
// per-vote values, the allocation per seat-holding party, the transition-year split, party
// boards, applications with their document checklist and usage plan, and the accountability
// report (LPJ) cycle with its sanction. Money is whole Rupiah in int64; a value per vote is
// kept in sen (hundredths of a Rupiah) so that legacy values with sen stay exact.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/error.h"
#include "core/time.h"
#include "db/page.h"

namespace pantau::party_aid {

// The legislature a party's seats are in; names match election_results.chamber.
inline const std::vector<std::string_view> kChambers = {"DPR", "DPRD_PROVINSI", "DPRD_KABKOTA"};

// Where a value per vote comes from (DOMAIN.md §2.3).
inline const std::vector<std::string_view> kValueBases = {
    "DEFAULT_PP_1_2018",  // the default of PP 1/2018 Art. 5
    "GRANDFATHERED",      // the region was already above the default: kept
    "APPROVED_INCREASE",  // raised with the Minister of Home Affairs' approval (letter number)
    "LEGACY_FORMULA",     // pre-2018: last year's budget / last election's votes
};

// How a product with sen or a month fraction becomes whole Rupiah. The official rule is [U]
// (DOMAIN.md §2.3): the mode is data on the value per vote and is recorded on every line.
enum class Rounding { HalfUp, Floor };
inline const std::vector<std::string_view> kRoundings = {"ROUND_HALF_UP", "FLOOR"};
std::string_view name(Rounding r);
std::optional<Rounding> parse_rounding(std::string_view s);

// Which voters' choice a line follows in the year a new DPRD is inaugurated.
enum class Stage { Single, OldPeriod, NewPeriod };
std::string_view name(Stage s);  // SINGLE, STAGE1_OLD, STAGE2_NEW

// One party's result in one legislature of one region.
struct PartyVotes {
  int64_t party_number = 0;
  std::string abbreviation;
  std::optional<int64_t> votes;  // unknown where KPU's figure is not entered yet
  int64_t seats = 0;
};

// One party's aid for a fiscal year (or one stage of it).
struct AllocationLine {
  int64_t party_number = 0;
  std::string abbreviation;
  Stage stage = Stage::Single;
  std::optional<int64_t> votes;
  int64_t seats = 0;
  int64_t value_sen = 0;
  int months = 12;
  std::optional<int64_t> amount;  // none while the votes are unknown
  std::string rounding;           // EXACT, or the mode that was applied
};

struct Allocation {
  std::vector<AllocationLine> lines;
  int64_t total = 0;  // sum of the known amounts
  int64_t lines_missing_votes = 0;
  int months_old = 0, months_new = 12;
};

// The months of a transition year: before and from the inauguration of the new DPRD.
struct MonthSplit {
  int months_old = 0, months_new = 12;
};

// A party board as the eligibility check sees it on a given date.
enum class BoardState { Recognised, Disputed, Expired, None };
inline const std::vector<std::string_view> kBoardStatuses = {"RECOGNISED", "DISPUTED",
                                                             "SUPERSEDED"};

// The previous fiscal year's accountability report, for the eligibility check.
enum class PreviousLpj { Audited, NotAudited, NotRequired };

struct EligibilityInput {
  int64_t seats = 0;
  BoardState board = BoardState::None;
  PreviousLpj previous_lpj = PreviousLpj::NotAudited;
  bool sanction_active = false;
};

enum class Outcome { Eligible, OnHold, Refused };
std::string_view name(Outcome o);

struct Eligibility {
  Outcome outcome = Outcome::Eligible;
  std::vector<std::string> reasons;  // stable codes: no_seat, no_board, ...
  std::vector<Message> messages;     // the same, in words
};

// Usage plan (rencana penggunaan): political education and secretariat operations.
inline const std::vector<std::string_view> kUsageCategories = {"POLITICAL_EDUCATION",
                                                               "OPERATIONAL"};
struct UsageLine {
  std::string category, activity;
  int64_t amount = 0;
};
struct UsageCheck {
  int64_t total = 0, political_education = 0, operational = 0;
  int64_t share_basis_points = 0;  // political education / total, 10000 = 100%, rounded down
  bool meets_minimum = false;
};

// Application (pengajuan) states and actions (DOMAIN.md §2.5).
enum class AppState {
  Received,
  AdminCheck,
  ReturnedIncomplete,
  VerificationScheduled,
  Verified,
  Rejected,
  Determined,
  DisbursementRequested,
  Disbursed,
  OnHold,
};
inline const std::vector<std::string_view> kAppStates = {"APPLICATION_RECEIVED",
                                                         "ADMIN_CHECK",
                                                         "RETURNED_INCOMPLETE",
                                                         "VERIFICATION_SCHEDULED",
                                                         "VERIFIED",
                                                         "REJECTED",
                                                         "DETERMINED",
                                                         "DISBURSEMENT_REQUESTED",
                                                         "DISBURSED",
                                                         "ON_HOLD_BOARD_DISPUTE"};
enum class AppAction {
  StartCheck,
  Return,
  Resubmit,
  ScheduleVerification,
  Verify,
  Reject,
  Determine,
  RequestDisbursement,
  Disburse,
  Hold,
  Release,
};
inline const std::vector<std::string_view> kAppActions = {
    "START_CHECK", "RETURN", "RESUBMIT",  "SCHEDULE_VERIFICATION",
    "VERIFY",      "REJECT", "DETERMINE", "REQUEST_DISBURSEMENT",
    "DISBURSE",    "HOLD",   "RELEASE"};
std::string_view name(AppState s);
std::string_view name(AppAction a);
std::optional<AppState> parse_app_state(std::string_view s);
std::optional<AppAction> parse_app_action(std::string_view s);

// The Tim Verifikasi of an application (DOMAIN.md §2.5): named by decree of the head of region;
// every member signs the Berita Acara hasil verifikasi, the chair (KETUA) last.
inline const std::vector<std::string_view> kTeamRoles = {"KETUA", "SEKRETARIS", "ANGGOTA"};
struct TeamMember {
  std::string name, nip, job_title, role;  // role: one of kTeamRoles
};
struct VerificationTeam {
  std::string decree_no;                    // the decree forming the team
  std::optional<std::string> meeting_date;  // the verification meeting (date of the BA)
  std::vector<TeamMember> members;          // in signing order
};

// What the guards of a transition need to know besides the two states.
struct TransitionFacts {
  bool documents_complete = true;  // every required document accepted
  bool usage_plan_ok = true;       // the plan meets the political-education minimum
  bool sanction_active = false;    // an overdue LPJ not yet audited by BPK
  bool board_disputed = false;
  bool has_sp2d = true;               // SP2D number and date given
  bool has_reason = true;             // a note for return, reject and hold
  std::optional<AppState> held_from;  // the state before ON_HOLD (for RELEASE)
};

// An offset of the LPJ cycle: so many months (the same day, or the month's last day) or
// calendar days after its anchor.
struct Offset {
  int value = 1;
  OffsetUnit unit = OffsetUnit::Months;
};

// The LPJ deadlines (DOMAIN.md §2.5, §11), configurable data; defaults as confirmed [C]
// except the party -> government step, whose length is [U] (1 month or 1 week).
struct LpjRule {
  Offset to_bpk{1, OffsetUnit::Months};         // after the fiscal year end: 31 January
  Offset audit{3, OffsetUnit::Months};          // after the fiscal year end: 31 March
  Offset lhp_to_party{1, OffsetUnit::Months};   // after the audit
  Offset to_government{1, OffsetUnit::Months};  // after the party received the LHP
};

// What the records say of one party board's LPJ for one fiscal year.
struct LpjFacts {
  int fiscal_year = 0;
  std::optional<Date> submitted_to_bpk, audited, lhp_received, submitted_to_government;
};

enum class LpjStage { InUse, SubmittedToBpk, AuditedByBpk, LhpReceived, SubmittedToGovernment };
std::string_view name(LpjStage s);

struct LpjStatus {
  LpjStage stage = LpjStage::InUse;
  Date due_to_bpk, due_audit;
  std::optional<Date> due_lhp, due_to_government;  // known once the step before happened
  bool late_to_bpk = false, late_audit = false, late_lhp = false, late_to_government = false;
  // PP 1/2018 Art. 16: late or missing LPJ -> no aid until BPK has audited it.
  bool sanction_active = false;
};

// One page of a list (db/page.h); pass next_after as ?after= for the next one.
template <class T>
using Page = db::Page<T>;
using Paging = db::Paging;

}  // namespace pantau::party_aid
