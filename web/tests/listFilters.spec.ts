import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { computed, defineComponent, h, type Component } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import DataTable, { type FetchParams } from '../src/components/DataTable.vue'
import { queryWithValues, useListFilters, valuesFromQuery } from '../src/composables/useListFilters'
import { setLocale } from '../src/i18n'
import { session } from '../src/session'
import type { Me } from '../src/types'

vi.mock('../src/excel', () => ({ exportRows: vi.fn().mockResolvedValue(undefined) }))

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

function user(region_code: string, region_name: string, level: number): Me {
  return {
    id: 3, username: 'u', full_name: 'Rahmat', role: 'KABID', clearance: 'BIASA',
    org_unit: { id: 2, name: 'Kesbangpol', kind: 'KESBANGPOL', region_code }, scope: { region_code, region_name, level },
    permissions: ['record.read'],
  }
}

let listCalls: FetchParams[]
// A list screen as the views write it: two filters of its own, the region filter below kab/kota level.
const ListView = defineComponent({
  setup() {
    const lf = useListFilters({ keys: ['status', 'from'], regionBelowLevel: 2 })
    const filters = computed(() => [
      ...lf.regionFilter('Wilayah', 'Semua wilayah'),
      { key: 'status', label: 'Status', allLabel: 'Semua status', options: [{ value: 'DRAFT', label: 'Draf' }, { value: 'SUBMITTED', label: 'Diajukan' }] },
    ])
    const fetch = async (p: FetchParams) => {
      listCalls.push(p)
      // Nothing matches the period from 2027 on: the table offers to reset the filters.
      return { items: p.filters.from >= '2027' ? [] : [{ id: 1, name: 'Laporan' }], next_after: null }
    }
    return () => h('div', [
      h('input', { name: 'from', value: lf.values.value.from, onInput: (e: Event) => { lf.values.value.from = (e.target as HTMLInputElement).value } }),
      h(DataTable as Component, {
        columns: [{ key: 'name', label: 'Nama' }], fetch, title: 'Laporan', filters: filters.value, searchable: false,
        filterModel: lf.values.value, 'onUpdate:filterModel': (v: Record<string, string>) => { lf.values.value = v },
      }),
    ])
  },
})

async function open(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/laporan', name: 'list', component: ListView },
    { path: '/laporan/:id', name: 'one', component: { template: '<p>satu laporan</p>' } },
  ] })
  await router.push(path)
  const w = mount({ template: '<RouterView />' }, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}
const lastFilters = () => listCalls[listCalls.length - 1].filters

beforeEach(() => {
  setLocale('id')
  listCalls = []
  vi.stubGlobal('fetch', vi.fn(async (url: string) => {
    if (url.startsWith('/api/v1/regions?parent=63')) {
      return json(200, { items: [
        { code: '63.71', name: 'Kota Banjarmasin', level: 2, type: 'Kota', parent_code: '63' },
        { code: '63.72', name: 'Kota Banjarbaru', level: 2, type: 'Kota', parent_code: '63' },
      ] })
    }
    return json(404, {})
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.me = null
  document.body.innerHTML = ''
})

describe('list filters in the address', () => {
  it('reads and writes only the list\'s keys, keeping the others', () => {
    expect(valuesFromQuery({ status: 'DRAFT', region: ['63.71', '63.72'], q: 'x' }, ['region', 'status', 'from']))
      .toEqual({ region: '63.71', status: 'DRAFT', from: '' })
    expect(queryWithValues({ tab: 'b', status: 'DRAFT' }, { status: '', region: '63.71' })).toEqual({ tab: 'b', region: '63.71' })
  })

  it('a province user gets the region filter with the kab/kota below, and a reload keeps every filter', async () => {
    session.me = user('63', 'Kalimantan Selatan', 1)
    const { w } = await open('/laporan?region=63.72&status=SUBMITTED&from=2026-10-01')
    expect(lastFilters()).toEqual({ region: '63.72', status: 'SUBMITTED', from: '2026-10-01' })
    const region = w.find('select[name="region"]')
    expect(region.findAll('option').map((o) => o.text())).toEqual(['Semua wilayah', 'Kota Banjarmasin', 'Kota Banjarbaru'])
    expect((region.element as HTMLSelectElement).value).toBe('63.72')
    expect((w.find('select[name="status"]').element as HTMLSelectElement).value).toBe('SUBMITTED')
    expect((w.find('input[name="from"]').element as HTMLInputElement).value).toBe('2026-10-01')
  })

  it('choosing a filter puts it in the address; back from a record shows the same list', async () => {
    session.me = user('63', 'Kalimantan Selatan', 1)
    const { w, router } = await open('/laporan')
    expect(lastFilters()).toEqual({})
    await w.find('select[name="region"]').setValue('63.71')
    await flushPromises()
    await w.find('select[name="status"]').setValue('DRAFT')
    await flushPromises()
    await w.find('input[name="from"]').setValue('2026-07-01')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/laporan?region=63.71&status=DRAFT&from=2026-07-01')
    expect(lastFilters()).toEqual({ region: '63.71', status: 'DRAFT', from: '2026-07-01' })

    await router.push('/laporan/1')
    await flushPromises()
    expect(w.text()).toContain('satu laporan')
    router.back()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/laporan?region=63.71&status=DRAFT&from=2026-07-01')
    expect((w.find('select[name="status"]').element as HTMLSelectElement).value).toBe('DRAFT')
    expect(lastFilters()).toEqual({ region: '63.71', status: 'DRAFT', from: '2026-07-01' })
  })

  it('following a link with other filters while on the list loads them; resetting clears the address', async () => {
    session.me = user('63', 'Kalimantan Selatan', 1)
    const { w, router } = await open('/laporan?status=DRAFT')
    await router.push('/laporan?status=SUBMITTED&region=63.71')
    await flushPromises()
    expect(lastFilters()).toEqual({ region: '63.71', status: 'SUBMITTED' })
    expect((w.find('select[name="status"]').element as HTMLSelectElement).value).toBe('SUBMITTED')

    await w.find('input[name="from"]').setValue('2027-01-01')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ status: 'SUBMITTED', region: '63.71', from: '2027-01-01' })
    await w.findAll('button').find((b) => b.text() === 'Hapus pencarian dan filter')!.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/laporan')
    expect(lastFilters()).toEqual({})
    expect((w.find('input[name="from"]').element as HTMLInputElement).value).toBe('')
  })

  it('a kab/kota user has no region filter, and a region in the address is not applied', async () => {
    session.me = user('63.71', 'Kota Banjarmasin', 2)
    const { w } = await open('/laporan?region=63.72&status=DRAFT')
    expect(w.find('select[name="region"]').exists()).toBe(false)
    expect(lastFilters()).toEqual({ status: 'DRAFT' })
  })
})
