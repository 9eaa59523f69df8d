// parse_xlsx: real workbooks made by the project's writer (inline strings, streamed) and by
// libxlsxwriter in its default mode (shared strings, as Excel saves), hand-made archives for
// the cases writers never produce, and hostile or broken files.
#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/crypto.h"
#include "core/xlsx_read.h"
#include "report/xlsx.h"

using namespace pantau;
using report::XlsxCell;

namespace {

std::string temp_file(const std::string& ext) {
  return (std::filesystem::path(testing::TempDir()) / ("xlsx-read-" + random_token(6) + ext))
      .string();
}
std::string slurp_and_remove(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  f.close();
  std::filesystem::remove(path);
  return ss.str();
}

// A zip archive with the given parts, deflated.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& parts) {
  std::string path = temp_file(".zip");
  zipFile zf = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  EXPECT_NE(zf, nullptr);
  for (const auto& [name, content] : parts) {
    zip_fileinfo zi{};
    EXPECT_EQ(zipOpenNewFileInZip64(zf, name.c_str(), &zi, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, 9, 0),
              ZIP_OK);
    EXPECT_EQ(zipWriteInFileInZip(zf, content.data(), static_cast<unsigned>(content.size())),
              ZIP_OK);
    zipCloseFileInZip(zf);
  }
  zipClose(zf, nullptr);
  return slurp_and_remove(path);
}

const char* kWorkbook =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Hasil\" sheetId=\"1\" r:id=\"rId7\"/>"
    "<sheet name=\"Lain\" sheetId=\"2\" r:id=\"rId8\"/></sheets></workbook>";
const char* kRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId7\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
    "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/sharedStrings\" Target=\"strings.xml\"/></Relationships>";

std::string sheet_xml(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
         "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<x:sheetData>" +
         rows + "</x:sheetData></x:worksheet>";
}
// A workbook whose first sheet (by workbook order, not by file name) holds `rows`.
std::string hand_made(const std::string& rows, const std::string& strings = "<sst/>") {
  return make_zip({{"xl/workbook.xml", kWorkbook},
                   {"xl/_rels/workbook.xml.rels", kRels},
                   {"xl/strings.xml", strings},
                   {"xl/worksheets/sheet1.xml", sheet_xml("<x:row r=\"1\"><x:c r=\"A1\" "
                                                          "t=\"inlineStr\"><x:is><x:t>wrong sheet"
                                                          "</x:t></x:is></x:c></x:row>")},
                   {"xl/worksheets/data.xml", sheet_xml(rows)}});
}

void expect_error(const Result<CsvTable>& r, const std::string& code) {
  ASSERT_FALSE(r.ok()) << "expected " << code;
  EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(r.error().code, code) << r.error().message.en;
  EXPECT_FALSE(r.error().message.id.empty());
  EXPECT_FALSE(r.error().message.en.empty());
}

}  // namespace

