import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import HistoryPanel from '../src/components/HistoryPanel.vue'

afterEach(() => vi.unstubAllGlobals())

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('HistoryPanel', () => {
  it('asks for the record history and shows changed fields, newest first', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, {
      items: [
        { seq: 10, at: '2025-01-05T02:00:00Z', actor: { id: 1, username: 'admin' }, action: 'create', entity: 'user', entity_id: 5, before: null, after: { role: 'OPERATOR', version: 1 } },
        { seq: 12, at: '2025-01-06T02:00:00Z', actor: { id: 1, username: 'admin' }, action: 'update', entity: 'user', entity_id: 5, before: { role: 'OPERATOR', full_name: 'Budi', version: 1 }, after: { role: 'KABID', full_name: 'Budi', version: 2 } },
      ],
    }))
    vi.stubGlobal('fetch', fetch)
    const w = mount(HistoryPanel, { props: { entity: 'user', id: 5 } })
    await flushPromises()
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/audit?entity=user&id=5')
    const items = w.findAll('ol.history > li')
    expect(items).toHaveLength(2)
    expect(items[0].text()).toContain('Diubah')
    expect(items[0].text()).toContain('oleh admin')
    const cells = items[0].findAll('tbody td').map((c) => c.text())
    expect(cells).toEqual(['role', 'OPERATOR', 'KABID'])
    expect(items[1].findAll('thead th').map((c) => c.text())).toEqual(['Kolom', 'Nilai'])
    expect(items[1].text()).toContain('Dibuat')
  })

  it('says so when the user may not read the history', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(403, { status: 403, code: 'forbidden' })))
    const w = mount(HistoryPanel, { props: { entity: 'org_unit', id: 1 } })
    await flushPromises()
    expect(w.text()).toContain('tidak berhak')
  })

  it('shows an empty state', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(200, { items: [] })))
    const w = mount(HistoryPanel, { props: { entity: 'org_unit', id: 1 } })
    await flushPromises()
    expect(w.text()).toContain('Belum ada riwayat')
  })
})
