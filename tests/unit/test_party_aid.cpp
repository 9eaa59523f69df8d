// Party aid (banpol): its rules by tables (tests/fixtures/party_aid_*.tsv), and its store on
// both databases (values per vote, election results import, boards, allocations, applications,
// the LPJ cycle and its sanction, scoping, audit rows).
#include <gtest/gtest.h>

#include <algorithm>

#include "fixtures.h"
#include "documents/register.h"
#include "modules/party_aid/rules.h"

using namespace pantau;

// What the document register hands a renderer (tests/unit/test_documents.cpp covers the register).
static const documents::Stamp kStamp{"900.1.3/0001/Kesbangpol/2025", "kode-uji", "http://127.0.0.1:8080/verifikasi/kode-uji",
                                     false, Clock::now()};
using namespace pantau::party_aid;

namespace {

std::optional<Date> date_or_none(const std::string& s) {
  if (s == "-") return std::nullopt;
  auto d = parse_date(s);
  EXPECT_TRUE(d) << s;
  return d;
}

// "PDIP:145613:1;GOLKAR:75106:1" -> results ('?' votes = unknown; '-' = none).
std::vector<PartyVotes> results_of(const std::string& list) {
  std::vector<PartyVotes> out;
  if (list == "-") return out;
  int64_t number = 0;
  for (const auto& item : split(list, ';')) {
    auto f = split(item, ':');
    EXPECT_EQ(f.size(), 3u) << item;
    if (f.size() != 3) continue;
    PartyVotes v;
    v.party_number = ++number;
    v.abbreviation = f[0];
    if (f[1] != "?") v.votes = *parse_int64(f[1]);
    v.seats = *parse_int64(f[2]);
    out.push_back(v);
  }
  return out;
}

std::string lines_of(const Allocation& a) {
  std::string out;
  for (const auto& l : a.lines) {
    if (!out.empty()) out += ";";
    out += std::string(name(l.stage)) + ":" + l.abbreviation + ":" + std::to_string(l.months) +
           ":" + (l.amount ? std::to_string(*l.amount) : "?");
  }
  return out;
}

TEST(BanpolRules, AmountTable) {
  auto rows = load_cases("party_aid_amounts.tsv");
  ASSERT_GE(rows.size(), 15u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 7u);
    auto value = parse_value_sen(r[1]);
    ASSERT_TRUE(value) << r[1];
    auto mode = parse_rounding(r[3]);
    ASSERT_TRUE(mode) << r[3];
    std::string applied;
    int64_t got = aid_amount(*parse_int64(r[0]), *value, static_cast<int>(*parse_int64(r[2])),
                             *mode, &applied);
    EXPECT_EQ(std::to_string(got), r[4]) << r[6];
    EXPECT_EQ(applied, r[5]) << r[6];
  }
}

TEST(BanpolRules, TransitionMonthsTable) {
  auto rows = load_cases("party_aid_months.tsv");
  ASSERT_GE(rows.size(), 8u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 3u);
    auto d = parse_date(r[0]);
    ASSERT_TRUE(d) << r[0];
    MonthSplit s = split_months(*d);
    EXPECT_EQ(std::to_string(s.months_old), r[1]) << r[0];
    EXPECT_EQ(std::to_string(s.months_new), r[2]) << r[0];
  }
}

TEST(BanpolRules, AllocationTable) {
  auto rows = load_cases("party_aid_allocations.tsv");
  ASSERT_GE(rows.size(), 5u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 9u);
    auto value = parse_value_sen(r[1]);
    auto mode = parse_rounding(r[2]);
    ASSERT_TRUE(value && mode) << r[8];
    Allocation a = r[0] == "-" ? allocate(results_of(r[4]), *value, *mode)
                               : allocate_transition(results_of(r[3]), results_of(r[4]), *value,
                                                     *parse_date(r[0]), *mode);
    EXPECT_EQ(std::to_string(a.total), r[5]) << r[8];
    EXPECT_EQ(std::to_string(a.lines_missing_votes), r[6]) << r[8];
    EXPECT_EQ(lines_of(a), r[7]) << r[8];
  }
}

TEST(BanpolRules, ValuePerVoteText) {
  EXPECT_EQ(parse_value_sen("8000"), 800000);
  EXPECT_EQ(parse_value_sen("108.5"), 10850);
  EXPECT_EQ(parse_value_sen("108.05"), 10805);
  for (const char* bad : {"", "0", "0.00", "1.200.000", "108.505", "12a", "-5", "108.", ".5"})
    EXPECT_FALSE(parse_value_sen(bad)) << bad;
  EXPECT_EQ(format_value(800000), "8000");
  EXPECT_EQ(format_value(10850), "108.50");
  EXPECT_EQ(format_value(10805), "108.05");
}

TEST(BanpolRules, VoteValueTable) {
  auto rows = load_cases("party_aid_values.tsv");
  ASSERT_GE(rows.size(), 12u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 10u);
    VoteValueFacts f;
    f.basis = r[0];
    f.value_sen = parse_value_sen(r[1]).value_or(0);
    if (r[2] != "-") f.default_sen = parse_value_sen(r[2]);
    f.fiscal_year = *parse_int64(r[3]);
    f.election_year = *parse_int64(r[4]);
    if (r[5] != "-") f.approval_letter_no = r[5];
    f.inauguration = date_or_none(r[6]);
    if (r[7] != "-") f.previous_election_year = parse_int64(r[7]);
    Status st = check_vote_value(f);
    std::string shown =
        st.ok() ? "ok" : st.error().fields.at(0).field + ":" + st.error().fields.at(0).code;
    EXPECT_EQ(shown, r[8]) << r[9];
  }
}

TEST(BanpolRules, ChamberOfRegion) {
  EXPECT_EQ(chamber_of("").value_or("none"), "DPR");
  EXPECT_EQ(chamber_of("64").value_or("none"), "DPRD_PROVINSI");
  EXPECT_EQ(chamber_of("64.02").value_or("none"), "DPRD_KABKOTA");
  EXPECT_FALSE(chamber_of("64.02.01"));
  EXPECT_FALSE(chamber_of("6402"));
}

TEST(BanpolRules, UsagePlanTable) {
  auto rows = load_cases("party_aid_usage.tsv");
  ASSERT_GE(rows.size(), 8u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 6u);
    std::vector<UsageLine> lines;
    if (r[0] != "-")
      lines.push_back({"POLITICAL_EDUCATION", "Pendidikan politik", *parse_int64(r[0])});
    if (r[1] != "-")
      lines.push_back({"OPERATIONAL", "Operasional sekretariat", *parse_int64(r[1])});
    std::optional<int64_t> expected_total;
    if (r[3] != "-") expected_total = *parse_int64(r[3]);
    auto got = check_usage_plan(lines, static_cast<int>(*parse_int64(r[2])), expected_total);
    std::string shown = got.ok() ? "ok:" + std::to_string(got->share_basis_points) + ":" +
                                       (got->meets_minimum ? "yes" : "no")
                                 : got.error().fields.at(0).code;
    EXPECT_EQ(shown, r[4]) << r[5];
  }
  auto unknown = check_usage_plan({{"TRAVEL", "Perjalanan", 100}}, 60);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().fields.at(0).field, "lines[0].category");
}

TEST(BanpolRules, EligibilityTable) {
  auto rows = load_cases("party_aid_eligibility.tsv");
  ASSERT_GE(rows.size(), 8u);
  const std::map<std::string, BoardState> boards = {{"RECOGNISED", BoardState::Recognised},
                                                    {"DISPUTED", BoardState::Disputed},
                                                    {"EXPIRED", BoardState::Expired},
                                                    {"NONE", BoardState::None}};
  const std::map<std::string, PreviousLpj> lpjs = {{"AUDITED", PreviousLpj::Audited},
                                                   {"NOT_AUDITED", PreviousLpj::NotAudited},
                                                   {"NOT_REQUIRED", PreviousLpj::NotRequired}};
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 6u);
    EligibilityInput in{*parse_int64(r[0]), boards.at(r[1]), lpjs.at(r[2]), r[3] == "yes"};
    Eligibility e = check_eligibility(in);
    std::string reasons;
    for (const auto& c : e.reasons) reasons += (reasons.empty() ? "" : ",") + c;
    std::string where = r[0] + " " + r[1] + " " + r[2] + " " + r[3];
    EXPECT_EQ(name(e.outcome), r[4]) << where;
    EXPECT_EQ(reasons.empty() ? "-" : reasons, r[5]) << where;
    EXPECT_EQ(e.messages.size(), e.reasons.size());
  }
}