TEST(XlsxRead, ReadsWhatTheProjectWriterWrites) {
  ASSERT_TRUE(crypto_init());
  report::XlsxWorkbook wb;
  wb.add_sheet("Hasil Pemilu");
  wb.header({"region_code", "abbreviation", "valid_votes", "seats", "source"});
  wb.row({"64.02", "PDIP", XlsxCell::integer(145613), XlsxCell::integer(9), "Kep. KPU"});
  wb.row({"64.02", "GOLKAR", XlsxCell::integer(75106), XlsxCell::empty(), XlsxCell::empty()});
  wb.row({XlsxCell::empty(), XlsxCell::empty(), XlsxCell::empty()});  // a blank row: skipped
  wb.row({"64.02", "Partai \"Nusantara\", Jaya", XlsxCell::number(12.5, 2),
          XlsxCell::rupiah(1164904000), XlsxCell::integer(9'007'199'254'740'993)});
  wb.add_sheet("Lain");
  wb.header({"not", "read"});
  auto bytes = wb.finish();
  ASSERT_TRUE(bytes.ok());
  ASSERT_TRUE(looks_like_xlsx(*bytes));

  auto r = parse_xlsx(*bytes);
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->header,
            (std::vector<std::string>{"region_code", "abbreviation", "valid_votes", "seats", "source"}));
  ASSERT_EQ(r->rows.size(), 3u);
  EXPECT_EQ(r->rows[0], (std::vector<std::string>{"64.02", "PDIP", "145613", "9", "Kep. KPU"}));
  EXPECT_EQ(r->rows[1], (std::vector<std::string>{"64.02", "GOLKAR", "75106", "", ""}));
  EXPECT_EQ(r->rows[2], (std::vector<std::string>{"64.02", "Partai \"Nusantara\", Jaya", "12.5",
                                                  "1164904000", "9007199254740993"}));
  // Spreadsheet row numbers: the header is row 1, the blank row 4 is skipped.
  EXPECT_EQ(r->row_lines, (std::vector<int>{2, 3, 5}));
  EXPECT_EQ(r->column("valid_votes"), 2);
}

TEST(XlsxRead, SharedStringsNumbersAndGapsAsExcelSavesThem) {
  std::string path = temp_file(".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());  // default mode: shared strings table
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Data");
  worksheet_write_string(ws, 2, 1, "Kode", nullptr);  // header starts at B3
  worksheet_write_string(ws, 2, 2, "Suara", nullptr);
  worksheet_write_string(ws, 2, 4, "Catatan", nullptr);  // D3 left empty: a gap in the header
  worksheet_write_string(ws, 3, 1, "64.02", nullptr);
  worksheet_write_number(ws, 3, 2, 1500000000, nullptr);
  worksheet_write_string(ws, 3, 4, "Kode", nullptr);  // the same shared string again
  worksheet_write_number(ws, 6, 2, -0.25, nullptr);   // rows 5 and 6 missing
  worksheet_write_boolean(ws, 7, 1, 1, nullptr);
  worksheet_write_formula_num(ws, 7, 2, "=1+1", nullptr, 2);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::string bytes = slurp_and_remove(path);

  auto r = parse_xlsx(bytes);
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->header, (std::vector<std::string>{"", "Kode", "Suara", "", "Catatan"}));
  ASSERT_EQ(r->rows.size(), 3u);
  EXPECT_EQ(r->rows[0], (std::vector<std::string>{"", "64.02", "1500000000", "", "Kode"}));
  EXPECT_EQ(r->rows[1], (std::vector<std::string>{"", "", "-0.25", "", ""}));
  EXPECT_EQ(r->rows[2], (std::vector<std::string>{"", "TRUE", "2", "", ""}));
  EXPECT_EQ(r->row_lines, (std::vector<int>{4, 7, 8}));
}

TEST(XlsxRead, FirstSheetByWorkbookOrderAndOddButValidCells) {
  std::string strings =
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      "<si><t>region_code</t></si>"
      "<si><r><t>valid_</t></r><r><rPr><b/></rPr><t>votes</t></r><rPh><t>x</t></rPh></si>"
      "<si><t xml:space=\"preserve\"> Kutai &amp; Kartanegara </t></si></sst>";
  auto r = parse_xlsx(hand_made(
      "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B2\" t=\"s\"><x:v>1</x:v>"
      "</x:c><x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>note</x:t></x:is></x:c></x:row>"
      "<x:row r=\"3\"><x:c r=\"A3\" t=\"s\"><x:v>2</x:v></x:c><x:c r=\"B3\"><x:v>1.2300000000000001E+2"
      "</x:v></x:c><x:c r=\"C3\" t=\"b\"><x:v>0</x:v></x:c></x:row>"
      "<x:row><x:c><x:v>12345678901234567890</x:v></x:c><x:c><x:v>1E+20</x:v></x:c>"
      "<x:c t=\"e\"><x:v>#N/A</x:v></x:c></x:row>"
      "<x:row r=\"9\"><x:c r=\"B9\"><x:v>0.30000000000000004</x:v></x:c><x:c r=\"C9\" t=\"str\">"
      "<x:f>A1&amp;\"x\"</x:f><x:v>hasil</x:v></x:c></x:row>"
      "<x:row r=\"10\"><x:c r=\"A10\"><x:v>45.000</x:v></x:c><x:c r=\"B10\"><x:v>-0</x:v></x:c>"
      "</x:row>",
      strings));
  ASSERT_TRUE(r.ok()) << r.error().message.en;
  EXPECT_EQ(r->header, (std::vector<std::string>{"region_code", "valid_votes", "note"}));
  ASSERT_EQ(r->rows.size(), 4u);
  EXPECT_EQ(r->rows[0], (std::vector<std::string>{" Kutai & Kartanegara ", "123", "FALSE"}));
  EXPECT_EQ(r->rows[1], (std::vector<std::string>{"12345678901234567890",
                                                  "100000000000000000000", "#N/A"}));
  EXPECT_EQ(r->rows[2], (std::vector<std::string>{"", "0.3", "hasil"}));
  EXPECT_EQ(r->rows[3], (std::vector<std::string>{"45", "0", ""}));
  EXPECT_EQ(r->row_lines, (std::vector<int>{3, 4, 9, 10}));
}

TEST(XlsxRead, NotAWorkbook) {
  expect_error(parse_xlsx("region_code,seats\n64.02,9\n"), "xlsx.not_zip");
  expect_error(parse_xlsx(""), "xlsx.not_zip");
  expect_error(parse_xlsx(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old xls", 16)),
               "xlsx.legacy");
  expect_error(parse_xlsx(make_zip({{"hello.txt", "halo"}})), "xlsx.not_workbook");
  expect_error(parse_xlsx(make_zip({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}})),
               "xlsx.no_sheet");
  expect_error(parse_xlsx(make_zip({{"xl/workbook.xml", kWorkbook}})), "xlsx.corrupt");
  expect_error(parse_xlsx(hand_made("")), "xlsx.empty");
  EXPECT_FALSE(looks_like_xlsx("region_code,seats\n"));
}

TEST(XlsxRead, CorruptArchivesAreClearErrors) {
  report::XlsxWorkbook wb;
  wb.header({"a", "b"});
  for (int i = 0; i < 200; ++i) wb.row({"x" + std::to_string(i), XlsxCell::integer(i)});
  auto bytes = wb.finish();
  ASSERT_TRUE(bytes.ok());
  ASSERT_TRUE(parse_xlsx(*bytes).ok());
  // Cut short: the central directory is gone.
  auto cut = parse_xlsx(bytes->substr(0, bytes->size() / 2));
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().kind, ErrorKind::Invalid);
  EXPECT_EQ(cut.error().code.rfind("xlsx.", 0), 0u) << cut.error().code;
  // Every single damaged byte is an error or a table, never a crash.
  for (size_t i = 4; i < bytes->size(); i += 7) {
    std::string bad = *bytes;
    bad[i] = static_cast<char>(bad[i] ^ 0x5A);
    auto r = parse_xlsx(bad);
    if (!r.ok()) EXPECT_EQ(r.error().code.rfind("xlsx.", 0), 0u) << r.error().code;
  }
  // Broken XML and a DTD (entity expansion) are refused.
  expect_error(parse_xlsx(hand_made("<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:row>")),
               "xlsx.corrupt");
  std::string dtd = make_zip(
      {{"xl/workbook.xml",
        "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
        "\"&a;&a;&a;&a;&a;&a;&a;&a;\">]><workbook><sheets><sheet name=\"&b;\"/></sheets>"
        "</workbook>"}});
  expect_error(parse_xlsx(dtd), "xlsx.corrupt");
}

TEST(XlsxRead, MalformedCellsNameTheCell) {
  auto r = parse_xlsx(hand_made(
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>a</x:t></x:is></x:c></x:row>"
      "<x:row r=\"2\"><x:c r=\"A2\" t=\"s\"><x:v>5</x:v></x:c></x:row>"));
  expect_error(r, "xlsx.malformed");
  EXPECT_NE(r.error().message.en.find("cell A2"), std::string::npos) << r.error().message.en;
  EXPECT_NE(r.error().message.id.find("sel A2"), std::string::npos);
  expect_error(parse_xlsx(hand_made("<x:row r=\"1\"><x:c r=\"A1\"><x:v>abc</x:v></x:c></x:row>")),
               "xlsx.malformed");
  expect_error(parse_xlsx(hand_made("<x:row r=\"1\"><x:c r=\"A9\"><x:v>1</x:v></x:c></x:row>")),
               "xlsx.malformed");
  expect_error(parse_xlsx(hand_made("<x:row r=\"3\"><x:c><x:v>1</x:v></x:c></x:row>"
                                    "<x:row r=\"2\"><x:c><x:v>1</x:v></x:c></x:row>")),
               "xlsx.malformed");
  // A value to the right of the header's last column.
  auto wide = parse_xlsx(hand_made(
      "<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c><x:c r=\"B1\"><x:v>2</x:v></x:c></x:row>"
      "<x:row r=\"2\"><x:c r=\"D2\"><x:v>1</x:v></x:c></x:row>"));
  expect_error(wide, "xlsx.malformed");
  EXPECT_NE(wide.error().message.en.find("D2"), std::string::npos) << wide.error().message.en;
}

TEST(XlsxRead, Limits) {
  report::XlsxWorkbook wb;
  wb.header({"kode", "catatan"});
  for (int i = 0; i < 50; ++i) wb.row({std::to_string(i), std::string(100, 'x')});
  auto bytes = wb.finish();
  ASSERT_TRUE(bytes.ok());
  ASSERT_TRUE(parse_xlsx(*bytes, 50, 100).ok());
  expect_error(parse_xlsx(*bytes, 49, 100), "xlsx.limit");
  auto field = parse_xlsx(*bytes, 50, 99);
  expect_error(field, "xlsx.limit");
  EXPECT_NE(field.error().message.en.find("B2"), std::string::npos) << field.error().message.en;
  expect_error(parse_xlsx(*bytes, 50, 100, 2000), "xlsx.too_large");

  // 8 MiB of one repeated row inflating from a few KiB: refused before it is unpacked.
  std::string row = "<x:row><x:c><x:v>1</x:v></x:c></x:row>";
  std::string rows;
  while (rows.size() < 8u * 1024 * 1024) rows += row;
  expect_error(parse_xlsx(hand_made(rows)), "xlsx.zip_bomb");
}
