#include "core/xlsx_read.h"

#include <expat.h>
#include <fmt/format.h>
#include <unzip.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/strings.h"

namespace pantau {

namespace {

constexpr size_t kMaxEntries = 10'000;                // parts in the archive
constexpr uint64_t kBombRatio = 250;                  // inflated / compressed, per part
constexpr uint64_t kBombMinBytes = 1024 * 1024;       // ratio checked above this size
constexpr size_t kMaxCells = 4'000'000;               // rows x width of the table
constexpr int kMaxColumns = 16'384;                   // XFD, as in Excel
constexpr int64_t kMaxRowNumber = 1'048'576;          // as in Excel

Error xlsx_error(std::string code, std::string id, std::string en) {
  return Error::make(ErrorKind::Invalid, "xlsx." + code, std::move(id), std::move(en));
}
Error corrupt(std::string_view what_id, std::string_view what_en) {
  return xlsx_error("corrupt", fmt::format("Berkas XLSX rusak: {}.", what_id),
                    fmt::format("The XLSX file is damaged: {}.", what_en));
}
Error too_large(size_t cap) {
  return xlsx_error("too_large",
                    fmt::format("Isi berkas XLSX terlalu besar setelah diekstrak (batas {} MiB).",
                                cap / (1024 * 1024)),
                    fmt::format("The XLSX file is too large once unpacked (limit {} MiB).",
                                cap / (1024 * 1024)));
}

std::string column_letters(int col) {  // 0 -> "A"
  std::string s;
  for (int n = col + 1; n > 0; n = (n - 1) / 26) s.insert(s.begin(), char('A' + (n - 1) % 26));
  return s;
}
std::string cell_name(int col, int64_t row) { return column_letters(col) + std::to_string(row); }

// ---- in-memory zip (minizip's ioapi over a string_view) ------------------------------------

struct MemFile {
  std::string_view data;
  uint64_t pos = 0;
};

voidpf mem_open(voidpf opaque, const void*, int) { return opaque; }
uLong mem_read(voidpf, voidpf stream, void* buf, uLong size) {
  auto* m = static_cast<MemFile*>(stream);
  if (m->pos >= m->data.size()) return 0;
  uint64_t n = std::min<uint64_t>(size, m->data.size() - m->pos);
  std::memcpy(buf, m->data.data() + m->pos, n);
  m->pos += n;
  return static_cast<uLong>(n);
}
uLong mem_write(voidpf, voidpf, const void*, uLong) { return 0; }
ZPOS64_T mem_tell(voidpf, voidpf stream) { return static_cast<MemFile*>(stream)->pos; }
long mem_seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* m = static_cast<MemFile*>(stream);
  uint64_t base = 0;
  switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
    case ZLIB_FILEFUNC_SEEK_CUR: base = m->pos; break;
    case ZLIB_FILEFUNC_SEEK_END: base = m->data.size(); break;
    default: return -1;
  }
  if (offset > m->data.size() || base + offset > m->data.size()) return -1;
  m->pos = base + offset;
  return 0;
}
int mem_close(voidpf, voidpf) { return 0; }
int mem_error(voidpf, voidpf) { return 0; }

class Zip {
 public:
  explicit Zip(std::string_view bytes, size_t budget) : mem_{bytes, 0}, budget_(budget) {
    zlib_filefunc64_def f{};
    f.zopen64_file = mem_open;
    f.zread_file = mem_read;
    f.zwrite_file = mem_write;
    f.ztell64_file = mem_tell;
    f.zseek64_file = mem_seek;
    f.zclose_file = mem_close;
    f.zerror_file = mem_error;
    f.opaque = &mem_;
    uf_ = unzOpen2_64("memory.xlsx", &f);
  }
  ~Zip() {
    if (uf_) unzClose(uf_);
  }
  Zip(const Zip&) = delete;
  Zip& operator=(const Zip&) = delete;

  bool open() const { return uf_ != nullptr; }
  uint64_t entries() const {
    unz_global_info64 gi{};
    return unzGetGlobalInfo64(uf_, &gi) == UNZ_OK ? gi.number_entry : 0;
  }

