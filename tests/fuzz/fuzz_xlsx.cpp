// parse_xlsx on arbitrary files, with the default limits and with small ones: only Invalid
// errors, every row as wide as the header, no field over the limit, spreadsheet row numbers
// that increase. Seeds are tiny workbooks made by the project's writer and by libxlsxwriter.
#include <string>

#include "core/xlsx_read.h"
#include "fuzz_common.h"

using namespace pantau;

namespace {

void check(std::string_view bytes, size_t max_rows, size_t max_field, size_t max_total) {
  auto r = parse_xlsx(bytes, max_rows, max_field, max_total);
  if (!r.ok()) {
    FUZZ_CHECK(r.error().kind == ErrorKind::Invalid);
    FUZZ_CHECK(r.error().code.rfind("xlsx.", 0) == 0);
    FUZZ_CHECK(!r.error().message.id.empty() && !r.error().message.en.empty());
    return;
  }
  const CsvTable& t = *r;
  FUZZ_CHECK(!t.header.empty());
  FUZZ_CHECK(t.rows.size() <= max_rows);
  FUZZ_CHECK(t.rows.size() == t.row_lines.size());
  for (auto& h : t.header) FUZZ_CHECK(h.size() <= max_field);
  for (size_t i = 0; i < t.rows.size(); ++i) {
    FUZZ_CHECK(t.rows[i].size() == t.header.size());
    for (auto& f : t.rows[i]) FUZZ_CHECK(f.size() <= max_field);
    FUZZ_CHECK(t.row_lines[i] >= 2 && t.row_lines[i] <= 1'048'576);
    if (i) FUZZ_CHECK(t.row_lines[i] > t.row_lines[i - 1]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  check(bytes, 2'000'000, 64 * 1024, 64u * 1024 * 1024);
  check(bytes, 3, 8, 4096);
  return 0;
}
