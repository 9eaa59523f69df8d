// Document writers: Indonesian wording, PDF (checked through poppler's pdftotext/pdfinfo, as a
// reader would see the page) and XLSX (checked by unpacking the file).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <string>
#include <vector>

#include "report/indonesian.h"
#include "report/map.h"
#include "report/pdf.h"
#include "report/xlsx.h"

using namespace pantau;
using namespace pantau::report;

namespace {

// Runs a shell command and returns what it printed on stdout.
std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::path(testing::TempDir()) / name).string();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream f(path, std::ios::binary);
  f << bytes;
}

int pdf_pages(const std::string& path) {
  std::smatch m;
  const std::string info = run("pdfinfo '" + path + "' 2>/dev/null");
  if (!std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) return -1;
  return std::stoi(m[1]);
}

std::string pdf_text(const std::string& path) {
  return run("pdftotext -layout '" + path + "' - 2>/dev/null");
}

size_t count_of(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// One entry of a ZIP file, by unzip if installed, else by python3's zipfile.
std::string zip_entry(const std::string& zip, const std::string& entry) {
  if (!run("command -v unzip").empty()) return run("unzip -p '" + zip + "' '" + entry + "'");
  return run(
      "python3 -c 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1])"
      ".read(sys.argv[2]).decode())' '" +
      zip + "' '" + entry + "'");
}

std::string two_digits(int i) { return (i < 10 ? "00" : i < 100 ? "0" : "") + std::to_string(i); }

}  // namespace

// --- Indonesian wording ------------------------------------------------------------------------

TEST(ReportIndonesian, TerbilangTableOfCases) {
  const std::vector<std::pair<int64_t, std::string>> cases = {
      {0, "nol"},
      {1, "satu"},
      {9, "sembilan"},
      {10, "sepuluh"},
      {11, "sebelas"},
      {12, "dua belas"},
      {19, "sembilan belas"},
      {20, "dua puluh"},
      {21, "dua puluh satu"},
      {99, "sembilan puluh sembilan"},
      {100, "seratus"},
      {101, "seratus satu"},
      {110, "seratus sepuluh"},
      {111, "seratus sebelas"},
      {200, "dua ratus"},
      {1000, "seribu"},
      {1001, "seribu satu"},
      {1100, "seribu seratus"},
      {2000, "dua ribu"},
      {11000, "sebelas ribu"},
      {100000, "seratus ribu"},
      {101000, "seratus satu ribu"},
      {1000000, "satu juta"},
      {1001000, "satu juta seribu"},
      {1000001, "satu juta satu"},
      {2026, "dua ribu dua puluh enam"},
      {600848000, "enam ratus juta delapan ratus empat puluh delapan ribu"},
      {1164904000, "satu miliar seratus enam puluh empat juta sembilan ratus empat ribu"},
      {1000000000000, "satu triliun"},
      {-5, "minus lima"},
      {-1000, "minus seribu"},
      {std::numeric_limits<int64_t>::max(),
       "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun tiga ratus tujuh puluh dua "
       "triliun tiga puluh enam miliar delapan ratus lima puluh empat juta tujuh ratus tujuh "
       "puluh lima ribu delapan ratus tujuh"},
  };
  for (const auto& [n, words] : cases) EXPECT_EQ(terbilang(n), words) << "n = " << n;
  EXPECT_EQ(terbilang(std::numeric_limits<int64_t>::min()).rfind("minus sembilan kuintiliun", 0),
            0u);
}

TEST(ReportIndonesian, TanggalTableOfCases) {
  const std::vector<std::pair<Date, std::string>> cases = {
      {{2026, 11, 23}, "23 November 2026"}, {{2026, 1, 1}, "1 Januari 2026"},
      {{2024, 2, 29}, "29 Februari 2024"},  {{2026, 3, 5}, "5 Maret 2026"},
      {{2026, 5, 31}, "31 Mei 2026"},       {{1945, 8, 17}, "17 Agustus 1945"},
      {{2026, 12, 31}, "31 Desember 2026"}, {{2026, 10, 2}, "2 Oktober 2026"},
  };
  for (const auto& [d, text] : cases) EXPECT_EQ(tanggal_indonesia(d), text);
  EXPECT_EQ(nama_hari({1945, 8, 17}), "Jumat");
  EXPECT_EQ(nama_hari({2026, 11, 23}), "Senin");
  EXPECT_EQ(nama_bulan(6), "Juni");
  EXPECT_EQ(nama_bulan(13), "");
}

