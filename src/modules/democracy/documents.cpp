#include "modules/democracy/documents.h"

#include <fmt/format.h>

#include "auth/roles.h"
#include "modules/democracy/rules.h"
#include "modules/democracy/store.h"
#include "modules/org/public.h"
#include "report/pdf.h"
#include "report/xlsx.h"

namespace pantau::democracy {

namespace {

struct EvidenceLine {
  std::string date, region, sign, source, description, handled_by;
  int indicator = 0;
};

// The evidence annex: the items of the region's subtree in `year` the caller may see.
std::vector<EvidenceLine> annex(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  auth::Scope narrow = s;
  narrow.region_code = region;
  db::Params p;
  std::string where = narrow.record_filter("e.region_code", "e.classification", p);
  p.emplace_back(int64_t{year});
  std::vector<EvidenceLine> out;
  c.query("SELECT e.event_date, COALESCE(g.name, e.region_code), e.indicator_no, e.sign, e.source, e.description, e.handled_by "
          "FROM democracy_evidence e LEFT JOIN regions g ON g.code = e.region_code WHERE " + where +
              " AND e.year = ? ORDER BY e.indicator_no, e.event_date, e.id",
          p, [&](const db::Row& r) {
            out.push_back({r.str(0), r.str(1), r.i64(3) > 0 ? "+" : "-", r.str(4), r.str(5), r.str(6), static_cast<int>(r.i64(2))});
          });
  return out;
}

std::string num(const std::optional<double>& v) { return v ? fmt::format("{:.2f}", *v) : "-"; }
std::string signed_num(const std::optional<double>& v) { return v ? fmt::format("{:+.2f}", *v) : "-"; }

const char* kLabel = "INDEKS SEMENTARA - BUKAN ANGKA RESMI BPS";

}  // namespace

documents::DocumentRef pokja_document(db::Conn& c, const std::string& region, int year) {
  std::string name = c.query_str("SELECT name FROM regions WHERE code = ?", {region}).value_or(region);
  return documents::DocumentRef{"IDI_POKJA_REPORT", "democracy_region_year", fmt::format("{}/{}", region, year), region,
                                fmt::format("IDI sementara {} {} (rapat Pokja IDI)", name, year), false, ""};
}

Result<std::string> pokja_pdf(db::Conn& c, const auth::Scope& s, const std::string& region, int year, const documents::Stamp& stamp) {
  PANTAU_TRY(Provisional d, provisional(c, s, region, year));
  const std::string& name = d.region_name;
  auto office = org::kesbangpol_office(c, region);
  report::PdfDocument doc({fmt::format("Indeks Demokrasi Indonesia sementara {} {}", name, year), office ? office->name : "Pokja IDI", "IDI",
                           stamp.issued_at});
  if (stamp.draft) doc.watermark("DRAF");
  if (office) doc.letterhead(office->letterhead());
  doc.title(fmt::format("INDEKS DEMOKRASI INDONESIA (IDI) {} TAHUN {}", name, year),
            fmt::format("{}\nNomor: {}", kLabel, stamp.number.empty() ? "........................" : stamp.number));
  doc.paragraph(kProvisionalLabel.id);
  doc.key_values({{"Set bobot", fmt::format("{} ({}; ditetapkan {})", d.weights.name, d.weights.source, d.weights.decided_on)},
                  {"IDI sementara", fmt::format("{} ({})", num(d.total), d.category)},
                  {"IDI resmi BPS", d.official_total ? num(d.official_total) : "belum ada"},
                  {"Jumlah bukti", std::to_string(d.evidence_count)}});
  report::Table aspects{{"Aspek", "Sementara", "Resmi BPS"}, {}, {0.5, 0.25, 0.25}, {report::Align::Left, report::Align::Right, report::Align::Right}, {}};
  for (auto& a : d.aspects) aspects.rows.push_back({a.aspect, num(a.provisional), num(a.official)});
  doc.heading("Nilai per aspek");
  doc.table(aspects);
  report::Table t{{"No", "Indikator", "Dasar", "+", "-", "Sementara", "Resmi", "Selisih"}, {}, {0.05, 0.43, 0.09, 0.06, 0.06, 0.11, 0.09, 0.11},
                  {report::Align::Right, report::Align::Left, report::Align::Right, report::Align::Right, report::Align::Right,
                   report::Align::Right, report::Align::Right, report::Align::Right}, {}};
  for (auto& i : d.indicators)
    t.rows.push_back({std::to_string(i.number), i.name_id, num(i.baseline), std::to_string(i.positive), std::to_string(i.negative),
                      num(i.provisional), num(i.official), signed_num(i.difference)});
  doc.heading("Nilai per indikator (22 indikator metode 2021)");
  doc.table(t);
  auto lines = annex(c, s, region, year);
  doc.page_break();
  doc.heading(fmt::format("Lampiran: log bukti ({} butir)", lines.size()));
  report::Table a{{"Tanggal", "Wilayah", "Ind.", "+/-", "Uraian", "Sumber"}, {}, {0.12, 0.16, 0.06, 0.05, 0.37, 0.24}, {}, {}};
  for (auto& l : lines) a.rows.push_back({l.date, l.region, std::to_string(l.indicator), l.sign, l.description, l.source});
  doc.table(a);
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

Result<std::string> pokja_xlsx(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  PANTAU_TRY(Provisional d, provisional(c, s, region, year));
  const std::string& name = d.region_name;
  report::XlsxWorkbook wb({fmt::format("IDI sementara {} {}", name, year), "Pokja IDI", "IDI", std::nullopt});
  auto cell = [](const std::optional<double>& v) { return v ? report::XlsxCell::number(*v, 2) : report::XlsxCell("-"); };
  wb.add_sheet("Indikator");
  wb.title(fmt::format("INDEKS DEMOKRASI INDONESIA {} TAHUN {}", name, year));
  wb.title(kLabel);
  wb.title(fmt::format("Set bobot: {} ({})", d.weights.name, d.weights.source));
  wb.header({"No", "Aspek", "Indikator", "Dasar", "Asal nilai dasar", "Bukti +", "Bukti -", "Sementara", "Resmi BPS", "Selisih"});
  for (auto& i : d.indicators)
    wb.row({report::XlsxCell::integer(i.number), i.aspect, i.name_id, cell(i.baseline), i.baseline_from.id,
            report::XlsxCell::integer(i.positive), report::XlsxCell::integer(i.negative), cell(i.provisional), cell(i.official),
            cell(i.difference)});
  for (auto& a : d.aspects) wb.row({"", a.aspect, "Aspek", "", "", "", "", cell(a.provisional), cell(a.official), ""});
  wb.row({"", "", "IDI", "", "", "", "", cell(d.total), cell(d.official_total), cell(d.difference)});
  wb.column_widths({5, 14, 60, 9, 34, 8, 8, 11, 11, 9});
  wb.add_sheet("Lampiran bukti");
  wb.title(kLabel);
  wb.header({"Tanggal", "Wilayah", "Indikator", "Arah", "Uraian", "Sumber", "Ditangani oleh"});
  for (auto& l : annex(c, s, region, year)) {
    auto date = parse_date(l.date);
    wb.row({date ? report::XlsxCell::date(*date) : report::XlsxCell(l.date), l.region, report::XlsxCell::integer(l.indicator),
            l.sign == "+" ? "positif" : "negatif", l.description, l.source, l.handled_by});
  }
  wb.column_widths({12, 24, 10, 9, 60, 40, 24});
  return wb.finish();
}

}  // namespace pantau::democracy