  // The inflated part, std::nullopt when the archive has no such part.
  Result<std::optional<std::string>> read(const std::string& name) {
    if (unzLocateFile(uf_, name.c_str(), 2) != UNZ_OK) return std::optional<std::string>();
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(uf_, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
      return corrupt("daftar isi arsip tidak terbaca", "the archive directory is unreadable");
    if (info.flag & 1)
      return xlsx_error("encrypted", "Berkas XLSX dilindungi kata sandi; simpan tanpa kata sandi.",
                        "The XLSX file is password protected; save it without a password.");
    if (info.compression_method != 0 && info.compression_method != Z_DEFLATED)
      return corrupt("metode kompresi tidak dikenal", "unknown compression method");
    if (info.uncompressed_size > budget_) return too_large(cap_);
    if (info.uncompressed_size > kBombMinBytes &&
        info.uncompressed_size / kBombRatio > info.compressed_size)
      return xlsx_error("zip_bomb",
                        "Berkas XLSX ditolak: isinya mengembang secara tidak wajar saat diekstrak.",
                        "The XLSX file was refused: it inflates abnormally when unpacked.");
    if (unzOpenCurrentFile(uf_) != UNZ_OK)
      return corrupt("bagian " + name + " tidak dapat dibuka", "part " + name + " cannot be opened");
    std::string out;
    // The declared size may lie: reserve at most 4 MiB up front, grow with what really comes.
    out.reserve(static_cast<size_t>(std::min<uint64_t>(info.uncompressed_size, 4u << 20)));
    char buf[64 * 1024];
    for (;;) {
      int n = unzReadCurrentFile(uf_, buf, sizeof buf);
      if (n < 0) {
        unzCloseCurrentFile(uf_);
        return corrupt("bagian " + name + " tidak dapat diekstrak",
                       "part " + name + " cannot be unpacked");
      }
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
      // Never trust the declared size: what is inflated counts.
      if (out.size() > info.uncompressed_size || out.size() > budget_) {
        unzCloseCurrentFile(uf_);
        return out.size() > budget_ ? too_large(cap_)
                                    : corrupt("ukuran bagian " + name + " tidak cocok",
                                              "the size of part " + name + " does not match");
      }
    }
    if (unzCloseCurrentFile(uf_) != UNZ_OK || out.size() != info.uncompressed_size)
      return corrupt("bagian " + name + " tidak utuh (CRC)", "part " + name + " is damaged (CRC)");
    budget_ -= out.size();
    return std::optional<std::string>(std::move(out));
  }

  void set_cap(size_t cap) { cap_ = cap; }

 private:
  MemFile mem_;
  size_t budget_;
  size_t cap_ = 0;
  unzFile uf_ = nullptr;
};

// ---- XML (expat, namespace aware, no DTD) --------------------------------------------------

// Local part of an expanded name "uri|local" (or the name itself without a namespace).
std::string_view local(const XML_Char* name) {
  std::string_view s(name);
  auto bar = s.rfind('|');
  return bar == std::string_view::npos ? s : s.substr(bar + 1);
}
bool has_ns(const XML_Char* name) { return std::strchr(name, '|') != nullptr; }
const XML_Char* attr(const XML_Char** atts, std::string_view name, bool namespaced = false) {
  for (size_t i = 0; atts[i]; i += 2)
    if (local(atts[i]) == name && has_ns(atts[i]) == namespaced) return atts[i + 1];
  return nullptr;
}

// Handler: a class with start(name, atts), end(name), text(s, len) returning false (and
// setting `error`) to stop. Runs the parser over the whole part.
template <class H>
Status parse_xml(const std::string& xml, H& h, std::string_view part) {
  struct Ctx {
    XML_Parser p;
    H* h;
    bool dtd = false;
  };
  XML_Parser p = XML_ParserCreateNS(nullptr, '|');
  if (!p) return Error::internal("XML parser allocation failed");
  Ctx ctx{p, &h};
  XML_SetUserData(p, &ctx);
  XML_SetElementHandler(
      p,
      [](void* u, const XML_Char* n, const XML_Char** a) {
        auto* c = static_cast<Ctx*>(u);
        if (!c->h->start(local(n), a)) XML_StopParser(c->p, XML_FALSE);
      },
      [](void* u, const XML_Char* n) {
        auto* c = static_cast<Ctx*>(u);
        if (!c->h->end(local(n))) XML_StopParser(c->p, XML_FALSE);
      });
  XML_SetCharacterDataHandler(p, [](void* u, const XML_Char* s, int len) {
    auto* c = static_cast<Ctx*>(u);
    if (!c->h->text(std::string_view(s, static_cast<size_t>(len))))
      XML_StopParser(c->p, XML_FALSE);
  });
  // Workbook parts never carry a DTD; refusing one rules out entity expansion attacks.
  XML_SetStartDoctypeDeclHandler(
      p, [](void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* c = static_cast<Ctx*>(u);
        c->dtd = true;
        XML_StopParser(c->p, XML_FALSE);
      });
  bool ok = true;
  std::string_view rest(xml);
  // Fed in pieces: XML_Parse takes an int length.
  do {
    size_t n = std::min<size_t>(rest.size(), 1 << 20);
    bool last = n == rest.size();
    if (XML_Parse(p, rest.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE) !=
        XML_STATUS_OK) {
      ok = false;
      break;
    }
    rest.remove_prefix(n);
  } while (!rest.empty());
  std::string why = ok ? "" : XML_ErrorString(XML_GetErrorCode(p));
  unsigned long line = ok ? 0 : XML_GetCurrentLineNumber(p);
  XML_ParserFree(p);
  if (ok) return {};
  if (h.error) return std::move(*h.error);
  if (ctx.dtd)
    return corrupt(fmt::format("bagian {} memuat DTD", part),
                   fmt::format("part {} contains a DTD", part));
  return corrupt(fmt::format("XML bagian {} tidak sah pada baris {} ({})", part, line, why),
                 fmt::format("invalid XML in part {} at line {} ({})", part, line, why));
}

// First <sheet> of workbook.xml: its relationship id.
struct WorkbookHandler {
  std::optional<Error> error;
  std::string rid;
  bool found = false;
  bool start(std::string_view n, const XML_Char** a) {
    if (n == "sheet" && !found) {
      found = true;
      if (const XML_Char* id = attr(a, "id", true)) rid = id;
    }
    return true;
  }
  bool end(std::string_view) { return true; }
  bool text(std::string_view) { return true; }
};

struct RelsHandler {
  std::optional<Error> error;
  std::map<std::string, std::string> target_by_id;
  std::string shared_strings;
  bool start(std::string_view n, const XML_Char** a) {
    if (n != "Relationship") return true;
    const XML_Char *id = attr(a, "Id"), *target = attr(a, "Target"), *type = attr(a, "Type");
    if (id && target) target_by_id[id] = target;
    if (target && type && std::string_view(type).ends_with("/sharedStrings"))
      shared_strings = target;
    return true;
  }
  bool end(std::string_view) { return true; }
  bool text(std::string_view) { return true; }
};

// Concatenated <t> of each <si>, phonetic runs (<rPh>) left out.
struct SharedStringsHandler {
  std::optional<Error> error;
  std::vector<std::string> strings;
  std::string cur;
  bool in_si = false, in_t = false;
  int rph = 0;
  bool start(std::string_view n, const XML_Char**) {
    if (n == "si") {
      in_si = true;
      cur.clear();
    } else if (n == "rPh") {
      ++rph;
    } else if (n == "t" && in_si && rph == 0) {
      in_t = true;
    }
    return true;
  }
  bool end(std::string_view n) {
    if (n == "si") {
      in_si = false;
      strings.push_back(std::move(cur));
      cur.clear();
    } else if (n == "rPh") {
      --rph;
    } else if (n == "t") {
      in_t = false;
    }
    return true;
  }
  bool text(std::string_view s) {
    if (in_t) cur.append(s);
    return true;
  }
};

// A number as stored in <v>: integers keep all their digits, "12.0" becomes "12", other values
// print as Excel shows them (15 significant digits), in the shortest form.
std::optional<std::string> format_number(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t' || v.front() == '\n')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\n')) v.remove_suffix(1);
  if (v.empty()) return std::string();
  size_t i = v.front() == '-' ? 1 : 0, digits = 0;
  while (i + digits < v.size() && v[i + digits] >= '0' && v[i + digits] <= '9') ++digits;
  if (digits > 0) {
    if (i + digits == v.size()) return v == "-0" ? std::string("0") : std::string(v);
    if (v[i + digits] == '.') {
      std::string_view frac = v.substr(i + digits + 1);
      if (frac.find_first_not_of('0') == std::string_view::npos) {
        std::string whole(v.substr(0, i + digits));
        return whole == "-0" ? std::string("0") : whole;
      }
    }
  }
  double d = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) return std::nullopt;
  // Rounded to the 15 significant digits Excel shows: 0.1+0.2 reads 0.3, as on screen.
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.15g", d);
  std::from_chars(buf, buf + std::strlen(buf), d);
  if (d == 0) return std::string("0");
  auto res = std::trunc(d) == d
                 ? std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed)
                 : std::to_chars(buf, buf + sizeof buf, d);
  if (res.ec != std::errc()) return std::nullopt;
  return std::string(buf, res.ptr);
}

