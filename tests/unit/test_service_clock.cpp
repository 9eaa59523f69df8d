// The service clock against the tables in tests/fixtures/service_clock*.tsv.
#include <gtest/gtest.h>

#include "core/csv.h"
#include "core/fileio.h"
#include "core/service_clock.h"
#include "fixtures.h"

using namespace pantau;

namespace {

WorkingDayCalendar national_calendar() {
  WorkingDayCalendar cal;
  auto text = read_text_file(std::string(PANTAU_DATA_DIR) + "/holidays.csv");
  EXPECT_TRUE(text.ok());
  auto t = parse_csv(*text);
  EXPECT_TRUE(t.ok());
  for (auto& r : t->rows) cal.add_day_off(*parse_date(r[0]));
  return cal;
}

Date date(const std::string& s) {
  auto d = parse_date(s);
  EXPECT_TRUE(d) << s;
  return d.value_or(Date{});
}

std::vector<ClockPause> pauses(const std::string& cell) {
  std::vector<ClockPause> out;
  if (cell == "-") return out;
  for (auto& one : split(cell, ',')) {
    auto dots = one.find("..");
    ClockPause p{date(one.substr(0, dots)), std::nullopt};
    if (dots + 2 < one.size()) p.to = date(one.substr(dots + 2));
    out.push_back(p);
  }
  return out;
}

}  // namespace

TEST(ServiceClock, TableOfCases) {
  auto cal = national_calendar();
  auto cases = load_cases("service_clock.tsv");
  ASSERT_GE(cases.size(), 12u);
  for (auto& c : cases) {
    ASSERT_EQ(c.size(), 11u) << c[0];
    ServiceClock clock{date(c[0]), std::stoi(c[1]), pauses(c[2]), std::nullopt};
    if (c[4] != "-") clock.finished = date(c[4]);
    ClockState st = evaluate_clock(clock, date(c[3]), cal);
    EXPECT_EQ(format_date(st.due), c[5]) << c[10];
    EXPECT_EQ(st.used, std::stoi(c[6])) << c[10];
    EXPECT_EQ(st.left, std::stoi(c[7])) << c[10];
    EXPECT_EQ(st.paused, c[8] == "yes") << c[10];
    EXPECT_EQ(st.breached, c[9] == "yes") << c[10];
    EXPECT_EQ(st.finished, c[4] != "-") << c[10];
  }
}

TEST(ServiceClock, LocalDayByRegionTimeZone) {
  auto cases = load_cases("service_clock_local_day.tsv");
  ASSERT_GE(cases.size(), 6u);
  for (auto& c : cases) {
    auto d = local_date(c[0], c[1]);
    EXPECT_EQ(d ? format_date(*d) : "-", c[2]) << c[3];
  }
}
