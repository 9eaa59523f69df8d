// Distinct strings numbered in the order they are first added, then ranked in byte order (the
// BINARY collation of SQLite, the C collation of PostgreSQL's code columns). A bulk writer sorts
// millions of rows by these small numbers instead of by their strings, then writes the rows in a
// table's key order (the ormas import's search words, ormas_words and actor_words).
// The strings are views: whoever adds one keeps it alive as long as the Interned and the views
// it hands out are used.
#pragma once
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pantau {

class Interned {
 public:
  // The number of `s`, given when it was first added.
  uint32_t add(std::string_view s) {
    auto [it, fresh] = index_.try_emplace(s, static_cast<uint32_t>(all_.size()));
    if (fresh) all_.push_back(s);
    return it->second;
  }
  std::optional<uint32_t> find(std::string_view s) const {
    auto it = index_.find(s);
    return it == index_.end() ? std::nullopt : std::optional<uint32_t>(it->second);
  }
  // By number.
  const std::vector<std::string_view>& all() const { return all_; }

  // The strings in byte order, and for each number its place in that order.
  struct Ranked {
    std::vector<std::string_view> sorted;
    std::vector<uint32_t> rank;
  };
  Ranked ranked() const {
    std::vector<uint32_t> order(all_.size());
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return all_[a] < all_[b]; });
    Ranked out{std::vector<std::string_view>(order.size()), std::vector<uint32_t>(order.size())};
    for (uint32_t k = 0; k < order.size(); ++k) {
      out.sorted[k] = all_[order[k]];
      out.rank[order[k]] = k;
    }
    return out;
  }

 private:
  std::unordered_map<std::string_view, uint32_t> index_;
  std::vector<std::string_view> all_;
};

}  // namespace pantau
