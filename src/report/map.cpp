#include "report/map.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace pantau::report {

namespace {

constexpr double kMinStep = 0.5;       // points closer than this on the page are skipped
constexpr double kPad = 6;             // between the frame and the shapes
constexpr double kLegendSize = 8.5;    // legend label size
constexpr double kLegendRow = 13;      // height of a legend row
constexpr double kNoteSize = 7.5;
constexpr double kNoteLead = 10;

std::optional<GeoRing> parse_ring(const rapidjson::Value& v) {
  if (!v.IsArray()) return std::nullopt;
  GeoRing ring;
  ring.reserve(v.Size());
  for (const auto& pos : v.GetArray()) {
    if (!pos.IsArray() || pos.Size() < 2 || !pos[0].IsNumber() || !pos[1].IsNumber()) return std::nullopt;
    const double lon = pos[0].GetDouble(), lat = pos[1].GetDouble();
    if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) return std::nullopt;
    ring.push_back({lon, lat});
  }
  return ring;
}

std::optional<GeoPolygon> parse_polygon(const rapidjson::Value& v) {
  if (!v.IsArray() || v.Empty()) return std::nullopt;
  GeoPolygon poly;
  for (const auto& r : v.GetArray()) {
    auto ring = parse_ring(r);
    if (!ring) return std::nullopt;
    poly.push_back(std::move(*ring));
  }
  if (poly.front().size() < 3) return std::nullopt;
  return poly;
}

struct Projection {
  double min_x = 0, max_y = 0, k = 1, scale = 1, left = 0, top = 0;
  Point operator()(const Point& geo) const {
    return {left + (geo.x * k - min_x) * scale, top - (max_y - geo.y) * scale};
  }
};

// Splits a note into lines no wider than `width`.
std::vector<std::string> wrap_note(const Canvas& c, const std::string& note, double width) {
  std::vector<std::string> lines;
  std::string cur;
  size_t i = 0;
  while (i < note.size()) {
    while (i < note.size() && note[i] == ' ') ++i;
    size_t j = i;
    while (j < note.size() && note[j] != ' ') ++j;
    if (j == i) break;
    std::string word = note.substr(i, j - i);
    std::string next = cur.empty() ? word : cur + " " + word;
    if (!cur.empty() && c.text_width(next, kNoteSize) > width) {
      lines.push_back(cur);
      cur = word;
    } else {
      cur = next;
    }
    i = j;
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

}  // namespace

std::optional<std::vector<GeoPolygon>> parse_geo_polygons(std::string_view geojson) {
  rapidjson::Document d;
  d.Parse(geojson.data(), geojson.size());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember("type") || !d["type"].IsString() || !d.HasMember("coordinates"))
    return std::nullopt;
  const std::string_view type = d["type"].GetString();
  const auto& coords = d["coordinates"];
  std::vector<GeoPolygon> out;
  if (type == "Polygon") {
    auto p = parse_polygon(coords);
    if (!p) return std::nullopt;
    out.push_back(std::move(*p));
  } else if (type == "MultiPolygon") {
    if (!coords.IsArray()) return std::nullopt;
    for (const auto& pc : coords.GetArray()) {
      auto p = parse_polygon(pc);
      if (!p) return std::nullopt;
      out.push_back(std::move(*p));
    }
  } else {
    return std::nullopt;
  }
  if (out.empty()) return std::nullopt;
  return out;
}

