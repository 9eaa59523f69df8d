// Conflict analysis on both databases: the versioned scoring model, the vulnerability of a
// period per clearance level, the clustered map, the periodic report with its roll-up and PDF,
// and overdue escalation with a fixed clock.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "fixtures.h"
#include "modules/conflict/analysis.h"
#include "http/handler.h"
#include "modules/conflict/store.h"
#include "core/xlsx_read.h"
#include "report/xlsx.h"
#include "store_fixture.h"

using namespace pantau;

static const documents::Stamp kStamp{"300.2/0001/Kesbangpol/2026", "kode-uji", "http://127.0.0.1:8080/verifikasi/kode-uji", false,
                                     Clock::now()};
using namespace pantau::conflict;

TEST(ConflictModel, ValidationTable) {
  auto cases = load_cases("conflict_models.tsv");
  ASSERT_GE(cases.size(), 10u);
  for (auto& c : cases) {
    ScoringModel m;
    double v = c[1] == "-" ? 0 : std::stod(c[1]);
    if (c[0] == "window_days") m.window_days = static_cast<int>(v);
    else if (c[0] == "trend_days") m.trend_days = static_cast<int>(v);
    else if (c[0] == "w_fatality") m.w_fatality = v;
    else if (c[0] == "w_incident") m.w_incident = v;
    else if (c[0] == "trend_bonus") m.trend_bonus = v;
    else if (c[0] == "threshold_medium") m.threshold_medium = v;
    else if (c[0] == "threshold_high") m.threshold_high = v;
    auto errs = validate_model(m);
    EXPECT_EQ(errs.empty() ? "ok" : errs.front().field, c[2]) << c[3];
  }
}

namespace {

std::string pdf_text(const std::string& pdf) {
  auto path = std::filesystem::path(testing::TempDir()) / ("conflict-" + random_token(6) + ".pdf");
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

class ConflictAnalysisTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
      c.exec("INSERT INTO regions (code, parent_code, level, name, type) VALUES ('63.71.01', '63.71', 3, 'Banjarmasin Selatan', 'x')");
      return {};
    }).ok());
    op = user_in("63.71", "OPERATOR");
    kaban = user_in("63.71", "KABAN", 2);
    prov = user_in("63", "KABID", 1);
    other = user_in("63.72", "ANALIS", 2);
    pusat = user_in("", "ADMIN_PUSAT", 2);
    today = *parse_date(now_iso().substr(0, 10));
    period = period_containing(PeriodType::Quarterly, today);
  }
  IncidentInput incident(const std::string& region, int fatalities = 0, int classification = 0,
                         std::optional<double> lat = std::nullopt, std::optional<double> lng = std::nullopt) {
    IncidentInput in;
    in.region_code = region;
    in.occurred_on = format_date(today);
    in.source = "SARA";
    in.type_code = "CLASH.ETHNIC";
    in.info_source = "FIELD";
    in.fatalities = fatalities;
    in.classification = classification;
    in.lat = lat;
    in.lng = lng;
    return in;
  }
  void add(const auth::Scope& s, const IncidentInput& in) {
    auto r = db_->write_value<int64_t>([&](db::Conn& c) { return create_incident(c, s, in); });
    ASSERT_TRUE(r.ok()) << r.error().message.en;
  }
  template <class F>
  std::string read(F f) {
    std::string out;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { out = f(c); }).ok());
    return out;
  }
  auth::Scope op, kaban, prov, other, pusat;
  Date today;
  Period period;
};

TEST_P(ConflictAnalysisTest, ScoringModelIsVersionedAuditedAndNational) {
  EXPECT_EQ(read([](db::Conn& c) { return std::to_string(current_model(c).version); }), "1");
  ScoringModel m;
  m.w_fatality = 10;
  auto regional = db_->write_value<int64_t>([&](db::Conn& c) { return save_model(c, prov, m, ""); });
  EXPECT_EQ(regional.error().kind, ErrorKind::Forbidden);
  ScoringModel bad = m;
  bad.threshold_high = 1;
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return save_model(c, pusat, bad, ""); }).error().code, "validation_failed");
  auto v = db_->write_value<int64_t>([&](db::Conn& c) { return save_model(c, pusat, m, "Korban jiwa lebih berat"); });
  ASSERT_TRUE(v.ok()) << v.error().message.en;
  EXPECT_EQ(*v, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'conflict_scoring_model'"), 1);
  // The live map uses the model in force: 1 incident + 1 death x 10 = 11, +25% rising = 13.75 -> 13.8
  add(op, incident("63.71", 1));
  std::string json = read([&](db::Conn& c) { return to_json(vulnerability(c, prov, 2, "", today, current_model(c).model)); });
  EXPECT_NE(json.find("\"63.71\":13.8"), std::string::npos) << json;
  std::string mv = read([](db::Conn& c) { return model_version_json(current_model(c)); });
  EXPECT_NE(mv.find("\"w_fatality\":10"), std::string::npos) << mv;
  EXPECT_NE(mv.find("\"version\":2"), std::string::npos);
}

