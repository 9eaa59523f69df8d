// json::In::parse on arbitrary bodies, then every accessor on the body's own member names and
// on a few fixed ones; json::problem on the resulting errors must always be valid JSON.
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "fuzz_common.h"
#include "http/json.h"

using namespace pantau;

namespace {

bool valid_json(const std::string& s) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(s.data(), s.size());
  return !d.HasParseError() && d.IsObject();
}

void check_problem(const Error& e, int status) {
  std::string p = json::problem(e, status);
  FUZZ_CHECK(valid_json(p));
}

void exercise(json::In& in, std::string_view name, size_t max_len) {
  (void)in.has(name);
  (void)in.is_null(name);
  (void)in.get(name);
  for (bool required : {false, true}) {
    if (auto s = in.str(name, required, max_len)) {
      FUZZ_CHECK(s->size() <= max_len);
      FUZZ_CHECK(s->find('\0') == std::string::npos);
      FUZZ_CHECK(!required || !s->empty());
      if (!s->empty()) {
        FUZZ_CHECK(s->front() != ' ' && s->front() != '\t' && s->front() != '\n' && s->front() != '\r');
        FUZZ_CHECK(s->back() != ' ' && s->back() != '\t' && s->back() != '\n' && s->back() != '\r');
      }
    }
    if (auto v = in.int64(name, required, -1000, 1000)) FUZZ_CHECK(*v >= -1000 && *v <= 1000);
    (void)in.int64(name, required);
    (void)in.number(name, required);
    (void)in.boolean(name, required);
    if (auto o = in.one_of(name, required, {"BIASA", "TERBATAS", "RAHASIA", ""}))
      FUZZ_CHECK(*o == "BIASA" || *o == "TERBATAS" || *o == "RAHASIA" || o->empty());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  // The first byte picks a depth limit so that both the limit and deep-but-allowed documents are hit.
  size_t depth = size ? (static_cast<unsigned char>(body[0]) % 40) + 1 : 32;
  for (size_t max_depth : {size_t{32}, depth}) {
    auto r = json::In::parse(body, max_depth);
    if (!r.ok()) {
      FUZZ_CHECK(r.error().kind == ErrorKind::BadRequest);
      check_problem(r.error(), 400);
      continue;
    }
    json::In& in = r.value();
    // Member names as the client sent them (may contain NULs, escapes, any UTF-8).
    std::vector<std::string> names;
    if (auto* v = in.get("")) (void)v;
    {
      rapidjson::Document d;
      d.Parse<rapidjson::kParseValidateEncodingFlag>(body.data(), body.size());
      FUZZ_CHECK(!d.HasParseError() && d.IsObject());
      for (auto it = d.MemberBegin(); it != d.MemberEnd() && names.size() < 16; ++it)
        names.emplace_back(it->name.GetString(), it->name.GetStringLength());
    }
    size_t max_len = size % 7 == 0 ? 0 : (size % 13) + 1;
    for (auto& n : names) exercise(in, n, max_len);
    for (std::string_view n : {"name", "code", "id", "version", "active", "x\0y"}) exercise(in, n, 500);
    if (!in.ok()) {
      Error e = in.error();
      FUZZ_CHECK(e.kind == ErrorKind::Invalid && !e.fields.empty());
      check_problem(e, 422);
    }
  }
  return 0;
}