TEST(ReportIndonesian, RupiahTableOfCases) {
  const std::vector<std::pair<int64_t, std::string>> cases = {
      {0, "Rp 0"},
      {5, "Rp 5"},
      {999, "Rp 999"},
      {1000, "Rp 1.000"},
      {25000, "Rp 25.000"},
      {1164904000, "Rp 1.164.904.000"},
      {-1, "-Rp 1"},
      {-25000, "-Rp 25.000"},
      {-1164904000, "-Rp 1.164.904.000"},
      {std::numeric_limits<int64_t>::min(), "-Rp 9.223.372.036.854.775.808"},
  };
  for (const auto& [n, text] : cases) EXPECT_EQ(format_rupiah(n), text) << "n = " << n;
  EXPECT_EQ(format_ribuan(-1500), "-1.500");
}

// --- PDF -----------------------------------------------------------------------------------------

namespace {

Letterhead kalsel() {
  return {"PEMERINTAH PROVINSI KALIMANTAN SELATAN", "BADAN KESATUAN BANGSA DAN POLITIK",
          "Jalan Jenderal Sudirman Nomor 14, Banjarmasin 70114",
          "Telepon (0511) 3350512, Laman kesbangpol.kalselprov.go.id"};
}

}  // namespace

TEST(ReportPdf, QuarterlyReportWithLongTable) {
  PdfDocument pdf({"Laporan Triwulan III 2026 — Kalimantan Selatan", "Badan Kesbangpol Kalsel",
                   "Laporan triwulan", std::nullopt});
  pdf.letterhead(kalsel());
  pdf.title("LAPORAN TRIWULAN III TAHUN 2026", "Periode 1 Juli — 30 September 2026");
  pdf.heading("I. PENDAHULUAN");
  pdf.paragraph(
      "Laporan ini disusun berdasarkan hasil pemantauan situasi politik dan keamanan di 13 "
      "kabupaten/kota. Kegiatan dilaksanakan bersama Forum Kewaspadaan Dini Masyarakat (FKDM) "
      "dengan luas wilayah pantauan 38.744 km² — termasuk kawasan perbatasan; narasumber: "
      "René Café, pengamat politik.");
  pdf.key_values({{"Nomor", "400.10/123/Kesbangpol"},
                  {"Sifat", "Biasa"},
                  {"Perihal", "Laporan pelaksanaan kegiatan triwulan III tahun anggaran 2026"}});
  pdf.heading("II. PELAKSANAAN KEGIATAN");
  Table t;
  t.headers = {"No.", "Uraian Kegiatan", "Lokasi", "Anggaran"};
  t.widths = {0.08, 0.47, 0.22, 0.23};
  t.align = {Align::Center, Align::Left, Align::Left, Align::Right};
  int64_t total = 0;
  for (int i = 1; i <= 120; ++i) {
    const int64_t amount = 1000000 + 2500 * i;
    total += amount;
    t.rows.push_back(
        {std::to_string(i), "Kegiatan ke-" + two_digits(i), "Banjarbaru", format_rupiah(amount)});
  }
  t.totals = {"", "JUMLAH", "", format_rupiah(total)};
  pdf.table(t);
  pdf.heading("III. PENUTUP");
  pdf.paragraph("Demikian laporan ini disampaikan untuk dipergunakan sebagaimana mestinya.");
  Signature s;
  s.place = "Banjarmasin";
  s.date = {2026, 10, 5};
  s.signer = {"KEPALA BADAN KESATUAN BANGSA DAN POLITIK\nPROVINSI KALIMANTAN SELATAN",
              "Dr. H. Ahmad Fauzi, S.Sos., M.Si.", "Pembina Utama Muda (IV/c)",
              "19700101 199503 1 001"};
  s.acknowledged =
      Signer{"SEKRETARIS DAERAH", "Ir. Siti Rahmah, M.T.", "", "19680202 199203 2 002"};
  pdf.signature_block(s);

  auto bytes = pdf.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  ASSERT_EQ(bytes->rfind("%PDF-", 0), 0u);
  const std::string path = temp_path("report-quarterly.pdf");
  write_file(path, *bytes);

  const int pages = pdf_pages(path);
  ASSERT_GE(pages, 3) << "120 rows must spill over several pages";
  const std::string text = pdf_text(path);
  for (const char* expected :
       {"PEMERINTAH PROVINSI KALIMANTAN SELATAN", "BADAN KESATUAN BANGSA DAN POLITIK",
        "LAPORAN TRIWULAN III TAHUN 2026", "I. PENDAHULUAN", "II. PELAKSANAAN KEGIATAN",
        "III. PENUTUP", "Kegiatan ke-001", "Kegiatan ke-120", "Rp 1.002.500", "JUMLAH",
        "Banjarmasin, 5 Oktober 2026", "Dr. H. Ahmad Fauzi, S.Sos., M.Si.",
        "NIP. 19700101 199503 1 001", "Mengetahui,", "Ir. Siti Rahmah, M.T.", "km²", "—",
        "René Café", "400.10/123/Kesbangpol"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
  }
  EXPECT_NE(text.find(format_rupiah(total)), std::string::npos);
  const std::string n = std::to_string(pages);
  EXPECT_NE(text.find("Halaman 1 dari " + n), std::string::npos);
  EXPECT_NE(text.find("Halaman " + n + " dari " + n), std::string::npos);
  EXPECT_EQ(count_of(text, "Halaman "), static_cast<size_t>(pages));
  // The header row is repeated on every page the table reaches (at least two of them).
  EXPECT_GE(count_of(text, "Uraian Kegiatan"), 2u);
  // Row 1 is on page 1 and row 120 is not (pages are separated by form feeds).
  const std::string page1 = text.substr(0, text.find('\f'));
  EXPECT_NE(page1.find("Kegiatan ke-001"), std::string::npos);
  EXPECT_EQ(page1.find("Kegiatan ke-120"), std::string::npos);

  const std::string info = run("pdfinfo '" + path + "' 2>/dev/null");
  EXPECT_NE(info.find("Laporan Triwulan III 2026 — Kalimantan Selatan"), std::string::npos) << info;
  EXPECT_NE(info.find("A4"), std::string::npos) << info;
  std::filesystem::remove(path);
}

TEST(ReportPdf, WrapsLongTextAndSplitsRowsTallerThanAPage) {
  PdfDocument pdf({"Uji", "", "", std::nullopt});
  std::string long_text;
  for (int i = 0; i < 1500; ++i) long_text += "kata" + std::to_string(i) + " ";
  Table t;
  t.headers = {"No.", "Catatan"};
  t.widths = {1, 9};
  t.rows = {{"1", long_text}, {"2", "baris pendek terakhir"}};
  pdf.table(t);
  // Unbreakable text, invalid UTF-8, an emoji and control characters must not break the page.
  pdf.paragraph(std::string(300, 'X') + " \xff\xfe tab\there \xF0\x9F\x98\x80 selesai");
  auto bytes = pdf.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  const std::string path = temp_path("report-long.pdf");
  write_file(path, *bytes);
  EXPECT_GE(pdf_pages(path), 2);
  const std::string text = pdf_text(path);
  EXPECT_NE(text.find("kata0"), std::string::npos);
  EXPECT_NE(text.find("kata1499"), std::string::npos);
  EXPECT_NE(text.find("baris pendek terakhir"), std::string::npos);
  EXPECT_NE(text.find("selesai"), std::string::npos);
  EXPECT_EQ(count_of(text, "Catatan"), static_cast<size_t>(pdf_pages(path)));
  std::filesystem::remove(path);
}

TEST(ReportPdf, OverlongHeaderIsCutToAThirdOfAPage) {
  PdfDocument pdf({});
  std::string huge;
  for (int i = 0; i < 3000; ++i) huge += "judul ";
  Table t;
  t.headers = {huge};
  t.rows = {{"satu"}, {"dua"}, {"tiga"}};
  pdf.table(t);
  auto bytes = pdf.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  const std::string path = temp_path("report-huge-header.pdf");
  write_file(path, *bytes);
  // The header is cut to a third of a page, so the rows still fit on the first page.
  EXPECT_EQ(pdf_pages(path), 1);
  const std::string text = pdf_text(path);
  EXPECT_NE(text.find("judul"), std::string::npos);
  EXPECT_NE(text.find("tiga"), std::string::npos);
  std::filesystem::remove(path);
}

// A 2 x 1 RGB PNG (red, blue), and a PNG header claiming 20000 x 20000 pixels.
const std::string kPng = std::string(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00\x01"
    "\x08\x02\x00\x00\x00\x7b\x40\xe8\xdd\x00\x00\x00\x0d\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\x00\x04"
    "\xff\x01\x07\x00\x01\xff\xe2\x23\x9e\x59\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
    70);

TEST(ReportPdf, LetterheadDrawsTheCoatOfArmsOnlyWhenThereIsOne) {
  auto info = inspect_image(kPng);
  ASSERT_TRUE(info.ok()) << info.error().message.en;
  EXPECT_EQ(info->mime, "image/png");
  EXPECT_EQ(info->width, 2);
  EXPECT_EQ(info->height, 1);
  // Refused by content, in this process and without ending it: a text, a program renamed, PNGs
  // cut short (in the chunk header and in the middle of the pixel data), one whose pixel data has
  // a changed byte (its checksum no longer matches), a huge one.
  std::string flipped = kPng;
  flipped[45] = static_cast<char>(flipped[45] ^ 0x5a);
  for (const std::string& bad : {std::string("bukan gambar"), std::string("MZ\x90\0\x03\0\0\0", 8), kPng.substr(0, 40),
                                 kPng.substr(0, 50), flipped}) {
    auto r = inspect_image(bad);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().fields.at(0).field, "file");
  }
  std::string huge = kPng;
  huge.replace(16, 8, std::string("\0\0\x4e\x20\0\0\x4e\x20", 8));
  auto r = inspect_image(huge);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.at(0).code, "dimensions");

  auto build = [](const std::string& emblem) {
    PdfDocument pdf({});
    Letterhead l = kalsel();
    l.emblem = emblem;
    pdf.letterhead(l);
    pdf.title("SURAT KETERANGAN");
    auto bytes = pdf.finish();
    EXPECT_TRUE(bytes.ok());
    return bytes.ok() ? *bytes : std::string();
  };
  const std::string with = build(kPng), without = build(""), damaged = build(kPng.substr(0, 40));
  EXPECT_NE(with.find("/Subtype /Image"), std::string::npos);
  EXPECT_EQ(without.find("/Subtype /Image"), std::string::npos);
  // A damaged image is left out: the document is made, laid out as without one.
  EXPECT_EQ(damaged.find("/Subtype /Image"), std::string::npos);
  EXPECT_EQ(pdf_content_streams(damaged), pdf_content_streams(without));
  // The text moves right of the image; the image is drawn once ("Do").
  EXPECT_NE(pdf_content_streams(with).find(" Do"), std::string::npos);
  EXPECT_NE(pdf_content_streams(with), pdf_content_streams(without));
}