TEST_P(ConflictAnalysisTest, VulnerabilityOfAPeriodIsStoredPerClearance) {
  add(op, incident("63.71"));
  add(kaban, incident("63.71", 2, 2));  // RAHASIA: only cleared readers count it
  std::string before = read([&](db::Conn& c) { return period_vulnerability_json(c, op, 2, "", period, today); });
  EXPECT_NE(before.find("\"computed_at\":null"), std::string::npos) << before;
  EXPECT_EQ(db_->write_value<int>([&](db::Conn& c) { return recompute_vulnerability(c, op, period, today); }).error().kind,
            ErrorKind::Forbidden);  // an operator does not recompute
  auto n = db_->write_value<int>([&](db::Conn& c) { return recompute_vulnerability(c, pusat, period, today); });
  ASSERT_TRUE(n.ok()) << n.error().message.en;
  EXPECT_EQ(*n, 5);  // 2 provinces, 3 kab/kota
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflict_vulnerability WHERE period = ?", {period.code}), 15);
  std::string low = read([&](db::Conn& c) { return period_vulnerability_json(c, op, 2, "", period, today); });
  std::string high = read([&](db::Conn& c) { return period_vulnerability_json(c, kaban, 2, "", period, today); });
  EXPECT_EQ(low.find("\"computed_at\":null"), std::string::npos) << low;
  EXPECT_NE(low.find("\"63.71\":1.3"), std::string::npos) << low;    // 1 incident, +25% rising
  EXPECT_NE(high.find("\"63.71\":15.0"), std::string::npos) << high; // 2 incidents + 2 deaths x 5, rising
  EXPECT_EQ(low.find("\"63.72\""), std::string::npos);                // outside the kab/kota
  std::string provinces = read([&](db::Conn& c) { return period_vulnerability_json(c, pusat, 1, "", period, today); });
  EXPECT_NE(provinces.find("\"63\":15.0"), std::string::npos) << provinces;
  EXPECT_NE(provinces.find("\"64\":0"), std::string::npos) << provinces;
  // The factors that made the level.
  EXPECT_NE(high.find("\"code\":\"fatalities\",\"value\":2"), std::string::npos) << high;
}

TEST_P(ConflictAnalysisTest, ClustersFollowZoomBboxScopeAndClearance) {
  add(op, incident("63.71", 0, 0, -3.32, 114.59));
  add(op, incident("63.71", 1, 0, -3.33, 114.60));
  add(op, incident("63.71", 0, 0, -3.80, 115.30));
  add(kaban, incident("63.71", 0, 2, -3.32, 114.59));  // RAHASIA
  add(op, incident("63.71"));                          // no coordinates: not on the map
  ClusterQuery q;
  q.region = "63";
  q.zoom = 5;
  std::string wide = read([&](db::Conn& c) { return clusters_json(c, prov, q); });
  EXPECT_NE(wide.find("\"total\":3"), std::string::npos) << wide;
  EXPECT_NE(wide.find("\"count\":3"), std::string::npos) << wide;  // one cell at zoom 5
  q.zoom = 10;
  std::string close = read([&](db::Conn& c) { return clusters_json(c, kaban, q); });
  EXPECT_NE(close.find("\"count\":3,\"fatalities\":1"), std::string::npos) << close;
  EXPECT_NE(close.find("\"count\":1,\"fatalities\":0,\"incident_id\":"), std::string::npos) << close;
  q.bbox = Bbox{-3.5, 114.0, -3.0, 115.0};
  std::string boxed = read([&](db::Conn& c) { return clusters_json(c, kaban, q); });
  EXPECT_NE(boxed.find("\"total\":3"), std::string::npos) << boxed;
  EXPECT_NE(read([&](db::Conn& c) { return clusters_json(c, other, q); }).find("\"total\":0"), std::string::npos);
}

