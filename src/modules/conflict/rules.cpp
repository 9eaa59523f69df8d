#include "modules/conflict/rules.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

namespace pantau::conflict {

namespace {
constexpr std::array<std::string_view, 8> kStages = {"POTENTIAL", "LATENT", "ESCALATING", "OPEN", "STATUS_DECLARED",
                                                     "RECOVERY", "RESOLVED", "ARCHIVED"};
}

std::string_view name(Stage s) { return kStages[static_cast<size_t>(s)]; }
std::optional<Stage> parse_stage(std::string_view s) {
  for (size_t i = 0; i < kStages.size(); ++i)
    if (kStages[i] == s) return static_cast<Stage>(i);
  return std::nullopt;
}

std::string_view police_group(std::string_view source) {
  if (source == "SARA") return "SARA";
  if (source == "BOUNDARY") return "BATAS_WILAYAH";
  if (source == "NATURAL_RESOURCE_DISPUTE" || source == "NATURAL_RESOURCE_DISTRIBUTION") return "SDA";
  return "POLEKSOSBUD";
}

Result<Stage> stage_transition(Stage from, Stage to, bool via_status_declaration) {
  using S = Stage;
  auto refuse = [&] {
    return Error::conflict("stage_not_allowed",
                           fmt::format("Tahap {} tidak dapat berubah langsung menjadi {}.", name(from), name(to)),
                           fmt::format("Stage {} cannot change directly to {}.", name(from), name(to)));
  };
  if (from == to || from == S::Archived) return refuse();
  if (to == S::Archived) return to;
  if (to == S::StatusDeclared) {
    if (!via_status_declaration)
      return Error::conflict("status_declaration_required",
                             "Tahap STATUS_DECLARED hanya melalui penetapan Status Keadaan Konflik.",
                             "STATUS_DECLARED is reached only by declaring a conflict status.");
    return from == S::Open || from == S::Escalating ? Result<Stage>(to) : Result<Stage>(refuse());
  }
  switch (from) {
    case S::Potential: if (to == S::Latent || to == S::Escalating || to == S::Resolved) return to; break;
    case S::Latent: if (to == S::Potential || to == S::Escalating || to == S::Resolved) return to; break;
    case S::Escalating: if (to == S::Latent || to == S::Open || to == S::Recovery || to == S::Resolved) return to; break;
    case S::Open: if (to == S::Recovery || to == S::Escalating) return to; break;
    case S::StatusDeclared: if (to == S::Recovery) return to; break;
    case S::Recovery: if (to == S::Resolved || to == S::Escalating) return to; break;
    case S::Resolved: if (to == S::Potential || to == S::Latent) return to; break;  // reopened
    default: break;
  }
  return refuse();
}

Status check_status_duration(int days) {
  if (days < 1 || days > kStatusMaxDays)
    return Error::invalid_field("duration_days", "out_of_range",
                                fmt::format("Status Keadaan Konflik paling lama {} hari (UU 7/2012).", kStatusMaxDays),
                                fmt::format("A conflict status lasts at most {} days (UU 7/2012).", kStatusMaxDays));
  return {};
}

Status check_extension(int days, bool already_extended) {
  if (already_extended)
    return Error::conflict("already_extended", "Status Keadaan Konflik hanya dapat diperpanjang satu kali.",
                           "A conflict status can be extended only once.");
  if (days < 1 || days > kExtensionMaxDays)
    return Error::invalid_field("extension_days", "out_of_range",
                                fmt::format("Perpanjangan paling lama {} hari.", kExtensionMaxDays),
                                fmt::format("An extension lasts at most {} days.", kExtensionMaxDays));
  return {};
}

Score score_region(const ScoringModel& m, Date today, const std::vector<IncidentFacts>& incidents,
                   const std::vector<Stage>& hotspots) {
  int64_t t = days_from_civil(today);
  double n = 0, fat = 0, inj = 0, disp = 0, dmg = 0, recent = 0;
  for (auto& i : incidents) {
    int64_t age = t - days_from_civil(i.date);
    if (age < 0 || age >= m.window_days) continue;
    ++n;
    fat += i.fatalities;
    inj += i.injuries;
    disp += i.displaced;
    dmg += i.property_damage ? 1 : 0;
    if (age < m.trend_days) ++recent;
  }
  double open = 0, latent = 0;
  for (auto s : hotspots) {
    if (s == Stage::Escalating || s == Stage::Open || s == Stage::StatusDeclared) ++open;
    else if (s == Stage::Potential || s == Stage::Latent) ++latent;
  }
  Score sc;
  auto add = [&](const char* code, double value, double points) {
    if (value > 0) sc.factors.push_back({code, value, points});
    sc.score += points;
  };
  add("incidents", n, n * m.w_incident);
  add("fatalities", fat, fat * m.w_fatality);
  add("injuries", inj, inj * m.w_injury);
  add("displaced", disp, disp / 100.0 * m.w_displaced_per_100);
  add("property_damage", dmg, dmg * m.w_damage);
  add("open_hotspots", open, open * m.w_open_hotspot);
  add("latent_hotspots", latent, latent * m.w_latent_hotspot);
  // Rising trend: the recent rate per day above the earlier part of the window.
  double earlier_days = m.window_days - m.trend_days;
  if (recent > 0 && earlier_days > 0 && recent / m.trend_days > (n - recent) / earlier_days) {
    double bonus = sc.score * m.trend_bonus;
    sc.factors.push_back({"rising_trend", recent, bonus});
    sc.score += bonus;
  }
  sc.score = std::round(sc.score * 10) / 10;
  sc.level = sc.score >= m.threshold_high ? "TINGGI" : sc.score >= m.threshold_medium ? "SEDANG" : "RENDAH";
  return sc;
}

std::optional<Message> incident_surge(const AlertRule& r, Date today, const std::vector<Date>& dates) {
  int64_t t = days_from_civil(today);
  int recent = 0, base = 0;
  for (auto d : dates) {
    int64_t age = t - days_from_civil(d);
    if (age < 0) continue;
    if (age < r.days) ++recent;
    else if (age < r.days + r.baseline_days) ++base;
  }
  double expected = static_cast<double>(base) / r.baseline_days * r.days;
  if (recent >= r.min_incidents && recent > r.factor * expected)
    return Message{fmt::format("{} insiden dalam {} hari terakhir, di atas {:.1f} kali rata-rata wilayah ini ({:.1f}).", recent,
                               r.days, r.factor, expected),
                   fmt::format("{} incidents in the last {} days, above {:.1f} times this region's usual rate ({:.1f}).",
                               recent, r.days, r.factor, expected)};
  return std::nullopt;
}

std::optional<Message> fatality(const IncidentFacts& i) {
  if (i.fatalities <= 0) return std::nullopt;
  return Message{fmt::format("Insiden dengan {} korban jiwa.", i.fatalities),
                 fmt::format("An incident with {} fatalities.", i.fatalities)};
}

std::optional<Message> hotspot_escalated(Stage from, Stage to) {
  if (to != Stage::Escalating || from == Stage::Open || from == Stage::StatusDeclared) return std::nullopt;
  return Message{"Potensi konflik meningkat ke tahap ESCALATING.", "A conflict hotspot moved to ESCALATING."};
}

}  // namespace pantau::conflict
