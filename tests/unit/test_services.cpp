// Rules of the public service desk against the tables in tests/fixtures/services_*.tsv.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "fixtures.h"
#include "core/fileio.h"
#include "modules/services/assessment.h"
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

TEST(ServicesRules, ResultReportDueAndOverdue) {
  auto cases = load_cases("services_result_report.tsv");
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) {
    ASSERT_EQ(c.size(), 7u) << c[0];
    if (c[0] == "due") {
      WorkingDayCalendar cal;
      if (c[4] != "-")
        for (auto& h : split(c[4], ',')) cal.add_day_off(*parse_date(h));
      std::optional<Date> end = c[1] == "-" ? std::nullopt : parse_date(c[1]);
      EXPECT_EQ(format_date(result_report_due(end, *parse_date(c[2]), std::stoi(c[3]), cal)), c[5]) << c[6];
    } else {
      EXPECT_EQ(result_report_overdue(*parse_date(c[1]), *parse_date(c[2]), c[3]) ? "yes" : "no", c[4]) << c[6];
    }
  }
}

TEST(ServicesRules, TheLetterPrintsTheResultReportDateFixedAtIssue) {
  // Issued with the stored due date: that date, in Indonesian words.
  EXPECT_EQ(result_report_condition(Date{2027, 2, 12}),
            "(3) menyampaikan laporan hasil penelitian kepada Badan Kesatuan Bangsa dan Politik paling lambat tanggal 12 Februari 2027.");
  // Letters issued before the date was stored keep their wording, byte for byte.
  EXPECT_EQ(result_report_condition(std::nullopt),
            "(3) menyampaikan laporan hasil penelitian kepada Badan Kesatuan Bangsa dan Politik paling lambat satu bulan setelah penelitian selesai.");
}

TEST(ServicesRules, SelfAssessmentScoreAndZone) {
  const std::string data = std::string(PANTAU_FIXTURES_DIR) + "/../../data/";
  auto cl = parse_checklist(*read_text_file(data + "ombudsman_checklist.tsv"), *read_text_file(data + "ombudsman_zones.tsv"));
  ASSERT_TRUE(cl.ok()) << cl.error().message.en;
  ASSERT_EQ(cl->dimensions.size(), 4u);
  auto cases = load_cases("services_self_assessment.tsv");
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) {
    ASSERT_EQ(c.size(), 4u) << c[0];
    std::map<std::string, std::string> answers;
    if (c[0] != "-")
      for (auto& rule : split(c[0], ';')) {
        auto eq = rule.find('=');
        std::string who = rule.substr(0, eq), what = rule.substr(eq + 1);
        for (auto& i : cl->items)
          if (who == "*" || who == i.dimension || who == i.code) answers[i.code] = what;
      }
    AssessmentScore s = score_assessment(*cl, answers);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", s.total);
    EXPECT_EQ(buf, c[1]) << c[3];
    EXPECT_EQ(s.zone, c[2]) << c[3];
  }
  // Bad data is refused with the line named.
  EXPECT_FALSE(parse_checklist("level\tcode\tdimension\tweight\ttext_id\ttext_en\tsource\tconfidence\n"
                               "DIMENSION\tA\tA\t50\ta\ta\ts\tC\nITEM\tA1\tA\t1\ta\ta\ts\tU\n",
                               "zone\tmin_score\tlabel_id\tlabel_en\tsource\tconfidence\nMERAH\t0\tm\tm\ts\tU\n").ok())
      << "dimension weights must add up to 100";
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

// ---- the store on both databases -----------------------------------------------------------

#include <rapidjson/document.h>

#include "http/handler.h"
#include "modules/services/store.h"
#include "store_fixture.h"

namespace {

// The queue and the recap as the API answers them.
std::string queue_json(db::Conn& c, const auth::Scope& s, const QueueFilter& f) { return http::items_json(queue(c, s, f)); }
std::string recap_json(db::Conn& c, const auth::Scope& s, int year) { return to_json(recap(c, s, year)); }

class ServicesStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    bjm = user_in("63.71", "OPERATOR");
    bjm_head = user_in("63.71", "KABAN", 2);
    prov = user_in("63", "KABID", 1);
    other = user_in("63.72", "OPERATOR");
    Status s = db_->write([&](db::Conn& c) -> Status {
      for (auto [kind, sla, ack] : std::vector<std::tuple<std::string_view, int, int>>{
               {kComplaint, 60, 14}, {kInfoRequest, 10, 0}, {kInfoObjection, 30, 0}, {kResearchPermit, 5, 0}})
        c.exec("INSERT INTO svc_services (org_unit_id, region_code, kind, name_id, name_en, sla_working_days, ack_working_days, updated_at) "
               "VALUES (?, '63.71', ?, 'Layanan', 'Service', ?, ?, ?)",
               {bjm.org_unit_id, std::string(kind), int64_t{sla}, int64_t{ack}, now_iso()});
      return {};
    });
    ASSERT_TRUE(s.ok());
  }
  Result<Submitted> submit(const CaseInput& in, const auth::Scope* staff = nullptr) {
    return db_->write_value<Submitted>([&](db::Conn& c) { return submit_case(c, in, staff); });
  }
  CaseInput complaint() {
    CaseInput in;
    in.kind = kComplaint;
    in.office_region = "63.71";
    in.applicant_name = "Warga";
    in.subject = "Antrean";
    in.body = "Lama";
    return in;
  }
  auth::Scope bjm, bjm_head, prov, other;
};

