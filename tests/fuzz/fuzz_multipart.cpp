// multipart_boundary on the first line of the input (a Content-Type header value), then
// MultipartParser fed the rest, once in one piece and once in chunks of sizes derived from the
// input. The handler checks the event order; when both feeds succeed they must agree exactly.
#include <string>
#include <vector>

#include "core/strings.h"
#include "fuzz_common.h"
#include "http/multipart.h"

using namespace pantau;

namespace {

struct Part {
  std::string name, filename, content_type, data;
};

class Recorder final : public http::PartHandler {
 public:
  explicit Recorder(std::string delim) : delim_(std::move(delim)) {}
  std::vector<Part> parts;
  bool in_part = false;
  Status on_part_begin(const http::PartInfo& info) override {
    FUZZ_CHECK(!in_part);
    FUZZ_CHECK(!info.name.empty());
    FUZZ_CHECK(info.filename.find_first_of("/\\") == std::string::npos);
    FUZZ_CHECK(info.filename.find('\0') == std::string::npos);
    FUZZ_CHECK(valid_utf8(info.name) && valid_utf8(info.filename));
    in_part = true;
    parts.push_back(Part{info.name, info.filename, info.content_type, {}});
    return {};
  }
  Status on_part_data(std::string_view d) override {
    FUZZ_CHECK(in_part);
    FUZZ_CHECK(!d.empty());
    parts.back().data.append(d);
    return {};
  }
  Status on_part_end() override {
    FUZZ_CHECK(in_part);
    // A part's content ends at the first delimiter: it can never contain one.
    FUZZ_CHECK(parts.back().data.find(delim_) == std::string::npos);
    in_part = false;
    return {};
  }

 private:
  std::string delim_;
};

struct Outcome {
  bool ok = false;
  bool finished = false;
  std::vector<Part> parts;
};

Outcome run(const std::string& boundary, std::string_view body, fuzz::Rng* rng, size_t max_parts,
            size_t max_header_bytes) {
  Recorder rec("\r\n--" + boundary);
  http::MultipartParser p(boundary, rec, max_parts, max_header_bytes);
  Outcome o;
  size_t pos = 0;
  bool ok = true;
  while (ok && pos < body.size()) {
    size_t n = body.size() - pos;
    if (rng) {
      // Mostly tiny chunks (boundary splits), sometimes large ones.
      size_t r = rng->below(4);
      size_t cap = r == 0 ? 1 : r == 1 ? 8 : r == 2 ? 64 : 4096;
      n = std::min(n, 1 + rng->below(cap));
    }
    ok = p.feed(body.substr(pos, n)).ok();
    pos += n;
  }
  if (ok) {
    // Feeding more after the end (or an empty chunk) must be harmless.
    ok = p.feed("").ok();
  }
  o.ok = ok;
  o.finished = ok && p.finish().ok();
  if (o.finished) FUZZ_CHECK(!rec.in_part);
  o.parts = std::move(rec.parts);
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto nl = in.find('\n');
  std::string_view ct = in.substr(0, nl);
  std::string_view body = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);

  std::string boundary;
  auto b = http::multipart_boundary(ct);
  if (b.ok()) {
    FUZZ_CHECK(!b->empty() && b->size() <= 70);
    boundary = *b;
  } else {
    FUZZ_CHECK(b.error().kind == ErrorKind::BadRequest || b.error().kind == ErrorKind::UnsupportedMedia);
    boundary = "XbOuNdArY";  // keep fuzzing the body with a fixed boundary
  }

  // Small limits some of the time so that the limit paths are reached too.
  size_t max_parts = (fuzz::fnv1a(ct) & 1) ? 16 : 2;
  size_t max_header_bytes = (fuzz::fnv1a(ct) & 2) ? 8192 : 64;

  Outcome whole = run(boundary, body, nullptr, max_parts, max_header_bytes);
  fuzz::Rng rng(fuzz::fnv1a(in));
  Outcome chunked = run(boundary, body, &rng, max_parts, max_header_bytes);

  if (whole.ok && chunked.ok) {
    FUZZ_CHECK(whole.finished == chunked.finished);
    FUZZ_CHECK(whole.parts.size() == chunked.parts.size());
    for (size_t i = 0; i < whole.parts.size(); ++i) {
      FUZZ_CHECK(whole.parts[i].name == chunked.parts[i].name);
      FUZZ_CHECK(whole.parts[i].filename == chunked.parts[i].filename);
      FUZZ_CHECK(whole.parts[i].content_type == chunked.parts[i].content_type);
      FUZZ_CHECK(whole.parts[i].data == chunked.parts[i].data);
    }
  }
  return 0;
}
