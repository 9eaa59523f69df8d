#include "modules/conflict/analysis.h"

#include <fmt/format.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <unordered_map>

#include "audit/audit.h"
#include "auth/roles.h"
#include "core/period.h"
#include "core/region_code.h"
#include "core/service_clock.h"
#include "core/strings.h"
#include "http/json.h"
#include "modules/conflict/rules.h"
#include "modules/conflict/store.h"
#include "modules/org/public.h"
#include "notify/notify.h"
#include "report/indonesian.h"
#include "report/map.h"
#include "report/pdf.h"

namespace pantau::conflict {

namespace {

FieldError field(std::string f, std::string code, std::string id, std::string en) {
  return FieldError{std::move(f), std::move(code), {std::move(id), std::move(en)}};
}

std::string district_of(const std::string& code) { return code.size() >= 5 ? code.substr(0, 5) : code; }

struct ModelField {
  const char* name;
  double ScoringModel::*d;
  int ScoringModel::*i;
};
const std::vector<ModelField>& model_fields() {
  static const std::vector<ModelField> f = {
      {"window_days", nullptr, &ScoringModel::window_days},
      {"trend_days", nullptr, &ScoringModel::trend_days},
      {"w_incident", &ScoringModel::w_incident, nullptr},
      {"w_fatality", &ScoringModel::w_fatality, nullptr},
      {"w_injury", &ScoringModel::w_injury, nullptr},
      {"w_displaced_per_100", &ScoringModel::w_displaced_per_100, nullptr},
      {"w_damage", &ScoringModel::w_damage, nullptr},
      {"w_open_hotspot", &ScoringModel::w_open_hotspot, nullptr},
      {"w_latent_hotspot", &ScoringModel::w_latent_hotspot, nullptr},
      {"trend_bonus", &ScoringModel::trend_bonus, nullptr},
      {"threshold_medium", &ScoringModel::threshold_medium, nullptr},
      {"threshold_high", &ScoringModel::threshold_high, nullptr},
  };
  return f;
}

ScoringModel model_from_stored(const std::string& text) {
  ScoringModel m;
  rapidjson::Document d;
  d.Parse(text.c_str());
  if (!d.IsObject()) return m;
  for (auto& f : model_fields()) {
    if (!d.HasMember(f.name) || !d[f.name].IsNumber()) continue;
    if (f.d) m.*(f.d) = d[f.name].GetDouble();
    else m.*(f.i) = d[f.name].GetInt();
  }
  return m;
}

void write_factors(json::Out& o, const std::vector<Factor>& fs) {
  o.begin_array();
  for (auto& f : fs) o.begin_object().kv("code", f.code).kv("value", f.value).kv("points", f.points).end_object();
  o.end_array();
}

std::string factors_json(const std::vector<Factor>& fs) {
  json::Out o;
  write_factors(o, fs);
  return o.take();
}

// The incidents of a period (or a scoring window) the caller may see, within one region.
struct IncidentRow {
  std::string region_code, source;
  IncidentFacts facts;
  int classification = 0;
};

void for_incidents(db::Conn& c, const auth::Scope& s, const std::string& region, const std::string& from,
                   const std::string& to, const std::function<void(const IncidentRow&)>& fn) {
  db::Params p{from, to};
  std::string where = s.record_filter("region_code", "classification", p);
  if (!region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = region;
    where += " AND " + narrow.region_filter("region_code", p);
  }
  c.query("SELECT region_code, occurred_on, fatalities, injuries, displaced, property_damage, classification, source "
          "FROM conflict_incidents WHERE occurred_on >= ? AND occurred_on <= ? AND " + where,
          p, [&](const db::Row& r) {
            IncidentRow row;
            row.region_code = r.str(0);
            auto d = parse_date(r.text(1));
            if (!d) return;
            row.facts = {*d, static_cast<int>(r.i64(2)), static_cast<int>(r.i64(3)), static_cast<int>(r.i64(4)), r.i64(5) != 0};
            row.classification = static_cast<int>(r.i64(6));
            row.source = r.str(7);
            fn(row);
          });
}

Period previous_period(const Period& p) { return period_containing(p.type, civil_from_days(days_from_civil(p.start) - 1)); }

// The score of one region on a day, from what the caller may see.
Score score_one(db::Conn& c, const auth::Scope& s, const std::string& region, Date as_of, const ScoringModel& m) {
  std::vector<IncidentFacts> inc;
  for_incidents(c, s, region, format_date(civil_from_days(days_from_civil(as_of) - m.window_days)), format_date(as_of),
                [&](const IncidentRow& r) { inc.push_back(r.facts); });
  std::vector<Stage> hs;
  db::Params p;
  auth::Scope narrow = s;
  narrow.region_code = region;
  std::string where = s.record_filter("region_code", "classification", p);
  where += " AND " + narrow.region_filter("region_code", p);
  c.query("SELECT stage FROM conflict_hotspots WHERE " + where, p, [&](const db::Row& r) {
    if (auto st = parse_stage(r.text(0))) hs.push_back(*st);
  });
  return score_region(m, as_of, inc, hs);
}

}  // namespace

// ---- scoring model ----

std::vector<FieldError> validate_model(const ScoringModel& m) {
  std::vector<FieldError> e;
  if (m.window_days < 7 || m.window_days > 730)
    e.push_back(field("window_days", "out_of_range", "Jendela antara 7 dan 730 hari.", "The window is 7 to 730 days."));
  if (m.trend_days < 1 || m.trend_days >= m.window_days)
    e.push_back(field("trend_days", "out_of_range", "Jendela tren harus lebih pendek dari jendela utama.",
                      "The trend window must be shorter than the main window."));
  for (auto& f : model_fields())
    if (f.d && (!std::isfinite(m.*(f.d)) || m.*(f.d) < 0 || m.*(f.d) > 1000))
      e.push_back(field(f.name, "out_of_range", "Bobot antara 0 dan 1000.", "Weights are between 0 and 1000."));
  if (m.threshold_medium <= 0 || m.threshold_high <= m.threshold_medium)
    e.push_back(field("threshold_high", "out_of_range", "Ambang TINGGI harus di atas ambang SEDANG, keduanya di atas 0.",
                      "The high threshold must be above the medium one, both above 0."));
  return e;
}

std::string model_json(const ScoringModel& m) {
  json::Out o;
  o.begin_object();
  for (auto& f : model_fields()) {
    if (f.d) o.kv(f.name, m.*(f.d));
    else o.kv(f.name, m.*(f.i));
  }
  o.end_object();
  return o.take();
}

ModelVersion current_model(db::Conn& c) {
  ModelVersion v;
  c.query("SELECT version, model, note, created_at FROM conflict_scoring_models ORDER BY version DESC LIMIT 1", {},
          [&](const db::Row& r) {
            v.version = r.i64(0);
            v.model = model_from_stored(r.str(1));
            v.note = r.str(2);
            v.created_at = r.str(3);
          });
  return v;
}

std::string model_version_json(const ModelVersion& v) {
  json::Out o;
  o.begin_object().kv("version", v.version).key("model").raw(model_json(v.model)).kv("note", v.note);
  if (v.created_at.empty()) o.kv_null("created_at");
  else o.kv("created_at", v.created_at);
  // How a score is made, so that every colour of the map can be explained.
  o.key("levels").begin_array();
  o.begin_object().kv("level", "RENDAH").kv("min_score", 0.0).end_object();
  o.begin_object().kv("level", "SEDANG").kv("min_score", v.model.threshold_medium).end_object();
  o.begin_object().kv("level", "TINGGI").kv("min_score", v.model.threshold_high).end_object();
  o.end_array();
  o.kv_message("explanation",
               {fmt::format("Skor = jumlah insiden x {} + korban jiwa x {} + luka x {} + pengungsi/100 x {} + insiden dengan "
                            "kerusakan x {} + titik rawan tahap meningkat/terbuka/status ditetapkan x {} + tahap potensi/laten x {}, "
                            "dalam {} hari terakhir; naik {:.0f}% bila laju {} hari terakhir di atas laju sebelumnya.",
                            v.model.w_incident, v.model.w_fatality, v.model.w_injury, v.model.w_displaced_per_100,
                            v.model.w_damage, v.model.w_open_hotspot, v.model.w_latent_hotspot, v.model.window_days,
                            v.model.trend_bonus * 100, v.model.trend_days),
                fmt::format("Score = incidents x {} + deaths x {} + injuries x {} + displaced/100 x {} + incidents with "
                            "damage x {} + hotspots escalating/open/under a declared status x {} + potential/latent x {}, "
                            "over the last {} days; +{:.0f}% when the rate of the last {} days is above the earlier rate.",
                            v.model.w_incident, v.model.w_fatality, v.model.w_injury, v.model.w_displaced_per_100,
                            v.model.w_damage, v.model.w_open_hotspot, v.model.w_latent_hotspot, v.model.window_days,
                            v.model.trend_bonus * 100, v.model.trend_days)});
  o.end_object();
  return o.take();
}

Result<int64_t> save_model(db::Conn& c, const auth::Scope& s, const ScoringModel& m, const std::string& note) {
  if (!s.national() || !s.can(auth::kUserAdmin))
    return Error::forbidden("Model penilaian nasional hanya diubah administrator pusat.",
                            "Only national administrators change the national scoring model.");
  auto errs = validate_model(m);
  if (!errs.empty()) return Error::invalid(errs);
  ModelVersion before = current_model(c);
  int64_t version = before.version + 1;
  c.exec("INSERT INTO conflict_scoring_models (version, model, note, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
         {version, model_json(m), note, s.user_id, now_iso()});
  audit::append(c, s, {"update", "conflict_scoring_model", std::to_string(version), "", 0, model_json(before.model), model_json(m)});
  return version;
}

// ---- clusters ----

std::string clusters_json(db::Conn& c, const auth::Scope& s, const ClusterQuery& q) {
  int zoom = std::clamp(q.zoom, 1, 18);
  double cell = 360.0 / static_cast<double>(1 << zoom) / 4.0;  // about 64 pixels of a 256-pixel tile
  db::Params p;
  std::string sql = "SELECT id, lat, lng, fatalities FROM conflict_incidents WHERE lat IS NOT NULL AND lng IS NOT NULL AND " +
                    s.record_filter("region_code", "classification", p);
  if (!q.region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = q.region;
    sql += " AND " + narrow.region_filter("region_code", p);
  }
  if (!q.from.empty()) { sql += " AND occurred_on >= ?"; p.emplace_back(q.from); }
  if (!q.to.empty()) { sql += " AND occurred_on <= ?"; p.emplace_back(q.to); }
  if (q.bbox) {
    sql += " AND lat >= ? AND lat <= ? AND lng >= ? AND lng <= ?";
    p.emplace_back(q.bbox->south);
    p.emplace_back(q.bbox->north);
    p.emplace_back(q.bbox->west);
    p.emplace_back(q.bbox->east);
  }
  struct Agg {
    int64_t n = 0, fatalities = 0, id = 0;
    double lat = 0, lng = 0, s = 90, w = 180, no = -90, e = -180;
  };
  std::unordered_map<int64_t, Agg> cells;
  int64_t total = 0;
  c.query(sql, p, [&](const db::Row& r) {
    double lat = r.f64(1), lng = r.f64(2);
    int64_t key = static_cast<int64_t>(std::floor((lat + 90) / cell)) * 4000000 + static_cast<int64_t>(std::floor((lng + 180) / cell));
    Agg& a = cells[key];
    ++a.n;
    ++total;
    a.fatalities += r.i64(3);
    a.id = r.i64(0);
    a.lat += lat;
    a.lng += lng;
    a.s = std::min(a.s, lat);
    a.no = std::max(a.no, lat);
    a.w = std::min(a.w, lng);
    a.e = std::max(a.e, lng);
  });
  std::vector<const Agg*> list;
  list.reserve(cells.size());
  for (auto& [_, a] : cells) list.push_back(&a);
  std::sort(list.begin(), list.end(), [](const Agg* a, const Agg* b) {
    return a->n != b->n ? a->n > b->n : a->lat != b->lat ? a->lat < b->lat : a->lng < b->lng;
  });
  constexpr size_t kMax = 5000;
  json::Out o;
  o.begin_object().kv("zoom", zoom).kv("cell_deg", cell).kv("total", total).kv("truncated", list.size() > kMax);
  o.key("clusters").begin_array();
  for (size_t i = 0; i < list.size() && i < kMax; ++i) {
    const Agg& a = *list[i];
    o.begin_object().kv("lat", a.lat / static_cast<double>(a.n)).kv("lng", a.lng / static_cast<double>(a.n)).kv("count", a.n)
        .kv("fatalities", a.fatalities);
    if (a.n == 1) o.kv("incident_id", a.id);
    else o.kv_null("incident_id");
    o.key("bbox").begin_array().value(a.s).value(a.w).value(a.no).value(a.e).end_array();
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

// ---- vulnerability per period ----

Date period_as_of(const Period& p, Date today) { return std::min(p.end, today); }

Result<int> recompute_vulnerability(db::Conn& c, const auth::Scope& s, const Period& p, Date today) {
  if (!s.can(auth::kRecordReview)) return Error::forbidden();
  ModelVersion mv = current_model(c);
  const ScoringModel& m = mv.model;
  Date as_of = period_as_of(p, today);
  std::map<std::string, std::string> regions;  // code -> name, provinces and kab/kota in scope
  {
    db::Params q;
    c.query("SELECT code, name FROM regions WHERE level IN (1, 2) AND " + s.region_filter("code", q), q,
            [&](const db::Row& r) { regions[r.str(0)] = r.str(1); });
  }
  // Every incident of the window counts for its province and its kab/kota, at each clearance
  // level that may see it.
  std::unordered_map<std::string, std::array<std::vector<IncidentFacts>, 3>> inc;
  auth::Scope all = s;
  all.clearance = auth::kRahasia;
  for_incidents(c, all, "", format_date(civil_from_days(days_from_civil(as_of) - m.window_days)), format_date(as_of),
                [&](const IncidentRow& r) {
                  for (size_t len : {size_t{2}, size_t{5}}) {
                    if (r.region_code.size() < len) continue;
                    auto& slot = inc[r.region_code.substr(0, len)];
                    for (int cl = std::clamp(r.classification, 0, 2); cl <= 2; ++cl) slot[static_cast<size_t>(cl)].push_back(r.facts);
                  }
                });
  std::unordered_map<std::string, std::array<std::vector<Stage>, 3>> hs;
  {
    db::Params q;
    c.query("SELECT region_code, stage, classification FROM conflict_hotspots WHERE " + all.record_filter("region_code", "classification", q),
            q, [&](const db::Row& r) {
              auto st = parse_stage(r.text(1));
              if (!st) return;
              std::string code = r.str(0);
              for (size_t len : {size_t{2}, size_t{5}}) {
                if (code.size() < len) continue;
                auto& slot = hs[code.substr(0, len)];
                for (int cl = std::clamp(static_cast<int>(r.i64(2)), 0, 2); cl <= 2; ++cl) slot[static_cast<size_t>(cl)].push_back(*st);
              }
            });
  }
  {
    db::Params q{p.code};
    c.exec("DELETE FROM conflict_vulnerability WHERE period = ? AND " + s.region_filter("region_code", q), q);
  }
  std::string now = now_iso(), as_of_text = format_date(as_of);
  static const std::vector<IncidentFacts> no_incidents;
  static const std::vector<Stage> no_hotspots;
  for (auto& [code, _] : regions) {
    auto ii = inc.find(code);
    auto hh = hs.find(code);
    for (size_t cl = 0; cl < 3; ++cl) {
      Score sc = score_region(m, as_of, ii == inc.end() ? no_incidents : ii->second[cl], hh == hs.end() ? no_hotspots : hh->second[cl]);
      c.exec("INSERT INTO conflict_vulnerability (region_code, period, clearance, as_of, score, level, factors, model_version, "
             "computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {code, p.code, static_cast<int64_t>(cl), as_of_text, sc.score, sc.level, factors_json(sc.factors), mv.version, now});
    }
  }
  audit::append(c, s, {"recompute", "conflict_vulnerability", p.code, s.region_code, 0, std::nullopt,
                       json::object("period", p.code, "regions", regions.size(), "model_version", mv.version)});
  return static_cast<int>(regions.size());
}

std::string period_vulnerability_json(db::Conn& c, const auth::Scope& s, int level, const std::string& province,
                                      const Period& p, Date today) {
  auth::Scope scope = s;
  if (!province.empty() && s.covers(province)) scope.region_code = province;
  db::Params q{p.code, int64_t{std::clamp(s.clearance, 0, 2)}, int64_t{level}};
  std::string where = scope.region_filter("v.region_code", q);
  json::Out o;
  o.begin_object().kv("level", level == 1 ? "provinsi" : "kabkota");
  std::string as_of, computed_at;
  int64_t model_version = 0;
  std::string values, details;
  json::Out vals, det;
  vals.begin_object();
  det.begin_object();
  int n = 0;
  c.query("SELECT v.region_code, r.name, v.score, v.level, v.factors, v.model_version, v.computed_at, v.as_of "
          "FROM conflict_vulnerability v JOIN regions r ON r.code = v.region_code "
          "WHERE v.period = ? AND v.clearance = ? AND r.level = ? AND " + where + " ORDER BY v.region_code",
          q, [&](const db::Row& r) {
            ++n;
            vals.kv(r.str(0), r.f64(2));
            det.key(r.str(0)).begin_object().kv("name", r.str(1)).kv("score", r.f64(2)).kv("level", r.str(3)).key("factors").raw(r.str(4))
                .end_object();
            model_version = r.i64(5);
            computed_at = r.str(6);
            as_of = r.str(7);
          });
  vals.end_object();
  det.end_object();
  if (n == 0) {
    // Never recomputed for this period: scored now with the current model.
    ModelVersion mv = current_model(c);
    Date d = period_as_of(p, today);
    return json::with_members(to_json(vulnerability(c, s, level, province, d, mv.model)),
                              json::object("period", p.code, "as_of", format_date(d), "model_version", mv.version,
                                           "computed_at", std::optional<std::string>()));
  }
  o.kv("date", as_of).key("values").raw(vals.take()).key("details").raw(det.take()).kv("period", p.code).kv("as_of", as_of)
      .kv("model_version", model_version).kv("computed_at", computed_at).end_object();
  return o.take();
}

// ---- reports ----

namespace {

struct ReportRow {
  int64_t id = 0, version = 0;
  std::string region_code, region_name, period, status, recommendations, created_at;
  std::optional<std::string> submitted_at, accepted_at;
};

constexpr const char* kReportSelect =
    "SELECT r.id, r.region_code, COALESCE(g.name, ''), r.period, r.status, r.recommendations, r.created_at, r.submitted_at, "
    "r.accepted_at, r.version FROM conflict_reports r LEFT JOIN regions g ON g.code = r.region_code ";

ReportRow report_row(const db::Row& r) {
  return {r.i64(0), r.i64(9), r.str(1), r.str(2), r.str(3), r.str(4), r.str(5), r.str(6), r.opt_str(7), r.opt_str(8)};
}

void write_report_head(json::Out& o, const ReportRow& r) {
  o.kv("id", r.id).kv("region_code", r.region_code).kv("region_name", r.region_name).kv("period", r.period)
      .kv("status", r.status).kv("recommendations", r.recommendations).kv("created_at", r.created_at)
      .kv_opt("submitted_at", r.submitted_at).kv_opt("accepted_at", r.accepted_at).kv("version", r.version);
}

std::optional<ReportRow> find_report(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.region_filter("r.region_code", p);
  std::optional<ReportRow> out;
  c.query(std::string(kReportSelect) + "WHERE r.id = ? AND " + where, p, [&](const db::Row& r) { out = report_row(r); });
  return out;
}

struct Tally {
  std::string code, name;
  int64_t incidents = 0, fatalities = 0, injuries = 0, displaced = 0;
};

struct RollupRow {
  std::string code, name, status;
  std::optional<int64_t> report_id;
  double score = 0;
  std::string level;
};

// What a report says, computed from what the reader may see.
struct ReportContent {
  Period period, previous;
  Date as_of;
  Score score, previous_score;
  int64_t incidents = 0, previous_incidents = 0;
  std::vector<Tally> by_area, by_source;
  std::vector<RollupRow> rollup;
};

ReportContent report_content(db::Conn& c, const auth::Scope& s, const ReportRow& r, Date today) {
  ReportContent rc;
  rc.period = *parse_period(r.period);
  rc.previous = previous_period(rc.period);
  rc.as_of = period_as_of(rc.period, today);
  ScoringModel m = current_model(c).model;
  rc.score = score_one(c, s, r.region_code, rc.as_of, m);
  rc.previous_score = score_one(c, s, r.region_code, period_as_of(rc.previous, today), m);
  // Areas one tier below the report's region: kecamatan of a kab/kota, kab/kota of a province.
  size_t len = region_level(r.region_code) == RegionLevel::Provinsi ? 5 : 8;
  std::map<std::string, Tally> areas, sources;
  {
    db::Params p{r.region_code + ".", r.region_code + "/", int64_t{region_level(r.region_code) == RegionLevel::Provinsi ? 2 : 3}};
    c.query("SELECT code, name FROM regions WHERE code > ? AND code < ? AND level = ?", p, [&](const db::Row& row) {
      areas[row.str(0)] = {row.str(0), row.str(1)};
    });
  }
  for (auto& src : kSources) sources[std::string(src)] = {std::string(src), std::string(police_group(src))};
  for_incidents(c, s, r.region_code, format_date(rc.period.start), format_date(rc.as_of), [&](const IncidentRow& i) {
    ++rc.incidents;
    std::string key = i.region_code.size() >= len ? i.region_code.substr(0, len) : r.region_code;
    Tally& a = areas[key];
    if (a.code.empty()) a = {key, key == r.region_code ? "(tingkat wilayah / region-wide)" : key};
    for (Tally* t : {&a, &sources[i.source]}) {
      ++t->incidents;
      t->fatalities += i.facts.fatalities;
      t->injuries += i.facts.injuries;
      t->displaced += i.facts.displaced;
    }
  });
  for_incidents(c, s, r.region_code, format_date(rc.previous.start), format_date(period_as_of(rc.previous, today)),
                [&](const IncidentRow&) { ++rc.previous_incidents; });
  for (auto& [_, t] : areas) rc.by_area.push_back(t);
  for (auto& [_, t] : sources) rc.by_source.push_back(t);
  // A province's report rolls up the reports of its kab/kota for the same period.
  if (region_level(r.region_code) == RegionLevel::Provinsi) {
    std::map<std::string, RollupRow> kab;
    db::Params p{r.region_code + ".", r.region_code + "/"};
    c.query("SELECT code, name FROM regions WHERE code > ? AND code < ? AND level = 2", p, [&](const db::Row& row) {
      kab[row.str(0)] = {row.str(0), row.str(1), "", std::nullopt, 0, ""};
    });
    db::Params q{r.period, r.region_code + ".", r.region_code + "/"};
    c.query("SELECT id, region_code, status FROM conflict_reports WHERE period = ? AND region_code > ? AND region_code < ?", q,
            [&](const db::Row& row) {
              auto it = kab.find(row.str(1));
              if (it == kab.end()) return;
              it->second.report_id = row.i64(0);
              it->second.status = row.str(2);
            });
    // Their scores, from the stored vulnerability of the period when recomputed.
    db::Params v{r.period, int64_t{std::clamp(s.clearance, 0, 2)}, r.region_code + ".", r.region_code + "/"};
    bool stored = false;
    c.query("SELECT region_code, score, level FROM conflict_vulnerability WHERE period = ? AND clearance = ? AND region_code > ? "
            "AND region_code < ?", v, [&](const db::Row& row) {
              auto it = kab.find(row.str(0));
              if (it == kab.end()) return;
              stored = true;
              it->second.score = row.f64(1);
              it->second.level = row.str(2);
            });
    for (auto& [code, k] : kab) {
      if (!stored) {
        Score sc = score_one(c, s, code, rc.as_of, m);
        k.score = sc.score;
        k.level = sc.level;
      }
      rc.rollup.push_back(k);
    }
  }
  return rc;
}

void write_tallies(json::Out& o, const std::vector<Tally>& ts, const char* code_key, const char* name_key) {
  o.begin_array();
  for (auto& t : ts)
    o.begin_object().kv(code_key, t.code).kv(name_key, t.name).kv("incidents", t.incidents).kv("fatalities", t.fatalities)
        .kv("injuries", t.injuries).kv("displaced", t.displaced).end_object();
  o.end_array();
}

const char* status_label(const std::string& s) {
  if (s == "DRAFT") return "Draf";
  if (s == "SUBMITTED") return "Dikirim";
  if (s == "ACCEPTED") return "Diterima";
  return "Belum dibuat";
}

std::string upper(std::string s) {
  for (auto& ch : s)
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  return s;
}

std::string fmt_score(double v) {
  std::string s = fmt::format("{:.1f}", v);
  for (auto& ch : s)
    if (ch == '.') ch = ',';
  return s;
}

// The five sources of UU 7/2012 Art. 5 as the law names them.
std::string source_label(const std::string& code) {
  static const std::map<std::string, const char*> labels = {
      {"POLEKSOSBUD", "Politik, ekonomi, dan sosial budaya"},
      {"SARA", "Suku, agama, ras, dan antargolongan"},
      {"BOUNDARY", "Sengketa batas wilayah"},
      {"NATURAL_RESOURCE_DISPUTE", "Sengketa sumber daya alam"},
      {"NATURAL_RESOURCE_DISTRIBUTION", "Distribusi sumber daya alam tidak seimbang"}};
  auto it = labels.find(code);
  return it == labels.end() ? code : it->second;
}

const char* factor_label(const std::string& code) {
  static const std::map<std::string, const char*> labels = {
      {"incidents", "Insiden"}, {"fatalities", "Korban jiwa"}, {"injuries", "Korban luka"}, {"displaced", "Pengungsi"},
      {"property_damage", "Insiden dengan kerusakan harta benda"}, {"open_hotspots", "Titik rawan meningkat atau terbuka"},
      {"latent_hotspots", "Titik rawan potensi atau laten"}, {"rising_trend", "Tren meningkat"}};
  auto it = labels.find(code);
  return it == labels.end() ? "Lainnya" : it->second;
}

}  // namespace

Result<int64_t> create_report(db::Conn& c, const auth::Scope& s, const ReportInput& in) {
  std::vector<FieldError> errs;
  RegionLevel lvl = region_level(in.region_code);
  if (lvl != RegionLevel::Provinsi && lvl != RegionLevel::KabKota)
    errs.push_back(field("region_code", "wrong_level", "Laporan peta rawan dibuat oleh kab/kota atau provinsi.",
                         "The report is made by a kab/kota or a province."));
  auto period = parse_period(in.period);
  if (!period.ok()) errs.push_back(field("period", "invalid", "Periode tidak valid (mis. 2026-Q3).", "Invalid period (e.g. 2026-Q3)."));
  if (in.recommendations.size() > 20000) errs.push_back(field("recommendations", "too_long", "Terlalu panjang.", "Too long."));
  if (!errs.empty()) return Error::invalid(errs);
  if (!s.covers(in.region_code) || !s.can(auth::kRecordWrite))
    return Error::forbidden("Wilayah ini di luar cakupan Anda.", "This region is outside your scope.");
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {in.region_code}))
    return Error::invalid_field("region_code", "not_found", "Kode wilayah tidak terdaftar.", "The region code does not exist.");
  if (c.query_i64("SELECT id FROM conflict_reports WHERE region_code = ? AND period = ?", {in.region_code, period->code}))
    return Error::conflict("report_exists", "Laporan wilayah ini untuk periode tersebut sudah ada.",
                           "This region already has a report for that period.");
  int64_t id = c.insert("INSERT INTO conflict_reports (region_code, period, recommendations, created_by, created_at) VALUES (?, ?, ?, ?, ?)",
                        {in.region_code, period->code, in.recommendations, s.user_id, now_iso()});
  audit::append(c, s, {"create", "conflict_report", std::to_string(id), in.region_code, 0, std::nullopt,
                       json::object("period", period->code)});
  return id;
}

std::string reports_json(db::Conn& c, const auth::Scope& s, const std::string& region, const std::string& period,
                         const std::string& status) {
  db::Params p;
  std::string sql = std::string(kReportSelect) + "WHERE " + s.region_filter("r.region_code", p);
  if (!region.empty()) {
    auth::Scope narrow = s;
    narrow.region_code = region;
    sql += " AND " + narrow.region_filter("r.region_code", p);
  }
  if (!period.empty()) { sql += " AND r.period = ?"; p.emplace_back(period); }
  if (!status.empty()) { sql += " AND r.status = ?"; p.emplace_back(status); }
  json::Out o;
  o.begin_object().key("items").begin_array();
  c.query(sql + " ORDER BY r.id DESC LIMIT 500", p, [&](const db::Row& row) {
    o.begin_object();
    write_report_head(o, report_row(row));
    o.end_object();
  });
  o.end_array().kv_null("next_after").end_object();
  return o.take();
}

std::optional<std::string> report_json(db::Conn& c, const auth::Scope& s, int64_t id, Date today, int64_t* version) {
  auto r = find_report(c, s, id);
  if (!r) return std::nullopt;
  if (version) *version = r->version;
  ReportContent rc = report_content(c, s, *r, today);
  json::Out o;
  o.begin_object();
  write_report_head(o, *r);
  o.kv("period_start", format_date(rc.period.start)).kv("period_end", format_date(rc.period.end)).kv("as_of", format_date(rc.as_of));
  o.key("vulnerability").begin_object().kv("score", rc.score.score).kv("level", rc.score.level).key("factors");
  write_factors(o, rc.score.factors);
  o.end_object();
  o.key("previous").begin_object().kv("period", rc.previous.code).kv("score", rc.previous_score.score)
      .kv("level", rc.previous_score.level).kv("incidents", rc.previous_incidents).end_object();
  o.key("changes").begin_object().kv("score", std::round((rc.score.score - rc.previous_score.score) * 10) / 10)
      .kv("incidents", rc.incidents - rc.previous_incidents).kv("level_changed", rc.score.level != rc.previous_score.level).end_object();
  o.kv("incidents", rc.incidents);
  o.key("by_area");
  write_tallies(o, rc.by_area, "region_code", "name");
  o.key("by_source");
  write_tallies(o, rc.by_source, "source", "police_group");
  o.key("rollup").begin_array();
  for (auto& k : rc.rollup)
    o.begin_object().kv("region_code", k.code).kv("name", k.name).kv_opt("report_id", k.report_id)
        .kv("status", k.status.empty() ? std::string("NONE") : k.status).kv("score", k.score).kv("level", k.level).end_object();
  o.end_array().end_object();
  return o.take();
}

Status act_on_report(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const std::string& action,
                     const std::string& text) {
  auto r = find_report(c, s, id);
  if (!r) return Error::not_found("Laporan tidak ditemukan.", "Report not found.");
  if (r->version != version) return Error::stale_version();
  auto refuse = [&] {
    return Error::conflict("status_not_allowed", fmt::format("Laporan berstatus {} tidak dapat di-{}.", r->status, action),
                           fmt::format("A {} report cannot be {}.", r->status, action));
  };
  std::string to, stamp_col;
  if (action == "UPDATE" || action == "SUBMIT") {
    if (!s.can(auth::kRecordWrite)) return Error::forbidden();
    if (r->status != "DRAFT") return refuse();
    to = action == "SUBMIT" ? "SUBMITTED" : "DRAFT";
    if (action == "SUBMIT") stamp_col = "submitted_at";
  } else if (action == "ACCEPT" || action == "RETURN") {
    // The tier above reviews: a province accepts its kab/kota, the ministry a province.
    if (!s.can(auth::kRecordReview) || s.region_code == r->region_code)
      return Error::forbidden("Laporan diterima oleh tingkat di atasnya.", "A report is accepted by the tier above.");
    if (r->status != "SUBMITTED") return refuse();
    to = action == "ACCEPT" ? "ACCEPTED" : "DRAFT";
    if (action == "ACCEPT") stamp_col = "accepted_at";
  } else {
    return Error::invalid_field("action", "not_allowed", "Tindakan tidak dikenal.", "Unknown action.");
  }
  std::string recs = action == "UPDATE" ? text : r->recommendations;
  std::string sql = "UPDATE conflict_reports SET status = ?, recommendations = ?, version = version + 1";
  db::Params p{to, recs};
  if (!stamp_col.empty()) { sql += ", " + stamp_col + " = ?"; p.emplace_back(now_iso()); }
  if (action == "RETURN") sql += ", submitted_at = NULL";
  sql += " WHERE id = ? AND version = ?";
  p.emplace_back(id);
  p.emplace_back(version);
  if (c.exec(sql, p) == 0) return Error::stale_version();
  audit::append(c, s, {action == "UPDATE" ? "update" : "status", "conflict_report", std::to_string(id), r->region_code, 0,
                       json::object("status", r->status),
                       [&] {
                         json::Out a;
                         a.begin_object().kv("status", to);
                         if (action == "RETURN") a.kv("reason", text);
                         a.end_object();
                         return a.take();
                       }()});
  // "Triwulan IV 2026", never the code "2026-Q4", in what people read.
  auto period = parse_period(r->period);
  std::string period_id = period.ok() ? period_label_id(period.value()) : r->period;
  std::string period_en = period.ok() ? period_label_en(period.value()) : r->period;
  if (action == "SUBMIT")
    notify::office(c, region_parent(r->region_code), auth::kRecordReview,
                   fmt::format("Laporan peta rawan konflik {} {} dikirim", r->region_name, period_id),
                   fmt::format("Conflict vulnerability report {} {} submitted", r->region_name, period_en),
                   fmt::format("/conflict/reports/{}", id), "conflict_report", id, 0);
  if (action == "RETURN" || action == "ACCEPT")
    notify::office(c, r->region_code, auth::kRecordWrite,
                   fmt::format("Laporan peta rawan konflik {} {}", period_id, action == "ACCEPT" ? "diterima" : "dikembalikan"),
                   fmt::format("Conflict vulnerability report {} {}", period_en, action == "ACCEPT" ? "accepted" : "returned"),
                   fmt::format("/conflict/reports/{}", id), "conflict_report", id, 0);
  return {};
}

Result<documents::DocumentRef> report_document(db::Conn& c, const auth::Scope& s, int64_t id) {
  auto r = find_report(c, s, id);
  if (!r) return Error::not_found("Laporan tidak ditemukan.", "Report not found.");
  return documents::DocumentRef{"CONFLICT_MAP_REPORT", "conflict_report", std::to_string(id), r->region_code,
                                fmt::format("Laporan peta rawan konflik sosial {} — {}", r->period, r->region_name),
                                r->status == "DRAFT"};
}

Result<std::string> report_pdf(db::Conn& c, const auth::Scope& s, int64_t id, Date today, std::string* filename,
                               const documents::Stamp& stamp) {
  auto r = find_report(c, s, id);
  if (!r) return Error::not_found("Laporan tidak ditemukan.", "Report not found.");
  ReportContent rc = report_content(c, s, *r, today);
  if (filename) *filename = fmt::format("peta-rawan-konflik-{}-{}.pdf", r->region_code, r->period);
  auto kesbangpol = org::kesbangpol_office(c, r->region_code);
  std::string office = kesbangpol ? kesbangpol->name : "", address = kesbangpol ? kesbangpol->address : "",
              contact = kesbangpol ? kesbangpol->contact : "";
  bool province = region_level(r->region_code) == RegionLevel::Provinsi;
  std::string government = province ? "PEMERINTAH PROVINSI " + upper(r->region_name) : "PEMERINTAH " + upper(r->region_name);
  report::PdfDocument doc({fmt::format("Peta Rawan Konflik Sosial {} — {}", period_label_id(rc.period), r->region_name), office,
                           "Peta rawan konflik sosial", stamp.issued_at});
  if (stamp.draft) doc.watermark("DRAF");
  doc.letterhead({government, "BADAN KESATUAN BANGSA DAN POLITIK", address, contact,
                  kesbangpol ? kesbangpol->emblem() : std::string()});
  doc.title("LAPORAN PETA RAWAN KONFLIK SOSIAL", fmt::format("{} — {}", upper(period_label_id(rc.period)), upper(r->region_name)));
  doc.key_values({{"Wilayah", r->region_name},
                  {"Periode", fmt::format("{} ({} s.d. {})", period_label_id(rc.period), report::tanggal_indonesia(rc.period.start),
                                          report::tanggal_indonesia(rc.period.end))},
                  {"Keadaan per", report::tanggal_indonesia(rc.as_of)},
                  {"Status laporan", status_label(r->status)},
                  {"Nomor", stamp.number.empty() ? "(draf, belum bernomor)" : stamp.number}});
  // The map: the areas one tier below, coloured by their vulnerability level in the period.
  {
    static const std::array<std::pair<const char*, const char*>, 3> kLevels = {
        {{"RENDAH", "#f3d98b"}, {"SEDANG", "#e8894a"}, {"TINGGI", "#b3261e"}}};
    const report::Rgb no_data = *report::rgb_from_hex("#cfd5dd");
    auto colour = [&](const std::string& level) {
      for (auto& [l, hex] : kLevels)
        if (level == l) return *report::rgb_from_hex(hex);
      return no_data;
    };
    std::map<std::string, std::string> names, level_of;  // child code -> name, level
    for (auto& t : rc.by_area)
      if (t.code != r->region_code) names[t.code] = t.name;
    for (auto& k : rc.rollup) level_of[k.code] = k.level;
    report::MapSpec spec;
    spec.height = 300;
    std::vector<std::string> missing;
    c.query("SELECT code, geometry FROM region_geometry WHERE code > ? AND code < ? AND level = ? ORDER BY code",
            {r->region_code + ".", r->region_code + "/", int64_t{province ? 2 : 3}}, [&](const db::Row& row) {
              if (names.count(row.str(0)) && report::parse_geo_polygons(row.text(1)))
                spec.regions.push_back({row.str(0), names[row.str(0)], row.str(1), no_data});
            });
    if (!spec.regions.empty() && !province) {
      ScoringModel m = current_model(c).model;
      for (auto& g : spec.regions) level_of[g.code] = score_one(c, s, g.code, rc.as_of, m).level;
    }
    for (auto& [code, name] : names) {
      bool drawn = std::any_of(spec.regions.begin(), spec.regions.end(), [&](auto& g) { return g.code == code; });
      if (!drawn) missing.push_back(name);
    }
    const char* tier = province ? "kabupaten/kota" : "kecamatan";
    if (spec.regions.empty()) {
      // No boundary of the tier below: the report's own region, in its own level.
      auto own = c.query_str("SELECT geometry FROM region_geometry WHERE code = ?", {r->region_code});
      if (own && report::parse_geo_polygons(*own)) {
        spec.regions.push_back({r->region_code, r->region_name, *own, colour(rc.score.level)});
        spec.note = fmt::format("Batas {} belum tersedia; peta menampilkan batas {} dengan tingkat kerawanannya.", tier,
                                r->region_name);
      }
    } else {
      for (auto& g : spec.regions) g.fill = colour(level_of[g.code]);
      if (!missing.empty()) {
        std::string list;
        for (size_t i = 0; i < missing.size() && i < 8; ++i) list += (i ? ", " : "") + missing[i];
        if (missing.size() > 8) list += fmt::format(" dan {} lainnya", missing.size() - 8);
        spec.note = fmt::format("Batas wilayah belum tersedia sehingga tidak digambar: {}.", list);
      }
    }
    doc.heading(fmt::format("PETA KERAWANAN {} — {}", upper(tier), upper(period_label_id(rc.period))));
    if (spec.regions.empty()) {
      doc.paragraph("Peta tidak dapat digambar: batas wilayah belum tersedia.");
    } else {
      for (auto& [l, hex] : kLevels) {
        std::string label = l;
        std::transform(label.begin() + 1, label.end(), label.begin() + 1, [](unsigned char ch) { return std::tolower(ch); });
        spec.legend.push_back({label, *report::rgb_from_hex(hex)});
      }
      bool unknown = std::any_of(spec.regions.begin(), spec.regions.end(), [&](auto& g) { return g.fill == no_data; });
      if (unknown) spec.legend.push_back({"Tanpa data", no_data});
      report::draw_map(doc, spec);
    }
  }
  doc.heading("I. TINGKAT KERAWANAN");
  doc.paragraph(fmt::format("Skor kerawanan {} dengan tingkat {}. Jumlah insiden dalam periode: {}.", fmt_score(rc.score.score),
                            rc.score.level, report::format_ribuan(rc.incidents)));
  std::vector<std::vector<std::string>> rows;
  for (auto& f : rc.score.factors)
    rows.push_back({std::to_string(rows.size() + 1), factor_label(f.code), fmt_score(f.value), fmt_score(f.points)});
  if (rows.empty()) doc.paragraph("Tidak ada faktor kerawanan tercatat.");
  else doc.table({{"No.", "Faktor", "Nilai", "Poin"}, rows, {0.08, 0.56, 0.18, 0.18},
                  {report::Align::Center, report::Align::Left, report::Align::Right, report::Align::Right}, {}});
  auto tally_rows = [](const std::vector<Tally>& ts, bool with_code) {
    std::vector<std::vector<std::string>> out;
    for (auto& t : ts)
      out.push_back({std::to_string(out.size() + 1), with_code ? t.name : source_label(t.code), report::format_ribuan(t.incidents),
                     report::format_ribuan(t.fatalities), report::format_ribuan(t.injuries), report::format_ribuan(t.displaced)});
    return out;
  };
  std::vector<report::Align> num_align = {report::Align::Center, report::Align::Left, report::Align::Right, report::Align::Right,
                                          report::Align::Right, report::Align::Right};
  doc.heading(province ? "II. INSIDEN MENURUT KABUPATEN/KOTA" : "II. INSIDEN MENURUT KECAMATAN");
  doc.table({{"No.", province ? "Kabupaten/Kota" : "Kecamatan", "Insiden", "Meninggal", "Luka", "Mengungsi"},
             tally_rows(rc.by_area, true), {0.07, 0.37, 0.12, 0.14, 0.12, 0.18}, num_align, {}});
  doc.heading("III. INSIDEN MENURUT SUMBER KONFLIK (UU 7/2012)");
  doc.table({{"No.", "Sumber konflik", "Insiden", "Meninggal", "Luka", "Mengungsi"}, tally_rows(rc.by_source, false),
             {0.07, 0.37, 0.12, 0.14, 0.12, 0.18}, num_align, {}});
  doc.heading("IV. PERUBAHAN SEJAK PERIODE LALU");
  doc.table({{"Uraian", period_label_id(rc.previous), period_label_id(rc.period), "Perubahan"},
             {{"Skor kerawanan", fmt_score(rc.previous_score.score), fmt_score(rc.score.score),
               fmt_score(rc.score.score - rc.previous_score.score)},
              {"Tingkat", rc.previous_score.level, rc.score.level, rc.previous_score.level == rc.score.level ? "tetap" : "berubah"},
              {"Jumlah insiden", report::format_ribuan(rc.previous_incidents), report::format_ribuan(rc.incidents),
               fmt::format("{:+}", rc.incidents - rc.previous_incidents)}},
             {0.34, 0.22, 0.22, 0.22},
             {report::Align::Left, report::Align::Right, report::Align::Right, report::Align::Right}, {}});
  int section = 5;
  if (province) {
    doc.heading("V. REKAPITULASI LAPORAN KABUPATEN/KOTA");
    std::vector<std::vector<std::string>> k;
    for (auto& x : rc.rollup)
      k.push_back({std::to_string(k.size() + 1), x.name, status_label(x.status), fmt_score(x.score), x.level});
    doc.table({{"No.", "Kabupaten/Kota", "Status laporan", "Skor", "Tingkat"}, k, {0.07, 0.43, 0.2, 0.12, 0.18},
               {report::Align::Center, report::Align::Left, report::Align::Left, report::Align::Right, report::Align::Left}, {}});
    ++section;
  }
  static const char* roman[] = {"", "I", "II", "III", "IV", "V", "VI", "VII"};
  doc.heading(fmt::format("{}. REKOMENDASI", roman[section]));
  doc.paragraph(trim(r->recommendations).empty() ? "Tidak ada rekomendasi." : r->recommendations);
  report::Signer signer;
  if (kesbangpol) signer = kesbangpol->head_signer();
  else signer = {"KEPALA BADAN KESATUAN BANGSA DAN POLITIK", "........................................", "", ""};
  std::string place = kesbangpol ? kesbangpol->signing_place() : r->region_name;
  std::optional<Date> signed_on;
  if (r->submitted_at) signed_on = parse_date(r->submitted_at->substr(0, 10));
  doc.signature_block({place, signed_on, signer, std::nullopt, "Mengetahui,"});
  documents::stamp_block(doc, stamp);
  return doc.finish();
}

// ---- overdue escalation ----

namespace {
// The latest civil date anywhere in Indonesia at `now` (WIT, UTC+9, is at most one day ahead
// of UTC): no alert with a due date on or after it can be overdue yet.
std::optional<Date> latest_local_date(std::string_view now) {
  auto utc = parse_date(now.substr(0, 10));
  if (!utc) return std::nullopt;
  return civil_from_days(days_from_civil(*utc) + 1);
}
}  // namespace

int escalate_overdue(db::Conn& c, std::string_view now) {
  struct Due {
    int64_t id, cls;
    std::string region, reason_id, reason_en;
  };
  auto bound = latest_local_date(now);
  if (!bound) return 0;
  std::vector<Due> due;
  c.query("SELECT id, region_code, classification, reason_id, reason_en, due_date FROM conflict_alerts WHERE status = 'ASSIGNED' "
          "AND due_date < ? AND escalated_to IS NULL ORDER BY id",
          {format_date(*bound)}, [&](const db::Row& r) {
            auto on = parse_date(r.text(5));
            auto local = local_date(now, r.text(1));
            if (on && local && *on < *local) due.push_back({r.i64(0), r.i64(2), r.str(1), r.str(3), r.str(4)});
          });
  int escalated = 0;
  for (auto& d : due) {
    std::string up = region_parent(district_of(d.region));
    if (c.exec("UPDATE conflict_alerts SET escalated_to = ?, escalated_at = ? WHERE id = ? AND escalated_to IS NULL",
               {up, now_iso(), d.id}) == 0)
      continue;
    notify::office(c, up, auth::kRecordReview, "Tanggapan peringatan dini terlambat: " + d.reason_id,
                   "Early-warning response overdue: " + d.reason_en, fmt::format("/conflict/alerts/{}", d.id), "conflict_alert", d.id,
                   static_cast<int>(d.cls));
    audit::append(c, auth::Scope::system(), {"escalate", "conflict_alert", std::to_string(d.id), d.region, static_cast<int>(d.cls),
                                             std::nullopt, json::object("escalated_to", up)});
    ++escalated;
  }
  return escalated;
}

Status escalate_overdue_alerts(db::Database& db, std::string_view now) {
  auto bound = latest_local_date(now);
  if (!bound) return {};
  bool due = false;
  Status s = db.read([&](db::Conn& c) {
    due = c.query_i64("SELECT 1 FROM conflict_alerts WHERE status = 'ASSIGNED' AND due_date < ? AND escalated_to IS NULL",
                      {format_date(*bound)}).has_value();
  });
  if (!s.ok() || !due) return s;
  return db.write([&](db::Conn& c) -> Status {
    escalate_overdue(c, now);
    return {};
  });
}

}  // namespace pantau::conflict
