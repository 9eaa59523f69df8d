// Rules of the public service desk against the tables in tests/fixtures/services_*.tsv.
#include <gtest/gtest.h>

#include "fixtures.h"
#include "modules/services/rules.h"

using namespace pantau;
using namespace pantau::services;

TEST(ServicesRules, WorkflowTable) {
  auto cases = load_cases("services_transitions.tsv");
  ASSERT_GE(cases.size(), 25u);
  for (auto& c : cases) {
    ASSERT_EQ(c.size(), 7u) << c[0];
    const Transition* t = find_transition(c[0], c[1], c[2]);
    if (c[3] == "-") {
      EXPECT_EQ(t, nullptr) << c[6];
      continue;
    }
    ASSERT_NE(t, nullptr) << c[6];
    EXPECT_EQ(t->to, c[3]) << c[6];
    EXPECT_EQ(t->actor == Actor::Applicant ? "applicant" : "staff", c[4]) << c[6];
    std::string clock = t->stops_clock ? "stop" : t->pauses ? "pause" : t->resumes ? "resume" : "-";
    EXPECT_EQ(clock, c[5]) << c[6];
    if (t->actor == Actor::Staff) EXPECT_FALSE(t->permission.empty()) << c[6];
  }
}

TEST(ServicesRules, EveryStatusIsReachableAndEveryWorkflowEnds) {
  for (auto kind : kKinds) {
    std::set<std::string_view> seen = {initial_status(kind)};
    bool grew = true;
    while (grew) {
      grew = false;
      for (auto& t : transitions())
        if (t.kind == kind && seen.count(t.from) && !seen.count(t.to)) grew = seen.insert(t.to).second;
    }
    for (auto& t : transitions())
      if (t.kind == kind) EXPECT_TRUE(seen.count(t.from)) << kind << " " << t.from << " is never reached";
    EXPECT_TRUE(std::any_of(transitions().begin(), transitions().end(),
                            [&](const Transition& t) { return t.kind == kind && t.stops_clock; }))
        << kind << " never stops its clock";
  }
}

TEST(ServicesRules, SkmIndexAndBand) {
  auto cases = load_cases("services_skm.tsv");
  ASSERT_GE(cases.size(), 8u);
  for (auto& c : cases) {
    std::vector<std::array<int, kSkmElements>> answers;
    if (c[0] != "-")
      for (auto& row : split(c[0], '|')) {
        ASSERT_EQ(row.size(), 9u) << c[3];
        std::array<int, kSkmElements> a{};
        for (size_t i = 0; i < 9; ++i) a[i] = row[i] - '0';
        answers.push_back(a);
      }
    SkmResult r = skm_index(answers);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", r.index);
    EXPECT_EQ(buf, c[1]) << c[3];
    EXPECT_EQ(std::string(1, r.band), c[2]) << c[3];
    EXPECT_FALSE(r.band_label.id.empty());
  }
}

TEST(ServicesRules, ResearchPermitDocuments) {
  auto cases = load_cases("services_documents.tsv");
  ASSERT_GE(cases.size(), 5u);
  for (auto& c : cases) {
    auto req = required_documents(c[0], c[1] == "yes");
    std::string got;
    for (auto d : req) got += (got.empty() ? "" : ",") + std::string(d);
    EXPECT_EQ(got, c[2]) << c[3];
    for (auto d : req)
      EXPECT_TRUE(std::any_of(document_types().begin(), document_types().end(), [&](auto& t) { return t.code == d; })) << d;
  }
  std::map<std::string, std::string> verdicts = {{"APPLICATION_LETTER", "OK"}, {"PROPOSAL", "REVISE"}, {"STATEMENT", "OK"},
                                                 {"IDENTITY", "OK"}};
  auto open = unsettled_documents(required_documents("INDIVIDUAL", false), verdicts);
  EXPECT_EQ(open, (std::vector<std::string>{"PROPOSAL", "PHOTO"}));
}

TEST(ServicesRules, Percentiles) {
  auto cases = load_cases("services_percentiles.tsv");
  for (auto& c : cases) {
    std::map<int, int64_t> h;
    if (c[0] != "-")
      for (auto& cell : split(c[0], ',')) {
        auto x = cell.find('x');
        h[std::stoi(cell.substr(0, x))] += std::stoll(cell.substr(x + 1));
      }
    EXPECT_EQ(percentile(h, 50), std::stoi(c[1])) << c[3];
    EXPECT_EQ(percentile(h, 90), std::stoi(c[2])) << c[3];
  }
}

TEST(ServicesRules, PublicTextAndContacts) {
  std::vector<FieldError> errs;
  EXPECT_EQ(clean_text("name", "  Siti Aminah ", true, 200, false, errs).value(), "Siti Aminah");
  EXPECT_TRUE(errs.empty());
  EXPECT_FALSE(clean_text("name", "a\x01" "b", true, 200, false, errs));
  EXPECT_EQ(errs.back().code, "invalid_text");
  EXPECT_FALSE(clean_text("name", "\xC3\x28", true, 200, false, errs));  // broken UTF-8
  EXPECT_EQ(errs.back().code, "invalid_text");
  EXPECT_FALSE(clean_text("name", std::string(201, 'a'), true, 200, false, errs));
  EXPECT_EQ(errs.back().code, "too_long");
  EXPECT_TRUE(clean_text("body", "baris satu\nbaris dua", true, 200, true, errs));
  EXPECT_FALSE(clean_text("name", "baris satu\nbaris dua", true, 200, false, errs));
  // Markup is text like any other: stored as written, escaped wherever it is shown.
  size_t before = errs.size();
  EXPECT_EQ(clean_text("name", "<script>alert(1)</script>", true, 200, false, errs).value(), "<script>alert(1)</script>");
  EXPECT_EQ(errs.size(), before);

  EXPECT_TRUE(valid_contact("siti@example.id"));
  EXPECT_TRUE(valid_contact("0812-3456-7890"));
  EXPECT_TRUE(valid_contact("+62 812 3456 7890"));
  EXPECT_FALSE(valid_contact("12345"));
  EXPECT_FALSE(valid_contact("a@b"));
  EXPECT_FALSE(valid_contact("\"x\"@example.id"));
  EXPECT_TRUE(valid_lapor_ref("4182736"));
  EXPECT_FALSE(valid_lapor_ref("LAPOR-1"));
}

TEST(ServicesRules, RegistrationNumbersAndSecrets) {
  std::string a = new_reg_no(kResearchPermit, 2026), b = new_reg_no(kResearchPermit, 2026);
  EXPECT_EQ(a.rfind("SKP-2026-", 0), 0u);
  EXPECT_EQ(a.size(), 18u);
  EXPECT_NE(a, b);
  EXPECT_EQ(normalize_reg_no(" skp-2026-ab12-cd34 "), "SKP-2026-AB12-CD34");
  EXPECT_EQ(normalize_reg_no("SKP-2026-AB12-CD34' OR 1=1"), "");
  std::string s = new_secret();
  EXPECT_EQ(s.size(), 12u);
  EXPECT_EQ(secret_hash(s), secret_hash(" " + s.substr(0, 6) + "-" + s.substr(6)));
  std::string lower;
  for (char ch : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_EQ(secret_hash(s), secret_hash(lower));
  EXPECT_NE(secret_hash(s), secret_hash(new_secret()));
}
