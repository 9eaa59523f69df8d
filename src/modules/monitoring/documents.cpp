#include "modules/monitoring/documents.h"

#include <fmt/format.h>

#include <map>

#include "core/region_code.h"
#include "core/strings.h"
#include "modules/monitoring/store.h"
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

// "PEMERINTAH KOTA BANJARMASIN" / "PEMERINTAH PROVINSI KALIMANTAN SELATAN"
std::string government_of(db::Conn& c, const std::string& region) {
  std::string name = c.query_str("SELECT name FROM regions WHERE code = ?", {region}).value_or(region);
  if (region_level(region) == RegionLevel::Provinsi) return "PEMERINTAH PROVINSI " + upper(name);
  return "PEMERINTAH " + upper(name);  // regions.name already says "Kabupaten ..." or "Kota ..."
}

std::string status_label(ReportStatus s) {
  static const char* labels[] = {"Draf", "Dikirim", "Dikembalikan untuk perbaikan", "Diterima", "Dihimpun", "Diarsipkan"};
  return labels[static_cast<int>(s)];
}

const char* kSectionTitles[] = {"SITUASI POLITIK UMUM", "TAHAPAN PEMILIHAN UMUM/PEMILIHAN", "DUKUNGAN PEMERINTAH DAERAH",
                                "POTENSI KERAWANAN", "LANGKAH YANG TELAH DIAMBIL", "REKOMENDASI"};
const char* kRoman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII"};

}  // namespace

Result<std::string> report_pdf(db::Conn& c, const auth::Scope& s, const PeriodicReport& r) {
  auto period = parse_period(r.period);
  if (!period.ok()) return period.error();
  std::string office, address, contact;
  c.query("SELECT name, address, contact FROM org_units WHERE id = ?", {r.org_unit_id}, [&](const db::Row& row) {
    office = row.str(0);
    address = row.str(1);
    contact = row.str(2);
  });
  auto type = get_report_type(c, r.report_type);
  Date today = parse_date(now_iso().substr(0, 10)).value();
  auto team = active_team(c, r.region_code, r.submitted_at ? r.submitted_at->substr(0, 10) : format_date(today));

  report::PdfDocument doc({fmt::format("Laporan {} — {}", period_label_id(*period), r.region_name), office,
                           type ? type->name_id : r.report_type, std::nullopt});
  doc.letterhead({government_of(c, r.region_code), "BADAN KESATUAN BANGSA DAN POLITIK", address, contact});
  doc.title(fmt::format("LAPORAN PERKEMBANGAN POLITIK DI DAERAH"),
            fmt::format("{} — {}", upper(period_label_id(*period)), upper(r.region_name)));
  doc.key_values({{"Jenis laporan", type ? type->name_id : r.report_type},
                  {"Periode", fmt::format("{} ({} s.d. {})", period_label_id(*period),
                                          report::tanggal_indonesia(*parse_date(r.period_start)),
                                          report::tanggal_indonesia(*parse_date(r.period_end)))},
                  {"Unit pelapor", office},
                  {"Status", status_label(r.status)},
                  {"Nomor registrasi", std::to_string(r.id)}});
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

  report::Signer signer;
  if (team) {
    for (auto& m : team->members)
      if (m.team_role == "KETUA") signer = {"KETUA " + upper(team->name), m.name, m.position_title, m.nip};
  } else {
    signer.position = "KEPALA " + upper(office);
    signer.name = c.query_str("SELECT u.full_name FROM users u JOIN org_units o ON o.id = u.org_unit_id "
                              "WHERE o.region_code = ? AND u.role = 'KABAN' AND u.disabled = 0 ORDER BY u.id LIMIT 1",
                              {r.region_code})
                      .value_or("(belum ditetapkan)");
  }
  std::string place = r.region_name;
  for (const char* prefix : {"Kabupaten ", "Kota "})
    if (place.rfind(prefix, 0) == 0) place = place.substr(std::string(prefix).size());
  doc.signature_block({place, r.submitted_at ? *parse_date(r.submitted_at->substr(0, 10)) : today, signer, std::nullopt, "Mengetahui,"});
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
