#include "core/calendar.h"

namespace pantau {

bool WorkingDayCalendar::is_working_day(Date d) const {
  int wd = weekday(d);
  if (wd == 0 || wd == 6) return false;
  return off_.count(days_from_civil(d)) == 0;
}

Date WorkingDayCalendar::add_working_days(Date from, int n) const {
  int64_t z = days_from_civil(from);
  if (n == 0) {
    while (!is_working_day(civil_from_days(z))) ++z;
    return civil_from_days(z);
  }
  int counted = 0;
  while (counted < n) {
    ++z;
    if (is_working_day(civil_from_days(z))) ++counted;
  }
  return civil_from_days(z);
}

int WorkingDayCalendar::working_days_between(Date a, Date b) const {
  int n = 0;
  for (int64_t z = days_from_civil(a) + 1; z <= days_from_civil(b); ++z)
    if (is_working_day(civil_from_days(z))) ++n;
  return n;
}

std::string_view offset_unit_name(OffsetUnit u) {
  switch (u) {
    case OffsetUnit::Hours: return "HOURS";
    case OffsetUnit::CalendarDays: return "CALENDAR_DAYS";
    case OffsetUnit::WorkingDays: return "WORKING_DAYS";
    case OffsetUnit::Months: return "MONTHS";
  }
  return "CALENDAR_DAYS";
}

Result<OffsetUnit> parse_offset_unit(std::string_view s) {
  for (auto u : {OffsetUnit::Hours, OffsetUnit::CalendarDays, OffsetUnit::WorkingDays, OffsetUnit::Months})
    if (offset_unit_name(u) == s) return u;
  return Error::invalid_field("offset_unit", "not_allowed", "Pilih HOURS, CALENDAR_DAYS, WORKING_DAYS, atau MONTHS.",
                              "Choose HOURS, CALENDAR_DAYS, WORKING_DAYS or MONTHS.");
}

int utc_offset_hours(std::string_view code) {
  if (code.size() < 2) return 7;  // the ministry in Jakarta
  int p = (code[0] - '0') * 10 + (code[1] - '0');
  if (p >= 81) return 9;                       // Maluku, Maluku Utara, the Papua provinces
  if (p >= 71 || p == 51 || p == 52 || p == 53 || p == 63 || p == 64 || p == 65) return 8;  // WITA
  return 7;                                    // Sumatra, Java, Kalbar, Kalteng
}

std::string_view time_zone_name(std::string_view code) {
  switch (utc_offset_hours(code)) {
    case 8: return "WITA";
    case 9: return "WIT";
    default: return "WIB";
  }
}

}  // namespace pantau
