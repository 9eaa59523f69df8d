#include "modules/elections/store.h"
#include "modules/elections/public.h"

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/region_code.h"
#include "core/time.h"
#include "report/xlsx.h"

namespace pantau::elections {

namespace {

db::Value user_or_null(const auth::Scope& s) {
  return s.user_id > 0 ? db::Value(s.user_id) : db::Value();
}

// Support items page in their display order (sort_order, id): a query keyset_page cannot shape.
template <class T, class F>
Page<T> fetch_page(db::Conn& c, const std::string& sql, const db::Params& p, int limit,
                   F from_row) {
  Page<T> page;
  c.query(sql, p, [&](const db::Row& r) { page.items.push_back(from_row(r)); });
  return db::trim_page(std::move(page), limit);
}

// ---- elections ----------------------------------------------------------------------------

constexpr const char* kElectionSelect =
    "SELECT e.id, e.type, e.year, e.name, e.polling_date, e.scope_region_code, COALESCE(r.name, "
    "''), e.legal_basis, "
    "e.created_at, e.version FROM elections e LEFT JOIN regions r ON r.code = e.scope_region_code ";

Election election_from(const db::Row& r) {
  Election e;
  e.id = r.i64(0);
  e.type = r.str(1);
  e.year = r.i64(2);
  e.name = r.str(3);
  e.polling_date = r.str(4);
  e.scope_region_code = r.str(5);
  e.scope_region_name = e.scope_region_code.empty() ? "Nasional" : r.str(6);
  e.legal_basis = r.str(7);
  e.created_at = r.str(8);
  e.version = r.i64(9);
  return e;
}

// Elections a user deals with: national ones, those of an ancestor region (a provincial
// Pilkada seen from a kab/kota) and those inside the user's subtree.
std::string election_filter(const auth::Scope& s, db::Params& p) {
  if (s.national()) return "1=1";
  std::string sql = "(e.scope_region_code = ''";
  for (std::string a = region_parent(s.region_code); !a.empty(); a = region_parent(a)) {
    sql += " OR e.scope_region_code = ?";
    p.emplace_back(a);
  }
  sql += " OR " + s.region_filter("e.scope_region_code", p) + ")";
  return sql;
}

// ---- items --------------------------------------------------------------------------------

constexpr const char* kItemSelect =
    "SELECT it.id, it.code, it.description_id, it.description_en, it.legal_basis, it.confidence, "
    "it.source_note, "
    "it.effective_from, it.effective_to, it.has_amount, it.applies_to, it.sort_order, it.added_by, "
    "COALESCE(u.username, ''), it.created_at, it.version FROM support_items it LEFT JOIN users u "
    "ON u.id = it.added_by ";

SupportItem item_from(const db::Row& r) {
  SupportItem i;
  i.id = r.i64(0);
  i.code = r.str(1);
  i.description = {r.str(2), r.str(3)};
  i.legal_basis = r.str(4);
  i.confidence = r.str(5);
  i.source_note = r.str(6);
  i.effective_from = r.str(7);
  i.effective_to = r.opt_str(8);
  i.has_amount = r.i64(9) != 0;
  i.applies_to = r.str(10);
  i.sort_order = r.i64(11);
  i.added_by = r.opt_i64(12);
  i.added_by_username = r.str(13);
  i.created_at = r.str(14);
  i.version = r.i64(15);
  return i;
}

// ---- instruments --------------------------------------------------------------------------

// The current evidence of an instrument, counted by verdict.
std::string tally_column(const char* verdict) {
  return std::string(
             "(SELECT COUNT(*) FROM support_evidence v WHERE v.instrument_id = i.id AND "
             "v.superseded_by IS NULL "
             "AND v.verdict = '") +
         verdict + "')";
}

const std::string& instrument_select() {
  static const std::string sql =
      "SELECT i.id, i.election_id, e.name, i.region_code, COALESCE(r.name, ''), i.org_unit_id, "
      "o.name, i.item_id, it.code, "
      "it.description_id, it.description_en, it.legal_basis, it.has_amount, i.target, "
      "i.realisation, i.amount_rupiah, "
      "i.status, i.note, i.classification, i.created_at, i.updated_at, i.version, " +
      tally_column("ACCEPTED") + ", " + tally_column("REJECTED") + ", " +
      tally_column("INCOMPLETE") + ", " + tally_column("PENDING") +
      " FROM support_instruments i JOIN elections e ON e.id = i.election_id JOIN org_units o ON "
      "o.id = i.org_unit_id "
      "JOIN support_items it ON it.id = i.item_id LEFT JOIN regions r ON r.code = i.region_code ";
  return sql;
}

Instrument instrument_from(const db::Row& r) {
  Instrument i;
  i.id = r.i64(0);
  i.election_id = r.i64(1);
  i.election_name = r.str(2);
  i.region_code = r.str(3);
  i.region_name = r.str(4);
  i.org_unit_id = r.i64(5);
  i.org_unit_name = r.str(6);
  i.item_id = r.i64(7);
  i.item_code = r.str(8);
  i.item_description = {r.str(9), r.str(10)};
  i.legal_basis = r.str(11);
  i.has_amount = r.i64(12) != 0;
  i.target = r.str(13);
  i.realisation = r.str(14);
  i.amount_rupiah = r.opt_i64(15);
  i.status = parse_status(r.text(16)).value_or(InstrumentStatus::NotStarted);
  i.note = r.str(17);
  i.classification = static_cast<int>(r.i64(18));
  i.created_at = r.str(19);
  i.updated_at = r.str(20);
  i.version = r.i64(21);
  i.tally = {r.i64(22), r.i64(23), r.i64(24), r.i64(25)};
  return i;
}

// ---- evidence -----------------------------------------------------------------------------

constexpr const char* kEvidenceSelect =
    "SELECT v.id, v.instrument_id, v.file_id, f.name, f.mime, f.sha256, f.size, v.description, "
    "v.replaces_id, "
    "v.superseded_by, v.verdict, v.verdict_note, v.verdict_by, COALESCE(ub.username, ''), "
    "v.verdict_at, v.linked_by, "
    "COALESCE(ul.username, ''), v.linked_at, v.version, COALESCE(ul.full_name, ''), COALESCE(ub.full_name, '') "
    "FROM support_evidence v JOIN evidence_files "
    "f ON f.id = v.file_id "
    "LEFT JOIN users ub ON ub.id = v.verdict_by LEFT JOIN users ul ON ul.id = v.linked_by ";

Evidence evidence_from(const db::Row& r) {
  Evidence e;
  e.id = r.i64(0);
  e.instrument_id = r.i64(1);
  e.file_id = r.i64(2);
  e.file_name = r.str(3);
  e.file_mime = r.str(4);
  e.file_sha256 = r.str(5);
  e.file_size = r.i64(6);
  e.description = r.str(7);
  e.replaces_id = r.opt_i64(8);
  e.superseded_by = r.opt_i64(9);
  e.verdict = parse_verdict(r.text(10)).value_or(Verdict::Pending);
  e.verdict_note = r.str(11);
  e.verdict_by = r.opt_i64(12);
  e.verdict_by_username = r.str(13);
  e.verdict_at = r.opt_str(14);
  e.linked_by = r.opt_i64(15);
  e.linked_by_username = r.str(16);
  e.linked_at = r.str(17);
  e.version = r.i64(18);
  e.linked_by_name = r.str(19);
  e.verdict_by_name = r.str(20);
  return e;
}

std::optional<Evidence> evidence_of(db::Conn& c, int64_t instrument_id, int64_t evidence_id) {
  std::optional<Evidence> e;
  c.query(std::string(kEvidenceSelect) + "WHERE v.id = ? AND v.instrument_id = ?",
          {evidence_id, instrument_id}, [&](const db::Row& r) { e = evidence_from(r); });
  return e;
}

// The kind of the caller's org unit (KESBANGPOL, PERANGKAT_DAERAH, ...).
std::string unit_kind_of(db::Conn& c, const auth::Scope& s) {
  return c.query_str("SELECT kind FROM org_units WHERE id = ?", {s.org_unit_id}).value_or("");
}

Error not_found_instrument() {
  return Error::not_found("Instrumen dukungan tidak ditemukan.", "Support instrument not found.");
}

}  // namespace

// ---- elections ----------------------------------------------------------------------------

Page<Election> list_elections(db::Conn& c, const auth::Scope& s, const ListQuery& q) {
  db::Params p;
  std::string sql = std::string(kElectionSelect) + "WHERE " + election_filter(s, p);
  return db::keyset_page(c, sql, p, {q.after, q.limit}, "e.id", election_from);
}

std::optional<CurrentReadiness> current_readiness(db::Conn& c, const auth::Scope& s, int level,
                                                  const std::string& province, const std::string& today) {
  std::optional<Election> e;
  for (const char* order : {"e.polling_date >= ? ORDER BY e.polling_date, e.id", "e.polling_date < ? ORDER BY e.polling_date DESC, e.id"}) {
    db::Params p;
    std::string where = election_filter(s, p);
    p.emplace_back(today);
    c.query(std::string(kElectionSelect) + "WHERE " + where + " AND " + order + " LIMIT 1", p,
            [&](const db::Row& r) { e = election_from(r); });
    if (e) break;
  }
  if (!e) return std::nullopt;
  auto m = readiness(c, s, e->id, level, province);
  if (!m.ok()) return std::nullopt;
  CurrentReadiness out{*e, {}};
  for (const auto& [code, r] : m->regions)
    if (auto score = r.score()) out.percent[code] = *score;
  return out;
}

std::optional<Election> get_election(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Election> e;
  c.query(std::string(kElectionSelect) + "WHERE e.id = ? AND " + election_filter(s, p), p,
          [&](const db::Row& r) { e = election_from(r); });
  return e;
}

Result<Election> create_election(db::Conn& c, const auth::Scope& s, const ElectionInput& in) {
  PANTAU_CHECK(check_national_admin(s));
  if (!in.scope_region_code.empty() &&
      !c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.scope_region_code}))
    return Error::invalid_field("scope_region_code", "not_found", "Kode wilayah tidak terdaftar.",
                                "The region code does not exist.");
  if (c.query_i64(
          "SELECT 1 FROM elections WHERE type = ? AND polling_date = ? AND scope_region_code = ?",
          {in.type, in.polling_date, in.scope_region_code}))
    return Error::conflict("election.exists",
                           "Pemilihan dengan jenis, tanggal dan wilayah yang sama sudah ada.",
                           "An election of the same type, date and area already exists.");
  int64_t id = c.insert(
      "INSERT INTO elections (type, year, name, polling_date, scope_region_code, legal_basis, "
      "created_by, created_at, "
      "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {in.type, in.year, in.name, in.polling_date, in.scope_region_code, in.legal_basis,
       user_or_null(s), now_iso()});
  auto e = get_election(c, s, id);
  audit::append(c, s,
                {"create", "election", std::to_string(id), e->scope_region_code, 0, std::nullopt,
                 to_json(*e)});
  return std::move(*e);
}