// "C7" -> column 2, row 7. False when not a cell reference within Excel's grid.
bool parse_ref(std::string_view r, int& col, int64_t& row) {
  size_t i = 0;
  int c = 0;
  while (i < r.size() && i < 4) {
    char ch = r[i];
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (ch < 'A' || ch > 'Z') break;
    c = c * 26 + (ch - 'A' + 1);
    ++i;
  }
  if (i == 0 || c > kMaxColumns) return false;
  int64_t n = 0;
  size_t j = i;
  for (; j < r.size() && j - i < 8; ++j) {
    if (r[j] < '0' || r[j] > '9') return false;
    n = n * 10 + (r[j] - '0');
  }
  if (j == i || j != r.size() || n < 1 || n > kMaxRowNumber) return false;
  col = c - 1;
  row = n;
  return true;
}

struct SheetHandler {
  std::optional<Error> error;
  const std::vector<std::string>* shared = nullptr;
  size_t max_rows = 0, max_field = 0;
  CsvTable table;
  size_t width = 0;
  bool have_header = false;

  int sheet_data = 0;  // depth inside <sheetData>
  bool in_row = false, in_cell = false, in_v = false, in_is = false, in_t = false;
  int rph = 0;
  int64_t row_num = 0;
  std::vector<std::string> cells;
  int col = 0, next_col = 0;
  std::string type, v, inline_text;

