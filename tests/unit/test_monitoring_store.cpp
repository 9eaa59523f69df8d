// Monitoring store on both databases: the quarterly report round trip up the hierarchy,
// scoping, consolidation, the recap, and fast reports with their notifications.
#include "modules/monitoring/store.h"

#include "http/params.h"

#include "documents/register.h"
#include "modules/monitoring/documents.h"
#include "modules/monitoring/rules.h"
#include "search/search.h"

#include <rapidjson/document.h>

#include <cstdio>
#include "store_fixture.h"

using namespace pantau;
using namespace pantau::monitoring;

namespace {

class MonitoringStoreTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
      c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES ('63.71.01', '63.71', 3, 'Banjarmasin Selatan', 'Kecamatan')");
      return {};
    }).ok());
    op = user_in("63.71", "OPERATOR");
    other_op = user_in("63.72", "OPERATOR");
    prov = user_in("63", "ANALIS", 1);
    kaltim = user_in("64", "ANALIS", 2);
  }
  Result<PeriodicReport> act(const auth::Scope& who, int64_t id, ReportAction a, const std::string& reason = "") {
    int64_t version = 0;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { version = c.query_i64("SELECT version FROM periodic_reports WHERE id = ?", {id}).value_or(0); }).ok());
    return db_->write_value<PeriodicReport>([&](db::Conn& c) { return act_on_report(c, who, id, version, a, reason); });
  }
  Result<PeriodicReport> create(const auth::Scope& who, const std::string& type, const std::string& period, int cls = 0) {
    ReportInput in;
    in.report_type = type;
    in.period = period;
    in.sections[0] = "Situasi politik kondusif.";
    in.classification = cls;
    return db_->write_value<PeriodicReport>([&](db::Conn& c) { return create_report(c, who, in); });
  }
  std::optional<PeriodicReport> get(const auth::Scope& who, int64_t id) {
    std::optional<PeriodicReport> r;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { r = get_report(c, who, id); }).ok());
    return r;
  }
  // The submission window is data (report_types.submit_from_days_before_end): these tests of
  // the round trip submit reports of the running quarter, so they open it for the whole quarter.
  void open_submission_early(int days) {
    ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
      c.exec("UPDATE report_types SET submit_from_days_before_end = ?", {int64_t{days}});
      return {};
    }).ok());
  }
  int64_t notifications_for(const std::string& region) {
    return count("SELECT COUNT(*) FROM notifications WHERE recipient_region = ?", {region});
  }
  auth::Scope op, other_op, prov, kaltim;
};

