#include <gtest/gtest.h>

#include "fixtures.h"
#include "modules/conflict/rules.h"

using namespace pantau;
using namespace pantau::conflict;

TEST(ConflictStages, TableOfCases) {
  auto cases = load_cases("conflict_stages.tsv");
  ASSERT_GE(cases.size(), 15u);
  for (auto& c : cases) {
    auto r = stage_transition(*parse_stage(c[0]), *parse_stage(c[1]), c[2] == "yes");
    EXPECT_EQ(r.ok() ? std::string(name(*r)) : r.error().code, c[3]) << c[0] << " -> " << c[1];
  }
}

// The checks of an incident as entered, against a fixed present moment (the table says which).
TEST(ConflictIncidents, ValidationTable) {
  auto cases = load_cases("conflict_incidents.tsv");
  ASSERT_GE(cases.size(), 15u);
  auto text = [](const std::string& v) { return v == "-" ? std::string() : v; };
  for (auto& c : cases) {
    ASSERT_EQ(c.size(), 12u) << c[0];
    IncidentInput in;
    in.region_code = text(c[0]);
    in.occurred_on = text(c[1]);
    in.occurred_time = text(c[2]);
    in.source = c[3];
    in.type_code = "CLASH";
    in.info_source = c[4];
    in.fatalities = std::stoi(c[5]);
    in.time_precision = std::stoi(c[6]);
    in.geo_precision = std::stoi(c[7]);
    if (c[8] != "-") in.lat = std::stod(c[8]);
    if (c[9] != "-") in.lng = std::stod(c[9]);
    std::string got;
    for (const auto& e : validate_incident(in, "2026-03-12T03:00:00Z"))
      got += (got.empty() ? "" : ",") + e.field + ":" + e.code;
    EXPECT_EQ(got.empty() ? "ok" : got, c[10]) << c[11];
  }
  IncidentInput long_text;
  long_text.region_code = "63.71";
  long_text.occurred_on = "2026-03-10";
  long_text.source = "SARA";
  long_text.info_source = "FIELD";
  long_text.description.assign(20001, 'x');
  auto errs = validate_incident(long_text, "2026-03-12T03:00:00Z");
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].field, "description");
}

TEST(ConflictStatus, DurationTable) {
  for (auto& c : load_cases("conflict_status.tsv")) {
    int days = std::stoi(c[1]);
    Status s = c[0] == "DECLARE" ? check_status_duration(days) : check_extension(days, c[2] == "yes");
    EXPECT_EQ(s.ok() ? "ok" : s.error().code, c[3]) << c[6];
    if (s.ok() || c[4] == "-") continue;
    // The field error names the request's field, so the screen can place the message there.
    ASSERT_EQ(s.error().fields.size(), 1u) << c[6];
    EXPECT_EQ(s.error().fields[0].field, c[4]) << c[6];
    EXPECT_NE(s.error().fields[0].message.en.find(c[5]), std::string::npos) << s.error().fields[0].message.en << " / " << c[6];
  }
}

TEST(ConflictScoring, TableOfCasesExplainsEveryColour) {
  Date today{2026, 11, 23};
  auto cases = load_cases("conflict_scoring.tsv");
  ASSERT_GE(cases.size(), 6u);
  for (auto& c : cases) {
    std::vector<IncidentFacts> incidents;
    if (c[0] != "-")
      for (auto& spec : split(c[0], ';')) {
        auto f = split(spec, ':');
        incidents.push_back({civil_from_days(days_from_civil(today) - std::stoi(f[0])), std::stoi(f[1]), std::stoi(f[2]),
                             std::stoi(f[3]), f[4] == "1"});
      }
    std::vector<Stage> hotspots;
    if (c[1] != "-")
      for (auto& s : split(c[1], ',')) hotspots.push_back(*parse_stage(s));
    Score sc = score_region(ScoringModel{}, today, incidents, hotspots);
    EXPECT_DOUBLE_EQ(sc.score, std::stod(c[2])) << c[5];
    EXPECT_EQ(sc.level, c[3]) << c[5];
    std::string codes;
    for (auto& f : sc.factors) codes += (codes.empty() ? "" : ",") + f.code;
    if (c[4] == "-") EXPECT_TRUE(sc.factors.empty()) << codes;
    else
      for (auto& want : split(c[4], ',')) EXPECT_NE(codes.find(want), std::string::npos) << want << " missing in " << codes << ": " << c[5];
    double sum = 0;
    for (auto& f : sc.factors) sum += f.points;
    EXPECT_NEAR(sum, sc.score, 0.051) << "the factors add up to the score: " << c[5];
  }
}

