// A small cache of rendered answers (e.g. the national recap, ~100 KB of JSON that 514 rows and
// their deadlines make; a region's report list). An entry is used only while the database has had
// no committed write since it was made (Database::generation) and for at most `ttl`: the ttl
// bounds what this process cannot see (writes by another server or a command-line tool, and the
// clock passing a deadline). An entry may also end earlier, at a time its maker names (the list:
// the next deadline that turns a report from "not yet due" to "missing").
//
// Conditional GET: keep() also gives the answer an ETag (a hash of its body, made once per entry),
// and conditional_answer() turns a request whose If-None-Match names it into 304 Not Modified without a body.
#pragma once
#include <sodium.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/request.h"

namespace pantau::http {

// The strong ETag of a body: "<BLAKE2b-128 of the bytes, 32 hex digits>". The hash resists
// collisions, so two different bodies (of two users on one browser) never share a tag.
inline std::string body_etag(std::string_view body) {
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag(34, '"');
  for (size_t i = 0; i < sizeof h; ++i) {
    tag[1 + 2 * i] = kHex[h[i] >> 4];
    tag[2 + 2 * i] = kHex[h[i] & 15];
  }
  return tag;
}

// Whether an If-None-Match header value names `etag` (RFC 9110 §13.1.2: a list of tags compared
// weakly, W/ ignored, or `*`, which any current answer matches).
inline bool none_match_names(std::string_view header, std::string_view etag) {
  auto opaque = [](std::string_view t) { return t.substr(0, 2) == "W/" ? t.substr(2) : t; };
  std::string_view want = opaque(etag);
  size_t i = 0;
  while (i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == '\t' || header[i] == ',')) ++i;
    if (i >= header.size()) break;
    if (header[i] == '*') return true;
    size_t start = i;
    if (header.substr(i, 2) == "W/") i += 2;
    if (i >= header.size() || header[i] != '"') return false;  // malformed: no match
    size_t close = header.find('"', i + 1);
    if (close == std::string_view::npos) return false;
    if (opaque(header.substr(start, close + 1 - start)) == want) return true;
    i = close + 1;
  }
  return false;
}

// A rendered answer and its ETag (empty when it was kept by put(), which makes none).
struct CachedAnswer {
  std::string body;
  std::string etag;
};

// The 200 answer of a cached body with its ETag, or 304 Not Modified (ETag, no body) when the
// request's If-None-Match names it.
inline Response conditional_answer(const Request& req, const CachedAnswer& a) {
  Response r;
  if (none_match_names(req.header("if-none-match"), a.etag)) {
    r.status = 304;
    r.content_type.clear();
  } else {
    r.body = a.body;
  }
  r.header("ETag", a.etag);
  return r;
}

class AnswerCache {
 public:
  using Clock = std::chrono::steady_clock;
  // At most `max_entries` answers of at most `max_bytes` together; past either it starts over.
  AnswerCache(size_t max_entries, std::chrono::milliseconds ttl, size_t max_bytes = SIZE_MAX)
      : max_(max_entries), max_bytes_(max_bytes), ttl_(ttl) {}

  std::shared_ptr<const CachedAnswer> find(const std::string& key, uint64_t generation) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    if (it->second.generation != generation || Clock::now() >= it->second.until) {
      bytes_ -= it->second.answer->body.size();
      entries_.erase(it);
      return nullptr;
    }
    return it->second.answer;
  }

  std::shared_ptr<const std::string> get(const std::string& key, uint64_t generation) {
    auto a = find(key, generation);
    return a ? std::shared_ptr<const std::string>(a, &a->body) : nullptr;
  }

  // `generation` must be the value read before the data behind `body` was read.
  void put(const std::string& key, uint64_t generation, std::string body) {
    store(key, generation, std::make_shared<const CachedAnswer>(CachedAnswer{std::move(body), {}}), std::nullopt);
  }

  // Like put(), and gives the answer its ETag; the entry ends at `until` at the latest. Returns
  // the kept answer (also when it is too large to keep).
  std::shared_ptr<const CachedAnswer> keep(const std::string& key, uint64_t generation, std::string body,
                                           std::optional<Clock::time_point> until = std::nullopt) {
    std::string tag = body_etag(body);
    auto a = std::make_shared<const CachedAnswer>(CachedAnswer{std::move(body), std::move(tag)});
    store(key, generation, a, until);
    return a;
  }

 private:
  struct Entry {
    uint64_t generation = 0;
    Clock::time_point until;
    std::shared_ptr<const CachedAnswer> answer;
  };

  void store(const std::string& key, uint64_t generation, std::shared_ptr<const CachedAnswer> a,
             std::optional<Clock::time_point> until) {
    const size_t size = a->body.size();
    if (size > max_bytes_) return;
    Clock::time_point end = Clock::now() + ttl_;
    if (until && *until < end) end = *until;
    std::lock_guard lock(mu_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      bytes_ -= it->second.answer->body.size();
      entries_.erase(it);
    }
    if (entries_.size() >= max_ || bytes_ + size > max_bytes_) {
      entries_.clear();
      bytes_ = 0;
    }
    entries_[key] = Entry{generation, end, std::move(a)};
    bytes_ += size;
  }

  std::mutex mu_;
  size_t max_;
  size_t max_bytes_;
  std::chrono::milliseconds ttl_;
  size_t bytes_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace pantau::http
