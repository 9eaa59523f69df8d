// /api/v1/conflict/...: incidents (and CSV import/export), hotspots and their stages, conflict
// status declarations, alerts with their response, and the vulnerability map.
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdlib>

#include "auth/roles.h"
#include "core/crypto.h"
#include "core/csv.h"
#include "core/xlsx_read.h"
#include "core/fileio.h"
#include "core/service_clock.h"
#include "core/strings.h"
#include "http/answer_cache.h"
#include "http/app.h"
#include "http/compress.h"
#include "http/handler.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/conflict/analysis.h"
#include "modules/conflict/store.h"
#include "modules/regions/public.h"

namespace pantau::conflict {

using http::Ctx;
using http::Response;

namespace {

using http::path_id;

// The conflict store answers JSON text (an absent or out-of-scope record: nullopt, 404).
Response read_json(Ctx& ctx, const std::function<std::optional<std::string>(db::Conn&)>& fn) {
  return http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    auto body = fn(c);
    if (!body) return Error::not_found();
    return Response::json(200, std::move(*body));
  });
}

// The map answers (a period's choropleth with every region's factors, ~200 KB nationally; the
// clusters of a province's incidents) are the same for everyone with the same area and clearance
// and are asked for again on every pan and refresh: keep them while nothing was written, at most
// 5 s (see http::AnswerCache). The key is the whole query string, so any parameter changes it.
Response cached_read_json(Ctx& ctx, std::string_view what, const std::function<std::optional<std::string>(db::Conn&)>& fn) {
  static http::AnswerCache cache(512, std::chrono::seconds(5));
  const uint64_t generation = ctx.db().generation();
  std::string key = std::string(what) + '\n' + ctx.scope().region_code + '\n' + std::to_string(ctx.scope().clearance) + '\n' +
                    ctx.req.query_string;
  if (auto hit = cache.get(key, generation)) return Response::json(200, *hit);
  Response r = read_json(ctx, fn);
  if (r.status == 200) cache.put(key, generation, r.body);
  return r;
}

std::string region_param(const http::Request& req, Error* err) {
  std::string r = req.q("region").value_or("");
  if (!r.empty()) {
    auto l = regions::check_code(r, "region");
    if (!l.ok()) *err = l.error();
  }
  return r;
}

Result<IncidentInput> incident_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  IncidentInput i;
  i.region_code = in.str("region_code", true, 8).value_or("");
  i.occurred_on = in.str("occurred_on", true, 10).value_or("");
  i.source = in.one_of("source", true, kSources).value_or("");
  i.type_code = in.str("type_code", true, 64).value_or("");
  i.info_source = in.one_of("info_source", true, {"FIELD", "MEDIA", "AGENCY", "PUBLIC"}).value_or("");
  i.info_ref = in.str("info_ref", false, 500).value_or("");
  i.description = in.str("description", false, 20000).value_or("");
  i.fatalities = static_cast<int>(in.int64("fatalities", false, 0, 100000).value_or(0));
  i.injuries = static_cast<int>(in.int64("injuries", false, 0, 100000).value_or(0));
  i.displaced = static_cast<int>(in.int64("displaced", false, 0, 10000000).value_or(0));
  i.property_damage = in.boolean("property_damage", false).value_or(false);
  i.time_precision = static_cast<int>(in.int64("time_precision", false, 1, 3).value_or(1));
  if (!in.is_null("occurred_time")) i.occurred_time = in.str("occurred_time", false, 5).value_or("");
  i.geo_precision = static_cast<int>(in.int64("geo_precision", false, 1, 3).value_or(2));
  i.lat = in.number("lat", false);
  i.lng = in.number("lng", false);
  i.hotspot_id = in.int64("hotspot_id", false, 1);
  if (auto c = in.one_of("classification", false, auth::kClearanceNames)) i.classification = *auth::parse_clearance(*c);
  if (auto* actors = in.get("actors")) {
    if (!actors->IsArray() || actors->Size() > 50) in.add_error("actors", "type", "Harus berupa daftar (paling banyak 50).", "Must be a list (at most 50).");
    else {
      json::Out o;
      o.begin_array();
      for (auto& a : actors->GetArray()) {
        if (!a.IsObject() || !a.HasMember("name") || !a["name"].IsString()) {
          in.add_error("actors", "invalid", "Setiap aktor perlu nama.", "Each actor needs a name.");
          break;
        }
        std::string type = a.HasMember("type") && a["type"].IsString() ? a["type"].GetString() : "OTHER";
        o.begin_object().kv("type", type.substr(0, 32)).kv("name", trim(a["name"].GetString()).substr(0, 200)).end_object();
      }
      o.end_array();
      i.actors_json = o.take();
    }
  }
  if (!in.ok()) return in.error();
  auto errs = validate_incident(i, now_iso());
  if (!errs.empty()) return Error::invalid(errs);
  return i;
}

