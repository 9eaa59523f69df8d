#include "report/pdf.h"

#include <hpdf.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <numeric>
#include <vector>

#include "report/indonesian.h"
#include "report/text.h"

namespace pantau::report {

namespace {

// A4 portrait in points, with the margins of an Indonesian official letter (about 2.5 cm left,
// 2 cm right and top); the bottom margin leaves room for the page number.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kLeft = 70.87;
constexpr double kRight = 56.69;
constexpr double kTop = 56.69;
constexpr double kBottom = 70.87;
constexpr double kFooterBaseline = 36.0;
constexpr double kContentWidth = kPageWidth - kLeft - kRight;
constexpr double kUsableHeight = kPageHeight - kTop - kBottom;

constexpr double kBodySize = 11.0;
constexpr double kTableSize = 9.0;
constexpr double kCellPad = 3.0;
constexpr double kSignatureGap = 56.0;  // room for the wet signature and the stamp

constexpr const char* kRegularFont = "DejaVuSans.ttf";
constexpr const char* kBoldFont = "DejaVuSans-Bold.ttf";

double leading(double size) { return size * 1.4; }
double cell_leading(double size) { return size * 1.3; }

// One wrapped line: its words, and whether it ends a paragraph (then it is not justified).
struct Line {
  std::vector<std::string> words;
  bool paragraph_end = true;
};

std::string joined(const Line& l) {
  std::string s;
  for (const auto& w : l.words) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) words.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return words;
}

Error font_missing(const std::string& path) {
  return Error::make(
      ErrorKind::Internal, "report.font_missing",
      "Berkas huruf untuk dokumen PDF tidak ditemukan: " + path +
          ". Pasang paket fonts-dejavu-core atau atur direktori huruf (PANTAU_FONTS_DIR).",
      "The font file for PDF documents was not found: " + path +
          ". Install the fonts-dejavu-core package or set the fonts directory (PANTAU_FONTS_DIR).");
}

Error bad_table(const std::string& id, const std::string& en) {
  return Error::make(ErrorKind::Internal, "report.bad_table", "Tabel dokumen tidak valid: " + id,
                     "Invalid document table: " + en);
}

HPDF_REAL real(double v) { return static_cast<HPDF_REAL>(v); }
HPDF_REAL unit(double v) { return static_cast<HPDF_REAL>(std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0); }

// Inflates a zlib stream; nullopt when it is not one.
std::optional<std::string> inflate_bytes(std::string_view in) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return std::nullopt;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated input: keep what came out
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END && rc != Z_BUF_ERROR) return std::nullopt;
  return out;
}

}  // namespace

std::optional<Rgb> rgb_from_hex(std::string_view hex) {
  if (!hex.empty() && hex.front() == '#') hex.remove_prefix(1);
  if (hex.size() != 6) return std::nullopt;
  double parts[3];
  for (size_t i = 0; i < 3; ++i) {
    int v = 0;
    for (size_t j = 0; j < 2; ++j) {
      const char ch = hex[i * 2 + j];
      int digit;
      if (ch >= '0' && ch <= '9') digit = ch - '0';
      else if (ch >= 'a' && ch <= 'f') digit = ch - 'a' + 10;
      else if (ch >= 'A' && ch <= 'F') digit = ch - 'A' + 10;
      else return std::nullopt;
      v = v * 16 + digit;
    }
    parts[i] = v / 255.0;
  }
  return Rgb{parts[0], parts[1], parts[2]};
}

std::string pdf_content_streams(std::string_view pdf) {
  std::string out;
  size_t at = 0;
  while ((at = pdf.find("stream", at)) != std::string_view::npos) {
    // "stream" starts the data only after a dictionary ("endstream" also contains the word).
    if (at >= 3 && pdf.substr(at - 3, 3) == "end") {
      at += 6;
      continue;
    }
    size_t data = at + 6;
    if (pdf.substr(data, 2) == "\r\n") data += 2;
    else if (pdf.substr(data, 1) == "\n") data += 1;
    else {
      at += 6;
      continue;
    }
    const size_t end = pdf.find("endstream", data);
    if (end == std::string_view::npos) break;
    // The object's dictionary: font files and images are not page content.
    const size_t obj = pdf.rfind(" obj", at);
    const std::string_view dict = pdf.substr(obj == std::string_view::npos ? 0 : obj, at - (obj == std::string_view::npos ? 0 : obj));
    if (dict.find("/Length1") == std::string_view::npos && dict.find("/Subtype") == std::string_view::npos &&
        dict.find("/Type") == std::string_view::npos) {
      const std::string_view bytes = pdf.substr(data, end - data);
      if (dict.find("/FlateDecode") != std::string_view::npos) {
        if (auto text = inflate_bytes(bytes)) out += *text + "\n";
      } else {
        out.append(bytes);
        out += '\n';
      }
    }
    at = end + 9;
  }
  return out;
}