// ---- items --------------------------------------------------------------------------------

Result<Page<SupportItem>> list_items(db::Conn& c, const auth::Scope& s, const ItemQuery& q) {
  db::Params p;
  std::string sql = std::string(kItemSelect) + "WHERE 1=1";
  if (q.election_id) {
    auto e = get_election(c, s, *q.election_id);
    if (!e) return Error::not_found("Pemilihan tidak ditemukan.", "Election not found.");
    sql +=
        " AND (it.applies_to = 'ALL' OR it.applies_to = ?) AND it.effective_from <= ? AND "
        "(it.effective_to IS NULL OR it.effective_to > ?)";
    p.insert(p.end(), {e->type, e->polling_date, e->polling_date});
  }
  if (q.after) {
    // Checklist order (sort_order, id); the cursor is the id of the last item seen.
    auto order = c.query_i64("SELECT sort_order FROM support_items WHERE id = ?", {*q.after});
    if (order) {
      sql += " AND (it.sort_order > ? OR (it.sort_order = ? AND it.id > ?))";
      p.insert(p.end(), {*order, *order, *q.after});
    }
  }
  sql += " ORDER BY it.sort_order, it.id LIMIT ?";
  p.emplace_back(int64_t{q.limit + 1});
  return fetch_page<SupportItem>(c, sql, p, q.limit, item_from);
}

