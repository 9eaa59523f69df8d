// Query strings, Cookie headers and percent-decoding (both modes), plus the small value parsers
// that query parameters are handed to (region codes, dates, ISO instants, integers).
#include <string>

#include "core/region_code.h"
#include "core/strings.h"
#include "core/time.h"
#include "fuzz_common.h"
#include "http/query.h"

using namespace pantau;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);

  size_t max_params = size ? (static_cast<unsigned char>(in[0]) % 8) + 1 : 64;
  for (size_t limit : {size_t{64}, max_params}) {
    auto q = http::parse_query(in, limit);
    if (q.ok()) {
      FUZZ_CHECK(q->size() <= limit);
      for (auto& [k, v] : *q) {
        FUZZ_CHECK(valid_utf8(k) && valid_utf8(v));
        FUZZ_CHECK(k.find('\0') == std::string::npos && v.find('\0') == std::string::npos);
        FUZZ_CHECK(k.size() <= size && v.size() <= size);
      }
    } else {
      FUZZ_CHECK(q.error().kind == ErrorKind::BadRequest);
    }
  }

  auto cookies = http::parse_cookies(in);
  for (auto& [k, v] : cookies) {
    FUZZ_CHECK(!k.empty());
    FUZZ_CHECK(k.find(';') == std::string::npos && v.find(';') == std::string::npos);
  }

  for (bool plus : {false, true}) {
    auto d = url_decode(in, plus);
    if (d) {
      FUZZ_CHECK(d->size() <= size);
      if (!plus && in.find('%') == std::string_view::npos) FUZZ_CHECK(*d == in);
    }
  }

  // Values that arrive through query parameters.
  auto level = region_level(in);
  if (level != RegionLevel::Invalid) {
    auto parent = region_parent(in);
    FUZZ_CHECK(parent.size() < size || size == 0);
    FUZZ_CHECK(region_within(in, parent));
    FUZZ_CHECK(region_within(in, region_province(in)));
  }
  if (auto d = parse_date(in)) {
    FUZZ_CHECK(d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31);
    FUZZ_CHECK(civil_from_days(days_from_civil(*d)) == *d);
    FUZZ_CHECK(weekday(*d) >= 0 && weekday(*d) <= 6);
    (void)format_date(*d);
  }
  if (auto t = parse_iso(in)) {
    std::string back = format_iso(*t);
    // Canonical input (all digits, milliseconds given, no leap second) must round-trip.
    bool canonical = size == 24 && in.substr(17, 2) != "60";
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22})
      if (canonical && !(in[i] >= '0' && in[i] <= '9')) canonical = false;
    if (canonical) FUZZ_CHECK(back == in);
  }
  (void)parse_int64(in);
  return 0;
}
