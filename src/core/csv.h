// RFC 4180 CSV reader for imports of outside files (reference data now, incidents and
// election results later). Strict: an unterminated quote or a stray quote is an error with
// its line number, never a guess.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pantau {

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<int> row_lines;  // 1-based source line of each row, for per-row error reports
  // Index of a header column, or -1.
  int column(std::string_view name) const;
};

// Parses `text` (UTF-8, optional BOM, CRLF or LF). Every row must have as many fields as the
// header. Limits protect the server from hostile uploads.
Result<CsvTable> parse_csv(std::string_view text, size_t max_rows = 2'000'000,
                           size_t max_field_bytes = 64 * 1024);

// CSV writing for exports that officials open in a spreadsheet; every CSV export goes through
// this writer. Two protections (docs/SECURITY.md):
//  - formula injection (OWASP "CSV injection"): a text cell starting with = + - @, a tab or a
//    carriage return is written with a leading apostrophe, so LibreOffice and Excel show it as
//    text instead of running it (e.g. =HYPERLINK(...)).
//  - codes that look like numbers: a region code "11.10" would become the number 11.1 (another
//    kab/kota). code() writes a validated code of digits and dots as ="11.10", the one formula
//    the writer ever emits: a constant string, which both spreadsheets show as the text 11.10.
// Cells are quoted only when needed (a comma, quote, line break or neutralised start).
class CsvWriter {
 public:
  CsvWriter& text(std::string_view v);
  CsvWriter& code(std::string_view v);  // digits and dots; anything else is written as text()
  CsvWriter& number(int64_t v);
  CsvWriter& end_row();
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void sep();
  std::string out_;
  bool row_start_ = true;
};

// One text cell as CsvWriter::text writes it (without the separator).
std::string csv_text_cell(std::string_view v);

}  // namespace pantau
