// Method + path routing with {name} parameters, and the per-route rules (log-in required,
// permission) that the app enforces before a handler runs.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/context.h"

namespace pantau::http {

using Handler = std::function<Response(Ctx&)>;

struct RouteOptions {
  bool public_route = false;      // no session needed
  std::string_view permission;    // required permission (empty: any logged-in user)
  bool upload = false;            // body streamed to a file, max_upload_bytes
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler h, RouteOptions opts = {});
  void get(std::string p, Handler h, RouteOptions o = {}) { add("GET", std::move(p), std::move(h), o); }
  void post(std::string p, Handler h, RouteOptions o = {}) { add("POST", std::move(p), std::move(h), o); }
  void patch(std::string p, Handler h, RouteOptions o = {}) { add("PATCH", std::move(p), std::move(h), o); }
  void del(std::string p, Handler h, RouteOptions o = {}) { add("DELETE", std::move(p), std::move(h), o); }

  struct Match {
    const Handler* handler = nullptr;
    const RouteOptions* options = nullptr;
    bool path_matched = false;  // some route has this path with another method (405)
    std::vector<std::string> allowed;
  };
  Match match(std::string_view method, std::string_view path,
              std::map<std::string, std::string, std::less<>>& params) const;
  // Whether a request to this method+path streams its body to disk (decided before reading it).
  bool is_upload(std::string_view method, std::string_view path) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
    RouteOptions options;
  };
  std::vector<Route> routes_;
  std::vector<size_t> upload_routes_;  // indexes into routes_: is_upload looks only at these
};

}  // namespace pantau::http
