// The document register: every official PDF Pantau issues (the monitoring report, the banpol
// Berita Acara and draft Keputusan, the peta rawan konflik report, the Berita Acara of a meeting)
// is entered with its number, kind, date, issuing office and the SHA-256 of its bytes, and gets
// an unguessable code. The QR code printed on the document opens the public page
// /verifikasi/<code>, which confirms number, kind, date, issuer and hash, says whether the
// document was superseded, and tells whether an uploaded file is byte-identical to the one issued.
//
// How issuing works (issue()): documents are rendered deterministically from their record and
// the stamp (code, number, time of issue), so the register needs no copy of the file. When a
// document is asked for again, it is rendered with the stamp of its current entry; the same hash
// means nothing changed and the same bytes are returned (same code, same number). A different
// hash means the record changed: a new entry is made (a new code; the number of the record is
// kept), and the old one is marked superseded by it. A draft gets an entry without a number, so
// a printed draft is recognisable as a draft; the first final issue draws the office's next
// running number of the year.
//
// Writes: the register row and an audit entry ("issue", entity "document"), in their own
// transactions, never inside the caller's. Thread-safe like the Database it is given.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "auth/scope.h"
#include "core/config.h"
#include "core/time.h"
#include "db/database.h"
#include "report/pdf.h"

namespace pantau::documents {

// What the register needs to know about a document before it is rendered.
struct DocumentRef {
  std::string kind;        // a document_kinds code, e.g. "MONITORING_REPORT"
  std::string ref_entity;  // the record it is made from, e.g. "periodic_report"
  std::string ref_id;      // its id ("12", or "63/2026" for a region and year)
  std::string region_code; // the issuing office's region (its Kesbangpol office issues it)
  std::string title;       // shown by the verification page, e.g. "Berita Acara Rakor ..."
  bool draft = false;
  // The record's own number when the office gave it one (e.g. the Berita Acara number the
  // verification team wrote down); empty: the register draws the office's next number.
  std::string number;
};

// What the document prints: its number (empty for a draft), the verification code and link,
// and the time of issue, which the renderer must use as the PDF's creation time (so that the
// same record renders to the same bytes).
struct Stamp {
  std::string number;
  std::string code;
  std::string url;  // <public base>/verifikasi/<code>
  bool draft = false;
  TimePoint issued_at;
};

struct Entry {
  int64_t id = 0;
  std::string code, kind, kind_name_id, kind_name_en, ref_entity, ref_id, title, number;
  bool draft = false;
  std::string region_code, issuer_name, issued_at;
  std::optional<std::string> sha256;
  int64_t size = 0;
  std::optional<int64_t> superseded_by;
  std::optional<std::string> superseded_at;
};

struct Issued {
  std::string pdf;
  Entry entry;
};

using Renderer = std::function<Result<std::string>(db::Conn&, const Stamp&)>;

// Renders and registers the document (see the header comment). `public_base` is the address the
// QR code points at, e.g. "https://pantau.kalselprov.go.id". Errors of the renderer are returned
// as they are (a record outside the caller's scope stays "not found").
Result<Issued> issue(db::Database& db, const auth::Scope& who, const DocumentRef& ref, const std::string& public_base,
                     const Renderer& render);

// The address the QR codes point at: cfg.public_url, else "http://" + cfg.listen.
std::string public_base(const Config& cfg);

// The verification block at the end of a document: the QR code, the number, the code and the
// address of the verification page; "DRAF" documents say they are drafts.
void stamp_block(report::PdfDocument& doc, const Stamp& s);

// A register entry by its code; nullopt for an unknown code (or one still being made).
std::optional<Entry> find_by_code(db::Conn& c, const std::string& code);
// The current (not superseded) entry of a record's document of a kind.
std::optional<Entry> current_for(db::Conn& c, const std::string& kind, const std::string& ref_entity, const std::string& ref_id);

// The public answer of /api/v1/verify/<code>: only number, kind, title, date, issuer, hash, size
// and whether (and when) it was superseded. With `identical`, the result of comparing an upload.
std::string public_json(const Entry& e, std::optional<bool> identical = std::nullopt, const std::string& uploaded_sha256 = "");

// "200.1/0007/Kesbangpol/2026": classification / running number (4 digits) / office / year;
// without a classification "0007/Kesbangpol/2026".
std::string format_number(const std::string& classification, int64_t seq, const std::string& office_code, int year);

}  // namespace pantau::documents
