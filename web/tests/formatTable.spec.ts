// The table of cases in tests/fixtures/ui_format.tsv: one row per way the UI writes a value.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  formatBytes, formatDate, formatDateTime, formatNumber, formatPeriod, formatRupiah, formatTime, formatTimeOfDay, formatValue,
} from '../src/format'

const ZONE = 'Asia/Makassar'
const norm = (s: string) => s.replace(/[\s\u00a0\u202f]/g, ' ')
const table = readFileSync(resolve(__dirname, '../../tests/fixtures/ui_format.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t'))

type Lang = 'id' | 'en'
const run: Record<string, (input: string | undefined, l: Lang) => string> = {
  date: (x, l) => formatDate(x, l, ZONE),
  datetime: (x, l) => formatDateTime(x, l, ZONE),
  time: (x, l) => formatTime(x, l, ZONE),
  timeofday: (x, l) => {
    const [hhmm, off] = (x ?? '|').split('|')
    return formatTimeOfDay(hhmm === '-' ? undefined : hhmm, off ? Number(off) : null, l)
  },
  period: (x, l) => formatPeriod(x, l),
  number: (x, l) => formatNumber(Number(x), 0, l),
  rupiah: (x) => formatRupiah(Number(x)),
  bytes: (x, l) => formatBytes(Number(x), l),
  value: (x, l) => formatValue(x === 'true' ? true : /^\d+$/.test(x ?? '') ? Number(x) : x, l, ZONE),
}

describe('UI formatting table (tests/fixtures/ui_format.tsv)', () => {
  it('has cases for every kind', () => expect(new Set(table.map((r) => r[0]))).toEqual(new Set(Object.keys(run))))
  for (const [fn, input, l, expected] of table) {
    it(`${fn}(${input}, ${l}) = ${expected}`, () => {
      expect(norm(run[fn](input === '-' ? undefined : input, l as Lang))).toBe(expected)
    })
  }
})
