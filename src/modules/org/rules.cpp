#include "modules/org/rules.h"

#include "auth/roles.h"
#include "core/region_code.h"

namespace pantau::org {

bool valid_username(std::string_view u) {
  if (u.size() < 3 || u.size() > 64) return false;
  for (char c : u)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

bool valid_email(std::string_view e) {
  if (e.empty()) return true;  // optional
  auto at = e.find('@');
  return at != std::string_view::npos && at > 0 && e.find('.', at) != std::string_view::npos && e.size() <= 254 &&
         e.find(' ') == std::string_view::npos;
}

bool valid_nip(std::string_view nip) {
  if (nip.empty()) return true;
  if (nip.size() != 18) return false;
  for (char c : nip)
    if (c < '0' || c > '9') return false;
  return true;
}

Status check_org_unit_placement(const auth::Scope& admin, std::string_view kind, std::string_view region_code) {
  if (kind == "KEMENDAGRI") {
    if (!region_code.empty())
      return Error::invalid_field("region_code", "national_only", "Unit Kemendagri tidak memiliki kode wilayah.",
                                  "A ministry unit has no region code.");
  } else if (region_level(region_code) == RegionLevel::Invalid || region_code.empty()) {
    return Error::invalid_field("region_code", "region_code", "Kode wilayah wajib diisi dengan kode Kemendagri yang valid.",
                                "A valid Kemendagri region code is required.");
  }
  if (!admin.covers(region_code))
    return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  return {};
}

Status check_assignment(const auth::Scope& admin, std::string_view role, int clearance, std::string_view unit_region) {
  const auth::RoleInfo* r = auth::find_role(role);
  if (!r)
    return Error::invalid_field("role", "unknown_role", "Peran tidak dikenal.", "Unknown role.");
  if (r->national_only && !unit_region.empty())
    return Error::invalid_field("role", "national_only", "Peran ini hanya untuk unit Kemendagri.",
                                "This role is only for ministry units.");
  if (!admin.covers(unit_region))
    return Error::forbidden("Unit ini di luar cakupan Anda.", "This org unit is outside your scope.");
  if (clearance > admin.clearance)
    return Error::invalid_field("clearance", "above_own", "Tidak dapat memberi tingkat akses di atas milik Anda sendiri.",
                                "You cannot grant a clearance above your own.");
  return {};
}

}  // namespace pantau::org