TEST(BanpolRules, ApplicationTransitionTable) {
  auto rows = load_cases("party_aid_transitions.tsv");
  ASSERT_GE(rows.size(), 20u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 5u);
    auto from = parse_app_state(r[0]);
    auto action = parse_app_action(r[1]);
    ASSERT_TRUE(from && action) << r[0] << " " << r[1];
    TransitionFacts f;
    if (r[2] != "-")
      for (const auto& fact : split(r[2], ',')) {
        if (fact == "docs_incomplete")
          f.documents_complete = false;
        else if (fact == "plan_below")
          f.usage_plan_ok = false;
        else if (fact == "sanction")
          f.sanction_active = true;
        else if (fact == "disputed")
          f.board_disputed = true;
        else if (fact == "no_sp2d")
          f.has_sp2d = false;
        else if (fact == "no_reason")
          f.has_reason = false;
        else
          ADD_FAILURE() << "unknown fact " << fact;
      }
    if (r[3] != "-") f.held_from = parse_app_state(r[3]);
    auto got = app_transition(*from, *action, f);
    EXPECT_EQ(got.ok() ? std::string(name(*got)) : got.error().code, r[4])
        << r[0] << " " << r[1] << " " << r[2];
  }
}

TEST(BanpolRules, VerificationTeamTable) {
  auto rows = load_cases("party_aid_team.tsv");
  ASSERT_GE(rows.size(), 12u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 4u) << r[0];
    VerificationTeam team;
    team.decree_no = r[0] == "-" ? "" : r[0];
    if (r[1] != "-")
      for (const auto& spec : split(r[1], ';')) {
        std::string one = spec;
        int times = 1;
        if (auto star = one.find('*'); star != std::string::npos) {
          times = std::stoi(one.substr(0, star));
          one = one.substr(star + 1);
        }
        auto f = split(one, '|');
        ASSERT_EQ(f.size(), 3u) << spec;
        for (int i = 0; i < times; ++i)
          team.members.push_back({f[1] == "-" ? "" : f[1], f[2] == "-" ? "" : f[2], "", f[0]});
      }
    std::string got;
    for (const auto& e : check_verification_team(team))
      got += (got.empty() ? "" : ",") + e.field + ":" + e.code;
    EXPECT_EQ(got.empty() ? "ok" : got, r[2]) << r[3];
  }
}

TEST(BanpolRules, MissingDocuments) {
  std::vector<std::string> required = {"DPP_DECREE", "NPWP", "USAGE_PLAN"};
  EXPECT_EQ(missing_documents(required, {{"DPP_DECREE", "ACCEPTED"}, {"NPWP", "REJECTED"}}),
            (std::vector<std::string>{"NPWP", "USAGE_PLAN"}));
  EXPECT_TRUE(missing_documents(required, {{"DPP_DECREE", "ACCEPTED"},
                                           {"NPWP", "ACCEPTED"},
                                           {"USAGE_PLAN", "ACCEPTED"},
                                           {"RECEIPT", "PENDING"}})
                  .empty());
}

TEST(BanpolRules, LpjDeadlineTable) {
  auto rows = load_cases("party_aid_lpj.tsv");
  ASSERT_GE(rows.size(), 8u);
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 14u);
    LpjFacts f;
    f.fiscal_year = static_cast<int>(*parse_int64(r[0]));
    f.submitted_to_bpk = date_or_none(r[1]);
    f.audited = date_or_none(r[2]);
    f.lhp_received = date_or_none(r[3]);
    f.submitted_to_government = date_or_none(r[4]);
    LpjRule rule;
    auto gov = parse_offset(r[5]);
    ASSERT_TRUE(gov) << r[5];
    rule.to_government = *gov;
    LpjStatus s = lpj_status(f, rule, *parse_date(r[6]));
    std::string where = r[0] + " today " + r[6];
    auto shown = [](const std::optional<Date>& d) { return d ? format_date(*d) : "-"; };
    EXPECT_EQ(format_date(s.due_to_bpk), r[7]) << where;
    EXPECT_EQ(format_date(s.due_audit), r[8]) << where;
    EXPECT_EQ(shown(s.due_lhp), r[9]) << where;
    EXPECT_EQ(shown(s.due_to_government), r[10]) << where;
    auto yn = [](bool b) { return std::string(b ? "yes" : "no"); };
    EXPECT_EQ(yn(s.late_to_bpk) + "," + yn(s.late_audit) + "," + yn(s.late_lhp) + "," +
                  yn(s.late_to_government),
              r[11])
        << where;
    EXPECT_EQ(yn(s.sanction_active), r[12]) << where;
    EXPECT_EQ(name(s.stage), r[13]) << where;
  }
}

TEST(BanpolRules, LpjStepsInOrder) {
  auto code = [](const LpjFacts& f) {
    Status st = check_lpj_dates(f);
    return st.ok() ? std::string("ok")
                   : st.error().fields.at(0).field + ":" + st.error().fields.at(0).code;
  };
  EXPECT_EQ(code({2024, Date{2025, 1, 20}, Date{2025, 3, 1}, Date{2025, 3, 20}, Date{2025, 4, 1}}),
            "ok");
  EXPECT_EQ(code({2024, Date{2024, 12, 20}, {}, {}, {}}), "submitted_to_bpk:before_year_end");
  EXPECT_EQ(code({2024, {}, Date{2025, 3, 1}, {}, {}}), "audited:step_missing");
  EXPECT_EQ(code({2024, Date{2025, 1, 20}, Date{2025, 1, 10}, {}, {}}), "audited:out_of_order");
  EXPECT_EQ(code({2024, Date{2025, 1, 20}, Date{2025, 3, 1}, {}, Date{2025, 4, 1}}),
            "submitted_to_government:step_missing");
}

TEST(BanpolRules, Offsets) {
  EXPECT_EQ(format_date(add_offset({2025, 1, 31}, {1, OffsetUnit::Months})), "2025-02-28");
  EXPECT_EQ(format_date(add_offset({2023, 12, 31}, {2, OffsetUnit::Months})), "2024-02-29");
  EXPECT_EQ(format_date(add_offset({2024, 12, 31}, {7, OffsetUnit::CalendarDays})), "2025-01-07");
  EXPECT_EQ(format_offset(*parse_offset("7D")), "7D");
  EXPECT_EQ(format_offset(*parse_offset("1M")), "1M");
  for (const char* bad : {"", "M", "0M", "1W", "25M", "1000D", "-1M"})
    EXPECT_FALSE(parse_offset(bad)) << bad;
}

}  // namespace

// ---- store, on both databases ----------------------------------------------------------------

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/crypto.h"
#include "modules/party_aid/documents.h"
#include "modules/party_aid/seed.h"
#include "modules/party_aid/store.h"
#include "report/xlsx.h"
#include "store_fixture.h"

