#include "http/app.h"

#include <spdlog/spdlog.h>

#include "core/crypto.h"
#include "core/strings.h"
#include "http/json.h"

namespace pantau::http {

App::App(Services svc) : svc_(std::move(svc)), static_(svc_.cfg.web_dir) {}

void App::security_headers(Response& r, bool api) const {
  r.header("X-Content-Type-Options", "nosniff");
  r.header("X-Frame-Options", "DENY");
  r.header("Referrer-Policy", "same-origin");
  if (api) {
    bool has_cache = false;
    for (auto& [k, v] : r.headers)
      if (k == "Cache-Control") has_cache = true;
    if (!has_cache) r.header("Cache-Control", "no-store");
  } else {
    r.header("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
             "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  }
}

Response App::handle(Request& req) {
  Response r;
  bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/healthz" || req.path == "/readyz";
  try {
    r = api ? handle_api(req) : static_.serve(req);
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
    r = Response::problem(Error::internal());
  } catch (...) {
    spdlog::error("unhandled non-standard exception on {} {}", req.method, req.path);
    r = Response::problem(Error::internal());
  }
  security_headers(r, api);
  return r;
}

static bool state_changing(std::string_view m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

// The host part of an Origin header value ("http://host:port" -> "host:port").
static std::string origin_host(std::string_view origin) {
  auto p = origin.find("://");
  return p == std::string_view::npos ? std::string(origin) : std::string(origin.substr(p + 3));
}

Response App::handle_api(Request& req) {
  if (req.path == "/healthz") return Response::json(200, R"({"status":"ok"})");
  if (req.path == "/readyz") {
    if (ready_ && svc_.db->ping()) return Response::json(200, R"({"status":"ready"})");
    return Response::problem(Error::unavailable());
  }
  auto q = parse_query(req.query_string);
  if (!q.ok()) return Response::problem(q.error());
  req.query = std::move(q.value());

  auto m = router_.match(req.method, req.path, req.params);
  if (!m.handler) {
    if (m.path_matched) {
      std::string allow;
      for (auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
      Response r = Response::problem(Error::make(ErrorKind::BadRequest, "method_not_allowed",
                                                 "Metode ini tidak didukung untuk alamat ini.",
                                                 "This method is not supported here."));
      r.status = 405;
      r.body = json::problem(Error::make(ErrorKind::BadRequest, "method_not_allowed",
                                         "Metode ini tidak didukung untuk alamat ini.",
                                         "This method is not supported here."), 405);
      r.header("Allow", allow);
      return r;
    }
    return Response::problem(Error::make(ErrorKind::NotFound, "route_not_found", "Alamat API tidak dikenal.",
                                         "Unknown API path."));
  }

  Ctx ctx{req, svc_, std::nullopt};
  if (state_changing(req.method)) {
    // Cross-site requests are refused outright, logged in or not.
    auto origin = req.header("origin");
    if (!origin.empty() && origin != "null" && origin_host(origin) != req.header("host"))
      return Response::problem(Error::make(ErrorKind::Forbidden, "csrf.origin",
                                           "Permintaan dari situs lain ditolak.",
                                           "Requests from another site are refused."));
  }
  if (!m.options->public_route) {
    auto cookies = parse_cookies(req.header("cookie"));
    auto it = cookies.find("pantau_session");
    auto who = svc_.sessions->authenticate(it == cookies.end() ? "" : it->second);
    if (!who.ok()) return Response::problem(who.error());
    ctx.who = std::move(who.value());
    if (state_changing(req.method) && !secure_equals(req.header("x-csrf-token"), ctx.who->csrf_token))
      return Response::problem(Error::make(ErrorKind::Forbidden, "csrf.token",
                                           "Token keamanan (CSRF) tidak cocok. Muat ulang halaman.",
                                           "The security (CSRF) token does not match. Reload the page."));
    if (!m.options->permission.empty() && !ctx.who->scope.can(m.options->permission))
      return Response::problem(Error::forbidden());
  }
  return (*m.handler)(ctx);
}

}  // namespace pantau::http