TEST(ReportPdf, EmptyDocumentHasOnePage) {
  PdfDocument pdf({});
  auto bytes = pdf.finish();
  ASSERT_TRUE(bytes.ok());
  const std::string path = temp_path("report-empty.pdf");
  write_file(path, *bytes);
  EXPECT_EQ(pdf_pages(path), 1);
  EXPECT_NE(pdf_text(path).find("Halaman 1 dari 1"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_FALSE(pdf.finish().ok()) << "finish() is once only";
}

TEST(ReportPdf, MissingFontIsAClearError) {
  PdfDocument pdf({"Uji", "", "", std::nullopt}, PdfOptions{"/nonexistent/fonts"});
  EXPECT_FALSE(pdf.ok());
  pdf.paragraph("tidak digambar");
  auto bytes = pdf.finish();
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().code, "report.font_missing");
  EXPECT_NE(bytes.error().message.en.find("/nonexistent/fonts/DejaVuSans.ttf"), std::string::npos);
  EXPECT_NE(bytes.error().message.id.find("tidak ditemukan"), std::string::npos);
}

TEST(ReportPdf, MalformedTableIsAnError) {
  PdfDocument pdf({});
  Table t;
  t.headers = {"A", "B"};
  t.rows = {{"1", "2", "3"}};
  pdf.table(t);
  auto bytes = pdf.finish();
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().code, "report.bad_table");
}

