import { describe, expect, it } from 'vitest'
import { formatDate, formatNumber, formatRupiah } from '../src/format'
import { classify, colourFor, NO_DATA, PALETTE } from '../src/choropleth'

const norm = (s: string) => s.replace(/\s/g, ' ')

describe('formatting (id-ID)', () => {
  it('writes Rupiah without decimals', () => {
    expect(norm(formatRupiah(1250000))).toBe('Rp 1.250.000')
    expect(norm(formatRupiah(1250000.7))).toBe('Rp 1.250.001')
    expect(formatRupiah(null)).toBe('—')
  })
  it('groups thousands with dots', () => {
    expect(formatNumber(4073584)).toBe('4.073.584')
  })
  it('writes dates with Indonesian month names', () => {
    expect(formatDate('2024-08-17T03:00:00Z')).toBe('17 Agustus 2024')
    expect(formatDate('not a date')).toBe('—')
  })
})

describe('choropleth classes', () => {
  it('gives each of a few distinct values its own colour, darkest for the largest', () => {
    const c = classify([1, 4, 1, 2])
    expect(c.map((x) => x.from)).toEqual([1, 2, 4])
    expect(colourFor(1, c)).toBe(PALETTE[1])
    expect(colourFor(4, c)).toBe(PALETTE[PALETTE.length - 1])
    expect(colourFor(undefined, c)).toBe(NO_DATA)
  })
  it('uses five integer classes covering min..max for many values', () => {
    const c = classify([0, 3, 7, 10, 15, 22, 40, 41, 100])
    expect(c).toHaveLength(5)
    expect(c[0].from).toBe(0)
    expect(c[4].to).toBe(100)
    for (let i = 1; i < c.length; i++) expect(c[i].from).toBe(c[i - 1].to + 1)
    expect(colourFor(100, c)).toBe(PALETTE[4])
    expect(colourFor(0, c)).toBe(PALETTE[0])
  })
})
