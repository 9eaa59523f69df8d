// The Pokja's evidence log: items about an indicator in a region and year.
#include <fmt/format.h>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/region_code.h"
#include "core/service_clock.h"
#include "core/strings.h"
#include "core/time.h"
#include "modules/democracy/internal.h"
#include "modules/democracy/store.h"

namespace pantau::democracy {

using detail::field;

std::vector<FieldError> validate_evidence(const EvidenceInput& in) {
  std::vector<FieldError> e;
  auto level = region_level(in.region_code);
  if (level != RegionLevel::Provinsi && level != RegionLevel::KabKota && level != RegionLevel::Kecamatan)
    e.push_back(field("region_code", "region_code", "Wilayah harus provinsi, kabupaten/kota, atau kecamatan.",
                      "The region must be a province, a kab/kota or a kecamatan."));
  auto d = parse_date(in.event_date);
  if (!d) e.push_back(field("event_date", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  // Today by the region's own clock: an event at 00.30 WITA on the 7th is not in the future while UTC still says the 6th.
  else if (in.event_date > format_date(office_today(in.region_code))) e.push_back(field("event_date", "future", "Tanggal di masa depan.", "The date is in the future."));
  else if (d->year < 2009) e.push_back(field("event_date", "out_of_range", "IDI dihitung sejak 2009.", "The IDI is computed from 2009."));
  if (in.indicator_no < 1 || in.indicator_no > 22)
    e.push_back(field("indicator_no", "out_of_range", "Indikator 1 sampai 22 (metode 2021).", "Indicator 1 to 22 (2021 method)."));
  if (in.sign != 1 && in.sign != -1) e.push_back(field("sign", "not_allowed", "Pilih positif (+1) atau negatif (-1).", "Choose positive (+1) or negative (-1)."));
  if (trim(in.description).empty()) e.push_back(field("description", "required", "Uraian wajib diisi.", "The description is required."));
  if (in.description.size() > 5000) e.push_back(field("description", "too_long", "Uraian terlalu panjang.", "The description is too long."));
  if (trim(in.source).empty()) e.push_back(field("source", "required", "Sumber (berita, dokumen) wajib diisi.", "The source (news, document) is required."));
  if (in.source.size() > 1000 || in.handled_by.size() > 500) e.push_back(field("source", "too_long", "Teks terlalu panjang.", "The text is too long."));
  if (in.classification < 0 || in.classification > 2) e.push_back(field("classification", "not_allowed", "Tingkat kerahasiaan tidak dikenal.", "Unknown confidentiality level."));
  return e;
}

namespace {

Status check_evidence_scope(db::Conn& c, const auth::Scope& s, const EvidenceInput& in) {
  if (!s.covers(in.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  return {};
}

std::string evidence_audit(const EvidenceInput& in) {
  return audit::snapshot({{"indicator_no", std::to_string(in.indicator_no)}, {"sign", std::to_string(in.sign)}, {"event_date", in.event_date}});
}

// Evidence is kept down to kab/kota: an item about a kecamatan counts for its kab/kota.
EvidenceInput to_district(EvidenceInput in) {
  if (region_level(in.region_code) == RegionLevel::Kecamatan) in.region_code = in.region_code.substr(0, 5);
  return in;
}

}  // namespace

Result<int64_t> detail::insert_evidence(db::Conn& c, const auth::Scope& s, const EvidenceInput& given, const std::string& kind, int64_t source_id) {
  EvidenceInput in = to_district(given);
  auto errs = validate_evidence(in);
  if (!errs.empty()) return Error::invalid(errs);
  PANTAU_CHECK(check_evidence_scope(c, s, in));
  std::string now = now_iso();
  int64_t id = c.insert("INSERT INTO democracy_evidence (year, region_code, indicator_no, event_date, description, source, sign, handled_by, "
                        "classification, source_kind, source_id, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {int64_t{parse_date(in.event_date)->year}, in.region_code, int64_t{in.indicator_no}, in.event_date, in.description,
                         in.source, int64_t{in.sign}, in.handled_by, int64_t{in.classification},
                         kind.empty() ? db::Value() : db::Value(kind), kind.empty() ? db::Value() : db::Value(source_id), s.user_id, now, now});
  audit::append(c, s, {"create", "democracy_evidence", std::to_string(id), in.region_code, in.classification, std::nullopt, evidence_audit(in)});
  return id;
}

namespace {

constexpr const char* kEvidenceSelect =
    "SELECT e.id, e.year, e.region_code, COALESCE(g.name, ''), e.indicator_no, e.event_date, e.description, e.source, e.sign, "
    "e.handled_by, e.classification, e.source_kind, e.source_id, e.version, e.created_at FROM democracy_evidence e "
    "LEFT JOIN regions g ON g.code = e.region_code ";

Evidence evidence_from(const db::Row& r) {
  Evidence e;
  e.id = r.i64(0);
  e.year = static_cast<int>(r.i64(1));
  e.region_code = r.str(2);
  e.region_name = r.str(3);
  e.indicator_no = static_cast<int>(r.i64(4));
  e.event_date = r.str(5);
  e.description = r.str(6);
  e.source = r.str(7);
  e.sign = static_cast<int>(r.i64(8));
  e.handled_by = r.str(9);
  e.classification = static_cast<int>(r.i64(10));
  e.source_kind = r.opt_str(11);
  e.source_id = r.is_null(12) ? 0 : r.i64(12);
  e.version = r.i64(13);
  e.created_at = r.str(14);
  return e;
}

}  // namespace

Result<int64_t> create_evidence(db::Conn& c, const auth::Scope& s, const EvidenceInput& in) { return detail::insert_evidence(c, s, in, "", 0); }

db::Page<Evidence> list_evidence(db::Conn& c, const auth::Scope& s, const EvidenceFilter& f, const db::Paging& page) {
  db::Params p;
  std::string sql = std::string(kEvidenceSelect) + "WHERE " + s.record_filter("e.region_code", "e.classification", p);
  if (!f.region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = f.region;
    sql += " AND " + narrow.region_filter("e.region_code", p);
  }
  if (f.year) { sql += " AND e.year = ?"; p.emplace_back(int64_t{*f.year}); }
  if (f.indicator) { sql += " AND e.indicator_no = ?"; p.emplace_back(int64_t{*f.indicator}); }
  return db::keyset_page(c, std::move(sql), std::move(p), page, "e.id", evidence_from, db::KeyOrder::Descending);
}

std::optional<Evidence> get_evidence(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("e.region_code", "e.classification", p);
  std::optional<Evidence> out;
  c.query(std::string(kEvidenceSelect) + "WHERE e.id = ? AND " + where, p, [&](const db::Row& r) { out = evidence_from(r); });
  return out;
}

namespace {
// The current region, classification and version of an evidence item the caller may see.
std::optional<std::tuple<std::string, int, int64_t>> visible_evidence(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("region_code", "classification", p);
  std::optional<std::tuple<std::string, int, int64_t>> out;
  c.query("SELECT region_code, classification, version FROM democracy_evidence WHERE id = ? AND " + where, p,
          [&](const db::Row& r) { out = {r.str(0), static_cast<int>(r.i64(1)), r.i64(2)}; });
  return out;
}
}  // namespace

Result<Evidence> update_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const EvidenceInput& given) {
  EvidenceInput in = to_district(given);
  auto cur = visible_evidence(c, s, id);
  if (!cur) return Error::not_found("Bukti tidak ditemukan.", "Evidence item not found.");
  if (std::get<2>(*cur) != version) return Error::stale_version();
  auto errs = validate_evidence(in);
  if (!errs.empty()) return Error::invalid(errs);
  PANTAU_CHECK(check_evidence_scope(c, s, in));
  c.exec("UPDATE democracy_evidence SET year = ?, region_code = ?, indicator_no = ?, event_date = ?, description = ?, source = ?, sign = ?, "
         "handled_by = ?, classification = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
         {int64_t{parse_date(in.event_date)->year}, in.region_code, int64_t{in.indicator_no}, in.event_date, in.description, in.source,
          int64_t{in.sign}, in.handled_by, int64_t{in.classification}, now_iso(), id, version});
  audit::append(c, s, {"update", "democracy_evidence", std::to_string(id), in.region_code, in.classification, std::nullopt, evidence_audit(in)});
  auto fresh = get_evidence(c, s, id);
  if (!fresh) return Error::not_found("Bukti tidak ditemukan.", "Evidence item not found.");
  return *fresh;
}

Status delete_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version) {
  auto cur = visible_evidence(c, s, id);
  if (!cur) return Error::not_found("Bukti tidak ditemukan.", "Evidence item not found.");
  if (std::get<2>(*cur) != version) return Error::stale_version();
  // A proposal that became this item goes back to the queue, so its record is not lost.
  c.exec("UPDATE democracy_proposals SET status = 'PENDING', evidence_id = NULL, version = version + 1 WHERE evidence_id = ?", {id});
  c.exec("DELETE FROM democracy_evidence WHERE id = ?", {id});
  audit::append(c, s, {"delete", "democracy_evidence", std::to_string(id), std::get<0>(*cur), std::get<1>(*cur), std::nullopt, std::nullopt});
  return {};
}

}  // namespace pantau::democracy