MapResult draw_map(PdfDocument& doc, const MapSpec& spec) {
  MapResult result;
  struct Shape {
    const MapRegion* region;
    std::vector<GeoPolygon> polygons;
  };
  std::vector<Shape> shapes;
  double min_lon = std::numeric_limits<double>::infinity(), max_lon = -min_lon, min_lat = min_lon, max_lat = -min_lon;
  for (const auto& r : spec.regions) {
    auto polys = parse_geo_polygons(r.geometry);
    if (!polys) {
      result.skipped.push_back(r.code);
      continue;
    }
    for (const auto& poly : *polys)
      for (const auto& pt : poly.front()) {
        min_lon = std::min(min_lon, pt.x);
        max_lon = std::max(max_lon, pt.x);
        min_lat = std::min(min_lat, pt.y);
        max_lat = std::max(max_lat, pt.y);
      }
    shapes.push_back({&r, std::move(*polys)});
  }

  doc.drawing(spec.height, [&](Canvas& c) {
    const Box box = c.box();
    // Legend rows and note lines at the bottom, the map above them.
    struct Placed {
      const LegendItem* item;
      double x;
      int row;
    };
    std::vector<Placed> placed;
    int rows = 0;
    double x = 0;
    for (const auto& item : spec.legend) {
      const double w = 10 + 4 + c.text_width(item.label, kLegendSize) + 14;
      if (rows == 0 || (x + w > box.width && x > 0)) {
        ++rows;
        x = 0;
      }
      placed.push_back({&item, x, rows - 1});
      x += w;
    }
    const auto note_lines = spec.note.empty() ? std::vector<std::string>{} : wrap_note(c, spec.note, box.width);
    const double legend_h = rows * kLegendRow;
    const double note_h = static_cast<double>(note_lines.size()) * kNoteLead;
    const double bottom_h = legend_h + note_h + (rows > 0 || !note_lines.empty() ? 4 : 0);
    const Box frame{box.x, box.y + bottom_h, box.width, std::max(0.0, box.height - bottom_h)};

    for (const auto& p : placed) {
      const double baseline = box.y + note_h + legend_h - (p.row + 1) * kLegendRow + 3;
      c.rect({box.x + p.x, baseline - 1, 10, 8}, p.item->fill, Rgb{0.35, 0.35, 0.35}, 0.4);
      c.text(box.x + p.x + 14, baseline, p.item->label, kLegendSize);
    }
    for (size_t i = 0; i < note_lines.size(); ++i)
      c.text(box.x, box.y + note_h - (static_cast<double>(i) + 1) * kNoteLead + 2.5, note_lines[i], kNoteSize, false,
             Rgb{0.3, 0.3, 0.3});

    if (frame.height <= 2 * kPad) return;
    c.rect(frame, std::nullopt, Rgb{0.6, 0.6, 0.6}, 0.4);
    if (shapes.empty()) return;
    Projection pr;
    pr.k = std::cos((min_lat + max_lat) / 2 * M_PI / 180);
    const double geo_w = (max_lon - min_lon) * pr.k, geo_h = max_lat - min_lat;
    const double avail_w = frame.width - 2 * kPad, avail_h = frame.height - 2 * kPad;
    if (geo_w <= 0 && geo_h <= 0) pr.scale = 1;
    else if (geo_w <= 0) pr.scale = avail_h / geo_h;
    else if (geo_h <= 0) pr.scale = avail_w / geo_w;
    else pr.scale = std::min(avail_w / geo_w, avail_h / geo_h);
    pr.min_x = min_lon * pr.k;
    pr.max_y = max_lat;
    pr.left = frame.x + kPad + (avail_w - geo_w * pr.scale) / 2;
    pr.top = frame.y + frame.height - kPad - (avail_h - geo_h * pr.scale) / 2;

    for (const auto& s : shapes) {
      bool any = false;
      for (const auto& poly : s.polygons) {
        std::vector<std::vector<Point>> rings;
        for (const auto& ring : poly) {
          std::vector<Point> out;
          out.reserve(ring.size());
          for (const auto& geo : ring) {
            const Point p = pr(geo);
            if (!out.empty() && std::hypot(p.x - out.back().x, p.y - out.back().y) < kMinStep) continue;
            out.push_back(p);
          }
          if (out.size() >= 3) rings.push_back(std::move(out));
          else if (rings.empty()) break;  // the outer ring is smaller than a point: skip its holes too
        }
        if (rings.empty()) continue;
        c.polygon(rings, s.region->fill, spec.outline, 0.6);
        any = true;
      }
      // A region smaller than a point still shows, as a dot of its colour.
      if (!any) {
        const Point p = pr(s.polygons.front().front().front());
        c.rect({p.x - 1, p.y - 1, 2, 2}, s.region->fill, std::nullopt);
      }
      ++result.drawn;
    }
  });
  return result;
}

}  // namespace pantau::report