Response list_all_incidents(Ctx& ctx) {
  Error err;
  IncidentQuery q;
  q.region = region_param(ctx.req, &err);
  if (!err.code.empty()) return Response::problem(err);
  PANTAU_TRY(q.page, http::paging(ctx.req, 100, 1000));
  q.from = ctx.req.q("from").value_or("");
  q.to = ctx.req.q("to").value_or("");
  if ((!q.from.empty() && !parse_date(q.from)) || (!q.to.empty() && !parse_date(q.to)))
    return Response::problem(Error::invalid_field("from", "invalid", "Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."));
  IncidentFilter& f = q.filter;
  f.source = ctx.req.q("source").value_or("");
  f.type = ctx.req.q("type").value_or("");
  f.verification = ctx.req.q("verification").value_or("");
  f.info_source = ctx.req.q("info_source").value_or("");
  auto one_of = [](const std::string& v, std::initializer_list<std::string_view> allowed) {
    return v.empty() || std::find(allowed.begin(), allowed.end(), v) != allowed.end();
  };
  if (!f.source.empty() && std::find(kSources.begin(), kSources.end(), f.source) == kSources.end())
    return Response::problem(Error::invalid_field("source", "not_allowed", "Sumber konflik tidak dikenal.", "Unknown conflict source."));
  if (!one_of(f.verification, {"UNVERIFIED", "VERIFIED", "REJECTED"}))
    return Response::problem(Error::invalid_field("verification", "not_allowed", "Pilih UNVERIFIED, VERIFIED, atau REJECTED.",
                                                  "Choose UNVERIFIED, VERIFIED or REJECTED."));
  if (!one_of(f.info_source, {"FIELD", "MEDIA", "AGENCY", "PUBLIC"}))
    return Response::problem(Error::invalid_field("info_source", "not_allowed", "Pilih FIELD, MEDIA, AGENCY, atau PUBLIC.",
                                                  "Choose FIELD, MEDIA, AGENCY or PUBLIC."));
  if (f.type.size() > 64 || f.type.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") != std::string::npos)
    return Response::problem(Error::invalid_field("type", "invalid", "Kode jenis konflik tidak valid.", "Invalid conflict type code."));
  return http::read_page(ctx, [&](db::Conn& c) { return list_incidents(c, ctx.scope(), q); });
}

Response create_one_incident(Ctx& ctx) {
  PANTAU_TRY(IncidentInput in, incident_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<Incident> {
    PANTAU_TRY(int64_t id, create_incident(c, ctx.scope(), in));
    auto created = get_incident(c, ctx.scope(), id);
    if (!created) return Error::not_found();
    return std::move(*created);
  });
}

Response import_route(Ctx& ctx) {
  // A spreadsheet (.xlsx, its first sheet) or a CSV file, with the same columns.
  auto table = looks_like_xlsx(ctx.req.body) ? parse_xlsx(ctx.req.body, 200000) : parse_csv(ctx.req.body, 200000);
  if (!table.ok()) return Response::problem(table.error());
  std::optional<ImportReport> rep;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    PANTAU_TRY(rep, import_incidents(c, ctx.scope(), *table, sha256_hex(ctx.req.body)));
    // Any refused row: nothing is imported, every refusal is reported.
    if (!rep->refused.empty()) return Error::invalid({});
    return {};
  });
  if (!s.ok() && !rep) return Response::problem(s.error());
  json::Out o;
  o.begin_object().kv("rows", rep->rows).kv("imported", static_cast<int64_t>(s.ok() ? rep->created.size() : 0));
  o.key("refused").begin_array();
  for (auto& [line, e] : rep->refused)
    o.begin_object().kv("line", line).kv("field", e.field).kv("code", e.code).kv_message("message", e.message).end_object();
  o.end_array().end_object();
  if (!s.ok()) {
    Error e = Error::make(ErrorKind::Invalid, "import.refused",
                          fmt::format("{} baris ditolak; tidak ada yang diimpor. Perbaiki lalu unggah lagi.", rep->refused.size()),
                          fmt::format("{} rows refused; nothing was imported. Fix them and upload again.", rep->refused.size()));
    return http::problem_with(e, "report", o.take());
  }
  return Response::json(201, o.take());
}

