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
};

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
  std::string place;  // "Banjarmasin"
  Date date;
  Signer signer;
  std::optional<Signer> acknowledged;
  std::string acknowledged_label = "Mengetahui,";
};

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

  // False once an error happened (finish() then returns it).
  bool ok() const;
  // Draws the page numbers and returns the PDF bytes, or the first error. Call once.
  Result<std::string> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pantau::report
