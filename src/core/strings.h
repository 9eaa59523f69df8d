// Small string helpers used across Pantau (no locale dependence).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pantau {

std::string to_lower_ascii(std::string_view s);
std::string trim(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
std::vector<std::string> split(std::string_view s, char sep);
std::optional<int64_t> parse_int64(std::string_view s);
// Percent-decoding (application/x-www-form-urlencoded when plus_is_space). nullopt on bad escapes.
std::optional<std::string> url_decode(std::string_view s, bool plus_is_space);
bool valid_utf8(std::string_view s);
std::string hex_encode(const unsigned char* data, size_t n);
std::string base64url(const unsigned char* data, size_t n);

}  // namespace pantau
