// Dates, periods, numbers, money and sizes the way Indonesian offices write them. Every view
// formats through this module, so a date reads the same on every screen:
//   "1 Januari 2026", "4 Desember 2026 pukul 16.30 WITA", "16.30 WITA", "Triwulan IV 2026",
//   "Rp 1.250.000", "7,6 MB". The English UI gets the same shapes in English.
// The server's PDFs follow the same rules (src/report/format.*).
import { currentLocale } from './i18n'

type Lang = 'id' | 'en'
type DateInput = string | number | Date | null | undefined

const TAG: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' }
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function lang(l?: Lang): Lang {
  if (l) return l
  try {
    return currentLocale() === 'en' ? 'en' : 'id'
  } catch {
    return 'id'
  }
}

function dtf(l: Lang, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${l}|${JSON.stringify(opts)}`
  let f = cache.get(key) as Intl.DateTimeFormat | undefined
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(TAG[l], opts)))
  return f
}
function nf(l: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${l}|${JSON.stringify(opts)}`
  let f = cache.get(key) as Intl.NumberFormat | undefined
  if (!f) cache.set(key, (f = new Intl.NumberFormat(TAG[l], opts)))
  return f
}

// ---------- numbers ----------

export function formatNumber(n: number | null | undefined, maxFractionDigits = 0, l?: Lang): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return nf(lang(l), { maximumFractionDigits: maxFractionDigits }).format(n)
}

/** Rupiah are integers: "Rp 1.250.000". Always written the Indonesian way, also in the English UI. */
export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return nf('id', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(n)
}

/** File sizes: "820 B", "12,5 KB", "7,6 MB". */
export function formatBytes(n: number | null | undefined, l?: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, 1, l)} KB`
  if (n < 1024 * 1024 * 1024) return `${formatNumber(n / (1024 * 1024), 1, l)} MB`
  return `${formatNumber(n / (1024 * 1024 * 1024), 1, l)} GB`
}

// ---------- dates and times ----------

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function toDate(v: DateInput): Date | null {
  if (v === null || v === undefined || v === '') return null
  if (typeof v === 'string') {
    // A calendar date is a day, not an instant: never shift it by the zone.
    const m = CALENDAR_DATE.exec(v)
    if (m) return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  }
  const d = v instanceof Date ? v : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

/** "1 Januari 2026". A calendar date ("2026-01-01") is shown as that day in every zone. */
export function formatDate(v: DateInput, l?: Lang, timeZone?: string): string {
  const d = toDate(v)
  if (!d) return '—'
  const zoned = typeof v === 'string' && CALENDAR_DATE.test(v) ? undefined : timeZone
  return dtf(lang(l), { day: 'numeric', month: 'long', year: 'numeric', timeZone: zoned }).format(d)
}

/** A calendar date "2026-08-17" as "17 Agustus 2026" (kept for the views that name it so). */
export function formatCalendarDate(isoDate: string, l?: Lang): string {
  if (!CALENDAR_DATE.test(isoDate ?? '')) return isoDate || '—'
  return formatDate(isoDate, l)
}

/** "16.30 WITA": the time of an instant in the reader's zone (or `timeZone`), with the zone's name. */
export function formatTime(v: DateInput, l?: Lang, timeZone?: string): string {
  const d = toDate(v)
  if (!d) return '—'
  return dtf(lang(l), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', timeZone }).format(d)
}

/** "4 Desember 2026 pukul 16.30 WITA". */
export function formatDateTime(v: DateInput, l?: Lang, timeZone?: string): string {
  const d = toDate(v)
  if (!d) return '—'
  const ll = lang(l)
  return `${formatDate(d, ll, timeZone)} ${ll === 'id' ? 'pukul' : 'at'} ${formatTime(d, ll, timeZone)}`
}

/** "Tersimpan otomatis 21.10 WITA": same as formatTime (the old name of the autosave clock). */
export const formatClock = (v: DateInput, l?: Lang) => formatTime(v, l)

/**
 * A local time of day as written on a form ("16:30"), with the zone it was recorded in when known:
 * "16.30 WITA". `utcOffsetHours` is the region's zone (7 WIB, 8 WITA, 9 WIT).
 */
export function formatTimeOfDay(hhmm: string | null | undefined, utcOffsetHours?: number | null, l?: Lang): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm ?? '')
  if (!m) return '—'
  const ll = lang(l)
  const sep = ll === 'id' ? '.' : ':'
  const zone = utcOffsetHours === 7 ? 'WIB' : utcOffsetHours === 8 ? 'WITA' : utcOffsetHours === 9 ? 'WIT' : ''
  return `${m[1].padStart(2, '0')}${sep}${m[2]}${zone ? ` ${zone}` : ''}`
}

const weekday = (l: Lang) => dtf(l, { weekday: 'long' })
/** Day of the week of a calendar date "2026-08-17" -> "Senin". */
export function formatWeekday(isoDate: string, locale?: string): string {
  const d = CALENDAR_DATE.test(isoDate ?? '') ? toDate(isoDate) : null
  if (!d) return '—'
  return weekday(locale === 'en' || locale?.startsWith('en-') ? 'en' : locale ? 'id' : lang()).format(d)
}

// ---------- periods ----------

const ROMAN = ['I', 'II', 'III', 'IV']
const MONTHS: Record<Lang, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/** A reporting period: "2026-Q4" -> "Triwulan IV 2026", "2026-S1" -> "Semester I 2026", "2026-11" -> "November 2026", "2026" -> "Tahun 2026". */
export function formatPeriod(code: string | null | undefined, l?: Lang): string {
  if (!code) return '—'
  const ll = lang(l)
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) return ll === 'id' ? `Triwulan ${ROMAN[Number(m[2]) - 1]} ${m[1]}` : `Quarter ${m[2]} ${m[1]}`
  if ((m = /^(\d{4})-S([12])$/.exec(code))) return ll === 'id' ? `Semester ${ROMAN[Number(m[2]) - 1]} ${m[1]}` : `Half-year ${m[2]} ${m[1]}`
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code))) return `${MONTHS[ll][Number(m[2]) - 1]} ${m[1]}`
  if ((m = /^(\d{4})$/.exec(code))) return ll === 'id' ? `Tahun ${m[1]}` : `Year ${m[1]}`
  return code
}

// ---------- any value a record holds ----------

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/
const PERIOD = /^\d{4}-(Q[1-4]|S[12])$/

/**
 * A stored value as a reader expects it: instants as "4 Desember 2026 pukul 16.30 WITA", days as
 * "1 Januari 2026", periods as "Triwulan IV 2026", numbers grouped, true/false as Ya/Tidak.
 * Codes are not guessed here: the caller maps them to their labels first.
 */
export function formatValue(v: unknown, l?: Lang, timeZone?: string): string {
  if (v === null || v === undefined || v === '') return '—'
  const ll = lang(l)
  if (typeof v === 'boolean') return v ? (ll === 'id' ? 'Ya' : 'Yes') : ll === 'id' ? 'Tidak' : 'No'
  if (typeof v === 'number') return formatNumber(v, 2, ll)
  if (typeof v === 'string') {
    if (CALENDAR_DATE.test(v)) return formatDate(v, ll)
    if (ISO_INSTANT.test(v)) return formatDateTime(v, ll, timeZone)
    if (PERIOD.test(v)) return formatPeriod(v, ll)
    return v
  }
  if (Array.isArray(v)) return v.map((x) => formatValue(x, ll, timeZone)).join(', ')
  return JSON.stringify(v)
}
