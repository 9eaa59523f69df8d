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

// The one case-folding rule of name searches, the same on SQLite and PostgreSQL: ASCII letters
// and the Latin-1 letters (U+00C0-U+00FF, e.g. É, Ñ, ü) become lower-case ASCII ("É" and "é"
// -> "e"); every other character stays as it is. The databases apply the same table through
// the SQL function pantau_fold (registered by db/sqlite_db.cpp, created by migration 0014 on
// PostgreSQL), so `pantau_fold(name) LIKE ?` with a needle folded here finds both spellings.
std::string fold_name(std::string_view s);
// The Latin-1 letters fold_name maps and what they become, as two aligned UTF-8 strings (the
// PostgreSQL function is built from the same pairs; tests compare the two).
extern const char* const kFoldFrom;
extern const char* const kFoldTo;
// Escapes the LIKE wildcards % and _ (and the escape character \) of user text; use with
// `LIKE ? ESCAPE '\'` so "?q=_" looks for an underscore, not for any character.
std::string like_escape(std::string_view s);
// "%" + like_escape(fold_name(s)) + "%": names containing `s`, whatever the accents and case.
std::string like_contains_folded(std::string_view s);

}  // namespace pantau