TEST(ConflictAlerts, IncidentSurgeAgainstTheRegionsOwnBaseline) {
  Date today{2026, 11, 23};
  auto ago = [&](int d) { return civil_from_days(days_from_civil(today) - d); };
  AlertRule rule{"INCIDENT_SURGE", 7, 2.0, 3, 90};
  EXPECT_TRUE(incident_surge(rule, today, {ago(0), ago(1), ago(2)}));          // quiet region, three at once
  EXPECT_FALSE(incident_surge(rule, today, {ago(0), ago(1)}));                 // below the minimum
  std::vector<Date> busy;
  for (int d = 7; d < 97; ++d) busy.push_back(ago(d));                         // one a day is this region's normal
  busy.insert(busy.end(), {ago(1), ago(2), ago(3)});
  EXPECT_FALSE(incident_surge(rule, today, busy));
  std::vector<Date> rising;
  for (int d = 7; d < 97; d += 5) rising.push_back(ago(d));                    // 18 in 90 days: 1.4 a week
  for (int d = 0; d < 5; ++d) rising.push_back(ago(d));                        // 5 this week
  auto why = incident_surge(rule, today, rising);
  ASSERT_TRUE(why);
  EXPECT_NE(why->id.find("5 insiden"), std::string::npos);
  EXPECT_TRUE(fatality({today, 1, 0, 0, false}));
  EXPECT_FALSE(fatality({today, 0, 4, 0, true}));
  EXPECT_TRUE(hotspot_escalated(Stage::Latent, Stage::Escalating));
  EXPECT_FALSE(hotspot_escalated(Stage::Open, Stage::Escalating));  // de-escalation is not an alert
  EXPECT_EQ(police_group("NATURAL_RESOURCE_DISTRIBUTION"), "SDA");
  EXPECT_EQ(police_group("BOUNDARY"), "BATAS_WILAYAH");
}

TEST(ConflictAlerts, RuleRecipientsAndParametersTable) {
  auto cases = load_cases("conflict_alert_rules.tsv");
  ASSERT_GE(cases.size(), 15u);
  for (auto& c : cases) {
    if (c[0] == "RECIPIENTS") {
      std::string got;
      for (auto& o : alert_recipients(c[1], c[2])) got += (got.empty() ? "" : ",") + (o.empty() ? std::string("-") : o);
      EXPECT_EQ(got, c[3]) << c[4];
    } else {
      AlertRule r;
      r.code = c[1];
      r.target_tier = c[2];
      r.days = std::stoi(c[3]);
      r.factor = std::stod(c[4]);
      r.min_incidents = std::stoi(c[5]);
      r.baseline_days = std::stoi(c[6]);
      r.response_days = std::stoi(c[7]);
      auto errs = validate_alert_rule(r);
      std::string got = errs.empty() ? "ok" : errs.front().field;
      EXPECT_EQ(got, c[8]) << c[9];
      if (c[8] != "ok") EXPECT_EQ(errs.size(), 1u) << c[9];
    }
  }
}

TEST(ConflictIncidents, FutureDatesUseTheRegionsLocalDay) {
  auto cases = load_cases("conflict_local_day.tsv");
  ASSERT_GE(cases.size(), 8u);
  for (auto& c : cases) {
    bool future = incident_in_future(c[0], *parse_date(c[1]), c[2] == "-" ? "" : c[2], c[3]);
    EXPECT_EQ(future ? "future" : "ok", c[4]) << c[5];
  }
  EXPECT_TRUE(valid_time_of_day(""));
  EXPECT_TRUE(valid_time_of_day("23:59"));
  EXPECT_FALSE(valid_time_of_day("24:00"));
  EXPECT_FALSE(valid_time_of_day("7:30"));
  EXPECT_FALSE(valid_time_of_day("07:60"));
}