std::string default_fonts_dir() {
  const char* env = std::getenv("PANTAU_FONTS_DIR");
  if (env != nullptr && *env != '\0') return env;
  return "/usr/share/fonts/truetype/dejavu";
}

struct PdfDocument::Impl {
  HPDF_Doc doc = nullptr;
  HPDF_Font regular = nullptr;
  HPDF_Font bold = nullptr;
  std::vector<HPDF_Page> pages;
  double y = 0;  // top of the next line on the current page
  std::optional<Error> error;
  bool finished = false;
  std::string watermark;

  ~Impl() {
    if (doc != nullptr) HPDF_Free(doc);
  }

  static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user) {
    auto* self = static_cast<Impl*>(user);
    char code[64];
    std::snprintf(code, sizeof code, "0x%04X/%u", static_cast<unsigned>(error_no),
                  static_cast<unsigned>(detail_no));
    self->fail(
        Error::make(ErrorKind::Internal, "report.pdf_failed",
                    std::string("Dokumen PDF gagal dibuat (kode ") + code + ").",
                    std::string("The PDF document could not be built (code ") + code + ")."));
  }

  void fail(Error e) {
    if (!error) error = std::move(e);
  }
  bool usable() const { return !error && !finished; }

  void open(const DocumentInfo& info, const PdfOptions& options) {
    const std::filesystem::path dir =
        options.fonts_dir.empty() ? default_fonts_dir() : options.fonts_dir;
    const std::string regular_path = (dir / kRegularFont).string();
    const std::string bold_path = (dir / kBoldFont).string();
    for (const auto* p : {&regular_path, &bold_path}) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(*p, ec)) return fail(font_missing(*p));
    }
    doc = HPDF_New(&Impl::on_error, this);
    if (doc == nullptr) return fail(Error::internal("Cannot allocate the PDF document."));
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc);
    HPDF_SetCurrentEncoder(doc, "UTF-8");
    // Embedded, so that the document prints the same on any machine.
    const char* r = HPDF_LoadTTFontFromFile(doc, regular_path.c_str(), HPDF_TRUE);
    const char* b = HPDF_LoadTTFontFromFile(doc, bold_path.c_str(), HPDF_TRUE);
    if (error) return;
    regular = HPDF_GetFont(doc, r, "UTF-8");
    bold = HPDF_GetFont(doc, b, "UTF-8");
    set_info(info);
  }

  void set_info(const DocumentInfo& info) {
    auto text = [&](HPDF_InfoType t, const std::string& v) {
      if (!v.empty()) HPDF_SetInfoAttr(doc, t, detail::clean_text(v, false, true).c_str());
    };
    text(HPDF_INFO_TITLE, info.title);
    text(HPDF_INFO_AUTHOR, info.author);
    text(HPDF_INFO_SUBJECT, info.subject);
    text(HPDF_INFO_CREATOR, "Pantau");
    const std::time_t t = Clock::to_time_t(info.created.value_or(Clock::now()));
    std::tm tm{};
    gmtime_r(&t, &tm);
    HPDF_Date d{tm.tm_year + 1900,       tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                std::min(tm.tm_sec, 59), 'Z',           0,          0};
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d);
  }

  // --- pages -------------------------------------------------------------------------------

  void new_page() {
    HPDF_Page p = HPDF_AddPage(doc);
    if (p == nullptr) return fail(Error::internal("Cannot add a PDF page."));
    HPDF_Page_SetSize(p, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages.push_back(p);
    y = kPageHeight - kTop;
  }
  HPDF_Page page() const { return pages.back(); }
  bool at_page_top() const { return y >= kPageHeight - kTop; }

  // Makes room for `height` points: starts a new page when the current one is too full.
  void ensure(double height) {
    if (pages.empty() || (y - height < kBottom && !at_page_top())) new_page();
  }

  // --- text --------------------------------------------------------------------------------

  double width(std::string_view s, HPDF_Font f, double size) const {
    if (s.empty()) return 0;
    const HPDF_TextWidth w = HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                                                 static_cast<HPDF_UINT>(s.size()));
    return w.width * size / 1000.0;
  }

  void draw(HPDF_Page p, double x, double baseline, HPDF_Font f, double size,
            const std::string& s) {
    if (s.empty() || error) return;
    HPDF_Page_BeginText(p);
    HPDF_Page_SetFontAndSize(p, f, static_cast<HPDF_REAL>(size));
    HPDF_Page_TextOut(p, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(baseline), s.c_str());
    HPDF_Page_EndText(p);
  }

  void draw_watermark() {
    const std::string text = detail::clean_text(watermark, false, true);
    constexpr double kSize = 120;
    const double w = width(text, bold, kSize);
    HPDF_ExtGState translucent = HPDF_CreateExtGState(doc);
    if (translucent != nullptr) HPDF_ExtGState_SetAlphaFill(translucent, 0.18f);
    // Rotated 45 degrees about the centre of the page.
    const double c = std::cos(M_PI / 4), s = std::sin(M_PI / 4);
    const double cx = kPageWidth / 2 - c * w / 2 + s * kSize * 0.35;
    const double cy = kPageHeight / 2 - s * w / 2 - c * kSize * 0.35;
    for (HPDF_Page p : pages) {
      if (error) return;
      HPDF_Page_GSave(p);
      if (translucent != nullptr) HPDF_Page_SetExtGState(p, translucent);
      HPDF_Page_SetRGBFill(p, 0.55f, 0.55f, 0.55f);
      HPDF_Page_BeginText(p);
      HPDF_Page_SetFontAndSize(p, bold, static_cast<HPDF_REAL>(kSize));
      HPDF_Page_SetTextMatrix(p, static_cast<HPDF_REAL>(c), static_cast<HPDF_REAL>(s), static_cast<HPDF_REAL>(-s),
                              static_cast<HPDF_REAL>(c), static_cast<HPDF_REAL>(cx), static_cast<HPDF_REAL>(cy));
      HPDF_Page_ShowText(p, text.c_str());
      HPDF_Page_EndText(p);
      HPDF_Page_GRestore(p);
    }
  }

  // Splits a word wider than max_width at character boundaries.
  std::vector<std::string> break_word(const std::string& w, HPDF_Font f, double size,
                                      double max_width) const {
    std::vector<std::string> pieces;
    std::string cur;
    double cur_w = 0;
    for (size_t i = 0; i < w.size();) {
      const size_t n =
          std::min(detail::utf8_length(static_cast<unsigned char>(w[i])), w.size() - i);
      const std::string ch = w.substr(i, n);
      const double cw = width(ch, f, size);
      if (!cur.empty() && cur_w + cw > max_width) {
        pieces.push_back(std::move(cur));
        cur.clear();
        cur_w = 0;
      }
      cur += ch;
      cur_w += cw;
      i += n;
    }
    if (!cur.empty()) pieces.push_back(std::move(cur));
    return pieces;
  }

  // Greedy word wrap; '\n' ends a paragraph. Always returns at least one line.
  std::vector<Line> wrap(std::string_view raw, HPDF_Font f, double size, double max_width) const {
    const std::string text = detail::clean_text(raw, true, true);
    const double space = width(" ", f, size);
    std::vector<Line> lines;
    size_t start = 0;
    while (true) {
      const size_t nl = text.find('\n', start);
      const std::string_view hard =
          std::string_view(text).substr(start, nl == std::string::npos ? nl : nl - start);
      Line cur;
      cur.paragraph_end = false;
      double cur_w = 0;
      for (auto& word : split_words(hard)) {
        double ww = width(word, f, size);
        if (ww > max_width) {
          auto pieces = break_word(word, f, size, max_width);
          if (!cur.words.empty()) lines.push_back(std::move(cur));
          cur = Line{};
          cur.paragraph_end = false;
          for (size_t k = 0; k + 1 < pieces.size(); ++k) lines.push_back(Line{{pieces[k]}, false});
          word = pieces.back();
          ww = width(word, f, size);
          cur.words.push_back(std::move(word));
          cur_w = ww;
        } else if (cur.words.empty()) {
          cur.words.push_back(std::move(word));
          cur_w = ww;
        } else if (cur_w + space + ww <= max_width) {
          cur.words.push_back(std::move(word));
          cur_w += space + ww;
        } else {
          lines.push_back(std::move(cur));
          cur = Line{};
          cur.paragraph_end = false;
          cur.words.push_back(std::move(word));
          cur_w = ww;
        }
      }
      cur.paragraph_end = true;
      lines.push_back(std::move(cur));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return lines;
  }

  // Draws one line inside [x, x + w]; justified lines spread their words to both edges.
  void draw_line(HPDF_Page p, const Line& l, double x, double baseline, double w, HPDF_Font f,
                 double size, Align align, bool justify) {
    if (justify && !l.paragraph_end && l.words.size() > 1) {
      double words_w = 0;
      for (const auto& word : l.words) words_w += width(word, f, size);
      const double gap = (w - words_w) / static_cast<double>(l.words.size() - 1);
      double cx = x;
      for (const auto& word : l.words) {
        draw(p, cx, baseline, f, size, word);
        cx += width(word, f, size) + gap;
      }
      return;
    }
    const std::string s = joined(l);
    const double sw = width(s, f, size);
    double cx = x;
    if (align == Align::Center) cx = x + (w - sw) / 2;
    if (align == Align::Right) cx = x + w - sw;
    draw(p, cx, baseline, f, size, s);
  }

  // Flows text across the full width (or [x, x + w]), breaking pages between lines.
  void flow(std::string_view text, HPDF_Font f, double size, Align align, bool justify, double x = kLeft,
            double w = kContentWidth) {
    const double lead = leading(size);
    for (const auto& l : wrap(text, f, size, w)) {
      ensure(lead);
      if (error) return;
      draw_line(page(), l, x, y - size, w, f, size, align, justify);
      y -= lead;
    }
  }

  void rule(double x1, double x2, double at, double line_width) {
    if (error) return;
    HPDF_Page p = page();
    HPDF_Page_SetLineWidth(p, static_cast<HPDF_REAL>(line_width));
    HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(at));
    HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(at));
    HPDF_Page_Stroke(p);
  }

  // --- tables ------------------------------------------------------------------------------

  struct Grid {
    std::vector<double> x;  // left edge of each column
    std::vector<double> w;  // width of each column
    std::vector<Align> align;
  };
  using Row = std::vector<std::vector<Line>>;  // wrapped lines per cell

  Row wrap_row(const std::vector<std::string>& cells, const Grid& g, HPDF_Font f) const {
    Row row(g.w.size());
    for (size_t c = 0; c < g.w.size(); ++c) {
      const std::string_view text = c < cells.size() ? std::string_view(cells[c]) : "";
      row[c] = wrap(text, f, kTableSize, g.w[c] - 2 * kCellPad);
    }
    return row;
  }

  static size_t line_count(const Row& r) {
    size_t n = 1;
    for (const auto& cell : r) n = std::max(n, cell.size());
    return n;
  }
  static double row_height(size_t lines) {
    return 2 * kCellPad + static_cast<double>(lines) * cell_leading(kTableSize);
  }

  // Draws lines [from, from + count) of every cell as one band of the row, then moves down.
  // A shaded band is the header row: grey, with centred titles.
  void draw_band(const Row& r, const Grid& g, size_t from, size_t count, HPDF_Font f, bool shade) {
    if (error) return;
    HPDF_Page p = page();
    const double h = row_height(count);
    const double left = g.x.front();
    const double total_w = g.x.back() + g.w.back() - left;
    if (shade) {
      HPDF_Page_SetGrayFill(p, 0.88f);
      HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(left), static_cast<HPDF_REAL>(y - h),
                          static_cast<HPDF_REAL>(total_w), static_cast<HPDF_REAL>(h));
      HPDF_Page_Fill(p);
      HPDF_Page_SetGrayFill(p, 0.0f);
    }
    HPDF_Page_SetLineWidth(p, 0.5f);
    for (size_t c = 0; c < g.w.size(); ++c) {
      HPDF_Page_Rectangle(p, static_cast<HPDF_REAL>(g.x[c]), static_cast<HPDF_REAL>(y - h),
                          static_cast<HPDF_REAL>(g.w[c]), static_cast<HPDF_REAL>(h));
    }
    HPDF_Page_Stroke(p);
    const double lead = cell_leading(kTableSize);
    for (size_t c = 0; c < g.w.size(); ++c) {
      for (size_t i = from; i < from + count && i < r[c].size(); ++i) {
        const double baseline = y - kCellPad - static_cast<double>(i - from) * lead - kTableSize;
        draw_line(p, r[c][i], g.x[c] + kCellPad, baseline, g.w[c] - 2 * kCellPad, f, kTableSize,
                  shade ? Align::Center : g.align[c], false);
      }
    }
    y -= h;
  }

  // Draws a whole row, continuing on a new page (under a repeated header) when it does not fit.
  // A row taller than a whole page is split between pages.
  void draw_row(const Row& r, const Grid& g, HPDF_Font f, const Row& header) {
    const double lead = cell_leading(kTableSize);
    const double header_h = row_height(line_count(header));
    const size_t n = line_count(r);
    size_t done = 0;
    bool fresh = false;  // a new page holding only the repeated header
    auto next_page = [&] {
      new_page();
      draw_band(header, g, 0, line_count(header), bold, true);
      fresh = true;
    };
    while (done < n && !error) {
      const size_t rest = n - done;
      if (y - row_height(rest) >= kBottom) {
        draw_band(r, g, done, rest, f, false);
        return;
      }
      auto fit = static_cast<size_t>(std::max(0.0, (y - kBottom - 2 * kCellPad) / lead));
      if (!fresh && (row_height(rest) <= kUsableHeight - header_h || fit == 0)) {
        next_page();
        continue;
      }
      // Split the row. Even under a header that fills the page, print a line: always progress.
      fit = std::clamp<size_t>(fit, 1, rest);
      draw_band(r, g, done, fit, f, false);
      done += fit;
      if (done < n) next_page();
    }
  }

  std::optional<Grid> grid(const Table& t) {
    const size_t cols = t.headers.size();
    if (cols == 0) {
      fail(bad_table("tidak ada kolom.", "no columns."));
      return std::nullopt;
    }
    if (!t.widths.empty() && t.widths.size() != cols) {
      fail(bad_table("jumlah lebar kolom tidak sama dengan jumlah kolom.",
                     "the number of column widths differs from the number of columns."));
      return std::nullopt;
    }
    for (const auto& row : t.rows) {
      if (row.size() > cols) {
        fail(bad_table("baris memiliki sel lebih banyak daripada kolom.",
                       "a row has more cells than the table has columns."));
        return std::nullopt;
      }
    }
    if (t.totals.size() > cols) {
      fail(bad_table("baris jumlah memiliki sel lebih banyak daripada kolom.",
                     "the totals row has more cells than the table has columns."));
      return std::nullopt;
    }
    std::vector<double> rel = t.widths.empty() ? std::vector<double>(cols, 1.0) : t.widths;
    const double sum = std::accumulate(rel.begin(), rel.end(), 0.0);
    if (!(sum > 0) || std::any_of(rel.begin(), rel.end(), [](double v) { return !(v > 0); })) {
      fail(bad_table("lebar kolom harus positif.", "column widths must be positive."));
      return std::nullopt;
    }
    Grid g;
    double x = kLeft;
    for (size_t c = 0; c < cols; ++c) {
      g.x.push_back(x);
      g.w.push_back(kContentWidth * rel[c] / sum);
      x += g.w.back();
      g.align.push_back(c < t.align.size() ? t.align[c] : Align::Left);
    }
    return g;
  }

  // --- signature ---------------------------------------------------------------------------

  // Width of the widest '\n'-separated line of text, unwrapped, at body size.
  double natural_width(std::string_view raw, HPDF_Font f = nullptr) const {
    const std::string text = detail::clean_text(raw, true, true);
    double w = 0;
    size_t start = 0;
    while (start <= text.size()) {
      const size_t nl = std::min(text.find('\n', start), text.size());
      w = std::max(w, width(std::string_view(text).substr(start, nl - start),
                            f != nullptr ? f : regular, kBodySize));
      start = nl + 1;
    }
    return w;
  }

  // The lines of one signer's column: label lines, then the position; name and ids come later.
  std::vector<Line> signer_head(const std::vector<std::string>& labels, const Signer& s,
                                double w) const {
    std::vector<Line> lines;
    for (const auto& l : labels) {
      auto wrapped = wrap(l, regular, kBodySize, w);
      lines.insert(lines.end(), wrapped.begin(), wrapped.end());
    }
    if (!s.position.empty()) {
      auto wrapped = wrap(s.position, regular, kBodySize, w);
      lines.insert(lines.end(), wrapped.begin(), wrapped.end());
    }
    return lines;
  }

  void draw_signer(HPDF_Page p, const std::vector<Line>& head, const Signer& s, double x, double w,
                   double top, size_t head_rows) {
    const double lead = leading(kBodySize);
    double line_top = top;
    for (const auto& l : head) {
      draw_line(p, l, x, line_top - kBodySize, w, regular, kBodySize, Align::Center, false);
      line_top -= lead;
    }
    line_top = top - static_cast<double>(head_rows) * lead - kSignatureGap;
    const std::string name = detail::clean_text(s.name, false, true);
    const double nw = width(name, bold, kBodySize);
    const double baseline = line_top - kBodySize;
    draw(p, x + (w - nw) / 2, baseline, bold, kBodySize, name);
    if (!name.empty()) {
      HPDF_Page_SetLineWidth(p, 0.6f);
      HPDF_Page_MoveTo(p, static_cast<HPDF_REAL>(x + (w - nw) / 2),
                       static_cast<HPDF_REAL>(baseline - 1.8));
      HPDF_Page_LineTo(p, static_cast<HPDF_REAL>(x + (w + nw) / 2),
                       static_cast<HPDF_REAL>(baseline - 1.8));
      HPDF_Page_Stroke(p);
    }
    line_top -= lead;
    for (const std::string& extra : {s.rank, s.nip.empty() ? std::string() : "NIP. " + s.nip}) {
      if (extra.empty()) continue;
      for (const auto& l : wrap(extra, regular, kBodySize, w)) {
        draw_line(p, l, x, line_top - kBodySize, w, regular, kBodySize, Align::Center, false);
        line_top -= lead;
      }
    }
  }

  static size_t tail_rows(const Signer& s) {
    return 1 + (s.rank.empty() ? 0 : 1) + (s.nip.empty() ? 0 : 1);
  }
};

