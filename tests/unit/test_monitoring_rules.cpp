#include <gtest/gtest.h>

#include "core/csv.h"
#include "core/fileio.h"
#include "fixtures.h"
#include "modules/monitoring/rules.h"

using namespace pantau;
using namespace pantau::monitoring;

namespace {

// The national holiday calendar shipped in data/ (what an administrator starts from).
WorkingDayCalendar shipped_calendar() {
  WorkingDayCalendar cal;
  auto text = read_text_file(std::string(PANTAU_DATA_DIR) + "/holidays.csv");
  EXPECT_TRUE(text.ok());
  auto t = parse_csv(*text);
  EXPECT_TRUE(t.ok());
  for (auto& r : t->rows) cal.add_day_off(*parse_date(r[0]));
  return cal;
}

auth::Scope actor(const std::string& region, const std::string& role) {
  auth::Scope s;
  s.user_id = 7;
  s.region_code = region;
  s.role = role;
  return s;
}

}  // namespace

TEST(Calendar, WorkingDays) {
  WorkingDayCalendar cal = shipped_calendar();
  EXPECT_FALSE(cal.is_working_day({2026, 11, 21}));  // Saturday
  EXPECT_FALSE(cal.is_working_day({2026, 3, 23}));   // cuti bersama Idul Fitri
  EXPECT_TRUE(cal.is_working_day({2026, 11, 23}));
  EXPECT_EQ(cal.working_days_between({2026, 3, 16}, {2026, 3, 27}), 4);  // 17, 25, 26, 27
}

TEST(DueDates, TableOfCases) {
  WorkingDayCalendar cal = shipped_calendar();
  auto cases = load_cases("due_dates.tsv");
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) {
    auto p = parse_period(c[0]);
    ASSERT_TRUE(p.ok()) << c[0];
    auto unit = parse_offset_unit(c[1]);
    ASSERT_TRUE(unit.ok()) << c[1];
    DueRule rule{*unit, std::stoi(c[2])};
    EXPECT_EQ(format_date(due_date(*p, rule, cal)), c[3]) << c[4];
  }
}

TEST(SubmissionWindow, AReportIsSentOnceItsPeriodIsOver) {
  auto cases = load_cases("report_submission_window.tsv");
  ASSERT_GE(cases.size(), 8u);
  for (auto& c : cases) {
    auto p = parse_period(c[0]);
    ASSERT_TRUE(p.ok()) << c[0];
    int days = std::stoi(c[1]);
    Status s = check_submission_window(*p, days, *parse_date(c[2]));
    EXPECT_EQ(s.ok() ? "ok" : s.error().code, c[3]) << c[5];
    EXPECT_EQ(format_date(submission_opens(*p, days)), c[4]) << c[5];
    if (!s.ok()) EXPECT_NE(s.error().message.en.find(c[4]), std::string::npos) << s.error().message.en;
  }
}

TEST(DueDates, DeadlineIsTheEndOfTheDayInTheRegionsTimeZone) {
  Date due{2026, 4, 10};
  // Kalimantan Selatan is WITA (UTC+8): 23:59:59.999 local is 15:59:59.999 UTC.
  EXPECT_EQ(format_iso(due_instant(due, "63.71")), "2026-04-10T15:59:59.999Z");
  EXPECT_EQ(format_iso(due_instant(due, "31")), "2026-04-10T16:59:59.999Z");     // Jakarta, WIB
  EXPECT_EQ(format_iso(due_instant(due, "91.01")), "2026-04-10T14:59:59.999Z");  // Papua, WIT
  auto due_t = due_instant(due, "63.71");
  auto now = *parse_iso("2026-04-20T00:00:00Z");
  EXPECT_EQ(timeliness(*parse_iso("2026-04-10T15:00:00Z"), due_t, now), Timeliness::OnTime);
  EXPECT_EQ(timeliness(*parse_iso("2026-04-10T16:30:00Z"), due_t, now), Timeliness::Late);
  EXPECT_EQ(timeliness(std::nullopt, due_t, now), Timeliness::Missing);
  EXPECT_EQ(timeliness(std::nullopt, due_t, *parse_iso("2026-04-01T00:00:00Z")), Timeliness::NotYetDue);
}

