#include "http/router.h"

#include "core/strings.h"

#include <array>
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

// The same as views into `path`, for matching a request (up to kMaxSegments; a longer path
// matches no route: the longest route is far shorter). Returns the count, or -1 when too long.
static constexpr size_t kMaxSegments = 16;
static int segment_views(std::string_view path, std::array<std::string_view, kMaxSegments>& out) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return 0;
  size_t n = 0;
  while (true) {
    if (n == kMaxSegments) return -1;
    auto slash = path.find('/');
    out[n++] = path.substr(0, slash);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return static_cast<int>(n);
}

static bool is_param(const std::string& p) { return p.size() > 2 && p.front() == '{' && p.back() == '}'; }

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
  auto segments = segments_of(pattern);
  if (segments.size() > kMaxSegments) throw std::logic_error("route " + pattern + " has more segments than a request may match");
  if (opts.upload) upload_routes_.push_back(routes_.size());
  routes_.push_back(Route{std::move(method), std::move(segments), std::move(h), opts});
}

Router::Match Router::match(std::string_view method, std::string_view path,
                            std::map<std::string, std::string, std::less<>>& params) const {
  Match m;
  std::array<std::string_view, kMaxSegments> segs;
  const int count = segment_views(path, segs);
  if (count < 0) return m;
  const size_t n = static_cast<size_t>(count);
  // Compared without copying; the parameters are captured only for the route that answers.
  for (const auto& r : routes_) {
    if (r.segments.size() != n) continue;
    bool ok = true;
    for (size_t i = 0; i < n && ok; ++i) ok = is_param(r.segments[i]) || r.segments[i] == segs[i];
    if (!ok) continue;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.handler = &r.handler;
      m.options = &r.options;
      params.clear();
      for (size_t i = 0; i < n; ++i)
        if (const auto& p = r.segments[i]; is_param(p)) params[p.substr(1, p.size() - 2)] = std::string(segs[i]);
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
  std::array<std::string_view, kMaxSegments> segs;
  const int count = segment_views(path, segs);
  if (count < 0) return false;
  const size_t n = static_cast<size_t>(count);
  for (size_t i : upload_routes_) {
    const Route& r = routes_[i];
    if (r.method != method || r.segments.size() != n) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) ok = is_param(r.segments[k]) || r.segments[k] == segs[k];
    if (ok) {
      std::map<std::string, std::string, std::less<>> params;
      auto m = match(method, path, params);
      return m.options && m.options->upload;
    }
  }
  return false;
}

}  // namespace pantau::http