PdfDocument::PdfDocument(const DocumentInfo& info, const PdfOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->open(info, options);
}
PdfDocument::~PdfDocument() = default;
PdfDocument::PdfDocument(PdfDocument&&) noexcept = default;
PdfDocument& PdfDocument::operator=(PdfDocument&&) noexcept = default;

bool PdfDocument::ok() const { return !impl_->error; }

void PdfDocument::letterhead(const Letterhead& l) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.ensure(120);
  // The coat of arms at the left, at most kEmblemHeight high and kEmblemWidth wide; the text is
  // then centred in the room to its right. An image the library cannot read is left out (checked
  // on a scratch document first, so it cannot fail the document).
  constexpr double kEmblemHeight = 66, kEmblemWidth = 80, kEmblemGap = 10;
  double text_x = kLeft, text_w = kContentWidth, emblem_bottom = d.y;
  if (!l.emblem.empty() && inspect_image(l.emblem).ok()) {
    const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(l.emblem.data());
    const auto size = static_cast<HPDF_UINT>(l.emblem.size());
    HPDF_Image image = l.emblem[0] == '\x89' ? HPDF_LoadPngImageFromMem(d.doc, bytes, size)
                                             : HPDF_LoadJpegImageFromMem(d.doc, bytes, size);
    if (image != nullptr && !d.error) {
      const double iw = HPDF_Image_GetWidth(image), ih = HPDF_Image_GetHeight(image);
      const double scale = std::min(kEmblemHeight / ih, kEmblemWidth / iw);
      const double w = iw * scale, h = ih * scale;
      HPDF_Page_DrawImage(d.page(), image, real(kLeft), real(d.y - h), real(w), real(h));
      text_x = kLeft + w + kEmblemGap;
      text_w = kContentWidth - w - kEmblemGap;
      emblem_bottom = d.y - h;
    }
  }
  struct Part {
    const std::string& text;
    HPDF_Font font;
    double size;
  };
  for (const Part& part : {Part{l.government, d.bold, 13.0}, Part{l.agency, d.bold, 15.0},
                           Part{l.address, d.regular, 9.5}, Part{l.contact, d.regular, 9.5}}) {
    if (!part.text.empty()) d.flow(part.text, part.font, part.size, Align::Center, false, text_x, text_w);
  }
  d.y = std::min(d.y, emblem_bottom);
  // The double rule under a kop surat: a thick line over a thin one.
  d.y -= 3;
  d.rule(kLeft, kPageWidth - kRight, d.y, 2.0);
  d.rule(kLeft, kPageWidth - kRight, d.y - 3, 0.6);
  d.y -= 3 + 16;
}