// --- XLSX ----------------------------------------------------------------------------------------

// --- Drawing and maps ---------------------------------------------------------------------------

namespace {

// The fill colours set in the page content ("r g b rg" operators).
std::vector<Rgb> fill_colours(const std::string& pdf) {
  std::vector<Rgb> out;
  const std::string content = pdf_content_streams(pdf);
  static const std::regex rg(R"(([0-9.]+) ([0-9.]+) ([0-9.]+) rg)");
  for (std::sregex_iterator it(content.begin(), content.end(), rg), end; it != end; ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3])});
  return out;
}

bool has_fill(const std::vector<Rgb>& fills, const Rgb& want) {
  return std::any_of(fills.begin(), fills.end(), [&](const Rgb& c) {
    return std::abs(c.r - want.r) < 0.002 && std::abs(c.g - want.g) < 0.002 && std::abs(c.b - want.b) < 0.002;
  });
}

std::string square(double lon, double lat, double size) {
  auto pt = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
  return "[" + pt(lon, lat) + "," + pt(lon + size, lat) + "," + pt(lon + size, lat + size) + "," +
         pt(lon, lat + size) + "," + pt(lon, lat) + "]";
}

}  // namespace

TEST(ReportPdf, RgbFromHexTableOfCases) {
  EXPECT_EQ(rgb_from_hex("#ff0000"), (Rgb{1, 0, 0}));
  EXPECT_EQ(rgb_from_hex("00FF00"), (Rgb{0, 1, 0}));
  const auto grey = rgb_from_hex("#808080");
  ASSERT_TRUE(grey.has_value());
  EXPECT_NEAR(grey->r, 128 / 255.0, 1e-9);
  for (const char* bad : {"", "#", "#fff", "#gg0000", "#12345678", "red"})
    EXPECT_FALSE(rgb_from_hex(bad).has_value()) << bad;
}