std::optional<SupportItem> get_item(db::Conn& c, const std::string& code) {
  std::optional<SupportItem> i;
  c.query(std::string(kItemSelect) + "WHERE it.code = ?", {code},
          [&](const db::Row& r) { i = item_from(r); });
  return i;
}

Result<SupportItem> create_item(db::Conn& c, const auth::Scope& s, const ItemInput& in) {
  PANTAU_CHECK(check_national_admin(s));
  if (get_item(c, in.code))
    return Error::invalid_field("code", "taken", "Kode butir sudah dipakai.",
                                "This item code is already in use.");
  c.insert(
      "INSERT INTO support_items (code, description_id, description_en, legal_basis, confidence, "
      "source_note, "
      "effective_from, effective_to, has_amount, applies_to, sort_order, added_by, created_at, "
      "version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {in.code, in.description_id, in.description_en, in.legal_basis, in.confidence, in.source_note,
       in.effective_from, in.effective_to ? db::Value(*in.effective_to) : db::Value(),
       int64_t{in.has_amount}, in.applies_to, in.sort_order, user_or_null(s), now_iso()});
  auto i = get_item(c, in.code);
  audit::append(
      c, s, {"create", "support_item", std::to_string(i->id), "", 0, std::nullopt, to_json(*i)});
  return std::move(*i);
}

