// The small rules of the foreigner screens: the actions offered from the server's list, the input
// each action asks for, counts summed to the map's regions, quarters, and country names; and the
// person form changing an existing record (PATCH with If-Match, the passport withheld without
// clearance, a 412 reloading the record) against a mocked server. Also the ormas import page (the
// template, the file sent with its type, refused rows) and the merge on the actor page (asked first; a 409 shown).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import PersonFormView from '../src/views/foreigners/PersonFormView.vue'
import OrmasImportView from '../src/views/ormas/OrmasImportView.vue'
import ActorView from '../src/views/ormas/ActorView.vue'
import { columnLabel, csvCell, importContentType, templateCsv, XLSX_TYPE } from '../src/views/ormas/importFile'
import { createBody, editBody, fill, PERSON_FORM } from '../src/views/foreigners/recordForm'
import { setCsrfToken } from '../src/api'
import { setLocale } from '../src/i18n'
import { session } from '../src/session'
import { countryName, foreignCountryOptions } from '../src/views/foreigners/countries'
import {
  actionInputs, offeredActions, previousQuarter, quarterOf, quarterRange, quarterlyReportUrl, regionAtLevel, sumByLevel,
} from '../src/views/foreigners/foreigners'

describe('presence actions', () => {
  it('offers only what the server allows, in the screen order', () => {
    expect(offeredActions({ allowed_actions: ['find_violation', 'end'] })).toEqual(['find_violation', 'end'])
    expect(offeredActions({ allowed_actions: ['close', 'decide'] })).toEqual(['decide', 'close'])
    expect(offeredActions({ allowed_actions: [] })).toEqual([])
    expect(offeredActions({})).toEqual([])
    expect(offeredActions(null)).toEqual([])
  })
  it('asks for a decision and its basis, or for the referral letter; nothing for the others', () => {
    expect(actionInputs('decide')).toEqual(['decision', 'follow_up', 'reason'])
    expect(actionInputs('refer')).toEqual(['agency', 'letter_no', 'referred_on', 'reason'])
    for (const a of ['verify_documents', 'activate', 'find_violation', 'end', 'close']) expect(actionInputs(a)).toEqual([])
  })
})

describe('map counts', () => {
  it('draws a code in its province or kab/kota, never above the level', () => {
    expect(regionAtLevel('63.71.02.1001', 2)).toBe('63.71')
    expect(regionAtLevel('63.71', 1)).toBe('63')
    expect(regionAtLevel('63', 2)).toBeNull()
  })
  it('sums kecamatan to their kab/kota and skips the province itself', () => {
    const rows = [
      { region_code: '63.71', count: 2 }, { region_code: '63.71.01', count: 3 }, { region_code: '63.03', count: 1 }, { region_code: '63', count: 9 },
    ]
    expect(sumByLevel(rows, 2)).toEqual({ '63.71': 5, '63.03': 1 })
    expect(sumByLevel(rows, 1)).toEqual({ '63': 15 })
  })
})

