#include "http/router.h"

#include "core/strings.h"

#include <stdexcept>

namespace pantau::http {

// "/api/v1/regions/63.71" -> api, v1, regions, 63.71. Only the leading slash is dropped: an
// empty segment (a trailing slash, "//", or a decoded %2F as in "63.71%2F") matches no route,
// so a path parameter is never silently shortened.
static std::vector<std::string> segments_of(std::string_view path) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return {};
  return split(path, '/');
}

// The routes open without a session, written down here on purpose: a route flagged public
// anywhere else refuses to register, so no module opens a door by a flag alone. Exact paths,
// the public service portal (modules/services), the verification of issued documents
// (modules/verification) and the self check-in at a meeting's door (modules/meetings).
static bool public_allowed(std::string_view pattern) {
  static constexpr std::string_view exact[] = {"/api/v1/session", "/api/v1/openapi.json"};
  static constexpr std::string_view prefixes[] = {"/api/v1/public/layanan/", "/api/v1/verify/", "/api/v1/checkin/"};
  for (auto e : exact)
    if (pattern == e) return true;
  for (auto p : prefixes)
    if (pattern.substr(0, p.size()) == p) return true;
  return false;
}

void Router::add(std::string method, std::string pattern, Handler h, RouteOptions opts) {
  if (opts.public_route && !public_allowed(pattern))
    throw std::logic_error("route " + pattern + " is marked public but is not on the public allow-list (http/router.cpp)");
  if (opts.upload) upload_routes_.push_back(routes_.size());
  routes_.push_back(Route{std::move(method), segments_of(pattern), std::move(h), opts});
}

Router::Match Router::match(std::string_view method, std::string_view path,
                            std::map<std::string, std::string, std::less<>>& params) const {
  Match m;
  auto segs = segments_of(path);
  for (const auto& r : routes_) {
    if (r.segments.size() != segs.size()) continue;
    std::map<std::string, std::string, std::less<>> captured;
    bool ok = true;
    for (size_t i = 0; i < segs.size() && ok; ++i) {
      const auto& p = r.segments[i];
      if (p.size() > 2 && p.front() == '{' && p.back() == '}') captured[p.substr(1, p.size() - 2)] = segs[i];
      else ok = p == segs[i];
    }
    if (!ok) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.handler = &r.handler;
      m.options = &r.options;
      params = std::move(captured);
      return m;
    }
    m.path_matched = true;
    m.allowed.push_back(r.method);
  }
  return m;
}

// Asked for every request before its body is read: only the few upload routes are compared; when
// one fits, match() confirms that it is the route the request will reach (an earlier route wins).
bool Router::is_upload(std::string_view method, std::string_view path) const {
  if (upload_routes_.empty()) return false;
  auto segs = segments_of(path);
  for (size_t i : upload_routes_) {
    const Route& r = routes_[i];
    if (r.method != method || r.segments.size() != segs.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < segs.size() && ok; ++k) {
      const auto& p = r.segments[k];
      ok = (p.size() > 2 && p.front() == '{' && p.back() == '}') || p == segs[k];
    }
    if (ok) {
      std::map<std::string, std::string, std::less<>> params;
      auto m = match(method, path, params);
      return m.options && m.options->upload;
    }
  }
  return false;
}

}  // namespace pantau::http
