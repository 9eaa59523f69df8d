// Time in Pantau: instants are stored as ISO-8601 UTC text with milliseconds
// ("2026-11-23T18:20:00.000Z"), which sorts correctly as text in both databases.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pantau {

using Clock = std::chrono::system_clock;
using TimePoint = Clock::time_point;

// A replaceable clock so that rules and tests can fix "now".
class TimeSource {
 public:
  virtual ~TimeSource() = default;
  virtual TimePoint now() const = 0;
};
const TimeSource& system_time();

std::string format_iso(TimePoint t);
std::optional<TimePoint> parse_iso(std::string_view s);
std::string now_iso();

// A civil date (no time zone), as used for due dates and holidays.
struct Date {
  int year = 1970, month = 1, day = 1;
  auto operator<=>(const Date&) const = default;
};
std::optional<Date> parse_date(std::string_view s);  // YYYY-MM-DD, validated
std::string format_date(Date d);
int64_t days_from_civil(Date d);
Date civil_from_days(int64_t z);
int weekday(Date d);  // 0 = Sunday .. 6 = Saturday
// Today's date in UTC (the system clock's). An office's own day: local_date() in core/service_clock.h.
Date today_utc();

}  // namespace pantau
