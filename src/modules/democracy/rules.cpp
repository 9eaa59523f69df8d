#include "modules/democracy/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pantau::democracy {

namespace {
FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}
bool starts_with_code(std::string_view code, std::string_view prefix) {
  if (prefix.empty()) return true;
  if (code.size() < prefix.size() || code.substr(0, prefix.size()) != prefix) return false;
  return code.size() == prefix.size() || code[prefix.size()] == '.';
}
}  // namespace

std::string_view name(Category c) {
  switch (c) {
    case Category::Baik: return "BAIK";
    case Category::Sedang: return "SEDANG";
    case Category::Buruk: return "BURUK";
  }
  return "BURUK";
}

Category category_of(Hundredths v) {
  if (v > 8000) return Category::Baik;
  if (v >= 6000) return Category::Sedang;
  return Category::Buruk;
}

std::optional<Hundredths> parse_value(std::string_view s) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot), frac = dot == std::string_view::npos ? "" : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 3 || frac.size() > 2 || (dot != std::string_view::npos && frac.empty())) return std::nullopt;
  int w = 0, f = 0;
  for (char ch : whole) {
    if (ch < '0' || ch > '9') return std::nullopt;
    w = w * 10 + (ch - '0');
  }
  for (size_t i = 0; i < 2; ++i) {
    char ch = i < frac.size() ? frac[i] : '0';
    if (ch < '0' || ch > '9') return std::nullopt;
    f = f * 10 + (ch - '0');
  }
  int v = w * 100 + f;
  if (v > 10000) return std::nullopt;
  return v;
}

std::string format_value(Hundredths v) { return fmt::format("{}.{:02d}", v / 100, v % 100); }

std::string_view new_aspect_of(int n) {
  if (n >= 1 && n <= 7) return kNewAspects[0];
  if (n >= 8 && n <= 14) return kNewAspects[1];
  if (n >= 15 && n <= 22) return kNewAspects[2];
  return "";
}

