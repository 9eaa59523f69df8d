import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import ApplicationView from '../src/views/party-aid/ApplicationView.vue'
import { setCsrfToken } from '../src/api'
import { setLocale } from '../src/i18n'
import { session } from '../src/session'
import type { Me } from '../src/types'
import {
  checkUsage, covers, formatValue, offeredActions, latestElection, parseRupiah, percentLabel, mayEdit, verificationReportReady,
  yearFrom, type UsageDraftLine,
} from '../src/views/party-aid/rules'

function me(region: string, permissions: string[]): Me {
  return {
    id: 1, username: 'u', full_name: 'U', role: 'X', clearance: 'BIASA',
    org_unit: { id: 1, name: 'o', kind: 'KESBANGPOL', region_code: region },
    scope: { region_code: region, region_name: region, level: region.split('.').length }, permissions,
  }
}
const analis = me('63', ['record.read', 'record.write', 'record.review'])
const line = (category: string, amount: string): UsageDraftLine => ({ category, activity: 'x', amount })
const PE = 'POLITICAL_EDUCATION'
const OP = 'OPERATIONAL'

describe('usage plan: at least 60% for political education', () => {
  it.each([
    // lines, meets, share (bp), short by
    [[line(PE, '600'), line(OP, '400')], true, 6000, 0],
    [[line(PE, '599'), line(OP, '401')], false, 5990, 3],
    [[line(PE, '1000')], true, 10000, 0],
    [[line(OP, '1000')], false, 0, 1500],
    [[line(PE, '2'), line(OP, '1')], true, 6666, 0],
    [[line(PE, '1.200.000'), line(OP, 'Rp 800.000')], true, 6000, 0],
    [[line(PE, '500.000'), line(OP, '500.000')], false, 5000, 250000],
  ])('%j -> meets %s', (lines, meets, bp, short) => {
    const c = checkUsage(lines as UsageDraftLine[], 60)
    expect(c.meetsMinimum).toBe(meets)
    expect(c.shareBp).toBe(bp)
    expect(c.shortBy).toBe(short)
    // adding the shortfall to political education is exactly enough
    if (!meets) {
      const fixed = checkUsage([...(lines as UsageDraftLine[]), line(PE, String(short))], 60)
      expect(fixed.meetsMinimum).toBe(true)
      if (short > 1) expect(checkUsage([...(lines as UsageDraftLine[]), line(PE, String(short - 1))], 60).meetsMinimum).toBe(false)
    }
  })
  it('marks amounts that are not whole Rupiah above zero and leaves them out', () => {
    const c = checkUsage([line(PE, '100'), line(OP, '0'), line(OP, '12,5'), line(OP, '')], 60)
    expect(c.badAmounts).toEqual([1, 2, 3])
    expect(c.total).toBe(100)
    expect(c.meetsMinimum).toBe(true)
  })
  it('an empty plan does not meet the minimum', () => {
    expect(checkUsage([], 60)).toMatchObject({ empty: true, meetsMinimum: false, shortBy: 0 })
  })
  it('reads typed Rupiah', () => {
    expect(parseRupiah('1.164.904.000')).toBe(1164904000)
    expect(parseRupiah('Rp 8.000')).toBe(8000)
    expect(parseRupiah('8,5')).toBeNull()
    expect(parseRupiah('-5')).toBeNull()
    expect(parseRupiah('')).toBeNull()
  })
  it('shows a value per vote the Indonesian way, sen included', () => {
    expect(formatValue('1200')).toBe('Rp 1.200')
    expect(formatValue('8000')).toBe('Rp 8.000')
    expect(formatValue('1234.5')).toBe('Rp 1.234,50')
    expect(formatValue('950.05')).toBe('Rp 950,05')
    expect(formatValue(null)).toBe('—')
  })
  it('shows percentages the Indonesian way', () => {
    expect(percentLabel(6000)).toBe('60%')
    expect(percentLabel(5990)).toBe('59,9%')
    expect(percentLabel(6666)).toBe('66,66%')
    expect(percentLabel(5)).toBe('0,05%')
  })
})

