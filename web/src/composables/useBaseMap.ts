// The base map under every map of the app, as the server's operator configured it
// (GET /api/v1/map-settings: `map_tiles` and `map_attribution` in pantau.toml). Tiles are off in
// offline installations: the maps then draw only the boundaries Pantau ships.
import { ref } from 'vue'
import L from 'leaflet'
import { api } from '../api'

export interface MapSettings {
  /** Tile URL template ({z}/{x}/{y}), or null when the operator turned the base map off. */
  tiles: string | null
  /** Who the tiles come from (plain text), shown on the map. */
  attribution: string | null
  max_zoom: number
}

const OFF: MapSettings = { tiles: null, attribution: null, max_zoom: 19 }
let loading: Promise<MapSettings> | null = null
/** The settings once known (for notes next to a map); off until then. */
export const mapSettings = ref<MapSettings>(OFF)

/** The server's settings, asked once per page load; a failure means no base map (the boundaries still show). */
export function loadMapSettings(): Promise<MapSettings> {
  if (!loading) {
    loading = api.get<MapSettings>('/api/v1/map-settings')
      .then((s) => ({ tiles: s.tiles || null, attribution: s.attribution || null, max_zoom: s.max_zoom || 19 }))
      .catch(() => OFF)
      .then((s) => (mapSettings.value = s))
  }
  return loading
}

/** Forget the settings (tests). */
export function resetMapSettings(): void {
  loading = null
  mapSettings.value = OFF
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Puts the configured tiles under `map` (below the boundaries) with their attribution on the map.
 * `alive` says whether the map is still shown when the settings arrive.
 */
export async function addBaseMap(map: L.Map, alive: () => boolean): Promise<L.TileLayer | null> {
  const s = await loadMapSettings()
  if (!s.tiles || !alive()) return null
  const layer = L.tileLayer(s.tiles, {
    maxZoom: s.max_zoom,
    // Leaflet takes attribution as HTML; the operator's text is shown as text.
    attribution: s.attribution ? escapeHtml(s.attribution) : '',
    // The app sends no Referer (Referrer-Policy: same-origin); tile servers such as OpenStreetMap's
    // ask to see which site the tiles are for, so the tiles send the origin only.
    referrerPolicy: 'strict-origin-when-cross-origin',
  })
  if (!map.attributionControl) L.control.attribution({ prefix: false }).addTo(map)
  layer.addTo(map)
  return layer
}
