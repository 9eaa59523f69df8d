#include "modules/foreigners/store.h"

#include <algorithm>
#include <map>
#include <set>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "modules/actors/public.h"
#include "report/xlsx.h"

namespace pantau::foreigners {

namespace {

FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}
db::Value text_or_null(const std::string& v) { return v.empty() ? db::Value() : db::Value(v); }
bool in_set(const std::vector<std::string_view>& set, std::string_view v) { return std::find(set.begin(), set.end(), v) != set.end(); }

void check_date(std::vector<FieldError>& e, const char* name, const std::string& v, bool required) {
  if (v.empty()) {
    if (required) e.push_back(field(name, "required", "Tanggal wajib diisi.", "The date is required."));
  } else if (!parse_date(v)) {
    e.push_back(field(name, "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  }
}

void append_audit(db::Conn& c, const auth::Scope& s, const std::string& action, const std::string& entity, int64_t id,
                  const std::string& region, int classification, std::string snapshot) {
  audit::append(c, s, {action, entity, std::to_string(id), region, classification, std::nullopt, std::move(snapshot)});
}

int reminder_days(db::Conn& c, const char* code, Date today, int fallback) {
  auto v = c.query_i64("SELECT days_before FROM foreign_reminder_rules WHERE code = ? AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
                       {std::string(code), format_date(today)});
  return v ? static_cast<int>(*v) : fallback;
}

}  // namespace

// A presence the caller may see: any of its regions lies in the caller's area.
std::string presence_visible(const auth::Scope& s, const std::string& alias, db::Params& p) {
  std::string sql = alias + ".classification <= ?";
  p.emplace_back(int64_t{s.clearance});
  if (s.national()) return sql;
  return sql + " AND EXISTS (SELECT 1 FROM foreign_presence_regions pr WHERE pr.presence_id = " + alias + ".id AND " +
         s.region_filter("pr.region_code", p) + ")";
}

std::string passport_for(const auth::Scope& s, int id_classification, std::string_view passport) {
  return s.cleared_for(id_classification) ? std::string(passport) : actors::mask_identifier(passport);
}


std::vector<FieldError> validate(const PersonInput& in) {
  std::vector<FieldError> e;
  if (in.full_name.empty()) e.push_back(field("full_name", "required", "Nama lengkap wajib diisi.", "The full name is required."));
  if (!valid_nationality(in.nationality))
    e.push_back(field("nationality", "invalid", "Kewarganegaraan: kode tiga huruf ISO 3166 (bukan IDN).", "Nationality: a three-letter ISO 3166 code (not IDN)."));
  if (!actors::valid_passport(in.passport_no))
    e.push_back(field("passport_no", "invalid", "Nomor paspor 5-12 huruf/angka.", "The passport number has 5-12 letters or digits."));
  if (!in_set(kPermitTypes, in.permit_type))
    e.push_back(field("permit_type", "not_allowed", "Pilih jenis izin tinggal.", "Choose the stay permit type."));
  if (!in.sex.empty() && in.sex != "L" && in.sex != "P") e.push_back(field("sex", "not_allowed", "Pilih L atau P.", "Choose L or P."));
  check_date(e, "birth_date", in.birth_date, false);
  check_date(e, "passport_expiry", in.passport_expiry, false);
  check_date(e, "permit_valid_from", in.permit_valid_from, false);
  check_date(e, "permit_valid_to", in.permit_valid_to, in.permit_type == "KITAS" || in.permit_type == "KITAP");
  if (!in.permit_valid_from.empty() && !in.permit_valid_to.empty() && in.permit_valid_to < in.permit_valid_from)
    e.push_back(field("permit_valid_to", "before_start", "Akhir izin sebelum awalnya.", "The permit ends before it starts."));
  if (in.region_code.empty() || region_level(in.region_code) == RegionLevel::Invalid)
    e.push_back(field("region_code", "region_code", "Kode wilayah tidak valid.", "Invalid region code."));
  if (in.id_classification < 0 || in.id_classification > 2 || in.classification < 0 || in.classification > 2)
    e.push_back(field("classification", "out_of_range", "Tingkat kerahasiaan tidak dikenal.", "Unknown confidentiality level."));
  return e;
}

Result<int64_t> create_person(db::Conn& c, const auth::Scope& s, const PersonInput& in) {
  if (!s.covers(in.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  if (c.query_i64("SELECT 1 FROM foreign_persons WHERE passport_no = ? AND nationality = ?", {in.passport_no, in.nationality}))
    return Error::conflict("foreigners.duplicate_passport", "Orang asing dengan paspor ini sudah terdaftar.",
                           "A foreigner with this passport is already registered.");
  int64_t actor = actors::find_or_create_person(c, s, {in.full_name, "", in.passport_no, in.nationality, in.region_code});
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO foreign_persons (actor_id, full_name, name_key, sex, birth_date, nationality, passport_no, passport_expiry, permit_type, "
      "permit_no, permit_valid_from, permit_valid_to, sponsor_name, sponsor_type, sponsor_address, occupation, region_code, classification, "
      "id_classification, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {actor, in.full_name, actors::name_key(in.full_name), in.sex, text_or_null(in.birth_date), in.nationality, in.passport_no,
       text_or_null(in.passport_expiry), in.permit_type, in.permit_no, text_or_null(in.permit_valid_from), text_or_null(in.permit_valid_to),
       in.sponsor_name, in.sponsor_type, in.sponsor_address, in.occupation, in.region_code, int64_t{in.classification},
       int64_t{in.id_classification}, s.user_id, now, now});
  PANTAU_CHECK(actors::link(c, s, actor, {"foreigners", "foreign_person", std::to_string(id), "FOREIGN_NATIONAL",
                                          in.full_name + " (" + in.nationality + ", " + in.permit_type + ")", in.region_code,
                                          in.classification}, false));
  append_audit(c, s, "create", "foreign_person", id, in.region_code, std::max(in.classification, in.id_classification),
               audit::snapshot({{"full_name", in.full_name}, {"nationality", in.nationality}, {"permit_type", in.permit_type}}));
  return id;
}

namespace {

// The stored values of a person the caller may see (region and classification), as an input.
struct StoredPerson {
  PersonInput in;
  int64_t actor_id = 0, version = 0;
};
std::optional<StoredPerson> stored_person(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.record_filter("f.region_code", "f.classification", p);
  std::optional<StoredPerson> out;
  c.query("SELECT f.full_name, f.sex, f.birth_date, f.nationality, f.passport_no, f.passport_expiry, f.permit_type, f.permit_no, "
          "f.permit_valid_from, f.permit_valid_to, f.sponsor_name, f.sponsor_type, f.sponsor_address, f.occupation, f.region_code, "
          "f.classification, f.id_classification, f.actor_id, f.version FROM foreign_persons f WHERE f.id = ? AND " + where,
          p, [&](const db::Row& r) {
            StoredPerson& x = out.emplace();
            PersonInput& v = x.in;
            std::string* text[] = {&v.full_name, &v.sex, &v.birth_date, &v.nationality, &v.passport_no, &v.passport_expiry,
                                   &v.permit_type, &v.permit_no, &v.permit_valid_from, &v.permit_valid_to, &v.sponsor_name,
                                   &v.sponsor_type, &v.sponsor_address, &v.occupation, &v.region_code};
            for (int i = 0; i < 15; ++i) *text[i] = r.opt_str(i).value_or("");
            v.classification = static_cast<int>(r.i64(15));
            v.id_classification = static_cast<int>(r.i64(16));
            x.actor_id = r.i64(17);
            x.version = r.i64(18);
          });
  return out;
}

// The person's fields by name, for laying a patch over the stored values and listing changes.
using PersonText = std::string PersonInput::*;
constexpr std::pair<const char*, PersonText> kPersonText[] = {
    {"full_name", &PersonInput::full_name}, {"sex", &PersonInput::sex}, {"birth_date", &PersonInput::birth_date},
    {"nationality", &PersonInput::nationality}, {"passport_no", &PersonInput::passport_no},
    {"passport_expiry", &PersonInput::passport_expiry}, {"permit_type", &PersonInput::permit_type},
    {"permit_no", &PersonInput::permit_no}, {"permit_valid_from", &PersonInput::permit_valid_from},
    {"permit_valid_to", &PersonInput::permit_valid_to}, {"sponsor_name", &PersonInput::sponsor_name},
    {"sponsor_type", &PersonInput::sponsor_type}, {"sponsor_address", &PersonInput::sponsor_address},
    {"occupation", &PersonInput::occupation}, {"region_code", &PersonInput::region_code}};
using OrgText = std::string OrgInput::*;
constexpr std::pair<const char*, OrgText> kOrgText[] = {
    {"name", &OrgInput::name}, {"country", &OrgInput::country}, {"legal_form", &OrgInput::legal_form},
    {"mofa_rec_no", &OrgInput::mofa_rec_no}, {"mofa_rec_date", &OrgInput::mofa_rec_date},
    {"partner_agency", &OrgInput::partner_agency}, {"mou_no", &OrgInput::mou_no}, {"mou_date", &OrgInput::mou_date},
    {"mou_valid_to", &OrgInput::mou_valid_to}, {"sectors", &OrgInput::sectors}, {"funding_source", &OrgInput::funding_source},
    {"local_office", &OrgInput::local_office}, {"region_code", &OrgInput::region_code}};

bool named(const std::vector<std::string>& fields, std::string_view f) {
  return std::find(fields.begin(), fields.end(), f) != fields.end();
}
audit::SnapshotValue text_value(const std::string& v) { return v.empty() ? audit::SnapshotValue(nullptr) : audit::SnapshotValue(v); }

// The checks of a new region and classification shared by both edits (as on create).
Status check_place(db::Conn& c, const auth::Scope& s, const std::string& region, const std::string& old_region, int classification) {
  if (region != old_region) {
    if (!s.covers(region)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
    if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {region}))
      return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  }
  if (!s.cleared_for(classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  return {};
}

void audit_update(db::Conn& c, const auth::Scope& s, const std::string& entity, int64_t id, const std::string& region,
                  int classification, const std::vector<Change>& changes) {
  audit::append(c, s, {"update", entity, std::to_string(id), region, classification, changes_json(changes, false),
                       changes_json(changes, true)});
}

}  // namespace

Status update_person(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const PersonPatch& patch) {
  auto stored = stored_person(c, s, id);
  if (!stored) return Error::not_found("Orang asing tidak ditemukan.", "Foreigner not found.");
  if (stored->version != version) return Error::stale_version();
  const PersonInput& old = stored->in;
  // The passport is confidential: a caller who may not read it may not overwrite it nor its level.
  if (!s.cleared_for(old.id_classification) && (named(patch.fields, "passport_no") || named(patch.fields, "id_classification")))
    return Error::forbidden("Anda tidak berwenang mengubah nomor paspor orang asing ini.",
                            "You are not cleared to change this foreigner's passport number.");
  PersonInput in = old;
  for (auto [name, member] : kPersonText)
    if (named(patch.fields, name)) in.*member = patch.values.*member;
  if (named(patch.fields, "classification")) in.classification = patch.values.classification;
  if (named(patch.fields, "id_classification")) in.id_classification = patch.values.id_classification;
  auto e = validate(in);
  if (!e.empty()) return Error::invalid(e);
  PANTAU_CHECK(check_place(c, s, in.region_code, old.region_code, in.classification));

  std::vector<Change> changes;
  for (auto [name, member] : kPersonText)
    if (old.*member != in.*member) changes.push_back({name, text_value(old.*member), text_value(in.*member)});
  if (old.classification != in.classification)
    changes.push_back({"classification", int64_t{old.classification}, int64_t{in.classification}});
  if (old.id_classification != in.id_classification)
    changes.push_back({"id_classification", int64_t{old.id_classification}, int64_t{in.id_classification}});
  if (changes.empty()) return {};

  bool identity = in.passport_no != old.passport_no || in.nationality != old.nationality;
  if (identity && c.query_i64("SELECT 1 FROM foreign_persons WHERE passport_no = ? AND nationality = ? AND id <> ?",
                              {in.passport_no, in.nationality, id}))
    return Error::conflict("foreigners.duplicate_passport", "Orang asing dengan paspor ini sudah terdaftar.",
                           "A foreigner with this passport is already registered.");
  // The role follows the passport: a new passport (or nationality) is the actor of that passport.
  int64_t actor = identity ? actors::find_or_create_person(c, s, {in.full_name, "", in.passport_no, in.nationality, in.region_code})
                           : stored->actor_id;
  std::string now = now_iso();
  c.exec("UPDATE foreign_persons SET actor_id = ?, full_name = ?, name_key = ?, sex = ?, birth_date = ?, nationality = ?, passport_no = ?, "
         "passport_expiry = ?, permit_type = ?, permit_no = ?, permit_valid_from = ?, permit_valid_to = ?, sponsor_name = ?, "
         "sponsor_type = ?, sponsor_address = ?, occupation = ?, region_code = ?, classification = ?, id_classification = ?, "
         "version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
         {actor, in.full_name, actors::name_key(in.full_name), in.sex, text_or_null(in.birth_date), in.nationality, in.passport_no,
          text_or_null(in.passport_expiry), in.permit_type, in.permit_no, text_or_null(in.permit_valid_from),
          text_or_null(in.permit_valid_to), in.sponsor_name, in.sponsor_type, in.sponsor_address, in.occupation, in.region_code,
          int64_t{in.classification}, int64_t{in.id_classification}, now, id, version});
  std::string key = std::to_string(id);
  if (actor != stored->actor_id) actors::unlink(c, "foreign_person", key);
  // Refreshes the role's label, region and classification (and moves it to the new actor, audited).
  PANTAU_CHECK(actors::link(c, s, actor, {"foreigners", "foreign_person", key, "FOREIGN_NATIONAL",
                                          in.full_name + " (" + in.nationality + ", " + in.permit_type + ")", in.region_code,
                                          in.classification}, actor != stored->actor_id));
  bool passport_changed = old.passport_no != in.passport_no || old.id_classification != in.id_classification;
  int level = std::max(in.classification, passport_changed ? std::max({in.id_classification, old.id_classification}) : 0);
  audit_update(c, s, "foreign_person", id, in.region_code, level, changes);
  return {};
}

db::Page<PersonSummary> list_persons(db::Conn& c, const auth::Scope& s, const PersonFilter& f, Date today) {
  db::Params p;
  std::string sql = "SELECT f.id, f.full_name, f.nationality, f.passport_no, f.id_classification, f.permit_type, f.permit_valid_to, "
                    "f.sponsor_name, f.region_code, COALESCE(g.name, ''), f.actor_id, f.version FROM foreign_persons f "
                    "LEFT JOIN regions g ON g.code = f.region_code WHERE " + s.record_filter("f.region_code", "f.classification", p);
  if (!f.nationality.empty()) { sql += " AND f.nationality = ?"; p.emplace_back(f.nationality); }
  std::string q = trim(f.q);
  if (!q.empty()) {
    std::string upper = q;
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    std::string key = actors::name_key(q);
    // The page's ids first, cut to the page inside the index: the name prefix range of
    // foreign_persons_name (name_key, region_code, classification, id) checks the viewer's
    // region and clearance in the index entry, so a kab/kota office does not read the row of
    // every person of the country whose name starts so, and the newest `limit + 1` are sorted
    // from the entries alone. A passport number (exact, viewers cleared to see it only) is a
    // second branch of the same list.
    auto branch = [&](const std::string& alias, const std::string& cond, std::initializer_list<std::string> values) {
      std::string b = "SELECT " + alias + ".id FROM foreign_persons " + alias + " WHERE " + cond;
      for (auto& v : values) p.emplace_back(v);
      b += " AND " + s.record_filter(alias + ".region_code", alias + ".classification", p);
      if (!f.nationality.empty()) { b += " AND " + alias + ".nationality = ?"; p.emplace_back(f.nationality); }
      if (f.page.after) { b += " AND " + alias + ".id < ?"; p.emplace_back(*f.page.after); }
      return b;
    };
    std::string ids = branch("f2", "f2.name_key >= ? AND f2.name_key < ?", {key, key + "{"});
    if (s.cleared_for(actors::kIdentifierClearance) && actors::valid_passport(upper))
      ids += " UNION " + branch("f3", "f3.passport_no = ?", {upper});
    ids += " ORDER BY 1 DESC LIMIT ?";
    p.emplace_back(int64_t{f.page.limit} + 1);
    sql += " AND f.id IN (" + ids + ")";
  }
  return db::keyset_page(c, std::move(sql), std::move(p), f.page, "f.id", [&](const db::Row& r) {
    PersonSummary x;
    std::optional<Date> to = r.is_null(6) ? std::nullopt : parse_date(r.text(6));
    int idc = static_cast<int>(r.i64(4));
    x.id = r.i64(0);
    x.full_name = r.str(1);
    x.nationality = r.str(2);
    x.passport_no = passport_for(s, idc, r.text(3));
    x.passport_masked = !s.cleared_for(idc);
    x.permit_type = r.str(5);
    x.permit_valid_to = r.opt_str(6);
    x.permit_state = std::string(name(permit_state(to, today, 30, 7)));
    x.sponsor_name = r.str(7);
    x.region_code = r.str(8);
    x.region_name = r.str(9);
    x.actor_id = r.i64(10);
    x.version = r.i64(11);
    return x;
  }, db::KeyOrder::Descending);
}

std::optional<Person> get_person(db::Conn& c, const auth::Scope& s, int64_t id, Date today) {
  db::Params p{id};
  std::string where = s.record_filter("f.region_code", "f.classification", p);
  std::optional<Person> out;
  c.query("SELECT f.id, f.full_name, f.sex, f.birth_date, f.nationality, f.passport_no, f.passport_expiry, f.permit_type, f.permit_no, "
          "f.permit_valid_from, f.permit_valid_to, f.sponsor_name, f.sponsor_type, f.sponsor_address, f.occupation, f.region_code, "
          "COALESCE(g.name, ''), f.classification, f.id_classification, f.actor_id, f.version FROM foreign_persons f "
          "LEFT JOIN regions g ON g.code = f.region_code WHERE f.id = ? AND " + where, p, [&](const db::Row& r) {
            Person& x = out.emplace();
            int idc = static_cast<int>(r.i64(18));
            std::optional<Date> to = r.is_null(10) ? std::nullopt : parse_date(r.text(10));
            x.id = r.i64(0);
            x.full_name = r.str(1);
            x.sex = r.str(2);
            x.birth_date = r.opt_str(3);
            x.nationality = r.str(4);
            x.passport_no = passport_for(s, idc, r.text(5));
            x.passport_masked = !s.cleared_for(idc);
            if (!x.passport_masked) x.id_classification = std::string(auth::clearance_name(idc));
            x.passport_expiry = r.opt_str(6);
            x.permit_type = r.str(7);
            x.permit_no = r.str(8);
            x.permit_valid_from = r.opt_str(9);
            x.permit_valid_to = r.opt_str(10);
            x.permit_state = std::string(name(permit_state(to, today, 30, 7)));
            x.sponsor_name = r.str(11);
            x.sponsor_type = r.str(12);
            x.sponsor_address = r.str(13);
            x.occupation = r.str(14);
            x.region_code = r.str(15);
            x.region_name = r.str(16);
            x.classification = std::string(auth::clearance_name(static_cast<int>(r.i64(17))));
            x.actor_id = r.i64(19);
            x.version = r.i64(20);
          });
  if (!out) return out;
  db::Params pp{id};
  std::string vis = presence_visible(s, "x", pp);
  c.query("SELECT x.id, x.category, x.status, x.start_date, x.end_date, x.region_code FROM foreign_presences x WHERE x.person_id = ? AND " +
              vis + " ORDER BY x.start_date DESC", pp, [&](const db::Row& r) {
            out->presences.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
          });
  return out;
}

std::vector<FieldError> validate(const OrgInput& in) {
  std::vector<FieldError> e;
  if (in.name.empty()) e.push_back(field("name", "required", "Nama organisasi wajib diisi.", "The organisation's name is required."));
  if (!valid_nationality(in.country))
    e.push_back(field("country", "invalid", "Negara asal: kode tiga huruf ISO 3166.", "Country of origin: a three-letter ISO 3166 code."));
  check_date(e, "mofa_rec_date", in.mofa_rec_date, false);
  check_date(e, "mou_date", in.mou_date, false);
  check_date(e, "mou_valid_to", in.mou_valid_to, false);
  if (in.region_code.empty() || region_level(in.region_code) == RegionLevel::Invalid)
    e.push_back(field("region_code", "region_code", "Kode wilayah tidak valid.", "Invalid region code."));
  return e;
}

Result<int64_t> create_org(db::Conn& c, const auth::Scope& s, const OrgInput& in) {
  if (!s.covers(in.region_code)) return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.",
                                "The confidentiality level is above your clearance.");
  int64_t actor = actors::find_or_create_organisation(c, s, in.name, "", in.region_code);
  std::string now = now_iso();
  int64_t id = c.insert(
      "INSERT INTO foreign_orgs (actor_id, name, name_key, country, legal_form, mofa_rec_no, mofa_rec_date, partner_agency, mou_no, mou_date, "
      "mou_valid_to, sectors, funding_source, local_office, region_code, classification, created_by, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {actor, in.name, actors::name_key(in.name), in.country, in.legal_form, in.mofa_rec_no, text_or_null(in.mofa_rec_date),
       in.partner_agency, in.mou_no, text_or_null(in.mou_date), text_or_null(in.mou_valid_to), in.sectors, in.funding_source,
       in.local_office, in.region_code, int64_t{in.classification}, s.user_id, now, now});
  PANTAU_CHECK(actors::link(c, s, actor, {"foreigners", "foreign_org", std::to_string(id), "FOREIGN_ORGANISATION",
                                          in.name + " (" + in.country + ")", in.region_code, in.classification}, false));
  append_audit(c, s, "create", "foreign_org", id, in.region_code, in.classification,
               audit::snapshot({{"name", in.name}, {"country", in.country}, {"mofa_rec_no", in.mofa_rec_no}}));
  return id;
}

Status update_org(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const OrgPatch& patch) {
  db::Params p{id};
  std::string where = s.record_filter("o.region_code", "o.classification", p);
  std::optional<OrgInput> stored;
  int64_t old_actor = 0, old_version = 0;
  c.query("SELECT o.name, o.country, o.legal_form, o.mofa_rec_no, o.mofa_rec_date, o.partner_agency, o.mou_no, o.mou_date, "
          "o.mou_valid_to, o.sectors, o.funding_source, o.local_office, o.region_code, o.classification, o.actor_id, o.version "
          "FROM foreign_orgs o WHERE o.id = ? AND " + where, p, [&](const db::Row& r) {
            OrgInput& v = stored.emplace();
            int i = 0;
            for (auto [name, member] : kOrgText) {
              (void)name;
              v.*member = r.opt_str(i++).value_or("");
            }
            v.classification = static_cast<int>(r.i64(13));
            old_actor = r.i64(14);
            old_version = r.i64(15);
          });
  if (!stored) return Error::not_found("Organisasi asing tidak ditemukan.", "Foreign organisation not found.");
  if (old_version != version) return Error::stale_version();
  const OrgInput& old = *stored;
  OrgInput in = old;
  for (auto [name, member] : kOrgText)
    if (named(patch.fields, name)) in.*member = patch.values.*member;
  if (named(patch.fields, "classification")) in.classification = patch.values.classification;
  auto e = validate(in);
  if (in.classification < 0 || in.classification > 2)
    e.push_back(field("classification", "out_of_range", "Tingkat kerahasiaan tidak dikenal.", "Unknown confidentiality level."));
  if (!e.empty()) return Error::invalid(e);
  PANTAU_CHECK(check_place(c, s, in.region_code, old.region_code, in.classification));

  std::vector<Change> changes;
  for (auto [name, member] : kOrgText)
    if (old.*member != in.*member) changes.push_back({name, text_value(old.*member), text_value(in.*member)});
  if (old.classification != in.classification)
    changes.push_back({"classification", int64_t{old.classification}, int64_t{in.classification}});
  if (changes.empty()) return {};

  // The role follows the name: a renamed organisation is the actor of its new name.
  int64_t actor = actors::name_key(in.name) != actors::name_key(old.name)
                      ? actors::find_or_create_organisation(c, s, in.name, "", in.region_code) : old_actor;
  std::string now = now_iso();
  c.exec("UPDATE foreign_orgs SET actor_id = ?, name = ?, name_key = ?, country = ?, legal_form = ?, mofa_rec_no = ?, mofa_rec_date = ?, "
         "partner_agency = ?, mou_no = ?, mou_date = ?, mou_valid_to = ?, sectors = ?, funding_source = ?, local_office = ?, "
         "region_code = ?, classification = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
         {actor, in.name, actors::name_key(in.name), in.country, in.legal_form, in.mofa_rec_no, text_or_null(in.mofa_rec_date),
          in.partner_agency, in.mou_no, text_or_null(in.mou_date), text_or_null(in.mou_valid_to), in.sectors, in.funding_source,
          in.local_office, in.region_code, int64_t{in.classification}, now, id, version});
  std::string key = std::to_string(id);
  if (actor != old_actor) actors::unlink(c, "foreign_org", key);
  PANTAU_CHECK(actors::link(c, s, actor, {"foreigners", "foreign_org", key, "FOREIGN_ORGANISATION", in.name + " (" + in.country + ")",
                                          in.region_code, in.classification}, actor != old_actor));
  audit_update(c, s, "foreign_org", id, in.region_code, in.classification, changes);
  return {};
}

namespace {
constexpr const char* kOrgSelect =
    "SELECT o.id, o.name, o.country, o.legal_form, o.mofa_rec_no, o.mofa_rec_date, o.partner_agency, o.mou_no, o.mou_valid_to, "
    "o.sectors, o.funding_source, o.local_office, o.region_code, COALESCE(g.name, ''), o.actor_id, o.version, o.mou_date, "
    "o.classification FROM foreign_orgs o "
    "LEFT JOIN regions g ON g.code = o.region_code WHERE ";

void org_from(Org& x, const db::Row& r) {
  x.id = r.i64(0);
  x.name = r.str(1);
  x.country = r.str(2);
  x.legal_form = r.str(3);
  x.mofa_rec_no = r.str(4);
  x.mofa_rec_date = r.opt_str(5);
  x.partner_agency = r.str(6);
  x.mou_no = r.str(7);
  x.mou_valid_to = r.opt_str(8);
  x.sectors = r.str(9);
  x.funding_source = r.str(10);
  x.local_office = r.str(11);
  x.region_code = r.str(12);
  x.region_name = r.str(13);
  x.actor_id = r.i64(14);
  x.version = r.i64(15);
  x.mou_date = r.opt_str(16);
  x.classification = std::string(auth::clearance_name(static_cast<int>(r.i64(17))));
}
}  // namespace

std::vector<Org> list_orgs(db::Conn& c, const auth::Scope& s, const std::string& q) {
  db::Params p;
  std::string sql = kOrgSelect + s.record_filter("o.region_code", "o.classification", p);
  if (!trim(q).empty()) {
    std::string key = actors::name_key(q);
    sql += " AND o.name_key LIKE ?";
    p.emplace_back("%" + key + "%");
  }
  sql += " ORDER BY o.name LIMIT 500";
  std::vector<Org> out;
  c.query(sql, p, [&](const db::Row& r) { org_from(out.emplace_back(), r); });
  return out;
}

std::optional<OrgDetail> get_org(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string sql = std::string(kOrgSelect) + "o.id = ? AND " + s.record_filter("o.region_code", "o.classification", p);
  std::optional<OrgDetail> out;
  c.query(sql, p, [&](const db::Row& r) { org_from(out.emplace(), r); });
  if (!out) return out;
  db::Params pp{id};
  std::string vis = presence_visible(s, "x", pp);
  c.query("SELECT x.id, x.category, x.status, x.start_date, x.end_date, x.region_code FROM foreign_presences x WHERE x.org_id = ? AND " +
              vis + " ORDER BY x.start_date DESC", pp, [&](const db::Row& r) {
            out->presences.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5)});
          });
  return out;
}

