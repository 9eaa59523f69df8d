// The one JSON helper: RapidJSON's Writer for responses (streamed, no DOM) and a
// validating reader for request bodies that collects field errors in both languages.
#pragma once
#include <cstring>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pantau::json {

class Out {
 public:
  Out& begin_object() { w_.StartObject(); return *this; }
  Out& end_object() { w_.EndObject(); return *this; }
  Out& begin_array() { w_.StartArray(); return *this; }
  Out& end_array() { w_.EndArray(); return *this; }
  Out& key(std::string_view k) {
    return plain(k) ? plain_string(k) : escaped_string(k);
  }
  Out& value(std::string_view v) {
    return plain(v) ? plain_string(v) : escaped_string(v);
  }
  Out& value(const char* v) { return value(std::string_view(v)); }
  Out& value(const std::string& v) { return value(std::string_view(v)); }
  Out& value(int64_t v) { w_.Int64(v); return *this; }
  Out& value(int v) { w_.Int(v); return *this; }
  Out& value(uint64_t v) { w_.Uint64(v); return *this; }  // sizes and counts
  Out& value(double v) { w_.Double(v); return *this; }
  Out& value(bool v) { w_.Bool(v); return *this; }
  Out& null() { w_.Null(); return *this; }
  // Inserts already-serialised JSON (e.g. a stored GeoJSON geometry or audit snapshot).
  Out& raw(std::string_view json) {
    w_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
    return *this;
  }
  template <class T>
  Out& kv(std::string_view k, const T& v) { key(k); return value(v); }
  Out& kv_null(std::string_view k) { key(k); return null(); }
  template <class T>
  Out& kv_opt(std::string_view k, const std::optional<T>& v) {
    key(k);
    return v ? value(*v) : null();
  }
  Out& kv_message(std::string_view k, const Message& m) {
    key(k).begin_object().kv("id", m.id).kv("en", m.en).end_object();
    return *this;
  }
  std::string take() { return std::string(buf_.GetString(), buf_.GetSize()); }

 private:
  // Most strings (codes, dates, names) need no escaping. For those the writer only places the
  // separator (an empty raw value of string type does exactly that and keeps its state right), and
  // the bytes are copied in one go instead of character by character through the escape table.
  static bool plain(std::string_view s) {
    for (unsigned char c : s)
      if (c < 0x20 || c == '"' || c == '\\') return false;
    return true;
  }
  Out& plain_string(std::string_view s) {
    w_.RawValue("", 0, rapidjson::kStringType);
    char* p = buf_.Push(s.size() + 2);
    *p++ = '"';
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    p[s.size()] = '"';
    return *this;
  }
  // A string with something to escape (a newline in a text, a quote): the runs between the
  // characters to escape are copied in one go, and those characters escaped as RapidJSON's writer
  // escapes them (\" \\ \b \t \n \f \r, other control characters \u00XX) instead of byte by byte
  // through its table (a search answer's 50 excerpts have line breaks).
  Out& escaped_string(std::string_view s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    w_.RawValue("", 0, rapidjson::kStringType);
    const size_t room = s.size() * 6 + 2;
    char* const start = buf_.Push(room);
    char* p = start;
    *p++ = '"';
    size_t i = 0;
    while (true) {
      size_t j = i;
      while (j < s.size() && !escaped(static_cast<unsigned char>(s[j]))) ++j;
      if (j > i) std::memcpy(p, s.data() + i, j - i);
      p += j - i;
      if (j == s.size()) break;
      unsigned char c = static_cast<unsigned char>(s[j]);
      *p++ = '\\';
      switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\b': *p++ = 'b'; break;
        case '\t': *p++ = 't'; break;
        case '\n': *p++ = 'n'; break;
        case '\f': *p++ = 'f'; break;
        case '\r': *p++ = 'r'; break;
        default:
          *p++ = 'u';
          *p++ = '0';
          *p++ = '0';
          *p++ = hex[c >> 4];
          *p++ = hex[c & 15];
      }
      i = j + 1;
    }
    *p++ = '"';
    buf_.Pop(room - static_cast<size_t>(p - start));
    return *this;
  }
  static bool escaped(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

 private:
  // Most answers are a few hundred bytes to a few KB: start at 1 KB instead of growing from 256 B.
  rapidjson::StringBuffer buf_{nullptr, 1024};
  rapidjson::Writer<rapidjson::StringBuffer> w_{buf_};
};

namespace detail {
template <class V>
void put(Out& o, const V& v) { o.value(v); }
template <class V>
void put(Out& o, const std::optional<V>& v) {
  if (v) put(o, *v);
  else o.null();
}
inline void put_pairs(Out&) {}
template <class V, class... Rest>
void put_pairs(Out& o, std::string_view k, const V& v, const Rest&... rest) {
  o.key(k);
  put(o, v);
  put_pairs(o, rest...);
}
}  // namespace detail

// A flat object from key, value pairs, written by the writer (so user text is escaped):
//   json::object("name", in.name, "stage", "POTENTIAL", "rows", rows.size())
// An empty optional is written as null. Use Out for nested objects and arrays.
template <class... KV>
std::string object(const KV&... kv) {
  static_assert(sizeof...(KV) % 2 == 0, "json::object takes key, value pairs");
  Out o;
  o.begin_object();
  detail::put_pairs(o, kv...);
  o.end_object();
  return o.take();
}

// Adds `"key": value_json` (value_json already serialised JSON) as the last member of the
// serialised object `object`; the key is escaped. Use it instead of splicing at `object.pop_back()`.
std::string with_member(std::string object, std::string_view key, std::string_view value_json);
// Appends every member of the serialised object `members` to the serialised object `object`:
//   json::with_members(std::move(body), json::object("period", p.code, "as_of", as_of))
std::string with_members(std::string object, std::string_view members);

// Reads a JSON object body. Accessors record field errors instead of failing at once, so a
// form gets every problem in one answer: check ok() after reading all fields.
class In {
 public:
  // Parses `body`; a non-object or malformed body gives a 400 Error.
  static Result<In> parse(std::string_view body, size_t max_depth = 32);

  bool has(std::string_view name) const;
  bool is_null(std::string_view name) const;
  // Strings are trimmed; required means present and non-empty. Fields named *region_code are
  // not trimmed but refused when they start or end with a space.
  std::optional<std::string> str(std::string_view name, bool required, size_t max_len = 500);
  std::optional<int64_t> int64(std::string_view name, bool required, int64_t min = INT64_MIN,
                               int64_t max = INT64_MAX);
  std::optional<double> number(std::string_view name, bool required);
  std::optional<bool> boolean(std::string_view name, bool required);
  // One of a fixed set of codes (enums).
  std::optional<std::string> one_of(std::string_view name, bool required,
                                    const std::vector<std::string_view>& allowed);
  // Raw access for nested structures.
  const rapidjson::Value* get(std::string_view name) const;

  void add_error(std::string field, std::string code, std::string id, std::string en);
  bool ok() const { return errors_.empty(); }
  Error error() const { return Error::invalid(errors_); }

 private:
  rapidjson::Document doc_;
  std::vector<FieldError> errors_;
};

// Serialises an Error as application/problem+json (RFC 9457) with both languages.
std::string problem(const Error& e, int status);

}  // namespace pantau::json