void PdfDocument::title(std::string_view text, std::string_view subtitle) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.ensure(leading(12.5) * 2 + leading(kBodySize) * 3);
  d.flow(text, d.bold, 12.5, Align::Center, false);
  if (!subtitle.empty()) d.flow(subtitle, d.regular, kBodySize, Align::Center, false);
  d.y -= 12;
}

void PdfDocument::heading(std::string_view text) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  if (!d.pages.empty() && !d.at_page_top()) d.y -= 6;
  // Keep the heading with at least two lines of what follows it.
  d.ensure(leading(kBodySize) * 3 + 3);
  d.flow(text, d.bold, kBodySize, Align::Left, false);
  d.y -= 3;
}

void PdfDocument::paragraph(std::string_view text) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.flow(text, d.regular, kBodySize, Align::Left, true);
  d.y -= 6;
}

void PdfDocument::key_values(const std::vector<std::pair<std::string, std::string>>& items) {
  Impl& d = *impl_;
  if (!d.usable() || items.empty()) return;
  double key_w = 0;
  for (const auto& [k, v] : items) {
    key_w = std::max(key_w, d.width(detail::clean_text(k, false, true), d.regular, kBodySize));
  }
  key_w = std::min(key_w, kContentWidth * 0.35);
  const double colon_x = kLeft + key_w + 6;
  const double value_x = colon_x + 10;
  const double value_w = kPageWidth - kRight - value_x;
  const double lead = leading(kBodySize);
  for (const auto& [k, v] : items) {
    const auto key_lines = d.wrap(k, d.regular, kBodySize, key_w);
    const auto value_lines = d.wrap(v, d.regular, kBodySize, value_w);
    const size_t n = std::max(key_lines.size(), value_lines.size());
    d.ensure(std::min(static_cast<double>(n) * lead, kUsableHeight));
    for (size_t i = 0; i < n && d.usable(); ++i) {
      d.ensure(lead);
      if (!d.usable()) return;
      const double baseline = d.y - kBodySize;
      if (i < key_lines.size()) {
        d.draw_line(d.page(), key_lines[i], kLeft, baseline, key_w, d.regular, kBodySize,
                    Align::Left, false);
      }
      if (i == 0) d.draw(d.page(), colon_x, baseline, d.regular, kBodySize, ":");
      if (i < value_lines.size()) {
        d.draw_line(d.page(), value_lines[i], value_x, baseline, value_w, d.regular, kBodySize,
                    Align::Left, true);
      }
      d.y -= lead;
    }
  }
  d.y -= 6;
}

