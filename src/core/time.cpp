#include "core/time.h"

#include <cstdio>

#include "core/strings.h"

namespace pantau {

namespace {
class SystemTime final : public TimeSource {
 public:
  TimePoint now() const override { return Clock::now(); }
};
}  // namespace

const TimeSource& system_time() {
  static SystemTime t;
  return t;
}

// Howard Hinnant's civil-date algorithms.
int64_t days_from_civil(Date d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int weekday(Date d) {
  int64_t z = days_from_civil(d);
  return static_cast<int>(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

static int days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
  return dm[m - 1];
}

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto y = parse_int64(s.substr(0, 4));
  auto m = parse_int64(s.substr(5, 2));
  auto d = parse_int64(s.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  if (*y < 1900 || *y > 2200 || *m < 1 || *m > 12) return std::nullopt;
  if (*d < 1 || *d > days_in_month(static_cast<int>(*y), static_cast<int>(*m))) return std::nullopt;
  return Date{static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*d)};
}

std::string format_date(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string format_iso(TimePoint t) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  int64_t days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
  int64_t rem = ms - days * 86400000;
  Date d = civil_from_days(days);
  const int hour = static_cast<int>(rem / 3600000), minute = static_cast<int>(rem / 60000 % 60),
            second = static_cast<int>(rem / 1000 % 60), milli = static_cast<int>(rem % 1000);
  if (d.year < 0 || d.year > 9999) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", d.year, d.month, d.day, hour, minute, second, milli);
    return buf;
  }
  // Every stored time and audit row is stamped here, several per write: the digits are placed
  // directly (snprintf cost about 4,500 instructions a call; see docs/PERFORMANCE.md).
  std::string out = "0000-00-00T00:00:00.000Z";
  auto put = [&](size_t at, int v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) out[at + static_cast<size_t>(i)] = static_cast<char>('0' + v % 10);
  };
  put(0, d.year, 4);
  put(5, static_cast<int>(d.month), 2);
  put(8, static_cast<int>(d.day), 2);
  put(11, hour, 2);
  put(14, minute, 2);
  put(17, second, 2);
  put(20, milli, 3);
  return out;
}

static bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

std::optional<TimePoint> parse_iso(std::string_view s) {
  // Accepts YYYY-MM-DDTHH:MM:SS[.mmm]Z, digits only in every numeric field.
  if (s.size() < 20) return std::nullopt;
  if (!all_digits(s.substr(11, 2)) || !all_digits(s.substr(14, 2)) || !all_digits(s.substr(17, 2))) return std::nullopt;
  if (s.size() > 20 && s.size() == 24 && !all_digits(s.substr(20, 3))) return std::nullopt;
  auto d = parse_date(s.substr(0, 10));
  if (!d || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s.back() != 'Z') return std::nullopt;
  auto hh = parse_int64(s.substr(11, 2)), mm = parse_int64(s.substr(14, 2)),
       ss = parse_int64(s.substr(17, 2));
  if (!hh || !mm || !ss || *hh > 23 || *mm > 59 || *ss > 60) return std::nullopt;
  int64_t millis = 0;
  if (s.size() > 20) {
    if (s[19] != '.' || s.size() != 24) return std::nullopt;
    auto f = parse_int64(s.substr(20, 3));
    if (!f) return std::nullopt;
    millis = *f;
  }
  int64_t total = days_from_civil(*d) * 86400000 + *hh * 3600000 + *mm * 60000 + *ss * 1000 + millis;
  return TimePoint(std::chrono::duration_cast<Clock::duration>(std::chrono::milliseconds(total)));
}

std::string now_iso() { return format_iso(system_time().now()); }

Date today_utc() { return *parse_date(now_iso().substr(0, 10)); }

}  // namespace pantau