namespace {

class PartyAidStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    ASSERT_TRUE(
        db_->write([](db::Conn& c) -> Status {
             for (auto [year, number, abbr] :
                  std::vector<std::tuple<int64_t, int64_t, const char*>>{{2024, 1, "PKB"},
                                                                         {2024, 3, "PDIP"},
                                                                         {2024, 4, "GOLKAR"},
                                                                         {2024, 5, "NASDEM"},
                                                                         {2024, 8, "PKS"},
                                                                         {2019, 3, "PDIP"},
                                                                         {2019, 4, "GOLKAR"},
                                                                         {2019, 13, "HANURA"}})
               c.exec(
                   "INSERT INTO parties (number, election_year, abbreviation, name, scope) VALUES "
                   "(?, ?, ?, ?, 'national')",
                   {number, year, std::string(abbr), std::string("Partai ") + abbr});
             return {};
           })
            .ok());
    kukar = user_in("64.02", "OPERATOR");
    kukar_analis = user_in("64.02", "ANALIS");
    kukar_kaban = user_in("64.02", "KABAN");
    kaltim = user_in("64", "ANALIS");
    kalsel = user_in("63", "OPERATOR");
  }

  Result<ImportReport> import(const auth::Scope& who, const std::string& csv, int64_t year = 2024,
                              bool dry_run = false) {
    return db_->write_value<ImportReport>(
        [&](db::Conn& c) { return import_results(c, who, year, csv, dry_run); });
  }
  void import_kukar() {
    auto r = import(kukar,
                    "region_code,abbreviation,valid_votes,seats,source\n"
                    "64.02,PDIP,145613,9,Kep. KPU Kukar 2024\n"
                    "64.02,GOLKAR,75106,5,Kep. KPU Kukar 2024\n"
                    "64.02,PKB,5000,0,Kep. KPU Kukar 2024\n");
    ASSERT_TRUE(r.ok()) << r.error().message.en;
    ASSERT_TRUE(r->applied);
  }
  Result<VoteValue> set_value(const auth::Scope& who, VoteValueInput in) {
    return db_->write_value<VoteValue>([&](db::Conn& c) { return create_vote_value(c, who, in); });
  }
  static VoteValueInput kukar_8000() {
    VoteValueInput v;
    v.region_code = "64.02";
    v.fiscal_year = 2025;
    v.value_sen = 800000;
    v.basis = "APPROVED_INCREASE";
    v.approval_letter_no = "900.1.9/1234/Polpum";
    v.legal_basis = "Keputusan Bupati Kutai Kartanegara tentang bantuan keuangan partai politik";
    v.election_year = 2024;
    return v;
  }
  Result<RegionAllocation> allocation(const auth::Scope& who, const std::string& region,
                                      int64_t year) {
    return db_->read_value<RegionAllocation>(
        [&](db::Conn& c) { return allocation_for(c, who, region, year); });
  }
  Result<Board> board(const auth::Scope& who, const std::string& party,
                      const std::string& region = "64.02") {
    BoardInput b{
        region,         party,        "SK DPP 12/2024",       "2024-10-01",      "Ketua",
        "Sekretaris",   "Bendahara",  "01.234.567.8-901.000", "Bank Kaltimtara", "0011223344",
        "DPC " + party, "Tenggarong", "2024-10-01",           std::nullopt};
    return db_->write_value<Board>([&](db::Conn& c) { return create_board(c, who, b); });
  }
  int64_t file_for(const auth::Scope& who, int64_t application_id, const std::string& name) {
    int64_t id = 0;
    EXPECT_TRUE(
        db_->write([&](db::Conn& c) -> Status {
             std::string sha = sha256_hex(name + "/" + std::to_string(application_id));
             c.exec(
                 "INSERT INTO blobs (sha256, size, mime, created_at) VALUES (?, 3, "
                 "'application/pdf', "
                 "?) ON CONFLICT (sha256) DO NOTHING",
                 {sha, now_iso()});
             id = c.insert(
                 "INSERT INTO evidence_files (sha256, name, mime, size, region_code, "
                 "classification, entity, entity_id, uploaded_by, uploaded_at) VALUES (?, ?, "
                 "'application/pdf', 3, '64.02', 0, 'banpol_application', ?, ?, ?)",
                 {sha, name + ".pdf", std::to_string(application_id), who.user_id, now_iso()});
             return {};
           })
            .ok());
    return id;
  }
  Result<Application> act(const auth::Scope& who, int64_t id, AppAction a, ActionInput in = {}) {
    in.action = a;
    int64_t version = count("SELECT version FROM banpol_applications WHERE id = ?", {id});
    return db_->write_value<Application>(
        [&](db::Conn& c) { return act_on_application(c, who, id, version, in); });
  }
  Result<Application> doc(const auth::Scope& who, int64_t id, const std::string& code,
                          DocumentInput in) {
    int64_t version = count("SELECT version FROM banpol_applications WHERE id = ?", {id});
    return db_->write_value<Application>(
        [&](db::Conn& c) { return set_document(c, who, id, version, code, in); });
  }
  Result<Application> plan(const auth::Scope& who, int64_t id, int64_t pe, int64_t op) {
    int64_t version = count("SELECT version FROM banpol_applications WHERE id = ?", {id});
    std::vector<UsageLine> lines{{"POLITICAL_EDUCATION", "Pendidikan politik kader", pe},
                                 {"OPERATIONAL", "Operasional sekretariat", op}};
    return db_->write_value<Application>(
        [&](db::Conn& c) { return set_usage_plan(c, who, id, version, lines); });
  }
  Result<Lpj> lpj(const auth::Scope& who, LpjInput in) {
    return db_->write_value<Lpj>([&](db::Conn& c) { return create_lpj(c, who, in); });
  }
  // Uploads and accepts every required document of an application.
  void complete_documents(int64_t id) {
    for (const char* code :
         {"APPLICATION_LETTER", "DPP_DECREE", "NPWP", "KPU_RESULT_LETTER", "BANK_ACCOUNT",
          "USAGE_PLAN", "PREVIOUS_LPJ_AUDITED", "CHAIR_STATEMENT"}) {
      DocumentInput up;
      up.file_id = file_for(kukar, id, code);
      ASSERT_TRUE(doc(kukar, id, code, up).ok()) << code;
      DocumentInput verdict;
      verdict.verdict = "ACCEPTED";
      auto r = doc(kukar_analis, id, code, verdict);
      ASSERT_TRUE(r.ok()) << code << " " << r.error().message.en;
    }
  }

  auth::Scope kukar, kukar_analis, kukar_kaban, kaltim, kalsel;
};

TEST_P(PartyAidStoreTest, DefaultValuesOfPp1Of2018AreData) {
  ASSERT_TRUE(
      db_->read([](db::Conn& c) {
           EXPECT_EQ(default_value(c, "DPRD_PROVINSI", 2025)->value_sen, 120000);  // Rp 1.200
           EXPECT_EQ(default_value(c, "DPRD_KABKOTA", 2025)->value_sen, 150000);   // Rp 1.500
           EXPECT_EQ(default_value(c, "DPR", 2025)->value_sen, 100000);            // Rp 1.000
           EXPECT_FALSE(
               default_value(c, "DPRD_KABKOTA", 2017));  // before PP 1/2018: legacy formula
         })
          .ok());
}

TEST_P(PartyAidStoreTest, KutaiKartanegara2025AtRp8000PerVote) {
  import_kukar();
  // Without a value of its own the region gets the PP 1/2018 default for a kab/kota.
  auto by_default = allocation(kukar, "64.02", 2025);
  ASSERT_TRUE(by_default.ok()) << by_default.error().message.en;
  EXPECT_FALSE(by_default->configured);
  EXPECT_EQ(by_default->value_sen, 150000);
  EXPECT_EQ(by_default->allocation.total, (145613 + 75106) * 1500);

  auto v = set_value(kukar, kukar_8000());
  ASSERT_TRUE(v.ok()) << v.error().message.en;
  auto a = allocation(kukar, "64.02", 2025);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->configured);
  ASSERT_EQ(a->allocation.lines.size(), 2u);  // PKB has votes but no seat
  EXPECT_EQ(a->allocation.lines[0].abbreviation, "PDIP");
  EXPECT_EQ(a->allocation.lines[0].amount.value_or(0), 1164904000);
  EXPECT_EQ(a->allocation.lines[1].abbreviation, "GOLKAR");
  EXPECT_EQ(a->allocation.lines[1].amount.value_or(0), 600848000);
  EXPECT_EQ(a->allocation.lines[0].rounding, "EXACT");
  EXPECT_EQ(a->allocation.total, 1765752000);
  std::string json = to_json(*a);
  EXPECT_NE(json.find("\"value_per_vote\":\"8000\""), std::string::npos);
  EXPECT_NE(json.find("satu miliar tujuh ratus enam puluh lima juta"), std::string::npos);

  // The budget sheet opens as an .xlsx (a zip).
  auto x = budget_sheet_xlsx(*a);
  ASSERT_TRUE(x.ok());
  EXPECT_EQ(x->substr(0, 2), "PK");

  // A default basis must carry the default; an increase needs the minister's letter.
  auto wrong = kukar_8000();
  wrong.fiscal_year = 2026;
  wrong.approval_letter_no = "";
  auto refused = set_value(kukar, wrong);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.at(0).field, "approval_letter_no");
  EXPECT_EQ(set_value(kukar, kukar_8000()).error().code, "banpol.value_exists");
  Page<VoteValue> mine, national;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
                   mine = list_vote_values(c, kukar, "", std::nullopt);
                   national = list_vote_values(c, auth::Scope::system(), "", 2025);
                 })
                  .ok());
  EXPECT_EQ(mine.items.size(), 1u);
  EXPECT_EQ(national.items.size(), 1u);

  // If-Match: a stale version is refused.
  auto changed = kukar_8000();
  changed.value_sen = 850000;
  auto stale = db_->write_value<VoteValue>(
      [&](db::Conn& c) { return update_vote_value(c, kukar, v->id, v->version + 1, changed); });
  EXPECT_EQ(stale.error().kind, ErrorKind::PreconditionFailed);
  auto updated = db_->write_value<VoteValue>(
      [&](db::Conn& c) { return update_vote_value(c, kukar, v->id, v->version, changed); });
  ASSERT_TRUE(updated.ok()) << updated.error().message.en;
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'banpol_vote_value'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'election_results'"), 1);
}