void PdfDocument::table(const Table& t) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  const auto g = d.grid(t);
  if (!g) return;
  Impl::Row header = d.wrap_row(t.headers, *g, d.bold);
  // A header repeats on every page, so it may take at most a third of one; longer titles are cut.
  const auto max_header_lines =
      static_cast<size_t>((kUsableHeight / 3 - 2 * kCellPad) / cell_leading(kTableSize));
  for (auto& cell : header) {
    if (cell.size() > max_header_lines) cell.resize(max_header_lines);
  }
  const Impl::Row first = t.rows.empty() ? Impl::Row{} : d.wrap_row(t.rows.front(), *g, d.regular);
  // Start on a new page unless the header and the first row fit here.
  const double header_h = Impl::row_height(Impl::line_count(header));
  d.ensure(header_h + (t.rows.empty() ? 0 : Impl::row_height(Impl::line_count(first))));
  d.draw_band(header, *g, 0, Impl::line_count(header), d.bold, true);
  for (size_t i = 0; i < t.rows.size() && d.usable(); ++i) {
    d.draw_row(i == 0 ? first : d.wrap_row(t.rows[i], *g, d.regular), *g, d.regular, header);
  }
  if (!t.totals.empty() && d.usable()) {
    d.draw_row(d.wrap_row(t.totals, *g, d.bold), *g, d.bold, header);
  }
  d.y -= 10;
}

