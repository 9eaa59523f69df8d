#include "core/region_code.h"

namespace pantau {

static bool two_digits(std::string_view s) {
  return s.size() == 2 && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9';
}

RegionLevel region_level(std::string_view code) {
  if (code.empty()) return RegionLevel::National;
  if (code.size() == 2) return two_digits(code) && code != "00" ? RegionLevel::Provinsi : RegionLevel::Invalid;
  if (code.size() == 5) {
    if (!two_digits(code.substr(0, 2)) || code[2] != '.' || !two_digits(code.substr(3, 2)))
      return RegionLevel::Invalid;
    // kabupaten 01-69, kota 71-99 (DOMAIN.md §10.2)
    int kk = (code[3] - '0') * 10 + (code[4] - '0');
    if (kk == 0 || kk == 70) return RegionLevel::Invalid;
    return RegionLevel::KabKota;
  }
  if (code.size() == 8) {
    if (region_level(code.substr(0, 5)) != RegionLevel::KabKota || code[5] != '.' ||
        !two_digits(code.substr(6, 2)) || code.substr(6, 2) == "00")
      return RegionLevel::Invalid;
    return RegionLevel::Kecamatan;
  }
  return RegionLevel::Invalid;
}

std::string region_parent(std::string_view code) {
  auto p = code.rfind('.');
  if (p == std::string_view::npos) return "";
  return std::string(code.substr(0, p));
}

bool region_within(std::string_view code, std::string_view root) {
  if (root.empty()) return true;
  if (code.size() < root.size() || code.substr(0, root.size()) != root) return false;
  return code.size() == root.size() || code[root.size()] == '.';
}

std::string region_province(std::string_view code) {
  return std::string(code.substr(0, code.size() >= 2 ? 2 : 0));
}

}  // namespace pantau