TEST_P(ServicesStoreTest, TrackingNeedsTheSecretAndTheQueueIsScoped) {
  auto s = submit(complaint());
  ASSERT_TRUE(s.ok()) << s.error().message.en;
  std::optional<int64_t> found, wrong, unknown;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    found = find_by_secret(c, s->reg_no, s->secret);
    wrong = find_by_secret(c, s->reg_no, "AAAAAAAAAAAA");
    unknown = find_by_secret(c, "ADU-2026-ZZZZ-ZZZZ", s->secret);
  }).ok());
  EXPECT_EQ(found, s->id);
  EXPECT_FALSE(wrong);
  EXPECT_FALSE(unknown);
  std::string mine, theirs, province;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    mine = queue_json(c, bjm, {});
    theirs = queue_json(c, other, {});
    province = queue_json(c, prov, {});
  }).ok());
  EXPECT_NE(mine.find(s->reg_no), std::string::npos);
  EXPECT_NE(province.find(s->reg_no), std::string::npos);
  EXPECT_EQ(theirs.find(s->reg_no), std::string::npos);
  // Another kab/kota cannot register for Banjarmasin, nor act on its requests.
  EXPECT_EQ(submit(complaint(), &other).error().kind, ErrorKind::Forbidden);
  auto step = db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, other, s->id, {"ACKNOWLEDGE", 1}); });
  EXPECT_EQ(step.error().kind, ErrorKind::NotFound);
}

TEST_P(ServicesStoreTest, AnsweringStoresTheWorkingDaysUsedAndOnlyWaitingForTheApplicantPauses) {
  auto s = submit(complaint());
  ASSERT_TRUE(s.ok());
  int64_t v = 1;
  for (std::string action : {"ACKNOWLEDGE", "PROCESS"}) {
    auto r = db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, bjm, s->id, {action, v}); });
    ASSERT_TRUE(r.ok()) << action << ": " << r.error().message.en;
    v = *r;
  }
  // A stale version is refused and changes nothing.
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, bjm, s->id, {"ANSWER", 1}); }).error().kind,
            ErrorKind::PreconditionFailed);
  StepInput ask{"ASK_APPLICANT", v};
  ask.public_note = "Mohon lampirkan bukti.";
  auto r = db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, bjm, s->id, ask); });
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM svc_pauses WHERE case_id = ? AND to_date IS NULL", {s->id}), 1);
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return applicant_step(c, s->id, "COMPLETE", "Terlampir", {}); }).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM svc_pauses WHERE case_id = ? AND to_date IS NOT NULL", {s->id}), 1);
  // The applicant cannot take staff steps.
  EXPECT_FALSE(db_->write([&](db::Conn& c) { return applicant_step(c, s->id, "CLOSE", "", {}); }).ok());
  // Answering needs record.review: not the operator, the head.
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, bjm, s->id, {"ANSWER", *r + 1}); }).error().kind,
            ErrorKind::Forbidden);
  auto answered = db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, bjm_head, s->id, {"ANSWER", *r + 1}); });
  ASSERT_TRUE(answered.ok()) << answered.error().message.en;
  // Answered the same local day: no working day used, on time; the recap counts it.
  EXPECT_EQ(count("SELECT used_wd FROM svc_cases WHERE id = ?", {s->id}), 0);
  EXPECT_EQ(count("SELECT on_time FROM svc_cases WHERE id = ?", {s->id}), 1);
  std::string recap;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { recap = recap_json(c, prov, office_today("63.71").year); }).ok());
  EXPECT_NE(recap.find(R"("kind":"COMPLAINT","received":1,"finished":1,"on_time":1,"late":0,"average_working_days":0.0,"median_working_days":0,)"),
            std::string::npos) << recap;
  // The survey once.
  std::array<int, kSkmElements> scores{4, 4, 4, 4, 4, 4, 4, 4, 3};
  EXPECT_TRUE(db_->write([&](db::Conn& c) { return submit_survey(c, s->id, scores, ""); }).ok());
  EXPECT_EQ(db_->write([&](db::Conn& c) { return submit_survey(c, s->id, scores, ""); }).error().kind, ErrorKind::Conflict);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'svc_case' AND entity_id = ?", {std::to_string(s->id)}), 5);
}

