// Numbers, money and dates the way Indonesian offices write them (id-ID).
const LOCALE = 'id-ID'

const numberFmt = new Intl.NumberFormat(LOCALE)
const rupiahFmt = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 })
const dateFmt = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric' })
const dateTimeFmt = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
})

export function formatNumber(n: number | null | undefined, maxFractionDigits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  if (maxFractionDigits > 0) return new Intl.NumberFormat(LOCALE, { maximumFractionDigits: maxFractionDigits }).format(n)
  return numberFmt.format(n)
}

/** Rupiah are integers: "Rp 1.250.000". */
export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—'
  return rupiahFmt.format(n)
}

function toDate(v: string | number | Date | null | undefined): Date | null {
  if (v === null || v === undefined || v === '') return null
  const d = v instanceof Date ? v : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

export function formatDate(v: string | number | Date | null | undefined): string {
  const d = toDate(v)
  return d ? dateFmt.format(d) : '—'
}

export function formatDateTime(v: string | number | Date | null | undefined): string {
  const d = toDate(v)
  return d ? dateTimeFmt.format(d) : '—'
}

/** "14:05" (24-hour clock, browser's zone) — used for "saved automatically at …". */
export function formatClock(v: string | number | Date | null | undefined): string {
  const d = toDate(v)
  if (!d) return '—'
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

const weekdayFmt = new Intl.DateTimeFormat(LOCALE, { weekday: 'long' })
/** Day of the week of a calendar date "2026-08-17" -> "Senin" (the date itself, not shifted by zone). */
export function formatWeekday(isoDate: string, locale = LOCALE): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!m) return '—'
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return locale === LOCALE ? weekdayFmt.format(d) : new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(d)
}
/** A calendar date "2026-08-17" as "17 Agustus 2026", without zone shifts. */
export function formatCalendarDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  if (!m) return isoDate || '—'
  return dateFmt.format(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
}

/** File sizes: "820 B", "12,5 KB", "3,1 MB". */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${formatNumber(n / 1024, 1)} KB`
  return `${formatNumber(n / (1024 * 1024), 1)} MB`
}
