#include "http/compress.h"

#include <zlib.h>

#include <cstdlib>

#include "core/strings.h"

namespace pantau::http {

std::string gzip(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

// Accept-Encoding lists codings with optional weights: "gzip, br", "gzip;q=0" (refused), "*".
bool accepts_gzip(const Request& req) {
  bool gzip = false, star = false;
  for (auto& item : split(req.header("accept-encoding"), ',')) {
    auto parts = split(item, ';');
    std::string name = trim(parts[0]);
    bool refused = false;
    for (size_t i = 1; i < parts.size(); ++i) {
      std::string p = trim(parts[i]);
      if (p.size() > 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') refused = std::strtod(p.c_str() + 2, nullptr) <= 0.0;
    }
    if (iequals(name, "gzip") || iequals(name, "x-gzip")) {
      if (refused) return false;
      gzip = true;
    } else if (name == "*") {
      star = !refused;
    }
  }
  return gzip || star;
}

}  // namespace pantau::http
