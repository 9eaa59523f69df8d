// Service clocks (jam layanan): how many working days a public service has used, how many are
// left, and whether it is late. One clock per request; every module that promises an answer
// within N working days (public-information requests, objections, complaints, research permits,
// ormas verification) evaluates its deadline here, so every office counts the same way.
//
// How a clock counts (the contract the table tests in tests/fixtures/service_clock.tsv hold):
// - Dates are civil dates in the office's time zone (local_date() turns a stored UTC instant into
//   one with the region's WIB/WITA/WIT offset).
// - The day a request is registered is not counted; the first working day after it is day 1
//   (as WorkingDayCalendar::add_working_days counts). Weekends, national holidays and cuti
//   bersama never count: they come from the calendar, which comes from the holidays table.
// - A pause is the office waiting for the applicant (a request for completion). It runs from the
//   day the office asks (that day still counts: the office worked on it) to the day the applicant
//   answers (that day does not count, like the registration day). Only such waits pause a clock;
//   nothing else stops it.
// - An open pause (the applicant has not answered yet) pauses the clock up to `today`; the due
//   date shown is then the earliest one possible, if the applicant answered today.
// - The deadline (due) is the last working day allowed. Finished on or before it: on time.
//   A clock is breached once its used working days exceed the limit.
// Pure functions, no I/O, thread-safe for a const calendar.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/time.h"

namespace pantau {

struct ClockPause {
  Date from;                // the office asked the applicant (still counted)
  std::optional<Date> to;   // the applicant answered (not counted); empty while waiting
};

struct ServiceClock {
  Date start;                     // local date the request was registered
  int limit_working_days = 0;     // e.g. 10, or 17 after a PPID extension
  std::vector<ClockPause> pauses; // in order, not overlapping
  std::optional<Date> finished;   // local date the office answered / decided
};

struct ClockState {
  Date due;             // last working day allowed (projected while paused)
  int used = 0;         // working days counted so far (to `finished`, or to today)
  int left = 0;         // limit - used; negative when late
  bool paused = false;  // waiting for the applicant now
  bool finished = false;
  bool breached = false;  // used > limit
};

// Evaluates a clock as of `today` (ignored once the clock is finished).
ClockState evaluate_clock(const ServiceClock& clock, Date today, const WorkingDayCalendar& cal);

// The local civil date of a stored UTC instant ("2026-04-01T17:30:00.000Z") in a region's time
// zone (63 Kalimantan Selatan: WITA, UTC+8 -> 2026-04-02). Empty for a malformed instant.
std::optional<Date> local_date(std::string_view utc_iso, std::string_view region_code);

// Today in a region's office (its local_date now; the ministry, region "", keeps WIB). Deadlines,
// reminders and "not in the future" checks count this day, not the UTC one.
Date office_today(std::string_view region_code);

}  // namespace pantau
