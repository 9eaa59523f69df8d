// The democracy index on both databases: reference data, official-value import, the evidence
// log in scope, proposals from a conflict incident, and the provisional index they move.
#include "modules/democracy/store.h"

#include <fmt/format.h>

#include "fixtures.h"
#include "http/params.h"
#include "modules/conflict/store.h"
#include "modules/regions/seed.h"
#include "store_fixture.h"

using namespace pantau;
using namespace pantau::democracy;

namespace {

// A page of records as the list answers it: {"items":[...],"next_after":...}.
template <class T>
std::string page_json(const db::Page<T>& page) {
  return http::page_json(page);
}
// The records of a list as their JSON, one after another.
template <class T>
std::string all_json(const std::vector<T>& items) {
  std::string out;
  for (const auto& x : items) out += to_json(x);
  return out;
}

class DemocracyStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    auto r = regions::seed_regions(*db_, PANTAU_DATA_DIR);
    ASSERT_TRUE(r.ok()) << r.error().message.en;
    Status s = db_->write([](db::Conn& c) { return seed_reference(c, PANTAU_DATA_DIR); });
    ASSERT_TRUE(s.ok()) << s.error().message.en;
    kab = user_in("63.71", "OPERATOR");
    kab_other = user_in("63.72", "ANALIS");
    prov = user_in("63", "KABID", 1);
    other_prov = user_in("64", "KABID", 2);
    admin = user_in("", "ADMIN_PUSAT", 2);
    year = std::stoi(now_iso().substr(0, 4));
    today = now_iso().substr(0, 10);
  }
  template <class F>
  std::string read(F&& f) {
    std::string out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { out = f(c); }).ok());
    return out;
  }
  Result<int64_t> add(const auth::Scope& s, const std::string& region, int indicator, int sign, int classification = 0) {
    EvidenceInput in{region, today, "Pembubaran diskusi oleh massa", "banjarmasinpost.co.id", "Pokja IDI", indicator, sign, classification};
    return db_->write_value<int64_t>([&](db::Conn& c) { return create_evidence(c, s, in); });
  }
  Result<ImportReport> import(const auth::Scope& s, const std::string& csv) {
    auto t = parse_csv(csv);
    EXPECT_TRUE(t.ok());
    std::optional<ImportReport> rep;
    Status st = db_->write([&](db::Conn& c) -> Status {
      PANTAU_TRY(rep, import_values(c, s, *t, "sha"));
      if (!rep->refused.empty()) return Error::invalid({});
      return {};
    });
    if (!rep) return st.error();
    return *rep;
  }
  double indicator_score(const std::string& json, int n) {
    auto pos = json.find(fmt::format("{{\"number\":{},", n));
    EXPECT_NE(pos, std::string::npos);
    auto p = json.find("\"provisional\":", pos);
    return std::stod(json.substr(p + 14));
  }
  double total(const std::string& json) {
    auto p = json.find("\"total\":");
    return std::stod(json.substr(p + 8));
  }
  std::string provisional(const auth::Scope& s, const std::string& region, int y) {
    return read([&](db::Conn& c) {
      auto r = democracy::provisional(c, s, region, y);
      return r.ok() ? to_json(*r) : "ERROR " + r.error().code;
    });
  }
  auth::Scope kab, kab_other, prov, other_prov, admin;
  int year = 0;
  std::string today;
};

TEST_P(DemocracyStoreTest, ReferenceDataAndMissingProvinces) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM democracy_indicators WHERE method = 'NEW_2021'"), 22);
  EXPECT_EQ(count("SELECT COUNT(*) FROM democracy_indicators WHERE method = 'OLD_2009'"), 28);
  std::string cov = read([](db::Conn& c) { return to_json(coverage(c, 2023)); });
  EXPECT_NE(cov.find(R"("code":"63","name":"Kalimantan Selatan","missing":false,"value":80.44,"value_text":"80.44","category":"BAIK","rank":10)"),
            std::string::npos) << cov;
  EXPECT_NE(cov.find(R"("found":13,"missing":25)"), std::string::npos) << cov;
  EXPECT_NE(cov.find(R"("code":"19","name":"Kepulauan Bangka Belitung","missing":true,"value":null)"), std::string::npos);
  EXPECT_NE(cov.find(R"("nasional":{"value":79.51,"value_text":"79.51","category":"SEDANG")"), std::string::npos);
  std::string trend = read([](db::Conn& c) { return to_json(democracy::trend(c, "64")); });
  EXPECT_NE(trend.find(R"({"year":2022,"method":"NEW_2021","total":83.58,"kebebasan":91.4,"kesetaraan":79.25,"kapasitas":81.06})"),
            std::string::npos) << trend;
  // The shipped proposal rules are the ones the rule table tests.
  auto shipped = load_cases("idi_proposal_rules.tsv");
  std::vector<ProposalRule> rules;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { rules = proposal_rules(c, false); }).ok());
  ASSERT_EQ(rules.size(), shipped.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    EXPECT_EQ(rules[i].source_kind, shipped[i][1]);
    EXPECT_EQ(rules[i].match, shipped[i][2]);
    EXPECT_EQ(rules[i].indicator_no, std::stoi(shipped[i][3]));
    EXPECT_EQ(rules[i].sign, std::stoi(shipped[i][4]));
  }
}

