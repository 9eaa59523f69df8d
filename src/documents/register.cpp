#include "documents/register.h"

#include <fmt/format.h>

#include "audit/audit.h"
#include "core/crypto.h"
#include "http/json.h"
#include "modules/org/public.h"
#include "report/indonesian.h"
#include "report/qr.h"

namespace pantau::documents {

namespace {

constexpr const char* kEntryColumns =
    "d.id, d.code, d.kind, k.name_id, k.name_en, d.ref_entity, d.ref_id, d.title, d.number, d.draft, d.region_code, "
    "d.issuer_name, d.issued_at, d.sha256, COALESCE(d.size, 0), d.superseded_by, d.superseded_at";

Entry entry_of(const db::Row& r) {
  Entry e;
  e.id = r.i64(0);
  e.code = r.str(1);
  e.kind = r.str(2);
  e.kind_name_id = r.str(3);
  e.kind_name_en = r.str(4);
  e.ref_entity = r.str(5);
  e.ref_id = r.str(6);
  e.title = r.str(7);
  e.number = r.str(8);
  e.draft = r.i64(9) != 0;
  e.region_code = r.str(10);
  e.issuer_name = r.str(11);
  e.issued_at = r.str(12);
  e.sha256 = r.opt_str(13);
  e.size = r.i64(14);
  e.superseded_by = r.opt_i64(15);
  e.superseded_at = r.opt_str(16);
  return e;
}

std::optional<Entry> one(db::Conn& c, const std::string& where, const db::Params& p) {
  std::optional<Entry> e;
  c.query(std::string("SELECT ") + kEntryColumns + " FROM document_register d JOIN document_kinds k ON k.code = d.kind WHERE " +
              where + " ORDER BY d.id DESC LIMIT 1",
          p, [&](const db::Row& r) { e = entry_of(r); });
  return e;
}

std::string verify_url(const std::string& base, const std::string& code) {
  std::string b = base;
  while (!b.empty() && b.back() == '/') b.pop_back();
  return b + "/verifikasi/" + code;
}

Stamp stamp_of(const Entry& e, const std::string& base) {
  return {e.number, e.code, verify_url(base, e.code), e.draft, parse_iso(e.issued_at).value_or(Clock::now())};
}

// A new entry (sha256 still NULL) with a fresh code; the record's number is kept, a final
// document without one draws the office's next running number of the year.
Result<Entry> open_entry(db::Conn& c, const auth::Scope& who, const DocumentRef& ref, const std::optional<Entry>& cur) {
  auto kind = c.query_str("SELECT classification FROM document_kinds WHERE code = ?", {ref.kind});
  if (!kind) return Error::internal("Unknown document kind " + ref.kind);
  auto office = org::kesbangpol_office(c, ref.region_code);
  std::string issuer = office ? office->name : "Badan Kesatuan Bangsa dan Politik";
  std::string now = now_iso();
  int year = std::stoi(now.substr(0, 4));
  std::string number;
  std::optional<int64_t> seq;
  if (!ref.draft && !ref.number.empty()) {
    number = ref.number;
  } else if (!ref.draft) {
    // The number of the record's earlier final issue, if any.
    number = c.query_str("SELECT number FROM document_register WHERE kind = ? AND ref_entity = ? AND ref_id = ? AND number <> '' "
                         "ORDER BY id DESC LIMIT 1",
                         {ref.kind, ref.ref_entity, ref.ref_id})
                 .value_or("");
    if (number.empty()) {
      seq = c.query_i64("SELECT COALESCE(MAX(seq), 0) + 1 FROM document_register WHERE region_code = ? AND year = ?",
                        {ref.region_code, int64_t{year}})
                .value_or(1);
      number = format_number(*kind, *seq, office ? office->number_code() : "Kesbangpol", year);
    }
  }
  (void)cur;
  std::string code = random_token(16);
  int64_t id = c.insert(
      "INSERT INTO document_register (code, kind, ref_entity, ref_id, title, number, seq, year, draft, region_code, "
      "issuer_org_unit_id, issuer_name, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {code, ref.kind, ref.ref_entity, ref.ref_id, ref.title, number, seq ? db::Value(*seq) : db::Value(), int64_t{year},
       int64_t{ref.draft ? 1 : 0}, ref.region_code, office ? db::Value(office->id) : db::Value(), issuer, now,
       who.user_id > 0 ? db::Value(who.user_id) : db::Value()});
  Entry e;
  e.id = id;
  e.code = code;
  e.kind = ref.kind;
  e.ref_entity = ref.ref_entity;
  e.ref_id = ref.ref_id;
  e.title = ref.title;
  e.number = number;
  e.draft = ref.draft;
  e.region_code = ref.region_code;
  e.issuer_name = issuer;
  e.issued_at = now;
  return e;
}

}  // namespace

std::string public_base(const Config& cfg) { return cfg.public_url.empty() ? "http://" + cfg.listen : cfg.public_url; }

std::string format_number(const std::string& classification, int64_t seq, const std::string& office_code, int year) {
  if (classification.empty()) return fmt::format("{:04}/{}/{}", seq, office_code, year);
  return fmt::format("{}/{:04}/{}/{}", classification, seq, office_code, year);
}