std::vector<FieldError> validate_weights(const WeightSet& w, const std::vector<Indicator>& indicators) {
  std::vector<FieldError> e;
  if (w.source.empty()) e.push_back(field("source", "required", "Sumber bobot wajib diisi.", "The source of the weights is required."));
  if (w.decided_on.size() != 10) e.push_back(field("decided_on", "invalid", "Tanggal penetapan harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  if (w.negative_points < 0 || w.negative_points > 20 || w.positive_points < 0 || w.positive_points > 20)
    e.push_back(field("negative_points", "out_of_range", "Poin per bukti harus antara 0 dan 20.", "Points per evidence item must be between 0 and 20."));
  double aspect_sum = 0;
  std::map<std::string, double> per_aspect;
  for (auto a : kNewAspects) {
    auto it = w.aspect.find(std::string(a));
    if (it == w.aspect.end()) {
      e.push_back(field("aspects." + std::string(a), "required", fmt::format("Bobot aspek {} belum ada.", a), fmt::format("Aspect {} has no weight.", a)));
      continue;
    }
    if (it->second < 0) e.push_back(field("aspects." + std::string(a), "negative", "Bobot tidak boleh negatif.", "A weight cannot be negative."));
    aspect_sum += it->second;
  }
  if (w.aspect.size() == kNewAspects.size() && std::fabs(aspect_sum - 1.0) > kWeightTolerance)
    e.push_back(field("aspects", "sum", fmt::format("Jumlah bobot aspek {:.4f}, harus 1.", aspect_sum),
                      fmt::format("The aspect weights add up to {:.4f}; they must add up to 1.", aspect_sum)));
  for (const auto& ind : indicators) {
    if (ind.method != kNewMethod) continue;
    auto it = w.indicator.find(ind.number);
    if (it == w.indicator.end()) {
      e.push_back(field(fmt::format("indicators.{}", ind.number), "required", fmt::format("Indikator {} belum berbobot.", ind.number),
                        fmt::format("Indicator {} has no weight.", ind.number)));
      continue;
    }
    if (it->second < 0) e.push_back(field(fmt::format("indicators.{}", ind.number), "negative", "Bobot tidak boleh negatif.", "A weight cannot be negative."));
    per_aspect[ind.aspect] += it->second;
  }
  for (auto& [a, sum] : per_aspect)
    if (std::fabs(sum - 1.0) > kWeightTolerance)
      e.push_back(field("indicators." + a, "sum", fmt::format("Jumlah bobot indikator aspek {} {:.4f}, harus 1.", a, sum),
                        fmt::format("The indicator weights of aspect {} add up to {:.4f}; they must add up to 1.", a, sum)));
  return e;
}

Result<Composite> aggregate(const WeightSet& w, const std::vector<Indicator>& indicators, const std::map<int, double>& scores) {
  Composite c;
  for (const auto& ind : indicators) {
    if (ind.method != kNewMethod) continue;
    auto s = scores.find(ind.number);
    if (s == scores.end())
      return Error::invalid_field(fmt::format("indicators.{}", ind.number), "missing", fmt::format("Nilai indikator {} belum ada.", ind.number),
                                  fmt::format("Indicator {} has no score.", ind.number));
    auto wi = w.indicator.find(ind.number);
    double weight = wi == w.indicator.end() ? 0 : wi->second;
    c.indicator[ind.number] = s->second;
    c.aspect[ind.aspect] += weight * s->second;
  }
  for (auto& [a, v] : c.aspect) {
    auto wa = w.aspect.find(a);
    c.total += (wa == w.aspect.end() ? 0 : wa->second) * v;
  }
  return c;
}

double provisional_indicator(const WeightSet& w, double baseline, const IndicatorTally& t) {
  double v = baseline + w.positive_points * t.positive - w.negative_points * t.negative;
  return std::clamp(v, 0.0, 100.0);
}

std::vector<Proposal> propose(const std::vector<ProposalRule>& rules, const SourceRecord& r) {
  std::vector<Proposal> out;
  for (const auto& rule : rules) {
    if (!rule.active || rule.source_kind != r.kind) continue;
    int sign = rule.sign;
    if (r.kind == "INCIDENT" || r.kind == "MONITORING_EVENT") {
      if (!starts_with_code(r.code, rule.match)) continue;
    } else if (r.kind == "MEETING") {
      // The meeting type, and at least `threshold` participants from parties or ormas.
      if (!starts_with_code(r.code, rule.match) || r.value < rule.threshold) continue;
    } else if (r.kind == "LPJ_SHARE") {
      sign = r.value >= rule.threshold ? +1 : -1;
    } else if (r.kind == "INFO_REQUEST") {
      // LATE: more than `threshold` working days past the limit; REFUSED: refused without a
      // valid exemption.
      if (!starts_with_code(r.code, rule.match)) continue;
      if (r.code == "LATE" && !(r.value > rule.threshold)) continue;
      sign = -1;
    } else {
      continue;
    }
    out.push_back({rule.id, rule.indicator_no, sign});
  }
  return out;
}

std::vector<FieldError> validate_rule(const ProposalRule& r) {
  std::vector<FieldError> e;
  if (std::find(kSourceKinds.begin(), kSourceKinds.end(), r.source_kind) == kSourceKinds.end())
    e.push_back(field("source_kind", "not_allowed", "Jenis catatan sumber tidak dikenal.", "Unknown kind of source record."));
  if (r.indicator_no < 1 || r.indicator_no > 22)
    e.push_back(field("indicator_no", "out_of_range", "Indikator harus 1 sampai 22 (metode 2021).", "The indicator must be 1 to 22 (2021 method)."));
  if (r.sign != 1 && r.sign != -1) e.push_back(field("sign", "not_allowed", "Arah bukti harus +1 atau -1.", "The sign must be +1 or -1."));
  if (r.threshold < 0 || r.threshold > 1000) e.push_back(field("threshold", "out_of_range", "Ambang harus antara 0 dan 1000.", "The threshold must be between 0 and 1000."));
  if (r.match.size() > 64) e.push_back(field("match", "too_long", "Kode terlalu panjang.", "The code is too long."));
  return e;
}

}  // namespace pantau::democracy
