// PdfDocument: builds official Indonesian government documents (letters, quarterly reports,
// Berita Acara) as PDF. A4 portrait; the content flows top to bottom: a letterhead (kop surat),
// a title, numbered headings, justified paragraphs, "key : value" lists, tables and a signature
// block. Text is UTF-8 and is drawn with an embedded DejaVu Sans, so Indonesian text and
// characters such as "—", "é" or "²" print as written. Long text wraps, pages break by
// themselves (a table repeats its header row on each new page), and every page gets
// "Halaman X dari Y" in its footer when the document is finished.
//
// Errors are sticky: the first failure (a missing font file, a malformed table, an error of the
// PDF library) turns every later call into a no-op and is returned by finish(). So a caller
// builds the whole document and checks once.
//
// A PdfDocument is not thread-safe; different documents may be built on different threads.
// Building is CPU work (loading the font takes a few milliseconds): run it on the worker pool,
// never on the network event loop.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/time.h"
#include "report/document_info.h"

namespace pantau::report {

// The directory holding DejaVuSans.ttf and DejaVuSans-Bold.ttf when none is configured:
// $PANTAU_FONTS_DIR if set, else /usr/share/fonts/truetype/dejavu (Debian fonts-dejavu-core).
std::string default_fonts_dir();

struct PdfOptions {
  std::string fonts_dir;  // empty = default_fonts_dir()
};

// Kop surat: the office's heading at the top of the first page, over a double rule.
struct Letterhead {
  std::string government;  // "PEMERINTAH PROVINSI KALIMANTAN SELATAN"
  std::string agency;      // "BADAN KESATUAN BANGSA DAN POLITIK"
  std::string address;     // "Jalan ... Nomor 1, Banjarmasin 70111"
  std::string contact;     // "Telepon (0511) 123456, Laman kesbangpol.kalselprov.go.id"
  // The coat of arms (lambang daerah): PNG or JPEG bytes, drawn at the left of the heading with
  // the text centred beside it. Empty, or an image that cannot be read: text only, as without.
  std::string emblem;
};

// What an image is, read from its bytes (never from a name): "image/png" or "image/jpeg" and
// its size in pixels.
struct ImageInfo {
  std::string mime;
  int width = 0, height = 0;
};
// Checks that `bytes` are a PNG or JPEG the PDF library embeds, at most `max_side` pixels on a
// side (a small file may unpack to a huge picture). A 422 naming `field` otherwise.
Result<ImageInfo> inspect_image(std::string_view bytes, std::string_view field = "file", int max_side = 4000);

// A short document: a title and a few paragraphs, drawn like every other PDF (the sample files of
// the demo data: a speaker's slides, a piece of evidence).
Result<std::string> text_pdf(std::string_view title, const std::vector<std::string>& paragraphs);

enum class Align { Left, Center, Right };

struct Table {
  std::vector<std::string> headers;            // one per column; required
  std::vector<std::vector<std::string>> rows;  // may be shorter than headers (padded)
  std::vector<double> widths;  // relative column widths (e.g. {0.06, 0.5, 0.44}); empty = equal
  std::vector<Align> align;    // per column; empty or shorter = Left
  std::vector<std::string> totals;  // optional bold last row ("JUMLAH", "", "Rp ..."); empty = none
};

// One person who signs.
struct Signer {
  std::string position;  // "KEPALA BADAN KESATUAN BANGSA DAN POLITIK" ('\n' splits lines)
  std::string name;      // printed bold and underlined
  std::string rank;      // pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)"; optional
  std::string nip;       // printed as "NIP. ..."; optional
};

// The signature block: "<place>, <date>" and the signer on the right; with `acknowledged`, a
// second signer under "Mengetahui," on the left (e.g. the head of the office).
struct Signature {
  std::string place;  // "Banjarmasin" (then ", <date>"); ending in a space, no comma is added
                      // ("Ditetapkan di Banjarbaru\npada tanggal ")
  std::optional<Date> date;  // nullopt: left blank, to be written in by hand when signed
  Signer signer;
  std::optional<Signer> acknowledged;
  std::string acknowledged_label = "Mengetahui,";
};

// A colour, each component 0..1.
struct Rgb {
  double r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};
// "#b3261e" or "b3261e"; nullopt when malformed.
std::optional<Rgb> rgb_from_hex(std::string_view hex);

// A point on the page, in points, origin at the bottom-left corner of the page.
struct Point {
  double x = 0, y = 0;
};
// A rectangle on the page: its bottom-left corner and its size, in points.
struct Box {
  double x = 0, y = 0, width = 0, height = 0;
};

class Canvas;

class PdfDocument {
 public:
  explicit PdfDocument(const DocumentInfo& info, const PdfOptions& options = {});
  ~PdfDocument();
  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  void letterhead(const Letterhead& l);
  // A centred bold title (e.g. "LAPORAN TRIWULAN III TAHUN 2026") and an optional subtitle.
  void title(std::string_view text, std::string_view subtitle = {});
  // A bold section heading as given ("I. PENDAHULUAN"); never left alone at the foot of a page.
  void heading(std::string_view text);
  // A justified paragraph; '\n' starts a new line.
  void paragraph(std::string_view text);
  // Aligned "key : value" lines, as in "Nama : ...", "NIP : ...".
  void key_values(const std::vector<std::pair<std::string, std::string>>& items);
  void table(const Table& t);
  // Kept whole on one page.
  void signature_block(const Signature& s);
  // Vertical space in points.
  void space(double points);
  // Continues on a new page.
  void page_break();
  // Reserves `height` points of the flow across the full content width (starting a new page when
  // they do not fit here) and lets `draw` paint inside that box with a Canvas. Used for maps and
  // charts; the height is capped at the usable height of a page.
  void drawing(double height, const std::function<void(Canvas&)>& draw);
  // The width of the content area (between the margins), in points.
  static double content_width();
  // Marks every page with `text` (e.g. "DRAF") written large and diagonally across it in a
  // translucent grey, over the content, so a draft cannot pass for the final document even in
  // an excerpt. Drawn by finish(); the last call wins, empty = none.
  void watermark(std::string_view text);