void PdfDocument::signature_block(const Signature& s) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  const std::string date = s.date ? tanggal_indonesia(*s.date) : std::string("...........................");
  const std::string place_date =
      s.place.empty() ? date : s.place.back() == ' ' ? s.place + date : s.place + ", " + date;
  // The signer's column takes the right half, widened (up to 62%) so that a long position
  // such as "KEPALA BADAN KESATUAN BANGSA DAN POLITIK" stays on one line.
  const double natural = std::max(d.natural_width(place_date + "\n" + s.signer.position),
                                  d.natural_width(s.signer.name, d.bold));
  const double right_w = std::clamp(natural + 8, kContentWidth * 0.5, kContentWidth * 0.62);
  const double right_x = kLeft + kContentWidth - right_w;
  const double left_w = std::min(kContentWidth * 0.45, kContentWidth - right_w - 8);
  const auto right_head = d.signer_head({place_date}, s.signer, right_w);
  std::vector<Line> left_head;
  if (s.acknowledged) left_head = d.signer_head({s.acknowledged_label}, *s.acknowledged, left_w);
  // Both names sit on the same line, under the longer of the two heads.
  const size_t head_rows = std::max(right_head.size(), left_head.size());
  const size_t tail = std::max(Impl::tail_rows(s.signer),
                               s.acknowledged ? Impl::tail_rows(*s.acknowledged) : size_t{0});
  const double lead = leading(kBodySize);
  const double h = static_cast<double>(head_rows + tail) * lead + kSignatureGap;
  if (!d.pages.empty() && !d.at_page_top()) d.y -= 12;
  d.ensure(h);
  if (!d.usable()) return;
  d.draw_signer(d.page(), right_head, s.signer, right_x, right_w, d.y, head_rows);
  if (s.acknowledged) {
    d.draw_signer(d.page(), left_head, *s.acknowledged, kLeft, left_w, d.y, head_rows);
  }
  d.y -= h;
}

