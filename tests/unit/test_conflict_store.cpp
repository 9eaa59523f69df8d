// Conflict early warning on both databases: from an incident to an alert to a recorded outcome.
#include "http/handler.h"
#include "modules/conflict/store.h"

#include "store_fixture.h"

#include <rapidjson/document.h>

#include "audit/audit.h"

#include <fmt/format.h>

#include <set>

using namespace pantau;
using namespace pantau::conflict;

namespace {

class ConflictStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    op = user_in("63.71", "OPERATOR");
    kaban = user_in("63.71", "KABAN", 2);
    prov = user_in("63", "KABID", 1);
    other = user_in("63.72", "ANALIS", 2);
    today = *parse_date(now_iso().substr(0, 10));
  }
  std::string ago(int days) { return format_date(civil_from_days(days_from_civil(today) - days)); }
  IncidentInput incident(const std::string& region, int days_ago, int fatalities = 0) {
    IncidentInput in;
    in.region_code = region;
    in.occurred_on = ago(days_ago);
    in.source = "NATURAL_RESOURCE_DISPUTE";
    in.type_code = "LAND.PLANTATION";
    in.info_source = "FIELD";
    in.fatalities = fatalities;
    return in;
  }
  Result<int64_t> add(const auth::Scope& s, const IncidentInput& in) {
    return db_->write_value<int64_t>([&](db::Conn& c) { return create_incident(c, s, in); });
  }
  int64_t alerts(const std::string& rule) { return count("SELECT COUNT(*) FROM conflict_alerts WHERE rule_code = ?", {rule}); }
  auth::Scope op, kaban, prov, other;
  Date today;
};

TEST_P(ConflictStoreTest, FromIncidentToAlertToRecordedOutcome) {
  ASSERT_TRUE(add(op, incident("63.71", 3)).ok());
  EXPECT_EQ(alerts("FATALITY"), 0);
  auto deadly = add(op, incident("63.71", 1, 2));
  ASSERT_TRUE(deadly.ok()) << deadly.error().message.en;
  EXPECT_EQ(alerts("FATALITY"), 1);
  EXPECT_EQ(add(op, incident("63.72", 1)).error().kind, ErrorKind::Forbidden);  // another kab/kota

  // The province sees the alert; another kab/kota does not.
  std::string mine, theirs;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    mine = http::page_json(list_alerts(c, prov, "", today));
    theirs = http::page_json(list_alerts(c, other, "", today));
  }).ok());
  EXPECT_NE(mine.find("FATALITY"), std::string::npos);
  EXPECT_EQ(theirs.find("FATALITY"), std::string::npos);
  int64_t alert = count("SELECT id FROM conflict_alerts WHERE rule_code = 'FATALITY'");
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE entity = 'conflict_alert' AND recipient_region = '63'"), 1);

  // Assigned to an agency of the integrated team with a due date, then answered and closed.
  EXPECT_EQ(db_->write([&](db::Conn& c) { return assign_alert(c, op, alert, 1, "Polresta Banjarmasin", ago(-3)); }).error().kind,
            ErrorKind::Forbidden);  // an operator cannot assign
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return assign_alert(c, prov, alert, 1, "Polresta Banjarmasin", ago(-3)); }).ok());
  EXPECT_EQ(db_->write([&](db::Conn& c) { return respond_alert(c, kaban, alert, 2, "Mediasi dilakukan.", "", true); }).error().code,
            "validation_failed");  // closing needs an outcome
  ASSERT_TRUE(db_->write([&](db::Conn& c) {
    return respond_alert(c, kaban, alert, 2, "Mediasi bersama tokoh adat.", "Kedua pihak sepakat menahan diri.", true);
  }).ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflict_alerts WHERE status = 'CLOSED' AND outcome <> ''"), 1);
}