// ---- instruments --------------------------------------------------------------------------

Page<Instrument> list_instruments(db::Conn& c, const auth::Scope& s, const InstrumentQuery& q) {
  db::Params p;
  std::string sql =
      instrument_select() + "WHERE " + s.record_filter("i.region_code", "i.classification", p);
  if (q.election_id) {
    sql += " AND i.election_id = ?";
    p.emplace_back(*q.election_id);
  }
  if (!q.region_code.empty()) {
    sql += " AND i.region_code = ?";
    p.emplace_back(q.region_code);
  }
  if (q.org_unit_id) {
    sql += " AND i.org_unit_id = ?";
    p.emplace_back(*q.org_unit_id);
  }
  if (!q.status.empty()) {
    sql += " AND i.status = ?";
    p.emplace_back(q.status);
  }
  if (q.needs_action) {
    sql += std::string(*q.needs_action ? " AND EXISTS" : " AND NOT EXISTS") +
           " (SELECT 1 FROM support_evidence v WHERE v.instrument_id = i.id AND v.superseded_by IS "
           "NULL "
           "AND v.verdict IN ('REJECTED', 'INCOMPLETE'))";
  }
  return db::keyset_page(c, sql, p, {q.after, q.limit}, "i.id", instrument_from);
}

std::optional<Instrument> get_instrument(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::optional<Instrument> i;
  c.query(instrument_select() + "WHERE i.id = ? AND " +
              s.record_filter("i.region_code", "i.classification", p),
          p, [&](const db::Row& r) { i = instrument_from(r); });
  return i;
}

std::vector<Evidence> list_evidence(db::Conn& c, const auth::Scope& s, int64_t instrument_id) {
  std::vector<Evidence> out;
  if (!get_instrument(c, s, instrument_id)) return out;
  c.query(std::string(kEvidenceSelect) + "WHERE v.instrument_id = ? ORDER BY v.id", {instrument_id},
          [&](const db::Row& r) { out.push_back(evidence_from(r)); });
  return out;
}

