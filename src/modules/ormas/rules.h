// Pure rules of the ormas registry; tested by tests/fixtures/ormas_*.tsv.
#pragma once
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/error.h"
#include "modules/ormas/model.h"

namespace pantau::ormas {

// A registration's next state for `action`, or a 409 with the reason in both languages.
Result<RegState> reg_transition(RegState from, std::string_view action, const RegFacts& f);

// `n` years after `d`; 29 February becomes 28 February in a common year.
Date add_years(Date d, int n);
// SKT valid `years` years from issue (the expiry is the same calendar day `years` later).
Date skt_expiry(Date issued, int years);
// The SKT on `today`, reminders at `first` and `second` days before expiry (90 and 30 by rule).
SktState skt_state(std::optional<Date> expiry, Date today, int first, int second);

// Working-day clock: the due date `n` working days after `start` (start itself not counted).
Date working_due(const WorkingDayCalendar& cal, Date start, int n);
// Days left until `due` seen from `today`: positive = left, 0 = due today, negative = overdue
// by that many working days.
int working_days_left(const WorkingDayCalendar& cal, Date today, Date due);

// The due date of a year's annual activity report: 31 December plus `days_after`.
Date annual_report_due(int year, int days_after);

// The ladder in force on `on` (the steps of one regime, in order).
std::vector<SanctionStep> ladder_on(const std::vector<SanctionStep>& all, Date on);
// The next step that may be imposed after `issued` (in order). A step follows only when the
// previous one was not complied with; `grave` (the gravest prohibitions of UU 16/2017) allows
// revocation directly. Refused with a reason when the ladder is finished or the last step was
// complied with.
Result<SanctionStep> next_sanction(const std::vector<SanctionStep>& ladder, const std::vector<IssuedSanction>& issued,
                                   const std::string& level, bool grave);
// When a step must be complied with.
std::optional<Date> compliance_due(const SanctionStep& s, Date issued, const WorkingDayCalendar& cal);

// Field errors of an ormas record's own data.
struct OrmasFacts {
  std::string name, legal_form, scope_level, region_code, skt_no, ahu_decree_no, npwp, email;
  std::vector<std::string> fields;
  std::optional<Date> founding_date, skt_issue_date;
};
std::vector<FieldError> validate_ormas(const OrmasFacts& o, Date today);

}  // namespace pantau::ormas
