import { describe, expect, it } from 'vitest'
import { aspectOf, categoryOf, evidenceBody } from '../src/views/democracy/idi'

describe('democracy index on the client', () => {
  it('uses the BPS categories with exactly 80.00 as Sedang', () => {
    expect([80.01, 80, 79.99, 60, 59.99, 85.3].map(categoryOf)).toEqual(['BAIK', 'SEDANG', 'SEDANG', 'SEDANG', 'BURUK', 'BAIK'])
  })
  it('places the 22 indicators in their aspects', () => {
    expect([1, 7, 8, 14, 15, 22].map(aspectOf)).toEqual(['KEBEBASAN', 'KEBEBASAN', 'KESETARAAN', 'KESETARAAN', 'KAPASITAS', 'KAPASITAS'])
  })
  it('sends numbers for the indicator and the sign', () => {
    const b = evidenceBody({ region_code: '63.71', event_date: '2026-01-02', indicator_no: '3', sign: '-1', description: 'x', source: 'y', handled_by: '', classification: 'BIASA' })
    expect([b.indicator_no, b.sign]).toEqual([3, -1])
  })
})