Result<Instrument> create_instrument(db::Conn& c, const auth::Scope& s, const InstrumentInput& in) {
  auto election = get_election(c, s, in.election_id);
  if (!election)
    return Error::invalid_field("election_id", "not_found", "Pemilihan tidak ditemukan.",
                                "Election not found.");
  db::Params p{in.org_unit_id};
  std::optional<std::string> unit_region, unit_kind;
  c.query("SELECT region_code, kind FROM org_units o WHERE o.id = ? AND " +
              s.region_filter("o.region_code", p),
          p, [&](const db::Row& r) {
            unit_region = r.str(0);
            unit_kind = r.str(1);
          });
  if (!unit_region)
    return Error::invalid_field("org_unit_id", "not_found",
                                "Perangkat Daerah tidak ditemukan dalam cakupan Anda.",
                                "The Perangkat Daerah was not found in your scope.");
  if (*unit_kind != "PERANGKAT_DAERAH")
    return Error::invalid_field("org_unit_id", "not_perangkat_daerah",
                                "Instrumen dukungan hanya ditugaskan kepada Perangkat Daerah.",
                                "Support instruments are assigned to Perangkat Daerah only.");
  PANTAU_CHECK(check_owner(s, unit_kind_of(c, s), *unit_region, s.org_unit_id == in.org_unit_id,
                           OwnerAction::Assign));
  PANTAU_CHECK(check_election_area(*election, *unit_region));
  auto item = get_item(c, in.item_code);
  if (!item)
    return Error::invalid_field("item_code", "not_found", "Butir dukungan tidak dikenal.",
                                "Unknown checklist item.");
  PANTAU_CHECK(check_item_applies(*item, *election));
  PANTAU_CHECK(check_instrument_values(item->has_amount, in.amount_rupiah, in.status, in.note));
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_own",
                                "Tingkat kerahasiaan ini di atas tingkat akses Anda.",
                                "This confidentiality level is above your clearance.");
  if (c.query_i64("SELECT 1 FROM support_instruments WHERE election_id = ? AND region_code = ? AND "
                  "org_unit_id = ? "
                  "AND item_id = ?",
                  {in.election_id, *unit_region, in.org_unit_id, item->id}))
    return Error::conflict(
        "instrument.exists",
        "Butir ini sudah ditugaskan kepada Perangkat Daerah tersebut untuk pemilihan ini.",
        "This item is already assigned to that Perangkat Daerah for this election.");
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO support_instruments (election_id, region_code, org_unit_id, item_id, target, "
      "realisation, amount_rupiah, "
      "status, note, classification, assigned_by, created_at, updated_at, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {in.election_id, *unit_region, in.org_unit_id, item->id, in.target, in.realisation,
       in.amount_rupiah ? db::Value(*in.amount_rupiah) : db::Value(), std::string(name(in.status)),
       in.note, int64_t{in.classification}, user_or_null(s), now, now});
  auto inst = get_instrument(c, s, id);
  audit::append(c, s,
                {"create", "support_instrument", std::to_string(id), inst->region_code,
                 inst->classification, std::nullopt, to_json(*inst)});
  return std::move(*inst);
}

Result<Instrument> update_instrument(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version,
                                     const InstrumentPatch& in) {
  auto before = get_instrument(c, s, id);
  if (!before) return not_found_instrument();
  PANTAU_CHECK(check_owner(s, unit_kind_of(c, s), before->region_code,
                           s.org_unit_id == before->org_unit_id, OwnerAction::Report));
  if (before->version != version) return Error::stale_version();
  Instrument after = *before;
  if (in.target) after.target = *in.target;
  if (in.realisation) after.realisation = *in.realisation;
  if (in.note) after.note = *in.note;
  if (in.status) after.status = *in.status;
  if (in.clear_amount)
    after.amount_rupiah.reset();
  else if (in.amount_rupiah)
    after.amount_rupiah = in.amount_rupiah;
  if (in.classification) after.classification = *in.classification;
  PANTAU_CHECK(
      check_instrument_values(after.has_amount, after.amount_rupiah, after.status, after.note));
  if (!s.cleared_for(after.classification))
    return Error::invalid_field("classification", "above_own",
                                "Tingkat kerahasiaan ini di atas tingkat akses Anda.",
                                "This confidentiality level is above your clearance.");
  // Everyone who may see the instrument must be able to open its evidence.
  int64_t highest = c.query_i64(
                         "SELECT MAX(f.classification) FROM support_evidence v JOIN evidence_files "
                         "f ON f.id = v.file_id "
                         "WHERE v.instrument_id = ?",
                         {id})
                        .value_or(0);
  if (after.classification < highest)
    return Error::invalid_field(
        "classification", "below_evidence",
        "Tingkat kerahasiaan tidak boleh lebih rendah daripada berkas data dukungnya.",
        "The classification cannot be lower than that of its evidence files.");
  int64_t n = c.exec(
      "UPDATE support_instruments SET target = ?, realisation = ?, amount_rupiah = ?, status = ?, "
      "note = ?, "
      "classification = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
      {after.target, after.realisation,
       after.amount_rupiah ? db::Value(*after.amount_rupiah) : db::Value(),
       std::string(name(after.status)), after.note, int64_t{after.classification}, now_iso(), id,
       version});
  if (n == 0) return Error::stale_version();
  auto fresh = get_instrument(c, s, id);
  audit::append(c, s,
                {"update", "support_instrument", std::to_string(id), fresh->region_code,
                 fresh->classification, to_json(*before), to_json(*fresh)});
  return std::move(*fresh);
}

