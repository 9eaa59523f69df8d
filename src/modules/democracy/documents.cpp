#include "modules/democracy/documents.h"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include "auth/roles.h"
#include "modules/democracy/rules.h"
#include "modules/democracy/store.h"
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

std::string num(const rapidjson::Value& v) { return v.IsNumber() ? fmt::format("{:.2f}", v.GetDouble()) : "-"; }
std::string signed_num(const rapidjson::Value& v) { return v.IsNumber() ? fmt::format("{:+.2f}", v.GetDouble()) : "-"; }

Result<rapidjson::Document> provisional_doc(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  PANTAU_TRY(std::string json, provisional_json(c, s, region, year));
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError()) return Error::internal("provisional answer did not parse");
  return d;
}

const char* kLabel = "INDEKS SEMENTARA - BUKAN ANGKA RESMI BPS";

}  // namespace

Result<std::string> pokja_pdf(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  PANTAU_TRY(rapidjson::Document d, provisional_doc(c, s, region, year));
  std::string name = d["region_name"].GetString();
  report::PdfDocument doc({fmt::format("Indeks Demokrasi Indonesia sementara {} {}", name, year), "Pokja IDI", "IDI", std::nullopt});
  doc.title(fmt::format("INDEKS DEMOKRASI INDONESIA (IDI) {} TAHUN {}", name, year), kLabel);
  doc.paragraph(d["label"]["id"].GetString());
  doc.key_values({{"Set bobot", fmt::format("{} ({}; ditetapkan {})", d["weights"]["name"].GetString(), d["weights"]["source"].GetString(),
                                            d["weights"]["decided_on"].GetString())},
                  {"IDI sementara", fmt::format("{} ({})", num(d["total"]), d["category"].GetString())},
                  {"IDI resmi BPS", d["official_total"].IsNumber() ? num(d["official_total"]) : "belum ada"},
                  {"Jumlah bukti", std::to_string(d["evidence_count"].GetInt64())}});
  report::Table aspects{{"Aspek", "Sementara", "Resmi BPS"}, {}, {0.5, 0.25, 0.25}, {report::Align::Left, report::Align::Right, report::Align::Right}, {}};
  for (auto& a : d["aspects"].GetArray()) aspects.rows.push_back({a["aspect"].GetString(), num(a["provisional"]), num(a["official"])});
  doc.heading("Nilai per aspek");
  doc.table(aspects);
  report::Table t{{"No", "Indikator", "Dasar", "+", "-", "Sementara", "Resmi", "Selisih"}, {}, {0.05, 0.43, 0.09, 0.06, 0.06, 0.11, 0.09, 0.11},
                  {report::Align::Right, report::Align::Left, report::Align::Right, report::Align::Right, report::Align::Right,
                   report::Align::Right, report::Align::Right, report::Align::Right}, {}};
  for (auto& i : d["indicators"].GetArray())
    t.rows.push_back({std::to_string(i["number"].GetInt()), i["name_id"].GetString(), num(i["baseline"]), std::to_string(i["positive"].GetInt()),
                      std::to_string(i["negative"].GetInt()), num(i["provisional"]), num(i["official"]), signed_num(i["difference"])});
  doc.heading("Nilai per indikator (22 indikator metode 2021)");
  doc.table(t);
  auto lines = annex(c, s, region, year);
  doc.page_break();
  doc.heading(fmt::format("Lampiran: log bukti ({} butir)", lines.size()));
  report::Table a{{"Tanggal", "Wilayah", "Ind.", "+/-", "Uraian", "Sumber"}, {}, {0.12, 0.16, 0.06, 0.05, 0.37, 0.24}, {}, {}};
  for (auto& l : lines) a.rows.push_back({l.date, l.region, std::to_string(l.indicator), l.sign, l.description, l.source});
  doc.table(a);
  return doc.finish();
}

Result<std::string> pokja_xlsx(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  PANTAU_TRY(rapidjson::Document d, provisional_doc(c, s, region, year));
  std::string name = d["region_name"].GetString();
  report::XlsxWorkbook wb({fmt::format("IDI sementara {} {}", name, year), "Pokja IDI", "IDI", std::nullopt});
  auto cell = [](const rapidjson::Value& v) { return v.IsNumber() ? report::XlsxCell::number(v.GetDouble(), 2) : report::XlsxCell("-"); };
  wb.add_sheet("Indikator");
  wb.title(fmt::format("INDEKS DEMOKRASI INDONESIA {} TAHUN {}", name, year));
  wb.title(kLabel);
  wb.title(fmt::format("Set bobot: {} ({})", d["weights"]["name"].GetString(), d["weights"]["source"].GetString()));
  wb.header({"No", "Aspek", "Indikator", "Dasar", "Asal nilai dasar", "Bukti +", "Bukti -", "Sementara", "Resmi BPS", "Selisih"});
  for (auto& i : d["indicators"].GetArray())
    wb.row({report::XlsxCell::integer(i["number"].GetInt()), i["aspect"].GetString(), i["name_id"].GetString(), cell(i["baseline"]),
            i["baseline_from"]["id"].GetString(), report::XlsxCell::integer(i["positive"].GetInt()),
            report::XlsxCell::integer(i["negative"].GetInt()), cell(i["provisional"]), cell(i["official"]), cell(i["difference"])});
  for (auto& a : d["aspects"].GetArray())
    wb.row({"", a["aspect"].GetString(), "Aspek", "", "", "", "", cell(a["provisional"]), cell(a["official"]), ""});
  wb.row({"", "", "IDI", "", "", "", "", cell(d["total"]), cell(d["official_total"]), cell(d["difference"])});
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
