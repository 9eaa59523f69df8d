// The provisional index computed from the evidence log, its back-test against the official
// values, and the improvement plan of a region.
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "core/region_code.h"
#include "modules/democracy/internal.h"
#include "modules/democracy/store.h"
#include "modules/meetings/public.h"

namespace pantau::democracy {

// --- provisional index ---------------------------------------------------------------------

std::vector<RegionProvisional> compute_provisional(db::Conn& c, int year, const WeightSet& w) {
  auto inds = indicators(c);
  detail::Official off = detail::load_official(c);
  std::vector<std::string> regions;
  std::unordered_map<std::string, size_t> index;
  c.query("SELECT code FROM regions WHERE level IN (1, 2) ORDER BY code", {}, [&](const db::Row& r) {
    index[r.str(0)] = regions.size();
    regions.push_back(r.str(0));
  });
  std::vector<std::array<IndicatorTally, 23>> tally(regions.size());
  c.query("SELECT region_code, indicator_no, sign, COUNT(*) FROM democracy_evidence WHERE year = ? GROUP BY region_code, indicator_no, sign",
          {int64_t{year}}, [&](const db::Row& r) {
            std::string code(r.text(0));
            int n = static_cast<int>(r.i64(1));
            if (n < 1 || n > 22) return;
            int count = static_cast<int>(r.i64(3));
            auto add = [&](const std::string& region) {
              auto it = index.find(region);
              if (it == index.end()) return;
              auto& t = tally[it->second][static_cast<size_t>(n)];
              (r.i64(2) > 0 ? t.positive : t.negative) += count;
            };
            add(code);
            if (code.size() == 5) add(code.substr(0, 2));  // a kab/kota's evidence also counts for its province
          });
  // Baselines are per province and indicator; a kab/kota takes its province's (BPS publishes no
  // kab/kota index).
  std::map<std::string, std::array<std::pair<double, Message>, 23>> base;
  std::vector<RegionProvisional> out;
  out.reserve(regions.size());
  for (size_t i = 0; i < regions.size(); ++i) {
    std::string prov = regions[i].substr(0, 2);
    auto b = base.find(prov);
    if (b == base.end()) {
      std::array<std::pair<double, Message>, 23> a;
      for (int n = 1; n <= 22; ++n) a[static_cast<size_t>(n)] = detail::baseline(off, prov, year, n);
      b = base.emplace(prov, std::move(a)).first;
    }
    RegionProvisional rp;
    rp.region_code = regions[i];
    std::map<int, double> scores;
    for (const auto& ind : inds) {
      auto& [value, from] = b->second[static_cast<size_t>(ind.number)];
      const IndicatorTally& t = tally[i][static_cast<size_t>(ind.number)];
      ProvisionalIndicator pi{ind.number, value, from.id, t, provisional_indicator(w, value, t)};
      scores[ind.number] = pi.score;
      rp.indicators.push_back(std::move(pi));
    }
    if (auto comp = aggregate(w, inds, scores); comp.ok()) rp.composite = std::move(*comp);
    out.push_back(std::move(rp));
  }
  return out;
}

namespace {
double round2(double v) { return std::round(v * 100.0) / 100.0; }
// An index is computed for a province or a kab/kota; a kab/kota office sees its own, a province and
// the ministry their kab/kota's.
Status index_region(const auth::Scope& s, const std::string& region) {
  auto level = region_level(region);
  if (level != RegionLevel::Provinsi && level != RegionLevel::KabKota)
    return Error::invalid_field("region", "region_code", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota.");
  if (!s.covers(region)) return Error::not_found("Wilayah di luar cakupan Anda.", "The region is outside your scope.");
  return {};
}
std::string category_name(double v) { return std::string(name(category_of(static_cast<int>(std::lround(v * 100))))); }
}  // namespace

Result<Provisional> provisional(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  PANTAU_CHECK(index_region(s, region));
  auto w = active_weights(c);
  if (!w) return Error::conflict("no_weights", "Belum ada set bobot aktif.", "No active weight set.");
  auto name_of = [&](const std::string& code) { return c.query_str("SELECT name FROM regions WHERE code = ?", {code}).value_or(""); };
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {region})) return Error::not_found("Wilayah tidak ditemukan.", "Region not found.");
  auto all = compute_provisional(c, year, *w);
  auto inds = indicators(c);
  const RegionProvisional* me = nullptr;
  for (auto& r : all) if (r.region_code == region) me = &r;
  if (!me) return Error::not_found();
  std::string prov = region.substr(0, 2);
  detail::Official off = detail::load_official(c);
  bool is_province = region_level(region) == RegionLevel::Provinsi;
  auto official_total = is_province ? off.at(prov, year, "TOTAL", "", 0) : std::nullopt;
  Provisional out;
  out.region_code = region;
  out.region_name = name_of(region);
  out.year = year;
  out.weights = *w;
  out.total = round2(me->composite.total);
  out.category = category_name(me->composite.total);
  if (official_total) {
    out.official_total = *official_total / 100.0;
    out.difference = round2(me->composite.total - *official_total / 100.0);
  }
  for (auto a : kNewAspects) {
    auto it = me->composite.aspect.find(std::string(a));
    double v = it == me->composite.aspect.end() ? 0 : it->second;
    auto official = is_province ? off.at(prov, year, "ASPECT", std::string(a), 0) : std::nullopt;
    ProvisionalAspect pa{std::string(a), category_name(v), round2(v), std::nullopt};
    if (official) pa.official = *official / 100.0;
    out.aspects.push_back(std::move(pa));
  }
  for (auto& pi : me->indicators) {
    const Indicator* ind = nullptr;
    for (auto& i : inds) if (i.number == pi.number) ind = &i;
    auto official = is_province ? off.at(prov, year, "INDICATOR", std::string(new_aspect_of(pi.number)), pi.number) : std::nullopt;
    auto from = detail::baseline(off, prov, year, pi.number).second;
    out.evidence_count += pi.tally.positive + pi.tally.negative;
    ProvisionalRow row;
    row.number = pi.number;
    row.aspect = std::string(new_aspect_of(pi.number));
    row.name_id = ind ? ind->name_id : "";
    row.name_en = ind ? ind->name_en : "";
    row.baseline = round2(pi.baseline);
    row.baseline_from = from;
    row.positive = pi.tally.positive;
    row.negative = pi.tally.negative;
    row.provisional = round2(pi.score);
    if (official) {
      row.official = *official / 100.0;
      row.difference = round2(pi.score - *official / 100.0);
    }
    std::string change_id = fmt::format("{:.2f} ({}) + {} bukti positif x {} - {} bukti negatif x {} = {:.2f}", pi.baseline, from.id,
                                        pi.tally.positive, w->positive_points, pi.tally.negative, w->negative_points, pi.score);
    std::string change_en = fmt::format("{:.2f} ({}) + {} positive x {} - {} negative x {} = {:.2f}", pi.baseline, from.en,
                                        pi.tally.positive, w->positive_points, pi.tally.negative, w->negative_points, pi.score);
    if (official) {
      change_id += fmt::format("; resmi {} {:.2f}", year, *official / 100.0);
      change_en += fmt::format("; official {} {:.2f}", year, *official / 100.0);
    }
    row.explanation = {change_id, change_en};
    row.evidence_link = fmt::format("/api/v1/democracy/evidence?region={}&year={}&indicator={}", region, year, pi.number);
    out.indicators.push_back(std::move(row));
  }
  if (is_province)
    for (auto& r : all)
      if (r.region_code.size() == 5 && r.region_code.compare(0, 2, prov) == 0 && s.covers(r.region_code)) {
        int64_t n = 0;
        for (auto& pi : r.indicators) n += pi.tally.positive + pi.tally.negative;
        out.kabkota.push_back({r.region_code, name_of(r.region_code), category_name(r.composite.total), round2(r.composite.total), n});
      }
  return out;
}