// A list compares the stored texts instead of parsing them: the answer must be what parsing gives,
// for the canonical form, the form without milliseconds, a leap second and a text that is no time.
TEST(DueDates, TimelinessFromTextIsTimelinessFromTime) {
  const std::vector<std::string> times = {"2026-04-10T15:59:59.999Z", "2026-04-10T16:00:00.000Z", "2026-04-10T16:00:00Z",
                                          "2026-04-10T15:59:60Z",     "2026-04-10T15:59:59Z",     "2026-04-09T23:00:00.500Z",
                                          "2026-04-10T15:59:59.9990Z", "2026-13-10T15:00:00.000Z", "kemarin"};
  for (const auto& due : times)
    for (const auto& now_text : {"2026-04-10T15:59:59.999Z", "2026-04-10T16:00:00.000Z", "2026-04-01T00:00:00.000Z"}) {
      TimePoint now = *parse_iso(now_text);
      auto due_t = parse_iso(due);
      std::optional<Timeliness> none_expected;
      if (due_t) none_expected = timeliness(std::nullopt, *due_t, now);
      EXPECT_EQ(timeliness_iso(due, std::nullopt, now_text, now), none_expected) << due << " at " << now_text;
      for (const auto& sub : times) {
        std::optional<Timeliness> expected;
        if (due_t) expected = timeliness(parse_iso(sub), *due_t, now);
        EXPECT_EQ(timeliness_iso(due, std::string_view(sub), now_text, now), expected) << sub << " due " << due;
      }
    }
  // `now` between two milliseconds after a due time of the same millisecond text: already missing.
  TimePoint due_t = *parse_iso("2026-04-10T15:59:59.999Z");
  TimePoint now = due_t + std::chrono::microseconds(500);
  EXPECT_EQ(timeliness_iso("2026-04-10T15:59:59.999Z", std::nullopt, format_iso(now), now), Timeliness::Missing);
  EXPECT_EQ(timeliness_iso("2026-04-10T15:59:59.999Z", std::nullopt, format_iso(due_t), due_t), Timeliness::NotYetDue);
}

TEST(Periods, ParseAndLabel) {
  auto q = parse_period("2026-Q2");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(format_date(q->start), "2026-04-01");
  EXPECT_EQ(format_date(q->end), "2026-06-30");
  EXPECT_EQ(period_label_id(*q), "Triwulan II 2026");
  EXPECT_EQ(next_period(*q).code, "2026-Q3");
  EXPECT_EQ(next_period(*parse_period("2026-Q4")).code, "2027-Q1");
  EXPECT_EQ(format_date(parse_period("2024-02")->end), "2024-02-29");
  EXPECT_EQ(period_containing(PeriodType::Quarterly, {2026, 11, 23}).code, "2026-Q4");
  for (const char* bad : {"2026-Q5", "2026-13", "26-Q1", "2026Q1", "2026-S3", "", "abcd"})
    EXPECT_FALSE(parse_period(bad).ok()) << bad;
}

static void run_transition_table(const char* file, bool reports) {
  auto cases = load_cases(file);
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) {
    ASSERT_EQ(c.size(), 7u) << c[0];
    auto who = actor(c[2], c[3]);
    std::string got;
    if (reports) {
      auto r = report_transition(*parse_report_status(c[0]), *parse_report_action(c[1]), who, c[4], c[5] == "yes");
      got = r.ok() ? std::string(name(*r)) : r.error().code;
    } else {
      auto r = event_transition(*parse_event_status(c[0]), *parse_event_action(c[1]), who, c[4], c[5] == "yes");
      got = r.ok() ? std::string(name(*r)) : r.error().code;
    }
    EXPECT_EQ(got, c[6]) << c[0] << " " << c[1] << " by " << c[3] << "@" << c[2] << " on " << c[4];
  }
}

TEST(ReportStateMachine, TableOfCases) { run_transition_table("report_transitions.tsv", true); }
TEST(EventStateMachine, TableOfCases) { run_transition_table("event_transitions.tsv", false); }
