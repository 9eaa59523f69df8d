// gzip for large, cacheable responses (map boundaries).
#pragma once
#include <string>
#include <string_view>

#include "http/request.h"

namespace pantau::http {
std::string gzip(std::string_view data);
bool accepts_gzip(const Request& req);
}  // namespace pantau::http
