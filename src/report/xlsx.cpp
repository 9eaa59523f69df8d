#include "report/xlsx.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "core/strings.h"
#include "report/text.h"

namespace pantau::report {

namespace {

constexpr size_t kSheetNameMax = 31;    // characters, an Excel limit
constexpr size_t kCellTextMax = 32767;  // characters, an Excel limit
constexpr int64_t kExactInDouble = int64_t{1} << 53;
constexpr double kMaxAutoWidth = 60;

// Characters (code points) in the longest line of clean UTF-8 text.
size_t longest_line(std::string_view s) {
  size_t longest = 0, n = 0;
  for (size_t i = 0; i < s.size(); i += detail::utf8_length(static_cast<unsigned char>(s[i]))) {
    n = s[i] == '\n' ? 0 : n + 1;
    longest = std::max(longest, n);
  }
  return longest;
}

// The first `max_chars` characters of clean UTF-8 text.
std::string first_chars(std::string_view s, size_t max_chars) {
  size_t i = 0, n = 0;
  while (i < s.size() && n < max_chars) {
    i += detail::utf8_length(static_cast<unsigned char>(s[i]));
    ++n;
  }
  return std::string(s.substr(0, std::min(i, s.size())));
}

Error xlsx_failed(lxw_error e) {
  return Error::make(ErrorKind::Internal, "report.xlsx_failed", "Berkas Excel gagal dibuat.",
                     std::string("The Excel file could not be built: ") + lxw_strerror(e) + ".");
}

Error too_large(const std::string& id, const std::string& en) {
  return Error::make(ErrorKind::TooLarge, "report.xlsx_too_large", id, en);
}

}  // namespace

// --- cells ---------------------------------------------------------------------------------

XlsxCell::XlsxCell(std::string text) : kind_(Kind::Text), text_(std::move(text)) {}
XlsxCell::XlsxCell(const char* text) : kind_(Kind::Text), text_(text == nullptr ? "" : text) {}
XlsxCell::XlsxCell(std::string_view text) : kind_(Kind::Text), text_(text) {}

XlsxCell XlsxCell::integer(int64_t v) {
  if (v > kExactInDouble || v < -kExactInDouble) return XlsxCell(std::to_string(v));
  XlsxCell c;
  c.kind_ = Kind::Integer;
  c.int_ = v;
  return c;
}

XlsxCell XlsxCell::number(double v, int decimals) {
  XlsxCell c;
  c.kind_ = Kind::Number;
  c.number_ = v;
  c.decimals_ = std::clamp(decimals, 0, 6);
  return c;
}

XlsxCell XlsxCell::date(Date d) {
  XlsxCell c;
  c.kind_ = Kind::Date;
  c.date_ = d;
  return c;
}

XlsxCell XlsxCell::rupiah(int64_t amount) {
  XlsxCell c;
  c.kind_ = Kind::Rupiah;
  c.int_ = amount;
  return c;
}

std::string xlsx_sheet_name(std::string_view wanted) {
  std::string s = detail::clean_text(wanted, false, true);
  for (char& ch : s) {
    if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '-';
  }
  auto strip = [](std::string& t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\'')) t.erase(t.begin());
    while (!t.empty() && (t.back() == ' ' || t.back() == '\'')) t.pop_back();
  };
  strip(s);
  s = first_chars(s, kSheetNameMax);
  strip(s);  // truncation may leave a trailing space
  return s.empty() ? "Lembar" : s;
}

// --- workbook ------------------------------------------------------------------------------

struct XlsxWorkbook::Impl {
  std::string path;
  lxw_workbook* wb = nullptr;
  std::optional<Error> error;
  bool finished = false;
  std::vector<std::string> used_names;  // lower-case, for Excel's case-insensitive uniqueness

  lxw_format* header_format = nullptr;
  lxw_format* title_format = nullptr;
  lxw_format* date_format = nullptr;
  lxw_format* rupiah_format = nullptr;
  lxw_format* multiline_format = nullptr;  // text with line breaks: shown on several lines
  lxw_format* number_formats[7] = {};

  // The current sheet.
  lxw_worksheet* ws = nullptr;
  lxw_row_t next_row = 0;
  std::optional<lxw_row_t> header_row;
  lxw_col_t header_cols = 0;
  std::vector<double> explicit_widths;
  std::vector<double> content_widths;

  void fail(Error e) {
    if (!error) error = std::move(e);
  }
  bool usable() const { return !error && !finished; }
  void check(lxw_error e) {
    if (e != LXW_NO_ERROR) fail(xlsx_failed(e));
  }

