import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import DataTable, { type FetchParams } from '../src/components/DataTable.vue'

vi.mock('../src/excel', () => ({ exportRows: vi.fn().mockResolvedValue(undefined) }))
import { exportRows } from '../src/excel'

interface Row { id: number; name: string; count: number }
const page1: Row[] = [
  { id: 1, name: 'Kota Banjarmasin', count: 4 },
  { id: 2, name: 'Kabupaten Tanah Laut', count: 12 },
]
const page2: Row[] = [{ id: 3, name: 'Kota Banjarbaru', count: 1 }]

const columns = [
  { key: 'name', label: 'Nama', sortable: true },
  { key: 'count', label: 'Jumlah', sortable: true, align: 'right' as const },
]

function makeFetch() {
  return vi.fn(async (p: FetchParams) => {
    if (p.after === 'c2') return { items: page2, next_after: null }
    return { items: page1, next_after: 'c2' }
  })
}

function names(w: ReturnType<typeof mount>) {
  return w.findAll('tbody tr').map((tr) => tr.find('td').text())
}

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }))
afterEach(() => vi.useRealTimers())

describe('DataTable', () => {
  it('loads the first page and then the next one via next_after', async () => {
    const fetch = makeFetch()
    const w = mount(DataTable, { props: { columns, fetch, title: 'Wilayah', pageSize: 2 } })
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith({ after: null, limit: 2, q: '', filters: {} })
    expect(names(w)).toEqual(['Kota Banjarmasin', 'Kabupaten Tanah Laut'])
    const more = w.findAll('button').find((b) => b.text() === 'Muat lebih banyak')!
    await more.trigger('click')
    await flushPromises()
    expect(fetch).toHaveBeenLastCalledWith({ after: 'c2', limit: 2, q: '', filters: {} })
    expect(names(w)).toEqual(['Kota Banjarmasin', 'Kabupaten Tanah Laut', 'Kota Banjarbaru'])
    expect(w.findAll('button').some((b) => b.text() === 'Muat lebih banyak')).toBe(false)
    expect(w.text()).toContain('Semua data telah dimuat.')
  })

  it('sorts loaded rows by a column: ascending, descending, then original order', async () => {
    const w = mount(DataTable, { props: { columns, fetch: makeFetch(), title: 'T' } })
    await flushPromises()
    const th = () => w.findAll('th')[1]
    await th().find('button').trigger('click')
    expect(th().attributes('aria-sort')).toBe('ascending')
    expect(names(w)).toEqual(['Kota Banjarmasin', 'Kabupaten Tanah Laut'])
    await th().find('button').trigger('click')
    expect(th().attributes('aria-sort')).toBe('descending')
    expect(names(w)).toEqual(['Kabupaten Tanah Laut', 'Kota Banjarmasin'])
    await w.findAll('th')[0].find('button').trigger('click')
    expect(names(w)).toEqual(['Kabupaten Tanah Laut', 'Kota Banjarmasin'])
    await w.findAll('th')[0].find('button').trigger('click')
    await w.findAll('th')[0].find('button').trigger('click')
    expect(w.findAll('th')[0].attributes('aria-sort')).toBe('none')
    expect(names(w)).toEqual(['Kota Banjarmasin', 'Kabupaten Tanah Laut'])
  })

  it('sends the search text (debounced) and filters to the server', async () => {
    const fetch = makeFetch()
    const filters = [{ key: 'role', label: 'Peran', options: [{ value: 'OPERATOR', label: 'Operator' }] }]
    const w = mount(DataTable, { props: { columns, fetch, title: 'T', filters, debounceMs: 300 } })
    await flushPromises()
    await w.find('input[type="search"]').setValue('banj')
    expect(fetch).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(310)
    await flushPromises()
    expect(fetch).toHaveBeenLastCalledWith({ after: null, limit: 50, q: 'banj', filters: {} })
    await w.find('select').setValue('OPERATOR')
    await flushPromises()
    expect(fetch).toHaveBeenLastCalledWith({ after: null, limit: 50, q: 'banj', filters: { role: 'OPERATOR' } })
  })

  it('shows an empty state with a reset button when a search matches nothing', async () => {
    const fetch = vi.fn(async (p: FetchParams) => ({ items: p.q ? [] : page1, next_after: null }))
    const w = mount(DataTable, { props: { columns, fetch, title: 'T', debounceMs: 0 } })
    await flushPromises()
    await w.find('input[type="search"]').setValue('zzz')
    vi.advanceTimersByTime(5)
    await flushPromises()
    expect(w.text()).toContain('Tidak ada data yang cocok')
    await w.findAll('button').find((b) => b.text().includes('Hapus pencarian'))!.trigger('click')
    vi.advanceTimersByTime(5)
    await flushPromises()
    expect(names(w)).toHaveLength(2)
  })

  it('shows the server error with a retry', async () => {
    const { ApiError } = await import('../src/api')
    const fetch = vi.fn().mockRejectedValueOnce(new ApiError(403, { code: 'forbidden', message: { id: 'Tidak boleh.', en: 'Not allowed.' } })).mockResolvedValue({ items: page1, next_after: null })
    const w = mount(DataTable, { props: { columns, fetch, title: 'T' } })
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('Tidak boleh.')
    await w.find('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(names(w)).toHaveLength(2)
  })

  it('exports the loaded rows, in the shown order, to Excel', async () => {
    const w = mount(DataTable, { props: { columns, fetch: makeFetch(), title: 'Wilayah', exportName: 'wilayah' } })
    await flushPromises()
    await w.findAll('th')[1].find('button').trigger('click')
    await w.findAll('th')[1].find('button').trigger('click')
    await w.findAll('button').find((b) => b.text().includes('Unduh Excel'))!.trigger('click')
    await flushPromises()
    expect(exportRows).toHaveBeenCalledWith('wilayah', ['Nama', 'Jumlah'], [
      ['Kabupaten Tanah Laut', 12],
      ['Kota Banjarmasin', 4],
    ])
  })

  it('renders cell slots', async () => {
    const w = mount(DataTable, {
      props: { columns, fetch: makeFetch(), title: 'T' },
      slots: { 'cell-name': `<template #cell-name="{ row }"><b class="nm">{{ row.name.toUpperCase() }}</b></template>` },
    })
    await flushPromises()
    expect(w.find('b.nm').text()).toBe('KOTA BANJARMASIN')
  })
})