Response export_csv(Ctx& ctx) {
  Error err;
  std::string region = region_param(ctx.req, &err);
  if (!err.code.empty()) return Response::problem(err);
  std::string body;
  Status s = ctx.db().read([&](db::Conn& c) { body = incidents_csv(c, ctx.scope(), region); });
  if (!s.ok()) return Response::problem(s.error());
  Response r;
  r.content_type = "text/csv; charset=utf-8";
  r.body = "\xEF\xBB\xBF" + body;
  r.header("Content-Disposition", "attachment; filename=\"insiden-konflik.csv\"");
  return r;
}

Response export_xlsx(Ctx& ctx) {
  Error err;
  std::string region = region_param(ctx.req, &err);
  if (!err.code.empty()) return Response::problem(err);
  auto x = ctx.db().read_value<std::string>([&](db::Conn& c) { return incidents_xlsx(c, ctx.scope(), region); });
  if (!x.ok()) return Response::problem(x.error());
  Response r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = std::move(x.value());
  r.header("Content-Disposition", "attachment; filename=\"insiden-konflik.xlsx\"");
  return r;
}

Result<HotspotInput> hotspot_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  HotspotInput h;
  h.region_code = in.str("region_code", true, 8).value_or("");
  if (!h.region_code.empty() && region_level(h.region_code) == RegionLevel::Invalid)
    in.add_error("region_code", "region_code", "Kode wilayah tidak valid.", "Invalid region code.");
  h.name = in.str("name", true, 300).value_or("");
  h.source = in.one_of("source", true, kSources).value_or("");
  h.type_code = in.str("type_code", true, 64).value_or("");
  h.root_cause = in.str("root_cause", false, 5000).value_or("");
  h.triggers = in.str("triggers", false, 5000).value_or("");
  h.history = in.str("history", false, 20000).value_or("");
  h.impact_scope = in.one_of("impact_scope", false, {"DESA", "KECAMATAN", "KABKOTA", "PROVINSI", "NASIONAL"}).value_or("DESA");
  h.responsible_agencies = in.str("responsible_agencies", false, 2000).value_or("");
  h.handling_actions = in.str("handling_actions", false, 20000).value_or("");
  h.lat = in.number("lat", false);
  h.lng = in.number("lng", false);
  if (auto* parties = in.get("parties")) {
    if (!parties->IsArray()) in.add_error("parties", "type", "Harus berupa daftar.", "Must be a list.");
    else {
      json::Out o;
      o.begin_array();
      for (auto& p : parties->GetArray())
        if (p.IsObject() && p.HasMember("name") && p["name"].IsString())
          o.begin_object().kv("name", trim(p["name"].GetString()).substr(0, 200))
              .kv("type", p.HasMember("type") && p["type"].IsString() ? std::string(p["type"].GetString()).substr(0, 32) : "OTHER")
              .end_object();
      o.end_array();
      h.parties_json = o.take();
    }
  }
  if (auto c = in.one_of("classification", false, auth::kClearanceNames)) h.classification = *auth::parse_clearance(*c);
  if (!in.ok()) return in.error();
  return h;
}

Response create_one_hotspot(Ctx& ctx) {
  PANTAU_TRY(HotspotInput in, hotspot_input(ctx.req));
  return http::create(ctx, [&](db::Conn& c) -> Result<Hotspot> {
    PANTAU_TRY(int64_t id, create_hotspot(c, ctx.scope(), in));
    auto created = get_hotspot(c, ctx.scope(), id);
    if (!created) return Error::not_found();
    return std::move(*created);
  });
}

