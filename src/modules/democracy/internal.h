// Helpers the democracy store files share (not for other modules).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "auth/scope.h"
#include "core/error.h"
#include "db/database.h"
#include "modules/democracy/store.h"

namespace pantau::democracy::detail {

FieldError field(std::string f, std::string code, std::string id, std::string en);
// Official values and weight sets are national reference data.
Status national_admin(const auth::Scope& s);

// All official values, in memory for the provisional index (a few thousand rows at most).
struct Official {
  // key "P|year|scope|aspect|indicator" with P = province code or "N" for national
  std::unordered_map<std::string, int> value;
  std::map<std::string, std::vector<int>> years_of;  // "P|scope|aspect|indicator" -> years, ascending
  static std::string key(const std::string& p, const std::string& scope, const std::string& aspect, int ind) {
    return p + '|' + scope + '|' + aspect + '|' + std::to_string(ind);
  }
  std::optional<int> at(const std::string& p, int year, const std::string& scope, const std::string& aspect, int ind) const {
    auto it = value.find(std::to_string(year) + '|' + key(p, scope, aspect, ind));
    if (it == value.end()) return std::nullopt;
    return it->second;
  }
  // The latest value before `year`, with its year.
  std::optional<std::pair<int, int>> before(const std::string& p, int year, const std::string& scope, const std::string& aspect, int ind) const {
    auto it = years_of.find(key(p, scope, aspect, ind));
    if (it == years_of.end()) return std::nullopt;
    std::optional<std::pair<int, int>> best;
    for (int y : it->second)
      if (y < year) best = {y, *at(p, y, scope, aspect, ind)};
    return best;
  }
};

Official load_official(db::Conn& c);
// The baseline of one indicator of a province for `year`: the latest official value published
// before that year, from the most specific level that has one.
std::pair<double, Message> baseline(const Official& off, const std::string& province, int year, int indicator);

// Writes an evidence item (checked, down to kab/kota) with the record it came from (kind "" = none).
Result<int64_t> insert_evidence(db::Conn& c, const auth::Scope& s, const EvidenceInput& given, const std::string& kind, int64_t source_id);

}  // namespace pantau::democracy::detail
