// Choropleth maps in PDF documents: region shapes (GeoJSON Polygon/MultiPolygon in lon/lat)
// filled with a colour each, fitted into a box of the page, with a legend of colour boxes under
// the map and an optional small note.
//
// The shapes are projected equirectangularly (longitude scaled by the cosine of the middle
// latitude of all shapes), fitted into the box keeping their proportions and centred. Points
// closer than half a point on the page to the previously kept point are skipped, so national or
// provincial boundaries of many thousand points stay a small drawing. A region whose geometry
// is missing or malformed is not drawn and is reported back; it never stops the document.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/pdf.h"

namespace pantau::report {

struct MapRegion {
  std::string code;      // "63.71"
  std::string name;      // "Kota Banjarmasin"
  std::string geometry;  // GeoJSON geometry text: {"type":"Polygon"|"MultiPolygon","coordinates":...}
  Rgb fill;
};

struct LegendItem {
  std::string label;  // "Rendah"
  Rgb fill;
};

struct MapSpec {
  std::vector<MapRegion> regions;
  std::vector<LegendItem> legend;  // drawn in one or more rows under the map
  std::string note;                // a small italic-like note under the legend; empty = none
  double height = 300;             // points taken from the page, legend and note included
  Rgb outline{1, 1, 1};            // the boundary lines between regions
};

struct MapResult {
  int drawn = 0;                      // regions drawn
  std::vector<std::string> skipped;  // codes of the regions without a usable geometry
};

// One polygon: its rings (outer first, then holes), each a list of [lon, lat].
using GeoRing = std::vector<Point>;  // x = longitude, y = latitude
using GeoPolygon = std::vector<GeoRing>;

// Parses a GeoJSON Polygon or MultiPolygon geometry (a Feature's "geometry" object). Nullopt
// when the text is not one, a coordinate is not a finite lon/lat, or it has no ring of at least
// three positions.
std::optional<std::vector<GeoPolygon>> parse_geo_polygons(std::string_view geojson);

// Draws the map into the document's flow (PdfDocument::drawing). With no drawable region the
// box holds only the legend and the note.
MapResult draw_map(PdfDocument& doc, const MapSpec& spec);

}  // namespace pantau::report