TEST(ReportMap, ParseGeoPolygonsTableOfCases) {
  const std::string sq = square(114.5, -3.5, 0.2);
  struct Case {
    std::string geojson;
    int polygons;  // -1 = refused
  };
  const std::vector<Case> cases = {
      {R"({"type":"Polygon","coordinates":[)" + sq + "]}", 1},
      {R"({"type":"Polygon","coordinates":[)" + sq + "," + square(114.55, -3.45, 0.05) + "]}", 1},
      {R"({"type":"MultiPolygon","coordinates":[[)" + sq + "],[" + square(115, -3, 0.1) + "]]}", 2},
      {"", -1},
      {"not json", -1},
      {R"({"type":"Point","coordinates":[114.5,-3.5]})", -1},
      {R"({"type":"Polygon"})", -1},
      {R"({"type":"Polygon","coordinates":[]})", -1},
      {R"({"type":"Polygon","coordinates":[[[1,2],[3,4]]]})", -1},
      {R"({"type":"Polygon","coordinates":[[[1,2],[3,4],["a",5],[1,2]]]})", -1},
      {R"({"type":"Polygon","coordinates":[[[1,200],[3,4],[5,6],[1,200]]]})", -1},
      {R"({"type":"MultiPolygon","coordinates":[]})", -1},
      {R"({"type":"MultiPolygon","coordinates":[[)" + sq + "],5]}", -1},
      {R"([1,2,3])", -1},
  };
  for (const auto& c : cases) {
    const auto p = parse_geo_polygons(c.geojson);
    EXPECT_EQ(p ? static_cast<int>(p->size()) : -1, c.polygons) << c.geojson;
  }
}