// ---- evidence -----------------------------------------------------------------------------

Result<Evidence> link_evidence(db::Conn& c, const auth::Scope& s, int64_t instrument_id,
                               const EvidenceInput& in) {
  auto inst = get_instrument(c, s, instrument_id);
  if (!inst) return not_found_instrument();
  PANTAU_CHECK(check_owner(s, unit_kind_of(c, s), inst->region_code,
                           s.org_unit_id == inst->org_unit_id, OwnerAction::Report));
  db::Params p{in.file_id};
  struct File {
    std::string region, entity, entity_id;
    int classification = 0;
  };
  std::optional<File> f;
  c.query(
      "SELECT region_code, entity, entity_id, classification FROM evidence_files WHERE id = ? "
      "AND " +
          s.record_filter("region_code", "classification", p),
      p, [&](const db::Row& r) {
        f = File{r.str(0), r.str(1), r.str(2), static_cast<int>(r.i64(3))};
      });
  if (!f)
    return Error::invalid_field("file_id", "not_found", "Berkas tidak ditemukan.",
                                "The file was not found.");
  if (f->entity != "support_instrument" || f->entity_id != std::to_string(instrument_id) ||
      f->region != inst->region_code)
    return Error::invalid_field("file_id", "other_record",
                                "Berkas ini tidak diunggah untuk instrumen ini. Unggah dengan "
                                "entity=support_instrument, entity_id dan region_code instrumen.",
                                "This file was not uploaded for this instrument. Upload it with "
                                "entity=support_instrument and the instrument's "
                                "entity_id and region_code.");
  if (f->classification > inst->classification)
    return Error::invalid_field("file_id", "above_instrument",
                                "Tingkat kerahasiaan berkas lebih tinggi daripada instrumennya.",
                                "The file is classified higher than its instrument.");
  if (c.query_i64("SELECT 1 FROM support_evidence WHERE file_id = ?", {in.file_id}))
    return Error::conflict("evidence.linked", "Berkas ini sudah ditautkan sebagai data dukung.",
                           "This file is already linked as evidence.");
  std::optional<Evidence> old;
  if (in.replaces) {
    old = evidence_of(c, instrument_id, *in.replaces);
    if (!old)
      return Error::invalid_field("replaces", "not_found",
                                  "Data dukung yang diganti tidak ditemukan pada instrumen ini.",
                                  "The evidence to replace was not found on this instrument.");
    PANTAU_CHECK(check_replacement(*old));
  }
  int64_t id = c.insert(
      "INSERT INTO support_evidence (instrument_id, file_id, description, replaces_id, verdict, "
      "verdict_note, linked_by, "
      "linked_at, version) VALUES (?, ?, ?, ?, 'PENDING', '', ?, ?, 1)",
      {instrument_id, in.file_id, in.description,
       in.replaces ? db::Value(*in.replaces) : db::Value(), user_or_null(s), now_iso()});
  if (old) {
    c.exec("UPDATE support_evidence SET superseded_by = ?, version = version + 1 WHERE id = ?",
           {id, old->id});
    auto replaced = evidence_of(c, instrument_id, old->id);
    audit::append(c, s,
                  {"supersede", "support_evidence", std::to_string(old->id), inst->region_code,
                   inst->classification, to_json(*old), to_json(*replaced)});
  }
  auto e = evidence_of(c, instrument_id, id);
  audit::append(c, s,
                {"create", "support_evidence", std::to_string(id), inst->region_code,
                 inst->classification, std::nullopt, to_json(*e)});
  return std::move(*e);
}