  void open(const DocumentInfo& info) {
    std::error_code ec;
    std::string tmpl = (std::filesystem::temp_directory_path(ec) / "pantau-XXXXXX.xlsx").string();
    const int fd = mkstemps(tmpl.data(), 5);
    if (fd < 0) return fail(Error::internal("Cannot create a temporary file for an XLSX file."));
    ::close(fd);
    path = tmpl;
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;  // rows go to disk as written: flat memory
    wb = workbook_new_opt(path.c_str(), &options);
    if (wb == nullptr) return fail(Error::internal("Cannot start an XLSX workbook."));
    set_properties(info);
    header_format = workbook_add_format(wb);
    format_set_bold(header_format);
    format_set_bg_color(header_format, 0xD9D9D9);
    format_set_border(header_format, LXW_BORDER_THIN);
    format_set_text_wrap(header_format);
    format_set_align(header_format, LXW_ALIGN_VERTICAL_CENTER);
    title_format = workbook_add_format(wb);
    format_set_bold(title_format);
    format_set_font_size(title_format, 12);
    date_format = workbook_add_format(wb);
    format_set_num_format(date_format, "dd/mm/yyyy");
    rupiah_format = workbook_add_format(wb);
    format_set_num_format(rupiah_format, "\"Rp\" #,##0");
    multiline_format = workbook_add_format(wb);
    format_set_text_wrap(multiline_format);
    format_set_align(multiline_format, LXW_ALIGN_VERTICAL_TOP);
  }

  void set_properties(const DocumentInfo& info) {
    const std::string title = detail::clean_text(info.title, false, false);
    const std::string author = detail::clean_text(info.author, false, false);
    const std::string subject = detail::clean_text(info.subject, false, false);
    lxw_doc_properties p{};
    p.title = const_cast<char*>(title.c_str());  // copied by libxlsxwriter
    p.author = const_cast<char*>(author.c_str());
    p.subject = const_cast<char*>(subject.c_str());
    if (info.created) p.created = Clock::to_time_t(*info.created);
    check(workbook_set_properties(wb, &p));
  }

  lxw_format* number_format(int decimals) {
    lxw_format*& f = number_formats[decimals];
    if (f == nullptr) {
      f = workbook_add_format(wb);
      std::string code = "#,##0";
      if (decimals > 0) {
        code += '.';
        code.append(static_cast<size_t>(decimals), '0');
      }
      format_set_num_format(f, code.c_str());
    }
    return f;
  }

  std::string unique_name(std::string_view wanted) {
    const std::string base = xlsx_sheet_name(wanted);
    auto taken = [&](const std::string& n) {
      const std::string low = to_lower_ascii(n);
      return low == "history" ||  // reserved by Excel
             std::find(used_names.begin(), used_names.end(), low) != used_names.end();
    };
    std::string name = base;
    for (int k = 2; taken(name); ++k) {
      const std::string suffix = " (" + std::to_string(k) + ")";
      name = first_chars(base, kSheetNameMax - suffix.size()) + suffix;
    }
    used_names.push_back(to_lower_ascii(name));
    return name;
  }

  bool room_for_row() {
    if (next_row < LXW_ROW_MAX) return true;
    fail(
        too_large("Data terlalu banyak untuk satu lembar Excel (paling banyak 1.048.576 baris). "
                  "Persempit saringan data.",
                  "Too many rows for one Excel sheet (at most 1,048,576). Narrow the filter."));
    return false;
  }
  bool room_for_cols(size_t n) {
    if (n <= LXW_COL_MAX) return true;
    fail(too_large("Kolom terlalu banyak untuk satu lembar Excel (paling banyak 16.384).",
                   "Too many columns for one Excel sheet (at most 16,384)."));
    return false;
  }

  void note_width(size_t col, double chars) {
    if (content_widths.size() <= col) content_widths.resize(col + 1, 0);
    content_widths[col] = std::max(content_widths[col], chars);
  }

  void write_text(lxw_col_t col, std::string_view raw, lxw_format* f) {
    const std::string text = first_chars(detail::clean_text(raw, true, false), kCellTextMax);
    if (text.empty() && f == nullptr) return;
    if (f == nullptr && text.find('\n') != std::string::npos) f = multiline_format;
    check(worksheet_write_string(ws, next_row, col, text.c_str(), f));
    note_width(col, static_cast<double>(longest_line(text)));
  }

  void write_cell(lxw_col_t col, const XlsxCell& c) {
    switch (c.kind()) {
      case XlsxCell::Kind::Empty:
        return;
      case XlsxCell::Kind::Text:
        return write_text(col, c.text_value(), nullptr);
      case XlsxCell::Kind::Integer:
        check(worksheet_write_number(ws, next_row, col, static_cast<double>(c.integer_value()),
                                     nullptr));
        return note_width(col, static_cast<double>(std::to_string(c.integer_value()).size()));
      case XlsxCell::Kind::Number: {
        const double v = c.number_value();
        if (!std::isfinite(v)) return write_text(col, "", nullptr);
        check(worksheet_write_number(ws, next_row, col, v, number_format(c.decimals())));
        const double digits = std::floor(std::log10(std::max(1.0, std::fabs(v)))) + 1;
        return note_width(col, digits * 4 / 3 + 1 + c.decimals() + 1);
      }
      case XlsxCell::Kind::Date: {
        const Date d = c.date_value();
        if (d.year < 1900 || d.year > 9999) return write_text(col, format_date(d), nullptr);
        lxw_datetime dt{d.year, d.month, d.day, 0, 0, 0};
        check(worksheet_write_datetime(ws, next_row, col, &dt, date_format));
        return note_width(col, 10);
      }
      case XlsxCell::Kind::Rupiah: {
        check(worksheet_write_number(ws, next_row, col, static_cast<double>(c.integer_value()),
                                     rupiah_format));
        const double digits = static_cast<double>(std::to_string(c.integer_value()).size());
        return note_width(col, 3 + digits * 4 / 3);
      }
    }
  }