TEST(ReportMap, TwoRegionMapWithLegendOpensAndHoldsItsColours) {
  const Rgb high = *rgb_from_hex("#b3261e"), low = *rgb_from_hex("#f3d98b"), medium = *rgb_from_hex("#e8894a");
  PdfDocument pdf({"Peta", "", "", std::nullopt});
  pdf.title("PETA RAWAN KONFLIK");
  MapSpec spec;
  spec.regions = {
      {"63.71", "Kota Banjarmasin", R"({"type":"Polygon","coordinates":[)" + square(114.5, -3.4, 0.2) + "]}", high},
      {"63.72", "Kota Banjarbaru",
       R"({"type":"MultiPolygon","coordinates":[[)" + square(114.75, -3.5, 0.3) + "],[" + square(115.1, -3.5, 0.05) + "]]}",
       low},
  };
  spec.legend = {{"Rendah", low}, {"Sedang", medium}, {"Tinggi", high}};
  spec.note = "Batas wilayah 63.73 belum tersedia.";
  spec.height = 260;
  const MapResult r = draw_map(pdf, spec);
  EXPECT_EQ(r.drawn, 2);
  EXPECT_TRUE(r.skipped.empty());
  pdf.paragraph("Teks sesudah peta.");
  auto bytes = pdf.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  const std::string path = temp_path("report-map.pdf");
  write_file(path, *bytes);
  EXPECT_EQ(pdf_pages(path), 1);
  const std::string text = pdf_text(path);
  for (const char* want : {"PETA RAWAN KONFLIK", "Rendah", "Sedang", "Tinggi", "Batas wilayah 63.73 belum tersedia.",
                           "Teks sesudah peta."})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  // The text after the map comes below it: the map took its room in the flow.
  EXPECT_GT(text.find("Teks sesudah peta."), text.find("Tinggi"));
  const auto fills = fill_colours(*bytes);
  for (const Rgb& c : {high, low, medium}) EXPECT_TRUE(has_fill(fills, c)) << c.r << " " << c.g << " " << c.b;
  const std::string content = pdf_content_streams(*bytes);
  EXPECT_GE(count_of(content, "B*\n"), 3u) << "three polygons, filled and outlined";
  EXPECT_NE(content.find(" re\n"), std::string::npos) << "legend boxes";
  std::filesystem::remove(path);
}

TEST(ReportMap, BadGeometriesAreSkippedNotFatal) {
  const Rgb red{1, 0, 0};
  PdfDocument pdf({"Peta", "", "", std::nullopt});
  MapSpec spec;
  spec.regions = {{"a", "A", "", red},
                  {"b", "B", "{", red},
                  {"c", "C", R"({"type":"Point","coordinates":[1,2]})", red},
                  {"d", "D", R"({"type":"Polygon","coordinates":[[[1,2],[3,4]]]})", red},
                  {"e", "E", R"({"type":"Polygon","coordinates":[[[1,95],[3,4],[5,6],[1,95]]]})", red},
                  {"f", "F", R"({"type":"Polygon","coordinates":[)" + square(110, -7, 1) + "]}", Rgb{0, 0, 1}}};
  const MapResult r = draw_map(pdf, spec);
  EXPECT_EQ(r.drawn, 1);
  EXPECT_EQ(r.skipped, (std::vector<std::string>{"a", "b", "c", "d", "e"}));
  // Nothing drawable at all: the box stays, with its legend.
  MapSpec none;
  none.regions = {{"x", "X", "[]", red}};
  none.legend = {{"Tidak ada data", Rgb{0.8, 0.8, 0.8}}};
  EXPECT_EQ(draw_map(pdf, none).drawn, 0);
  auto bytes = pdf.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  const std::string path = temp_path("report-map-bad.pdf");
  write_file(path, *bytes);
  EXPECT_GE(pdf_pages(path), 1);
  EXPECT_NE(pdf_text(path).find("Tidak ada data"), std::string::npos);
  EXPECT_TRUE(has_fill(fill_colours(*bytes), Rgb{0, 0, 1}));
  std::filesystem::remove(path);
}

TEST(ReportMap, LargeGeometryIsSimplifiedOnThePage) {
  // A circle of 200,000 positions: on a map a few hundred points wide, most of them are closer
  // than half a point to their neighbour and are skipped.
  std::string ring = "[";
  const int n = 200000;
  for (int i = 0; i <= n; ++i) {
    const double a = 2 * M_PI * (i % n) / n;
    if (i > 0) ring += ",";
    ring += "[" + std::to_string(115 + std::cos(a)) + "," + std::to_string(-2 + std::sin(a)) + "]";
  }
  ring += "]";
  PdfDocument pdf({"Peta", "", "", std::nullopt});
  MapSpec spec;
  spec.regions = {{"63", "Kalimantan Selatan", R"({"type":"Polygon","coordinates":[)" + ring + "]}", Rgb{0, 0.5, 0}}};
  EXPECT_EQ(draw_map(pdf, spec).drawn, 1);
  auto bytes = pdf.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  const size_t segments = count_of(pdf_content_streams(*bytes), " l\n");
  EXPECT_GT(segments, 100u);
  EXPECT_LT(segments, 5000u);
  EXPECT_LT(bytes->size(), 200000u);
}