TEST_P(MonitoringStoreTest, QuarterlyReportRoundTripUpTheHierarchy) {
  open_submission_early(92);
  auto r = create(op, "TRIWULAN", "2026-Q4");
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->status, ReportStatus::Draft);
  EXPECT_EQ(r->due_at, "2027-01-10T15:59:59.999Z");  // 10 calendar days, end of day WITA

  auto submitted = act(op, r->id, ReportAction::Submit);
  ASSERT_TRUE(submitted.ok());
  EXPECT_EQ(notifications_for("63"), 1);  // the province is told a report awaits review
  EXPECT_FALSE(act(other_op, r->id, ReportAction::Accept).ok());

  auto returned = act(prov, r->id, ReportAction::Return, "Lengkapi bagian potensi kerawanan.");
  ASSERT_TRUE(returned.ok());
  EXPECT_EQ(returned->status, ReportStatus::Returned);
  EXPECT_EQ(returned->review_note.value_or(""), "Lengkapi bagian potensi kerawanan.");
  EXPECT_EQ(notifications_for("63.71"), 1);

  ReportInput fix;
  fix.sections[3] = "Potensi hoaks menjelang pemungutan suara ulang.";
  auto fixed = db_->write_value<PeriodicReport>([&](db::Conn& c) { return update_report(c, op, r->id, returned->version, fix); });
  ASSERT_TRUE(fixed.ok());
  EXPECT_EQ(fixed->sections[0], "Situasi politik kondusif.");  // untouched sections stay
  ASSERT_TRUE(act(op, r->id, ReportAction::Submit).ok());
  auto accepted = act(prov, r->id, ReportAction::Accept);
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(accepted->status, ReportStatus::Accepted);

  // An accepted report is locked for its office.
  ReportInput late_edit;
  late_edit.sections[0] = "x";
  auto locked = db_->write_value<PeriodicReport>([&](db::Conn& c) { return update_report(c, op, r->id, accepted->version, late_edit); });
  EXPECT_EQ(locked.error().code, "report.locked");

  // The province gathers it into its own report for the period.
  EXPECT_EQ(act(prov, r->id, ReportAction::Consolidate).error().code, "report.no_consolidation_target");
  auto own = create(prov, "TRIWULAN_PROVINSI", "2026-Q4");
  ASSERT_TRUE(own.ok()) << own.error().message.en;
  auto consolidated = act(prov, r->id, ReportAction::Consolidate);
  ASSERT_TRUE(consolidated.ok());
  EXPECT_EQ(consolidated->consolidated_into.value_or(0), own->id);
  std::vector<PeriodicReport> sources;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { sources = source_reports(c, prov, *own); }).ok());
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0].id, r->id);

  // Every step is in the record's history.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'periodic_report' AND entity_id = ?", {std::to_string(r->id)}), 7);  // create, submit, return, edit, submit, accept, consolidate
}

TEST_P(MonitoringStoreTest, ReportsAreScopedAndClassified) {
  auto mine = create(op, "TRIWULAN", "2026-Q3");
  ASSERT_TRUE(mine.ok());
  auto theirs = create(other_op, "TRIWULAN", "2026-Q3");
  ASSERT_TRUE(theirs.ok());
  EXPECT_TRUE(get(op, mine->id));
  EXPECT_FALSE(get(op, theirs->id));
  EXPECT_TRUE(get(prov, theirs->id));
  EXPECT_FALSE(get(kaltim, mine->id));
  std::vector<PeriodicReport> listed;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { listed = list_reports(c, op, {}).items; }).ok());
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].region_code, "63.71");
  EXPECT_EQ(listed[0].sections[0], "");  // lists carry no narrative text
  EXPECT_EQ(get(op, mine->id)->sections[0], "Situasi politik kondusif.");

  // Only the office itself creates its report, once per period.
  ReportInput in;
  in.report_type = "TRIWULAN";
  in.period = "2026-Q2";
  in.region_code = "63.71";
  auto foreign = db_->write_value<PeriodicReport>([&](db::Conn& c) { return create_report(c, other_op, in); });
  EXPECT_EQ(foreign.error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(create(op, "TRIWULAN", "2026-Q3").error().code, "report.exists");
  EXPECT_EQ(create(op, "TRIWULAN", "2026-07").error().code, "validation_failed");  // a month is not a quarter
  EXPECT_EQ(create(op, "TRIWULAN_PROVINSI", "2026-Q1").error().code, "validation_failed");  // wrong tier

  // A TERBATAS report is hidden from a BIASA colleague in the same office.
  auto analis = user_in("63.71", "ANALIS", 1);
  auto restricted = create(analis, "TRIWULAN", "2026-Q1", 1);
  ASSERT_TRUE(restricted.ok());
  EXPECT_TRUE(get(analis, restricted->id));
  EXPECT_FALSE(get(op, restricted->id));
  EXPECT_EQ(create(op, "TRIWULAN", "2025-Q4", 2).error().code, "validation_failed");  // above own clearance

  // The list answer is written straight from the rows: the same bytes as the records' JSON it
  // replaces, for each caller's scope and clearance, and across pages.
  for (const auth::Scope* who : {&op, &prov, &analis}) {
    for (int limit : {1, 2, 50}) {
      ReportQuery q;
      q.limit = limit;
      std::string from_rows, from_records;
      ASSERT_TRUE(db_->read([&](db::Conn& c) {
        from_rows = list_reports_json(c, *who, q);
        auto page = list_reports(c, *who, q);
        from_records = http::page_json(page.items, page.next_after);
      }).ok());
      EXPECT_EQ(from_rows, from_records) << who->username << " limit " << limit;
    }
  }

  // The page names the time it stops being true while nothing is written: the earliest deadline
  // of an item still NOT_YET_DUE (drafts of far quarters), none when no item waits for one.
  auto turns_at = [&](const auth::Scope& who, int limit) {
    ReportQuery q;
    q.limit = limit;
    std::optional<TimePoint> at;
    std::string page;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { page = list_reports_json(c, who, q, &at); }).ok());
    std::optional<TimePoint> expected;
    rapidjson::Document d;
    d.Parse(page.data(), page.size());
    for (const auto& x : d["items"].GetArray())
      if (std::string_view(x["timeliness"].GetString()) == "NOT_YET_DUE") {
        auto due = parse_iso(x["due_at"].GetString());
        if (!expected || *due < *expected) expected = due;
      }
    EXPECT_EQ(at, expected) << page;
    return at;
  };
  EXPECT_FALSE(turns_at(op, 50)) << "only the 2026-Q3 draft, past its deadline";
  ASSERT_TRUE(create(op, "TRIWULAN", "2099-Q1").ok());
  ASSERT_TRUE(create(op, "TRIWULAN", "2098-Q4").ok());
  auto at = turns_at(op, 50);
  ASSERT_TRUE(at);
  EXPECT_GT(*at, *parse_iso("2099-01-01T00:00:00Z"));
  EXPECT_LT(*at, *parse_iso("2099-04-01T00:00:00Z"));
  EXPECT_FALSE(turns_at(op, 1)) << "the first page holds only the 2026-Q3 draft";
}

