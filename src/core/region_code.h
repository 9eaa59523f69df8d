// Kemendagri region codes ("63", "63.71", "63.71.01"), always strings.
#pragma once
#include <string>
#include <string_view>

namespace pantau {

enum class RegionLevel { Invalid = -1, National = 0, Provinsi = 1, KabKota = 2, Kecamatan = 3 };

// The level a well-formed code has, or Invalid (e.g. "63.1", "12.1", "6371").
// The empty code stands for the whole country.
RegionLevel region_level(std::string_view code);
// "63.71.01" -> "63.71" -> "63" -> "".
std::string region_parent(std::string_view code);
// True when `code` is `root` or lies below it. The national root "" covers everything.
bool region_within(std::string_view code, std::string_view root);
// The province of a code ("63.71.01" -> "63"), "" for national.
std::string region_province(std::string_view code);

}  // namespace pantau