TEST_P(ConflictAnalysisTest, PeriodicReportRollsUpIntoTheProvinceWithItsPdf) {
  add(op, incident("63.71.01", 1));
  add(op, incident("63.71"));
  ReportInput in{"63.71", period.code, "Perkuat forum kewaspadaan dini masyarakat."};
  auto id = db_->write_value<int64_t>([&](db::Conn& c) { return create_report(c, op, in); });
  ASSERT_TRUE(id.ok()) << id.error().message.en;
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return create_report(c, op, in); }).error().code, "report_exists");
  ReportInput theirs{"63.72", period.code, ""};
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return create_report(c, op, theirs); }).error().kind, ErrorKind::Forbidden);
  ReportInput kec{"63.71.01", period.code, ""};
  EXPECT_EQ(db_->write_value<int64_t>([&](db::Conn& c) { return create_report(c, op, kec); }).error().code, "validation_failed");

  std::string json = read([&](db::Conn& c) { return report_json(c, op, *id, today, nullptr).value_or(""); });
  EXPECT_NE(json.find("\"incidents\":2"), std::string::npos) << json;
  EXPECT_NE(json.find("\"region_code\":\"63.71.01\",\"name\":\"Banjarmasin Selatan\",\"incidents\":1,\"fatalities\":1"),
            std::string::npos) << json;
  EXPECT_NE(json.find("\"source\":\"SARA\",\"police_group\":\"SARA\",\"incidents\":2"), std::string::npos) << json;
  EXPECT_EQ(read([&](db::Conn& c) { return report_json(c, other, *id, today, nullptr).value_or("none"); }), "none");

  auto act = [&](const auth::Scope& s, int64_t v, const char* a) {
    return db_->write([&](db::Conn& c) { return act_on_report(c, s, *id, v, a, ""); });
  };
  EXPECT_EQ(act(op, 1, "ACCEPT").error().kind, ErrorKind::Forbidden);
  EXPECT_EQ(act(op, 2, "SUBMIT").error().kind, ErrorKind::PreconditionFailed);
  ASSERT_TRUE(act(op, 1, "SUBMIT").ok());
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE entity = 'conflict_report' AND recipient_region = '63'"), 1);
  EXPECT_EQ(act(kaban, 2, "ACCEPT").error().kind, ErrorKind::Forbidden);  // its own office does not accept it
  EXPECT_EQ(act(op, 2, "SUBMIT").error().code, "status_not_allowed");
  ASSERT_TRUE(act(prov, 2, "ACCEPT").ok());

  ReportInput p{"63", period.code, "Rapat Tim Terpadu tingkat provinsi."};
  auto pid = db_->write_value<int64_t>([&](db::Conn& c) { return create_report(c, prov, p); });
  ASSERT_TRUE(pid.ok()) << pid.error().message.en;
  std::string pj = read([&](db::Conn& c) { return report_json(c, prov, *pid, today, nullptr).value_or(""); });
  EXPECT_NE(pj.find("\"region_code\":\"63.71\",\"name\":\"Wilayah 63.71\",\"report_id\":" + std::to_string(*id) + ",\"status\":\"ACCEPTED\""),
            std::string::npos) << pj;
  EXPECT_NE(pj.find("\"region_code\":\"63.72\",\"name\":\"Wilayah 63.72\",\"report_id\":null,\"status\":\"NONE\""), std::string::npos) << pj;
  std::string list = read([&](db::Conn& c) { return reports_json(c, op, "", "", ""); });
  EXPECT_EQ(list.find("\"region_code\":\"63\""), std::string::npos) << "a kab/kota does not see the province's report";

  std::string file;
  auto pdf = db_->read_value<std::string>([&](db::Conn& c) { return report_pdf(c, prov, *pid, today, &file, kStamp); });
  ASSERT_TRUE(pdf.ok()) << pdf.error().message.en;
  EXPECT_EQ(file, "peta-rawan-konflik-63-" + period.code + ".pdf");
  std::string text = pdf_text(*pdf);
  for (const char* want : {"LAPORAN PETA RAWAN KONFLIK SOSIAL", "INSIDEN MENURUT KABUPATEN/KOTA", "SUMBER KONFLIK",
                           "PERUBAHAN SEJAK PERIODE LALU", "REKAPITULASI LAPORAN KABUPATEN/KOTA", "Diterima",
                           "Rapat Tim Terpadu tingkat provinsi.", "REKOMENDASI"})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  auto kab = db_->read_value<std::string>([&](db::Conn& c) { return report_pdf(c, op, *id, today, nullptr, kStamp); });
  ASSERT_TRUE(kab.ok());
  std::string kt = pdf_text(*kab);
  EXPECT_NE(kt.find("INSIDEN MENURUT KECAMATAN"), std::string::npos) << kt;
  EXPECT_NE(kt.find("Banjarmasin Selatan"), std::string::npos) << kt;
}