Result<int64_t> create_presence(db::Conn& c, const auth::Scope& s, const PresenceInput& in) {
  std::vector<FieldError> e;
  if (in.person_id.has_value() == in.org_id.has_value())
    e.push_back(field("person_id", "required", "Pilih satu subjek: orang asing atau organisasi asing.", "Choose one subject: a foreigner or a foreign organisation."));
  if (!in_set(kCategories, in.category)) e.push_back(field("category", "not_allowed", "Kategori tidak dikenal.", "Unknown category."));
  if (in.org_id && in.category != "FOREIGN_ORG")
    e.push_back(field("category", "not_allowed", "Organisasi asing berkategori FOREIGN_ORG.", "A foreign organisation has category FOREIGN_ORG."));
  if (in.person_id && in.category == "FOREIGN_ORG")
    e.push_back(field("category", "not_allowed", "Kategori FOREIGN_ORG hanya untuk organisasi.", "Category FOREIGN_ORG is for organisations."));
  if (!in_set(kSources, in.source)) e.push_back(field("source", "not_allowed", "Sumber data tidak dikenal.", "Unknown source."));
  check_date(e, "start_date", in.start_date, true);
  check_date(e, "end_date", in.end_date, true);
  if (!in.start_date.empty() && !in.end_date.empty() && in.end_date < in.start_date)
    e.push_back(field("end_date", "before_start", "Tanggal selesai sebelum tanggal mulai.", "The end date is before the start date."));
  if (in.regions.empty() || in.regions.size() > 50) e.push_back(field("regions", "required", "Sebutkan 1-50 lokasi.", "Give 1-50 locations."));
  for (auto& r : in.regions)
    if (r.empty() || region_level(r) == RegionLevel::Invalid) {
      e.push_back(field("regions", "region_code", "Kode wilayah lokasi tidak valid.", "A location's region code is not valid."));
      break;
    }
  if (!e.empty()) return Error::invalid(e);
  for (auto& r : in.regions) {
    if (!s.covers(r)) return Error::forbidden("Lokasi di luar cakupan Anda.", "A location is outside your scope.");
    if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {r}))
      return Error::invalid_field("regions", "not_found", "Kode wilayah tidak terdaftar: " + r + ".", "The region code does not exist: " + r + ".");
  }
  if (!s.cleared_for(in.classification))
    return Error::invalid_field("classification", "above_clearance", "Tingkat kerahasiaan di atas tingkat akses Anda.", "The confidentiality level is above your clearance.");
  db::Params sp{in.person_id ? *in.person_id : *in.org_id};
  std::string table = in.person_id ? "foreign_persons" : "foreign_orgs";
  std::string where = s.record_filter("region_code", "classification", sp);
  // The subject may be registered elsewhere (a visitor from another province): it must exist and,
  // when it lies in the caller's area, be visible.
  if (!c.query_i64("SELECT 1 FROM " + table + " WHERE id = ?", {sp[0]}))
    return Error::invalid_field(in.person_id ? "person_id" : "org_id", "not_found", "Subjek tidak ditemukan.", "Subject not found.");
  (void)where;
  std::string now = now_iso();
  int64_t id = c.insert("INSERT INTO foreign_presences (person_id, org_id, category, purpose, activity, region_code, start_date, end_date, "
                        "local_partner, source, sector_permits, classification, created_by, created_at, updated_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        {in.person_id ? db::Value(*in.person_id) : db::Value(), in.org_id ? db::Value(*in.org_id) : db::Value(), in.category,
                         in.purpose, in.activity, in.regions.front(), in.start_date, in.end_date, in.local_partner, in.source,
                         in.sector_permits_json, int64_t{in.classification}, s.user_id, now, now});
  std::set<std::string> seen;
  for (auto& r : in.regions)
    if (seen.insert(r).second) c.exec("INSERT INTO foreign_presence_regions (presence_id, region_code) VALUES (?, ?)", {id, r});
  append_audit(c, s, "create", "foreign_presence", id, in.regions.front(), in.classification,
               audit::snapshot({{"category", in.category}, {"start_date", in.start_date}, {"end_date", in.end_date}}));
  return id;
}

