// The application behind the server: routing, session and CSRF checks, permissions,
// problem+json errors, security headers, static files of the web UI.
#pragma once
#include <atomic>
#include <memory>

#include "http/context.h"
#include "http/router.h"
#include "http/static_files.h"

namespace pantau::http {

class App {
 public:
  explicit App(Services svc);
  Router& router() { return router_; }
  Services& services() { return svc_; }
  // Handles one request; never throws.
  Response handle(Request& req);
  bool is_upload(const std::string& method, const std::string& path) const {
    return router_.is_upload(method, path);
  }
  void set_ready(bool r) { ready_ = r; }

 private:
  Response handle_api(Request& req);
  void security_headers(Response& r, bool api) const;

  Services svc_;
  std::string csp_;  // Content-Security-Policy of the web app (img-src names the map tiles' origin)
  Router router_;
  StaticFiles static_;
  std::atomic<bool> ready_{true};
};

// Registers every module's routes (defined in modules/*/routes.cpp).
void register_all_routes(App& app);

}  // namespace pantau::http
