// The democracy-index rules against the tables in tests/fixtures/idi_*.tsv.
#include <gtest/gtest.h>
#include <fmt/format.h>

#include "core/strings.h"
#include "modules/democracy/rules.h"
#include "fixtures.h"

using namespace pantau;
using namespace pantau::democracy;

namespace {

std::vector<Indicator> new_indicators() {
  std::vector<Indicator> v;
  for (int n = 1; n <= 22; ++n) v.push_back({std::string(kNewMethod), n, std::string(new_aspect_of(n)), "", ""});
  return v;
}

double num(const std::string& s) { return std::stod(s); }

WeightSet weights(const std::string& aspects, const std::string& indicators) {
  WeightSet w;
  w.code = "T";
  w.source = "test";
  w.decided_on = "2026-01-01";
  auto a = split(aspects, ',');
  for (size_t i = 0; i < kNewAspects.size() && i < a.size(); ++i)
    if (a[i] != "-") w.aspect[std::string(kNewAspects[i])] = num(a[i]);
  auto parts = split(indicators, ';');
  std::map<std::string, int> count;
  for (int n = 1; n <= 22; ++n) ++count[std::string(new_aspect_of(n))];
  for (int n = 1; n <= 22; ++n) w.indicator[n] = 1.0 / count[std::string(new_aspect_of(n))];
  for (size_t i = 1; i < parts.size(); ++i) {
    auto kv = split(parts[i], '=');
    w.indicator[std::stoi(kv[0])] = num(kv[1]);
  }
  return w;
}

std::map<int, double> scores(const std::string& spec) {
  std::map<int, double> s;
  for (auto& part : split(spec, ';')) {
    auto kv = split(part, '=');
    if (kv[0] == "all") for (int n = 1; n <= 22; ++n) s[n] = num(kv[1]);
    else if (kv[0] == "skip") s.erase(std::stoi(kv[1]));
    else s[std::stoi(kv[0])] = num(kv[1]);
  }
  return s;
}

bool has_field(const std::vector<FieldError>& errs, const std::string& f) {
  for (auto& e : errs) if (e.field == f) return true;
  return false;
}

std::vector<ProposalRule> shipped_rules() {
  std::vector<ProposalRule> rules;
  for (auto& r : load_cases("idi_proposal_rules.tsv"))
    rules.push_back({std::stoll(r[0]), r[1], r[2], std::stoi(r[3]), std::stoi(r[4]), num(r[5]), true});
  return rules;
}

}  // namespace

TEST(DemocracyRules, CategoryBoundaries) {
  auto cases = load_cases("idi_categories.tsv");
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) {
    auto v = parse_value(c[0]);
    ASSERT_TRUE(v) << c[0];
    EXPECT_EQ(name(category_of(*v)), c[1]) << c[0] << ": " << c[2];
  }
}

TEST(DemocracyRules, ValueText) {
  auto cases = load_cases("idi_value_text.tsv");
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) {
    auto v = parse_value(c[0]);
    if (c[1] == "refused") EXPECT_FALSE(v) << "'" << c[0] << "': " << c[2];
    else {
      ASSERT_TRUE(v) << c[0] << ": " << c[2];
      EXPECT_EQ(*v, std::stoi(c[1])) << c[0];
    }
  }
  EXPECT_EQ(format_value(8040), "80.40");
  EXPECT_EQ(format_value(50), "0.50");
}

TEST(DemocracyRules, Aggregation) {
  auto cases = load_cases("idi_aggregation.tsv");
  ASSERT_GE(cases.size(), 8u);
  auto inds = new_indicators();
  for (auto& c : cases) {
    WeightSet w = weights(c[0], c[1]);
    auto errs = validate_weights(w, inds);
    if (c[3].rfind("refused", 0) == 0) {
      std::string f = c[3].substr(8);
      bool refused = has_field(errs, f);
      if (!refused && errs.empty()) {
        auto r = aggregate(w, inds, scores(c[2]));
        refused = !r.ok() && !r.error().fields.empty() && r.error().fields[0].field == f;
      }
      EXPECT_TRUE(refused) << c[4];
      continue;
    }
    ASSERT_TRUE(errs.empty()) << c[4] << ": " << errs[0].field << " " << errs[0].message.en;
    auto r = aggregate(w, inds, scores(c[2]));
    ASSERT_TRUE(r.ok()) << c[4];
    std::string got = fmt::format("{:.2f} {:.2f} {:.2f} {:.2f}", r->aspect["KEBEBASAN"], r->aspect["KESETARAAN"],
                                  r->aspect["KAPASITAS"], r->total);
    EXPECT_EQ(got, c[3]) << c[4];
  }
}

TEST(DemocracyRules, ShippedWeightsAreValid) {
  // data/idi_weights.csv as the seeder reads it: the default set must pass its own validation.
  WeightSet w = weights("0.3333,0.3333,0.3334", "equal");
  for (int n = 1; n <= 22; ++n) w.indicator[n] = n <= 14 ? (n == 7 || n == 14 ? 0.1426 : 0.1429) : 0.125;
  EXPECT_TRUE(validate_weights(w, new_indicators()).empty());
  w.source.clear();
  EXPECT_TRUE(has_field(validate_weights(w, new_indicators()), "source"));
}

TEST(DemocracyRules, ProvisionalIndicator) {
  auto cases = load_cases("idi_provisional.tsv");
  ASSERT_GE(cases.size(), 5u);
  for (auto& c : cases) {
    WeightSet w;
    w.positive_points = num(c[3]);
    w.negative_points = num(c[4]);
    double v = provisional_indicator(w, num(c[0]), {std::stoi(c[1]), std::stoi(c[2])});
    EXPECT_NEAR(v, num(c[5]), 1e-9) << c[6];
  }
}

TEST(DemocracyRules, ProposalsFromRecords) {
  auto rules = shipped_rules();
  ASSERT_EQ(rules.size(), 15u);
  for (auto& r : rules) EXPECT_TRUE(validate_rule(r).empty()) << r.id;
  auto cases = load_cases("idi_proposals.tsv");
  ASSERT_GE(cases.size(), 12u);
  for (auto& c : cases) {
    SourceRecord rec{c[0], c[1], c[2].empty() ? 0 : num(c[2])};
    std::string got;
    for (auto& p : propose(rules, rec)) got += (got.empty() ? "" : ";") + fmt::format("{}:{}", p.indicator_no, p.sign);
    EXPECT_EQ(got.empty() ? "-" : got, c[3]) << c[4];
  }
}

TEST(DemocracyRules, InactiveAndInvalidRules) {
  auto rules = shipped_rules();
  for (auto& r : rules) r.active = r.source_kind != "INCIDENT";
  EXPECT_TRUE(propose(rules, {"INCIDENT", "RELIGION", 0}).empty());
  ProposalRule bad{0, "TWEET", "", 23, 2, -1, true};
  auto errs = validate_rule(bad);
  EXPECT_TRUE(has_field(errs, "source_kind"));
  EXPECT_TRUE(has_field(errs, "indicator_no"));
  EXPECT_TRUE(has_field(errs, "sign"));
  EXPECT_TRUE(has_field(errs, "threshold"));
}