describe('workflow actions offered', () => {
  it('shows the actions the server allows, forward steps first', () => {
    expect(offeredActions({ allowed_actions: ['RETURN', 'REJECT', 'HOLD', 'SCHEDULE_VERIFICATION'] }))
      .toEqual(['SCHEDULE_VERIFICATION', 'RETURN', 'REJECT', 'HOLD'])
    expect(offeredActions({ allowed_actions: ['HOLD', 'DETERMINE', 'REJECT'] })).toEqual(['DETERMINE', 'REJECT', 'HOLD'])
    expect(offeredActions({ allowed_actions: ['RELEASE'] })).toEqual(['RELEASE'])
  })
  it('nothing the server did not allow', () => {
    expect(offeredActions({ allowed_actions: [] })).toEqual([])
    expect(offeredActions({})).toEqual([])
    expect(offeredActions(null)).toEqual([])
    expect(offeredActions({ allowed_actions: ['SOMETHING_NEW'] })).toEqual([])
  })
  it('the user area', () => {
    expect(covers(me('63', []), '63.71')).toBe(true)
    expect(covers(me('63.71', []), '63')).toBe(false)
    expect(covers(me('', []), '11.01')).toBe(true)
  })
  it('the verification team and its report', () => {
    const team = { decree_no: 'x', meeting_date: null, members: [{ name: 'A', nip: '', job_title: '', role: 'KETUA' }] }
    expect(mayEdit({ allowed_edits: ['DOCUMENTS', 'TEAM'] }, 'TEAM')).toBe(true)
    expect(mayEdit({ allowed_edits: ['VERDICTS'] }, 'TEAM')).toBe(false)
    expect(mayEdit({}, 'DOCUMENTS')).toBe(false)
    expect(mayEdit(null, 'VERDICTS')).toBe(false)
    expect(verificationReportReady({ status: 'VERIFICATION_SCHEDULED', verification_team: team })).toBe(true)
    expect(verificationReportReady({ status: 'VERIFIED', verification_team: { ...team, members: [] } })).toBe(false)
    expect(verificationReportReady({ status: 'ADMIN_CHECK', verification_team: team })).toBe(false)
  })
  it('years', () => {
    expect(yearFrom('2025')).toBe(2025)
    expect(yearFrom('abc', new Date(2026, 0, 1))).toBe(2026)
    expect(latestElection(new Date(2026, 5, 1))).toBe(2024)
    expect(latestElection(new Date(2029, 5, 1))).toBe(2029)
  })
})

