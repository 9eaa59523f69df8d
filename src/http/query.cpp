#include "http/query.h"

#include "core/strings.h"

namespace pantau::http {

Result<QueryMap> parse_query(std::string_view qs, size_t max_params) {
  QueryMap out;
  if (qs.empty()) return out;
  size_t count = 0;
  for (auto& part : split(qs, '&')) {
    if (part.empty()) continue;
    if (++count > max_params)
      return Error::bad_request("query.too_many", "Terlalu banyak parameter.", "Too many query parameters.");
    auto eq = part.find('=');
    auto k = url_decode(std::string_view(part).substr(0, eq), true);
    auto v = eq == std::string::npos ? std::optional<std::string>("")
                                     : url_decode(std::string_view(part).substr(eq + 1), true);
    if (!k || !v || !valid_utf8(*k) || !valid_utf8(*v) || k->find('\0') != std::string::npos ||
        v->find('\0') != std::string::npos)
      return Error::bad_request("query.malformed", "Parameter alamat (query) tidak valid.",
                                "The query string is malformed.");
    out.emplace(std::move(*k), std::move(*v));
  }
  return out;
}

QueryMap parse_cookies(std::string_view header) {
  QueryMap out;
  for (auto& part : split(header, ';')) {
    auto p = trim(part);
    auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    out.emplace(p.substr(0, eq), p.substr(eq + 1));
  }
  return out;
}

}  // namespace pantau::http