TEST_P(PartyAidStoreTest, ImportRefusesTheWholeFileWithAReportPerRow) {
  import_kukar();
  auto r = import(kaltim,
                  "region_code,party_number,abbreviation,valid_votes,seats\n"
                  "64,3,PDIP,400000,10\n"    // ok
                  "64,99,,1000,1\n"          // no party 99 in 2024
                  "63.71,4,GOLKAR,1000,1\n"  // outside Kalimantan Timur
                  "64,4,PDIP,1000,1\n"       // number and abbreviation disagree
                  "64,,PDIP,500,1\n"         // PDIP twice for 64
                  "64.99,5,,10,1\n"          // unknown region
                  "64,1,,-3,x\n");           // bad votes and seats
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_FALSE(r->applied);
  EXPECT_EQ(r->rows, 7);
  EXPECT_EQ(r->refused, 6);
  ASSERT_EQ(r->report.size(), 7u);
  EXPECT_TRUE(r->report[0].errors.empty());
  EXPECT_EQ(r->report[1].errors.at(0).code, "not_found");
  EXPECT_EQ(r->report[2].errors.at(0).code, "outside_scope");
  EXPECT_EQ(r->report[3].errors.at(0).code, "mismatch");
  EXPECT_EQ(r->report[4].errors.at(0).code, "duplicate");
  EXPECT_EQ(r->report[5].errors.at(0).code, "not_found");
  EXPECT_EQ(r->report[6].errors.size(), 2u);
  EXPECT_EQ(r->report[6].line, 8);
  // Nothing half-imported.
  EXPECT_EQ(count("SELECT COUNT(*) FROM election_results WHERE region_code = '64'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM election_results"), 3);

  // A dry run reports without writing; a good file replaces the region's rows.
  auto dry =
      import(kaltim, "region_code,abbreviation,valid_votes,seats\n64,PDIP,400000,10\n", 2024, true);
  ASSERT_TRUE(dry.ok());
  EXPECT_FALSE(dry->applied);
  EXPECT_EQ(count("SELECT COUNT(*) FROM election_results WHERE region_code = '64'"), 0);
  auto again = import(kukar, "region_code,abbreviation,valid_votes,seats\n64.02,PDIP,145000,9\n");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->applied);
  EXPECT_EQ(count("SELECT COUNT(*) FROM election_results WHERE region_code = '64.02'"), 1);
  // The other Kalimantan Timur office cannot write Kutai Kartanegara's results.
  auto foreign = import(kalsel, "region_code,abbreviation,valid_votes,seats\n64.02,PDIP,1,1\n");
  ASSERT_TRUE(foreign.ok());
  EXPECT_EQ(foreign->refused, 1);
  auto missing = import(kukar, "region_code,votes\n64.02,1\n");
  EXPECT_EQ(missing.error().fields.at(0).code, "columns");
  auto empty = import(kukar, "region_code,abbreviation,valid_votes,seats\n");
  EXPECT_EQ(empty.error().fields.at(0).code, "empty");
}

// The same import from an Excel workbook: row numbers in the report are the sheet's rows, and a
// refused row refuses the file.
TEST_P(PartyAidStoreTest, ImportAcceptsAnXlsxWorkbook) {
  using report::XlsxCell;
  auto workbook = [](bool bad_row) {
    report::XlsxWorkbook wb;
    wb.add_sheet("Hasil KPU");
    wb.header({"region_code", "abbreviation", "valid_votes", "seats", "source"});
    wb.row({"64.02", "PDIP", XlsxCell::integer(145613), XlsxCell::integer(9), "Kep. KPU"});
    wb.row({XlsxCell::empty()});  // a blank row between: skipped, but it keeps its number
    wb.row({"64.02", "GOLKAR", XlsxCell::integer(75106), XlsxCell::integer(5), "Kep. KPU"});
    wb.row({"64.02", bad_row ? "PARTAI X" : "PKB", XlsxCell::integer(5000), XlsxCell::integer(0)});
    return wb.finish().value();
  };
  auto refused = import(kukar, workbook(true));
  ASSERT_TRUE(refused.ok()) << refused.error().message.en;
  EXPECT_FALSE(refused->applied);
  EXPECT_EQ(refused->rows, 3);
  EXPECT_EQ(refused->refused, 1);
  ASSERT_EQ(refused->report.size(), 3u);
  EXPECT_EQ(refused->report[0].line, 2);
  EXPECT_EQ(refused->report[1].line, 4);
  EXPECT_EQ(refused->report[2].line, 5);
  EXPECT_EQ(refused->report[2].errors.at(0).field, "abbreviation");
  EXPECT_EQ(count("SELECT COUNT(*) FROM election_results"), 0);  // nothing half-imported

  auto ok = import(kukar, workbook(false));
  ASSERT_TRUE(ok.ok()) << ok.error().message.en;
  EXPECT_TRUE(ok->applied);
  EXPECT_EQ(count("SELECT valid_votes FROM election_results WHERE region_code = '64.02' AND "
                  "party_number = 3"),
            145613);
  EXPECT_EQ(count("SELECT COUNT(*) FROM election_results"), 3);

  // A damaged workbook is a clear error, not a CSV complaint about encodings.
  std::string broken = workbook(false);
  broken.resize(broken.size() / 2);
  auto bad = import(kukar, broken);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code.rfind("xlsx.", 0), 0u) << bad.error().code;
}

TEST_P(PartyAidStoreTest, AllocationsAreScopedByRegion) {
  import_kukar();
  EXPECT_TRUE(allocation(kukar, "64.02", 2025).ok());
  EXPECT_TRUE(allocation(kaltim, "64.02", 2025).ok());  // the province sees its kab/kota
  EXPECT_EQ(allocation(kalsel, "64.02", 2025).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(allocation(kukar, "64", 2025).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(allocation(kukar, "64.02.01", 2025).error().kind,
            ErrorKind::Invalid);  // a kecamatan gives no aid
  EXPECT_EQ(set_value(kalsel, kukar_8000()).error().kind, ErrorKind::Forbidden);
  auto within = db_->read_value<std::vector<RegionAllocation>>(
      [&](db::Conn& c) { return allocations_within(c, kaltim, "64", 2025); });
  ASSERT_TRUE(within.ok());
  ASSERT_EQ(within->size(), 2u);  // 64 and 64.02
  EXPECT_EQ((*within)[0].problems.at(0), "no_results");
  EXPECT_EQ((*within)[1].allocation.total, (145613 + 75106) * 1500);
}

TEST_P(PartyAidStoreTest, TransitionYearSplitsByInaugurationMonth) {
  import_kukar();
  auto old = import(kukar,
                    "region_code,abbreviation,valid_votes,seats\n"
                    "64.02,PDIP,145613,8\n64.02,HANURA,4000,1\n",
                    2019);
  ASSERT_TRUE(old.ok());
  ASSERT_TRUE(old->applied);
  VoteValueInput v = kukar_8000();
  v.fiscal_year = 2024;
  v.inauguration_date = "2024-08-15";
  v.previous_election_year = 2019;
  ASSERT_TRUE(set_value(kukar, v).ok());
  auto a = allocation(kukar, "64.02", 2024);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->allocation.months_old, 7);
  EXPECT_EQ(a->allocation.months_new, 5);
  EXPECT_EQ(lines_of(a->allocation),
            "STAGE1_OLD:PDIP:7:679527333;STAGE1_OLD:HANURA:7:18666667;"
            "STAGE2_NEW:PDIP:5:485376667;STAGE2_NEW:GOLKAR:5:250353333");
  EXPECT_EQ(a->allocation.lines[0].rounding, "ROUND_HALF_UP");
}

TEST_P(PartyAidStoreTest, OneRecognisedBoardAtATimeAndDisputesHoldTheAid) {
  import_kukar();
  auto first = board(kukar, "PDIP");
  ASSERT_TRUE(first.ok()) << first.error().message.en;
  auto second = board(kukar, "PDIP");
  ASSERT_TRUE(second.ok());
  Page<Board> listed, first_page, second_page, current;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
                   listed = list_boards(c, kukar, "64.02", true);
                   first_page = list_boards(c, kukar, "64.02", true, {std::nullopt, 1});
                   second_page = list_boards(c, kukar, "64.02", true, {first_page.next_after, 1});
                   current = list_boards(c, kukar, "64.02", false);
                 })
                  .ok());
  ASSERT_EQ(listed.items.size(), 2u);
  EXPECT_EQ(listed.items[0].status, "SUPERSEDED");
  EXPECT_EQ(listed.items[1].status, "RECOGNISED");
  EXPECT_FALSE(listed.next_after);
  ASSERT_EQ(first_page.items.size(), 1u);
  EXPECT_EQ(first_page.next_after.value_or(0), first->id);
  ASSERT_EQ(second_page.items.size(), 1u);
  EXPECT_EQ(second_page.items[0].id, second->id);
  ASSERT_EQ(current.items.size(), 1u);
  EXPECT_EQ(board(kukar, "XYZ").error().fields.at(0).code, "not_found");

  BoardPatch dispute;
  dispute.status = "DISPUTED";
  auto no_note = db_->write_value<Board>(
      [&](db::Conn& c) { return update_board(c, kukar, second->id, second->version, dispute); });
  EXPECT_EQ(no_note.error().fields.at(0).field, "status_note");
  dispute.status_note = "Gugatan kepengurusan di PN Tenggarong";
  auto disputed = db_->write_value<Board>(
      [&](db::Conn& c) { return update_board(c, kukar, second->id, second->version, dispute); });
  ASSERT_TRUE(disputed.ok());
  EXPECT_EQ(board(kukar, "PDIP").error().code, "board.disputed");
  BoardPatch revive;
  revive.status = "RECOGNISED";
  auto superseded = db_->write_value<Board>(
      [&](db::Conn& c) { return update_board(c, kukar, first->id, first->version + 1, revive); });
  EXPECT_EQ(superseded.error().code, "board.superseded");

  auto a = allocation(kukar, "64.02", 2025);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->boards.at("PDIP").second, "DISPUTED");
  auto p = db_->read_value<std::vector<Position>>(
      [&](db::Conn& c) { return positions(c, kukar, "64.02", 2025); });
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->size(), 2u);
  EXPECT_EQ((*p)[0].party_abbreviation, "PDIP");
  EXPECT_EQ((*p)[0].board_status.value_or(""), "DISPUTED");
  EXPECT_EQ((*p)[1].eligibility.reasons.at(0), "no_board");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'party_board'"), 4);
}