Response get_one_hotspot(Ctx& ctx) {
  return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_hotspot(c, ctx.scope(), id); });
}

struct StageChange {
  Stage to = Stage::Potential;
  std::string note;
};

Result<StageChange> stage_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  std::vector<std::string_view> stages = {"POTENTIAL", "LATENT", "ESCALATING", "OPEN", "RECOVERY", "RESOLVED", "ARCHIVED"};
  auto stage = in.one_of("stage", true, stages);
  auto note = in.str("note", false, 5000);
  if (!in.ok()) return in.error();
  return StageChange{*parse_stage(*stage), note.value_or("")};
}

Response hotspot_stage(Ctx& ctx) {
  return http::update(ctx, stage_input, [&](db::Conn& c, int64_t id, int64_t version, const StageChange& in) {
    return change_stage(c, ctx.scope(), id, version, in.to, in.note);
  });
}

Response declare(Ctx& ctx) {
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  StatusInput s;
  s.scale = in->one_of("scale", true, {"KABKOTA", "PROVINSI", "NASIONAL"}).value_or("");
  s.region_code = in->str("region_code", false, 8).value_or("");
  s.decree_number = in->str("decree_number", true, 200).value_or("");
  s.start_date = in->str("start_date", true, 10).value_or("");
  s.duration_days = static_cast<int>(in->int64("duration_days", true, -100000, 100000).value_or(0));
  s.hotspot_id = in->int64("hotspot_id", false, 1);
  if (!in->ok()) return Response::problem(in->error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, declare_status(c, ctx.scope(), s));
    return Response::json(201, json::object("id", id));
  });
}

struct Extension {
  int days = 0;
  std::string decree_number;
};

Result<Extension> extension_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  auto days = in.int64("days", true, -100000, 100000);
  auto decree = in.str("decree_number", true, 200);
  if (!in.ok()) return in.error();
  return Extension{static_cast<int>(*days), *decree};
}

Response extend(Ctx& ctx) {
  return http::update(ctx, extension_input, [&](db::Conn& c, int64_t id, int64_t version, const Extension& in) {
    return extend_status(c, ctx.scope(), id, version, in.days, in.decree_number);
  });
}

Result<std::string> ending_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  auto on = in.str("ended_on", true, 10);
  if (!in.ok()) return in.error();
  return *on;
}

Response end(Ctx& ctx) {
  return http::update(ctx, ending_input, [&](db::Conn& c, int64_t id, int64_t version, const std::string& ended_on) {
    return end_status(c, ctx.scope(), id, version, ended_on);
  });
}

struct Assignment {
  std::string agency, due_date;
};

Result<Assignment> assignment_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  auto agency = in.str("agency", true, 300);
  auto due = in.str("due_date", true, 10);
  if (!in.ok()) return in.error();
  return Assignment{*agency, *due};
}

struct AlertResponse {
  std::string response, outcome;
};

Result<AlertResponse> response_input(const http::Request& req) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  auto response = in.str("response", false, 20000);
  auto outcome = in.str("outcome", false, 20000);
  if (!in.ok()) return in.error();
  return AlertResponse{response.value_or(""), outcome.value_or("")};
}

Response assign(Ctx& ctx) {
  return http::update(ctx, assignment_input, [&](db::Conn& c, int64_t id, int64_t version, const Assignment& in) {
    return assign_alert(c, ctx.scope(), id, version, in.agency, in.due_date);
  });
}

Response respond(Ctx& ctx, bool close) {
  return http::update(ctx, response_input, [&](db::Conn& c, int64_t id, int64_t version, const AlertResponse& in) {
    return respond_alert(c, ctx.scope(), id, version, in.response, in.outcome, close);
  });
}