TEST_P(MonitoringStoreTest, RecapShowsOnTimeLateAndMissing) {
  open_submission_early(92);
  auto r = create(op, "TRIWULAN", "2026-Q4");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(act(op, r->id, ReportAction::Submit).ok());
  auto after_due = *parse_iso("2027-02-01T00:00:00Z");
  std::optional<Result<std::vector<RecapRow>>> rows;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { rows.emplace(recap(c, prov, "TRIWULAN", "2026-Q4", after_due)); }).ok());
  ASSERT_TRUE(rows->ok());
  ASSERT_EQ(rows->value().size(), 2u);  // the province's two kab/kota in this data set
  EXPECT_EQ(rows->value()[0].region_code, "63.71");
  EXPECT_EQ(rows->value()[0].timeliness, Timeliness::OnTime);
  EXPECT_EQ(rows->value()[1].timeliness, Timeliness::Missing);
  ASSERT_TRUE(db_->read([&](db::Conn& c) { rows.emplace(recap(c, op, "TRIWULAN", "2026-Q4", after_due)); }).ok());
  EXPECT_EQ(rows->value().size(), 1u);  // a kab/kota sees only itself
  ASSERT_TRUE(db_->read([&](db::Conn& c) { rows.emplace(recap(c, prov, "TRIWULAN", "2026-13", after_due)); }).ok());
  EXPECT_FALSE(rows->ok());
}

TEST_P(MonitoringStoreTest, AReportOfTheRunningQuarterIsADraftUntilTheQuarterEnds) {
  Date today = parse_date(format_iso(system_time().now() + std::chrono::hours(8)).substr(0, 10)).value();  // WITA
  Period running = period_containing(PeriodType::Quarterly, today);
  auto r = create(op, "TRIWULAN", running.code);
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  auto early = act(op, r->id, ReportAction::Submit);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, "report.period_not_ended");
  EXPECT_NE(early.error().message.en.find(format_date(submission_opens(running, 0))), std::string::npos) << early.error().message.en;
  EXPECT_EQ(get(op, r->id)->status, ReportStatus::Draft);  // nothing changed
  // The rule is data: a report type that opens in the quarter's last 92 days takes it now.
  open_submission_early(92);
  EXPECT_TRUE(act(op, r->id, ReportAction::Submit).ok());
}

