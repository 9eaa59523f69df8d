// The small rules of the foreigner screens: the actions offered from the server's list, the input
// each action asks for, counts summed to the map's regions, quarters, and country names.
import { describe, expect, it } from 'vitest'
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
