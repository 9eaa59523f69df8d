// A fixed-window limiter per key (usually the client's IP) for the public routes that need no
// account (document verification, meeting check-in): past `per_minute` requests in a minute a
// key is refused until the minute is over. Memory stays bounded under a flood (the table is
// cleared past 100,000 keys). Thread-safe. Per process: behind several instances each counts
// its own share, which is what a limit against one abusive client needs.
#pragma once
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/error.h"

namespace pantau::http {

class RateLimiter {
 public:
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}
  // True when the request may go ahead (and counts it).
  bool allow(const std::string& key) {
    std::lock_guard lk(mu_);
    auto now = std::chrono::steady_clock::now();
    if (windows_.size() > 100000) windows_.clear();
    auto& w = windows_[key];
    if (now - w.start > std::chrono::minutes(1)) {
      w.start = now;
      w.count = 0;
    }
    return ++w.count <= per_minute_;
  }
  static Error refused() {
    return Error::make(ErrorKind::TooManyRequests, "rate_limited", "Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.",
                       "Too many requests. Wait a moment and try again.");
  }

 private:
  struct Window {
    std::chrono::steady_clock::time_point start{};
    int count = 0;
  };
  int per_minute_;
  std::mutex mu_;
  std::unordered_map<std::string, Window> windows_;
};

}  // namespace pantau::http