describe('quarters', () => {
  it('knows the quarter of a day and the one before', () => {
    expect(quarterOf(new Date(2026, 0, 1))).toEqual({ year: 2026, quarter: 1 })
    expect(quarterOf(new Date(2026, 11, 6))).toEqual({ year: 2026, quarter: 4 })
    expect(previousQuarter({ year: 2026, quarter: 1 })).toEqual({ year: 2025, quarter: 4 })
    expect(previousQuarter({ year: 2026, quarter: 3 })).toEqual({ year: 2026, quarter: 2 })
  })
  it('spans a quarter to its last day', () => {
    expect(quarterRange(2024, 1)).toEqual({ from: '2024-01-01', to: '2024-03-31' })
    expect(quarterRange(2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30' })
    expect(quarterRange(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' })
  })
  it('addresses the quarterly PDF of a region', () => {
    expect(quarterlyReportUrl(2026, 3, '63.71')).toBe('/api/v1/foreigners/reports/quarterly.pdf?year=2026&quarter=3&region=63.71')
    expect(quarterlyReportUrl(2026, 1, '')).toBe('/api/v1/foreigners/reports/quarterly.pdf?year=2026&quarter=1')
  })
})

describe('countries', () => {
  it('names an alpha-3 code in the screen language, and keeps an unknown code', () => {
    expect(countryName('JPN', 'id')).toBe('Jepang')
    expect(countryName('JPN', 'en')).toBe('Japan')
    expect(countryName('XYZ', 'id')).toBe('XYZ')
  })
  it('offers foreign countries only, sorted by name', () => {
    const opts = foreignCountryOptions('id')
    expect(opts.some((o) => o.value === 'IDN')).toBe(false)
    expect(opts.find((o) => o.value === 'NLD')?.label).toBe('Belanda')
    const labels = opts.map((o) => o.label)
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'id')))
    expect(opts.length).toBeGreaterThan(240)
  })
})

describe('the body a form sends', () => {
  it('leaves empty fields out of a new record', () => {
    expect(createBody({ full_name: 'Anna', sex: '', permit_type: 'VISIT' })).toEqual({ full_name: 'Anna', permit_type: 'VISIT' })
  })
  it('sends a change with every filled field, a cleared one as "", and never a withheld one', () => {
    const initial = { full_name: 'Anna', permit_no: '2C11', occupation: '', passport_no: 'NX****67' }
    const form = { full_name: 'Anna de Vries', permit_no: '', occupation: '', passport_no: 'NX****67' }
    expect(editBody(form, initial, ['passport_no'])).toEqual({ full_name: 'Anna de Vries', permit_no: '' })
  })
  it('fills the form from the record: every field of the form, a missing or null one empty', () => {
    const f = fill(PERSON_FORM.blank('63.71'), { ...PERSON, permit_valid_from: null })
    expect(f.full_name).toBe('Anna de Vries')
    expect(f.permit_valid_to).toBe('2026-12-31')
    expect(f.permit_valid_from).toBe('')
    expect(f.id_classification).toBe('')
    expect(Object.keys(f)).toEqual(Object.keys(PERSON_FORM.blank('')))
  })
  it('withholds the passport and its level from a viewer without clearance', () => {
    expect(PERSON_FORM.withheld!({ passport_masked: true })).toEqual(['passport_no', 'id_classification'])
    expect(PERSON_FORM.withheld!({ passport_masked: false, id_classification: 'TERBATAS' })).toEqual([])
    expect(PERSON_FORM.withheld!({ passport_masked: false })).toEqual(['id_classification'])
  })
})

const PERSON = {
  id: 7, full_name: 'Anna de Vries', sex: 'P', birth_date: '1990-04-02', nationality: 'NLD', passport_no: 'NX****67', passport_masked: true,
  passport_expiry: '2030-01-31', permit_type: 'KITAS', permit_no: '2C11AB0001', permit_valid_from: '2026-01-01', permit_valid_to: '2026-12-31',
  permit_state: 'VALID', sponsor_name: 'Universitas Lambung Mangkurat', sponsor_type: 'Perguruan tinggi', sponsor_address: '', occupation: 'Peneliti',
  region_code: '63.71', region_name: 'Kota Banjarmasin', classification: 'BIASA', actor_id: 12, version: 3, presences: [],
}

// A kab/kota operator without clearance (the passport is masked for him).
const OPERATOR: NonNullable<typeof session.me> = {
  id: 9, username: 'banjarmasin.operator', full_name: 'Fitriani', role: 'OPERATOR', clearance: 'BIASA', permissions: ['record.read', 'record.write'],
  org_unit: { id: 14, name: 'Kesbangpol Kota Banjarmasin', kind: 'KESBANGPOL', region_code: '63.71' },
  scope: { region_code: '63.71', region_name: 'Kota Banjarmasin', level: 2 },
}

/** The server as the form sees it: person 7 (GET), and the answer to a PATCH (status, body). */
function fakeServer() {
  const server = {
    record: { ...PERSON } as Record<string, unknown>,
    patch: (): [number, unknown] => [200, { ...server.record, permit_valid_to: '2027-06-30', version: 4 }],
    patches: [] as RequestInit[],
  }
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    if (init.method === 'PATCH') server.patches.push(init)
    const [status, body] = url !== '/api/v1/foreigners/persons/7' ? [404, {}] : init.method === 'PATCH' ? server.patch() : [200, server.record]
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
  }))
  return server
}

