// What other modules may ask of the regions module (reference data: Kemendagri region codes,
// names and the region tree). Everything else in regions/ is its own.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/region_code.h"
#include "db/database.h"

namespace pantau::regions {

// A region code from a URL or a form: 422 with a clear message when malformed
// (e.g. "12.1" from a spreadsheet that turned the code into a number).
Result<RegionLevel> check_code(std::string_view code, std::string_view field = "code");

// Whether the region exists in the reference data.
bool exists(db::Conn& c, const std::string& code);
// Its name: "Nasional" for "", the code itself when unknown.
std::string name_of(db::Conn& c, const std::string& code);

}  // namespace pantau::regions
