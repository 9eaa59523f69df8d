#include "http/json.h"

#include <cassert>
#include <limits>

#include <fmt/format.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "core/strings.h"

namespace pantau::json {

namespace {
// Rejects documents nested deeper than a limit before building the DOM (stack safety).
size_t max_nesting(std::string_view s) {
  size_t depth = 0, max = 0;
  bool in_str = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_str) {
      if (c == '\\') ++i;
      else if (c == '"') in_str = false;
    } else if (c == '"') {
      in_str = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max) max = depth;
    } else if (c == '}' || c == ']') {
      if (depth) --depth;
    }
  }
  return max;
}

// RapidJSON 1.1.0 decodes a lone low surrogate escape ("\udc00") into bytes that are not UTF-8,
// even with kParseValidateEncodingFlag. Such text must never reach the database or a response.
bool strings_valid(const rapidjson::Value& v) {
  if (v.IsString()) return valid_utf8(std::string_view(v.GetString(), v.GetStringLength()));
  if (v.IsObject()) {
    for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it)
      if (!strings_valid(it->name) || !strings_valid(it->value)) return false;
  } else if (v.IsArray()) {
    for (auto it = v.Begin(); it != v.End(); ++it)
      if (!strings_valid(*it)) return false;
  }
  return true;
}
}  // namespace

Result<In> In::parse(std::string_view body, size_t max_depth) {
  In in;
  if (body.empty())
    return Error::bad_request("json.empty", "Isi permintaan kosong; diharapkan JSON.",
                              "The request body is empty; JSON was expected.");
  if (max_nesting(body) > max_depth)
    return Error::bad_request("json.too_deep", "JSON terlalu bertingkat.", "The JSON is nested too deeply.");
  in.doc_.Parse<rapidjson::kParseValidateEncodingFlag>(
      body.data(), body.size());
  if (in.doc_.HasParseError()) {
    auto off = in.doc_.GetErrorOffset();
    return Error::bad_request(
        "json.malformed", fmt::format("JSON tidak valid (posisi {}).", off),
        fmt::format("Malformed JSON at offset {}: {}.", off,
                    rapidjson::GetParseError_En(in.doc_.GetParseError())));
  }
  if (!strings_valid(in.doc_))
    return Error::bad_request("json.malformed", "JSON tidak valid (teks bukan UTF-8).",
                              "Malformed JSON: a string is not valid UTF-8 (lone surrogate escape).");
  if (!in.doc_.IsObject())
    return Error::bad_request("json.not_object", "Isi permintaan harus berupa objek JSON.",
                              "The request body must be a JSON object.");
  return in;
}

const rapidjson::Value* In::get(std::string_view name) const {
  auto it = doc_.FindMember(rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size())));
  return it == doc_.MemberEnd() ? nullptr : &it->value;
}

bool In::has(std::string_view name) const { return get(name) != nullptr; }
bool In::is_null(std::string_view name) const {
  auto v = get(name);
  return v && v->IsNull();
}

void In::add_error(std::string field, std::string code, std::string id, std::string en) {
  errors_.push_back(FieldError{std::move(field), std::move(code), {std::move(id), std::move(en)}});
}

std::optional<std::string> In::str(std::string_view name, bool required, size_t max_len) {
  auto v = get(name);
  if (!v || v->IsNull()) {
    if (required) add_error(std::string(name), "required", "Wajib diisi.", "This field is required.");
    return std::nullopt;
  }
  if (!v->IsString()) {
    add_error(std::string(name), "type", "Harus berupa teks.", "Must be text.");
    return std::nullopt;
  }
  std::string s = trim(std::string_view(v->GetString(), v->GetStringLength()));
  // A region code is taken as sent: " 63.71" is a mistake to be told, not quietly another text.
  if (name.size() >= 11 && name.substr(name.size() - 11) == "region_code" && s.size() != v->GetStringLength()) {
    add_error(std::string(name), "region_code", "Kode wilayah tidak boleh diawali atau diakhiri spasi.",
              "A region code must not start or end with a space.");
    return std::nullopt;
  }
  if (required && s.empty()) {
    add_error(std::string(name), "required", "Wajib diisi.", "This field is required.");
    return std::nullopt;
  }
  if (s.size() > max_len) {
    add_error(std::string(name), "too_long", fmt::format("Paling banyak {} karakter.", max_len),
              fmt::format("At most {} characters.", max_len));
    return std::nullopt;
  }
  if (s.find('\0') != std::string::npos) {
    add_error(std::string(name), "invalid", "Mengandung karakter yang tidak diizinkan.",
              "Contains a character that is not allowed.");
    return std::nullopt;
  }
  return s;
}

namespace {
// 1250000 -> "1.250.000" (Indonesian) or "1,250,000" (English).
std::string grouped(int64_t v, char sep) {
  std::string digits = std::to_string(v < 0 ? -(v + 1) + 1ULL : static_cast<uint64_t>(v));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return v < 0 ? "-" + out : out;
}
}  // namespace

