// Serves the built web UI (web/dist): correct content types, long caching for hashed assets,
// the build's gzip copy (x.js.gz) to browsers that accept gzip,
// no-cache for index.html, ETag revalidation, and index.html for client-side routes.
// Paths are resolved inside the root only; traversal is refused.
#pragma once
#include <string>

#include "http/request.h"

namespace pantau::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root);
  Response serve(const Request& req) const;
  static std::string content_type_for(std::string_view path);

 private:
  std::string root_;
};

}  // namespace pantau::http
