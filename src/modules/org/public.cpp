#include "modules/org/public.h"

#include "core/region_code.h"
#include "files/evidence.h"

namespace pantau::org {

namespace {

std::string upper(std::string s) {
  for (auto& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return s;
}

std::string without_prefix(std::string name) {
  for (const char* prefix : {"Kabupaten ", "Kota ", "Provinsi "})
    if (name.rfind(prefix, 0) == 0) return name.substr(std::string(prefix).size());
  return name;
}

constexpr const char* kOfficeColumns =
    "o.id, o.name, o.kind, o.region_code, COALESCE(r.name, ''), o.address, o.contact, o.city, o.short_code, "
    "COALESCE(f.sha256, '')";

std::optional<Office> load(db::Conn& c, const std::string& where, const db::Params& p) {
  std::optional<Office> o;
  c.query(std::string("SELECT ") + kOfficeColumns + " FROM org_units o LEFT JOIN regions r ON r.code = o.region_code "
                                         "LEFT JOIN evidence_files f ON f.id = o.emblem_file_id WHERE " +
              where + " ORDER BY o.id LIMIT 1",
          p, [&](const db::Row& r) {
            o.emplace();
            o->id = r.i64(0);
            o->name = r.str(1);
            o->kind = r.str(2);
            o->region_code = r.str(3);
            o->region_name = r.str(4);
            o->address = r.str(5);
            o->contact = r.str(6);
            o->city = r.str(7);
            o->short_code = r.str(8);
            o->emblem_sha256 = r.str(9);
          });
  if (!o) return o;
  o->government = o->kind == "KEMENDAGRI" ? "KEMENTERIAN DALAM NEGERI" : government_of(c, o->region_code);
  // The Kepala of the office; for a Kesbangpol office also one recorded in another unit of the
  // region's Kesbangpol (an office split into several units).
  std::optional<int64_t> head;
  c.query("SELECT u.id FROM users u JOIN org_units ou ON ou.id = u.org_unit_id WHERE u.role = 'KABAN' AND u.disabled = 0 "
          "AND (ou.id = ? OR (? = 'KESBANGPOL' AND ou.kind = 'KESBANGPOL' AND ou.region_code = ?)) "
          "ORDER BY CASE WHEN ou.id = ? THEN 0 ELSE 1 END, u.id LIMIT 1",
          {o->id, o->kind, o->region_code, o->id}, [&](const db::Row& r) { head = r.i64(0); });
  if (head) o->head = official(c, *head);
  if (o->head && o->head->position.empty()) o->head->position = "Kepala " + o->name;
  return o;
}

}  // namespace

std::string government_of(db::Conn& c, const std::string& region_code) {
  if (region_code.empty()) return "KEMENTERIAN DALAM NEGERI";
  std::string name = c.query_str("SELECT name FROM regions WHERE code = ?", {region_code}).value_or(region_code);
  if (region_level(region_code) == RegionLevel::Provinsi) return "PEMERINTAH PROVINSI " + upper(name);
  return "PEMERINTAH " + upper(name);  // regions.name already says "Kabupaten ..." or "Kota ..."
}

std::optional<Office> kesbangpol_office(db::Conn& c, const std::string& region_code) {
  if (region_code.empty()) return load(c, "o.region_code = '' AND o.kind = 'KEMENDAGRI'", {});
  return load(c, "o.region_code = ? AND o.kind = 'KESBANGPOL'", {region_code});
}

std::optional<Office> office_by_id(db::Conn& c, int64_t id) { return load(c, "o.id = ?", {id}); }

std::optional<Official> official(db::Conn& c, int64_t user_id) {
  std::optional<Official> o;
  c.query("SELECT id, full_name, nip, rank, position_title FROM users WHERE id = ?", {user_id}, [&](const db::Row& r) {
    o = Official{r.i64(0), r.str(1), r.str(2), r.str(3), r.str(4)};
  });
  return o;
}

std::string Office::signing_place() const {
  if (!city.empty()) return city;
  if (region_code.empty()) return "Jakarta";
  return without_prefix(region_name.empty() ? region_code : region_name);
}

std::string Office::number_code() const { return short_code.empty() ? "Kesbangpol" : short_code; }

report::Letterhead Office::letterhead() const {
  std::string agency = kind == "KESBANGPOL" ? "BADAN KESATUAN BANGSA DAN POLITIK" : upper(name);
  return {government, agency, address, contact, emblem()};
}

std::string Office::emblem() const {
  if (emblem_sha256.empty()) return {};
  return files::read_content(emblem_sha256, kMaxEmblemBytes).value_or("");
}

report::Signer Office::head_signer() const {
  report::Signer s;
  s.position = upper(head && !head->position.empty() ? head->position : "Kepala " + name);
  s.name = head ? head->name : "........................................";
  if (head) {
    s.rank = head->rank;
    s.nip = head->nip;
  }
  return s;
}

}  // namespace pantau::org