  bool fail(Error e) {
    error = std::move(e);
    return false;
  }
  bool fail_at(std::string_view what_id, std::string_view what_en) {
    std::string where = in_cell ? "sel " + cell_name(col, row_num) : "baris " + std::to_string(row_num);
    std::string where_en =
        in_cell ? "cell " + cell_name(col, row_num) : "row " + std::to_string(row_num);
    return fail(xlsx_error("malformed", fmt::format("Berkas XLSX rusak pada {}: {}.", where, what_id),
                           fmt::format("The XLSX file is malformed at {}: {}.", where_en, what_en)));
  }
  Error field_too_large() {
    return xlsx_error("limit",
                      fmt::format("Isi sel {} lebih dari {} bita.", cell_name(col, row_num), max_field),
                      fmt::format("Cell {} holds more than {} bytes.", cell_name(col, row_num), max_field));
  }

  bool start(std::string_view n, const XML_Char** a) {
    if (n == "sheetData") {
      ++sheet_data;
      return true;
    }
    if (sheet_data == 0) return true;
    if (n == "row") {
      if (in_row) return fail_at("baris bersarang", "nested row");
      int64_t r = row_num + 1;
      if (const XML_Char* ra = attr(a, "r")) {
        auto p = parse_int64(ra);
        if (!p || *p < 1 || *p > kMaxRowNumber) return fail_at("nomor baris tidak sah", "invalid row number");
        if (*p <= row_num) return fail_at("urutan baris tidak naik", "rows out of order");
        r = *p;
      }
      if (r > kMaxRowNumber) return fail_at("terlalu banyak baris", "too many rows");
      row_num = r;
      in_row = true;
      cells.clear();
      next_col = 0;
    } else if (n == "c") {
      if (!in_row || in_cell) return fail_at("sel di luar baris", "cell outside a row");
      in_cell = true;
      col = next_col;
      if (const XML_Char* ra = attr(a, "r")) {
        int64_t r = 0;
        if (!parse_ref(ra, col, r) || r != row_num) {
          col = next_col;
          return fail_at(fmt::format("acuan sel \"{}\" tidak sah", ra),
                         fmt::format("invalid cell reference \"{}\"", ra));
        }
      }
      if (col >= kMaxColumns) return fail_at("terlalu banyak kolom", "too many columns");
      const XML_Char* t = attr(a, "t");
      type = t ? t : "n";
      v.clear();
      inline_text.clear();
    } else if (in_cell && n == "v") {
      in_v = true;
    } else if (in_cell && n == "is") {
      in_is = true;
    } else if (in_is && n == "rPh") {
      ++rph;
    } else if (in_is && n == "t" && rph == 0) {
      in_t = true;
    }
    return true;
  }

