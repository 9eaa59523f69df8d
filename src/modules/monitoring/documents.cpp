#include "modules/monitoring/documents.h"

#include <fmt/format.h>

#include <map>

#include "core/region_code.h"
#include "core/strings.h"
#include "modules/monitoring/store.h"
#include "modules/org/public.h"
#include "report/indonesian.h"
#include "report/pdf.h"
#include "report/xlsx.h"

namespace pantau::monitoring {

namespace {

std::string upper(std::string s) {
  for (auto& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return s;
}

std::string status_label(ReportStatus s) {
  static const char* labels[] = {"Draf", "Dikirim", "Dikembalikan untuk perbaikan", "Diterima", "Dihimpun", "Diarsipkan"};
  return labels[static_cast<int>(s)];
}

const char* kSectionTitles[] = {"SITUASI POLITIK UMUM", "TAHAPAN PEMILIHAN UMUM/PEMILIHAN", "DUKUNGAN PEMERINTAH DAERAH",
                                "POTENSI KERAWANAN", "LANGKAH YANG TELAH DIAMBIL", "REKOMENDASI"};
const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};

}  // namespace

documents::DocumentRef report_document(const PeriodicReport& r) {
  return {"MONITORING_REPORT", "periodic_report", std::to_string(r.id), r.region_code,
          fmt::format("Laporan {} {} — {}", r.report_type, r.period, r.region_name), r.status == ReportStatus::Draft};
}

Result<std::string> report_pdf(db::Conn& c, const auth::Scope& s, const PeriodicReport& r, const documents::Stamp& stamp) {
  auto period = parse_period(r.period);
  if (!period.ok()) return period.error();
  auto unit = org::office_by_id(c, r.org_unit_id);
  auto kesbangpol = org::kesbangpol_office(c, r.region_code);
  std::string office = unit ? unit->name : "", address = unit ? unit->address : "", contact = unit ? unit->contact : "";
  auto type = get_report_type(c, r.report_type);
  Date today = parse_date(now_iso().substr(0, 10)).value();
  auto team = active_team(c, r.region_code, r.submitted_at ? r.submitted_at->substr(0, 10) : format_date(today));

  report::PdfDocument doc({fmt::format("Laporan {} — {}", period_label_id(*period), r.region_name), office,
                           type ? type->name_id : r.report_type, stamp.issued_at});
  if (stamp.draft) doc.watermark("DRAF");
  doc.letterhead({org::government_of(c, r.region_code), "BADAN KESATUAN BANGSA DAN POLITIK", address, contact,
                  unit ? unit->emblem() : std::string()});
  doc.title(fmt::format("LAPORAN PERKEMBANGAN POLITIK DI DAERAH"),
            fmt::format("{} — {}", upper(period_label_id(*period)), upper(r.region_name)));
  doc.key_values({{"Jenis laporan", type ? type->name_id : r.report_type},
                  {"Periode", fmt::format("{} ({} s.d. {})", period_label_id(*period),
                                          report::tanggal_indonesia(*parse_date(r.period_start)),
                                          report::tanggal_indonesia(*parse_date(r.period_end)))},
                  {"Unit pelapor", office},
                  {"Status", status_label(r.status)},
                  {"Nomor", stamp.number.empty() ? "(draf, belum bernomor)" : stamp.number}});
  if (team) doc.key_values({{"Dasar", fmt::format("{} Nomor {} tanggal {}", team->name, team->decree_number,
                                                  report::tanggal_indonesia(*parse_date(team->decree_date)))}});
  for (size_t i = 0; i < kSections.size(); ++i) {
    doc.heading(fmt::format("{}. {}", kRoman[i], kSectionTitles[i]));
    doc.paragraph(trim(r.sections[i]).empty() ? "Tidak ada yang dilaporkan." : r.sections[i]);
  }
  // A consolidated report starts from the reports of the tier below.
  auto sources = source_reports(c, s, r);
  size_t next_section = kSections.size();
  if (!sources.empty()) {
    doc.heading(fmt::format("{}. REKAPITULASI LAPORAN WILAYAH DI BAWAHNYA", kRoman[next_section++]));
    std::vector<std::vector<std::string>> rows;
    for (auto& src : sources)
      rows.push_back({std::to_string(rows.size() + 1), src.region_name, status_label(src.status),
                      src.submitted_at ? report::tanggal_indonesia(*parse_date(src.submitted_at->substr(0, 10))) : "-"});
    doc.table({{"No.", "Wilayah", "Status", "Tanggal kirim"}, rows, {0.08, 0.44, 0.26, 0.22}, {report::Align::Center}, {}});
  }
  // The attachments of the report (evidence files), listed by name.
  std::vector<std::vector<std::string>> files;
  c.query("SELECT name, size FROM evidence_files WHERE entity = 'periodic_report' AND entity_id = ? ORDER BY id",
          {std::to_string(r.id)}, [&](const db::Row& f) {
            files.push_back({std::to_string(files.size() + 1), f.str(0), report::format_ribuan(f.i64(1)) + " bita"});
          });
  doc.heading(fmt::format("{}. LAMPIRAN", kRoman[next_section]));
  if (files.empty()) doc.paragraph("Tidak ada lampiran.");
  else doc.table({{"No.", "Nama berkas", "Ukuran"}, files, {0.08, 0.67, 0.25}, {report::Align::Center, report::Align::Left, report::Align::Right}, {}});

  // The team head signs (with the rank of their account when they have one), else the head of
  // the office; the place is the city where the office sits.
  report::Signer signer = kesbangpol ? kesbangpol->head_signer() : unit ? unit->head_signer() : report::Signer{};
  if (team) {
    for (auto& m : team->members)
      if (m.team_role == "KETUA") {
        std::string rank = m.nip.empty() ? "" : c.query_str("SELECT rank FROM users WHERE nip = ? ORDER BY id LIMIT 1", {m.nip}).value_or("");
        signer = {"KETUA " + upper(team->name), m.name, rank, m.nip};
      }
  }
  std::string place = kesbangpol ? kesbangpol->signing_place() : unit ? unit->signing_place() : r.region_name;
  std::optional<Date> signed_on;
  if (r.submitted_at) signed_on = parse_date(r.submitted_at->substr(0, 10));
  doc.signature_block({place, signed_on, signer, std::nullopt, "Mengetahui,"});
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

Result<std::string> recap_xlsx(const std::string& report_type, const std::string& period, const std::vector<RecapRow>& rows) {
  report::XlsxWorkbook wb({fmt::format("Rekap pelaporan {} {}", report_type, period), "Pantau", "Rekap pelaporan", std::nullopt});
  wb.add_sheet(fmt::format("Rekap {}", period));
  wb.title(fmt::format("Rekapitulasi penyampaian laporan {} periode {}", report_type, period));
  wb.header({"No.", "Kode wilayah", "Wilayah", "Status laporan", "Tanggal kirim (UTC)", "Batas waktu (UTC)", "Ketepatan waktu"});
  static const std::map<std::string, std::string> label = {{"ON_TIME", "Tepat waktu"}, {"LATE", "Terlambat"},
                                                           {"MISSING", "Belum/tidak melapor"}, {"NOT_YET_DUE", "Belum jatuh tempo"},
                                                           {"PENDING", "Menunggu"}};
  int n = 0;
  for (auto& r : rows) {
    wb.row({report::XlsxCell::integer(++n), report::XlsxCell::text(r.region_code), report::XlsxCell::text(r.region_name),
            report::XlsxCell::text(r.status.value_or("-")), report::XlsxCell::text(r.submitted_at.value_or("-")),
            report::XlsxCell::text(r.due_at), report::XlsxCell::text(label.at(std::string(name(r.timeliness))))});
  }
  wb.column_widths({6, 12, 34, 16, 24, 24, 20});
  return wb.finish();
}

}  // namespace pantau::monitoring