void PdfDocument::space(double points) {
  Impl& d = *impl_;
  if (!d.usable() || points <= 0) return;
  d.ensure(0);
  d.y -= points;
}

void PdfDocument::page_break() {
  Impl& d = *impl_;
  if (!d.usable()) return;
  d.new_page();
}

double PdfDocument::content_width() { return kContentWidth; }

void PdfDocument::drawing(double height, const std::function<void(Canvas&)>& draw) {
  Impl& d = *impl_;
  if (!d.usable()) return;
  height = std::isfinite(height) ? std::clamp(height, 0.0, kUsableHeight) : 0.0;
  d.ensure(height);
  if (!d.usable()) return;
  Canvas canvas(impl_.get(), {kLeft, d.y - height, kContentWidth, height});
  if (draw) draw(canvas);
  d.y -= height + 6;
}

void Canvas::polygon(const std::vector<std::vector<Point>>& rings, std::optional<Rgb> fill,
                     std::optional<Rgb> stroke, double line_width) {
  if (!d_->usable() || (!fill && !stroke)) return;
  HPDF_Page p = d_->page();
  HPDF_Page_GSave(p);
  if (fill) HPDF_Page_SetRGBFill(p, unit(fill->r), unit(fill->g), unit(fill->b));
  if (stroke) {
    HPDF_Page_SetRGBStroke(p, unit(stroke->r), unit(stroke->g), unit(stroke->b));
    HPDF_Page_SetLineWidth(p, real(std::max(0.0, line_width)));
    HPDF_Page_SetLineJoin(p, HPDF_ROUND_JOIN);
  }
  bool any = false;
  for (const auto& ring : rings) {
    if (ring.size() < 3) continue;
    bool finite = true;
    for (const auto& pt : ring) finite = finite && std::isfinite(pt.x) && std::isfinite(pt.y);
    if (!finite) continue;
    HPDF_Page_MoveTo(p, real(ring.front().x), real(ring.front().y));
    for (size_t i = 1; i < ring.size(); ++i) HPDF_Page_LineTo(p, real(ring[i].x), real(ring[i].y));
    HPDF_Page_ClosePath(p);
    any = true;
  }
  if (any) {
    if (fill && stroke) HPDF_Page_EofillStroke(p);
    else if (fill) HPDF_Page_Eofill(p);
    else HPDF_Page_Stroke(p);
  }
  HPDF_Page_GRestore(p);
}

