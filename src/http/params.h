// Parameters every module reads the same way: a record id in the path, and keyset paging.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/region_code.h"
#include "core/strings.h"
#include "db/page.h"
#include "http/json.h"
#include "http/request.h"

namespace pantau::http {

// A positive integer id from the path; anything else is "not found" (as an absent record is).
inline Result<int64_t> path_id(const Request& req, std::string_view name = "id") {
  auto v = parse_int64(req.param(name));
  if (!v || *v < 1) return Error::not_found();
  return *v;
}

// The one Paging and Page<T> (db/page.h), named here too for the handlers.
using Paging = db::Paging;
template <class T>
using Page = db::Page<T>;

// ?after=&limit=, the same on every list: a cursor that is not a positive whole number, or a
// limit outside 1..max_limit, is a 422 naming the field (in both languages), never clamped.
inline Result<Paging> paging(const Request& req, int default_limit = 50, int max_limit = 500) {
  Paging p;
  p.limit = default_limit;
  if (auto a = req.q("after"); a && !a->empty()) {
    auto v = parse_int64(*a);
    if (!v || *v < 1) return Error::invalid_field("after", "invalid", "Kursor halaman tidak valid.", "The page cursor is invalid.");
    p.after = *v;
  }
  if (auto l = req.q("limit"); l && !l->empty()) {
    auto v = parse_int64(*l);
    if (!v || *v < 1 || *v > max_limit)
      return Error::invalid_field("limit", "out_of_range", "Batas harus antara 1 dan " + std::to_string(max_limit) + ".",
                                  "The limit must be between 1 and " + std::to_string(max_limit) + ".");
    p.limit = static_cast<int>(*v);
  }
  return p;
}

// ?limit= alone, for a short list that has no cursor (suggestions while typing): the same 422
// naming `limit` as paging() for a value outside 1..max_limit, never clamped.
inline Result<int> limit_param(const Request& req, int default_limit, int max_limit) {
  auto l = req.q("limit");
  if (!l || l->empty()) return default_limit;
  auto v = parse_int64(*l);
  if (!v || *v < 1 || *v > max_limit)
    return Error::invalid_field("limit", "out_of_range", "Batas harus antara 1 dan " + std::to_string(max_limit) + ".",
                                "The limit must be between 1 and " + std::to_string(max_limit) + ".");
  return static_cast<int>(*v);
}

// A list answer: {"items":[...],"next_after":"<cursor>"|null}. Each item is serialised by the
// to_json of its module (found by argument-dependent lookup).
template <class T>
std::string page_json(const std::vector<T>& items, const std::optional<int64_t>& next_after) {
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (const auto& item : items) o.raw(to_json(item));
  o.end_array().key("next_after");
  if (next_after) o.value(std::to_string(*next_after));
  else o.null();
  o.end_object();
  return o.take();
}

// The same for a module's Page<T> (items + next_after).
template <class P>
auto page_json(const P& page) -> decltype(page.next_after, std::string()) {
  return page_json(page.items, page.next_after);
}

// An enumerated filter (?status=, ?category=...): absent or empty means no filter; a value
// outside `allowed` is a 422 naming the parameter, never a scan that finds nothing.
inline Result<std::string> enum_param(const Request& req, std::string_view name,
                                      const std::vector<std::string_view>& allowed) {
  std::string v = req.q(name).value_or("");
  if (v.empty()) return v;
  for (auto a : allowed)
    if (a == v) return v;
  std::string list;
  for (auto a : allowed) {
    if (!list.empty()) list += ", ";
    list += a;
  }
  return Error::invalid_field(std::string(name), "not_allowed", "Nilai tidak dikenal. Pilih salah satu: " + list + ".",
                              "Unknown value. Choose one of: " + list + ".");
}

// ?region= (or another name): empty, or a well-formed Kemendagri code; otherwise a 422 naming
// the parameter, as every list answers.
inline Result<std::string> region_param(const Request& req, std::string_view name = "region") {
  std::string v = req.q(name).value_or("");
  if (!v.empty() && region_level(v) == RegionLevel::Invalid)
    return Error::invalid_field(std::string(name), "region_code", "Kode wilayah Kemendagri tidak valid, misalnya 63 atau 63.71.",
                                "Not a valid Kemendagri region code, such as 63 or 63.71.");
  return v;
}

}  // namespace pantau::http
