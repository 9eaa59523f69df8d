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