TEST_P(PartyAidStoreTest, ApplicationFromReceiptToDisbursement) {
  import_kukar();
  ASSERT_TRUE(set_value(kukar, kukar_8000()).ok());
  auto b = board(kukar, "PDIP");
  ASSERT_TRUE(b.ok());
  // Last year's LPJ went to BPK on time and was audited.
  LpjInput prev{"64.02", "PDIP",       "LHP 12/2025", "",           2024,
                0,       "2025-01-20", "2025-03-15",  "2025-04-10", "2025-05-05"};
  ASSERT_TRUE(lpj(kukar, prev).ok());
  auto app = db_->write_value<Application>([&](db::Conn& c) {
    return create_application(
        c, kukar, {b->id, 2025, "001/DPC-PDIP/I/2025", "2025-02-03", "2025-02-04", false});
  });
  ASSERT_TRUE(app.ok()) << app.error().message.en;
  EXPECT_EQ(app->status, AppState::Received);
  EXPECT_EQ(app->allocation_amount.value_or(0), 1164904000);
  EXPECT_EQ(app->eligibility.outcome, Outcome::Eligible);
  EXPECT_EQ(app->missing_documents.size(), 8u);
  int64_t id = app->id;

  ASSERT_TRUE(act(kukar, id, AppAction::StartCheck).ok());
  EXPECT_EQ(act(kukar, id, AppAction::ScheduleVerification).error().code,
            "banpol.documents_incomplete");
  complete_documents(id);
  // A rejected document needs a note and sends the checklist back to incomplete.
  DocumentInput reject;
  reject.verdict = "REJECTED";
  EXPECT_EQ(doc(kukar_analis, id, "NPWP", reject).error().fields.at(0).field, "note");
  DocumentInput bad_verdict_by_operator;
  bad_verdict_by_operator.verdict = "ACCEPTED";
  EXPECT_EQ(doc(kukar, id, "NPWP", bad_verdict_by_operator).error().kind, ErrorKind::Forbidden);
  ASSERT_TRUE(act(kukar, id, AppAction::ScheduleVerification).ok());

  ASSERT_TRUE(plan(kukar, id, 582452000, 582452000).ok());  // 50%
  EXPECT_EQ(act(kukar_analis, id, AppAction::Verify, {AppAction::Verify, "", "BA-1"}).error().code,
            "banpol.usage_plan_below_minimum");
  auto planned = plan(kukar, id, 698942400, 465961600);  // 60/40 of Rp 1.164.904.000
  ASSERT_TRUE(planned.ok());
  EXPECT_TRUE(planned->usage_check->meets_minimum);
  EXPECT_EQ(act(kukar, id, AppAction::Verify).error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(act(kukar_analis, id, AppAction::Verify).error().fields.at(0).field,
            "ba_verification_no");
  ActionInput verify;
  verify.ba_verification_no = "BA.200/15/Kesbangpol/2025";
  ASSERT_TRUE(act(kukar_analis, id, AppAction::Verify, verify).ok());
  EXPECT_EQ(plan(kukar, id, 1, 1).error().code, "banpol.application_locked");

  EXPECT_EQ(act(kukar_analis, id, AppAction::Determine).error().kind, ErrorKind::Forbidden);
  ActionInput determine;
  determine.decree_no = "Kep. Bupati 100.3.3.2/123/2025";
  auto determined = act(kukar_kaban, id, AppAction::Determine, determine);
  ASSERT_TRUE(determined.ok()) << determined.error().message.en;
  EXPECT_EQ(determined->determined_amount.value_or(0), 1164904000);
  ASSERT_TRUE(act(kukar_kaban, id, AppAction::RequestDisbursement).ok());
  EXPECT_EQ(act(kukar_kaban, id, AppAction::Disburse).error().fields.at(0).field, "sp2d_no");
  ActionInput pay;
  pay.sp2d_no = "SP2D 0456/LS/2025";
  pay.sp2d_date = "2025-04-21";
  auto paid = act(kukar_kaban, id, AppAction::Disburse, pay);
  ASSERT_TRUE(paid.ok());
  EXPECT_EQ(paid->status, AppState::Disbursed);
  EXPECT_EQ(paid->disbursed_amount.value_or(0), 1164904000);
  EXPECT_EQ(paid->sp2d_no, "SP2D 0456/LS/2025");

  // Stale versions are refused; every step is audited.
  auto stale = db_->write_value<Application>([&](db::Conn& c) {
    return act_on_application(c, kukar_kaban, id, 1, {AppAction::Hold, "x"});
  });
  EXPECT_FALSE(stale.ok());
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'banpol_application' AND "
                  "entity_id = ?",
                  {std::to_string(id)}),
            25);
  // Another region's office does not see it.
  std::optional<Application> seen;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { seen = get_application(c, kalsel, id); }).ok());
  EXPECT_FALSE(seen);
}

TEST_P(PartyAidStoreTest, LateLpjBlocksNextYearsAidUntilAudited) {
  import_kukar();
  ASSERT_TRUE(set_value(kukar, kukar_8000()).ok());
  auto b = board(kukar, "GOLKAR");
  ASSERT_TRUE(b.ok());
  // Fiscal year 2024's LPJ reached BPK on 10 February 2025, after the 31 January deadline.
  LpjInput late{"64.02", "GOLKAR", "", "", 2024, 0, "2025-02-10", {}, {}, {}};
  auto l = lpj(kukar, late);
  ASSERT_TRUE(l.ok()) << l.error().message.en;
  EXPECT_TRUE(l->status.late_to_bpk);
  EXPECT_TRUE(l->status.sanction_active);
  EXPECT_EQ(lpj(kukar, late).error().code, "banpol.lpj_exists");

  auto app = db_->write_value<Application>([&](db::Conn& c) {
    return create_application(
        c, kukar, {b->id, 2025, "07/DPD-GOLKAR/2025", "2025-03-01", "2025-03-02", false});
  });
  ASSERT_TRUE(app.ok());
  EXPECT_EQ(app->eligibility.outcome, Outcome::Refused);
  int64_t id = app->id;
  ASSERT_TRUE(act(kukar, id, AppAction::StartCheck).ok());
  complete_documents(id);
  ASSERT_TRUE(act(kukar, id, AppAction::ScheduleVerification).ok());
  ASSERT_TRUE(plan(kukar, id, 420593600, 180254400).ok());  // 70/30 of Rp 600.848.000
  ActionInput verify;
  verify.ba_verification_no = "BA-2";
  ASSERT_TRUE(act(kukar_analis, id, AppAction::Verify, verify).ok());
  ActionInput determine;
  determine.decree_no = "Kep-2";
  EXPECT_EQ(act(kukar_kaban, id, AppAction::Determine, determine).error().code,
            "banpol.sanction_active");

  // BPK audits the overdue report: the sanction ends.
  LpjInput audited = late;
  audited.audited = "2025-04-30";
  auto done = db_->write_value<Lpj>(
      [&](db::Conn& c) { return update_lpj(c, kukar, l->id, l->version, audited); });
  ASSERT_TRUE(done.ok()) << done.error().message.en;
  EXPECT_FALSE(done->status.sanction_active);
  auto determined = act(kukar_kaban, id, AppAction::Determine, determine);
  ASSERT_TRUE(determined.ok()) << determined.error().message.en;
  EXPECT_EQ(determined->determined_amount.value_or(0), 600848000);

  LpjInput out_of_order = late;
  out_of_order.audited = "2025-01-01";
  auto refused = db_->write_value<Lpj>(
      [&](db::Conn& c) { return update_lpj(c, kukar, l->id, done->version, out_of_order); });
  EXPECT_EQ(refused.error().fields.at(0).code, "out_of_order");
}