namespace {
constexpr const char* kPresenceSelect =
    "SELECT x.id, x.person_id, x.org_id, COALESCE(fp.full_name, fo.name), COALESCE(fp.nationality, fo.country), x.category, x.purpose, "
    "x.activity, x.region_code, COALESCE(g.name, ''), x.start_date, x.end_date, x.local_partner, x.source, x.sector_permits, x.status, "
    "x.decision, x.follow_up, x.classification, x.version, COALESCE(fp.actor_id, fo.actor_id) FROM foreign_presences x "
    "LEFT JOIN foreign_persons fp ON fp.id = x.person_id LEFT JOIN foreign_orgs fo ON fo.id = x.org_id "
    "LEFT JOIN regions g ON g.code = x.region_code ";

void presence_from(PresenceSummary& x, const db::Row& r) {
  x.id = r.i64(0);
  x.person_id = r.opt_i64(1);
  x.org_id = r.opt_i64(2);
  x.subject_name = r.str(3);
  x.nationality = r.str(4);
  x.category = r.str(5);
  x.purpose = r.str(6);
  x.activity = r.str(7);
  x.region_code = r.str(8);
  x.region_name = r.str(9);
  x.start_date = r.str(10);
  x.end_date = r.str(11);
  x.local_partner = r.str(12);
  x.source = r.str(13);
  x.sector_permits_json = r.str(14);
  x.status = r.str(15);
  x.decision = r.opt_str(16);
  x.follow_up = r.str(17);
  x.version = r.i64(19);
  x.actor_id = r.opt_i64(20);
}
}  // namespace

