// GET /api/v1/regions, /api/v1/regions/{code}, /api/v1/geo/provinsi, /api/v1/geo/kabkota, /api/v1/geo/kecamatan
#include "modules/regions/routes.h"

#include <mutex>
#include <unordered_map>

#include "core/crypto.h"
#include "http/app.h"
#include "http/compress.h"
#include "modules/regions/rules.h"
#include "modules/regions/store.h"

namespace pantau::regions {

using http::Ctx;
using http::Response;

void write_region(json::Out& o, const Region& r) {
  o.begin_object().kv("code", r.code).kv("name", r.name).kv("level", r.level).kv("type", r.type)
      .kv("parent_code", r.parent_code).kv_opt("lat", r.lat).kv_opt("lng", r.lng).end_object();
}

namespace {

Response list(Ctx& ctx) {
  auto q = ctx.req.q("q");
  auto parent = ctx.req.q("parent").value_or("");
  if (!parent.empty()) PANTAU_CHECK(check_code(parent, "parent"));
  if (q && q->size() > 100) return Error::invalid_field("q", "too_long", "Kata kunci terlalu panjang.", "The search text is too long.");
  std::vector<Region> rows;
  bool parent_found = true;
  Status s = ctx.db().read([&](db::Conn& c) {
    if (q && !q->empty()) {
      rows = search(c, ctx.scope(), *q, 50);
    } else {
      rows = children(c, parent);
      if (!parent.empty() && rows.empty()) parent_found = exists(c, parent);
    }
  });
  if (!s.ok()) return s.error();
  if (!parent_found) return Error::not_found("Wilayah tidak ditemukan.", "Region not found.");
  json::Out o;
  o.begin_object().key("items").begin_array();
  for (auto& r : rows) write_region(o, r);
  o.end_array().end_object();
  Response r = Response::json(200, o.take());
  r.header("Cache-Control", "private, max-age=300");
  return r;
}

Response get_one(Ctx& ctx) {
  std::string code(ctx.req.param("code"));
  PANTAU_CHECK(check_code(code));
  std::optional<RegionDetail> d;
  Status s = ctx.db().read([&](db::Conn& c) { d = detail(c, code); });
  if (!s.ok()) return s.error();
  if (!d) return Error::not_found("Wilayah tidak ditemukan.", "Region not found.");
  json::Out o;
  const Region& g = d->region;
  o.begin_object().kv("code", g.code).kv("name", g.name).kv("level", g.level).kv("type", g.type)
      .kv("parent_code", g.parent_code).kv_opt("lat", g.lat).kv_opt("lng", g.lng);
  o.key("ancestors").begin_array();
  for (auto& a : d->ancestors) o.begin_object().kv("code", a.code).kv("name", a.name).kv("level", a.level).end_object();
  o.end_array();
  o.key("stats").begin_object().kv_opt("area_km2", g.area_km2).kv_opt("population_total", g.population_total)
      .kv_opt("population_male", g.population_male).kv_opt("population_female", g.population_female).end_object();
  o.kv("children_count", d->children_count);
  o.kv("in_scope", ctx.scope().covers(g.code));
  o.end_object();
  return Response::json(200, o.take());
}

struct CachedGeo {
  std::string body, gz, etag;
};

Response geo(Ctx& ctx, int level) {
  std::string province;
  if (level >= 2) {
    province = ctx.req.q("province").value_or("");
    // Kecamatan come one province at a time (the whole country is 7 MB).
    if (level == 3 && province.empty())
      return Response::problem(Error::invalid_field("province", "required", "Wajib diisi.", "This field is required."));
    if (!province.empty()) {
      PANTAU_TRY(RegionLevel l, check_code(province, "province"));
      if (l != RegionLevel::Provinsi)
        return Error::invalid_field("province", "not_province", "Harus kode provinsi (dua digit).", "Must be a province code (two digits).");
    }
  }
  static std::mutex mu;
  static std::unordered_map<std::string, std::shared_ptr<CachedGeo>> cache;
  std::string key = std::to_string(level) + "/" + province;
  std::shared_ptr<CachedGeo> entry;
  {
    std::lock_guard lk(mu);
    auto it = cache.find(key);
    if (it != cache.end()) entry = it->second;
  }
  if (!entry) {
    std::string body;
    bool found = true;
    Status s = ctx.db().read([&](db::Conn& c) {
      body = geojson(c, level, province);
      if (!province.empty()) found = exists(c, province);
    });
    if (!s.ok()) return s.error();
    if (!found) return Error::not_found("Provinsi tidak ditemukan.", "Province not found.");
    entry = std::make_shared<CachedGeo>(CachedGeo{body, http::gzip(body), "\"" + sha256_hex(body).substr(0, 32) + "\""});
    std::lock_guard lk(mu);
    cache[key] = entry;
  }
  Response r;
  r.content_type = "application/geo+json";
  r.header("ETag", entry->etag);
  r.header("Cache-Control", "private, max-age=3600");
  r.header("Vary", "Accept-Encoding");
  if (ctx.req.header("if-none-match") == entry->etag) {
    r.status = 304;
    r.content_type.clear();
    return r;
  }
  if (http::accepts_gzip(ctx.req) && !entry->gz.empty()) {
    r.body = entry->gz;
    r.header("Content-Encoding", "gzip");
  } else {
    r.body = entry->body;
  }
  return r;
}

}  // namespace

void register_routes(http::App& app) {
  auto& r = app.router();
  r.get("/api/v1/regions", list);
  r.get("/api/v1/regions/{code}", get_one);
  r.get("/api/v1/geo/provinsi", [](Ctx& c) { return geo(c, 1); });
  r.get("/api/v1/geo/kabkota", [](Ctx& c) { return geo(c, 2); });
  r.get("/api/v1/geo/kecamatan", [](Ctx& c) { return geo(c, 3); });
}

}  // namespace pantau::regions
