#pragma once
#include <string>

#include "core/error.h"

namespace pantau {
// Reads a whole file (reference data, templates); NotFound with the path when missing.
Result<std::string> read_text_file(const std::string& path);
}