Backtest backtest(db::Conn& c, const auth::Scope& s, int year) {
  Backtest out{year, {}};
  auto w = active_weights(c);
  if (!w) return out;
  std::map<std::string, int> official;
  c.query("SELECT province_code, value FROM democracy_values WHERE year = ? AND level = 'PROVINSI' AND scope = 'TOTAL'", {int64_t{year}},
          [&](const db::Row& r) { official[r.str(0)] = static_cast<int>(r.i64(1)); });
  std::set<std::string> with_evidence;
  c.query("SELECT DISTINCT region_code FROM democracy_evidence WHERE year = ?", {int64_t{year}},
          [&](const db::Row& r) { with_evidence.insert(r.str(0).substr(0, 2)); });
  for (auto& r : compute_provisional(c, year, *w)) {
    if (r.region_code.size() != 2 || !official.count(r.region_code) || !with_evidence.count(r.region_code)) continue;
    if (!s.national() && !s.covers(r.region_code) && !region_within(s.region_code, r.region_code)) continue;
    double off = official[r.region_code] / 100.0;
    out.items.push_back({r.region_code, c.query_str("SELECT name FROM regions WHERE code = ?", {r.region_code}).value_or(""),
                         round2(r.composite.total), off, round2(r.composite.total - off)});
  }
  return out;
}