// Issue 17: "first year" came from the applicant alone and switched the sanction off.
TEST_P(PartyAidStoreTest, FirstYearComesFromTheRecordsAndNeverLiftsTheSanction) {
  import_kukar();
  ASSERT_TRUE(set_value(kukar, kukar_8000()).ok());
  auto b = board(kukar, "GOLKAR");
  ASSERT_TRUE(b.ok());
  ASSERT_TRUE(lpj(kukar, {"64.02", "GOLKAR", "", "", 2024, 0, "2025-02-10", {}, {}, {}}).ok());  // late, not audited
  auto create = [&](bool first_year) {
    return db_->write_value<Application>([&](db::Conn& c) {
      return create_application(c, kukar, {b->id, 2025, "07/DPD-GOLKAR/2025", "2025-03-01", "2025-03-02", first_year});
    });
  };
  auto claimed = create(true);
  ASSERT_FALSE(claimed.ok());
  ASSERT_EQ(claimed.error().fields.size(), 1u);
  EXPECT_EQ(claimed.error().fields[0].field, "first_year");
  EXPECT_EQ(claimed.error().fields[0].code, "contradicted");
  EXPECT_EQ(count("SELECT COUNT(*) FROM banpol_applications"), 0);  // nothing half-written

  auto app = create(false);
  ASSERT_TRUE(app.ok());
  EXPECT_EQ(app->first_year_evidence_year.value_or(0), 2024);
  auto decide = [&](const auth::Scope& who, const std::string& reason) {
    int64_t version = count("SELECT version FROM banpol_applications WHERE id = ?", {app->id});
    return db_->write_value<Application>(
        [&](db::Conn& c) { return decide_first_year(c, who, app->id, version, true, reason); });
  };
  EXPECT_EQ(decide(kukar, "Kursi diperoleh kembali").error().kind, ErrorKind::Forbidden);  // an operator applies, a reviewer decides
  EXPECT_EQ(decide(kukar_analis, " ").error().fields.at(0).field, "reason");
  auto decided = decide(kukar_analis, "Kursi diperoleh kembali setelah satu periode tanpa kursi.");
  ASSERT_TRUE(decided.ok()) << decided.error().message.en;
  EXPECT_TRUE(decided->first_year);
  ASSERT_TRUE(decided->first_year_override.has_value());
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'first_year_decision' AND entity_id = ?",
                  {std::to_string(app->id)}),
            1);
  // The late 2024 LPJ still bars the aid, in the application and in the positions view.
  EXPECT_EQ(decided->eligibility.outcome, Outcome::Refused);
  auto pos = db_->read_value<std::vector<Position>>([&](db::Conn& c) { return positions(c, kukar, "64.02", 2025); });
  ASSERT_TRUE(pos.ok());
  bool seen = false;
  for (const auto& x : *pos)
    if (x.party_abbreviation == "GOLKAR") {
      seen = true;
      EXPECT_TRUE(x.sanction_active);
    }
  EXPECT_TRUE(seen);
}

TEST_P(PartyAidStoreTest, AidPaidWithoutAnLpjIsSanctionedOnceOverdue) {
  import_kukar();
  auto b = board(kukar, "PDIP");
  ASSERT_TRUE(b.ok());
  auto sanction_of = [&](const std::string& party) {
    auto p = db_->read_value<std::vector<Position>>(
        [&](db::Conn& c) { return positions(c, kukar, "64.02", 2025); });
    EXPECT_TRUE(p.ok());
    for (const auto& x : *p)
      if (x.party_abbreviation == party) return x.sanction_active;
    ADD_FAILURE() << party;
    return false;
  };
  // No aid recorded for 2024: the audited LPJ is still asked for, but no sanction is claimed.
  EXPECT_FALSE(sanction_of("PDIP"));
  // Aid paid out in 2024 and no LPJ recorded after 31 January 2025: sanctioned.
  ASSERT_TRUE(
      db_->write([&](db::Conn& c) -> Status {
           c.exec(
               "INSERT INTO banpol_applications (region_code, fiscal_year, board_id, "
               "party_abbreviation, letter_no, letter_date, received_at, status, created_at, "
               "updated_at) VALUES ('64.02', 2024, ?, 'PDIP', '1', '2024-02-01', '2024-02-01', "
               "'DISBURSED', ?, ?)",
               {b->id, now_iso(), now_iso()});
           return {};
         })
          .ok());
  EXPECT_TRUE(sanction_of("PDIP"));
}

TEST_P(PartyAidStoreTest, DemoIsIdempotent) {
  ASSERT_TRUE(db_->write([](db::Conn& c) { return seed_demo(c); }).ok());
  ASSERT_TRUE(db_->write([](db::Conn& c) { return seed_demo(c); }).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM banpol_vote_values"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM party_boards WHERE region_code = '63'"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM party_boards WHERE status = 'DISPUTED'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM banpol_applications WHERE status = 'ADMIN_CHECK'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM banpol_lpj"), 1);
}

// The allocations of every province and kab/kota of Indonesia, on generated national data, in
// one call. Its speed is measured by bench/party_aid/run.sh (docs/PERFORMANCE.md), not here.
TEST_P(PartyAidStoreTest, NationalAllocations) {
  constexpr int kProvinces = 38, kKabKota = 514, kParties = 18;
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
                   c.exec("DELETE FROM regions");
                   for (int64_t n = 1; n <= kParties; ++n)
                     c.exec(
                         "INSERT INTO parties (number, election_year, abbreviation, name, scope) "
                         "VALUES (?, "
                         "2029, ?, ?, 'national')",
                         {n, "P" + std::to_string(n), "Partai " + std::to_string(n)});
                   auto add_region = [&](const std::string& code, const std::string& parent,
                                         int64_t level) {
                     c.exec(
                         "INSERT INTO regions (code, parent_code, level, name, type) VALUES (?, ?, "
                         "?, ?, 'x')",
                         {code, parent, level, "Wilayah " + code});
                     for (int64_t n = 1; n <= kParties; ++n)
                       c.exec(
                           "INSERT INTO election_results (election_year, chamber, region_code, "
                           "party_number, "
                           "valid_votes, seats) VALUES (2029, ?, ?, ?, ?, ?)",
                           {std::string(level == 1 ? "DPRD_PROVINSI" : "DPRD_KABKOTA"), code, n,
                            int64_t{10000 + n * 1000}, int64_t{n <= 12 ? 1 + n % 5 : 0}});
                   };
                   int kab = 0;
                   for (int p = 0; p < kProvinces; ++p) {
                     std::string prov = std::to_string(11 + p);
                     add_region(prov, "", 1);
                     int here = kKabKota / kProvinces + (p < kKabKota % kProvinces ? 1 : 0);
                     for (int k = 1; k <= here; ++k, ++kab) {
                       char code[8];
                       std::snprintf(code, sizeof code, "%s.%02d", prov.c_str(), k);
                       add_region(code, prov, 2);
                     }
                   }
                   EXPECT_EQ(kab, kKabKota);
                   return {};
                 })
                  .ok());
  std::vector<RegionAllocation> all;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
                   all = allocations_within(c, auth::Scope::system(), "", 2030).value();
                 })
                  .ok());
  ASSERT_EQ(all.size(), static_cast<size_t>(kProvinces + kKabKota));
  int64_t lines = 0;
  for (const auto& a : all) lines += static_cast<int64_t>(a.allocation.lines.size());
  EXPECT_EQ(lines, (kProvinces + kKabKota) * 12);  // 12 of 18 parties hold seats
  // Province lines at Rp 1.200, kab/kota at Rp 1.500: sum over parties 1..12 of votes.
  int64_t votes = 0;
  for (int64_t n = 1; n <= 12; ++n) votes += 10000 + n * 1000;
  EXPECT_EQ(all[0].allocation.total, votes * 1200);
  EXPECT_EQ(all[1].allocation.total, votes * 1500);
}

// ---- official documents ----------------------------------------------------------------

// Text of a file as poppler's pdftotext (or unzip for an XLSX entry) prints it.
std::string shell_output(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[4096];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (p) pclose(p);
  return out;
}
std::string saved(const std::string& bytes, const std::string& ext) {
  auto path = std::filesystem::path(testing::TempDir()) / ("banpol-" + random_token(6) + ext);
  std::ofstream(path, std::ios::binary) << bytes;
  return path.string();
}
std::string pdf_words(const std::string& pdf) {
  std::string path = saved(pdf, ".pdf");
  std::string text = shell_output("pdftotext '" + path + "' - 2>/dev/null");
  std::filesystem::remove(path);
  // One space between words, whatever the line breaks and justification.
  std::string out;
  for (char ch : text) {
    bool space = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : ch;
  }
  return out;
}
std::string xlsx_text(const std::string& xlsx) {
  std::string path = saved(xlsx, ".xlsx");
  std::string text = shell_output("unzip -p '" + path + "' 'xl/*' 2>/dev/null");
  std::filesystem::remove(path);
  return text;
}

// Counts the statements a store sends through a connection (a decorator over the real one).
class CountingConn : public db::Conn {
 public:
  explicit CountingConn(db::Conn& inner) : inner_(inner) {}
  db::Dialect dialect() const override { return inner_.dialect(); }
  void query(std::string_view sql, const db::Params& p, const db::RowFn& on_row) override {
    ++statements;
    inner_.query(sql, p, on_row);
  }
  int64_t exec(std::string_view sql, const db::Params& p = {}) override {
    ++statements;
    return inner_.exec(sql, p);
  }
  int64_t insert(std::string_view sql, const db::Params& p) override {
    ++statements;
    return inner_.insert(sql, p);
  }
  void exec_script(std::string_view sql) override {
    ++statements;
    inner_.exec_script(sql);
  }
  int statements = 0;

 private:
  db::Conn& inner_;
};

