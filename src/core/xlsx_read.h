// XLSX reader for imports of outside files: the FIRST worksheet of an Office Open XML workbook
// (Excel, LibreOffice, Google Sheets exports) read into the same CsvTable as core/csv.h, so an
// import accepts a spreadsheet wherever it accepts a CSV.
//
//   header    = the first row that holds a value (trimmed, as in parse_csv); its last non-empty
//               cell sets the width of the table
//   rows      = every later row that holds a value, padded with "" up to the header's width
//               (cells are placed by their reference: "C7" is column 3 whatever came before);
//               rows with no value at all are skipped
//   row_lines = the spreadsheet row number of each row (the number the user sees in Excel)
//
// Values: shared and inline strings as text; numbers as Excel shows them (15 significant
// digits, integers without ".0"; an integer stored as plain digits keeps all its digits, so
// large vote counts stay exact); booleans as TRUE / FALSE; error cells as their
// text (#N/A); formulas as their cached result; dates as their serial number.
//
// Hostile files are refused with a clear Error (kind Invalid, codes "xlsx.*"), never a crash:
// the declared and the actually inflated size of every part count against max_total_bytes,
// an entry that inflates more than 250 times over is refused as a zip bomb, XML with a DTD is
// refused, and the rows, the field sizes and the cells of the table are capped.
#pragma once
#include <string_view>

#include "core/csv.h"
#include "core/error.h"

namespace pantau {

// True when `bytes` start like a zip archive ("PK\x03\x04"), i.e. an .xlsx rather than a CSV.
bool looks_like_xlsx(std::string_view bytes);

Result<CsvTable> parse_xlsx(std::string_view bytes, size_t max_rows = 2'000'000,
                            size_t max_field_bytes = 64 * 1024,
                            size_t max_total_bytes = 64u * 1024 * 1024);

}  // namespace pantau