void Canvas::line(Point from, Point to, Rgb colour, double line_width) {
  if (!d_->usable()) return;
  HPDF_Page p = d_->page();
  HPDF_Page_GSave(p);
  HPDF_Page_SetRGBStroke(p, unit(colour.r), unit(colour.g), unit(colour.b));
  HPDF_Page_SetLineWidth(p, real(std::max(0.0, line_width)));
  HPDF_Page_MoveTo(p, real(from.x), real(from.y));
  HPDF_Page_LineTo(p, real(to.x), real(to.y));
  HPDF_Page_Stroke(p);
  HPDF_Page_GRestore(p);
}

void Canvas::rect(const Box& b, std::optional<Rgb> fill, std::optional<Rgb> stroke, double line_width) {
  if (!d_->usable() || (!fill && !stroke)) return;
  HPDF_Page p = d_->page();
  HPDF_Page_GSave(p);
  if (fill) HPDF_Page_SetRGBFill(p, unit(fill->r), unit(fill->g), unit(fill->b));
  if (stroke) {
    HPDF_Page_SetRGBStroke(p, unit(stroke->r), unit(stroke->g), unit(stroke->b));
    HPDF_Page_SetLineWidth(p, real(std::max(0.0, line_width)));
  }
  HPDF_Page_Rectangle(p, real(b.x), real(b.y), real(b.width), real(b.height));
  if (fill && stroke) HPDF_Page_FillStroke(p);
  else if (fill) HPDF_Page_Fill(p);
  else HPDF_Page_Stroke(p);
  HPDF_Page_GRestore(p);
}

bool Canvas::image(std::string_view bytes, const Box& b) {
  if (!d_->usable() || bytes.empty() || b.width <= 0 || b.height <= 0 || !inspect_image(bytes).ok()) return false;
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  const auto size = static_cast<HPDF_UINT>(bytes.size());
  HPDF_Image img = bytes[0] == '\x89' ? HPDF_LoadPngImageFromMem(d_->doc, data, size) : HPDF_LoadJpegImageFromMem(d_->doc, data, size);
  if (img == nullptr || d_->error) return false;
  const double iw = HPDF_Image_GetWidth(img), ih = HPDF_Image_GetHeight(img);
  if (iw <= 0 || ih <= 0) return false;
  const double scale = std::min(b.width / iw, b.height / ih);
  const double w = iw * scale, h = ih * scale;
  HPDF_Page_DrawImage(d_->page(), img, real(b.x + (b.width - w) / 2), real(b.y + (b.height - h) / 2), real(w), real(h));
  return true;
}

void Canvas::text(double x, double baseline, std::string_view s, double size, bool bold, Rgb colour) {
  if (!d_->usable() || s.empty()) return;
  HPDF_Page p = d_->page();
  HPDF_Page_GSave(p);
  HPDF_Page_SetRGBFill(p, unit(colour.r), unit(colour.g), unit(colour.b));
  d_->draw(p, x, baseline, bold ? d_->bold : d_->regular, size, detail::clean_text(s, false, true));
  HPDF_Page_GRestore(p);
}

double Canvas::text_width(std::string_view s, double size, bool bold) const {
  if (!d_->usable()) return 0;
  return d_->width(detail::clean_text(s, false, true), bold ? d_->bold : d_->regular, size);
}

void PdfDocument::watermark(std::string_view text) { impl_->watermark = std::string(text); }

Result<std::string> PdfDocument::finish() {
  Impl& d = *impl_;
  if (d.error) return *d.error;
  if (d.finished) return Error::internal("PdfDocument::finish was called twice.");
  d.finished = true;
  if (d.pages.empty()) d.new_page();
  if (!d.watermark.empty()) d.draw_watermark();
  // Page numbers go in last, when the number of pages is known.
  const size_t total = d.pages.size();
  for (size_t i = 0; i < total && !d.error; ++i) {
    const std::string text = "Halaman " + std::to_string(i + 1) + " dari " + std::to_string(total);
    const double w = d.width(text, d.regular, 8.5);
    d.draw(d.pages[i], kLeft + (kContentWidth - w) / 2, kFooterBaseline, d.regular, 8.5, text);
  }
  if (d.error) return *d.error;
  HPDF_SaveToStream(d.doc);
  std::string bytes(HPDF_GetStreamSize(d.doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(bytes.size());
  if (!d.error) {
    HPDF_ResetStream(d.doc);
    HPDF_ReadFromStream(d.doc, reinterpret_cast<HPDF_BYTE*>(bytes.data()), &size);
  }
  if (d.error) return *d.error;
  bytes.resize(size);
  HPDF_Free(d.doc);
  d.doc = nullptr;
  return bytes;
}

Result<std::string> text_pdf(std::string_view title, const std::vector<std::string>& paragraphs) {
  PdfDocument doc({std::string(title), "", "", std::nullopt});
  doc.title(title);
  for (const auto& p : paragraphs) doc.paragraph(p);
  return doc.finish();
}

}  // namespace pantau::report
