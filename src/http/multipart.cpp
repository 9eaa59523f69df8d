#include "http/multipart.h"

#include "core/strings.h"

namespace pantau::http {

static Error malformed(std::string_view en_detail) {
  return Error::bad_request("multipart.malformed", "Unggahan (multipart) tidak valid.",
                            "The multipart upload is malformed: " + std::string(en_detail) + ".");
}

Result<std::string> multipart_boundary(std::string_view ct) {
  auto parts = split(ct, ';');
  if (parts.empty() || !iequals(trim(parts[0]), "multipart/form-data"))
    return Error::make(ErrorKind::UnsupportedMedia, "multipart.expected",
                       "Unggahan harus berupa multipart/form-data.",
                       "The upload must be multipart/form-data.");
  for (size_t i = 1; i < parts.size(); ++i) {
    auto p = trim(parts[i]);
    if (p.size() > 9 && iequals(std::string_view(p).substr(0, 9), "boundary=")) {
      std::string b = p.substr(9);
      if (b.size() >= 2 && b.front() == '"' && b.back() == '"') b = b.substr(1, b.size() - 2);
      if (b.empty() || b.size() > 70) return malformed("bad boundary");
      return b;
    }
  }
  return malformed("missing boundary");
}

MultipartParser::MultipartParser(std::string boundary, PartHandler& handler, size_t max_parts,
                                 size_t max_header_bytes)
    : delim_("\r\n--" + boundary), handler_(handler), max_parts_(max_parts),
      max_header_bytes_(max_header_bytes) {
  buf_ = "\r\n";  // so that a boundary on the very first line matches the delimiter
}

Status MultipartParser::feed(std::string_view chunk) {
  if (state_ == State::Done) return {};
  buf_.append(chunk);
  return run();
}

Status MultipartParser::finish() {
  if (state_ != State::Done) return malformed("closing boundary missing");
  return {};
}

static std::string header_param(std::string_view header, std::string_view name) {
  // Finds name="value" or name=value among ;-separated parameters.
  for (auto& raw : split(header, ';')) {
    auto p = trim(raw);
    auto eq = p.find('=');
    if (eq == std::string::npos) continue;
    if (!iequals(trim(std::string_view(p).substr(0, eq)), name)) continue;
    std::string v = trim(std::string_view(p).substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    return v;
  }
  return "";
}

Status MultipartParser::parse_headers(std::string_view block) {
  PartInfo info;
  bool disposition = false;
  for (auto& line : split(block, '\n')) {
    auto l = trim(line);
    if (l.empty()) continue;
    auto colon = l.find(':');
    if (colon == std::string::npos) return malformed("bad part header");
    auto name = trim(std::string_view(l).substr(0, colon));
    auto value = trim(std::string_view(l).substr(colon + 1));
    if (iequals(name, "content-disposition")) {
      if (!iequals(trim(split(value, ';')[0]), "form-data")) return malformed("not form-data");
      info.name = header_param(value, "name");
      info.filename = header_param(value, "filename");
      disposition = true;
    } else if (iequals(name, "content-type")) {
      info.content_type = value;
    }
  }
  if (!disposition || info.name.empty()) return malformed("part without a name");
  // Keep only the last path component; never let a client name a path.
  auto slash = info.filename.find_last_of("/\\");
  if (slash != std::string::npos) info.filename = info.filename.substr(slash + 1);
  if (!valid_utf8(info.filename) || !valid_utf8(info.name) ||
      info.filename.find('\0') != std::string::npos)
    return malformed("bad part name");
  if (++parts_ > max_parts_) return malformed("too many parts");
  return handler_.on_part_begin(info);
}

Status MultipartParser::run() {
  for (;;) {
    switch (state_) {
      case State::Preamble: {
        auto p = buf_.find(delim_);
        if (p == std::string::npos) {
          if (buf_.size() > 16 * 1024) return malformed("no boundary found");
          return {};
        }
        buf_.erase(0, p + delim_.size());
        state_ = State::AfterDelimiter;
        break;
      }
      case State::AfterDelimiter: {
        if (buf_.size() < 2) return {};
        if (buf_.compare(0, 2, "--") == 0) {
          state_ = State::Done;
          buf_.clear();
          return {};
        }
        // Optional transport padding before CRLF.
        size_t i = 0;
        while (i < buf_.size() && (buf_[i] == ' ' || buf_[i] == '\t')) ++i;
        if (buf_.size() < i + 2) {
          if (i > 64) return malformed("bad boundary line");
          return {};
        }
        if (buf_.compare(i, 2, "\r\n") != 0) return malformed("bad boundary line");
        buf_.erase(0, i + 2);
        state_ = State::Headers;
        break;
      }
      case State::Headers: {
        auto p = buf_.find("\r\n\r\n");
        if (p == std::string::npos) {
          if (buf_.size() > max_header_bytes_) return malformed("part headers too large");
          // A part with no headers at all starts directly with CRLF.
          return {};
        }
        if (p > max_header_bytes_) return malformed("part headers too large");
        PANTAU_CHECK(parse_headers(std::string_view(buf_).substr(0, p)));
        buf_.erase(0, p + 4);
        state_ = State::Body;
        break;
      }
      case State::Body: {
        auto p = buf_.find(delim_);
        if (p != std::string::npos) {
          if (p > 0) PANTAU_CHECK(handler_.on_part_data(std::string_view(buf_).substr(0, p)));
          PANTAU_CHECK(handler_.on_part_end());
          buf_.erase(0, p + delim_.size());
          state_ = State::AfterDelimiter;
          break;
        }
        if (buf_.size() >= delim_.size()) {
          size_t safe = buf_.size() - (delim_.size() - 1);
          PANTAU_CHECK(handler_.on_part_data(std::string_view(buf_).substr(0, safe)));
          buf_.erase(0, safe);
        }
        return {};
      }
      case State::Done:
        return {};
    }
  }
}

}  // namespace pantau::http