std::optional<int64_t> In::int64(std::string_view name, bool required, int64_t min, int64_t max) {
  auto v = get(name);
  if (!v || v->IsNull()) {
    if (required) add_error(std::string(name), "required", "Wajib diisi.", "This field is required.");
    return std::nullopt;
  }
  if (!v->IsInt64()) {
    add_error(std::string(name), "type", "Harus berupa bilangan bulat.", "Must be a whole number.");
    return std::nullopt;
  }
  int64_t x = v->GetInt64();
  if (x < min || x > max) {
    // An open end is not a number a person should read ("... dan 9223372036854775807").
    const bool no_max = max == std::numeric_limits<int64_t>::max();
    const bool no_min = min == std::numeric_limits<int64_t>::min();
    if (no_max && !no_min)
      add_error(std::string(name), "out_of_range", fmt::format("Paling sedikit {}.", grouped(min, '.')),
                fmt::format("At least {}.", grouped(min, ',')));
    else if (no_min && !no_max)
      add_error(std::string(name), "out_of_range", fmt::format("Paling banyak {}.", grouped(max, '.')),
                fmt::format("At most {}.", grouped(max, ',')));
    else
      add_error(std::string(name), "out_of_range",
                fmt::format("Harus antara {} dan {}.", grouped(min, '.'), grouped(max, '.')),
                fmt::format("Must be between {} and {}.", grouped(min, ','), grouped(max, ',')));
    return std::nullopt;
  }
  return x;
}

std::optional<double> In::number(std::string_view name, bool required) {
  auto v = get(name);
  if (!v || v->IsNull()) {
    if (required) add_error(std::string(name), "required", "Wajib diisi.", "This field is required.");
    return std::nullopt;
  }
  if (!v->IsNumber()) {
    add_error(std::string(name), "type", "Harus berupa angka.", "Must be a number.");
    return std::nullopt;
  }
  return v->GetDouble();
}

std::optional<bool> In::boolean(std::string_view name, bool required) {
  auto v = get(name);
  if (!v || v->IsNull()) {
    if (required) add_error(std::string(name), "required", "Wajib diisi.", "This field is required.");
    return std::nullopt;
  }
  if (!v->IsBool()) {
    add_error(std::string(name), "type", "Harus berupa true atau false.", "Must be true or false.");
    return std::nullopt;
  }
  return v->GetBool();
}

std::optional<std::string> In::one_of(std::string_view name, bool required,
                                      const std::vector<std::string_view>& allowed) {
  auto s = str(name, required, 64);
  if (!s) return std::nullopt;
  for (auto a : allowed)
    if (*s == a) return s;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  add_error(std::string(name), "not_allowed", fmt::format("Pilih salah satu: {}.", list),
            fmt::format("Choose one of: {}.", list));
  return std::nullopt;
}

std::string with_member(std::string object, std::string_view key, std::string_view value_json) {
  while (!object.empty() && (object.back() == ' ' || object.back() == '\n')) object.pop_back();
  assert(!object.empty() && object.back() == '}');
  object.pop_back();
  size_t last = object.find_last_not_of(" \n\t\r");
  bool empty = last != std::string::npos && object[last] == '{';
  Out k;
  k.value(key);
  if (!empty) object += ',';
  object += k.take();
  object += ':';
  object += value_json;
  object += '}';
  return object;
}

std::string with_members(std::string object, std::string_view members) {
  size_t open = members.find('{'), close = members.rfind('}');
  assert(open != std::string_view::npos && close != std::string_view::npos && open < close);
  std::string_view inner = members.substr(open + 1, close - open - 1);
  if (inner.find_first_not_of(" \n\t\r") == std::string_view::npos) return object;
  while (!object.empty() && (object.back() == ' ' || object.back() == '\n')) object.pop_back();
  assert(!object.empty() && object.back() == '}');
  object.pop_back();
  size_t last = object.find_last_not_of(" \n\t\r");
  if (last == std::string::npos || object[last] != '{') object += ',';
  object += inner;
  object += '}';
  return object;
}

std::string problem(const Error& e, int status) {
  Out o;
  o.begin_object();
  o.kv("type", "/problems/" + e.code);
  o.kv("title", e.message.en);
  o.kv("status", status);
  o.kv("code", e.code);
  o.kv("detail", e.message.en);
  o.kv_message("message", e.message);
  if (e.retry_after_seconds > 0) o.kv("retry_after_seconds", e.retry_after_seconds);
  o.key("errors").begin_array();
  for (const auto& f : e.fields) {
    o.begin_object().kv("field", f.field).kv("code", f.code).kv_message("message", f.message).end_object();
  }
  o.end_array();
  o.end_object();
  return o.take();
}

}  // namespace pantau::json