TEST_P(DemocracyStoreTest, ImportWithBadRowsWritesNothing) {
  std::string bad =
      "year,level,province_code,scope,aspect,indicator_no,method,value,rank,source_release\n"
      "2023,PROVINSI,19,TOTAL,,,NEW_2021,78.10,,BRS BPS Babel\n"       // good
      "2023,PROVINSI,99,TOTAL,,,NEW_2021,70.00,,BRS\n"                 // unknown province
      "2023,PROVINSI,18,TOTAL,,,NEW_2021,\"80,44\",,BRS\n"             // decimal comma
      "2019,PROVINSI,18,TOTAL,,,NEW_2021,70.00,,BRS\n"                 // method of another year
      "2023,PROVINSI,19,TOTAL,,,NEW_2021,78.10,,BRS BPS Babel\n"       // duplicate of line 2
      "2023,PROVINSI,18,INDICATOR,,23,NEW_2021,70.00,,BRS\n"           // no indicator 23
      "2023,PROVINSI,18,TOTAL,,,NEW_2021,70.00,,\n";                   // no source
  auto rep = import(admin, bad);
  ASSERT_TRUE(rep.ok());
  std::vector<std::pair<int, std::string>> refused;
  for (auto& [line, e] : rep->refused) refused.push_back({line, e.field});
  std::vector<std::pair<int, std::string>> expected = {{3, "province_code"}, {4, "value"}, {5, "method"}, {6, "year"},
                                                       {7, "indicator_no"}, {8, "source_release"}};
  EXPECT_EQ(refused, expected);
  EXPECT_EQ(count("SELECT COUNT(*) FROM democracy_values WHERE province_code = '19' AND year = 2023"), 0);
  auto ok = import(admin, "year,level,province_code,scope,aspect,indicator_no,method,value,rank,source_release\n"
                          "2023,PROVINSI,19,TOTAL,,,NEW_2021,78.10,15,BRS BPS Babel\n2023,PROVINSI,19,INDICATOR,,3,NEW_2021,59.99,,BRS BPS Babel\n");
  ASSERT_TRUE(ok.ok());
  EXPECT_TRUE(ok->refused.empty());
  EXPECT_EQ(ok->imported, 2);
  std::string v = read([](db::Conn& c) { return all_json(official_values(c, {2023, "PROVINSI", "19", ""})); });
  EXPECT_NE(v.find(R"("scope":"INDICATOR","aspect":"KEBEBASAN","indicator_no":3,"method":"NEW_2021","value":59.99,"value_text":"59.99","category":"BURUK")"),
            std::string::npos) << v;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'import' AND entity = 'democracy_values'"), 1);
  // Only a national administrator imports official values.
  auto refused_scope = import(prov, "year,level,province_code,scope,aspect,indicator_no,method,value,rank,source_release\n"
                                    "2023,PROVINSI,63,TOTAL,,,NEW_2021,99.00,,x\n");
  ASSERT_FALSE(refused_scope.ok());
  EXPECT_EQ(refused_scope.error().kind, ErrorKind::Forbidden);
}