  // False once an error happened (finish() then returns it).
  bool ok() const;
  // Draws the page numbers and returns the PDF bytes, or the first error. Call once.
  Result<std::string> finish();

 private:
  friend class Canvas;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Paints inside a box reserved by PdfDocument::drawing. Every call saves and restores the
// graphics state, so a colour never leaks into later text. Drawing errors are sticky like the
// rest of the document's.
class Canvas {
 public:
  // The reserved box, in page coordinates.
  Box box() const { return box_; }
  // A polygon of one or more rings (an outer ring and its holes; filled by the even-odd rule).
  // Rings with fewer than three points are ignored; without a fill nor a stroke nothing is drawn.
  void polygon(const std::vector<std::vector<Point>>& rings, std::optional<Rgb> fill,
               std::optional<Rgb> stroke, double line_width = 0.5);
  void line(Point from, Point to, Rgb colour, double line_width = 0.5);
  void rect(const Box& b, std::optional<Rgb> fill, std::optional<Rgb> stroke,
            double line_width = 0.5);
  // One line of text (not wrapped) with its baseline at `baseline`.
  void text(double x, double baseline, std::string_view s, double size, bool bold = false,
            Rgb colour = {});
  double text_width(std::string_view s, double size, bool bold = false) const;
  // A PNG or JPEG (inspect_image) scaled to fit `b` keeping its proportions, centred in it.
  // Returns false (drawing nothing) when the bytes are not such an image.
  bool image(std::string_view bytes, const Box& b);

 private:
  friend class PdfDocument;
  Canvas(PdfDocument::Impl* d, Box b) : d_(d), box_(b) {}
  PdfDocument::Impl* d_;
  Box box_;
};

// The PDF's page content streams, inflated and concatenated: the drawing operators a reader
// executes (e.g. "0.7 0.15 0.12 rg"). For checks of generated documents.
std::string pdf_content_streams(std::string_view pdf);

}  // namespace pantau::report