db::Page<PresenceSummary> list_presences(db::Conn& c, const auth::Scope& s, const PresenceFilter& f) {
  db::Params p;
  std::string sql = std::string(kPresenceSelect) + "WHERE " + presence_visible(s, "x", p);
  if (!f.region.empty()) {
    auth::Scope narrow;
    narrow.region_code = f.region;
    sql += " AND EXISTS (SELECT 1 FROM foreign_presence_regions q WHERE q.presence_id = x.id AND " + narrow.region_filter("q.region_code", p) + ")";
  }
  if (!f.status.empty()) { sql += " AND x.status = ?"; p.emplace_back(f.status); }
  if (!f.category.empty()) { sql += " AND x.category = ?"; p.emplace_back(f.category); }
  return db::keyset_page(c, std::move(sql), std::move(p), f.page, "x.id", [](const db::Row& r) {
    PresenceSummary x;
    presence_from(x, r);
    return x;
  }, db::KeyOrder::Descending);
}

std::optional<Presence> get_presence(db::Conn& c, const auth::Scope& s, int64_t id, Date today) {
  db::Params p{id};
  std::string sql = std::string(kPresenceSelect) + "WHERE x.id = ? AND " + presence_visible(s, "x", p);
  std::optional<Presence> out;
  c.query(sql, p, [&](const db::Row& r) { presence_from(out.emplace(), r); });
  if (!out) return out;
  Presence& x = *out;
  c.query("SELECT pr.region_code, COALESCE(g.name, '') FROM foreign_presence_regions pr LEFT JOIN regions g ON g.code = pr.region_code "
          "WHERE pr.presence_id = ? ORDER BY pr.region_code", {id}, [&](const db::Row& r) { x.regions.push_back({r.str(0), r.str(1)}); });
  if (x.person_id) {
    int first = reminder_days(c, "PERMIT_FIRST", today, 30), second = reminder_days(c, "PERMIT_SECOND", today, 7);
    c.query("SELECT permit_type, permit_no, permit_valid_to, passport_no, id_classification, sponsor_name FROM foreign_persons WHERE id = ?",
            {*x.person_id}, [&](const db::Row& r) {
              std::optional<Date> to = r.is_null(2) ? std::nullopt : parse_date(r.text(2));
              int idc = static_cast<int>(r.i64(4));
              x.permit = Presence::Permit{r.str(0), r.str(1), std::string(name(permit_state(to, today, first, second))),
                                          passport_for(s, idc, r.text(3)), r.str(5), r.opt_str(2), !s.cleared_for(idc)};
            });
  }
  c.query("SELECT id, decision, reason, follow_up, decided_at FROM foreign_decisions WHERE presence_id = ? ORDER BY id", {id},
          [&](const db::Row& r) { x.decisions.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4)}); });
  c.query("SELECT id, check_date, team, findings, compliant, photos FROM foreign_field_checks WHERE presence_id = ? ORDER BY check_date, id",
          {id}, [&](const db::Row& r) { x.field_checks.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.i64(4) != 0, r.str(5)}); });
  c.query("SELECT id, agency, letter_no, referred_on, note FROM foreign_referrals WHERE presence_id = ? ORDER BY id", {id},
          [&](const db::Row& r) { x.referrals.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4)}); });
  // The photos' files: those uploaded for this presence (the newest upload of each content) that
  // the caller's scope and clearance let them open.
  if (!x.field_checks.empty()) {
    db::Params fp{std::to_string(id)};
    std::map<std::string, Presence::FieldCheck::Photo> by_hash;
    c.query("SELECT id, sha256, name, mime, size FROM evidence_files WHERE entity = 'foreign_presence' AND entity_id = ? AND " +
                s.record_filter("region_code", "classification", fp) + " ORDER BY id",
            fp, [&](const db::Row& r) { by_hash[r.str(1)] = {r.i64(0), r.i64(4), r.str(1), r.str(2), r.str(3)}; });
    for (auto& f : x.field_checks)
      for (auto& [hash, file] : by_hash)
        if (f.photos_json.find(hash) != std::string::npos) f.photo_files.push_back(file);
  }
  if (s.can(auth::kRecordReview))
    if (auto from = parse_presence_state(x.status)) {
      PresenceFacts f;
      f.decision = x.decision.value_or("");
      f.has_noncompliant_check = std::any_of(x.field_checks.begin(), x.field_checks.end(), [](const auto& fc) { return !fc.compliant; });
      for (auto a : allowed_actions(*from, f)) x.allowed_actions.emplace_back(a);
    }
  return out;
}

