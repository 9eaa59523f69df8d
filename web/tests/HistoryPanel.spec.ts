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
    expect(cells).toEqual(['Peran', 'Operator', 'Kepala Bidang'])
    expect(items[1].findAll('thead th').map((c) => c.text())).toEqual(['Kolom', 'Nilai'])
    expect(items[1].text()).toContain('Dibuat')
  })

  it('names actions, people, fields and values as the forms do, never as codes', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(200, {
      items: [
        { seq: 3, at: '2026-12-04T08:30:00Z', actor: { id: 0, username: 'system' }, action: 'raise', entity: 'banpol_application', entity_id: 7, before: null, after: { status: 'DISBURSED' } },
        { seq: 2, at: '2026-12-04T08:30:00Z', actor: { id: 4, username: 'kalsel.kabid', full_name: 'Siti Rahmah' }, action: 'start_check', entity: 'banpol_application', entity_id: 7,
          before: { allocation_amount: 0, letter_date: '2026-01-01', period: '2026-Q3', classification: 0 },
          after: { allocation_amount: 396144000, letter_date: '2026-01-02', period: '2026-Q4', classification: 1 } },
      ],
    })))
    const w = mount(HistoryPanel, { props: { entity: 'banpol_application', id: 7 } })
    await flushPromises()
    const text = w.text().replace(/\s/g, ' ')
    expect(text).toContain('Peringatan muncul')
    expect(text).toContain('oleh sistem')
    expect(text).toContain('Disalurkan')
    expect(text).toContain('Pemeriksaan dimulai')
    expect(text).toContain('oleh Siti Rahmah')
    expect(text).toContain('Jumlah alokasi')
    expect(text).toContain('Rp 396.144.000')
    expect(text).toContain('2 Januari 2026')
    expect(text).toContain('Triwulan IV 2026')
    expect(text).toContain('Terbatas')
    expect(text).toContain('4 Desember 2026 pukul')
    expect(text).not.toMatch(/start_check|allocation|DISBURSED|2026-Q4|2026-01-02|system/)
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
