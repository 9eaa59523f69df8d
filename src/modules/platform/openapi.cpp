// Serves docs/openapi.yaml (compiled into the binary) as JSON at /api/v1/openapi.json.
#include <yaml-cpp/yaml.h>

#include <mutex>

#include "core/strings.h"
#include "http/json.h"

namespace pantau::platform {

extern const char* const kOpenApiYaml;  // generated at build time

namespace {
void emit(json::Out& o, const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map:
      o.begin_object();
      for (auto it = n.begin(); it != n.end(); ++it) {
        o.key(it->first.as<std::string>());
        emit(o, it->second);
      }
      o.end_object();
      break;
    case YAML::NodeType::Sequence:
      o.begin_array();
      for (const auto& e : n) emit(o, e);
      o.end_array();
      break;
    case YAML::NodeType::Scalar: {
      const std::string& s = n.Scalar();
      if (n.Tag() == "!") {  // quoted: always a string
        o.value(s);
        break;
      }
      if (s == "true" || s == "false") {
        o.value(s == "true");
      } else if (s == "null" || s == "~") {
        o.null();
      } else if (auto i = parse_int64(s)) {
        o.value(*i);
      } else {
        char* end = nullptr;
        double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end && *end == '\0' && s.find_first_not_of("0123456789.-+eE") == std::string::npos)
          o.value(d);
        else
          o.value(s);
      }
      break;
    }
    default:
      o.null();
  }
}
}  // namespace

std::string openapi_json() {
  static std::once_flag once;
  static std::string cached;
  std::call_once(once, [] {
    json::Out o;
    emit(o, YAML::Load(kOpenApiYaml));
    cached = o.take();
  });
  return cached;
}

}  // namespace pantau::platform
