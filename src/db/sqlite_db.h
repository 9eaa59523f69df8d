#pragma once
#include <memory>
#include <string>

#include "db/database.h"

namespace pantau::db {
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, const OpenOptions& opts);
}
