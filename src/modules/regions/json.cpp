// The JSON of the regions module's records: the one place that writes them (RapidJSON writer).
#include "http/json.h"
#include "modules/regions/model.h"

namespace pantau::regions {

namespace {

void write_region(json::Out& o, const Region& r) {
  o.kv("code", r.code).kv("name", r.name).kv("level", r.level).kv("type", r.type).kv("parent_code", r.parent_code)
      .kv_opt("lat", r.lat).kv_opt("lng", r.lng);
}

}  // namespace

std::string to_json(const Region& r) {
  json::Out o;
  o.begin_object();
  write_region(o, r);
  o.end_object();
  return o.take();
}

std::string to_json(const RegionDetail& d) {
  const Region& g = d.region;
  json::Out o;
  o.begin_object();
  write_region(o, g);
  o.key("ancestors").begin_array();
  for (auto& a : d.ancestors) o.begin_object().kv("code", a.code).kv("name", a.name).kv("level", a.level).end_object();
  o.end_array();
  o.key("stats").begin_object().kv_opt("area_km2", g.area_km2).kv_opt("population_total", g.population_total)
      .kv_opt("population_male", g.population_male).kv_opt("population_female", g.population_female).end_object();
  o.kv("children_count", d.children_count);
  o.kv("in_scope", d.in_scope);
  o.end_object();
  return o.take();
}

std::string feature_collection(const std::vector<GeoFeature>& features) {
  json::Out o;
  o.begin_object().kv("type", "FeatureCollection").key("features").begin_array();
  for (const auto& f : features) {
    o.begin_object().kv("type", "Feature");
    o.key("properties").begin_object().kv("code", f.code).kv("name", f.name).kv("type", f.type).end_object();
    o.key("geometry").raw(f.geometry);
    o.end_object();
  }
  o.end_array().end_object();
  return o.take();
}

}  // namespace pantau::regions