TEST_P(PartyAidStoreTest, ApplicationListAnswersAPageInAFixedNumberOfStatements) {
  import_kukar();
  ASSERT_TRUE(set_value(kukar, kukar_8000()).ok());
  LpjInput prev{"64.02", "PDIP",       "LHP 12/2025", "",           2024,
                0,       "2025-01-20", "2025-03-15",  "2025-04-10", "2025-05-05"};
  ASSERT_TRUE(lpj(kukar, prev).ok());
  std::vector<int64_t> ids;
  for (const char* party : {"PDIP", "GOLKAR", "PKB", "NASDEM", "PKS"}) {
    auto b = board(kukar, party);
    ASSERT_TRUE(b.ok()) << party;
    auto app = db_->write_value<Application>([&](db::Conn& c) {
      return create_application(
          c, kukar, {b->id, 2025, std::string("001/") + party, "2025-02-03", "2025-02-04", false});
    });
    ASSERT_TRUE(app.ok()) << app.error().message.en;
    ids.push_back(app->id);
  }
  ASSERT_TRUE(plan(kukar, ids[0], 700'000'000, 464'904'000).ok());
  ASSERT_TRUE(plan(kukar, ids[1], 600, 400).ok());
  DocumentInput up;
  up.file_id = file_for(kukar, ids[1], "APPLICATION_LETTER");
  ASSERT_TRUE(doc(kukar, ids[1], "APPLICATION_LETTER", up).ok());

  auto list = [&](int limit, int* statements) {
    Page<Application> page;
    EXPECT_TRUE(db_->read([&](db::Conn& c) {
                     CountingConn counted(c);
                     page = list_applications(counted, kukar, {"64.02", 2025},
                                              {std::nullopt, limit});
                     *statements = counted.statements;
                   })
                    .ok());
    return page;
  };
  int for_two = 0, for_five = 0;
  auto two = list(2, &for_two);
  auto five = list(5, &for_five);
  ASSERT_EQ(two.items.size(), 2u);
  ASSERT_EQ(five.items.size(), 5u);
  // The page, then each related set once: the same for 2 rows as for 5 (see derive_all).
  EXPECT_EQ(for_two, for_five);
  EXPECT_EQ(for_five, 17);

  // What a page says of each application is what the application says when read alone.
  for (const auto& item : five.items) {
    auto one = db_->read_value<Application>([&](db::Conn& c) -> Result<Application> {
      auto a = get_application(c, kukar, item.id);
      if (!a) return Error::not_found("", "");
      return std::move(*a);
    });
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(to_json(item), to_json(*one)) << item.party_abbreviation;
  }
  const Application& pdip = five.items[0];
  EXPECT_EQ(pdip.party_abbreviation, "PDIP");
  EXPECT_EQ(pdip.allocation_amount.value_or(0), 1164904000);
  EXPECT_EQ(pdip.eligibility.outcome, Outcome::Eligible);
  ASSERT_TRUE(pdip.usage_check.has_value());
  EXPECT_TRUE(pdip.usage_check->meets_minimum);
  const Application& golkar = five.items[1];
  EXPECT_EQ(golkar.usage.size(), 2u);
  EXPECT_EQ(golkar.documents.front().code, "APPLICATION_LETTER");
  EXPECT_TRUE(golkar.documents.front().file_id.has_value());
  EXPECT_EQ(golkar.missing_documents.size(), 8u);
  // PKB won no seat: no aid, and the list says so as the detail does.
  EXPECT_EQ(five.items[2].eligibility.outcome, Outcome::Refused);
  // Which steps each user may take now: the state machine from APPLICATION_RECEIVED, each step
  // with its permission, only within the user's region.
  EXPECT_EQ(allowed_actions(pdip, kukar), std::vector<AppAction>{AppAction::StartCheck});
  EXPECT_EQ(allowed_actions(pdip, kukar_kaban),
            (std::vector<AppAction>{AppAction::StartCheck, AppAction::Hold}));
  EXPECT_TRUE(allowed_actions(pdip, kalsel).empty());
  // What each may change now: the files and the team with record.write, the verdicts with
  // record.review, within the region, while the documents are open.
  EXPECT_EQ(allowed_edits(pdip, kukar), (std::vector<std::string>{"DOCUMENTS", "TEAM"}));
  EXPECT_EQ(allowed_edits(pdip, kukar_kaban), (std::vector<std::string>{"DOCUMENTS", "TEAM", "VERDICTS"}));
  EXPECT_TRUE(allowed_edits(pdip, kalsel).empty());
  Application verified = pdip;
  verified.status = AppState::Verified;
  EXPECT_TRUE(allowed_edits(verified, kukar_kaban).empty());
  EXPECT_EQ(to_json(pdip).find("allowed_actions"), std::string::npos)
      << "the stored record (and its audit snapshot) is nobody's in particular";
}

class PartyAidDocumentsTest : public PartyAidStoreTest {
 protected:
  void SetUp() override {
    PartyAidStoreTest::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
                     c.exec(
                         "UPDATE regions SET name = 'Kabupaten Kutai Kartanegara' WHERE "
                         "code = '64.02'");
                     c.exec("UPDATE regions SET name = 'Kalimantan Timur' WHERE code = '64'");
                     c.exec("UPDATE users SET full_name = 'Drs. Kepala Badan' WHERE id = ?",
                            {db::Value(kukar_kaban.user_id)});
                     return {};
                   })
                    .ok());
    import_kukar();
    ASSERT_TRUE(set_value(kukar, kukar_8000()).ok());
    auto b = board(kukar, "PDIP");
    ASSERT_TRUE(b.ok());
    LpjInput prev{"64.02", "PDIP",       "LHP 12/2025", "",           2024,
                  0,       "2025-01-20", "2025-03-15",  "2025-04-10", "2025-05-05"};
    ASSERT_TRUE(lpj(kukar, prev).ok());
    auto app = db_->write_value<Application>([&](db::Conn& c) {
      return create_application(
          c, kukar, {b->id, 2025, "001/DPC-PDIP/I/2025", "2025-02-03", "2025-02-04", false});
    });
    ASSERT_TRUE(app.ok());
    id = app->id;
  }
  Result<Application> team(const auth::Scope& who, VerificationTeam t) {
    int64_t version = count("SELECT version FROM banpol_applications WHERE id = ?", {id});
    return db_->write_value<Application>(
        [&](db::Conn& c) { return set_verification_team(c, who, id, version, t); });
  }
  static VerificationTeam kukar_team() {
    return {
        "Keputusan Bupati Kutai Kartanegara Nomor 100.3.3.2/77/HK/2025",
        "2025-03-10",
        {{"Ir. Ahmad Ketua", "197001011995031001", "Kepala Bidang Politik Dalam Negeri", "KETUA"},
         {"Siti Sekretaris", "198502022010012002", "Analis Kebijakan", "SEKRETARIS"},
         {"Budi Anggota", "", "Inspektorat", "ANGGOTA"}}};
  }
  Result<std::string> ba_verification(const auth::Scope& who) {
    return db_->read_value<std::string>(
        [&](db::Conn& c) -> Result<std::string> {
          // The number the register prints: the one the team gave the Berita Acara.
          PANTAU_TRY(documents::DocumentRef ref, verification_report_document(c, who, id));
          documents::Stamp st = kStamp;
          st.number = ref.number;
          return verification_report_pdf(c, who, id, st);
        });
  }
  Result<std::string> ba_handover(const auth::Scope& who) {
    return db_->read_value<std::string>(
        [&](db::Conn& c) { return handover_report_pdf(c, who, id, kStamp); });
  }
  int64_t id = 0;
};

TEST_P(PartyAidDocumentsTest, VerificationTeamIsValidatedAndLockedAfterVerification) {
  VerificationTeam none = kukar_team();
  none.members[0].role = "ANGGOTA";
  EXPECT_EQ(team(kukar, none).error().fields.at(0).code, "one_chair");
  VerificationTeam bad_nip = kukar_team();
  bad_nip.members[1].nip = "12345";
  EXPECT_EQ(team(kukar, bad_nip).error().fields.at(0).field, "members[1].nip");
  VerificationTeam no_decree = kukar_team();
  no_decree.decree_no = " ";
  EXPECT_EQ(team(kukar, no_decree).error().fields.at(0).field, "decree_no");
  EXPECT_EQ(team(kalsel, kukar_team()).error().kind, ErrorKind::NotFound);
  EXPECT_EQ(team(user_in("64.02", "AUDITOR_VIEW"), kukar_team()).error().kind,
            ErrorKind::Forbidden);
  auto ok = team(kukar, kukar_team());
  ASSERT_TRUE(ok.ok()) << ok.error().message.en;
  ASSERT_EQ(ok->verification_team.members.size(), 3u);
  EXPECT_EQ(ok->verification_team.members[0].role, "KETUA");
  EXPECT_EQ(ok->verification_team.meeting_date.value_or(""), "2025-03-10");
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'verification_team'"), 1);
  // A stale version is refused.
  auto stale = db_->write_value<Application>(
      [&](db::Conn& c) { return set_verification_team(c, kukar, id, 1, kukar_team()); });
  EXPECT_FALSE(stale.ok());
  // Before scheduling there is no Berita Acara.
  EXPECT_EQ(ba_verification(kukar).error().code, "banpol.verification_not_scheduled");
}