Response vulnerability_map(Ctx& ctx) {
  std::string level = ctx.req.q("level").value_or("kabkota");
  std::string province = ctx.req.q("province").value_or("");
  if (level != "provinsi" && level != "kabkota")
    return Response::problem(Error::invalid_field("level", "not_allowed", "Pilih provinsi atau kabkota.", "Choose provinsi or kabkota."));
  if (!province.empty() && region_level(province) != RegionLevel::Provinsi)
    return Response::problem(Error::invalid_field("province", "not_province", "Harus kode provinsi.", "Must be a province code."));
  Date today = office_today(ctx.scope().region_code);
  if (auto period = ctx.req.q("period"); period && !period->empty()) {
    auto p = parse_period(*period);
    if (!p.ok()) return Response::problem(Error::invalid_field("period", "invalid", "Periode tidak valid (mis. 2026-Q3).", "Invalid period (e.g. 2026-Q3)."));
    Response r = cached_read_json(ctx, "vulnerability", [&](db::Conn& c) -> std::optional<std::string> {
      return period_vulnerability_json(c, ctx.scope(), level == "provinsi" ? 1 : 2, province, *p, today);
    });
    // The national map with every region's factors is large (about 200 KB): gzip when accepted.
    r.header("Vary", "Accept-Encoding");
    if (r.status == 200 && r.body.size() > 16384 && http::accepts_gzip(ctx.req)) {
      std::string gz = http::gzip(r.body);
      if (!gz.empty()) {
        r.body = std::move(gz);
        r.header("Content-Encoding", "gzip");
      }
    }
    return r;
  }
  std::string date = ctx.req.q("date").value_or(format_date(today));
  auto d = parse_date(date);
  if (!d) return Response::problem(Error::invalid_field("date", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  return http::read(ctx, [&](db::Conn& c) {
    return vulnerability(c, ctx.scope(), level == "provinsi" ? 1 : 2, province, *d, current_model(c).model);
  });
}

Response recompute(Ctx& ctx) {
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto period = in->str("period", true, 10);
  if (!in->ok()) return Response::problem(in->error());
  auto p = parse_period(*period);
  if (!p.ok()) return Response::problem(Error::invalid_field("period", "invalid", "Periode tidak valid (mis. 2026-Q3).", "Invalid period (e.g. 2026-Q3)."));
  Date today = office_today(ctx.scope().region_code);
  auto started = std::chrono::steady_clock::now();
  auto n = ctx.db().write_value<int>([&](db::Conn& c) { return recompute_vulnerability(c, ctx.scope(), *p, today); });
  if (!n.ok()) return Response::problem(n.error());
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  json::Out o;
  o.begin_object().kv("period", p->code).kv("as_of", format_date(period_as_of(*p, today))).kv("regions", *n).kv("elapsed_ms", ms).end_object();
  return Response::json(200, o.take());
}

Response clusters(Ctx& ctx) {
  Error err;
  ClusterQuery q;
  q.region = region_param(ctx.req, &err);
  if (!err.code.empty()) return Response::problem(err);
  auto zoom = parse_int64(ctx.req.q("zoom").value_or("6"));
  if (!zoom || *zoom < 1 || *zoom > 18)
    return Response::problem(Error::invalid_field("zoom", "out_of_range", "Zoom antara 1 dan 18.", "The zoom is between 1 and 18."));
  q.zoom = static_cast<int>(*zoom);
  q.from = ctx.req.q("from").value_or("");
  q.to = ctx.req.q("to").value_or("");
  if ((!q.from.empty() && !parse_date(q.from)) || (!q.to.empty() && !parse_date(q.to)))
    return Response::problem(Error::invalid_field("from", "invalid", "Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."));
  if (auto b = ctx.req.q("bbox"); b && !b->empty()) {
    // west,south,east,north (as in GeoJSON and Leaflet's toBBoxString)
    std::vector<double> v;
    size_t start = 0;
    while (start <= b->size() && v.size() < 5) {
      size_t comma = b->find(',', start);
      std::string part = b->substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      char* end = nullptr;
      double x = std::strtod(part.c_str(), &end);
      if (part.empty() || end != part.c_str() + part.size() || !std::isfinite(x)) { v.clear(); break; }
      v.push_back(x);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (v.size() != 4 || v[0] > v[2] || v[1] > v[3] || v[1] < -90 || v[3] > 90 || v[0] < -180 || v[2] > 180)
      return Response::problem(Error::invalid_field("bbox", "invalid", "bbox: barat,selatan,timur,utara dalam derajat.",
                                                    "bbox: west,south,east,north in degrees."));
    q.bbox = Bbox{v[1], v[0], v[3], v[2]};
  }
  return cached_read_json(ctx, "clusters", [&](db::Conn& c) -> std::optional<std::string> { return clusters_json(c, ctx.scope(), q); });
}

Response get_model(Ctx& ctx) {
  int64_t v = 0;
  Response r = read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
    auto m = current_model(c);
    v = m.version;
    return model_version_json(m);
  });
  return r.status == 200 ? http::with_version(std::move(r), v) : r;
}

// PATCH: the fields given replace those of the model in force (If-Match: its version).
Response patch_model(Ctx& ctx) {
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  struct Change {
    std::optional<int64_t> window_days, trend_days;
    std::vector<std::pair<double ScoringModel::*, std::optional<double>>> weights;
  } ch;
  ch.window_days = in->int64("window_days", false, -100000, 100000);
  ch.trend_days = in->int64("trend_days", false, -100000, 100000);
  for (auto [k, member] : std::initializer_list<std::pair<const char*, double ScoringModel::*>>{
           {"w_incident", &ScoringModel::w_incident}, {"w_fatality", &ScoringModel::w_fatality},
           {"w_injury", &ScoringModel::w_injury}, {"w_displaced_per_100", &ScoringModel::w_displaced_per_100},
           {"w_damage", &ScoringModel::w_damage}, {"w_open_hotspot", &ScoringModel::w_open_hotspot},
           {"w_latent_hotspot", &ScoringModel::w_latent_hotspot}, {"trend_bonus", &ScoringModel::trend_bonus},
           {"threshold_medium", &ScoringModel::threshold_medium}, {"threshold_high", &ScoringModel::threshold_high}})
    ch.weights.emplace_back(member, in->number(k, false));
  auto note = in->str("note", false, 2000);
  if (!in->ok()) return Response::problem(in->error());
  std::optional<std::string> body;
  int64_t saved = 0;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    // The version read is the one replaced: two administrators never overwrite each other.
    ModelVersion cur = current_model(c);
    if (cur.version != *version) return Error::stale_version();
    ScoringModel m = cur.model;
    if (ch.window_days) m.window_days = static_cast<int>(*ch.window_days);
    if (ch.trend_days) m.trend_days = static_cast<int>(*ch.trend_days);
    for (auto& [member, v] : ch.weights)
      if (v) m.*member = *v;
    PANTAU_TRY(saved, save_model(c, ctx.scope(), m, note.value_or("")));
    body = model_version_json(current_model(c));
    return {};
  });
  if (!s.ok()) return Response::problem(s.error());
  return http::with_version(Response::json(200, *body), saved);
}

