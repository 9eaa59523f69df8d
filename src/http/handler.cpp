#include "http/handler.h"

#include <fstream>

#include "http/multipart.h"

namespace pantau::http {

Response attachment(std::string body, std::string mime, std::string_view filename) {
  std::string name;
  name.reserve(filename.size());
  for (unsigned char ch : filename) name += (ch < 0x20 || ch == 0x7F || ch == '"' || ch == '\\') ? '_' : static_cast<char>(ch);
  Response r;
  r.content_type = std::move(mime);
  r.body = std::move(body);
  r.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
  r.header("Cache-Control", "private, no-store");
  return r;
}

Response problem_with(const Error& e, std::string_view key, std::string_view value_json) {
  Response r = Response::problem(e);
  r.body = json::with_member(std::move(r.body), key, value_json);
  return r;
}

Result<Target> versioned_target(const Request& req, std::string_view id_param) {
  PANTAU_TRY(int64_t id, path_id(req, id_param));
  PANTAU_TRY(int64_t version, required_version(req));
  return Target{id, version};
}

Status feed_multipart_body(const Request& req, MultipartParser& parser) {
  std::ifstream in(req.body_file, std::ios::binary);
  std::string chunk(64 * 1024, '\0');
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    auto n = static_cast<size_t>(in.gcount());
    if (n == 0) break;
    PANTAU_CHECK(parser.feed(std::string_view(chunk.data(), n)));
  }
  return parser.finish();
}

}  // namespace pantau::http
