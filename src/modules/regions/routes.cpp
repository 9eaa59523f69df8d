// GET /api/v1/regions, /api/v1/regions/{code}, /api/v1/geo/provinsi, /api/v1/geo/kabkota, /api/v1/geo/kecamatan
#include <mutex>
#include <unordered_map>

#include "core/crypto.h"
#include "http/app.h"
#include "http/compress.h"
#include "http/handler.h"
#include "modules/regions/rules.h"
#include "modules/regions/store.h"

namespace pantau::regions {

using http::Ctx;
using http::Response;

namespace {

const Message kNoRegion{"Wilayah tidak ditemukan.", "Region not found."};

// Children of ?parent= (the provinces without one), or a name/code search with ?q=.
Response list(Ctx& ctx) {
  auto q = ctx.req.q("q");
  auto parent = ctx.req.q("parent").value_or("");
  if (!parent.empty()) PANTAU_CHECK(check_code(parent, "parent"));
  if (q && q->size() > 100) return Error::invalid_field("q", "too_long", "Kata kunci terlalu panjang.", "The search text is too long.");
  Response r = http::read(ctx, [&](db::Conn& c) -> Result<Response> {
    if (q && !q->empty()) return Response::json(200, http::items_json(search(c, ctx.scope(), *q, 50)));
    auto rows = children(c, parent);
    if (!parent.empty() && rows.empty() && !exists(c, parent)) return Error::not_found(kNoRegion.id, kNoRegion.en);
    return Response::json(200, http::items_json(rows));
  });
  if (r.status == 200) r.header("Cache-Control", "private, max-age=300");
  return r;
}

Response get_one(Ctx& ctx) {
  std::string code(ctx.req.param("code"));
  PANTAU_CHECK(check_code(code));
  return http::read_record(ctx, [&](db::Conn& c) {
    auto d = detail(c, code);
    if (d) d->in_scope = ctx.scope().covers(d->region.code);
    return d;
  }, kNoRegion);
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
      body = feature_collection(boundaries(c, level, province));
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
