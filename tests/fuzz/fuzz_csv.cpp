// parse_csv on arbitrary files, with the default limits and with small ones: every row has as
// many fields as the header, no field exceeds the limit, line numbers increase.
#include <string>

#include "core/csv.h"
#include "fuzz_common.h"

using namespace pantau;

namespace {

void check(std::string_view text, size_t max_rows, size_t max_field) {
  auto r = parse_csv(text, max_rows, max_field);
  if (!r.ok()) {
    FUZZ_CHECK(r.error().kind == ErrorKind::Invalid);
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
    FUZZ_CHECK(t.row_lines[i] >= 2);
    if (i) FUZZ_CHECK(t.row_lines[i] > t.row_lines[i - 1]);
  }
  for (size_t i = 0; i < t.header.size(); ++i) {
    int c = t.column(t.header[i]);
    FUZZ_CHECK(c >= 0 && static_cast<size_t>(c) <= i);
  }
  FUZZ_CHECK(t.column("\x01no such column") == -1 || t.header.size() > 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, 2'000'000, 64 * 1024);
  check(text, 3, 8);
  return 0;
}