Status presence_action(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const ActionInput& in) {
  db::Params p{id};
  std::string sql = "SELECT x.status, COALESCE(x.decision, ''), x.version, x.region_code, x.classification FROM foreign_presences x WHERE x.id = ? AND " +
                    presence_visible(s, "x", p);
  std::optional<std::tuple<std::string, std::string, int64_t, std::string, int>> cur;
  c.query(sql, p, [&](const db::Row& r) { cur.emplace(r.str(0), r.str(1), r.i64(2), r.str(3), static_cast<int>(r.i64(4))); });
  if (!cur) return Error::not_found("Keberadaan tidak ditemukan.", "Presence not found.");
  auto& [status, decision, v, region, cls] = *cur;
  if (v != version) return Error::stale_version();
  std::vector<FieldError> e;
  if (in.action == "decide" && !in_set(kDecisions, in.decision))
    e.push_back(field("decision", "not_allowed", "Pilih APPROVED, POSTPONED, REJECTED, atau NOTED.", "Choose APPROVED, POSTPONED, REJECTED or NOTED."));
  if (!in_set(kFollowUps, in.follow_up)) e.push_back(field("follow_up", "not_allowed", "Tindak lanjut tidak dikenal.", "Unknown follow-up."));
  if (in.action == "refer") {
    if (in.agency != "IMMIGRATION" && in.agency != "POLICE")
      e.push_back(field("agency", "not_allowed", "Pilih IMMIGRATION atau POLICE.", "Choose IMMIGRATION or POLICE."));
    if (in.letter_no.empty()) e.push_back(field("letter_no", "required", "Nomor surat rujukan wajib diisi.", "The referral letter number is required."));
    check_date(e, "referred_on", in.referred_on, true);
  }
  if (!e.empty()) return Error::invalid(e);
  PresenceFacts f;
  f.decision = decision;
  f.new_decision = in.decision;
  f.has_noncompliant_check = c.query_i64("SELECT 1 FROM foreign_field_checks WHERE presence_id = ? AND compliant = 0", {id}).has_value();
  f.has_referral = in.action == "refer";
  auto from = parse_presence_state(status);
  if (!from) return Error::internal("unknown presence state");
  PANTAU_TRY(PresenceState to, presence_transition(*from, in.action, f));
  std::string now = now_iso();
  if (in.action == "decide") {
    c.insert("INSERT INTO foreign_decisions (presence_id, decision, reason, follow_up, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)",
             {id, in.decision, in.reason, in.follow_up, s.user_id, now});
    c.exec("UPDATE foreign_presences SET decision = ?, follow_up = ? WHERE id = ?", {in.decision, in.follow_up, id});
  }
  if (in.action == "refer")
    c.insert("INSERT INTO foreign_referrals (presence_id, agency, letter_no, referred_on, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
             {id, in.agency, in.letter_no, in.referred_on, in.reason, s.user_id, now});
  c.exec("UPDATE foreign_presences SET status = ?, version = version + 1, updated_at = ? WHERE id = ?", {std::string(name(to)), now, id});
  append_audit(c, s, in.action, "foreign_presence", id, region, cls,
               audit::snapshot({{"from", status}, {"to", std::string(name(to))}, {"decision", in.decision}, {"follow_up", in.follow_up},
                           {"agency", in.agency}, {"letter_no", in.letter_no}}));
  return {};
}