TEST_P(ConflictStoreTest, SurgeAgainstTheRegionsBaselineAndOverdueEscalation) {
  for (int d = 0; d < 3; ++d) ASSERT_TRUE(add(op, incident("63.71", d)).ok());
  EXPECT_EQ(alerts("INCIDENT_SURGE"), 1);
  ASSERT_TRUE(add(op, incident("63.71", 0)).ok());
  EXPECT_EQ(alerts("INCIDENT_SURGE"), 1);  // one open surge alert per kab/kota
  int64_t alert = count("SELECT id FROM conflict_alerts WHERE rule_code = 'INCIDENT_SURGE'");
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return assign_alert(c, prov, alert, 1, "Satpol PP", ago(2)); }).ok());
  std::string json;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { json = http::page_json(list_alerts(c, prov, "", today)); }).ok());
  EXPECT_NE(json.find("\"overdue\":true"), std::string::npos);
  EXPECT_NE(json.find("\"escalated_to\":\"63\""), std::string::npos);
}

TEST_P(ConflictStoreTest, TheAlertEngineReadsTheRulesAdministratorsSet) {
  auth::Scope admin = user_in("", "ADMIN_PUSAT"), regional = user_in("63", "ADMIN_DAERAH");
  int64_t fatality_rule = count("SELECT id FROM conflict_alert_rules WHERE kind = 'FATALITY'");
  ASSERT_GT(fatality_rule, 0);
  AlertRule off;
  off.code = "FATALITY";
  off.active = false;
  // Only a national administrator changes them; a stale version is refused.
  EXPECT_EQ(db_->write([&](db::Conn& c) { return update_alert_rule(c, regional, fatality_rule, 1, off, ""); }).error().kind,
            ErrorKind::Forbidden);
  EXPECT_EQ(db_->write([&](db::Conn& c) { return update_alert_rule(c, admin, fatality_rule, 7, off, ""); }).error().kind,
            ErrorKind::PreconditionFailed);
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return update_alert_rule(c, admin, fatality_rule, 1, off, "Uji"); }).ok());
  EXPECT_EQ(count("SELECT version FROM conflict_alert_rules WHERE id = ?", {fatality_rule}), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'conflict_alert_rule'"), 1);
  ASSERT_TRUE(add(op, incident("63.71", 1, 2)).ok());
  EXPECT_EQ(alerts("FATALITY"), 0) << "a disabled rule raises nothing";
  // A second rule of the kind, told to the province and the ministry.
  AlertRule up;
  up.code = "FATALITY";
  up.target_tier = "PROVINSI";
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return create_alert_rule(c, admin, up, ""); });
  ASSERT_TRUE(id.ok());
  AlertRule bad = up;
  bad.days = 0;
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return create_alert_rule(c, admin, bad, ""); }).error().kind,
            ErrorKind::Invalid);
  ASSERT_TRUE(add(op, incident("63.71", 1, 1)).ok());
  EXPECT_EQ(alerts("FATALITY"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE entity = 'conflict_alert' AND recipient_region = '63.71'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE entity = 'conflict_alert' AND recipient_region = '63'"), 1);
  std::string json;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { json = http::items_json(list_alert_rules(c)); }).ok());
  EXPECT_NE(json.find(R"("target_tier":"PROVINSI")"), std::string::npos) << json;
}

