#include "modules/conflict/rules.h"

#include <fmt/format.h>

#include "core/calendar.h"
#include "core/region_code.h"

#include <algorithm>
#include <array>
#include <cctype>
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
                                fmt::format("Status Keadaan Konflik berlaku antara 1 dan {} hari (UU 7/2012).", kStatusMaxDays),
                                fmt::format("A conflict status lasts between 1 and {} days (UU 7/2012).", kStatusMaxDays));
  return {};
}

Status check_extension(int days, bool already_extended) {
  if (already_extended)
    return Error::conflict("already_extended", "Status Keadaan Konflik hanya dapat diperpanjang satu kali.",
                           "A conflict status can be extended only once.");
  if (days < 1 || days > kExtensionMaxDays)
    return Error::invalid_field("days", "out_of_range",
                                fmt::format("Perpanjangan berlaku antara 1 dan {} hari.", kExtensionMaxDays),
                                fmt::format("An extension lasts between 1 and {} days.", kExtensionMaxDays));
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

std::vector<FieldError> validate_alert_rule(const AlertRule& r) {
  std::vector<FieldError> e;
  auto add = [&](const char* f, const char* id, const char* en) { e.push_back(FieldError{f, "out_of_range", {id, en}}); };
  if (std::find(std::begin(kAlertKinds), std::end(kAlertKinds), r.code) == std::end(kAlertKinds))
    e.push_back(FieldError{"kind", "not_allowed", {"Jenis aturan tidak dikenal.", "Unknown rule kind."}});
  if (std::find(std::begin(kAlertTiers), std::end(kAlertTiers), r.target_tier) == std::end(kAlertTiers))
    e.push_back(FieldError{"target_tier", "not_allowed", {"Tingkat tujuan: KABKOTA, PROVINSI, atau NASIONAL.",
                                                          "Target tier: KABKOTA, PROVINSI or NASIONAL."}});
  if (r.days < 1 || r.days > 90) add("days", "Jangka waktu antara 1 dan 90 hari.", "The window is 1 to 90 days.");
  if (!std::isfinite(r.factor) || r.factor < 1 || r.factor > 20) add("factor", "Kelipatan antara 1 dan 20.", "The factor is 1 to 20.");
  if (r.min_incidents < 1 || r.min_incidents > 1000) add("min_incidents", "Paling sedikit 1 sampai 1000 insiden.", "At least 1 to 1000 incidents.");
  if (r.baseline_days < 7 || r.baseline_days > 730) add("baseline_days", "Masa pembanding antara 7 dan 730 hari.", "The baseline is 7 to 730 days.");
  if (r.response_days < 1 || r.response_days > 60) add("response_days", "Batas tanggapan antara 1 dan 60 hari.", "The response time is 1 to 60 days.");
  return e;
}

std::vector<std::string> alert_recipients(const std::string& tier, const std::string& region) {
  size_t len = tier == "KABKOTA" ? 5 : tier == "PROVINSI" ? 2 : 0;
  std::string first = region.substr(0, std::min(len, region.size()));
  if (first.empty()) return {""};
  return {first, region_parent(first)};
}

bool valid_time_of_day(const std::string& t) {
  if (t.empty()) return true;
  if (t.size() != 5 || t[2] != ':' || !std::isdigit(static_cast<unsigned char>(t[0])) ||
      !std::isdigit(static_cast<unsigned char>(t[1])) || !std::isdigit(static_cast<unsigned char>(t[3])) ||
      !std::isdigit(static_cast<unsigned char>(t[4])))
    return false;
  return std::stoi(t.substr(0, 2)) < 24 && std::stoi(t.substr(3, 2)) < 60;
}

bool incident_in_future(const std::string& region_code, Date date, const std::string& time, const std::string& now_utc) {
  auto today = parse_date(now_utc.substr(0, 10));
  if (!today || now_utc.size() < 16) return false;
  int64_t now_min = days_from_civil(*today) * 1440 + std::stoi(now_utc.substr(11, 2)) * 60 + std::stoi(now_utc.substr(14, 2)) +
                    utc_offset_hours(region_code) * 60;
  int64_t local_day = now_min >= 0 ? now_min / 1440 : (now_min - 1439) / 1440;
  int64_t day = days_from_civil(date);
  if (day != local_day || time.empty() || !valid_time_of_day(time)) return day > local_day;
  return day * 1440 + std::stoi(time.substr(0, 2)) * 60 + std::stoi(time.substr(3, 2)) > now_min;
}

static FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}

std::vector<FieldError> validate_incident(const IncidentInput& in, const std::string& now_utc) {
  std::vector<FieldError> e;
  if (region_level(in.region_code) == RegionLevel::Invalid || in.region_code.empty())
    e.push_back(field("region_code", "region_code", "Kode wilayah tidak valid.", "Invalid region code."));
  auto d = parse_date(in.occurred_on);
  if (!d) e.push_back(field("occurred_on", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  else if (incident_in_future(in.region_code, *d, in.occurred_time, now_utc))
    e.push_back(field("occurred_on", "future", "Tanggal kejadian di masa depan (waktu setempat).", "The date is in the future (local time)."));
  if (!valid_time_of_day(in.occurred_time))
    e.push_back(field("occurred_time", "invalid", "Jam harus JJ:MM (00:00 sampai 23:59).", "The time must be HH:MM (00:00 to 23:59)."));
  if (std::find(kSources.begin(), kSources.end(), in.source) == kSources.end())
    e.push_back(field("source", "not_allowed", "Sumber konflik harus salah satu dari lima sumber UU 7/2012.",
                      "The source must be one of the five sources of UU 7/2012."));
  static const std::vector<std::string> infos = {"FIELD", "MEDIA", "AGENCY", "PUBLIC"};
  if (std::find(infos.begin(), infos.end(), in.info_source) == infos.end())
    e.push_back(field("info_source", "not_allowed", "Pilih FIELD, MEDIA, AGENCY, atau PUBLIC.", "Choose FIELD, MEDIA, AGENCY or PUBLIC."));
  if (in.fatalities < 0 || in.injuries < 0 || in.displaced < 0 || in.fatalities > 100000 || in.displaced > 10000000)
    e.push_back(field("fatalities", "out_of_range", "Jumlah korban tidak valid.", "Invalid casualty numbers."));
  if (in.time_precision < 1 || in.time_precision > 3)
    e.push_back(field("time_precision", "out_of_range", "Presisi waktu 1 (hari), 2 (minggu), atau 3 (bulan).", "Time precision is 1 (day), 2 (week) or 3 (month)."));
  if (in.geo_precision < 1 || in.geo_precision > 3)
    e.push_back(field("geo_precision", "out_of_range", "Presisi lokasi 1, 2, atau 3.", "Geo precision is 1, 2 or 3."));
  if ((in.lat && (*in.lat < -11.5 || *in.lat > 6.5)) || (in.lng && (*in.lng < 94.5 || *in.lng > 141.5)))
    e.push_back(field("lat", "out_of_range", "Koordinat di luar wilayah Indonesia.", "Coordinates outside Indonesia."));
  if (in.description.size() > 20000) e.push_back(field("description", "too_long", "Uraian terlalu panjang.", "The description is too long."));
  return e;
}

}  // namespace pantau::conflict
