// The helpers every party-aid store file shares (store_internal.h). The records live in one file
// each: allocations.cpp (values per vote, allocations, positions), results.cpp (KPU results and
// their import), boards.cpp, applications.cpp, lpj.cpp; json.cpp writes them all.
#include "modules/party_aid/store_internal.h"

#include "auth/roles.h"
#include "core/region_code.h"
#include "core/time.h"

namespace pantau::party_aid {

db::Value user_or_null(const auth::Scope& s) {
  return s.user_id > 0 ? db::Value(s.user_id) : db::Value();
}
db::Value opt_text(const std::optional<std::string>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value opt_int(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(); }

std::optional<Date> opt_date(const std::optional<std::string>& s) {
  return s ? parse_date(*s) : std::nullopt;
}

Date today_in(const std::string& region) {
  auto local = system_time().now() + std::chrono::hours(utc_offset_hours(region));
  return parse_date(format_iso(local).substr(0, 10)).value_or(Date{});
}

Status check_write(const auth::Scope& s, const std::string& region, std::string_view permission) {
  if (!s.covers(region) || !s.can(permission))
    return Error::forbidden("Data bantuan keuangan partai politik ini di luar kewenangan Anda.",
                            "This party-aid record is outside what you may change.");
  return {};
}

Result<std::string> region_name_of(db::Conn& c, const std::string& region) {
  if (region.empty()) return std::string("Nasional");
  if (!chamber_of(region))
    return Error::invalid_field("region_code", "not_allowed",
                                "Bantuan keuangan partai politik diberikan oleh provinsi atau "
                                "kabupaten/kota.",
                                "Party aid is given by a province or a kabupaten/kota.");
  auto n = c.query_str("SELECT name FROM regions WHERE code = ?", {region});
  if (!n)
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.",
                                "The region code does not exist.");
  return *n;
}

Status check_aid_region(db::Conn& c, const std::string& region) {
  auto name = region_name_of(c, region);
  if (!name.ok()) return name.error();
  return {};
}

bool party_exists(db::Conn& c, const std::string& abbreviation) {
  return c.query_i64("SELECT 1 FROM parties WHERE abbreviation = ?", {abbreviation}).has_value();
}

}  // namespace pantau::party_aid