Response list_reports(Ctx& ctx) {
  Error err;
  std::string region = region_param(ctx.req, &err);
  if (!err.code.empty()) return Response::problem(err);
  std::string period = ctx.req.q("period").value_or("");
  auto status_q = http::enum_param(ctx.req, "status", {"DRAFT", "SUBMITTED", "ACCEPTED"});
  if (!status_q.ok()) return Response::problem(status_q.error());
  std::string status = *status_q;
  if (!period.empty() && !parse_period(period).ok())
    return Response::problem(Error::invalid_field("period", "invalid", "Periode tidak valid (mis. 2026-Q3).", "Invalid period (e.g. 2026-Q3)."));
  return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return reports_json(c, ctx.scope(), region, period, status); });
}

Response create_one_report(Ctx& ctx) {
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  ReportInput r;
  r.region_code = in->str("region_code", true, 8).value_or("");
  r.period = in->str("period", true, 10).value_or("");
  r.recommendations = in->str("recommendations", false, 20000).value_or("");
  if (!in->ok()) return Response::problem(in->error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, create_report(c, ctx.scope(), r));
    int64_t v = 1;
    return http::with_version(Response::json(201, report_json(c, ctx.scope(), id, office_today(ctx.scope().region_code), &v).value_or("{}")), v);
  });
}

Response get_one_report(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  int64_t v = 0;
  Response r = read_json(ctx, [&](db::Conn& c) { return report_json(c, ctx.scope(), id, office_today(ctx.scope().region_code), &v); });
  return r.status == 200 ? http::with_version(std::move(r), v) : r;
}

Response report_action(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  PANTAU_TRY(json::In in, json::In::parse(ctx.req.body));
  auto action = in.one_of("action", true, {"UPDATE", "SUBMIT", "ACCEPT", "RETURN"});
  auto text = in.str(action.value_or("") == "UPDATE" ? "recommendations" : "reason", false, 20000);
  if (!in.ok()) return in.error();
  return http::write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_CHECK(act_on_report(c, ctx.scope(), t.id, t.version, *action, text.value_or("")));
    int64_t v = 0;
    auto body = report_json(c, ctx.scope(), t.id, office_today(ctx.scope().region_code), &v);
    return http::with_version(Response::json(200, body.value_or("{}")), v);
  });
}

Response report_pdf_route(Ctx& ctx) {
  PANTAU_TRY(int64_t id, path_id(ctx.req));
  auto ref = ctx.db().read_value<documents::DocumentRef>([&](db::Conn& c) { return report_document(c, ctx.scope(), id); });
  if (!ref.ok()) return ref.error();
  std::string filename;
  Date today = office_today(ctx.scope().region_code);
  auto issued = documents::issue(ctx.db(), ctx.scope(), *ref, documents::public_base(ctx.svc.cfg),
                                 [&](db::Conn& c, const documents::Stamp& st) {
                                   return report_pdf(c, ctx.scope(), id, today, &filename, st);
                                 });
  if (!issued.ok()) return issued.error();
  Response res = http::attachment(std::move(issued->pdf), "application/pdf", filename);
  res.header("X-Document-Code", issued->entry.code);
  return res;
}

// ---- alert rules ----

// Reads the fields of a rule from a body; those not given keep the values of `base`.
Result<std::pair<AlertRule, std::string>> alert_rule_input(const http::Request& req, AlertRule base, std::string note, bool create) {
  PANTAU_TRY(json::In in, json::In::parse(req.body));
  // Kind and tier are checked with the parameters (validate_alert_rule), so every error comes at once.
  if (auto k = in.str("kind", create, 64)) base.code = *k;
  if (auto t = in.str("target_tier", false, 64)) base.target_tier = *t;
  if (auto e = in.boolean("enabled", false)) base.active = *e;
  auto whole = [&](const char* name, int& into) {
    if (auto v = in.int64(name, false, -1000000, 1000000)) into = static_cast<int>(*v);
  };
  whole("days", base.days);
  whole("min_incidents", base.min_incidents);
  whole("baseline_days", base.baseline_days);
  whole("response_days", base.response_days);
  if (auto f = in.number("factor", false)) base.factor = *f;
  if (auto n = in.str("note", false, 2000)) note = *n;
  if (!in.ok()) return in.error();
  return std::make_pair(base, note);
}

Response create_rule(Ctx& ctx) {
  PANTAU_TRY(auto in, alert_rule_input(ctx.req, AlertRule{}, "", true));
  return http::create(ctx, [&](db::Conn& c) -> Result<AlertRuleRow> {
    PANTAU_TRY(int64_t id, create_alert_rule(c, ctx.scope(), in.first, in.second));
    return *find_alert_rule(c, id);
  });
}