TEST_P(DemocracyStoreTest, EvidenceIsScopedByRegionAndClearance) {
  auto mine = add(kab, "63.71", 1, -1);
  ASSERT_TRUE(mine.ok()) << mine.error().message.en;
  EXPECT_EQ(add(kab, "63.72", 1, -1).error().kind, ErrorKind::Forbidden);
  // A kecamatan's item is kept for its kab/kota.
  auto kec = add(kab, "63.71.01", 2, -1);
  ASSERT_TRUE(kec.ok()) << kec.error().message.en;
  EXPECT_NE(read([&](db::Conn& c) { return to_json(*get_evidence(c, kab, *kec)); }).find(R"("region_code":"63.71")"), std::string::npos);
  auto theirs = add(kab_other, "63.72", 7, 1);
  ASSERT_TRUE(theirs.ok());
  auto secret = add(prov, "63", 3, -1, 1);
  ASSERT_TRUE(secret.ok());
  EXPECT_EQ(add(kab, "63.71", 1, -1, 1).error().code, "validation_failed");  // above the operator's clearance
  auto ids = [&](const auth::Scope& s) {
    std::string j = read([&](db::Conn& c) { return page_json(list_evidence(c, s, {}, {std::nullopt, 100})); });
    std::vector<int64_t> out;
    for (int64_t id : {*mine, *theirs, *secret})
      if (j.find(fmt::format("{{\"id\":{},", id)) != std::string::npos) out.push_back(id);
    return out;
  };
  EXPECT_EQ(ids(kab), (std::vector<int64_t>{*mine}));
  EXPECT_EQ(ids(kab_other), (std::vector<int64_t>{*theirs}));
  EXPECT_EQ(ids(prov), (std::vector<int64_t>{*mine, *theirs, *secret}));
  EXPECT_TRUE(ids(other_prov).empty());
  // Update with a stale version is refused; with the current one it moves the item.
  EvidenceInput in{"63.71", today, "Diskusi publik dibubarkan", "banjarmasinpost.co.id", "Bidang Poldagri", 1, -1, 0};
  Status stale = db_->write([&](db::Conn& c) -> Status { auto r = update_evidence(c, kab, *mine, 7, in); return r.ok() ? Status{} : Status(r.error()); });
  EXPECT_EQ(stale.error().kind, ErrorKind::PreconditionFailed);
  Status ok = db_->write([&](db::Conn& c) -> Status { auto r = update_evidence(c, kab, *mine, 1, in); return r.ok() ? Status{} : Status(r.error()); });
  EXPECT_TRUE(ok.ok());
  Status not_visible = db_->write([&](db::Conn& c) -> Status { auto r = update_evidence(c, kab_other, *mine, 2, in); return r.ok() ? Status{} : Status(r.error()); });
  EXPECT_EQ(not_visible.error().kind, ErrorKind::NotFound);
}

TEST_P(DemocracyStoreTest, IncidentProposalAcceptedMovesTheProvisionalIndex) {
  double before_kab = indicator_score(provisional(prov, "63.71", year), 3);
  double before_total = total(provisional(prov, "63", year));
  conflict::IncidentInput inc;
  inc.region_code = "63.71";
  inc.occurred_on = today;
  inc.source = "SARA";
  inc.type_code = "RELIGION.BUILDING";
  inc.info_source = "FIELD";
  inc.description = "Penolakan pembangunan rumah ibadah";
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return conflict::create_incident(c, kab, inc); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  auto secret_inc = inc;
  secret_inc.classification = 2;
  auto kab_kaban = user_in("63.71", "KABAN", 2);
  ASSERT_TRUE(db_->write_value<int64_t>([&](db::Conn& c) { return conflict::create_incident(c, kab_kaban, secret_inc); }).ok());
  int64_t created = 0;
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status { created = scan_proposals(c); return {}; }).ok());
  EXPECT_EQ(created, 2);
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status { created = scan_proposals(c); return {}; }).ok());
  EXPECT_EQ(created, 0) << "a record is proposed once";
  auto list = [&](const auth::Scope& s) { return read([&](db::Conn& c) { return page_json(list_proposals(c, s, "PENDING", {std::nullopt, 50})); }); };
  std::string for_prov = list(prov);
  EXPECT_NE(for_prov.find(fmt::format(R"("source_kind":"INCIDENT","source_id":{},"record_link":"/conflict/incidents/{}")", *id, *id)),
            std::string::npos) << for_prov;
  EXPECT_NE(for_prov.find(R"("indicator_no":3,"aspect":"KEBEBASAN","sign":-1)"), std::string::npos);
  // The RAHASIA incident's proposal is not shown to the province's clearance-1 user, nor either
  // proposal outside Kalimantan Selatan or in a neighbouring kab/kota.
  EXPECT_EQ(for_prov.find("\"classification\":\"RAHASIA\""), std::string::npos);
  EXPECT_NE(list(kab_kaban).find("\"classification\":\"RAHASIA\""), std::string::npos);
  EXPECT_EQ(list(other_prov).find("\"source_kind\""), std::string::npos);
  EXPECT_EQ(list(kab_other).find("\"source_kind\""), std::string::npos);
  int64_t proposal = *db_->read_value<int64_t>([&](db::Conn& c) -> Result<int64_t> {
    return *c.query_i64("SELECT id FROM democracy_proposals WHERE source_id = ? AND classification = 0", {*id});
  });
  auto accepted = db_->write_value<int64_t>([&](db::Conn& c) {
    EvidenceInput edit;
    edit.handled_by = "Pokja IDI Provinsi";
    return accept_proposal(c, prov, proposal, 1, edit);
  });
  ASSERT_TRUE(accepted.ok()) << accepted.error().message.en;
  auto again = db_->write_value<int64_t>([&](db::Conn& c) { return accept_proposal(c, prov, proposal, 2, {}); });
  EXPECT_EQ(again.error().kind, ErrorKind::Conflict);
  std::string ev = read([&](db::Conn& c) { return to_json(*get_evidence(c, kab, *accepted)); });
  EXPECT_NE(ev.find(R"("handled_by":"Pokja IDI Provinsi","classification":"BIASA","source_kind":"INCIDENT")"), std::string::npos) << ev;
  // One negative item takes negative_points (2 in the shipped weights) from indicator 3.
  EXPECT_NEAR(indicator_score(provisional(prov, "63.71", year), 3), before_kab - 2.0, 1e-9);
  EXPECT_LT(total(provisional(prov, "63", year)), before_total);
  // A kab/kota sees its own index, not its neighbour's or the province's.
  EXPECT_EQ(provisional(kab, "63.72", year), "ERROR not_found");
  EXPECT_EQ(provisional(kab, "63", year), "ERROR not_found");
}

