// Social-conflict early warning (UU 7/2012, PP 2/2015, Permendagri 42/2015; DOMAIN.md §3):
// incidents, hotspots (potensi konflik) with their stages, the Status Keadaan Konflik, the
// explainable vulnerability score of a region, and the rules that raise alerts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace pantau::conflict {

// The five legal sources of UU 7/2012 and the police's four groups (Perkap 8/2013).
inline const std::vector<std::string_view> kSources = {"POLEKSOSBUD", "SARA", "BOUNDARY", "NATURAL_RESOURCE_DISPUTE",
                                                       "NATURAL_RESOURCE_DISTRIBUTION"};
std::string_view police_group(std::string_view source);  // POLEKSOSBUD | SARA | BATAS_WILAYAH | SDA

enum class Stage { Potential, Latent, Escalating, Open, StatusDeclared, Recovery, Resolved, Archived };
std::string_view name(Stage s);
std::optional<Stage> parse_stage(std::string_view s);

// An incident as entered (the API body or a row of an import file).
struct IncidentInput {
  std::string region_code, occurred_on, source, type_code, info_source, info_ref, description, actors_json = "[]";
  std::string occurred_time;  // "HH:MM" local time of the region, or empty when unknown
  std::optional<double> lat, lng;
  int time_precision = 1, geo_precision = 2, fatalities = 0, injuries = 0, displaced = 0, classification = 0;
  bool property_damage = false;
  std::optional<int64_t> hotspot_id;
};

// An incident as the scoring sees it.
struct IncidentFacts {
  Date date;
  int fatalities = 0, injuries = 0, displaced = 0;
  bool property_damage = false;
};

// Scoring model: data an administrator sets; every factor of a score is reported.
struct ScoringModel {
  int window_days = 90;             // incidents counted
  int trend_days = 30;              // recent part compared with the rest of the window
  double w_incident = 1.0;          // each incident
  double w_fatality = 5.0;          // each death
  double w_injury = 1.0;            // each injury
  double w_displaced_per_100 = 1.0; // each 100 displaced people
  double w_damage = 1.0;            // an incident with property damage
  double w_open_hotspot = 3.0;      // each hotspot at ESCALATING or worse
  double w_latent_hotspot = 1.0;    // each hotspot at POTENTIAL or LATENT
  double trend_bonus = 0.25;        // +25% when the recent rate is above the earlier one
  double threshold_medium = 10.0;   // score >= medium -> SEDANG
  double threshold_high = 25.0;     // score >= high -> TINGGI
};

struct Factor {
  std::string code;      // incidents, fatalities, injuries, displaced, damage, open_hotspots, ...
  double value = 0;      // the count
  double points = 0;     // its contribution to the score
};

struct Score {
  double score = 0;
  std::string level;  // RENDAH | SEDANG | TINGGI
  std::vector<Factor> factors;
};

// Status Keadaan Konflik: at most 90 days, one extension of at most 30 days.
inline constexpr int kStatusMaxDays = 90;
inline constexpr int kExtensionMaxDays = 30;

}  // namespace pantau::conflict