// The search words of a fast report are mostly computed on the request's thread before the write
// (prepare_event_terms); the writer adds the region's. The entry is the same as one computed
// entirely in the write, and both are found by their stemmed, accent-folded words.
TEST_P(MonitoringStoreTest, FastReportSearchWordsComputedBeforeTheWriteAreTheSame) {
  EventInput in;
  in.region_code = "63.71.01";
  in.occurred_at = "2026-11-23T02:00:00.000Z";
  in.category_code = "POLITICAL_SITUATION.DEMONSTRATION";
  in.title = "Pemantauan unjuk rasa Éfata";
  in.description = "Massa berkumpul,\ndipantau aparat";
  in.location_text = "Jl. Jend. Sudirman";
  in.escalation_level = "MEDIUM";
  in.source = "FIELD";
  EventInput early = in;
  prepare_event_terms(early);
  ASSERT_FALSE(early.early_terms.empty());
  auto late = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return create_event(c, op, in); });
  auto made_early = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return create_event(c, op, early); });
  ASSERT_TRUE(late.ok() && made_early.ok());
  std::string terms_late, terms_early;
  ASSERT_TRUE(db_->read([&](db::Conn& c) {
    const char* sql = "SELECT terms FROM search_docs WHERE entity = 'political_event' AND entity_id = ?";
    terms_late = c.query_str(sql, {std::to_string(late->id)}).value_or("");
    terms_early = c.query_str(sql, {std::to_string(made_early->id)}).value_or("");
  }).ok());
  EXPECT_FALSE(terms_late.empty());
  EXPECT_EQ(terms_early, terms_late);
  EXPECT_NE(terms_early.find("efata"), std::string::npos) << terms_early;
  EXPECT_NE(terms_early.find("zr637101"), std::string::npos) << terms_early;
  // The region's name is indexed too ("Wilayah 63.71.01" in this fixture, or its real name).
  std::vector<search::Hit> hits;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { hits = search::query(c, op, "dipantau efata", 10, "political_event"); }).ok());
  EXPECT_EQ(hits.size(), 2u);
}

TEST_P(MonitoringStoreTest, FastReportNotifiesTheTiersAboveAndFollowsItsLifecycle) {
  EventInput in;
  in.region_code = "63.71.01";
  in.occurred_at = "2026-11-23T02:00:00.000Z";
  in.category_code = "POLITICAL_SITUATION.DEMONSTRATION";
  in.title = "Unjuk rasa di depan kantor KPU";
  in.escalation_level = "MEDIUM";
  in.source = "FIELD";
  auto e = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return create_event(c, op, in); });
  ASSERT_TRUE(e.ok()) << e.error().message.en;
  EXPECT_EQ(notifications_for("63"), 1);
  EXPECT_EQ(notifications_for(""), 1);
  EXPECT_EQ(notifications_for("63.71"), 0);  // the reporting office itself is not notified
  std::optional<PoliticalEvent> seen;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { seen = get_event(c, other_op, e->id); }).ok());
  EXPECT_FALSE(seen);

  auto verified = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return act_on_event(c, prov, e->id, 1, EventAction::Verify, ""); });
  ASSERT_TRUE(verified.ok());
  EXPECT_EQ(verified->status, EventStatus::Verified);
  auto stale = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return act_on_event(c, prov, e->id, 1, EventAction::Escalate, ""); });
  EXPECT_EQ(stale.error().kind, ErrorKind::PreconditionFailed);
  auto no_note = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return act_on_event(c, prov, e->id, 2, EventAction::Handle, ""); });
  EXPECT_EQ(no_note.error().code, "validation_failed");
  auto handled = db_->write_value<PoliticalEvent>([&](db::Conn& c) {
    return act_on_event(c, prov, e->id, 2, EventAction::Handle, "Dialog dengan koordinator aksi bersama Polresta.");
  });
  ASSERT_TRUE(handled.ok());
  EXPECT_EQ(handled->handling, "Dialog dengan koordinator aksi bersama Polresta.");

  in.region_code = "63.72";
  auto outside = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return create_event(c, op, in); });
  EXPECT_EQ(outside.error().kind, ErrorKind::Forbidden);
  in.region_code = "63.71";
  in.category_code = "NOPE";
  EXPECT_EQ(db_->write_value<PoliticalEvent>([&](db::Conn& c) { return create_event(c, op, in); }).error().code, "validation_failed");
}