// --- improvement plan ---------------------------------------------------------------------

namespace {
std::string plan_ref(const std::string& region, int year) { return fmt::format("idi-plan:{}:{}", region, year); }
}  // namespace

Result<Plan> plan(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  PANTAU_CHECK(index_region(s, region));
  auto w = active_weights(c);
  if (!w) return Error::conflict("no_weights", "Belum ada set bobot aktif.", "No active weight set.");
  const RegionProvisional* me = nullptr;
  auto all = compute_provisional(c, year, *w);
  for (auto& r : all) if (r.region_code == region) me = &r;
  if (!me) return Error::not_found("Wilayah tidak ditemukan.", "Region not found.");
  auto inds = indicators(c);
  std::vector<ProvisionalIndicator> weakest = me->indicators;
  std::stable_sort(weakest.begin(), weakest.end(), [](const auto& a, const auto& b) { return a.score < b.score; });
  if (weakest.size() > 5) weakest.resize(5);
  Plan out;
  out.region_code = region;
  out.year = year;
  out.source_ref = plan_ref(region, year);
  for (auto& pi : weakest) {
    WeakIndicator wi;
    wi.number = pi.number;
    wi.negative = pi.tally.negative;
    wi.aspect = std::string(new_aspect_of(pi.number));
    for (auto& i : inds) if (i.number == pi.number) wi.name_id = i.name_id, wi.name_en = i.name_en;
    wi.provisional = std::round(pi.score * 100) / 100;
    out.weakest.push_back(std::move(wi));
  }
  for (const auto& a : meetings::action_items_of(c, s, "democracy", out.source_ref)) {
    PlanItem it;
    it.id = a.id;
    it.version = a.version;
    it.follow_ups = static_cast<int64_t>(a.follow_ups.size());
    it.indicator = a.indicator;
    it.action = a.action;
    it.output = a.output;
    it.owner_person = a.owner_person;
    it.owner_org_unit_name = a.owner_org_unit_name;
    it.due_date = a.due_date;
    it.status = a.status;
    it.progress_pct = a.progress_pct;
    out.items.push_back(std::move(it));
  }
  return out;
}

Result<int64_t> add_plan_item(db::Conn& c, const auth::Scope& s, const PlanItemInput& in) {
  auto level = region_level(in.region_code);
  if (level != RegionLevel::Provinsi && level != RegionLevel::KabKota)
    return Error::invalid_field("region_code", "region_code", "Pilih provinsi atau kabupaten/kota.", "Choose a province or a kab/kota.");
  if (in.indicator_no < 1 || in.indicator_no > 22)
    return Error::invalid_field("indicator_no", "out_of_range", "Indikator 1 sampai 22.", "Indicator 1 to 22.");
  if (in.year < 2021 || in.year > 2100) return Error::invalid_field("year", "out_of_range", "Tahun 2021 atau sesudahnya.", "Year 2021 or later.");
  std::string name;
  for (auto& i : indicators(c)) if (i.number == in.indicator_no) name = i.name_id;
  meetings::ActionItemInput a;
  a.source = "democracy";
  a.source_ref = plan_ref(in.region_code, in.year);
  a.region_code = in.region_code;
  a.action = in.action;
  a.output = in.output;
  a.indicator = fmt::format("IDI indikator {}: {}", in.indicator_no, name);
  a.owner_person = in.owner_person;
  a.due_date = in.due_date;
  return meetings::create_action_item(c, s, a);
}

}  // namespace pantau::democracy
