// XlsxWorkbook: spreadsheets for officials who work in Excel (recaps, exports of lists).
// Each sheet is written top to bottom: optional title lines, one header row (bold, shaded,
// frozen while scrolling, with an autofilter over the data), then rows of typed cells, so that
// numbers, dates and Rupiah stay numbers in Excel and can be summed and sorted.
//
// Rows are streamed to a temporary file as they are written (memory stays flat for national
// exports); finish() assembles the .xlsx and returns its bytes. Errors are sticky, as in
// PdfDocument: the first one turns later calls into no-ops and is returned by finish().
// Text written as a cell is always text, never a formula (no formula injection from user data).
//
// Not thread-safe; different workbooks may be built on different threads (worker pool only).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time.h"
#include "report/document_info.h"

namespace pantau::report {

// One typed cell. Text converts implicitly; the other kinds are named:
//   {"Banjarmasin", XlsxCell::integer(12), XlsxCell::rupiah(1164904000), XlsxCell::date(d)}
class XlsxCell {
 public:
  enum class Kind { Empty, Text, Integer, Number, Date, Rupiah };

  XlsxCell() = default;
  // Text converts implicitly: it is the common case.
  XlsxCell(std::string text);       // NOLINT(google-explicit-constructor)
  XlsxCell(const char* text);       // NOLINT(google-explicit-constructor)
  XlsxCell(std::string_view text);  // NOLINT(google-explicit-constructor)

  static XlsxCell empty() { return {}; }
  static XlsxCell text(std::string s) { return XlsxCell(std::move(s)); }
  // Shown as is ("2026", "514"). Beyond +-2^53 Excel would round it, so it is stored as text.
  static XlsxCell integer(int64_t v);
  // Shown with thousands separators and `decimals` places (0..6).
  static XlsxCell number(double v, int decimals = 2);
  // Shown as dd/mm/yyyy; a real Excel date (sortable, filterable by month).
  static XlsxCell date(Date d);
  // Whole Rupiah, shown as "Rp" #,##0 (e.g. Rp 1.164.904.000 in an Indonesian Excel).
  static XlsxCell rupiah(int64_t amount);

  Kind kind() const { return kind_; }
  const std::string& text_value() const { return text_; }
  int64_t integer_value() const { return int_; }
  double number_value() const { return number_; }
  int decimals() const { return decimals_; }
  Date date_value() const { return date_; }

 private:
  Kind kind_ = Kind::Empty;
  std::string text_;
  int64_t int_ = 0;
  double number_ = 0;
  int decimals_ = 0;
  Date date_;
};

// A name Excel accepts: []:*?/\ become '-', no leading or trailing apostrophe or space,
// at most 31 characters, never empty (then "Lembar").
std::string xlsx_sheet_name(std::string_view wanted);

class XlsxWorkbook {
 public:
  explicit XlsxWorkbook(const DocumentInfo& info = {});
  ~XlsxWorkbook();
  XlsxWorkbook(XlsxWorkbook&&) noexcept;
  XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept;
  XlsxWorkbook(const XlsxWorkbook&) = delete;
  XlsxWorkbook& operator=(const XlsxWorkbook&) = delete;

  // Starts a new sheet; later calls write to it. The name goes through xlsx_sheet_name() and is
  // made unique in the workbook with " (2)", " (3)"...; returns the name used.
  std::string add_sheet(std::string_view name);
  // A bold line above the header (e.g. "REKAP LAPORAN TRIWULAN III TAHUN 2026"). Before header().
  void title(std::string_view text);
  // The header row; once per sheet, before the rows.
  void header(const std::vector<std::string>& titles);
  void row(const std::vector<XlsxCell>& cells);
  // Widths in characters, from column A. Columns left without a width fit their content.
  void column_widths(const std::vector<double>& widths);

  // False once an error happened (finish() then returns it).
  bool ok() const;
  // Returns the .xlsx bytes, or the first error. Call once. A workbook without sheets gets one.
  Result<std::string> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pantau::report