  bool text(std::string_view s) {
    std::string* into = in_v ? &v : in_t ? &inline_text : nullptr;
    if (!into) return true;
    if (into->size() + s.size() > max_field) return fail(field_too_large());
    into->append(s);
    return true;
  }

  bool end(std::string_view n) {
    if (n == "sheetData") {
      if (sheet_data > 0) --sheet_data;
      return true;
    }
    if (sheet_data == 0) return true;
    if (n == "v") {
      in_v = false;
    } else if (n == "t") {
      in_t = false;
    } else if (n == "rPh") {
      if (rph > 0) --rph;
    } else if (n == "is") {
      in_is = false;
    } else if (n == "c" && in_cell) {
      std::string value;
      if (type == "s") {
        auto idx = parse_int64(trim(v));
        if (!idx || *idx < 0 || !shared || static_cast<size_t>(*idx) >= shared->size())
          return fail_at("nomor teks bersama tidak ada", "shared string index out of range");
        value = (*shared)[static_cast<size_t>(*idx)];
      } else if (type == "inlineStr") {
        value = std::move(inline_text);
      } else if (type == "str" || type == "e" || type == "d") {
        value = std::move(v);
      } else if (type == "b") {
        std::string b = trim(v);
        if (b == "1" || b == "true") value = "TRUE";
        else if (b == "0" || b == "false") value = "FALSE";
        else if (!b.empty()) return fail_at("nilai boolean tidak sah", "invalid boolean value");
      } else if (type == "n") {
        auto num = format_number(v);
        if (!num) return fail_at("angka tidak sah", "invalid number");
        value = std::move(*num);
      } else {
        return fail_at("jenis sel tidak dikenal", "unknown cell type");
      }
      if (value.size() > max_field) return fail(field_too_large());
      if (!value.empty()) {
        if (cells.size() <= static_cast<size_t>(col)) cells.resize(static_cast<size_t>(col) + 1);
        cells[static_cast<size_t>(col)] = std::move(value);
      }
      next_col = col + 1;
      in_cell = in_v = in_is = in_t = false;
      rph = 0;
    } else if (n == "row" && in_row) {
      in_row = false;
      return end_row();
    }
    return true;
  }

  bool end_row() {
    while (!cells.empty() && cells.back().empty()) cells.pop_back();
    if (cells.empty()) return true;
    if (!have_header) {
      have_header = true;
      for (auto& h : cells) h = trim(h);
      table.header = std::move(cells);
      width = table.header.size();
      cells = {};
      return true;
    }
    if (cells.size() > width) {
      col = static_cast<int>(cells.size()) - 1;
      in_cell = true;
      return fail_at(
          fmt::format("ada nilai di luar kolom judul (judul berakhir di kolom {})",
                      column_letters(static_cast<int>(width) - 1)),
          fmt::format("a value lies beyond the header columns (the header ends at column {})",
                      column_letters(static_cast<int>(width) - 1)));
    }
    if (table.rows.size() >= max_rows || (table.rows.size() + 1) * width > kMaxCells)
      return fail(xlsx_error(
          "limit", fmt::format("Berkas XLSX berisi terlalu banyak baris (batas {}).", max_rows),
          fmt::format("The XLSX file holds too many rows (limit {}).", max_rows)));
    cells.resize(width);
    table.rows.push_back(std::move(cells));
    table.row_lines.push_back(static_cast<int>(row_num));
    cells = {};
    return true;
  }
};