TEST(ReportXlsx, SheetNamesAreMadeValid) {
  EXPECT_EQ(xlsx_sheet_name("Rekap [2026]: Q1/Q2*?"), "Rekap -2026-- Q1-Q2--");
  EXPECT_EQ(xlsx_sheet_name("'Kalimantan Selatan'"), "Kalimantan Selatan");
  EXPECT_EQ(xlsx_sheet_name(""), "Lembar");
  EXPECT_EQ(xlsx_sheet_name("\\/"), "--");
  const std::string longest = xlsx_sheet_name("Rekapitulasi Bantuan Keuangan Partai Politik 2026");
  EXPECT_EQ(longest, "Rekapitulasi Bantuan Keuangan P");
  EXPECT_EQ(xlsx_sheet_name("Daftar Ormas — Kalimantan Selatan"),
            "Daftar Ormas — Kalimantan Selat");
}

TEST(ReportXlsx, WorkbookWithTypedCells) {
  XlsxWorkbook wb({"Rekap Banpol 2026", "Kesbangpol Kalsel", "", std::nullopt});
  EXPECT_EQ(wb.add_sheet("Banpol/2026"), "Banpol-2026");
  wb.title("REKAP BANTUAN KEUANGAN PARTAI POLITIK TAHUN 2026");
  wb.header({"Partai", "Kursi", "Suara", "Nilai per suara", "Bantuan", "Tanggal SK"});
  wb.row({"Partai Kebangkitan Café — é", XlsxCell::integer(12), XlsxCell::integer(600848),
          XlsxCell::number(1938.75), XlsxCell::rupiah(1164904000), XlsxCell::date({2026, 11, 23})});
  wb.row({"=HYPERLINK(\"http://x\")", XlsxCell::integer(3), XlsxCell::integer(1000),
          XlsxCell::number(1000, 0), XlsxCell::rupiah(-25000), XlsxCell::empty()});
  wb.column_widths({40});
  EXPECT_EQ(wb.add_sheet("Banpol-2026"), "Banpol-2026 (2)");
  wb.header({"Catatan"});
  wb.row({"lembar kedua"});
  auto bytes = wb.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  ASSERT_EQ(bytes->rfind("PK\x03\x04", 0), 0u) << "an XLSX file is a ZIP archive";

  const std::string path = temp_path("report-rekap.xlsx");
  write_file(path, *bytes);
  const std::string workbook = zip_entry(path, "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Banpol-2026\""), std::string::npos) << workbook;
  EXPECT_NE(workbook.find("name=\"Banpol-2026 (2)\""), std::string::npos) << workbook;

  const std::string sheet = zip_entry(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("Partai Kebangkitan Café — é"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>1164904000</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>600848</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>-25000</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<autoFilter ref=\"A2:F4\"/>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("ySplit=\"2\""), std::string::npos) << "header row frozen: " << sheet;
  EXPECT_NE(sheet.find("width=\"40"), std::string::npos) << sheet;
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "user text never becomes a formula";
  // 23 November 2026 is Excel serial 46349.
  EXPECT_NE(sheet.find("<v>46349</v>"), std::string::npos) << sheet;

  const std::string styles = zip_entry(path, "xl/styles.xml");
  EXPECT_NE(styles.find("&quot;Rp&quot; #,##0"), std::string::npos) << styles;
  EXPECT_NE(styles.find("dd/mm/yyyy"), std::string::npos) << styles;
  EXPECT_NE(zip_entry(path, "xl/worksheets/sheet2.xml").find("lembar kedua"), std::string::npos);
  EXPECT_NE(zip_entry(path, "docProps/core.xml").find("Rekap Banpol 2026"), std::string::npos);
  std::filesystem::remove(path);
}

TEST(ReportXlsx, EmptyWorkbookAndHugeIntegers) {
  XlsxWorkbook wb;
  wb.row({XlsxCell::integer(9007199254740993)});  // 2^53 + 1: Excel would round it
  auto bytes = wb.finish();
  ASSERT_TRUE(bytes.ok()) << bytes.error().message.en;
  const std::string path = temp_path("report-empty.xlsx");
  write_file(path, *bytes);
  EXPECT_NE(zip_entry(path, "xl/workbook.xml").find("name=\"Lembar1\""), std::string::npos);
  EXPECT_NE(zip_entry(path, "xl/worksheets/sheet1.xml").find("9007199254740993"),
            std::string::npos);
  std::filesystem::remove(path);
}
