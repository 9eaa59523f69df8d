// Pantau's own request/response types. Handlers see only these; Boost.Beast stays inside
// http/server.cpp so that modules compile quickly.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"
#include "http/query.h"

namespace pantau::http {

struct Request {
  std::string method;
  std::string target;  // raw request target
  std::string path;    // percent-decoded path
  std::string query_string;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;       // small bodies
  std::string body_file;  // large bodies (uploads) streamed to this temporary file
  size_t body_size = 0;
  std::string remote_ip;

  QueryMap query;                                          // filled by the app
  std::map<std::string, std::string, std::less<>> params;  // path parameters, filled by the router

  std::string_view header(std::string_view lower_name) const {
    for (const auto& [k, v] : headers)
      if (k == lower_name) return v;
    return {};
  }
  std::string_view param(std::string_view name) const {
    auto it = params.find(name);
    return it == params.end() ? std::string_view() : std::string_view(it->second);
  }
  std::optional<std::string> q(std::string_view name) const {
    auto it = query.find(name);
    if (it == query.end()) return std::nullopt;
    return it->second;
  }
};

struct Response {
  Response() = default;
  // An Error answers as its problem+json, so a handler may `return error;` and use PANTAU_TRY
  // (core/error.h) on the Results it reads: the handler kit (http/handler.h) relies on it.
  Response(const Error& e) { *this = problem(e); }  // NOLINT(google-explicit-constructor)
  Response(Error&& e) { *this = problem(e); }       // NOLINT(google-explicit-constructor)

  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string file_path;  // when set, the file is sent instead of body

  static Response json(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
  }
  static Response no_content() {
    Response r;
    r.status = 204;
    r.content_type.clear();
    return r;
  }
  static Response problem(const Error& e);
  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

int status_of(ErrorKind k);

}  // namespace pantau::http