TEST_P(ConflictAnalysisTest, OverdueResponsesEscalateOnceWithAFixedClock) {
  add(op, incident("63.71", 1));  // FATALITY alert
  int64_t alert = count("SELECT id FROM conflict_alerts WHERE rule_code = 'FATALITY'");
  ASSERT_GT(alert, 0);
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return assign_alert(c, kaban, alert, 1, "Polresta", "2026-03-10"); }).ok());
  auto run = [&](const char* now) {
    int n = -1;
    EXPECT_TRUE(db_->write([&](db::Conn& c) -> Status { n = escalate_overdue(c, now); return {}; }).ok());
    return n;
  };
  int64_t before = count("SELECT COUNT(*) FROM notifications WHERE entity = 'conflict_alert' AND recipient_region = '63'");
  EXPECT_EQ(run("2026-03-10T08:00:00.000Z"), 0);  // due today: not overdue yet
  // 15:59 UTC is 23:59 WITA on the 10th in Banjarmasin; 16:00 UTC is already the 11th there,
  // while the UTC day is still the 10th.
  EXPECT_EQ(run("2026-03-10T15:59:59.000Z"), 0);
  EXPECT_EQ(run("2026-03-10T16:00:00.000Z"), 1);
  EXPECT_EQ(run("2026-03-12T08:00:00.000Z"), 0);  // escalated once
  EXPECT_EQ(count("SELECT COUNT(*) FROM notifications WHERE entity = 'conflict_alert' AND recipient_region = '63'"), before + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflict_alerts WHERE id = ? AND escalated_to = '63' AND version = 2", {alert}), 1);
  std::string json = read([&](db::Conn& c) { return http::page_json(list_alerts(c, prov, "", *parse_date("2026-03-12"))); });
  EXPECT_NE(json.find("\"escalated_to\":\"63\",\"escalated_at\":\""), std::string::npos) << json;
  // An answered alert is not escalated.
  ASSERT_TRUE(db_->write([&](db::Conn& c) { return respond_alert(c, kaban, alert, 2, "Mediasi.", "", false); }).ok());
  EXPECT_EQ(run("2026-04-01T08:00:00.000Z"), 0);
}

TEST_P(ConflictAnalysisTest, XlsxImportIsAllOrNothingLikeCsv) {
  auto sheet = [&](bool with_bad_row) {
    report::XlsxWorkbook wb;
    wb.add_sheet("Insiden");
    wb.header({"region_code", "occurred_on", "source", "type_code", "info_source", "fatalities"});
    wb.row({"63.71", format_date(today), "SARA", "CLASH.ETHNIC", "MEDIA", report::XlsxCell::integer(0)});
    if (with_bad_row) wb.row({"63.72", format_date(today), "PERANG", "CLASH.ETHNIC", "MEDIA", report::XlsxCell::integer(0)});
    wb.row({"63.71.01", format_date(today), "BOUNDARY", "BOUNDARY", "FIELD", report::XlsxCell::integer(1)});
    return wb.finish().value();
  };
  std::string bad = sheet(true);
  ASSERT_TRUE(looks_like_xlsx(bad));
  auto t = parse_xlsx(bad);
  ASSERT_TRUE(t.ok()) << t.error().message.en;
  auto rep = db_->write_value<ImportReport>([&](db::Conn& c) { return import_incidents(c, op, *t); });
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->created.empty());
  std::set<std::string> why;
  for (auto& [line, e] : rep->refused) why.insert(std::to_string(line) + " " + e.field);
  EXPECT_EQ(why, (std::set<std::string>{"3 region_code", "3 source"})) << "the spreadsheet's row 3: out of scope, unknown source";
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflict_incidents"), 0);
  auto good = parse_xlsx(sheet(false));
  ASSERT_TRUE(good.ok());
  auto ok = db_->write_value<ImportReport>([&](db::Conn& c) { return import_incidents(c, op, *good); });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->created.size(), 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM conflict_alerts WHERE rule_code = 'FATALITY'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, ConflictAnalysisTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace

#include <fmt/format.h>

#include <cmath>
#include <regex>

#include "report/pdf.h"