Result<int64_t> add_field_check(db::Conn& c, const auth::Scope& s, int64_t presence_id, const FieldCheckInput& in) {
  db::Params p{presence_id};
  std::string sql = "SELECT x.status, x.region_code, x.classification FROM foreign_presences x WHERE x.id = ? AND " + presence_visible(s, "x", p);
  std::optional<std::tuple<std::string, std::string, int>> cur;
  c.query(sql, p, [&](const db::Row& r) { cur.emplace(r.str(0), r.str(1), static_cast<int>(r.i64(2))); });
  if (!cur) return Error::not_found("Keberadaan tidak ditemukan.", "Presence not found.");
  std::vector<FieldError> e;
  check_date(e, "check_date", in.check_date, true);
  if (in.findings.empty()) e.push_back(field("findings", "required", "Temuan wajib diisi.", "The findings are required."));
  if (!e.empty()) return Error::invalid(e);
  auto& [status, region, cls] = *cur;
  if (status != "ACTIVE" && status != "DECIDED" && status != "VIOLATION_FOUND")
    return Error::conflict("foreigners.not_present", "Pemeriksaan lapangan dicatat untuk keberadaan yang diputuskan atau berjalan.",
                           "Field checks are recorded for decided or active presences.");
  int64_t id = c.insert("INSERT INTO foreign_field_checks (presence_id, check_date, team, findings, compliant, photos, created_by, created_at) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        {presence_id, in.check_date, in.team, in.findings, int64_t{in.compliant}, in.photos_json, s.user_id, now_iso()});
  c.exec("UPDATE foreign_presences SET version = version + 1, updated_at = ? WHERE id = ?", {now_iso(), presence_id});
  append_audit(c, s, "field_check", "foreign_presence", presence_id, region, cls,
               audit::snapshot({{"check_id", id}, {"check_date", in.check_date}, {"compliant", in.compliant}}));
  return id;
}

Reminders reminders(db::Conn& c, const auth::Scope& s, Date today) {
  int first = reminder_days(c, "PERMIT_FIRST", today, 30), second = reminder_days(c, "PERMIT_SECOND", today, 7);
  db::Params p{format_date(civil_from_days(days_from_civil(today) + first))};
  std::string sql = "SELECT x.id, fp.id, fp.full_name, fp.nationality, fp.permit_type, fp.permit_no, fp.permit_valid_to, x.region_code, x.end_date "
                    "FROM foreign_presences x JOIN foreign_persons fp ON fp.id = x.person_id WHERE x.status = 'ACTIVE' AND "
                    "fp.permit_valid_to IS NOT NULL AND fp.permit_valid_to <= ? AND " + presence_visible(s, "x", p) +
                    " ORDER BY fp.permit_valid_to LIMIT 500";
  Reminders out;
  c.query(sql, p, [&](const db::Row& r) {
    Date to = *parse_date(r.text(6));
    out.permits.push_back({r.i64(0), r.i64(1), days_from_civil(to) - days_from_civil(today), r.str(2), r.str(3), r.str(4), r.str(5),
                           r.str(6), std::string(name(permit_state(to, today, first, second))), r.str(7), r.str(8)});
  });
  return out;
}

Recap recap(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to) {
  db::Params p{to, from};
  std::string sql = "SELECT x.category, COALESCE(fp.nationality, fo.country), COALESCE(fp.permit_type, 'ORGANISASI'), "
                    "COALESCE(g.name, x.region_code), COALESCE(NULLIF(fp.sponsor_name, ''), fo.partner_agency, '-') FROM foreign_presences x "
                    "LEFT JOIN foreign_persons fp ON fp.id = x.person_id LEFT JOIN foreign_orgs fo ON fo.id = x.org_id "
                    "LEFT JOIN regions g ON g.code = SUBSTR(x.region_code, 1, 5) WHERE x.start_date <= ? AND x.end_date >= ? AND " +
                    presence_visible(s, "x", p);
  Recap out{from, to, {}};
  auto& n = out.counts;
  c.query(sql, p, [&](const db::Row& r) {
    ++n["category"][r.str(0)];
    ++n["nationality"][r.str(1)];
    ++n["permit_type"][r.str(2)];
    ++n["location"][r.str(3)];
    ++n["sponsor"][r.str(4).empty() ? "-" : r.str(4)];
  });
  return out;
}

namespace {
std::string upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}
}  // namespace