TEST_P(ConflictStoreTest, IncidentTimeAndServerSideFilters) {
  auto timed = incident("63.71", 2);
  timed.occurred_time = "21:15";
  auto other = incident("63.71", 3);
  other.source = "SARA";
  other.type_code = "CLASH.VILLAGE";
  ASSERT_TRUE(add(op, timed).ok());
  ASSERT_TRUE(add(op, other).ok());
  auto bad = incident("63.71", 1);
  bad.occurred_time = "25:00";
  auto errs = validate_incident(bad, now_iso());
  ASSERT_EQ(errs.size(), 1u);
  EXPECT_EQ(errs[0].field, "occurred_time");
  std::string all, sara, clash, land, verified;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    all = http::page_json(list_incidents(c, op, {"", "", "", {}, {std::nullopt, 100}}));
    sara = http::page_json(list_incidents(c, op, {"", "", "", {"SARA", "", "", ""}, {std::nullopt, 100}}));
    clash = http::page_json(list_incidents(c, op, {"", "", "", {"", "CLASH", "", ""}, {std::nullopt, 100}}));
    land = http::page_json(list_incidents(c, op, {"", "", "", {"", "LAND.PLANTATION", "", "FIELD"}, {std::nullopt, 100}}));
    verified = http::page_json(list_incidents(c, op, {"", "", "", {"", "", "VERIFIED", ""}, {std::nullopt, 100}}));
  }).ok());
  EXPECT_NE(all.find(R"("occurred_time":"21:15")"), std::string::npos) << all;
  EXPECT_NE(all.find(R"("occurred_time":null)"), std::string::npos) << all;
  auto n = [](const std::string& j) { size_t k = 0, at = 0; while ((at = j.find("\"police_group\"", at)) != std::string::npos) { ++k; ++at; } return k; };
  EXPECT_EQ(n(all), 2u);
  EXPECT_EQ(n(sara), 1u);
  EXPECT_EQ(n(clash), 1u) << "a type matches its sub-types";
  EXPECT_EQ(n(land), 1u);
  EXPECT_EQ(n(verified), 0u);
}

TEST_P(ConflictStoreTest, HotspotStagesAndTheStatusLimit) {
  HotspotInput h;
  h.region_code = "63.71";
  h.name = "Sengketa lahan perkebunan Desa X";
  h.source = "NATURAL_RESOURCE_DISPUTE";
  h.type_code = "LAND.PLANTATION";
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return create_hotspot(c, op, h); });
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return change_stage(c, op, *id, 1, Stage::Escalating, "Massa berkumpul."); }).ok());
  EXPECT_EQ(alerts("HOTSPOT_ESCALATING"), 1);
  EXPECT_EQ(db_->write([&](db::Conn& c) { return change_stage(c, op, *id, 1, Stage::Open, ""); }).error().kind,
            ErrorKind::PreconditionFailed);

  StatusInput s{"KABKOTA", "63.71", "188.45/12/2026", ago(0), 91, *id};
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return declare_status(c, kaban, s); }).error().code, "validation_failed");
  s.duration_days = 90;
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return declare_status(c, op, s); }).error().kind, ErrorKind::Forbidden);
  auto st = db_->write_value<int64_t>([&](db::Conn& c) { return declare_status(c, kaban, s); });
  ASSERT_TRUE(st.ok()) << st.error().message.en;
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflict_hotspots WHERE stage = 'STATUS_DECLARED'"), 1);
  EXPECT_EQ(db_->write([&](db::Conn& c) { return extend_status(c, kaban, *st, 1, 31, "SK 2"); }).error().code, "validation_failed");
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return extend_status(c, kaban, *st, 1, 30, "SK 2"); }).ok());
  EXPECT_EQ(db_->write([&](db::Conn& c) { return extend_status(c, kaban, *st, 2, 10, "SK 3"); }).error().code, "already_extended");
}