// The governor's PDF carries the map: kab/kota filled by their level, a legend, and a note for
// the areas without a boundary; a kab/kota report without kecamatan boundaries shows its own.
TEST_P(ConflictAnalysisTest, ReportPdfDrawsTheMapOfTheTierBelow) {
  ASSERT_TRUE(db_->write([](db::Conn& c) -> Status {
    for (auto [code, level, lon] : std::vector<std::tuple<std::string, int64_t, double>>{{"63.71", 2, 114.5}, {"63", 1, 114.0}})
      c.exec("INSERT INTO region_geometry (code, level, province_code, geometry) VALUES (?, ?, '63', ?)",
             db::Params{code, level,
                        fmt::format(R"({{"type":"Polygon","coordinates":[[[{0},-3.5],[{1},-3.5],[{1},-3.2],[{0},-3.2],[{0},-3.5]]]}})",
                                    lon, lon + 0.3)});
    return {};
  }).ok());
  add(op, incident("63.71", 2));
  auto kid = db_->write_value<int64_t>([&](db::Conn& c) { return create_report(c, op, {"63.71", period.code, ""}); });
  auto pid = db_->write_value<int64_t>([&](db::Conn& c) { return create_report(c, prov, {"63", period.code, ""}); });
  ASSERT_TRUE(kid.ok() && pid.ok());
  std::string pj = read([&](db::Conn& c) { return report_json(c, prov, *pid, today, nullptr).value_or(""); });
  std::smatch level;
  ASSERT_TRUE(std::regex_search(pj, level, std::regex(R"re("region_code":"63\.71"[^}]*"level":"(\w+)")re"))) << pj;
  // The web map's colours (#f3d98b, #e8894a, #b3261e) as "r g b rg" fill operators.
  const std::map<std::string, std::array<double, 3>> colours = {{"RENDAH", {243 / 255.0, 217 / 255.0, 139 / 255.0}},
                                                                {"SEDANG", {232 / 255.0, 137 / 255.0, 74 / 255.0}},
                                                                {"TINGGI", {179 / 255.0, 38 / 255.0, 30 / 255.0}}};
  auto fills = [](const std::string& content, const std::array<double, 3>& want) {
    static const std::regex op(R"(([0-9.]+) ([0-9.]+) ([0-9.]+) rg)");
    size_t n = 0;
    for (std::sregex_iterator it(content.begin(), content.end(), op), end; it != end; ++it) {
      bool same = true;
      for (size_t i = 0; i < 3; ++i) same = same && std::abs(std::stod((*it)[i + 1]) - want[i]) < 0.002;
      n += same ? 1 : 0;
    }
    return n;
  };
  auto pdf = db_->read_value<std::string>([&](db::Conn& c) { return report_pdf(c, prov, *pid, today, nullptr, kStamp); });
  ASSERT_TRUE(pdf.ok()) << pdf.error().message.en;
  std::string text = pdf_text(*pdf);
  for (const char* want : {"LAPORAN PETA RAWAN KONFLIK SOSIAL", "PETA KERAWANAN KABUPATEN/KOTA", "Rendah", "Sedang", "Tinggi",
                           "Batas wilayah belum tersedia sehingga tidak digambar: Wilayah 63.72.", "INSIDEN MENURUT KABUPATEN/KOTA",
                           "REKOMENDASI"})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  EXPECT_LT(text.find("Tinggi"), text.find("I. TINGKAT KERAWANAN")) << "the map and its legend come before the tables";
  std::string content = report::pdf_content_streams(*pdf);
  EXPECT_NE(content.find("B*\n"), std::string::npos) << "the kab/kota shape is filled and outlined";
  for (auto& [name, rgb] : colours)
    EXPECT_GE(fills(content, rgb), name == level[1].str() ? 2u : 1u) << name << ": the legend box, and the shape of its level";

  auto kab = db_->read_value<std::string>([&](db::Conn& c) { return report_pdf(c, op, *kid, today, nullptr, kStamp); });
  ASSERT_TRUE(kab.ok());
  std::string kt = pdf_text(*kab);
  EXPECT_NE(kt.find("PETA KERAWANAN KECAMATAN"), std::string::npos) << kt;
  EXPECT_NE(kt.find("Batas kecamatan belum tersedia; peta menampilkan batas Wilayah 63.71"), std::string::npos) << kt;
  EXPECT_NE(kt.find("Banjarmasin Selatan"), std::string::npos) << kt;
  EXPECT_NE(report::pdf_content_streams(*kab).find("B*\n"), std::string::npos);
}