Result<Evidence> give_verdict(db::Conn& c, const auth::Scope& s, int64_t instrument_id,
                              int64_t evidence_id, std::optional<int64_t> version,
                              std::string_view verdict, const std::string& note) {
  auto inst = get_instrument(c, s, instrument_id);
  if (!inst) return not_found_instrument();
  auto before = evidence_of(c, instrument_id, evidence_id);
  if (!before) return Error::not_found("Data dukung tidak ditemukan.", "Evidence not found.");
  PANTAU_TRY(Verdict v,
             check_verdict(s, inst->region_code, !before->active(), verdict, !note.empty()));
  if (version && *version != before->version) return Error::stale_version();
  int64_t n = c.exec(
      "UPDATE support_evidence SET verdict = ?, verdict_note = ?, verdict_by = ?, verdict_at = ?, "
      "version = version + 1 "
      "WHERE id = ? AND version = ?",
      {std::string(name(v)), note, user_or_null(s), now_iso(), evidence_id, before->version});
  if (n == 0) return Error::stale_version();
  auto after = evidence_of(c, instrument_id, evidence_id);
  audit::append(c, s,
                {"verdict", "support_evidence", std::to_string(evidence_id), inst->region_code,
                 inst->classification, to_json(*before), to_json(*after)});
  return std::move(*after);
}

// ---- readiness ----------------------------------------------------------------------------

Result<ReadinessMap> readiness(db::Conn& c, const auth::Scope& s, int64_t election_id, int level,
                               const std::string& province) {
  if (!get_election(c, s, election_id))
    return Error::not_found("Pemilihan tidak ditemukan.", "Election not found.");
  ReadinessMap m;
  m.level = level;
  m.province = province;
  int width = level == 1 ? 2 : 5;
  db::Params p{election_id};
  std::string where =
      "i.election_id = ? AND " + s.record_filter("i.region_code", "i.classification", p);
  if (level == 2) {
    where += " AND i.region_code >= ? AND i.region_code < ?";
    p.insert(p.end(), {province + ".", province + "/"});
  }
  // SQL only counts; whether a class of instruments is complete is decided by the rules.
  std::string sql =
      "SELECT g, status, has_reason, CASE WHEN n = 0 THEN 0 WHEN a = n THEN 2 ELSE 1 END, COUNT(*) "
      "FROM ("
      "SELECT substr(i.region_code, 1, " +
      std::to_string(width) +
      ") AS g, i.status AS status, "
      "CASE WHEN i.note <> '' THEN 1 ELSE 0 END AS has_reason, "
      "(SELECT COUNT(*) FROM support_evidence v WHERE v.instrument_id = i.id AND v.superseded_by "
      "IS NULL) AS n, " +
      tally_column("ACCEPTED") + " AS a FROM support_instruments i WHERE " + where +
      ") x GROUP BY 1, 2, 3, 4";
  c.query(sql, p, [&](const db::Row& r) {
    std::string code = r.str(0);
    if (!s.covers(code)) return;  // a value only for regions the caller sees entirely
    EvidenceTally t;
    int64_t ev = r.i64(3);
    if (ev == 2)
      t.accepted = 1;
    else if (ev == 1)
      t.pending = 1;  // some evidence is not (yet) accepted
    m.regions[code].add(parse_status(r.text(1)).value_or(InstrumentStatus::NotStarted),
                        r.i64(2) != 0, t, r.i64(4));
  });
  return m;
}

// ---- checklist workbook -------------------------------------------------------------------

namespace {

std::string_view status_label(InstrumentStatus s) {
  switch (s) {
    case InstrumentStatus::NotStarted:
      return "Belum dimulai";
    case InstrumentStatus::InProgress:
      return "Sedang berjalan";
    case InstrumentStatus::Done:
      return "Selesai";
    case InstrumentStatus::NotApplicable:
      return "Tidak berlaku";
  }
  return "";
}

std::string_view state_label(ChecklistState s) {
  switch (s) {
    case ChecklistState::NotApplicable:
      return "Tidak berlaku";
    case ChecklistState::Complete:
      return "Lengkap";
    case ChecklistState::NeedsAction:
      return "Perlu perbaikan";
    case ChecklistState::AwaitingReview:
      return "Menunggu verifikasi";
    case ChecklistState::NoEvidence:
      return "Belum ada data dukung";
  }
  return "";
}

}  // namespace

