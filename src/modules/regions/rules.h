#pragma once
#include <string_view>

#include "core/error.h"
#include "core/region_code.h"

namespace pantau::regions {

// A region code from a URL or a form: 422 with a clear message when malformed
// (e.g. "12.1" from a spreadsheet that turned the code into a number).
Result<RegionLevel> check_code(std::string_view code, std::string_view field = "code");

}  // namespace pantau::regions
