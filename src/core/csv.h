// RFC 4180 CSV reader for imports of outside files (reference data now, incidents and
// election results later). Strict: an unterminated quote or a stray quote is an error with
// its line number, never a guess.
#pragma once
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

}  // namespace pantau
