// Pure rules of party aid (banpol, DOMAIN.md §2): the formula, the transition-year split, the
// 60% political-education minimum, eligibility, the application state machine and the LPJ
// deadlines with their sanction. No I/O; tested by the tables in tests/fixtures/party_aid_*.tsv.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "modules/party_aid/model.h"

namespace pantau::party_aid {

// The chamber whose seats give aid from a region's budget: "" -> DPR, a province -> DPRD
// Provinsi, a kab/kota -> DPRD Kab/Kota; nothing for a kecamatan or a malformed code.
std::optional<std::string> chamber_of(std::string_view region_code);

// "8000" -> 800000 sen, "108.5" / "108.50" -> 10850; at most two decimals, dot as the decimal
// sign (never a thousands separator), positive.
std::optional<int64_t> parse_value_sen(std::string_view text);
// 800000 -> "8000", 10850 -> "108.50".
std::string format_value(int64_t value_sen);

// votes x value x months/12 in whole Rupiah. `applied` is "EXACT" when no rounding was
// needed, otherwise the mode's name. Votes and value must be >= 0, months 0..12.
int64_t aid_amount(int64_t votes, int64_t value_sen, int months, Rounding mode,
                   std::string* applied = nullptr);

// Inauguration on day 1-15 gives that month to the new DPRD's parties; 16-31 to the old.
MonthSplit split_months(Date inauguration);

// The aid of every seat-holding party (seats >= 1) for a whole year.
Allocation allocate(const std::vector<PartyVotes>& results, int64_t value_sen, Rounding mode);
// The transition year: the old DPRD's parties for months_old, the new one's for months_new.
Allocation allocate_transition(const std::vector<PartyVotes>& old_results,
                               const std::vector<PartyVotes>& new_results, int64_t value_sen,
                               Date inauguration, Rounding mode);

// The budget parameters of a region and fiscal year (DOMAIN.md §2.3): DEFAULT_PP_1_2018 must
// equal the default; GRANDFATHERED and APPROVED_INCREASE must lie above it, the latter with the
// minister's letter number; LEGACY_FORMULA only for fiscal years up to 2018 (before PP 1/2018
// took effect in the budgets). The votes come from an election before or in the fiscal year; a
// transition year names the inauguration (in that year) and the old DPRD's earlier election.
struct VoteValueFacts {
  std::string basis, approval_letter_no;
  int64_t fiscal_year = 0, value_sen = 0, election_year = 0;
  std::optional<int64_t> default_sen;
  std::optional<Date> inauguration;
  std::optional<int64_t> previous_election_year;
};
Status check_vote_value(const VoteValueFacts& f);

// Usage plan: amounts > 0, known categories, political education >= min_percent of the total;
// with expected_total, the plan must spend exactly the determined amount.
Result<UsageCheck> check_usage_plan(const std::vector<UsageLine>& lines, int min_percent,
                                    std::optional<int64_t> expected_total = std::nullopt);

// Who gets aid this year: refusals (no seat, no valid board, previous LPJ not audited, active
// sanction), or on hold when the only obstacle is a disputed board.
Eligibility check_eligibility(const EligibilityInput& in);

// The application state machine with its guards.
Result<AppState> app_transition(AppState from, AppAction action, const TransitionFacts& facts);

// Required documents (codes) that are not accepted yet, in the order given.
std::vector<std::string> missing_documents(const std::vector<std::string>& required,
                                           const std::map<std::string, std::string>& verdicts);

// The verification team as recorded (DOMAIN.md §2.5): 1 to 30 members, names required, a NIP
// of 18 digits or none, a role from kTeamRoles, exactly one KETUA, and the number of the decree
// forming the team. Field errors name the member (members[2].nip); none when the team is valid.
std::vector<FieldError> check_verification_team(const VerificationTeam& team);

// `d` plus an offset; months keep the day or clamp to the month's last day (31 Jan + 1 month
// = 28/29 Feb; 31 Dec + 1 month = 31 Jan).
Date add_offset(Date d, const Offset& o);
// Months offsets from a fiscal year's end land on month ends (31 Dec + 3 months = 31 Mar).
LpjStatus lpj_status(const LpjFacts& f, const LpjRule& rule, Date today);

// The steps of an LPJ happen in order: audited after submission to BPK, LHP after the audit,
// to the government after the LHP; no step before the fiscal year has ended.
Status check_lpj_dates(const LpjFacts& f);

// "1M" / "7D" <-> Offset (months or calendar days), for the rule stored as data.
std::optional<Offset> parse_offset(std::string_view text);
std::string format_offset(const Offset& o);

}  // namespace pantau::party_aid