// A part named by a relationship target of xl/workbook.xml.
std::string resolve(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  std::string base = "xl/";
  while (target.starts_with("./")) target.remove_prefix(2);
  if (target.starts_with("../")) return std::string(target.substr(3));
  return base + std::string(target);
}

}  // namespace

bool looks_like_xlsx(std::string_view bytes) {
  return bytes.starts_with(std::string_view("PK\x03\x04", 4)) ||
         bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

Result<CsvTable> parse_xlsx(std::string_view bytes, size_t max_rows, size_t max_field_bytes,
                            size_t max_total_bytes) {
  if (bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
    return xlsx_error("legacy",
                      "Berkas ini buku kerja .xls lama atau XLSX berkata sandi; simpan ulang "
                      "sebagai .xlsx tanpa kata sandi.",
                      "This is an old .xls workbook or a password-protected XLSX; save it again "
                      "as .xlsx without a password.");
  if (!bytes.starts_with(std::string_view("PK\x03\x04", 4)))
    return xlsx_error("not_zip", "Berkas ini bukan XLSX (bukan arsip zip).",
                      "The file is not an XLSX file (not a zip archive).");
  Zip zip(bytes, max_total_bytes);
  zip.set_cap(max_total_bytes);
  if (!zip.open()) return corrupt("arsip zip tidak terbaca", "the zip archive is unreadable");
  if (zip.entries() > kMaxEntries)
    return corrupt("arsip berisi terlalu banyak bagian", "the archive holds too many parts");

  PANTAU_TRY(auto workbook, zip.read("xl/workbook.xml"));
  if (!workbook)
    return xlsx_error("not_workbook",
                      "Berkas zip ini bukan buku kerja Excel (tidak ada xl/workbook.xml).",
                      "This zip file is not an Excel workbook (it has no xl/workbook.xml).");
  WorkbookHandler wb;
  PANTAU_CHECK(parse_xml(*workbook, wb, "xl/workbook.xml"));
  if (!wb.found)
    return xlsx_error("no_sheet", "Buku kerja tidak memuat lembar kerja.",
                      "The workbook holds no worksheet.");

  std::string sheet_part = "xl/worksheets/sheet1.xml", strings_part = "xl/sharedStrings.xml";
  PANTAU_TRY(auto rels, zip.read("xl/_rels/workbook.xml.rels"));
  if (rels) {
    RelsHandler rh;
    PANTAU_CHECK(parse_xml(*rels, rh, "xl/_rels/workbook.xml.rels"));
    auto it = rh.target_by_id.find(wb.rid);
    if (it != rh.target_by_id.end()) sheet_part = resolve(it->second);
    if (!rh.shared_strings.empty()) strings_part = resolve(rh.shared_strings);
  }

  SharedStringsHandler sh;
  {
    PANTAU_TRY(auto strings, zip.read(strings_part));
    if (strings) PANTAU_CHECK(parse_xml(*strings, sh, strings_part));
  }

  PANTAU_TRY(auto sheet, zip.read(sheet_part));
  if (!sheet)
    return corrupt(fmt::format("lembar kerja {} tidak ada", sheet_part),
                   fmt::format("worksheet {} is missing", sheet_part));
  SheetHandler h;
  h.shared = &sh.strings;
  h.max_rows = max_rows;
  h.max_field = max_field_bytes;
  PANTAU_CHECK(parse_xml(*sheet, h, sheet_part));
  sheet.reset();
  if (!h.have_header)
    return xlsx_error("empty", "Lembar pertama buku kerja kosong.",
                      "The first sheet of the workbook is empty.");
  for (const auto& f : h.table.header)
    if (!valid_utf8(f)) return corrupt("teks bukan UTF-8", "text is not UTF-8");
  for (const auto& r : h.table.rows)
    for (const auto& f : r)
      if (!valid_utf8(f)) return corrupt("teks bukan UTF-8", "text is not UTF-8");
  return std::move(h.table);
}

}  // namespace pantau