// ---- the screen: the 60% rule shown next to the plan while typing ----
const application = (over: Record<string, unknown> = {}) => ({
  id: 5, region_code: '63', region_name: 'Kalimantan Selatan', fiscal_year: 2025, board_id: 2, party_abbreviation: 'NASDEM',
  letter_no: '001/DPW', letter_date: '2025-02-10', received_at: '2025-02-11', first_year: true, status: 'ADMIN_CHECK', held_from: null,
  status_note: '', ba_verification_no: '', decree_no: '', allocation_amount: 1000000, determined_amount: null, sp2d_no: '', sp2d_date: null,
  disbursed_amount: null,
  documents: [{ code: 'NPWP', name: { id: 'Fotokopi NPWP partai', en: 'Copy of the NPWP' }, required: true, waived: false, file_id: 3, verdict: 'PENDING', note: '', verdict_at: null }],
  missing_documents: ['NPWP'],
  usage_plan: { lines: [{ category: PE, activity: 'Sekolah politik', amount: 500000 }, { category: OP, activity: 'Sewa kantor', amount: 500000 }], min_political_education_percent: 60 },
  eligibility: { outcome: 'ELIGIBLE', reasons: [] }, allowed_actions: ['SCHEDULE_VERIFICATION', 'RETURN', 'REJECT', 'HOLD'],
  allowed_edits: ['DOCUMENTS', 'TEAM', 'VERDICTS'], version: 4, ...over,
})
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
let fetchMock: ReturnType<typeof vi.fn>

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/banpol/permohonan/:id', name: 'pa-application', component: ApplicationView },
    { path: '/banpol/permohonan', name: 'pa-applications', component: { template: '<p>list</p>' } },
    { path: '/banpol/pengurus/:id', name: 'pa-board', component: { template: '<p>board</p>' } },
  ] })
  await router.push('/banpol/permohonan/5')
  const w = mount({ template: '<RouterView />' }, { global: { plugins: [router], stubs: { HistoryPanel: true, FileUpload: true } }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('application screen', () => {
  beforeEach(() => {
    setLocale('id')
    setCsrfToken('tok')
    session.me = analis
    session.loaded = true
    fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method || 'GET'
      if (url === '/api/v1/party-aid/applications/5' && method === 'GET') return json(200, application())
      if (url === '/api/v1/party-aid/applications/5/usage-plan' && method === 'PATCH') {
        const body = JSON.parse(String(init?.body))
        return json(200, application({ version: 5, usage_plan: { lines: body.lines, min_political_education_percent: 60 } }))
      }
      if (url === '/api/v1/party-aid/applications/5/actions' && method === 'POST') return json(200, application({ version: 5, status: 'VERIFICATION_SCHEDULED', allowed_actions: ['VERIFY', 'RETURN', 'REJECT', 'HOLD'] }))
      return json(404, { code: 'not_found' })
    })
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    session.me = null
    document.body.innerHTML = ''
  })

  it('shows the shortfall next to the plan while under 60% and clears it when the plan is fixed', async () => {
    const w = await mountView()
    const err = () => w.find('[data-testid="pa-plan-error"]')
    expect(err().exists()).toBe(true)
    expect(err().text()).toContain('50%')
    expect(err().text()).toContain('250.000')
    const pe = w.find('#pl-amt-0')
    expect(pe.attributes('aria-invalid')).toBe('true')
    expect(pe.attributes('aria-describedby')).toBe('pa-plan-share-err')
    await w.find('#pl-amt-1').setValue('400000')
    await pe.setValue('600000')
    expect(err().exists()).toBe(false)
    expect(w.find('[data-testid="pa-plan-ok"]').text()).toContain('60%')
    expect(w.find('#pl-amt-0').attributes('aria-invalid')).toBeUndefined()
    await w.find('[data-testid="pa-plan-save"]').trigger('click')
    await flushPromises()
    const patch = fetchMock.mock.calls.find(([u, i]) => String(u).endsWith('/usage-plan') && i?.method === 'PATCH')!
    expect(JSON.parse(String(patch[1].body))).toEqual({ lines: [{ category: PE, activity: 'Sekolah politik', amount: 600000 }, { category: OP, activity: 'Sewa kantor', amount: 400000 }] })
    expect((patch[1].headers as Record<string, string>)['If-Match']).toBe('"4"')
    expect(w.find('[data-testid="notice"]').text()).toContain('Rencana penggunaan tersimpan')
  })

  it('asks for confirmation before an action and requires a reason to return', async () => {
    const w = await mountView()
    expect(w.find('[data-testid="pa-action-SCHEDULE_VERIFICATION"]').exists()).toBe(true)
    await w.find('[data-testid="pa-action-RETURN"]').trigger('click')
    expect(w.find('[data-testid="pa-confirm"]').exists()).toBe(true)
    await w.find('[data-testid="pa-confirm-yes"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-testid="pa-confirm"]').text()).toContain('Sebutkan alasannya')
    expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('/actions'))).toBe(false)
    await w.find('[data-testid="pa-confirm"] button.btn:not(.btn-danger)').trigger('click')
    await w.find('[data-testid="pa-action-SCHEDULE_VERIFICATION"]').trigger('click')
    await w.find('[data-testid="pa-confirm-yes"]').trigger('click')
    await flushPromises()
    const post = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/actions'))!
    expect(JSON.parse(String(post[1].body))).toEqual({ action: 'SCHEDULE_VERIFICATION' })
    expect(w.find('[data-testid="pa-app-status"]').text()).toBe('Verifikasi dijadwalkan')
  })

  it('offers the verifier accept and reject for an uploaded document', async () => {
    const w = await mountView()
    expect(w.find('[data-doc="NPWP"] [data-testid="pa-doc-accept"]').exists()).toBe(true)
    await w.find('[data-doc="NPWP"] [data-testid="pa-doc-reject"]').trigger('click')
    expect(w.find('[data-doc="NPWP"] .field-error').text()).toContain('alasan')
  })

  it('offers no change the server does not allow (allowed_edits), whatever the status', async () => {
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/v1/party-aid/applications/5' ? json(200, application({ allowed_edits: ['VERDICTS'] })) : json(404, { code: 'not_found' }))
    const w = await mountView()
    expect(w.find('[data-doc="NPWP"] [data-testid="pa-doc-accept"]').exists()).toBe(true)
    expect(w.find('[data-testid="pa-team"] input[name="team_decree_no"]').exists()).toBe(false)
    expect(w.find('#pl-amt-0').attributes('disabled')).toBeDefined()
  })
})