// The recap is read from counts kept when requests are registered and finished; it must agree
// with every request's own clock (weekends, holidays, cuti bersama, waits for the applicant),
// and a holiday added afterwards does not rewrite what was finished.
TEST_P(ServicesStoreTest, TheRecapAgreesWithEveryRequestsOwnClock) {
  const Date today = office_today("63.71");
  auto back = [&](int days) { return civil_from_days(days_from_civil(today) - days); };
  ASSERT_EQ(count("SELECT COUNT(*) FROM holidays"), 0);
  WorkingDayCalendar cal;  // the test's own calendar: weekends, and these days off
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    for (auto [d, kind] : std::vector<std::pair<int, const char*>>{{3, "NATIONAL"}, {9, "CUTI_BERSAMA"}, {10, "NATIONAL"}, {24, "NATIONAL"}}) {
      c.exec("INSERT INTO holidays (date, kind, name_id, name_en) VALUES (?, ?, 'Libur uji', 'Test holiday')", {format_date(back(d)), std::string(kind)});
      cal.add_day_off(back(d));
    }
    return {};
  }).ok());
  struct Plan {
    std::string_view kind;
    int start_back;
    std::vector<std::pair<int, int>> pauses;  // days back: the office asked, the applicant answered
  };
  const std::vector<Plan> plans = {
      {kInfoRequest, 0, {}},   {kInfoRequest, 4, {}},   {kInfoRequest, 12, {}},  {kInfoRequest, 15, {}},
      {kInfoRequest, 21, {}},  {kInfoRequest, 30, {}},  {kComplaint, 2, {}},     {kComplaint, 40, {{30, 20}}},
      {kComplaint, 70, {}},    {kComplaint, 95, {{80, 60}, {40, 39}}},          {kComplaint, 100, {{99, 10}}},
      {kComplaint, 120, {}},
  };
  struct Expected {
    int64_t n = 0, on_time = 0, sum = 0;
    std::map<int, int64_t> hist;
  };
  std::map<std::string, Expected> expected;
  for (const auto& plan : plans) {
    CaseInput in = complaint();
    in.kind = std::string(plan.kind);
    auto sub = submit(in);
    ASSERT_TRUE(sub.ok()) << sub.error().message.en;
    // Registered `start_back` days ago, with its waits for the applicant.
    Date start = back(plan.start_back);
    ServiceClock clock{start, plan.kind == kComplaint ? 60 : 10, {}, today};
    ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
      c.exec("UPDATE svc_cases SET start_date = ?, received_at = ? WHERE id = ?", {format_date(start), format_date(start) + "T02:00:00.000Z", sub->id});
      int64_t seq = 0;
      for (auto [from, to] : plan.pauses) {
        c.exec("INSERT INTO svc_pauses (case_id, seq, from_date, to_date, reason) VALUES (?, ?, ?, ?, 'Kelengkapan')",
               {sub->id, ++seq, format_date(back(from)), format_date(back(to))});
        clock.pauses.push_back({back(from), back(to)});
      }
      return {};
    }).ok());
    int64_t v = 1;
    std::vector<std::string> steps = plan.kind == kComplaint ? std::vector<std::string>{"ACKNOWLEDGE", "PROCESS", "ANSWER"}
                                                             : std::vector<std::string>{"ANSWER"};
    for (const auto& action : steps) {
      StepInput st{action, v};
      if (plan.kind == kInfoRequest) st.response_type = "GRANTED_FULL";
      auto r = db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, action == "ANSWER" ? bjm_head : bjm, sub->id, st); });
      ASSERT_TRUE(r.ok()) << action << ": " << r.error().message.en;
      v = *r;
    }
    // The request's own clock, evaluated apart from the store.
    ClockState own = evaluate_clock(clock, today, cal);
    EXPECT_EQ(count("SELECT used_wd FROM svc_cases WHERE id = ?", {sub->id}), own.used) << plan.kind << " " << plan.start_back;
    auto& e = expected[std::string(plan.kind)];
    e.n += 1;
    e.on_time += own.breached ? 0 : 1;
    e.sum += own.used;
    e.hist[own.used] += 1;
  }
  ASSERT_GT(expected[std::string(kInfoRequest)].n - expected[std::string(kInfoRequest)].on_time, 0) << "some requests are late";
  ASSERT_GT(expected[std::string(kComplaint)].on_time, 0);
  auto check = [&](const std::string& when) {
    Recap r;
    ASSERT_TRUE(db_->read([&](db::Conn& c) { r = recap(c, prov, today.year); }).ok());
    for (auto& [kind, e] : expected) {
      auto it = std::find_if(r.items.begin(), r.items.end(), [&](const RecapRow& x) { return x.region_code == "63.71" && x.kind == kind; });
      ASSERT_NE(it, r.items.end()) << kind << " " << when;
      EXPECT_EQ(it->received, e.n) << kind << " " << when;
      EXPECT_EQ(it->finished, e.n) << kind << " " << when;
      EXPECT_EQ(it->on_time, e.on_time) << kind << " " << when;
      EXPECT_EQ(it->average_working_days, std::round(static_cast<double>(e.sum) * 10.0 / static_cast<double>(e.n)) / 10.0) << kind << " " << when;
      EXPECT_EQ(it->median_working_days, percentile(e.hist, 50)) << kind << " " << when;
      EXPECT_EQ(it->p90_working_days, percentile(e.hist, 90)) << kind << " " << when;
    }
    // Another office's staff see none of it.
    ASSERT_TRUE(db_->read([&](db::Conn& c) { r = recap(c, other, today.year); }).ok());
    EXPECT_TRUE(std::none_of(r.items.begin(), r.items.end(), [](const RecapRow& x) { return x.region_code == "63.71"; })) << when;
  };
  check("at once");
  // A holiday added later does not change the history of finished requests.
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("INSERT INTO holidays (date, kind, name_id, name_en) VALUES (?, 'NATIONAL', 'Libur baru', 'New holiday')", {format_date(back(14))});
    return {};
  }).ok());
  check("after a new holiday");
  // Rebuilding the counts from the requests gives the same recap.
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    rebuild_times(c);
    return {};
  }).ok());
  check("after a rebuild");
}

