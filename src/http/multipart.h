// Incremental multipart/form-data parser (RFC 7578). Fed in chunks of any size, so an upload
// is processed as it streams from disk without being held in memory.
#pragma once
#include <string>
#include <string_view>

#include "core/error.h"

namespace pantau::http {

struct PartInfo {
  std::string name;          // form field name
  std::string filename;      // empty for plain fields; path components removed
  std::string content_type;  // as declared by the client (never trusted for type decisions)
};

class PartHandler {
 public:
  virtual ~PartHandler() = default;
  virtual Status on_part_begin(const PartInfo& info) = 0;
  virtual Status on_part_data(std::string_view data) = 0;
  virtual Status on_part_end() = 0;
};

// Extracts the boundary parameter of a multipart/form-data Content-Type.
Result<std::string> multipart_boundary(std::string_view content_type);

class MultipartParser {
 public:
  MultipartParser(std::string boundary, PartHandler& handler, size_t max_parts = 16,
                  size_t max_header_bytes = 8192);
  Status feed(std::string_view chunk);
  // Call after the last chunk: errors unless the closing boundary was seen.
  Status finish();

 private:
  enum class State { Preamble, AfterDelimiter, Headers, Body, Done };
  Status run();
  Status parse_headers(std::string_view block);

  std::string delim_;  // "\r\n--" + boundary
  PartHandler& handler_;
  size_t max_parts_, max_header_bytes_, parts_ = 0;
  State state_ = State::Preamble;
  std::string buf_;
};

}  // namespace pantau::http
