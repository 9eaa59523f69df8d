// Pure rules of the Ombudsman self-assessment: reading the checklist data and scoring answers.
// Tested by tests/fixtures/services_self_assessment.tsv against the shipped data files.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/strings.h"
#include "modules/services/assessment.h"

namespace pantau::services {

namespace {

Error bad_data(const std::string& file, size_t line, const std::string& id, const std::string& en) {
  return Error::make(ErrorKind::Invalid, "seed.bad_data", file + " baris " + std::to_string(line) + ": " + id,
                     file + " line " + std::to_string(line) + ": " + en);
}

std::optional<double> number(const std::string& s) {
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// The data rows of a tab-separated file: comments and the header skipped, `columns` cells each.
Result<std::vector<std::pair<size_t, std::vector<std::string>>>> rows_of(std::string_view text, const std::string& file, size_t columns) {
  std::vector<std::pair<size_t, std::vector<std::string>>> out;
  bool header = true;
  size_t n = 0;
  for (auto& raw : split(text, '\n')) {
    ++n;
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    auto cells = split(line, '\t');
    if (cells.size() != columns)
      return bad_data(file, n, "jumlah kolom harus " + std::to_string(columns), "expected " + std::to_string(columns) + " columns");
    out.emplace_back(n, std::move(cells));
  }
  return out;
}

}  // namespace

Result<Checklist> parse_checklist(std::string_view checklist_tsv, std::string_view zones_tsv) {
  const std::string cf = "ombudsman_checklist.tsv", zf = "ombudsman_zones.tsv";
  Checklist cl;
  PANTAU_TRY(auto rows, rows_of(checklist_tsv, cf, 8));
  std::set<std::string> codes;
  for (auto& [line, c] : rows) {
    auto w = number(c[3]);
    if (!w || *w <= 0) return bad_data(cf, line, "bobot harus angka positif", "the weight must be a positive number");
    if (c[1].empty() || !codes.insert(c[1]).second) return bad_data(cf, line, "kode kosong atau ganda", "empty or repeated code");
    if (c[7] != "C" && c[7] != "U") return bad_data(cf, line, "keyakinan harus C atau U", "confidence must be C or U");
    ChecklistRow r{c[0], c[1], c[2], *w, {c[4], c[5]}, c[6], c[7]};
    if (r.level == "DIMENSION") cl.dimensions.push_back(r);
    else if (r.level == "ITEM") cl.items.push_back(r);
    else return bad_data(cf, line, "level harus DIMENSION atau ITEM", "level must be DIMENSION or ITEM");
  }
  double sum = 0;
  for (auto& d : cl.dimensions) {
    sum += d.weight;
    bool has = false;
    for (auto& i : cl.items) has = has || i.dimension == d.code;
    if (!has) return bad_data(cf, 0, "dimensi " + d.code + " tanpa butir", "dimension " + d.code + " has no items");
  }
  if (cl.dimensions.empty() || std::fabs(sum - 100.0) > 0.01)
    return bad_data(cf, 0, "bobot dimensi harus berjumlah 100", "the dimension weights must add up to 100");
  for (auto& i : cl.items) {
    bool known = false;
    for (auto& d : cl.dimensions) known = known || d.code == i.dimension;
    if (!known) return bad_data(cf, 0, "butir " + i.code + " pada dimensi yang tidak dikenal", "item " + i.code + " of an unknown dimension");
  }
  PANTAU_TRY(auto zrows, rows_of(zones_tsv, zf, 6));
  for (auto& [line, c] : zrows) {
    auto m = number(c[1]);
    if (!m || *m < 0 || *m > 100) return bad_data(zf, line, "batas bawah harus 0 sampai 100", "the threshold must be 0 to 100");
    cl.zones.push_back({c[0], *m, {c[2], c[3]}, c[4], c[5]});
  }
  std::sort(cl.zones.begin(), cl.zones.end(), [](const ZoneRule& a, const ZoneRule& b) { return a.min_score > b.min_score; });
  if (cl.zones.empty() || cl.zones.back().min_score != 0)
    return bad_data(zf, 0, "zona terendah harus mulai dari 0", "the lowest zone must start at 0");
  return cl;
}

AssessmentScore score_assessment(const Checklist& cl, const std::map<std::string, std::string>& answers) {
  AssessmentScore out;
  double total = 0, total_weight = 0;
  for (auto& d : cl.dimensions) {
    double got = 0, possible = 0;
    for (auto& i : cl.items) {
      if (i.dimension != d.code) continue;
      ++out.items;
      auto it = answers.find(i.code);
      std::string a = it == answers.end() ? "" : it->second;
      if (!a.empty()) ++out.answered;
      if (a == "NA") continue;
      possible += i.weight;
      got += a == "YES" ? i.weight : a == "PARTIAL" ? i.weight / 2 : 0;
    }
    if (possible <= 0) continue;
    double score = 100.0 * got / possible;
    out.by_dimension[d.code] = std::round(score * 100.0) / 100.0;
    total += d.weight * score;
    total_weight += d.weight;
  }
  out.total = total_weight > 0 ? std::round(total / total_weight * 100.0) / 100.0 : 0;
  for (auto& z : cl.zones)
    if (out.total >= z.min_score) {
      out.zone = z.zone;
      break;
    }
  return out;
}

}  // namespace pantau::services