TEST_P(DemocracyStoreTest, ProvisionalBesideOfficialAndBackTest) {
  // No evidence in 2023: every indicator starts from the official 2022 value of Kalimantan
  // Selatan (80.86), so the provisional 2023 index is 80.86 against the official 80.44.
  std::string p = provisional(prov, "63", 2023);
  EXPECT_NE(p.find(R"("official":false,"label":{"id":"Indeks sementara)"), std::string::npos) << p.substr(0, 300);
  EXPECT_NE(p.find(R"("total":80.86,"category":"BAIK","official_total":80.44,"difference":0.42)"), std::string::npos) << p.substr(0, 800);
  EXPECT_NE(p.find("IDI provinsi resmi 2022"), std::string::npos);
  std::string bt = read([&](db::Conn& c) { return to_json(backtest(c, prov, 2023)); });
  EXPECT_EQ(bt.find("\"province_code\""), std::string::npos) << "no evidence of 2023, nothing to back-test";
  // Evidence dated in 2023, recorded later for the back-test.
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("INSERT INTO democracy_evidence (year, region_code, indicator_no, event_date, description, source, sign, created_by, created_at, updated_at) "
           "VALUES (2023, '63.71', 3, '2023-05-02', 'x', 'y', -1, ?, '2023-05-02', '2023-05-02')", {prov.user_id});
    return {};
  }).ok());
  bt = read([&](db::Conn& c) { return to_json(backtest(c, prov, 2023)); });
  EXPECT_NE(bt.find(R"({"province_code":"63","name":"Kalimantan Selatan","provisional":80.76,"official":80.44,"difference":0.32})"), std::string::npos) << bt;
}

TEST_P(DemocracyStoreTest, WeightSetsMustSumToOne) {
  WeightSet w;
  w.code = "AHP-2026";
  w.name = "Bobot Pokja";
  w.source = "Rapat Pokja IDI Kalsel";
  w.decided_on = "2026-03-01";
  w.aspect = {{"KEBEBASAN", 0.5}, {"KESETARAAN", 0.3}, {"KAPASITAS", 0.3}};
  for (int n = 1; n <= 22; ++n) w.indicator[n] = n <= 7 ? 1.0 / 7 : n <= 14 ? 1.0 / 7 : 0.125;
  Status bad = db_->write([&](db::Conn& c) { return create_weight_set(c, admin, w); });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.at(0).field, "aspects");
  w.aspect["KAPASITAS"] = 0.2;
  EXPECT_EQ(db_->write([&](db::Conn& c) { return create_weight_set(c, prov, w); }).error().kind, ErrorKind::Forbidden);
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return create_weight_set(c, admin, w); }).ok());
  std::string p = provisional(prov, "63", 2023);
  EXPECT_NE(p.find(R"("weights":{"code":"AHP-2026")"), std::string::npos);
}

TEST_P(DemocracyStoreTest, ImprovementPlanUsesTheMeetingsActionItems) {
  ASSERT_TRUE(add(kab, "63.71", 7, -1).ok());
  PlanItemInput in{"63.71", "Pelatihan jurnalis dan aparat", "", "Kabid Poldagri", fmt::format("{}-12-31", year), year, 7};
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return add_plan_item(c, prov, in); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM action_items WHERE source = 'democracy' AND id = ?", {*id}), 1)
      << "the item is the meetings module's own action item";
  std::string pj = read([&](db::Conn& c) {
    auto r = plan(c, kab, "63.71", year);
    return r.ok() ? to_json(*r) : "ERROR " + r.error().code;
  });
  EXPECT_NE(pj.find(R"({"number":7,"aspect":"KEBEBASAN")"), std::string::npos) << pj;
  EXPECT_NE(pj.find(fmt::format(R"({{"id":{},"indicator":"IDI indikator 7: )", *id)), std::string::npos) << pj;
  EXPECT_EQ(read([&](db::Conn& c) { auto r = plan(c, kab_other, "63.71", year); return r.ok() ? to_json(*r) : r.error().code; }), "not_found");
  in.region_code = "64";
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return add_plan_item(c, prov, in); }).error().kind, ErrorKind::Forbidden);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemocracyStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