std::optional<Entry> find_by_code(db::Conn& c, const std::string& code) {
  if (code.empty() || code.size() > 64) return std::nullopt;
  return one(c, "d.code = ? AND d.sha256 IS NOT NULL", {code});
}

std::optional<Entry> current_for(db::Conn& c, const std::string& kind, const std::string& ref_entity, const std::string& ref_id) {
  return one(c, "d.kind = ? AND d.ref_entity = ? AND d.ref_id = ? AND d.sha256 IS NOT NULL AND d.superseded_by IS NULL",
             {kind, ref_entity, ref_id});
}

Result<Issued> issue(db::Database& db, const auth::Scope& who, const DocumentRef& ref, const std::string& public_base,
                     const Renderer& render) {
  std::optional<Entry> cur;
  PANTAU_CHECK(db.read([&](db::Conn& c) { cur = current_for(c, ref.kind, ref.ref_entity, ref.ref_id); }));
  // The current entry's stamp (or a provisional one): proves the document can be made before
  // anything is written, and tells whether the record changed since it was issued.
  Stamp probe = cur && cur->draft == ref.draft ? stamp_of(*cur, public_base)
                                               : Stamp{ref.draft ? "" : "........", "-", verify_url(public_base, "-"), ref.draft, Clock::now()};
  PANTAU_TRY(std::string first, db.read_value<std::string>([&](db::Conn& c) { return render(c, probe); }));
  if (cur && cur->draft == ref.draft && cur->sha256 && sha256_hex(first) == *cur->sha256) return Issued{std::move(first), *cur};

  PANTAU_TRY(Entry e, db.write_value<Entry>([&](db::Conn& c) { return open_entry(c, who, ref, cur); }));
  Stamp st = stamp_of(e, public_base);
  PANTAU_TRY(std::string pdf, db.read_value<std::string>([&](db::Conn& c) { return render(c, st); }));
  e.sha256 = sha256_hex(pdf);
  e.size = static_cast<int64_t>(pdf.size());
  PANTAU_CHECK(db.write([&](db::Conn& c) -> Status {
    std::string now = now_iso();
    c.exec("UPDATE document_register SET sha256 = ?, size = ? WHERE id = ?", {*e.sha256, e.size, e.id});
    c.exec("UPDATE document_register SET superseded_by = ?, superseded_at = ? WHERE kind = ? AND ref_entity = ? AND ref_id = ? "
           "AND id <> ? AND superseded_by IS NULL AND sha256 IS NOT NULL",
           {e.id, now, ref.kind, ref.ref_entity, ref.ref_id, e.id});
    json::Out o;
    o.begin_object().kv("code", e.code).kv("kind", e.kind).kv("number", e.number).kv("draft", e.draft)
        .kv("ref_entity", e.ref_entity).kv("ref_id", e.ref_id).kv("sha256", *e.sha256).kv("size", e.size);
    o.key("supersedes");
    cur ? (void)o.value(cur->code) : (void)o.null();
    o.end_object();
    audit::append(c, who, {"issue", "document", std::to_string(e.id), ref.region_code, 0, std::nullopt, o.take()});
    return {};
  }));
  PANTAU_CHECK(db.read([&](db::Conn& c) {
    if (auto full = find_by_code(c, e.code)) e = *full;
  }));
  return Issued{std::move(pdf), e};
}

void stamp_block(report::PdfDocument& doc, const Stamp& s) {
  auto qr = report::qr_encode(s.url);
  constexpr double kSide = 74;
  doc.space(10);
  doc.drawing(kSide + 4, [&](report::Canvas& cv) {
    report::Box b = cv.box();
    cv.rect({b.x, b.y, b.width, b.height}, std::nullopt, report::Rgb{0.6, 0.6, 0.6}, 0.5);
    if (qr) report::draw_qr(cv, *qr, {b.x + 2, b.y + 2}, kSide);
    const double x = b.x + kSide + 12;
    double line = b.y + b.height - 16;
    auto put = [&](const std::string& text, double size, bool bold) {
      cv.text(x, line, text, size, bold);
      line -= size + 5;
    };
    put(s.draft ? "DRAF — bukan dokumen resmi" : "Dokumen ini terdaftar di Pantau", 9.5, true);
    put(s.draft ? "Nomor: belum bernomor (draf)" : "Nomor: " + s.number, 8.5, false);
    put("Pindai kode QR atau buka alamat berikut untuk memeriksa keasliannya:", 8, false);
    put(s.url, 8, false);
    put("Kode verifikasi: " + s.code, 8, false);
  });
}

std::string public_json(const Entry& e, std::optional<bool> identical, const std::string& uploaded_sha256) {
  json::Out o;
  o.begin_object().kv("code", e.code).kv("number", e.number).kv("draft", e.draft);
  o.key("kind").begin_object().kv("code", e.kind).kv("id", e.kind_name_id).kv("en", e.kind_name_en).end_object();
  o.kv("title", e.title).kv("issued_at", e.issued_at).kv("issuer", e.issuer_name).kv("region_code", e.region_code);
  o.kv_opt("sha256", e.sha256).kv("size", e.size).kv("superseded", e.superseded_by.has_value()).kv_opt("superseded_at", e.superseded_at);
  if (identical) {
    o.key("check").begin_object().kv("identical", *identical).kv("uploaded_sha256", uploaded_sha256).end_object();
  }
  o.end_object();
  return o.take();
}

}  // namespace pantau::documents
