// The desk's annual reports: the PPID report (UU 14/2008 Art. 7, Perki 1/2021) and the SKM report
// (PermenPANRB 14/2017) of an office and its subtree, as a PDF issued through the document
// register (number, QR code, the office's letterhead) and as an XLSX workbook.
#include <fmt/format.h>

#include "documents/register.h"
#include "http/handler.h"
#include "modules/org/public.h"
#include "modules/services/routes.h"
#include "modules/services/rules.h"
#include "modules/services/store.h"
#include "report/indonesian.h"
#include "report/pdf.h"
#include "report/xlsx.h"

namespace pantau::services {

using http::Ctx;
using http::Response;

namespace {

const char* kXlsxMime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct ReportQuery {
  int year = 0;
  std::string region;  // the office whose report it is (its subtree is counted)
  auth::Scope scope;   // the caller's scope narrowed to that region
};

Result<ReportQuery> report_query(Ctx& ctx) {
  ReportQuery q;
  auto y = ctx.req.q("year");
  if (!y || y->empty()) {
    q.year = office_today("").year;  // this year, as the JSON figures
  } else {
    auto n = parse_int64(*y);
    if (!n || *n < 2000 || *n > 2100) return Error::invalid_field("year", "out_of_range", "Tahun tidak valid.", "Invalid year.");
    q.year = static_cast<int>(*n);
  }
  const auth::Scope& s = ctx.scope();
  auto region = ctx.req.q("region");
  q.region = region && !region->empty() ? std::string(*region) : s.region_code;
  if (q.region.size() > 16 || q.region.find_first_not_of("0123456789.") != std::string::npos)
    return Error::invalid_field("region", "invalid", "Kode wilayah tidak valid.", "Invalid region code.");
  // Another office's report is as absent as an unknown one.
  if (!s.covers(q.region)) return Error::not_found("Kantor tidak ditemukan.", "Office not found.");
  q.scope = s;
  q.scope.region_code = q.region;
  return q;
}

std::string office_title(const std::optional<org::Office>& office, const std::string& region) {
  return office ? office->name : region;
}

std::string days(const std::optional<double>& v) { return v ? fmt::format("{:.1f}", *v) : "-"; }
std::string days(int v) { return v < 0 ? "-" : std::to_string(v); }
std::string count(const std::map<std::string, int64_t>& m, const std::string& k) {
  auto it = m.find(k);
  return std::to_string(it == m.end() ? 0 : it->second);
}

const std::vector<std::pair<std::string, std::string>>& response_labels() {
  static const std::vector<std::pair<std::string, std::string>> v = {
      {"GRANTED_FULL", "Dikabulkan seluruhnya"}, {"GRANTED_PARTIAL", "Dikabulkan sebagian"},
      {"REJECTED_EXEMPT", "Ditolak (informasi dikecualikan)"}, {"NOT_HELD", "Informasi tidak dikuasai"},
      {"NOT_YET_DOCUMENTED", "Informasi belum didokumentasikan"}};
  return v;
}
std::string exemption_label(const std::string& code) {
  if (code.empty()) return "Alasan tidak disebut";
  // PASAL_17_A -> "Pasal 17 huruf a UU 14/2008"
  return "Pasal 17 huruf " + std::string(1, static_cast<char>(code.back() - 'A' + 'a')) + " UU 14/2008";
}
std::string decision_label(const std::string& code) {
  if (code == "UPHELD") return "Keberatan diterima";
  if (code == "DISMISSED") return "Keberatan ditolak";
  return "Belum diputus";
}
std::string stage_label(const std::string& code) {
  if (code == "REGISTERED") return "Teregistrasi";
  if (code == "MEDIATION") return "Mediasi";
  if (code == "ADJUDICATION") return "Ajudikasi";
  if (code == "DECIDED") return "Diputus";
  if (code == "APPEALED") return "Banding/keberatan ke pengadilan";
  return code;
}

std::string kind_label(const std::string& kind) {
  if (kind == kResearchPermit) return "Surat keterangan penelitian";
  if (kind == kInfoRequest) return "Permohonan informasi publik";
  if (kind == kInfoObjection) return "Keberatan informasi publik";
  if (kind == kComplaint) return "Pengaduan";
  return kind;
}

report::Table two_columns(const std::string& a, const std::string& b) {
  return report::Table{{a, b}, {}, {0.75, 0.25}, {report::Align::Left, report::Align::Right}, {}};
}

Result<std::string> ppid_pdf(db::Conn& c, const ReportQuery& q, const documents::Stamp& stamp) {
  PpidReport r = ppid_report(c, q.scope, q.year);
  auto office = org::kesbangpol_office(c, q.region);
  std::string name = office_title(office, q.region);
  report::PdfDocument doc({fmt::format("Laporan Tahunan PPID {} {}", name, q.year), name, "Laporan tahunan layanan informasi publik",
                           stamp.issued_at});
  if (office) doc.letterhead(office->letterhead());
  doc.title(fmt::format("LAPORAN TAHUNAN LAYANAN INFORMASI PUBLIK TAHUN {}", q.year), "Nomor: " + (stamp.number.empty() ? "-" : stamp.number));
  doc.paragraph("Laporan ini disusun menurut Pasal 7 UU 14/2008 tentang Keterbukaan Informasi Publik dan mencakup " + name +
                " beserta kantor di wilayahnya. Hari kerja dihitung tanpa Sabtu, Minggu, libur nasional dan cuti bersama.");
  doc.heading("Ringkasan");
  doc.key_values({{"Permohonan diterima", std::to_string(r.received)},
                  {"Permohonan dijawab", std::to_string(r.answered)},
                  {"Rata-rata waktu jawab (hari kerja)", days(r.average_working_days)},
                  {"Median waktu jawab (hari kerja)", days(r.median_working_days)},
                  {"Keberatan", std::to_string(r.objections)},
                  {"Sengketa di Komisi Informasi", std::to_string(r.disputes)}});
  doc.heading("Jawaban menurut jenis tanggapan");
  auto t = two_columns("Jenis tanggapan", "Jumlah");
  for (auto& [code, label] : response_labels()) t.rows.push_back({label, count(r.by_response_type, code)});
  doc.table(t);
  doc.heading("Penolakan menurut alasan pengecualian");
  auto e = two_columns("Alasan", "Jumlah");
  for (auto& [code, n] : r.refused_by_exemption) e.rows.push_back({exemption_label(code), std::to_string(n)});
  if (e.rows.empty()) e.rows.push_back({"Tidak ada penolakan", "0"});
  doc.table(e);
  doc.heading("Keberatan kepada atasan PPID");
  auto o = two_columns("Hasil", "Jumlah");
  for (auto& [code, n] : r.objections_by_decision) o.rows.push_back({decision_label(code), std::to_string(n)});
  if (o.rows.empty()) o.rows.push_back({"Tidak ada keberatan", "0"});
  doc.table(o);
  doc.heading("Sengketa informasi di Komisi Informasi");
  auto d = two_columns("Tahap", "Jumlah");
  for (auto& [code, n] : r.disputes_by_stage) d.rows.push_back({stage_label(code), std::to_string(n)});
  if (d.rows.empty()) d.rows.push_back({"Tidak ada sengketa", "0"});
  doc.table(d);
  Date on = *local_date(format_iso(stamp.issued_at), q.region);
  report::Signer signer = office ? office->head_signer() : report::Signer{"KEPALA", "................", "", ""};
  doc.signature_block({office ? office->signing_place() : "", on, signer, std::nullopt});
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

Result<std::string> ppid_xlsx(db::Conn& c, const ReportQuery& q) {
  PpidReport r = ppid_report(c, q.scope, q.year);
  auto office = org::kesbangpol_office(c, q.region);
  std::string name = office_title(office, q.region);
  report::XlsxWorkbook wb({fmt::format("Laporan Tahunan PPID {} {}", name, q.year), name, "Laporan tahunan PPID", std::nullopt});
  wb.add_sheet("Ringkasan");
  wb.title(fmt::format("LAPORAN TAHUNAN LAYANAN INFORMASI PUBLIK {} TAHUN {}", name, q.year));
  wb.header({"Uraian", "Nilai"});
  wb.row({"Permohonan diterima", report::XlsxCell::integer(r.received)});
  wb.row({"Permohonan dijawab", report::XlsxCell::integer(r.answered)});
  wb.row({"Rata-rata waktu jawab (hari kerja)", r.average_working_days ? report::XlsxCell::number(*r.average_working_days, 1) : "-"});
  wb.row({"Median waktu jawab (hari kerja)", r.median_working_days < 0 ? report::XlsxCell("-") : report::XlsxCell::integer(r.median_working_days)});
  for (auto& [code, label] : response_labels()) {
    auto it = r.by_response_type.find(code);
    wb.row({label, report::XlsxCell::integer(it == r.by_response_type.end() ? 0 : it->second)});
  }
  wb.row({"Keberatan", report::XlsxCell::integer(r.objections)});
  wb.row({"Sengketa di Komisi Informasi", report::XlsxCell::integer(r.disputes)});
  wb.column_widths({44, 14});
  wb.add_sheet("Penolakan");
  wb.header({"Alasan pengecualian", "Jumlah"});
  for (auto& [code, n] : r.refused_by_exemption) wb.row({exemption_label(code), report::XlsxCell::integer(n)});
  wb.add_sheet("Keberatan");
  wb.header({"Hasil keberatan", "Jumlah"});
  for (auto& [code, n] : r.objections_by_decision) wb.row({decision_label(code), report::XlsxCell::integer(n)});
  wb.add_sheet("Sengketa");
  wb.header({"Tahap sengketa", "Jumlah"});
  for (auto& [code, n] : r.disputes_by_stage) wb.row({stage_label(code), report::XlsxCell::integer(n)});
  return wb.finish();
}

// The SKM of the report's year per service and overall (all answers of the subtree together).
struct SkmYear {
  SkmReport per_service;
  SkmResult overall;
};
SkmYear skm_year(db::Conn& c, const ReportQuery& q) {
  SkmYear y;
  std::string from = fmt::format("{}-01-01", q.year), to = fmt::format("{}-01-01", q.year + 1);
  y.per_service = skm_report(c, q.scope, from, to);
  y.overall = skm_overall(c, q.scope, from, to);
  return y;
}

std::string skm_number(double v) { return fmt::format("{:.2f}", v); }

Result<std::string> skm_pdf(db::Conn& c, const ReportQuery& q, const documents::Stamp& stamp) {
  SkmYear y = skm_year(c, q);
  auto office = org::kesbangpol_office(c, q.region);
  std::string name = office_title(office, q.region);
  report::PdfDocument doc({fmt::format("Laporan Tahunan SKM {} {}", name, q.year), name, "Laporan tahunan survei kepuasan masyarakat",
                           stamp.issued_at});
  if (office) doc.letterhead(office->letterhead());
  doc.title(fmt::format("LAPORAN SURVEI KEPUASAN MASYARAKAT TAHUN {}", q.year), "Nomor: " + (stamp.number.empty() ? "-" : stamp.number));
  doc.paragraph("Survei menurut PermenPANRB 14/2017: sembilan unsur dinilai 1 sampai 4; indeks = jumlah (nilai rata-rata unsur x 1/9) x 25. "
                "Mutu A 88,31-100 (Sangat Baik), B 76,61-88,30 (Baik), C 65,00-76,60 (Kurang Baik), D 25,00-64,99 (Tidak Baik). "
                "Cakupan: " + name + " beserta kantor di wilayahnya.");
  doc.heading("Indeks keseluruhan");
  doc.key_values({{"Responden", std::to_string(y.overall.respondents)},
                  {"Indeks kepuasan masyarakat", y.overall.respondents ? skm_number(y.overall.index) : "-"},
                  {"Mutu pelayanan", y.overall.respondents ? std::string(1, y.overall.band) + " (" + y.overall.band_label.id + ")" : "-"}});
  doc.heading("Indeks per layanan");
  report::Table t{{"Kantor", "Layanan", "Responden", "Indeks", "Mutu"}, {}, {0.3, 0.34, 0.12, 0.12, 0.12},
                  {report::Align::Left, report::Align::Left, report::Align::Right, report::Align::Right, report::Align::Center}, {}};
  for (auto& row : y.per_service.items)
    t.rows.push_back({row.office, row.service.id, std::to_string(row.result.respondents), skm_number(row.result.index), std::string(1, row.result.band)});
  if (t.rows.empty()) t.rows.push_back({"Belum ada responden", "", "0", "-", "-"});
  doc.table(t);
  doc.heading("Nilai rata-rata per unsur (keseluruhan)");
  report::Table u{{"Unsur", "Uraian", "Nilai rata-rata"}, {}, {0.1, 0.65, 0.25}, {report::Align::Left, report::Align::Left, report::Align::Right}, {}};
  for (size_t i = 0; i < kSkmElements; ++i)
    u.rows.push_back({fmt::format("U{}", i + 1), skm_elements()[i].id, y.overall.respondents ? skm_number(y.overall.element_mean[i]) : "-"});
  doc.table(u);
  Date on = *local_date(format_iso(stamp.issued_at), q.region);
  report::Signer signer = office ? office->head_signer() : report::Signer{"KEPALA", "................", "", ""};
  doc.signature_block({office ? office->signing_place() : "", on, signer, std::nullopt});
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

Result<std::string> skm_xlsx(db::Conn& c, const ReportQuery& q) {
  SkmYear y = skm_year(c, q);
  auto office = org::kesbangpol_office(c, q.region);
  std::string name = office_title(office, q.region);
  report::XlsxWorkbook wb({fmt::format("Laporan Tahunan SKM {} {}", name, q.year), name, "Laporan tahunan SKM", std::nullopt});
  wb.add_sheet("SKM");
  wb.title(fmt::format("SURVEI KEPUASAN MASYARAKAT {} TAHUN {}", name, q.year));
  std::vector<std::string> head = {"Kantor", "Layanan", "Responden"};
  for (int i = 1; i <= kSkmElements; ++i) head.push_back(fmt::format("U{}", i));
  head.push_back("Indeks");
  head.push_back("Mutu");
  wb.header(head);
  auto line = [&](const std::string& office_name, const std::string& service, const SkmResult& r) {
    std::vector<report::XlsxCell> cells = {office_name, service, report::XlsxCell::integer(r.respondents)};
    for (size_t i = 0; i < kSkmElements; ++i) cells.push_back(report::XlsxCell::number(r.element_mean[i], 2));
    cells.push_back(report::XlsxCell::number(r.index, 2));
    cells.push_back(std::string(1, r.band));
    wb.row(cells);
  };
  for (auto& row : y.per_service.items) line(row.office, row.service.id, row.result);
  if (y.overall.respondents) line(name, "Keseluruhan", y.overall);
  wb.column_widths({34, 30, 11});
  return wb.finish();
}

// The recap as a workbook: one row per office and kind of service, with the requests still open.
Result<std::string> recap_xlsx(db::Conn& c, const ReportQuery& q) {
  Recap r = recap(c, q.scope, q.year);
  auto office = org::kesbangpol_office(c, q.region);
  std::string name = q.region.empty() ? "Kementerian Dalam Negeri" : office_title(office, q.region);
  std::map<std::pair<std::string, std::string>, int64_t> open;
  for (auto& o : r.open) open[{o.region_code, o.kind}] = o.count;
  report::XlsxWorkbook wb({fmt::format("Rekap Waktu Layanan {} {}", name, q.year), name, "Rekap waktu layanan", std::nullopt});
  wb.add_sheet("Rekap");
  wb.title(fmt::format("REKAP WAKTU LAYANAN {} TAHUN {}", name, q.year));
  wb.header({"Kantor", "Kode wilayah", "Layanan", "Diterima", "Selesai", "Tepat waktu", "Terlambat", "Rata-rata hari kerja",
             "Median hari kerja", "Persentil ke-90 hari kerja", "Masih berjalan"});
  auto opt_int = [](const std::optional<int>& v) { return v ? report::XlsxCell::integer(*v) : report::XlsxCell("-"); };
  for (auto& x : r.items) {
    auto it = open.find({x.region_code, x.kind});
    wb.row({x.office, x.region_code, kind_label(x.kind), report::XlsxCell::integer(x.received), report::XlsxCell::integer(x.finished),
            report::XlsxCell::integer(x.on_time), report::XlsxCell::integer(x.finished - x.on_time),
            x.average_working_days ? report::XlsxCell::number(*x.average_working_days, 1) : report::XlsxCell("-"),
            opt_int(x.median_working_days), opt_int(x.p90_working_days), report::XlsxCell::integer(it == open.end() ? 0 : it->second)});
  }
  wb.column_widths({34, 12, 30, 10, 10, 12, 11, 14, 12, 14, 12});
  return wb.finish();
}

Response issue_report(Ctx& ctx, const std::string& kind, const std::string& entity, const std::string& title_stem, const std::string& file_stem,
                      const std::function<Result<std::string>(db::Conn&, const ReportQuery&, const documents::Stamp&)>& render) {
  PANTAU_TRY(ReportQuery q, report_query(ctx));
  documents::DocumentRef ref{kind, entity, fmt::format("{}/{}", q.region, q.year), q.region, fmt::format("{} {} {}", title_stem, q.region, q.year),
                             false, ""};
  PANTAU_TRY(auto issued, documents::issue(ctx.db(), ctx.scope(), ref, documents::public_base(ctx.svc.cfg),
                                           [&](db::Conn& c, const documents::Stamp& stamp) { return render(c, q, stamp); }));
  Response r = http::attachment(std::move(issued.pdf), "application/pdf", fmt::format("{}-{}-{}.pdf", file_stem, q.region, q.year));
  r.header("X-Document-Code", issued.entry.code);
  return r;
}

Response workbook(Ctx& ctx, const std::string& file_stem, const std::function<Result<std::string>(db::Conn&, const ReportQuery&)>& build) {
  PANTAU_TRY(ReportQuery q, report_query(ctx));
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(std::string bytes, build(c, q));
    // The whole country (region "") is named "nasional", not left as an empty part ("--").
    return http::attachment(std::move(bytes), kXlsxMime,
                            fmt::format("{}-{}-{}.xlsx", file_stem, q.region.empty() ? "nasional" : q.region, q.year));
  });
}

}  // namespace

Response recap_route(Ctx& ctx) {
  PANTAU_TRY(ReportQuery q, report_query(ctx));
  return http::read(ctx, [&](db::Conn& c) { return recap(c, q.scope, q.year); });
}
Response recap_xlsx_route(Ctx& ctx) { return workbook(ctx, "rekap-waktu-layanan", recap_xlsx); }

Response ppid_report_pdf(Ctx& ctx) {
  return issue_report(ctx, "PPID_ANNUAL_REPORT", "ppid_report", "Laporan Tahunan PPID", "laporan-ppid", ppid_pdf);
}
Response ppid_report_xlsx(Ctx& ctx) { return workbook(ctx, "laporan-ppid", ppid_xlsx); }
Response skm_report_pdf(Ctx& ctx) {
  return issue_report(ctx, "SKM_ANNUAL_REPORT", "skm_report", "Laporan Tahunan SKM", "laporan-skm", skm_pdf);
}
Response skm_report_xlsx(Ctx& ctx) { return workbook(ctx, "laporan-skm", skm_xlsx); }

}  // namespace pantau::services
