// Working days (hari kerja): Monday to Friday, except national holidays and cuti bersama, which
// come from the `holidays` table an administrator edits (never from code). Calendar days (hari)
// count every day.
#pragma once
#include <set>
#include <string>

#include "core/error.h"
#include "core/time.h"

namespace pantau {

class WorkingDayCalendar {
 public:
  void add_day_off(Date d) { off_.insert(days_from_civil(d)); }
  bool is_working_day(Date d) const;
  // The n-th working day after `from` (from itself not counted); n = 0 gives the first working
  // day on or after `from`.
  Date add_working_days(Date from, int n) const;
  // Working days in (a, b]: 0 when b <= a.
  int working_days_between(Date a, Date b) const;

 private:
  std::set<int64_t> off_;
};

enum class OffsetUnit { Hours, CalendarDays, WorkingDays, Months };
std::string_view offset_unit_name(OffsetUnit u);
Result<OffsetUnit> parse_offset_unit(std::string_view s);

// Time zones of Indonesia by province: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).
int utc_offset_hours(std::string_view region_code);
std::string_view time_zone_name(std::string_view region_code);

}  // namespace pantau
