import { describe, expect, it } from 'vitest'
import { ApiError } from '../src/api'
import { setLocale } from '../src/i18n'
import type { Me } from '../src/types'
import {
  categoryPath, changedSections, creatableTypes, emptyEventForm, emptySections, eventActions, eventBody, filterRecap,
  isReviewer, localInputToIso, parentRegion, periodLabel, periodOf, previousPeriod, recapSummary, recentPeriods,
  reportActions, sectionErrors, validateEvent, type RecapItem, type ReportType,
} from '../src/monitoring'

function me(region: string, level: number, permissions: string[]): Me {
  return {
    id: 1, username: 'u', full_name: 'U', role: 'X', clearance: 'BIASA',
    org_unit: { id: 1, name: 'o', kind: 'KESBANGPOL', region_code: region },
    scope: { region_code: region, region_name: region, level }, permissions,
  }
}
const operator = me('63.71', 2, ['record.read', 'record.write', 'file.upload'])
const analis = me('63', 1, ['record.read', 'record.write', 'record.review', 'audit.read'])
const otherProvince = me('64', 1, ['record.read', 'record.write', 'record.review'])
const pusat = me('', 0, ['record.read', 'record.write', 'record.review'])

describe('periods', () => {
  it('finds the period of a date and the ones before it', () => {
    const d = new Date(2026, 10, 23)
    expect(periodOf('QUARTERLY', d)).toBe('2026-Q4')
    expect(periodOf('MONTHLY', d)).toBe('2026-11')
    expect(periodOf('SEMESTER', d)).toBe('2026-S2')
    expect(periodOf('ANNUAL', d)).toBe('2026')
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4')
    expect(previousPeriod('2026-01')).toBe('2025-12')
    expect(previousPeriod('2026-S1')).toBe('2025-S2')
    expect(recentPeriods('QUARTERLY', d, 4)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1'])
  })
  it('labels periods like the server does', () => {
    expect(periodLabel('2026-Q3')).toBe('Triwulan III 2026')
    expect(periodLabel('2026-Q3', 'en')).toBe('Quarter 3 2026')
    expect(periodLabel('2026-03')).toBe('Maret 2026')
    expect(periodLabel('2026-S2', 'en')).toBe('Half-year 2 2026')
  })
})

describe('who may do what with a report', () => {
  const kab = { region_code: '63.71', status: 'DRAFT' }
  it('the owner office edits and submits drafts and returned reports only', () => {
    expect(reportActions(kab, operator)).toEqual(['SUBMIT'])
    expect(reportActions({ ...kab, status: 'RETURNED' }, operator)).toEqual(['SUBMIT'])
    expect(reportActions({ ...kab, status: 'SUBMITTED' }, operator)).toEqual([])
    expect(reportActions(kab, me('63.72', 2, ['record.write']))).toEqual([])
  })
  it('the tier directly above reviews: province for kab/kota, ministry for province', () => {
    expect(parentRegion('63.71')).toBe('63')
    expect(parentRegion('63')).toBe('')
    expect(isReviewer(kab, analis)).toBe(true)
    expect(isReviewer(kab, otherProvince)).toBe(false)
    expect(isReviewer(kab, pusat)).toBe(false)
    expect(isReviewer({ region_code: '63' }, pusat)).toBe(true)
    expect(reportActions({ ...kab, status: 'SUBMITTED' }, analis)).toEqual(['ACCEPT', 'RETURN'])
    expect(reportActions({ ...kab, status: 'ACCEPTED' }, analis)).toEqual(['CONSOLIDATE', 'ARCHIVE'])
    expect(reportActions({ ...kab, status: 'SUBMITTED' }, { ...analis, permissions: ['record.read'] })).toEqual([])
  })
  it('offers to create the report types of the user\'s own tier', () => {
    const types = [
      { code: 'TRIWULAN', submitter_level: 2 },
      { code: 'TRIWULAN_PROVINSI', submitter_level: 1 },
    ] as ReportType[]
    expect(creatableTypes(types, operator).map((t) => t.code)).toEqual(['TRIWULAN'])
    expect(creatableTypes(types, analis).map((t) => t.code)).toEqual(['TRIWULAN_PROVINSI'])
    expect(creatableTypes(types, pusat)).toEqual([])
    expect(creatableTypes(types, { ...operator, permissions: ['record.read'] })).toEqual([])
  })
  it('fast report lifecycle', () => {
    expect(eventActions('REPORTED')).toEqual(['VERIFY', 'REJECT'])
    expect(eventActions('VERIFIED')).toEqual(['ESCALATE', 'HANDLE', 'REJECT'])
    expect(eventActions('ESCALATED')).toEqual(['HANDLE'])
    expect(eventActions('HANDLED')).toEqual(['CLOSE'])
    expect(eventActions('CLOSED')).toEqual([])
  })
})

describe('recap', () => {
  const items: RecapItem[] = [
    { region_code: '63.01', region_name: 'Kabupaten Tanah Laut', report_id: 2, status: 'DRAFT', due_at: 'x', timeliness: 'MISSING' },
    { region_code: '63.02', region_name: 'Kabupaten Kotabaru', report_id: 4, status: 'RETURNED', submitted_at: 'x', due_at: 'x', timeliness: 'ON_TIME' },
    { region_code: '63.03', region_name: 'Kabupaten Banjar', report_id: 6, status: 'SUBMITTED', submitted_at: 'x', due_at: 'x', timeliness: 'LATE' },
    { region_code: '63.71', region_name: 'Kota Banjarmasin', report_id: 9, status: 'ACCEPTED', submitted_at: 'x', due_at: 'x', timeliness: 'ON_TIME' },
    { region_code: '64.01', region_name: 'Kabupaten Paser', due_at: 'x', timeliness: 'NOT_YET_DUE' },
    { region_code: '64.02', region_name: 'Kabupaten Kutai Barat', due_at: 'x', timeliness: 'MISSING' },
  ]
  it('counts on time, late and missing, with percentages of all regions', () => {
    const s = recapSummary(items)
    expect(s).toMatchObject({ regions: 6, on_time: 2, late: 1, missing: 2, not_yet_due: 1, pending: 0, reported: 3 })
    expect(s.pct).toEqual({ reported: 50, on_time: 33, late: 17, missing: 33 })
  })
  it('an empty recap has zero percentages, not NaN', () => {
    expect(recapSummary([]).pct).toEqual({ reported: 0, on_time: 0, late: 0, missing: 0 })
  })
  it('agrees with the server summary for the demo quarter', () => {
    // 13 kab/kota of Kalimantan Selatan, 2026-Q3 of the demo data: 6 on time, 2 late, 5 missing.
    const demo = [
      ...Array(6).fill('ON_TIME'), ...Array(2).fill('LATE'), ...Array(5).fill('MISSING'),
    ].map((timeliness) => ({ timeliness }))
    const s = recapSummary(demo)
    expect([s.regions, s.on_time, s.late, s.missing, s.not_yet_due]).toEqual([13, 6, 2, 5, 0])
    expect(s.pct.reported).toBe(62)
  })
  it('filters by timeliness, status (or no report), province and name or code', () => {
    expect(filterRecap(items, { timeliness: 'MISSING' }).map((i) => i.region_code)).toEqual(['63.01', '64.02'])
    expect(filterRecap(items, { status: 'NONE' }).map((i) => i.region_code)).toEqual(['64.01', '64.02'])
    expect(filterRecap(items, { province: '64' }).length).toBe(2)
    expect(filterRecap(items, { q: 'banjar' }).map((i) => i.region_code)).toEqual(['63.03', '63.71'])
    expect(filterRecap(items, { q: '63.7' }).map((i) => i.region_code)).toEqual(['63.71'])
  })
})

describe('report form', () => {
  it('puts server errors like sections.potential_threats on the section', () => {
    setLocale('id')
    const e = new ApiError(422, {
      code: 'validation_failed',
      errors: [
        { field: 'sections.potential_threats', code: 'too_long', message: { id: 'Paling banyak 100.000 karakter.', en: 'At most 100,000 characters.' } },
        { field: 'reason', code: 'required', message: { id: 'Sebutkan alasan pengembalian.', en: 'Give the reason.' } },
      ],
    })
    const m = sectionErrors(e.fieldErrors())
    expect(m.potential_threats).toBe('Paling banyak 100.000 karakter.')
    expect(m.reason).toBe('Sebutkan alasan pengembalian.')
    expect(sectionErrors(e.fieldErrors('en')).potential_threats).toBe('At most 100,000 characters.')
  })
  it('sends only the sections that changed and lists the empty ones', () => {
    expect(changedSections({ general_situation: 'a', gov_support: '' }, { general_situation: 'a', gov_support: 'b' })).toEqual({ gov_support: 'b' })
    expect(changedSections({ general_situation: 'a' }, { general_situation: 'a' })).toEqual({})
    expect(emptySections({ general_situation: 'x', election_stages: '  ' })).toEqual([
      'election_stages', 'gov_support', 'potential_threats', 'measures_taken', 'recommendations',
    ])
  })
})

describe('fast report form', () => {
  const now = new Date(2026, 10, 23, 14, 0)
  it('marks the missing essentials with the server\'s field names', () => {
    const f = emptyEventForm(now, '')
    f.occurred_local = ''
    f.source = ''
    expect(validateEvent(f, now)).toEqual({
      title: 'required', category_code: 'required', escalation_level: 'required', source: 'required',
      region_code: 'required', occurred_at: 'required',
    })
  })
  it('refuses a time in the future and coordinates outside Indonesia or without a pair', () => {
    const f = { ...emptyEventForm(now, '63.71'), title: 'Unjuk rasa', category_code: 'X', escalation_level: 'LOW' }
    expect(validateEvent(f, now)).toEqual({})
    expect(validateEvent({ ...f, occurred_local: '2026-11-23T15:00' }, now)).toEqual({ occurred_at: 'future' })
    expect(validateEvent({ ...f, lat: '-3.3' }, now)).toEqual({ lng: 'pair' })
    expect(validateEvent({ ...f, lat: '20', lng: '114' }, now)).toEqual({ lat: 'lat_range' })
    expect(validateEvent({ ...f, lat: '-3,3', lng: 'abc' }, now)).toEqual({ lng: 'invalid' })
    expect(validateEvent({ ...f, actors: [{ type: 'PARTY', name: ' ' }] }, now)).toEqual({ 'actors.0': 'required' })
  })
  it('builds the request: UTC time, trimmed text, decimal commas, no empty actors', () => {
    const f = {
      ...emptyEventForm(now, '63.71.01'), title: ' Unjuk rasa ', category_code: 'POLITICAL_SITUATION.DEMONSTRATION',
      escalation_level: 'MEDIUM', occurred_local: '2026-11-23T13:30', lat: '-3,3194', lng: '114.5908',
      actors: [{ type: 'ORMAS', name: ' Aliansi Mahasiswa ' }, { type: 'OTHER', name: '' }],
    }
    const b = eventBody(f)
    expect(b).toMatchObject({
      region_code: '63.71.01', title: 'Unjuk rasa', lat: -3.3194, lng: 114.5908, escalation_level: 'MEDIUM',
      actors: [{ type: 'ORMAS', name: 'Aliansi Mahasiswa' }], source: 'FIELD', classification: 'BIASA',
    })
    expect(b.occurred_at).toBe(localInputToIso('2026-11-23T13:30'))
    expect(String(b.occurred_at)).toMatch(/^2026-11-23T\d\d:30:00Z$/)
    expect('lat' in eventBody({ ...f, lat: '', lng: '' })).toBe(false)
  })
  it('names a category with its parent', () => {
    const cats = [
      { code: 'POLITICAL_SITUATION', parent_code: null, name: { id: 'Situasi politik daerah', en: 'Regional political situation' } },
      { code: 'POLITICAL_SITUATION.DEMONSTRATION', parent_code: 'POLITICAL_SITUATION', name: { id: 'Unjuk rasa', en: 'Demonstrations' } },
    ]
    expect(categoryPath('POLITICAL_SITUATION.DEMONSTRATION', cats, (t) => (typeof t === 'object' && t ? t.id || '' : ''))).toBe('Situasi politik daerah › Unjuk rasa')
    expect(categoryPath('UNKNOWN', cats, () => '')).toBe('UNKNOWN')
  })
})