describe('changing a foreign national', () => {
  let server: ReturnType<typeof fakeServer>
  beforeEach(() => {
    setLocale('id')
    setCsrfToken('tok')
    session.me = OPERATOR
    server = fakeServer()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    session.me = null
  })

  /** The change form of person 7 in a router that also has the person's page. */
  async function mountEdit() {
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/orang-asing/orang/:id/ubah', name: 'foreigner-edit', component: PersonFormView },
      { path: '/orang-asing/orang/:id', name: 'foreigner', component: { template: '<p>person</p>' } },
    ] })
    await router.push('/orang-asing/orang/7/ubah')
    const w = mount({ template: '<RouterView />' }, { global: { plugins: [router] } })
    await flushPromises()
    return { w, router }
  }
  const headers = (i: number) => server.patches[i].headers as Record<string, string>
  const sent = (i: number) => JSON.parse(server.patches[i].body as string)

  it('fills the form, sends the change with If-Match and every field but the masked passport, then opens the page', async () => {
    const { w, router } = await mountEdit()
    expect(w.find('h1').text()).toBe('Ubah data orang asing')
    expect((w.find('input[name="full_name"]').element as HTMLInputElement).value).toBe('Anna de Vries')
    expect((w.find('select[name="permit_type"]').element as HTMLSelectElement).value).toBe('KITAS')
    // Without clearance the passport is neither shown nor sent.
    expect(w.find('input[name="passport_no"]').exists()).toBe(false)
    expect(w.find('[data-testid="passport-kept"]').text()).toMatch(/tidak ditampilkan dan tidak diubah/)
    await w.find('input[name="permit_valid_to"]').setValue('2027-06-30')
    await w.find('input[name="occupation"]').setValue('')
    await w.find('form').trigger('submit')
    await flushPromises()

    expect(server.patches.length).toBe(1)
    expect(headers(0)['If-Match']).toBe('"3"')
    expect(headers(0)['X-CSRF-Token']).toBe('tok')
    const body = sent(0)
    expect(body).toMatchObject({
      full_name: 'Anna de Vries', nationality: 'NLD', permit_type: 'KITAS', permit_no: '2C11AB0001', permit_valid_from: '2026-01-01',
      permit_valid_to: '2027-06-30', occupation: '', region_code: '63.71', classification: 'BIASA', passport_expiry: '2030-01-31',
    })
    expect(body).not.toHaveProperty('passport_no')
    expect(body).not.toHaveProperty('id_classification')
    expect(body).not.toHaveProperty('sponsor_address')
    expect(router.currentRoute.value.fullPath).toBe('/orang-asing/orang/7')
  })

  it('shows and sends the passport to a viewer with clearance', async () => {
    server.record = { ...PERSON, passport_no: 'NX4455667', passport_masked: false }
    const { w } = await mountEdit()
    expect((w.find('input[name="passport_no"]').element as HTMLInputElement).value).toBe('NX4455667')
    await w.find('input[name="passport_no"]').setValue('NX4455668')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(sent(0).passport_no).toBe('NX4455668')
  })

  it('on 412 says someone else changed it, reloads the record and sends the new version next time', async () => {
    server.patch = () => {
      server.record = { ...PERSON, permit_no: '2C11AB0002', version: 5 }
      return [412, { code: 'version_conflict', message: { id: 'Versi berubah.', en: 'Version changed.' } }]
    }
    const { w, router } = await mountEdit()
    await w.find('input[name="permit_valid_to"]').setValue('2027-06-30')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toMatch(/telah diubah oleh pengguna lain/)
    expect((w.find('input[name="permit_no"]').element as HTMLInputElement).value).toBe('2C11AB0002')
    expect(router.currentRoute.value.name).toBe('foreigner-edit')
    server.patch = () => [200, { ...server.record, version: 6 }]
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(headers(1)['If-Match']).toBe('"5"')
    expect(router.currentRoute.value.fullPath).toBe('/orang-asing/orang/7')
  })

  it('shows the server\'s field errors at the fields', async () => {
    server.patch = () => [422, {
      code: 'validation_failed', message: { id: 'Isian tidak valid.', en: 'Invalid.' },
      errors: [{ field: 'permit_valid_to', code: 'before_start', message: { id: 'Akhir izin sebelum awalnya.', en: 'The permit ends before it starts.' } }],
    }]
    const { w } = await mountEdit()
    await w.find('input[name="permit_valid_to"]').setValue('2025-01-01')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('input[name="permit_valid_to"]').attributes('aria-invalid')).toBe('true')
    expect(w.text()).toMatch(/Akhir izin sebelum awalnya/)
  })
})