TEST_P(MonitoringStoreTest, FullTextSearchIsStemmedAndScoped) {
  ReportInput in;
  in.report_type = "TRIWULAN";
  in.period = "2026-Q2";
  in.sections[3] = "Potensi kerawanan: penyebaran hoaks menjelang pemungutan suara ulang.";
  auto r = db_->write_value<PeriodicReport>([&](db::Conn& c) { return create_report(c, op, in); });
  ASSERT_TRUE(r.ok());
  auto hits = [&](const auth::Scope& who, const std::string& q) {
    std::vector<search::Hit> h;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { h = search::query(c, who, q, 10); }).ok());
    return h;
  };
  auto found = hits(op, "rawan HOAKS");  // another form of the word, another case
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].entity_id, std::to_string(r->id));
  EXPECT_EQ(found[0].link, "/monitoring/reports/" + std::to_string(r->id));
  EXPECT_EQ(hits(prov, "pemungutan").size(), 1u);
  EXPECT_TRUE(hits(other_op, "hoaks").empty());  // another kab/kota
  EXPECT_TRUE(hits(kaltim, "hoaks").empty());
  EXPECT_TRUE(hits(op, "hoaks banjir").empty());  // every word must match

  // An edit replaces the indexed text.
  ReportInput edit;
  edit.sections[3] = "Situasi aman.";
  ASSERT_TRUE(db_->write_value<PeriodicReport>([&](db::Conn& c) { return update_report(c, op, r->id, r->version, edit); }).ok());
  EXPECT_TRUE(hits(op, "hoaks").empty());
  EXPECT_EQ(hits(op, "aman").size(), 1u);
}

TEST_P(MonitoringStoreTest, SearchGivesTheNewestFirstAtEveryLevelOfScope) {
  auto kec = user_in("63.71.01", "OPERATOR");
  auto national = auth::Scope::system();
  auto event_in = [&](const std::string& region) {
    EventInput in;
    in.region_code = region;
    in.occurred_at = "2026-11-23T02:00:00.000Z";
    in.category_code = "POLITICAL_SITUATION.DEMONSTRATION";
    in.title = "Kerusuhan di pasar " + region;
    in.escalation_level = "LOW";
    in.source = "FIELD";
    auto who = region == "63.72" ? other_op : op;
    auto e = db_->write_value<PoliticalEvent>([&](db::Conn& c) { return create_event(c, who, in); });
    EXPECT_TRUE(e.ok()) << e.error().message.en;
    return std::to_string(e->id);
  };
  auto e1 = event_in("63.71.01"), e2 = event_in("63.71"), e3 = event_in("63.72");
  auto ids = [&](const auth::Scope& who, const std::string& q) {
    std::vector<search::Hit> h;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { h = search::query(c, who, q, 10, "political_event"); }).ok());
    std::vector<std::string> out;
    for (auto& x : h) out.push_back(x.entity_id);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids(national, "kerusuhan pasar"), (V{e3, e2, e1}));
  EXPECT_EQ(ids(prov, "kerusuhan pasar"), (V{e3, e2, e1}));  // a province: its kab/kota's records too
  EXPECT_EQ(ids(op, "kerusuhan pasar"), (V{e2, e1}));         // a kab/kota: its kecamatan's too
  EXPECT_EQ(ids(op, "kerusuhan"), (V{e2, e1}));
  EXPECT_EQ(ids(kec, "pasar"), (V{e1}));                      // a kecamatan: only its own
  EXPECT_EQ(ids(other_op, "kerusuhan pasar"), (V{e3}));
  EXPECT_TRUE(ids(kaltim, "kerusuhan").empty());
  EXPECT_TRUE(ids(op, "kerusuhan banjir").empty());
  // A record indexed again (an action on it) is found once, as the newest.
  std::optional<PoliticalEvent> before;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { before = get_event(c, op, std::stoll(e1)); }).ok());
  ASSERT_TRUE(before);
  ASSERT_TRUE(db_->write_value<PoliticalEvent>([&](db::Conn& c) {
    return act_on_event(c, prov, std::stoll(e1), before->version, EventAction::Verify, "");
  }).ok());
  EXPECT_EQ(ids(national, "kerusuhan pasar"), (V{e1, e3, e2}));
  EXPECT_EQ(ids(op, "kerusuhan pasar"), (V{e1, e2}));
  EXPECT_EQ(ids(kec, "pasar"), (V{e1}));
}

