// Pure rules of the democracy index; tested by the tables in tests/fixtures/idi_*.tsv.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "modules/democracy/model.h"

namespace pantau::democracy {

// BPS categories (unchanged between methods): Baik above 80, Sedang 60 to 80, Buruk below 60.
// Exactly 80.00 is Sedang, exactly 60.00 Sedang.
Category category_of(Hundredths v);

// "80.44", "80.4", "80" -> 8044, 8040, 8000. Refuses more than two decimals, a comma, a sign or
// a value outside 0..100.
std::optional<Hundredths> parse_value(std::string_view s);
std::string format_value(Hundredths v);  // 8040 -> "80.40"

// The aspect an indicator of the 2021 method belongs to (1-7 KEBEBASAN, 8-14 KESETARAAN,
// 15-22 KAPASITAS), "" outside 1..22.
std::string_view new_aspect_of(int indicator_no);

// Field errors of a weight set against the indicators of the 2021 method: every aspect and every
// indicator weighted, no weight negative, aspect weights summing to 1 and the indicator weights of
// each aspect summing to 1 (within kWeightTolerance, the rounding of weights written to four
// decimals), the points per evidence item between 0 and 20, a source and a date.
inline constexpr double kWeightTolerance = 0.0005;
std::vector<FieldError> validate_weights(const WeightSet& w, const std::vector<Indicator>& indicators);

// The composite of indicator scores: aspect = sum of w_i * I_i over its indicators, total = sum of
// W_a * aspect. Every indicator must have a score; a missing one is an error naming it.
Result<Composite> aggregate(const WeightSet& w, const std::vector<Indicator>& indicators,
                            const std::map<int, double>& indicator_scores);

// A provisional indicator score: the baseline (the last official value known for the region, see
// store.h) plus positive_points per positive item, minus negative_points per negative item,
// kept within 0..100.
double provisional_indicator(const WeightSet& w, double baseline, const IndicatorTally& t);

// The evidence the rules propose for one record: one proposal per matching active rule. Rules of
// an unknown kind never match.
std::vector<Proposal> propose(const std::vector<ProposalRule>& rules, const SourceRecord& r);

// Field errors of a rule a national administrator sets.
std::vector<FieldError> validate_rule(const ProposalRule& r);

}  // namespace pantau::democracy