describe('the ormas import page', () => {
  const calls: { url: string; init: RequestInit }[] = []
  let answer: [number, unknown] = [201, { rows: 2, imported: 2, board_members: 5, refused: [] }]
  beforeEach(() => {
    setLocale('id')
    setCsrfToken('tok')
    session.me = OPERATOR
    calls.length = 0
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
      calls.push({ url, init })
      const [status, body] = answer
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
    }))
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    session.me = null
    setLocale('id')
  })

  it('offers a template with the header row and no cell a spreadsheet would run', () => {
    expect(templateCsv().startsWith('name,abbreviation,legal_form,scope_level,region_code,')).toBe(true)
    expect(templateCsv().trim().split(',')).toContain('bendahara_nama')
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('a,"b"')).toBe('"a,""b"""')
  })

  it("sends a file with its type and names a refused cell's column", () => {
    expect(importContentType({ name: 'lama.XLSX', type: '' })).toBe(XLSX_TYPE)
    expect(importContentType({ name: 'lama.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv')
    expect(columnLabel('legal_form')).toEqual({ key: 'reg.imp.col.legal_form' })
    expect(columnLabel('board[1].nik')).toEqual({ key: 'reg.imp.boardCol.nik', params: { n: 2 } })
  })

  async function mountImport() {
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/ormas/impor', name: 'ormas-import', component: OrmasImportView },
      { path: '/ormas', name: 'ormas-list', component: { template: '<p>list</p>' } },
    ] })
    await router.push('/ormas/impor')
    const w = mount({ template: '<RouterView />' }, { global: { plugins: [router] } })
    await flushPromises()
    return w
  }
  async function sendCsv(w: Awaited<ReturnType<typeof mountImport>>) {
    const input = w.find('input[type="file"]')
    Object.defineProperty(input.element, 'files', { value: [new File(['name\n'], 'lama.csv', { type: '' })] })
    await input.trigger('change')
    await w.find('form').trigger('submit')
    await flushPromises()
  }

  it('posts the file as the body with the CSV type and the CSRF token, and says how many came in', async () => {
    const w = await mountImport()
    await sendCsv(w)
    expect(calls.length).toBe(1)
    const h = calls[0].init.headers as Record<string, string>
    expect(calls[0].url).toBe('/api/v1/ormas/import')
    expect(h['Content-Type']).toBe('text/csv')
    expect(h['X-CSRF-Token']).toBe('tok')
    expect(h['Idempotency-Key']).toBeUndefined()
    expect(w.find('[data-testid="import-done"]').text()).toMatch(/2 ormas dan 5 pengurus diimpor dari 2 baris/)
  })

  it("lists refused rows with the column and reason in the screen's language", async () => {
    answer = [422, { code: 'import.refused', message: { id: '1 kesalahan', en: '1 error' },
      report: { rows: 2, imported: 0, refused: [{ line: 3, field: 'board[0].nik', code: 'format', message: { id: 'NIK harus 16 angka.', en: 'The NIK must have 16 digits.' } }] } }]
    setLocale('en')
    const w = await mountImport()
    await sendCsv(w)
    expect(w.find('[data-testid="import-refused"]').text()).toMatch(/Nothing was imported/)
    expect(w.find('tr[data-line="3"]').text()).toBe('3NIK of board member 1The NIK must have 16 digits.')
  })
})

describe('merging actors', () => {
  const ACTOR = { id: 5, kind: 'ORGANISATION', name: 'Laskar Kayu Tangi', nik: '', passport_no: '', nationality: '', identifiers_masked: false,
    roles: [], merged: [], candidates: [{ candidate: 'actor:6', kind: 'ACTOR', actor_id: 6, name: 'Laskar Kayutangi', label: 'Laskar Kayutangi', region_code: '' }] }
  afterEach(() => {
    vi.unstubAllGlobals()
    session.me = null
  })

  it("asks first, and shows the server's reason when the merge is refused", async () => {
    setLocale('id')
    session.me = { ...OPERATOR, permissions: ['record.read', 'record.review'] }
    const posts: string[] = []
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
      if (init.method === 'POST') posts.push(`${url} ${init.body}`)
      const [status, body] = init.method === 'POST'
        ? [409, { code: 'actor.kept_apart', message: { id: 'Aktor ini sudah dinyatakan berbeda.', en: 'These actors were declared different.' } }]
        : [200, ACTOR]
      return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
    }))
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/aktor/:id', name: 'actor', component: ActorView }] })
    await router.push('/aktor/5')
    const w = mount({ template: '<RouterView />' }, { global: { plugins: [router] } })
    await flushPromises()
    await w.find('[data-testid="merge-6"]').trigger('click')
    expect(posts).toEqual([])
    expect(w.find('[data-testid="merge-confirm"]').text()).toMatch(/dapat dibatalkan/)
    await w.find('[data-testid="merge-yes"]').trigger('click')
    await flushPromises()
    expect(posts).toEqual(['/api/v1/actors/5/merge {"actor_id":6}'])
    expect(w.find('[role="alert"]').text()).toMatch(/Aktor ini sudah dinyatakan berbeda/)
  })
})
