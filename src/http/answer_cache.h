// A small cache of rendered answers (e.g. the national recap, ~100 KB of JSON that 514 rows and
// their deadlines make). An entry is used only while the database has had no committed write
// since it was made (Database::generation) and for at most `ttl`: the ttl bounds what this process
// cannot see (writes by another server or a command-line tool, and the clock passing a deadline).
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace pantau::http {

class AnswerCache {
 public:
  using Clock = std::chrono::steady_clock;
  AnswerCache(size_t max_entries, std::chrono::milliseconds ttl) : max_(max_entries), ttl_(ttl) {}

  std::shared_ptr<const std::string> get(const std::string& key, uint64_t generation) {
    std::lock_guard lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return nullptr;
    if (it->second.generation != generation || Clock::now() - it->second.made > ttl_) {
      entries_.erase(it);
      return nullptr;
    }
    return it->second.body;
  }

  // `generation` must be the value read before the data behind `body` was read.
  void put(const std::string& key, uint64_t generation, std::string body) {
    auto shared = std::make_shared<const std::string>(std::move(body));
    std::lock_guard lock(mu_);
    if (entries_.size() >= max_) entries_.clear();
    entries_[key] = Entry{generation, Clock::now(), std::move(shared)};
  }

 private:
  struct Entry {
    uint64_t generation = 0;
    Clock::time_point made;
    std::shared_ptr<const std::string> body;
  };
  std::mutex mu_;
  size_t max_;
  std::chrono::milliseconds ttl_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace pantau::http