std::string checklist_file_name(const auth::Scope& s, int64_t election_id) {
  return "dukungan-pemilihan-" + std::to_string(election_id) + "-" +
         (s.national() ? std::string("nasional") : s.region_code) + ".xlsx";
}

Result<std::string> checklist_xlsx(db::Conn& c, const auth::Scope& s, int64_t election_id) {
  auto e = get_election(c, s, election_id);
  if (!e) return Error::not_found("Pemilihan tidak ditemukan.", "Election not found.");
  std::string area =
      s.national()
          ? std::string("Nasional")
          : c.query_str("SELECT name FROM regions WHERE code = ?", {s.region_code}).value_or("") +
                " (" + s.region_code + ")";
  report::XlsxWorkbook wb({"Daftar Periksa Dukungan Pemerintah Daerah - " + e->name, "",
                           "Dukungan pemerintah daerah terhadap pemilihan", std::nullopt});
  wb.add_sheet("Daftar Periksa");
  std::string upper = e->name;
  for (char& ch : upper)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  wb.title("DAFTAR PERIKSA DUKUNGAN PEMERINTAH DAERAH TERHADAP " + upper);
  wb.title("Hari pemungutan suara: " + e->polling_date + "; wilayah: " + area +
           "; dasar hukum: UU 7/2017 Pasal 434" +
           (e->legal_basis.empty() ? std::string() : "; " + e->legal_basis));
  wb.header({"No", "Kode Wilayah", "Wilayah", "Perangkat Daerah", "Kode Butir", "Butir Dukungan",
             "Dasar Hukum", "Target", "Realisasi", "Anggaran (Rp)", "Status Pelaksanaan",
             "Data Dukung", "Diterima", "Ditolak", "Belum Lengkap", "Menunggu Verifikasi",
             "Keadaan", "Catatan"});
  db::Params p{election_id};
  std::string sql = instrument_select() + "WHERE i.election_id = ? AND " +
                    s.record_filter("i.region_code", "i.classification", p) +
                    " ORDER BY i.region_code, o.name, it.sort_order, it.code, i.id";
  int64_t no = 0, complete = 0, applicable = 0;
  c.query(sql, p, [&](const db::Row& r) {
    Instrument i = instrument_from(r);
    bool has_reason = !i.note.empty();
    if (is_applicable(i.status, has_reason)) {
      ++applicable;
      if (is_complete(i.status, has_reason, i.tally)) ++complete;
    }
    wb.row(
        {report::XlsxCell::integer(++no), i.region_code, i.region_name, i.org_unit_name,
         i.item_code, i.item_description.id, i.legal_basis, i.target, i.realisation,
         i.amount_rupiah ? report::XlsxCell::rupiah(*i.amount_rupiah) : report::XlsxCell(),
         status_label(i.status), report::XlsxCell::integer(i.tally.total()),
         report::XlsxCell::integer(i.tally.accepted), report::XlsxCell::integer(i.tally.rejected),
         report::XlsxCell::integer(i.tally.incomplete), report::XlsxCell::integer(i.tally.pending),
         state_label(checklist_state(i.status, has_reason, i.tally)), i.note});
  });
  auto score = readiness_score(complete, applicable);
  wb.row({});
  wb.row({report::XlsxCell(), "Kesiapan",
          score ? std::to_string(*score) + "% (" + std::to_string(complete) + " dari " +
                      std::to_string(applicable) + " butir yang berlaku lengkap)"
                : std::string("belum ada butir yang berlaku")});
  wb.column_widths({5, 10, 24, 36, 22, 44, 24, 30, 30, 18, 16, 10, 10, 10, 12, 12, 20, 36});
  return wb.finish();
}

}  // namespace pantau::elections
