// Query strings (?a=1&b=x) and cookies, decoded strictly: a malformed escape is an error.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace pantau::http {

using QueryMap = std::map<std::string, std::string, std::less<>>;

Result<QueryMap> parse_query(std::string_view qs, size_t max_params = 64);
// Cookie header "a=1; b=2" -> map (later duplicates ignored).
QueryMap parse_cookies(std::string_view header);

}  // namespace pantau::http