Result<std::string> recap_xlsx(db::Conn& c, const auth::Scope& s, const std::string& from, const std::string& to) {
  auto r = recap(c, s, from, to).counts;
  report::XlsxWorkbook wb;
  for (auto& [dim, label] : kRecapDimensions) {
    wb.add_sheet(label);
    wb.title(std::string("REKAPITULASI ORANG ASING DAN ORGANISASI ASING MENURUT ") + upper(label));
    wb.title("Periode " + from + " s.d. " + to);
    wb.header({label, "Jumlah"});
    int64_t total = 0;
    for (auto& [k, n] : r[dim]) {
      wb.row({report::XlsxCell::text(k), report::XlsxCell::integer(n)});
      total += n;
    }
    wb.row({report::XlsxCell::text("JUMLAH"), report::XlsxCell::integer(total)});
    wb.column_widths({40, 12});
  }
  return wb.finish();
}

std::vector<MapArea> map_areas(db::Conn& c, const auth::Scope& s, int level) {
  // A location's region at `level` is the first 2 (province), 5 (kab/kota) or 8 (kecamatan)
  // characters of its code; a presence with two locations in one region counts once there.
  static constexpr int kLength[] = {0, 2, 5, 8, 13};
  std::string prefix = "SUBSTR(pr.region_code, 1, " + std::to_string(kLength[std::clamp(level, 1, 4)]) + ")";
  db::Params p;
  std::string visible = presence_visible(s, "x", p);
  std::string area = s.region_filter("pr.region_code", p);
  std::string sql = "SELECT a.code, COALESCE(g.name, ''), a.n FROM (SELECT " + prefix + " AS code, COUNT(DISTINCT x.id) AS n "
                    "FROM foreign_presence_regions pr JOIN foreign_presences x ON x.id = pr.presence_id "
                    "WHERE x.status IN ('DECIDED', 'ACTIVE', 'VIOLATION_FOUND') AND " + visible + " AND " + area +
                    " GROUP BY " + prefix + ") a LEFT JOIN regions g ON g.code = a.code ORDER BY a.code";
  std::vector<MapArea> out;
  c.query(sql, p, [&](const db::Row& r) { out.push_back({r.str(0), r.str(1), r.i64(2)}); });
  return out;
}

}  // namespace pantau::foreigners
