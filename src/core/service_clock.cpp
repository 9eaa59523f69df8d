#include "core/service_clock.h"

namespace pantau {

namespace {

// Whether working day `z` falls in a pause, i.e. in (from, to] (to = today for an open pause).
bool in_pause(int64_t z, const std::vector<ClockPause>& pauses, int64_t today) {
  for (const auto& p : pauses) {
    int64_t from = days_from_civil(p.from);
    int64_t to = p.to ? days_from_civil(*p.to) : today;
    if (z > from && z <= to) return true;
  }
  return false;
}

}  // namespace

ClockState evaluate_clock(const ServiceClock& clock, Date today, const WorkingDayCalendar& cal) {
  ClockState st;
  st.finished = clock.finished.has_value();
  const int64_t now = days_from_civil(st.finished ? *clock.finished : today);
  const int64_t start = days_from_civil(clock.start);
  for (const auto& p : clock.pauses)
    if (!p.to) st.paused = !st.finished;

  // Count used days up to `now`, and find the day the limit is reached (walking past `now` when
  // needed: future days are counted unless an open pause still covers them up to today).
  int counted = 0;
  bool due_found = clock.limit_working_days <= 0;
  if (due_found) st.due = clock.start;
  for (int64_t z = start + 1; z <= now || !due_found; ++z) {
    Date d = civil_from_days(z);
    if (!cal.is_working_day(d) || in_pause(z, clock.pauses, now)) continue;
    ++counted;
    if (z <= now) st.used = counted;
    if (!due_found && counted == clock.limit_working_days) {
      st.due = d;
      due_found = true;
    }
  }
  st.left = clock.limit_working_days - st.used;
  st.breached = st.used > clock.limit_working_days;
  return st;
}

std::optional<Date> local_date(std::string_view utc_iso, std::string_view region_code) {
  auto t = parse_iso(utc_iso);
  if (!t) return std::nullopt;
  auto local = *t + std::chrono::hours(utc_offset_hours(region_code));
  auto days = std::chrono::floor<std::chrono::days>(local).time_since_epoch().count();
  return civil_from_days(days);
}

Date office_today(std::string_view region_code) { return *local_date(now_iso(), region_code); }

}  // namespace pantau
