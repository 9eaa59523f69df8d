#pragma once
#include <memory>
#include <string>

#include "db/database.h"

namespace pantau::db {
Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const OpenOptions& opts);
}