TEST_P(ServicesStoreTest, AnObjectionNeedsTheRequestsSecretAndTheExtensionAddsSevenDays) {
  CaseInput req;
  req.kind = kInfoRequest;
  req.office_region = "63.71";
  req.applicant_name = "Ahmad";
  req.subject = "Data ormas";
  req.body = "Kajian";
  auto s = submit(req);
  ASSERT_TRUE(s.ok());
  StepInput ext{"EXTEND", 1};
  ext.public_note = "Sedang dihimpun.";
  ASSERT_TRUE(db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, bjm, s->id, ext); }).ok());
  EXPECT_EQ(count("SELECT limit_wd FROM svc_cases WHERE id = ?", {s->id}), 17);
  CaseInput obj;
  obj.kind = kInfoObjection;
  obj.office_region = "63.71";
  obj.applicant_name = "Ahmad";
  obj.subject = "Keberatan";
  obj.body = "Tidak dijawab";
  obj.parent_reg_no = s->reg_no;
  obj.parent_secret = "WRONGWRONG12";
  EXPECT_EQ(submit(obj).error().kind, ErrorKind::Invalid);
  obj.parent_secret = s->secret;
  auto o = submit(obj);
  ASSERT_TRUE(o.ok()) << o.error().message.en;
  // Only the head (record.approve) decides; the operator's scope has no such permission.
  StepInput decide{"DECIDE", 1};
  decide.decision = "UPHELD";
  decide.public_note = "Informasi diberikan.";
  auto head = db_->write_value<int64_t>([&](db::Conn& c) { return staff_step(c, bjm_head, o->id, decide); });
  ASSERT_TRUE(head.ok()) << head.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM svc_cases WHERE id = ? AND status = 'DECIDED' AND finished_date IS NOT NULL", {o->id}), 1);
}

TEST_P(ServicesStoreTest, UserTextInAnAuditSnapshotStaysOneField) {
  // A title that would close the string and add a field if the snapshot were built as text.
  InfoItem it;
  it.info_class = "BERKALA";
  it.title = "Daftar \"ormas\", \\ dan\tkegiatan\",\"class\":\"DIKECUALIKAN";
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return add_info_item(c, bjm, it); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  std::string after;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    after = c.query_str("SELECT after_json FROM audit_log WHERE entity = 'svc_info_item' AND entity_id = ?", {std::to_string(*id)})
                .value_or("");
  }).ok());
  rapidjson::Document d;
  ASSERT_FALSE(d.Parse(after.c_str()).HasParseError()) << after;
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d.MemberCount(), 2u) << after;
  EXPECT_EQ(std::string(d["class"].GetString()), "BERKALA");
  EXPECT_EQ(std::string(d["title"].GetString()), it.title);
  // The staff list answers the same title, byte for byte.
  std::vector<InfoEntry> list;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { list = info_list(c, bjm); }).ok());
  ASSERT_EQ(list.size(), 1u);
  rapidjson::Document j;
  ASSERT_FALSE(j.Parse(to_json(list[0]).c_str()).HasParseError());
  EXPECT_EQ(std::string(j["title"].GetString()), it.title);
  EXPECT_EQ(std::string(j["class"].GetString()), "BERKALA");
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, ServicesStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });
