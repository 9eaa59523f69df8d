// /api/v1/conflict/...: incidents (and CSV import/export), hotspots and their stages, conflict
// status declarations, alerts with their response, and the vulnerability map.
#include <fmt/format.h>

#include "auth/roles.h"
#include "core/csv.h"
#include "core/fileio.h"
#include "core/strings.h"
#include "http/app.h"
#include "http/json.h"
#include "http/params.h"
#include "http/write_safety.h"
#include "modules/conflict/store.h"
#include "modules/regions/rules.h"

namespace pantau::conflict {

using http::Ctx;
using http::Response;

namespace {

using http::path_id;

Response read_json(Ctx& ctx, const std::function<std::optional<std::string>(db::Conn&)>& fn) {
  std::optional<std::string> body;
  Status s = ctx.db().read([&](db::Conn& c) { body = fn(c); });
  if (!s.ok()) return Response::problem(s.error());
  if (!body) return Response::problem(Error::not_found());
  return Response::json(200, *body);
}

Response write_ok(Ctx& ctx, const std::function<Status(db::Conn&)>& fn) {
  Status s = ctx.db().write(fn);
  return s.ok() ? Response::no_content() : Response::problem(s.error());
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
  auto errs = validate_incident(i);
  if (!errs.empty()) return Error::invalid(errs);
  return i;
}

Response list_incidents(Ctx& ctx) {
  Error err;
  std::string region = region_param(ctx.req, &err);
  if (!err.code.empty()) return Response::problem(err);
  auto after = ctx.req.q("after").value_or("");
  std::optional<int64_t> after_id = after.empty() ? std::nullopt : parse_int64(after);
  int limit = static_cast<int>(std::clamp<int64_t>(parse_int64(ctx.req.q("limit").value_or("100")).value_or(100), 1, 1000));
  std::string from = ctx.req.q("from").value_or(""), to = ctx.req.q("to").value_or("");
  if ((!from.empty() && !parse_date(from)) || (!to.empty() && !parse_date(to)))
    return Response::problem(Error::invalid_field("from", "invalid", "Tanggal harus TTTT-BB-HH.", "Dates must be YYYY-MM-DD."));
  return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
    return incidents_json(c, ctx.scope(), region, from, to, after_id, limit);
  });
}

Response create_one_incident(Ctx& ctx) {
  auto in = incident_input(ctx.req);
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, create_incident(c, ctx.scope(), *in));
    return Response::json(201, incident_json(c, ctx.scope(), id).value_or("{}"));
  });
}

Response import_route(Ctx& ctx) {
  auto table = parse_csv(ctx.req.body, 200000);
  if (!table.ok()) return Response::problem(table.error());
  std::optional<ImportReport> rep;
  Status s = ctx.db().write([&](db::Conn& c) -> Status {
    PANTAU_TRY(rep, import_incidents(c, ctx.scope(), *table));
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
    Response r = Response::problem(e);
    std::string body = r.body;
    body.pop_back();
    r.body = body + ",\"report\":" + o.take() + "}";
    return r;
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
  auto in = hotspot_input(ctx.req);
  if (!in.ok()) return Response::problem(in.error());
  return http::idempotent_write(ctx, [&](db::Conn& c) -> Result<Response> {
    PANTAU_TRY(int64_t id, create_hotspot(c, ctx.scope(), *in));
    int64_t v = 1;
    return http::with_version(Response::json(201, hotspot_json(c, ctx.scope(), id, &v).value_or("{}")), v);
  });
}

Response get_one_hotspot(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  int64_t v = 0;
  Response r = read_json(ctx, [&](db::Conn& c) { return hotspot_json(c, ctx.scope(), *id, &v); });
  return r.status == 200 ? http::with_version(std::move(r), v) : r;
}

Response hotspot_stage(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  std::vector<std::string_view> stages = {"POTENTIAL", "LATENT", "ESCALATING", "OPEN", "RECOVERY", "RESOLVED", "ARCHIVED"};
  auto stage = in->one_of("stage", true, stages);
  auto note = in->str("note", false, 5000);
  if (!in->ok()) return Response::problem(in->error());
  return write_ok(ctx, [&](db::Conn& c) { return change_stage(c, ctx.scope(), *id, *version, *parse_stage(*stage), note.value_or("")); });
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
    return Response::json(201, fmt::format(R"({{"id":{}}})", id));
  });
}

Response extend(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto days = in->int64("days", true, -100000, 100000);
  auto decree = in->str("decree_number", true, 200);
  if (!in->ok()) return Response::problem(in->error());
  return write_ok(ctx, [&](db::Conn& c) { return extend_status(c, ctx.scope(), *id, *version, static_cast<int>(*days), *decree); });
}

Response end(Ctx& ctx) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  auto on = in->str("ended_on", true, 10);
  if (!in->ok()) return Response::problem(in->error());
  return write_ok(ctx, [&](db::Conn& c) { return end_status(c, ctx.scope(), *id, *version, *on); });
}

Response alert_action(Ctx& ctx, const char* action) {
  auto id = path_id(ctx.req);
  if (!id.ok()) return Response::problem(id.error());
  auto version = http::required_version(ctx.req);
  if (!version.ok()) return Response::problem(version.error());
  auto in = json::In::parse(ctx.req.body);
  if (!in.ok()) return Response::problem(in.error());
  if (std::string(action) == "assign") {
    auto agency = in->str("agency", true, 300);
    auto due = in->str("due_date", true, 10);
    if (!in->ok()) return Response::problem(in->error());
    return write_ok(ctx, [&](db::Conn& c) { return assign_alert(c, ctx.scope(), *id, *version, *agency, *due); });
  }
  auto response = in->str("response", false, 20000);
  auto outcome = in->str("outcome", false, 20000);
  if (!in->ok()) return Response::problem(in->error());
  bool close = std::string(action) == "close";
  return write_ok(ctx, [&](db::Conn& c) {
    return respond_alert(c, ctx.scope(), *id, *version, response.value_or(""), outcome.value_or(""), close);
  });
}

Response vulnerability(Ctx& ctx) {
  std::string level = ctx.req.q("level").value_or("kabkota");
  std::string province = ctx.req.q("province").value_or("");
  if (level != "provinsi" && level != "kabkota")
    return Response::problem(Error::invalid_field("level", "not_allowed", "Pilih provinsi atau kabkota.", "Choose provinsi or kabkota."));
  if (!province.empty() && region_level(province) != RegionLevel::Provinsi)
    return Response::problem(Error::invalid_field("province", "not_province", "Harus kode provinsi.", "Must be a province code."));
  std::string date = ctx.req.q("date").value_or(now_iso().substr(0, 10));
  auto d = parse_date(date);
  if (!d) return Response::problem(Error::invalid_field("date", "invalid", "Tanggal harus TTTT-BB-HH.", "The date must be YYYY-MM-DD."));
  return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
    return vulnerability_json(c, ctx.scope(), level == "provinsi" ? 1 : 2, province, *d, ScoringModel{});
  });
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  http::RouteOptions read{false, auth::kRecordRead};
  http::RouteOptions write{false, auth::kRecordWrite};
  http::RouteOptions review{false, auth::kRecordReview};
  http::RouteOptions approve{false, auth::kRecordApprove};
  r.get("/api/v1/conflict/incidents", list_incidents, read);
  r.post("/api/v1/conflict/incidents", create_one_incident, write);
  r.get("/api/v1/conflict/incidents/{id}", [](Ctx& ctx) {
    auto id = path_id(ctx.req);
    if (!id.ok()) return Response::problem(id.error());
    return read_json(ctx, [&](db::Conn& c) { return incident_json(c, ctx.scope(), *id); });
  }, read);
  r.post("/api/v1/conflict/incidents/import", import_route, write);
  r.get("/api/v1/conflict/incidents.csv", export_csv, read);
  r.get("/api/v1/conflict/hotspots", [](Ctx& ctx) {
    Error err;
    std::string region = region_param(ctx.req, &err);
    if (!err.code.empty()) return Response::problem(err);
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return hotspots_json(c, ctx.scope(), region); });
  }, read);
  r.post("/api/v1/conflict/hotspots", create_one_hotspot, write);
  r.get("/api/v1/conflict/hotspots/{id}", get_one_hotspot, read);
  r.post("/api/v1/conflict/hotspots/{id}/stage", hotspot_stage, write);
  r.get("/api/v1/conflict/statuses", [](Ctx& ctx) {
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> { return statuses_json(c, ctx.scope()); });
  }, read);
  r.post("/api/v1/conflict/statuses", declare, approve);
  r.post("/api/v1/conflict/statuses/{id}/extend", extend, approve);
  r.post("/api/v1/conflict/statuses/{id}/end", end, approve);
  r.get("/api/v1/conflict/alerts", [](Ctx& ctx) {
    std::string status = ctx.req.q("status").value_or("");
    return read_json(ctx, [&](db::Conn& c) -> std::optional<std::string> {
      return alerts_json(c, ctx.scope(), status, *parse_date(now_iso().substr(0, 10)));
    });
  }, read);
  r.post("/api/v1/conflict/alerts/{id}/assign", [](Ctx& c) { return alert_action(c, "assign"); }, review);
  r.post("/api/v1/conflict/alerts/{id}/respond", [](Ctx& c) { return alert_action(c, "respond"); }, review);
  r.post("/api/v1/conflict/alerts/{id}/close", [](Ctx& c) { return alert_action(c, "close"); }, review);
  r.get("/api/v1/conflict/vulnerability", vulnerability, read);
}

}  // namespace pantau::conflict
