// Pure rules of monitoring: deadlines and state machines. No I/O; tested by tables in
// tests/fixtures/.
#pragma once
#include <string_view>

#include "auth/scope.h"
#include "core/error.h"
#include "modules/monitoring/model.h"

namespace pantau::monitoring {

// The last day (inclusive) to submit a report for `period` under `rule`.
// Hours are not a period rule (use event_due_instant).
Date due_date(const Period& period, const DueRule& rule, const WorkingDayCalendar& cal);
// The first day a report of `period` may be submitted (drafts may be written at any time): the
// day after the period ends when days_before_end is 0, otherwise the last days_before_end days
// of the period (7 = its last week). DOMAIN.md §1.4: a periodic report covers its whole period.
Date submission_opens(const Period& period, int days_before_end);
// 409 report.period_not_ended, naming the date, when `today` (the region's local date) is
// before submission_opens().
Status check_submission_window(const Period& period, int days_before_end, Date today);
// The end of a due date in the region's local time (WIB/WITA/WIT), as a UTC instant.
TimePoint due_instant(Date due, std::string_view region_code);
// Deadline of a fast report: so many hours after the event.
TimePoint event_due_instant(TimePoint occurred_at, const DueRule& rule);
// On time, late, missing (past due, nothing submitted), not yet due, or pending (due, not
// submitted, but still within the period of grace: none here, kept for clarity).
Timeliness timeliness(std::optional<TimePoint> submitted_at, TimePoint due, TimePoint now);
// The same from the stored ISO texts, as a list writes it for every row: nullopt when `due_at` is
// not a time (the answer then carries no timeliness). Times in the canonical form format_iso writes
// (YYYY-MM-DDTHH:MM:SS.mmmZ) are compared as text, which orders them as time, without parsing;
// any other form is parsed. `now_iso` is format_iso(now).
// Whether `s` is a time in format_iso's form (YYYY-MM-DDTHH:MM:SS.mmmZ, a real date, seconds
// below 60): format_iso(*parse_iso(s)) == s, and such texts sort as their times do.
bool canonical_iso(std::string_view s);
std::optional<Timeliness> timeliness_iso(std::string_view due_at, std::optional<std::string_view> submitted_at,
                                         std::string_view now_iso, TimePoint now);

// The office that reviews a report of `region`: the next tier up ("" = the ministry).
std::string reviewer_region(std::string_view region);

// Applies an action to a periodic report. `who` must be the owning office (submit) or the next
// tier up (return, accept, consolidate, archive); returning needs a reason.
Result<ReportStatus> report_transition(ReportStatus from, ReportAction action, const auth::Scope& who,
                                       std::string_view report_region, bool has_reason);

// Applies an action to a fast report: anyone with review rights whose scope covers it.
Result<EventStatus> event_transition(EventStatus from, EventAction action, const auth::Scope& who,
                                     std::string_view event_region, bool has_note);

}  // namespace pantau::monitoring

namespace pantau::monitoring {
// A team needs a decree, a valid period, exactly one chair (KETUA), and a named coordinator
// (KOORDINATOR_SISTEM) and data operator (OPERATOR) as SIPANTAU requires.
Status check_team(const MonitoringTeam& t);
}  // namespace pantau::monitoring