// The fields not given keep the rule's current values, so the body is read inside the write.
Response patch_rule(Ctx& ctx) {
  PANTAU_TRY(http::Target t, http::versioned_target(ctx.req));
  return http::write(ctx, [&](db::Conn& c) -> Result<AlertRuleRow> {
    auto cur = find_alert_rule(c, t.id);
    if (!cur) return Error::not_found("Aturan tidak ditemukan.", "Rule not found.");
    PANTAU_TRY(auto in, alert_rule_input(ctx.req, cur->rule, cur->note, false));
    PANTAU_CHECK(update_alert_rule(c, ctx.scope(), t.id, t.version, in.first, in.second));
    return *find_alert_rule(c, t.id);
  });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  http::RouteOptions approve{false, auth::kRecordApprove};
  r.get("/api/v1/conflict/incidents", list_all_incidents, read);
  r.post("/api/v1/conflict/incidents", create_one_incident, write);
  r.get("/api/v1/conflict/incidents/clusters", clusters, read);
  r.get("/api/v1/conflict/incidents/{id}", [](Ctx& ctx) {
    return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_incident(c, ctx.scope(), id); });
  }, read);
  r.post("/api/v1/conflict/incidents/import", import_route, write);
  r.get("/api/v1/conflict/incidents.csv", export_csv, read);
  r.get("/api/v1/conflict/incidents.xlsx", export_xlsx, read);
  r.get("/api/v1/conflict/hotspots", [](Ctx& ctx) {
    Error err;
    std::string region = region_param(ctx.req, &err);
    if (!err.code.empty()) return Response::problem(err);
    return http::read_page(ctx, [&](db::Conn& c) { return list_hotspots(c, ctx.scope(), region); });
  }, read);
  r.post("/api/v1/conflict/hotspots", create_one_hotspot, write);
  r.get("/api/v1/conflict/hotspots/{id}", get_one_hotspot, read);
  r.post("/api/v1/conflict/hotspots/{id}/stage", hotspot_stage, write);
  r.get("/api/v1/conflict/statuses", [](Ctx& ctx) {
    return http::read_page(ctx, [&](db::Conn& c) { return list_statuses(c, ctx.scope()); });
  }, read);
  r.post("/api/v1/conflict/statuses", declare, approve);
  r.post("/api/v1/conflict/statuses/{id}/extend", extend, approve);
  r.post("/api/v1/conflict/statuses/{id}/end", end, approve);
  r.get("/api/v1/conflict/alerts", [](Ctx& ctx) {
    auto status = http::enum_param(ctx.req, "status", {"OPEN", "ASSIGNED", "RESPONDED", "CLOSED"});
    if (!status.ok()) return Response::problem(status.error());
    Error err;
    std::string region = region_param(ctx.req, &err);
    if (!err.code.empty()) return Response::problem(err);
    Date today = office_today(ctx.scope().region_code);
    // Overdue responses move to the tier above when alerts are read, besides the server's
    // 10-minute housekeeping (src/app/main.cpp), so a list never shows a stale state.
    if (Status esc = escalate_overdue_alerts(ctx.db(), now_iso()); !esc.ok()) return Response::problem(esc.error());
    return http::read_page(ctx, [&](db::Conn& c) { return list_alerts(c, ctx.scope(), *status, today, region); });
  }, read);
  r.get("/api/v1/conflict/alerts/{id}", [](Ctx& ctx) {
    Date today = office_today(ctx.scope().region_code);
    return http::read_one(ctx, [&](db::Conn& c, int64_t id) { return get_alert(c, ctx.scope(), id, today); });
  }, read);
  r.get("/api/v1/conflict/taxonomy", [](Ctx& ctx) {
    return http::read(ctx, [&](db::Conn& c) { return taxonomy(c); });
  }, read);
  r.post("/api/v1/conflict/alerts/{id}/assign", assign, review);
  r.post("/api/v1/conflict/alerts/{id}/respond", [](Ctx& c) { return respond(c, false); }, review);
  r.post("/api/v1/conflict/alerts/{id}/close", [](Ctx& c) { return respond(c, true); }, review);
  r.get("/api/v1/conflict/vulnerability", vulnerability_map, read);
  r.post("/api/v1/conflict/vulnerability/recompute", recompute, review);
  r.get("/api/v1/conflict/scoring-model", get_model, read);
  r.patch("/api/v1/conflict/scoring-model", patch_model, http::RouteOptions{false, auth::kUserAdmin});
  http::RouteOptions admin{false, auth::kUserAdmin};
  r.get("/api/v1/conflict/alert-rules", [](Ctx& ctx) {
    return http::read_items(ctx, [&](db::Conn& c) { return list_alert_rules(c); });
  }, admin);
  r.post("/api/v1/conflict/alert-rules", create_rule, admin);
  r.patch("/api/v1/conflict/alert-rules/{id}", patch_rule, admin);
  r.get("/api/v1/conflict/reports", list_reports, read);
  r.post("/api/v1/conflict/reports", create_one_report, write);
  r.get("/api/v1/conflict/reports/{id}", get_one_report, read);
  r.post("/api/v1/conflict/reports/{id}/actions", report_action, read);
  r.get("/api/v1/conflict/reports/{id}/pdf", report_pdf_route, read);
}

}  // namespace pantau::conflict