static std::string pdf_text(const std::string& pdf) {
  auto path = std::filesystem::path(testing::TempDir()) / ("report-" + random_token(6) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string out;
  FILE* p = popen(("pdftotext -layout '" + path.string() + "' - 2>/dev/null").c_str(), "r");
  char buf[4096];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (p) pclose(p);
  std::filesystem::remove(path);
  return out;
}

TEST_P(MonitoringStoreTest, TeamsAndTheOfficialPdf) {
  MonitoringTeam t;
  t.name = "Tim Pemantauan, Pelaporan dan Evaluasi Perkembangan Politik di Daerah";
  t.decree_number = "100.3.3.2/045/HK/2026";
  t.decree_date = "2026-01-05";
  t.valid_from = "2026-01-05";
  t.valid_to = "2026-12-31";
  t.members = {{"Drs. Rusdiansyah", "196801011990031001", "Kepala Badan", "Kesbangpol", "KETUA", ""},
               {"Dedi Kurniawan", "", "Analis", "Kesbangpol", "KOORDINATOR_SISTEM", ""}};
  auto missing_operator = db_->write_value<MonitoringTeam>([&](db::Conn& c) { return save_team(c, op, std::nullopt, 0, t); });
  ASSERT_FALSE(missing_operator.ok());
  EXPECT_EQ(missing_operator.error().fields[0].code, "coordinator_operator");
  t.members.push_back({"Fitriani", "", "Operator", "Kesbangpol", "OPERATOR", ""});
  auto foreign = db_->write_value<MonitoringTeam>([&](db::Conn& c) { return save_team(c, other_op, std::nullopt, 0, [&] { auto x = t; x.region_code = "63.71"; return x; }()); });
  EXPECT_EQ(foreign.error().kind, ErrorKind::Forbidden);
  auto team = db_->write_value<MonitoringTeam>([&](db::Conn& c) { return save_team(c, op, std::nullopt, 0, t); });
  ASSERT_TRUE(team.ok()) << team.error().message.en;
  std::optional<MonitoringTeam> active;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { active = active_team(c, "63.71", "2026-06-01"); }).ok());
  ASSERT_TRUE(active);
  EXPECT_EQ(active->members.size(), 3u);
  ASSERT_TRUE(db_->read([&](db::Conn& c) { active = active_team(c, "63.71", "2027-01-01"); }).ok());
  EXPECT_FALSE(active);  // the decree has expired

  ReportInput in;
  in.report_type = "TRIWULAN";
  in.period = "2026-Q2";
  in.sections[0] = "Situasi politik di Kota Banjarmasin kondusif — tanpa gangguan berarti.";
  auto r = db_->write_value<PeriodicReport>([&](db::Conn& c) { return create_report(c, op, in); });
  ASSERT_TRUE(r.ok());
  // The office sits in Banjarmasin; its head has an account with NIP and rank.
  ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
    c.exec("UPDATE org_units SET city = 'Banjarmasin', short_code = 'Kesbangpol' WHERE id = ?", {op.org_unit_id});
    c.exec("UPDATE users SET nip = '196801011990031001', rank = 'Pembina Tingkat I (IV/b)' WHERE id = ?", {op.user_id});
    return {};
  }).ok());
  auto issue = [&](const PeriodicReport& rep) {
    return documents::issue(*db_, op, report_document(rep), "https://pantau.example.go.id",
                            [&](db::Conn& c, const documents::Stamp& st) { return report_pdf(c, op, rep, st); });
  };
  auto draft = issue(*r);
  ASSERT_TRUE(draft.ok()) << draft.error().message.en;
  EXPECT_TRUE(draft->entry.draft);
  EXPECT_EQ(draft->entry.number, "");
  std::string draft_text = pdf_text(draft->pdf);
  EXPECT_NE(draft_text.find("DRAF"), std::string::npos);
  EXPECT_NE(draft_text.find("belum bernomor"), std::string::npos);
  EXPECT_NE(draft_text.find("/verifikasi/" + draft->entry.code), std::string::npos) << draft_text;
  ASSERT_TRUE(act(op, r->id, ReportAction::Submit).ok());
  auto submitted = get(op, r->id);
  auto issued = issue(*submitted);
  ASSERT_TRUE(issued.ok()) << issued.error().message.en;
  auto pdf = std::optional<Result<std::string>>(issued->pdf);
  EXPECT_EQ(pdf->value().substr(0, 5), "%PDF-");
  std::string text = pdf_text(pdf->value());
  EXPECT_EQ(issued->entry.number, "200.1/0001/Kesbangpol/2026");
  EXPECT_NE(text.find("200.1/0001/Kesbangpol/2026"), std::string::npos) << text;
  EXPECT_NE(text.find("Banjarmasin, "), std::string::npos);  // the office's city, not the region's name
  EXPECT_EQ(text.find("Wilayah 63.71, "), std::string::npos);
  EXPECT_NE(text.find("NIP. 196801011990031001"), std::string::npos);
  EXPECT_EQ(text.find("DRAF"), std::string::npos);
  std::optional<documents::Entry> old_draft;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { old_draft = documents::find_by_code(c, draft->entry.code); }).ok());
  ASSERT_TRUE(old_draft);
  EXPECT_EQ(old_draft->superseded_by, issued->entry.id);  // the draft's QR code now says "superseded"
  EXPECT_NE(text.find("BADAN KESATUAN BANGSA DAN POLITIK"), std::string::npos) << text;
  EXPECT_NE(text.find("TRIWULAN II 2026"), std::string::npos);
  EXPECT_NE(text.find("kondusif — tanpa gangguan"), std::string::npos);
  EXPECT_NE(text.find("I. SITUASI POLITIK UMUM"), std::string::npos);
  EXPECT_NE(text.find("VI. REKOMENDASI"), std::string::npos);
  EXPECT_NE(text.find("Drs. Rusdiansyah"), std::string::npos);  // signed by the team's chair
  EXPECT_NE(text.find("100.3.3.2/045/HK/2026"), std::string::npos);
  EXPECT_NE(text.find("Halaman 1 dari"), std::string::npos);

  std::optional<Result<std::vector<RecapRow>>> rows;
  ASSERT_TRUE(db_->read([&](db::Conn& c) { rows.emplace(recap(c, prov, "TRIWULAN", "2026-Q2", system_time().now())); }).ok());
  auto xlsx = recap_xlsx("TRIWULAN", "2026-Q2", rows->value());
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xlsx->substr(0, 2), "PK");
}

INSTANTIATE_TEST_SUITE_P(Backends, MonitoringStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
