import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import L from 'leaflet'
import { addBaseMap, loadMapSettings, mapSettings, resetMapSettings } from '../src/composables/useBaseMap'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
let reply: () => Response
let calls: string[]

function newMap(): L.Map {
  const el = document.createElement('div')
  el.style.width = '400px'
  el.style.height = '300px'
  document.body.appendChild(el)
  const m = L.map(el, { attributionControl: false })
  m.setView([-3.3, 114.6], 10)
  return m
}
const tileLayers = (m: L.Map) => {
  const out: L.TileLayer[] = []
  m.eachLayer((l) => { if (l instanceof L.TileLayer) out.push(l) })
  return out
}

beforeEach(() => {
  resetMapSettings()
  calls = []
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    calls.push(url)
    return reply()
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('base map', () => {
  it('puts the operator\'s tiles under the map with their source shown as text, asking the server once', async () => {
    reply = () => json(200, { tiles: 'https://{s}.peta.example.go.id/{z}/{x}/{y}.png', attribution: 'Peta <b>Kominfo</b> & OSM', max_zoom: 17 })
    const m = newMap()
    const layer = await addBaseMap(m, () => true)
    expect(layer).not.toBeNull()
    expect(tileLayers(m)).toHaveLength(1)
    expect((layer as unknown as { _url: string })._url).toBe('https://{s}.peta.example.go.id/{z}/{x}/{y}.png')
    expect(layer!.options.maxZoom).toBe(17)
    expect(layer!.options.referrerPolicy).toBe('strict-origin-when-cross-origin')
    const attribution = m.getContainer().querySelector('.leaflet-control-attribution')!
    expect(attribution.textContent).toBe('Peta <b>Kominfo</b> & OSM')
    expect(attribution.querySelector('b')).toBeNull()
    expect(mapSettings.value.attribution).toBe('Peta <b>Kominfo</b> & OSM')

    await addBaseMap(newMap(), () => true)
    expect(calls).toEqual(['/api/v1/map-settings'])
  })

  it('off: the map keeps only the boundaries, without an attribution', async () => {
    reply = () => json(200, { tiles: null, attribution: null, max_zoom: 19 })
    const m = newMap()
    expect(await addBaseMap(m, () => true)).toBeNull()
    expect(tileLayers(m)).toHaveLength(0)
    expect(m.getContainer().querySelector('.leaflet-control-attribution')).toBeNull()
    expect(mapSettings.value.tiles).toBeNull()
  })

  it('a map closed before the settings arrive gets nothing', async () => {
    reply = () => json(200, { tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© kontributor OpenStreetMap', max_zoom: 19 })
    const m = newMap()
    expect(await addBaseMap(m, () => false)).toBeNull()
    expect(tileLayers(m)).toHaveLength(0)
  })

  it('when the server cannot say (an older server, the network), the maps draw without a base map', async () => {
    reply = () => json(404, { code: 'not_found', message: { id: 'Tidak ditemukan.', en: 'Not found.' } })
    expect(await loadMapSettings()).toEqual({ tiles: null, attribution: null, max_zoom: 19 })
    expect(await addBaseMap(newMap(), () => true)).toBeNull()
  })
})
