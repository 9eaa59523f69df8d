// The quarterly report on foreigners and foreign organisations (Permendagri 49/2010 Art. 11:
// the regional team reports every three months): a recap of the presences in the quarter by
// category, nationality, permit type, location and sponsor; presences started and ended;
// decisions, field checks and referrals; the list of people and organisations present, with
// passport numbers masked for a reader without clearance. Office letterhead (org/public.h),
// issued through the document register (number and QR code).
#include <fmt/format.h>

#include <map>

#include "core/service_clock.h"
#include "modules/actors/public.h"
#include "modules/foreigners/store.h"
#include "modules/org/public.h"
#include "report/indonesian.h"

namespace pantau::foreigners {

namespace {

std::string label(std::string_view code) {
  static const std::map<std::string_view, std::string_view> labels = {
      {"DIPLOMAT_VIP", "Diplomat/tamu negara"}, {"EXPERT", "Tenaga ahli"}, {"JOURNALIST_FILM", "Jurnalis/pembuat film"},
      {"RESEARCHER", "Peneliti"}, {"ARTIST", "Seniman/olahragawan"}, {"CLERGY", "Rohaniwan"}, {"FOREIGN_ORG", "Organisasi asing"},
      {"FOREIGN_WORKER", "Tenaga kerja asing"}, {"VISIT", "Izin kunjungan"}, {"KITAS", "KITAS"}, {"KITAP", "KITAP"},
      {"DIPLOMATIC", "Izin diplomatik"}, {"OTHER", "Lainnya"}, {"ORGANISASI", "Organisasi (tanpa izin tinggal)"},
      {"APPROVED", "Disetujui"}, {"POSTPONED", "Ditunda"}, {"REJECTED", "Ditolak"}, {"NOTED", "Dicatat"},
      {"IMMIGRATION", "Kantor Imigrasi"}, {"POLICE", "Kepolisian"}};
  auto it = labels.find(code);
  return std::string(it == labels.end() ? code : it->second);
}

const char* kRoman[] = {"I", "II", "III", "IV"};

report::Table count_table(const std::string& head, const std::map<std::string, int64_t>& counts, bool labelled) {
  report::Table t{{"No.", head, "Jumlah"}, {}, {0.08, 0.72, 0.2}, {report::Align::Right, report::Align::Left, report::Align::Right}, {}};
  int64_t total = 0, n = 0;
  for (auto& [k, v] : counts) {
    t.rows.push_back({std::to_string(++n), labelled ? label(k) : k, report::format_ribuan(v)});
    total += v;
  }
  if (t.rows.empty()) t.rows.push_back({"", "(tidak ada)", "0"});
  t.totals = {"", "JUMLAH", report::format_ribuan(total)};
  return t;
}

}  // namespace

Result<QuarterlyRef> quarterly_ref(db::Conn& c, const auth::Scope& s, int year, int quarter, const std::string& region) {
  if (year < 2000 || year > 2100)
    return Error::invalid_field("year", "out_of_range", "Tahun harus antara 2000 dan 2100.", "The year must be between 2000 and 2100.");
  if (quarter < 1 || quarter > 4)
    return Error::invalid_field("quarter", "out_of_range", "Triwulan harus 1 sampai 4.", "The quarter must be 1 to 4.");
  std::string area = region.empty() ? s.region_code : region;
  if (!s.covers(area) || (!area.empty() && !c.query_i64("SELECT 1 FROM regions WHERE code = ?", {area})))
    return Error::not_found("Wilayah tidak ditemukan.", "Region not found.");
  QuarterlyRef q;
  q.year = year;
  q.quarter = quarter;
  q.region_code = area;
  q.from = format_date(Date{year, quarter * 3 - 2, 1});
  q.to = format_date(civil_from_days(days_from_civil(Date{quarter == 4 ? year + 1 : year, quarter == 4 ? 1 : quarter * 3 + 1, 1}) - 1));
  q.region_name = area.empty() ? "Indonesia" : c.query_str("SELECT name FROM regions WHERE code = ?", {area}).value_or(area);
  q.passports_masked = !s.cleared_for(actors::kIdentifierClearance);
  return q;
}

Result<std::string> quarterly_pdf(db::Conn& c, const auth::Scope& s, const QuarterlyRef& q, const documents::Stamp& stamp) {
  auth::Scope area = s;
  area.region_code = q.region_code;
  Recap r = recap(c, area, q.from, q.to);
  auto office = org::kesbangpol_office(c, q.region_code);
  std::string title = fmt::format("LAPORAN TRIWULAN {} TAHUN {}", kRoman[q.quarter - 1], q.year);
  report::PdfDocument doc({title + " PEMANTAUAN ORANG ASING DAN LEMBAGA ASING", office ? office->name : "",
                           "Laporan triwulan pemantauan orang asing dan lembaga asing", stamp.issued_at});
  if (office) doc.letterhead(office->letterhead());
  doc.title(title, "PEMANTAUAN ORANG ASING DAN LEMBAGA ASING");
  Date from = *parse_date(q.from), to = *parse_date(q.to);
  doc.key_values({{"Wilayah", q.region_name},
                  {"Periode", report::tanggal_indonesia(from) + " s.d. " + report::tanggal_indonesia(to)},
                  {"Dasar", "Permendagri Nomor 49 Tahun 2010 dan Permendagri Nomor 50 Tahun 2010"}});
  if (!stamp.number.empty()) doc.key_values({{"Nomor", stamp.number}});

  // Counts of the quarter, each within the reader's area and clearance.
  db::Params p{q.from, q.to};
  std::string vis = presence_visible(area, "x", p);
  int64_t started = c.query_i64("SELECT COUNT(*) FROM foreign_presences x WHERE x.start_date >= ? AND x.start_date <= ? AND " + vis, p)
                        .value_or(0);
  int64_t ended = c.query_i64("SELECT COUNT(*) FROM foreign_presences x WHERE x.end_date >= ? AND x.end_date <= ? AND " + vis, p).value_or(0);
  auto grouped = [&](const std::string& sql) {
    std::map<std::string, int64_t> out;
    db::Params gp{q.from, q.to};
    std::string v = presence_visible(area, "x", gp);
    c.query(sql + v + " GROUP BY 1", gp, [&](const db::Row& row) { out[row.str(0)] = row.i64(1); });
    return out;
  };
  auto decisions = grouped("SELECT d.decision, COUNT(*) FROM foreign_decisions d JOIN foreign_presences x ON x.id = d.presence_id "
                           "WHERE SUBSTR(d.decided_at, 1, 10) >= ? AND SUBSTR(d.decided_at, 1, 10) <= ? AND ");
  auto checks = grouped("SELECT CASE WHEN f.compliant = 1 THEN 'Patuh' ELSE 'Tidak patuh' END, COUNT(*) FROM foreign_field_checks f "
                        "JOIN foreign_presences x ON x.id = f.presence_id WHERE f.check_date >= ? AND f.check_date <= ? AND ");
  auto referrals = grouped("SELECT f.agency, COUNT(*) FROM foreign_referrals f JOIN foreign_presences x ON x.id = f.presence_id "
                           "WHERE f.referred_on >= ? AND f.referred_on <= ? AND ");
  int64_t present = 0;
  for (auto& [k, n] : r.counts["category"]) present += n;

  doc.heading("I. RINGKASAN");
  doc.key_values({{"Keberadaan dalam triwulan", report::format_ribuan(present)},
                  {"Keberadaan dimulai", report::format_ribuan(started)},
                  {"Keberadaan berakhir", report::format_ribuan(ended)}});
  doc.heading("II. REKAPITULASI");
  int section = 0;
  for (auto& [dim, name] : kRecapDimensions) {
    doc.paragraph(fmt::format("{}. Menurut {}", static_cast<char>('A' + section++), name));
    doc.table(count_table(name, r.counts[dim], std::string_view(dim) == "category" || std::string_view(dim) == "permit_type"));
  }
  doc.heading("III. KEPUTUSAN, PEMERIKSAAN LAPANGAN DAN PENERUSAN");
  doc.paragraph("A. Keputusan tim");
  doc.table(count_table("Keputusan", decisions, true));
  doc.paragraph("B. Pemeriksaan lapangan");
  doc.table(count_table("Hasil", checks, false));
  doc.paragraph("C. Penerusan kepada instansi berwenang");
  doc.table(count_table("Instansi", referrals, true));

  // The people and organisations present in the quarter (the first 500).
  doc.heading("IV. DAFTAR ORANG ASING DAN LEMBAGA ASING");
  report::Table list{{"No.", "Nama", "Kewarganegaraan", "Paspor", "Kategori", "Lokasi", "Periode"},
                     {},
                     {0.06, 0.2, 0.12, 0.14, 0.16, 0.14, 0.18},
                     {report::Align::Right},
                     {}};
  db::Params lp{q.to, q.from};
  std::string lv = presence_visible(area, "x", lp);
  c.query("SELECT COALESCE(fp.full_name, fo.name), COALESCE(fp.nationality, fo.country), fp.passport_no, fp.id_classification, x.category, "
          "COALESCE(g.name, x.region_code), x.start_date, x.end_date FROM foreign_presences x "
          "LEFT JOIN foreign_persons fp ON fp.id = x.person_id LEFT JOIN foreign_orgs fo ON fo.id = x.org_id "
          "LEFT JOIN regions g ON g.code = x.region_code WHERE x.start_date <= ? AND x.end_date >= ? AND " + lv +
              " ORDER BY x.start_date, x.id LIMIT 500",
          lp, [&](const db::Row& row) {
            std::string passport = row.is_null(2) ? "-" : passport_for(s, static_cast<int>(row.i64(3)), row.text(2));
            auto a = parse_date(row.text(6)), b = parse_date(row.text(7));
            list.rows.push_back({std::to_string(list.rows.size() + 1), row.str(0), row.str(1), passport, label(row.text(4)), row.str(5),
                                 (a ? report::tanggal_indonesia(*a) : row.str(6)) + " s.d. " + (b ? report::tanggal_indonesia(*b) : row.str(7))});
          });
  if (list.rows.empty()) list.rows.push_back({"", "(tidak ada)"});
  doc.table(list);
  if (q.passports_masked)
    doc.paragraph("Nomor paspor disamarkan: pembaca laporan ini tidak memiliki tingkat akses TERBATAS.");

  report::Signature sig;
  sig.place = office ? office->signing_place() : "";
  sig.date = local_date(format_iso(stamp.issued_at), q.region_code);
  sig.signer = office ? office->head_signer() : report::Signer{"KEPALA BADAN KESATUAN BANGSA DAN POLITIK", "", "", ""};
  doc.signature_block(sig);
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

}  // namespace pantau::foreigners
