#include "http/app.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "core/crypto.h"
#include "core/strings.h"
#include "http/json.h"

namespace pantau::http {

App::App(Services svc) : svc_(std::move(svc)), static_(svc_.cfg.web_dir) {
  // The base map's tiles are images from the tile server the operator configured (map_tiles).
  std::string tiles = map_tiles_origin(svc_.cfg);
  csp_ = "default-src 'self'; img-src 'self' data: blob:" + (tiles.empty() ? std::string() : " " + tiles) +
         "; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
}

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
    r.header("Content-Security-Policy", csp_);
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

// Read-heavy answers that may come from a read replica (db::ReplicaReads).
static bool read_heavy(std::string_view path) {
  static constexpr std::string_view kPaths[] = {
      "/api/v1/dashboard", "/api/v1/search", "/api/v1/monitoring/recap", "/api/v1/conflict/vulnerability",
      "/api/v1/conflict/map", "/api/v1/party-aid/allocations/summary",
  };
  for (auto p : kPaths)
    if (path == p || (path.size() > p.size() && path.substr(0, p.size()) == p && (path[p.size()] == '/' || path[p.size()] == '.')))
      return true;
  return false;
}

// The cookie that marks a browser that wrote something a moment ago: its reads go to the primary.
static constexpr const char* kRecentWriteCookie = "pantau_wrote";

// The host part of an Origin header value ("http://host:port" -> "host:port").
static std::string origin_host(std::string_view origin) {
  auto p = origin.find("://");
  return p == std::string_view::npos ? std::string(origin) : std::string(origin.substr(p + 3));
}

Response App::handle_api(Request& req) {
  if (req.path == "/healthz") return Response::json(200, R"({"status":"ok"})");
  if (req.path == "/readyz") {
    if (ready_ && svc_.db->ping()) {
      // Details for the operator and the load balancer's health page.
      auto h = svc_.db->health();
      json::Out o;
      o.begin_object().kv("status", "ready");
      o.key("database").begin_object().kv("following_other_instances", h.listening).end_object();
      if (h.replica_configured) {
        o.key("replica").begin_object().kv("ok", h.replica_ok);
        if (h.replica_lag_seconds >= 0) o.kv("lag_seconds", h.replica_lag_seconds);
        else o.kv_null("lag_seconds");
        o.kv("reads", h.replica_reads);
        o.end_object();
      }
      o.end_object();
      return Response::json(200, o.take());
    }
    Error e = Error::unavailable();
    e.retry_after_seconds = 5;
    return Response::problem(e);
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
  if (svc_.cfg.replica_database.empty()) return (*m.handler)(ctx);

  // With a read replica: read-heavy GETs of a user who has not written in the last
  // recent_write_seconds may be answered from it; a user's own write marks their browser.
  const int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::system_clock::now().time_since_epoch()).count();
  bool recent_writer = false;
  {
    auto cookies = parse_cookies(req.header("cookie"));
    auto it = cookies.find(kRecentWriteCookie);
    if (it != cookies.end()) {
      auto at = parse_int64(it->second);
      recent_writer = !at || now_ms - *at < int64_t{svc_.cfg.recent_write_seconds} * 1000 + 1000;
    }
  }
  Response r;
  {
    db::ReplicaReads replica(req.method == "GET" && !recent_writer && read_heavy(req.path));
    r = (*m.handler)(ctx);
  }
  if (state_changing(req.method) && r.status < 400) {
    r.header("Set-Cookie", fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", kRecentWriteCookie, now_ms,
                                       svc_.cfg.recent_write_seconds, svc_.cfg.secure_cookies ? "; Secure" : ""));
  }
  return r;
}

}  // namespace pantau::http
