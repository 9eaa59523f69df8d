#include "core/csv.h"

#include <fmt/format.h>

#include "core/strings.h"

namespace pantau {

int CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

static Error csv_error(int line, std::string_view what_id, std::string_view what_en) {
  return Error::make(ErrorKind::Invalid, "csv.malformed",
                     fmt::format("Berkas CSV rusak pada baris {}: {}.", line, what_id),
                     fmt::format("The CSV file is malformed at line {}: {}.", line, what_en));
}

Result<CsvTable> parse_csv(std::string_view text, size_t max_rows, size_t max_field_bytes) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (!valid_utf8(text))
    return Error::make(ErrorKind::Invalid, "csv.encoding", "Berkas CSV harus berkodekan UTF-8.",
                       "The CSV file must be UTF-8 encoded.");
  CsvTable t;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, field_was_quoted = false, any = false;
  int line = 1, row_line = 1;
  size_t i = 0, n = text.size();

  auto end_row = [&]() -> Status {
    row.push_back(std::move(field));
    field.clear();
    field_was_quoted = false;
    bool blank = row.size() == 1 && row[0].empty();
    if (!blank) {
      if (t.header.empty()) {
        t.header = std::move(row);
        for (auto& h : t.header) h = trim(h);
      } else {
        if (row.size() != t.header.size())
          return csv_error(row_line,
                           fmt::format("{} kolom, seharusnya {}", row.size(), t.header.size()),
                           fmt::format("{} fields, expected {}", row.size(), t.header.size()));
        if (t.rows.size() >= max_rows)
          return csv_error(row_line, "terlalu banyak baris", "too many rows");
        t.rows.push_back(std::move(row));
        t.row_lines.push_back(row_line);
      }
    }
    row.clear();
    return {};
  };

  while (i < n) {
    char c = text[i];
    any = true;
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < n && text[i + 1] == '"') {
          field.push_back('"');
          if (field.size() > max_field_bytes)
            return csv_error(line, "isi kolom terlalu panjang", "field too long");
          i += 2;
          continue;
        }
        in_quotes = false;
        ++i;
        if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return csv_error(line, "tanda kutip di tengah kolom", "unexpected quote inside a field");
        continue;
      }
      if (c == '\n') ++line;
      field.push_back(c);
    } else if (c == '"') {
      if (!field.empty() || field_was_quoted)
        return csv_error(line, "tanda kutip di tengah kolom", "unexpected quote inside a field");
      in_quotes = true;
      field_was_quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_was_quoted = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
      PANTAU_CHECK(end_row());
      ++line;
      row_line = line;
    } else {
      field.push_back(c);
    }
    if (field.size() > max_field_bytes)
      return csv_error(line, "isi kolom terlalu panjang", "field too long");
    ++i;
  }
  if (in_quotes) return csv_error(row_line, "tanda kutip tidak ditutup", "unterminated quote");
  if (any && (!field.empty() || !row.empty() || field_was_quoted)) PANTAU_CHECK(end_row());
  if (t.header.empty())
    return Error::make(ErrorKind::Invalid, "csv.empty", "Berkas CSV kosong.", "The CSV file is empty.");
  return t;
}

std::string csv_text_cell(std::string_view v) {
  bool formula = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r');
  bool quote = formula || v.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) return std::string(v);
  std::string out = formula ? "\"'" : "\"";
  for (char ch : v) {
    if (ch == '"') out += '"';
    out += ch;
  }
  return out + '"';
}

void CsvWriter::sep() {
  if (!row_start_) out_ += ',';
  row_start_ = false;
}

CsvWriter& CsvWriter::text(std::string_view v) {
  sep();
  out_ += csv_text_cell(v);
  return *this;
}

CsvWriter& CsvWriter::code(std::string_view v) {
  bool plain = !v.empty() && v.size() <= 32 && v.find_first_not_of("0123456789.") == std::string_view::npos;
  if (!plain) return text(v);
  sep();
  out_ += "\"=\"\"";
  out_ += v;
  out_ += "\"\"\"";
  return *this;
}

CsvWriter& CsvWriter::number(int64_t v) {
  sep();
  out_ += std::to_string(v);
  return *this;
}

CsvWriter& CsvWriter::end_row() {
  out_ += '\n';
  row_start_ = true;
  return *this;
}

}  // namespace pantau
