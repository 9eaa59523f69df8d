import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import ReportView from '../src/views/monitoring/ReportView.vue'
import { setCsrfToken } from '../src/api'
import { setLocale } from '../src/i18n'
import { session } from '../src/session'

const report = (over: Record<string, unknown> = {}) => ({
  id: 7, report_type: 'TRIWULAN', region_code: '63.71', region_name: 'Kota Banjarmasin', org_unit_id: 14,
  period: '2026-Q4', period_label: { id: 'Triwulan IV 2026', en: 'Quarter 4 2026' }, period_start: '2026-10-01', period_end: '2026-12-31',
  due_at: '2027-01-10T15:59:59.999Z', status: 'DRAFT',
  sections: { general_situation: 'Kondusif.', election_stages: '', gov_support: '', potential_threats: '', measures_taken: '', recommendations: '' },
  classification: 'BIASA', submitted_at: null, reviewed_at: null, review_note: null, consolidated_into: null, timeliness: 'NOT_YET_DUE',
  created_at: '2026-11-23T01:00:00Z', updated_at: '2026-11-23T01:00:00Z', version: 3, attachments: [], ...over,
})
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })

let fetchMock: ReturnType<typeof vi.fn>
let patchReply: () => Response

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/monitoring/reports/:id', name: 'report', component: ReportView },
    { path: '/monitoring/reports', name: 'reports', component: { template: '<p>list</p>' } },
  ] })
  await router.push('/monitoring/reports/7')
  const w = mount({ template: '<RouterView />' }, { global: { plugins: [router], stubs: { HistoryPanel: true, FileUpload: true } }, attachTo: document.body })
  await flushPromises()
  return w
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date(2026, 10, 23, 14, 5))
  setLocale('id')
  setCsrfToken('tok')
  session.me = {
    id: 9, username: 'banjarmasin.operator', full_name: 'Fitriani', role: 'OPERATOR', clearance: 'BIASA',
    org_unit: { id: 14, name: 'Kesbangpol Kota Banjarmasin', kind: 'KESBANGPOL', region_code: '63.71' },
    scope: { region_code: '63.71', region_name: 'Kota Banjarmasin', level: 2 }, permissions: ['record.read', 'record.write', 'file.upload'],
  }
  session.loaded = true
  patchReply = () => json(200, report({ version: 4, sections: { ...report().sections, potential_threats: 'Hoaks' } }))
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method || 'GET'
    if (url.startsWith('/api/v1/monitoring/report-types')) return json(200, { items: [] })
    if (url === '/api/v1/monitoring/reports/7' && method === 'GET') return json(200, report())
    if (url === '/api/v1/monitoring/reports/7' && method === 'PATCH') return patchReply()
    return json(404, { code: 'not_found' })
  })
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  session.me = null
  document.body.innerHTML = ''
})

const patches = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'PATCH')

describe('report editor autosave', () => {
  it('saves the changed section after a pause with If-Match and shows the time', async () => {
    const w = await mountView()
    const ta = w.find('[data-testid="section-potential_threats"]')
    await ta.setValue('Ho')
    await ta.setValue('Hoaks')
    expect(w.find('[data-testid="autosave-status"]').text()).toContain('belum tersimpan')
    await vi.advanceTimersByTimeAsync(1200)
    await flushPromises()
    expect(patches().length).toBe(1)
    const [, init] = patches()[0]
    expect(JSON.parse(String(init.body))).toEqual({ sections: { potential_threats: 'Hoaks' } })
    expect((init.headers as Record<string, string>)['If-Match']).toBe('"3"')
    expect(w.find('[data-testid="autosave-status"]').text()).toMatch(/^Tersimpan otomatis 14\.05 \S+$/)

    // The next save carries the new version.
    await ta.setValue('Hoaks di media sosial')
    await vi.advanceTimersByTimeAsync(1200)
    await flushPromises()
    expect((patches()[1][1].headers as Record<string, string>)['If-Match']).toBe('"4"')
    w.unmount()
  })

  it('on 412 stops saving, tells the user, keeps their text and reloads on request', async () => {
    patchReply = () => json(412, { code: 'version_conflict', status: 412, message: { id: 'Data telah berubah.', en: 'Changed.' } })
    const w = await mountView()
    const ta = w.find('[data-testid="section-measures_taken"]')
    await ta.setValue('Koordinasi dengan Forkopimda')
    await vi.advanceTimersByTimeAsync(1200)
    await flushPromises()
    const alert = w.find('[data-testid="autosave-conflict"]')
    expect(alert.exists()).toBe(true)
    expect(alert.text()).toContain('diubah di tempat lain')
    expect(w.find('[data-testid="report-submit"]').attributes('disabled')).toBeDefined()

    // No more saves while in conflict.
    await ta.setValue('Koordinasi dengan Forkopimda dan KPU')
    await vi.advanceTimersByTimeAsync(5000)
    await flushPromises()
    expect(patches().length).toBe(1)

    await w.find('[data-testid="autosave-reload"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="autosave-conflict"]').exists()).toBe(false)
    // The server's text is back in the editor, the user's unsaved text is offered to copy.
    expect((w.find('[data-testid="section-measures_taken"]').element as HTMLTextAreaElement).value).toBe('')
    const copy = w.find('.unsaved textarea')
    expect((copy.element as HTMLTextAreaElement).value).toBe('Koordinasi dengan Forkopimda dan KPU')
    w.unmount()
  })

  it('shows the reviewer\'s note prominently when the report was returned', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url.startsWith('/api/v1/monitoring/report-types')) return json(200, { items: [] })
      return json(200, report({ status: 'RETURNED', review_note: 'Lengkapi data dukung.', reviewed_at: '2026-11-22T03:00:00Z' }))
    })
    const w = await mountView()
    const note = w.find('[data-testid="review-note"]')
    expect(note.text()).toContain('Laporan dikembalikan untuk diperbaiki')
    expect(note.find('blockquote').text()).toBe('Lengkapi data dukung.')
    expect(w.find('[data-testid="report-submit"]').text()).toBe('Kirim ulang laporan')
    w.unmount()
  })
})