  // Applies what can only be known once the sheet's rows are all written.
  void close_sheet() {
    if (ws == nullptr || error) return;
    if (header_row && header_cols > 0) {
      const lxw_row_t last = std::max(*header_row, next_row == 0 ? 0 : next_row - 1);
      check(worksheet_autofilter(ws, *header_row, 0, last, header_cols - 1));
    }
    const size_t cols = std::max(explicit_widths.size(), content_widths.size());
    for (size_t c = 0; c < cols && !error; ++c) {
      double w = c < explicit_widths.size() ? explicit_widths[c] : 0;
      if (w <= 0 && c < content_widths.size() && content_widths[c] > 0) {
        w = std::clamp(content_widths[c] + 2, 8.0, kMaxAutoWidth);
      }
      if (w > 0) {
        const auto col = static_cast<lxw_col_t>(c);
        check(worksheet_set_column(ws, col, col, std::min(w, 255.0), nullptr));
      }
    }
    ws = nullptr;
  }

  // Writes the workbook out; returns false if libxlsxwriter failed.
  bool close_workbook() {
    if (wb == nullptr) return true;
    const lxw_error e = workbook_close(wb);
    wb = nullptr;
    check(e);
    return e == LXW_NO_ERROR;
  }

  void ensure_sheet() {
    if (ws == nullptr) start_sheet("Lembar1");
  }

  std::string start_sheet(std::string_view wanted) {
    close_sheet();
    if (error) return {};
    std::string name = unique_name(wanted);
    ws = workbook_add_worksheet(wb, name.c_str());
    if (ws == nullptr) fail(Error::internal("Cannot add an XLSX worksheet."));
    next_row = 0;
    header_row.reset();
    header_cols = 0;
    explicit_widths.clear();
    content_widths.clear();
    return name;
  }

  ~Impl() {
    if (wb != nullptr) workbook_close(wb);  // also removes libxlsxwriter's own temp files
    if (!path.empty()) {
      std::error_code ec;
      std::filesystem::remove(path, ec);
    }
  }
};

XlsxWorkbook::XlsxWorkbook(const DocumentInfo& info) : impl_(std::make_unique<Impl>()) {
  impl_->open(info);
}
XlsxWorkbook::~XlsxWorkbook() = default;
XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&&) noexcept = default;

bool XlsxWorkbook::ok() const { return !impl_->error; }

std::string XlsxWorkbook::add_sheet(std::string_view name) {
  if (!impl_->usable()) return {};
  return impl_->start_sheet(name);
}

void XlsxWorkbook::title(std::string_view text) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.ensure_sheet();
  if (d.error || !d.room_for_row()) return;
  // Titles may be wide: they must not widen column A for the table below.
  const std::string clean = first_chars(detail::clean_text(text, false, false), kCellTextMax);
  d.check(worksheet_write_string(d.ws, d.next_row, 0, clean.c_str(), d.title_format));
  ++d.next_row;
}

void XlsxWorkbook::header(const std::vector<std::string>& titles) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.ensure_sheet();
  if (d.error || !d.room_for_row() || !d.room_for_cols(titles.size())) return;
  for (size_t c = 0; c < titles.size() && !d.error; ++c) {
    d.write_text(static_cast<lxw_col_t>(c), titles[c], d.header_format);
  }
  d.header_row = d.next_row;
  d.header_cols = static_cast<lxw_col_t>(titles.size());
  worksheet_freeze_panes(d.ws, d.next_row + 1, 0);
  ++d.next_row;
}

void XlsxWorkbook::row(const std::vector<XlsxCell>& cells) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.ensure_sheet();
  if (d.error || !d.room_for_row() || !d.room_for_cols(cells.size())) return;
  for (size_t c = 0; c < cells.size() && !d.error; ++c) {
    d.write_cell(static_cast<lxw_col_t>(c), cells[c]);
  }
  ++d.next_row;
}

void XlsxWorkbook::column_widths(const std::vector<double>& widths) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.ensure_sheet();
  d.explicit_widths = widths;
}

Result<std::string> XlsxWorkbook::finish() {
  Impl& d = *impl_;
  if (d.error) return *d.error;
  if (d.finished) return Error::internal("XlsxWorkbook::finish was called twice.");
  d.ensure_sheet();
  d.close_sheet();
  d.finished = true;
  if (!d.close_workbook() || d.error) return *d.error;
  std::ifstream in(d.path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return Error::internal("Cannot read the XLSX file back.");
  return bytes;
}

}  // namespace pantau::report
