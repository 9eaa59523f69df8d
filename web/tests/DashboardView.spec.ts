import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import DashboardView from '../src/views/DashboardView.vue'
import RegionMap from '../src/components/RegionMap.vue'

// The map (Leaflet) is a chunk of its own that the dashboard loads after its first paint: stand in
// for it with a component that only takes its props.
vi.mock('../src/components/RegionMap.vue', async () => {
  const { defineComponent, h } = await import('vue')
  return { default: defineComponent({ name: 'RegionMap', props: ['geojson', 'values', 'measureLabel', 'unit', 'label'], render: () => h('div') }) }
})
import { setLocale } from '../src/i18n'
import { session } from '../src/session'

const completeness = { '63.01': 0, '63.71': 100 }
const dashboard = (measures: unknown[] | undefined) => ({
  scope: { region_code: '63', region_name: 'Kalimantan Selatan', level: 1 },
  figures: [],
  map: {
    level: 'kabkota', province: '63',
    measure: { key: 'reporting_completeness', label: { id: 'Kelengkapan laporan triwulan 2026-Q3 (%)', en: 'Quarterly report completeness 2026-Q3 (%)' }, period: '2026-Q3', unit: '%' },
    values: completeness,
    ...(measures ? { measures } : {}),
  },
  chart: { title: { id: 'Pengguna menurut peran', en: 'Users by role' }, categories: [], series: [] },
  tasks: [],
})
const measures = [
  { key: 'reporting_completeness', label: { id: 'Kelengkapan laporan triwulan 2026-Q3 (%)', en: 'Quarterly report completeness 2026-Q3 (%)' }, unit: '%', period: '2026-Q3', values: completeness },
  { key: 'election_readiness', label: { id: 'Kesiapan dukungan Pilkada Serentak 2024 (%)', en: 'Support readiness, Pilkada Serentak 2024 (%)' }, unit: '%', election_id: 2, values: { '63.71': 66 } },
]
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

let body: unknown
async function mountView(path = '/') {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/', name: 'dashboard', component: DashboardView },
    { path: '/wilayah/:code', name: 'regions', component: { template: '<p>region</p>' } },
  ] })
  await router.push(path)
  const w = mount({ template: '<RouterView />' }, { global: { plugins: [router], stubs: { BarChart: true } }, attachTo: document.body })
  await flushPromises()
  // The map is a chunk of its own (loaded after the tiles are drawn): wait until it is in.
  await vi.dynamicImportSettled()
  await flushPromises()
  return { w, router }
}

beforeEach(() => {
  setLocale('id')
  session.me = {
    id: 5, username: 'kalsel.analis', full_name: 'Rahmat', role: 'ANALIS', clearance: 'TERBATAS',
    org_unit: { id: 2, name: 'Kesbangpol Provinsi Kalimantan Selatan', kind: 'KESBANGPOL', region_code: '63' },
    scope: { region_code: '63', region_name: 'Kalimantan Selatan', level: 1 }, permissions: ['record.read'],
  }
  session.loaded = true
  body = dashboard(measures)
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (url === '/api/v1/dashboard') return json(200, body)
    if (url.startsWith('/api/v1/geo/')) return json(200, { type: 'FeatureCollection', features: [] })
    return json(404, { code: 'not_found' })
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.me = null
  document.body.innerHTML = ''
})

describe('DashboardView map measure', () => {
  it('shows completeness by default and switches to readiness, kept in the URL', async () => {
    const { w, router } = await mountView()
    const select = w.get('select#dash-measure')
    expect(w.get('label[for="dash-measure"]').text()).toBe('Ukuran peta')
    expect(select.findAll('option').map((o) => o.text())).toEqual([
      'Kelengkapan laporan triwulan 2026-Q3 (%)', 'Kesiapan dukungan Pilkada Serentak 2024 (%)'])
    const map = () => w.getComponent(RegionMap)
    expect(map().props('values')).toEqual(completeness)
    expect(map().props('measureLabel')).toBe('Kelengkapan laporan triwulan 2026-Q3 (%)')

    await select.setValue('election_readiness')
    await flushPromises()
    expect(router.currentRoute.value.query.ukuran).toBe('election_readiness')
    expect(map().props('values')).toEqual({ '63.71': 66 })
    expect(map().props('measureLabel')).toBe('Kesiapan dukungan Pilkada Serentak 2024 (%)')
    expect(map().props('unit')).toBe('%')

    await select.setValue('reporting_completeness')
    await flushPromises()
    expect(router.currentRoute.value.query.ukuran).toBeUndefined()
  })

  it('opens on the measure named in the URL; an unknown one falls back to the default', async () => {
    let { w } = await mountView('/?ukuran=election_readiness')
    expect((w.get('select#dash-measure').element as HTMLSelectElement).value).toBe('election_readiness')
    expect(w.getComponent(RegionMap).props('values')).toEqual({ '63.71': 66 })
    w.unmount()
    ;({ w } = await mountView('/?ukuran=tidak_ada'))
    expect(w.getComponent(RegionMap).props('values')).toEqual(completeness)
  })

  it('offers no switcher when there is only the default measure', async () => {
    body = dashboard(undefined)
    const { w } = await mountView()
    expect(w.find('select#dash-measure').exists()).toBe(false)
    expect(w.getComponent(RegionMap).props('values')).toEqual(completeness)
  })
})