TEST_P(PartyAidDocumentsTest, BeritaAcaraOfVerificationAndHandover) {
  ASSERT_TRUE(act(kukar, id, AppAction::StartCheck).ok());
  complete_documents(id);
  ASSERT_TRUE(act(kukar, id, AppAction::ScheduleVerification).ok());
  EXPECT_EQ(ba_verification(kukar).error().code, "banpol.verification_team_missing");
  ASSERT_TRUE(team(kukar, kukar_team()).ok());
  // Scheduled: a draft that says what is still missing (no usage plan yet).
  auto draft = ba_verification(kukar);
  ASSERT_TRUE(draft.ok()) << draft.error().message.en;
  std::string d = pdf_words(*draft);
  EXPECT_NE(d.find("BERITA ACARA HASIL VERIFIKASI (DRAF)"), std::string::npos) << d;
  EXPECT_NE(d.find("BELUM MEMENUHI SYARAT"), std::string::npos) << d;
  ASSERT_TRUE(plan(kukar, id, 698942400, 465961600).ok());
  ActionInput verify;
  verify.ba_verification_no = "BA.200/15/Kesbangpol/2025";
  ASSERT_TRUE(act(kukar_analis, id, AppAction::Verify, verify).ok());
  // Once verified the team is fixed.
  EXPECT_EQ(team(kukar, kukar_team()).error().code, "banpol.application_locked");

  auto ba = ba_verification(kukar_analis);
  ASSERT_TRUE(ba.ok()) << ba.error().message.en;
  ASSERT_EQ(ba->rfind("%PDF", 0), 0u);
  std::string t = pdf_words(*ba);
  for (const char* want :
       {"PEMERINTAH KABUPATEN KUTAI KARTANEGARA",
        "BERITA ACARA HASIL VERIFIKASI",
        "TAHUN ANGGARAN 2025",
        "Nomor: BA.200/15/Kesbangpol/2025",
        "Senin tanggal 10 Maret 2025",
        "dibentuk dengan Keputusan Bupati Kutai Kartanegara Nomor 100.3.3.2/77/HK/2025",
        "Partai PDIP (PDIP)",
        "SK DPP Nomor SK DPP 12/2024",
        "01.234.567.8-901.000",
        "0011223344 pada Bank Kaltimtara",
        "145.613",
        "Rp 8.000",
        "Rp 1.164.904.000",
        "satu miliar seratus enam puluh empat juta sembilan ratus empat ribu rupiah",
        "SK DPP tentang susunan pengurus",
        "Lengkap dan sesuai",
        "Rp 698.942.400 (60,00%)",
        "Terpenuhi",
        "MEMENUHI SYARAT",
        "Ir. Ahmad Ketua",
        "NIP. 197001011995031001",
        "Siti Sekretaris",
        "Budi Anggota",
        "KETUA TIM VERIFIKASI",
        "Kutai Kartanegara, 10 Maret 2025"})
    EXPECT_NE(t.find(want), std::string::npos) << want << "\n" << t;
  EXPECT_EQ(t.find("BELUM MEMENUHI"), std::string::npos);
  EXPECT_EQ(t.find("(DRAF)"), std::string::npos);
  // Another province's office does not find it.
  EXPECT_EQ(ba_verification(kalsel).error().kind, ErrorKind::NotFound);

  // No handover before the payment.
  EXPECT_EQ(ba_handover(kukar).error().code, "banpol.not_disbursed");
  ActionInput determine;
  determine.decree_no = "Kep. Bupati 100.3.3.2/123/2025";
  ASSERT_TRUE(act(kukar_kaban, id, AppAction::Determine, determine).ok());
  ASSERT_TRUE(act(kukar_kaban, id, AppAction::RequestDisbursement).ok());
  ActionInput pay;
  pay.sp2d_no = "SP2D 0456/LS/2025";
  pay.sp2d_date = "2025-04-21";
  ASSERT_TRUE(act(kukar_kaban, id, AppAction::Disburse, pay).ok());
  auto handover = ba_handover(kukar);
  ASSERT_TRUE(handover.ok()) << handover.error().message.en;
  std::string h = pdf_words(*handover);
  for (const char* want :
       {"BERITA ACARA SERAH TERIMA", "TAHUN ANGGARAN 2025", "Senin tanggal 21 April 2025",
        "PIHAK PERTAMA", "Drs. Kepala Badan", "PIHAK KEDUA", "Ketua Partai PDIP (PDIP)",
        "Rp 1.164.904.000",
        "satu miliar seratus enam puluh empat juta sembilan ratus empat ribu rupiah",
        "Kep. Bupati 100.3.3.2/123/2025", "SP2D Nomor SP2D 0456/LS/2025 tanggal 21 April 2025",
        "0011223344 pada Bank Kaltimtara atas nama DPC PDIP", "31 Januari 2026", "SAKSI-SAKSI",
        "Sekretaris", "Bendahara"})
    EXPECT_NE(h.find(want), std::string::npos) << want << "\n" << h;
  EXPECT_EQ(ba_handover(kalsel).error().kind, ErrorKind::NotFound);
}

TEST_P(PartyAidDocumentsTest, DraftDecreeOfTheBupati) {
  auto decree = [&](const auth::Scope& who, const std::string& region) {
    return db_->read_value<std::string>(
        [&](db::Conn& c) { return decree_pdf(c, who, region, 2025, kStamp); });
  };
  auto pdf = decree(kukar, "64.02");
  ASSERT_TRUE(pdf.ok()) << pdf.error().message.en;
  std::string t = pdf_words(*pdf);
  for (const char* want :
       {"KEPUTUSAN BUPATI KUTAI KARTANEGARA",
        "NOMOR ........ TAHUN 2025",
        "TENTANG",
        "DEWAN PERWAKILAN RAKYAT DAERAH KABUPATEN KUTAI KARTANEGARA",
        "Menimbang",
        "Mengingat",
        "Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik",
        "Peraturan Pemerintah Nomor 5 Tahun 2009",
        "Peraturan Menteri Dalam Negeri Nomor 36 Tahun 2018",
        "Keputusan Bupati Kutai Kartanegara tentang bantuan keuangan partai politik",
        "persetujuan Menteri Dalam Negeri Nomor 900.1.9/1234/Polpum",
        "MEMUTUSKAN",
        "KESATU",
        "Rp 8.000 per suara sah",
        "Partai PDIP (PDIP)",
        "145.613",
        "1.164.904.000",
        "Partai GOLKAR (GOLKAR)",
        "75.106",
        "600.848.000",
        "JUMLAH",
        "220.719",
        "1.765.752.000",
        "8.000",
        "menetapkan Keputusan Bupati Kutai Kartanegara tentang Bantuan Keuangan kepada Partai "
        "Politik",
        "Rp 1.765.752.000",
        "satu miliar tujuh ratus enam puluh lima juta tujuh ratus lima puluh dua ribu rupiah",
        "paling sedikit 60% untuk pendidikan politik",
        "Ditetapkan di Kutai Kartanegara"})
    EXPECT_NE(t.find(want), std::string::npos) << want << "\n" << t;
  // PKB has votes but no seat: not in the decree.
  EXPECT_EQ(t.find("PKB"), std::string::npos);
  EXPECT_EQ(decree(kalsel, "64.02").error().kind, ErrorKind::NotFound);
  EXPECT_EQ(decree(kaltim, "64").error().code, "banpol.no_allocation");
  EXPECT_EQ(decree(kaltim, "").error().fields.at(0).code, "not_allowed");
}

TEST_P(PartyAidDocumentsTest, EvaluationRecapPerRegionAndParty) {
  ASSERT_TRUE(plan(kukar, id, 698942400, 465961600).ok());
  auto sheet = [&](const auth::Scope& who, const std::string& root) {
    return db_->read_value<std::string>(
        [&](db::Conn& c) { return evaluation_xlsx(c, who, root, 2025); });
  };
  auto x = sheet(kaltim, "64");
  ASSERT_TRUE(x.ok()) << x.error().message.en;
  std::string t = xlsx_text(*x);
  for (const char* want :
       {"REKAPITULASI EVALUASI BANTUAN KEUANGAN PARTAI POLITIK TAHUN ANGGARAN 2025",
        "Kabupaten Kutai Kartanegara", "PDIP", "GOLKAR", "1164904000", "600848000", "Diterima",
        "Belum mengajukan", "698942400", "Paling sedikit 60%", "LPJ 2024 diperiksa BPK",
        "Sanksi aktif"})
    EXPECT_NE(t.find(want), std::string::npos) << want;
  EXPECT_EQ(t.find("PKB"), std::string::npos) << "no seat, no row";
  // Outside the caller's scope: not found.
  EXPECT_EQ(sheet(kalsel, "64").error().kind, ErrorKind::NotFound);
  auto own = sheet(kalsel, "63");
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(xlsx_text(*own).find("Kutai"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, PartyAidDocumentsTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(Backends, PartyAidStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