TEST_P(ConflictStoreTest, CsvImportIsAllOrNothingWithAReportPerRow) {
  std::string bad = "region_code,occurred_on,source,type_code,info_source,fatalities\n"
                    "63.71," + ago(2) + ",SARA,CLASH.ETHNIC,MEDIA,0\n"
                    "12.1," + ago(2) + ",SARA,CLASH.ETHNIC,MEDIA,0\n"
                    "63.72," + ago(2) + ",SARA,CLASH.ETHNIC,MEDIA,0\n"
                    "63.71,2026-13-01,WAR,NOPE,RUMOUR,-1\n";
  auto t = parse_csv(bad);
  ASSERT_TRUE(t.ok());
  auto rep = db_->write_value<ImportReport>([&](db::Conn& c) { return import_incidents(c, op, *t); });
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep->rows, 4);
  EXPECT_TRUE(rep->created.empty());
  std::set<int> lines;
  for (auto& [line, e] : rep->refused) lines.insert(line);
  EXPECT_EQ(lines, (std::set<int>{3, 4, 5}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflict_incidents"), 0);
  auto good = parse_csv("region_code,occurred_on,source,type_code,info_source\n63.71," + ago(5) + ",SARA,CLASH.ETHNIC,MEDIA\n63.71," +
                        ago(4) + ",BOUNDARY,BOUNDARY,AGENCY\n");
  int64_t audit_before = count("SELECT COUNT(*) FROM audit_log WHERE entity = 'conflict_incident'");
  auto ok = db_->write_value<ImportReport>([&](db::Conn& c) { return import_incidents(c, op, *good, "ab12"); });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->created.size(), 2u);
  // One audit row for the whole file: its hash, the row count, the first and last id.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'conflict_incident'"), audit_before + 1);
  std::string after;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    c.query("SELECT action, entity_id, after_json FROM audit_log WHERE entity = 'conflict_incident' ORDER BY seq DESC LIMIT 1", {},
            [&](const db::Row& r) { after = r.str(0) + " " + r.str(1) + " " + r.str(2); });
  }).ok());
  EXPECT_EQ(after, fmt::format(R"(import {0}-{1} {{"sha256":"ab12","rows":2,"first_id":{0},"last_id":{1}}})", ok->created[0], ok->created[1]));
  std::string csv;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { csv = incidents_csv(c, prov, ""); }).ok());
  EXPECT_NE(csv.find("BATAS_WILAYAH"), std::string::npos);  // exported with the police grouping
}

TEST_P(ConflictStoreTest, VulnerabilityMapExplainsEachRegion) {
  ASSERT_TRUE(add(op, incident("63.71", 2, 1)).ok());
  std::string json;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { json = to_json(vulnerability(c, prov, 2, "", today, ScoringModel{})); }).ok());
  // 1 incident + 1 fatality x 5 = 6, rising trend +25% = 7.5
  EXPECT_NE(json.find("\"63.71\":7.5"), std::string::npos) << json;
  EXPECT_NE(json.find("\"63.72\":0"), std::string::npos);
  EXPECT_NE(json.find("\"code\":\"fatalities\""), std::string::npos);
  EXPECT_EQ(json.find("\"64.02\""), std::string::npos);  // outside the province
}

// A name is user text: quotes, backslashes and control characters stay inside the "name" of the
// audit entry and cannot add or override a field of the tamper-evident trail.
TEST_P(ConflictStoreTest, AuditEntryKeepsAHostileNameInsideItsField) {
  HotspotInput h;
  h.region_code = "63.71";
  h.name = std::string("Pasar X\",\"stage\":\"RESOLVED \\ \\\" \x01\x1f\t\n\r end");
  h.source = "NATURAL_RESOURCE_DISPUTE";
  h.type_code = "LAND.PLANTATION";
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return create_hotspot(c, op, h); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  std::string after;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    after = c.query_str("SELECT after_json FROM audit_log WHERE entity = 'conflict_hotspot' AND entity_id = ? AND action = 'create'",
                        {std::to_string(*id)}).value_or("");
  }).ok());
  rapidjson::Document d;
  d.Parse(after.data(), after.size());
  ASSERT_FALSE(d.HasParseError()) << after;
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d.MemberCount(), 2u) << after;
  ASSERT_TRUE(d.HasMember("name") && d["name"].IsString());
  EXPECT_EQ(std::string(d["name"].GetString(), d["name"].GetStringLength()), h.name);
  ASSERT_TRUE(d.HasMember("stage") && d["stage"].IsString());
  EXPECT_STREQ(d["stage"].GetString(), "POTENTIAL");
  auto chain = audit::verify(*db_);
  ASSERT_TRUE(chain.ok());
  EXPECT_TRUE(chain->ok) << chain->reason;
}

INSTANTIATE_TEST_SUITE_P(Backends, ConflictStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
