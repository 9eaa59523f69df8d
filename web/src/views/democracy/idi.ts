// The democracy index on the client: the JSON shapes of /api/v1/democracy and the fixed code lists.
import type { LocalizedText } from '../../i18n'

export const ASPECTS = ['KEBEBASAN', 'KESETARAAN', 'KAPASITAS'] as const
export type Aspect = (typeof ASPECTS)[number]
export type Category = 'BAIK' | 'SEDANG' | 'BURUK'
export const CATEGORY_TONE: Record<Category, 'success' | 'warning' | 'danger'> = { BAIK: 'success', SEDANG: 'warning', BURUK: 'danger' }
/** The aspect of an indicator of the 2021 method. */
export const aspectOf = (n: number): Aspect => (n <= 7 ? 'KEBEBASAN' : n <= 14 ? 'KESETARAAN' : 'KAPASITAS')
/** BPS categories: Baik above 80, Sedang 60 to 80 (80.00 included), Buruk below 60; on hundredths, as the server does. */
export function categoryOf(v: number): Category {
  const h = Math.round(v * 100)
  return h > 8000 ? 'BAIK' : h >= 6000 ? 'SEDANG' : 'BURUK'
}
/** Years offered: the 2021 method onwards, up to this year. */
export function years(): number[] {
  const now = new Date().getFullYear()
  const out: number[] = []
  for (let y = now; y >= 2019; y--) out.push(y)
  return out
}

export interface Coverage {
  year: number
  nasional: { value: number; value_text: string; category: Category; source_release: string } | null
  pusat: { value: number; value_text: string; category: Category } | null
  provinsi_agg: { value: number; value_text: string; category: Category } | null
  provinces: { code: string; name: string; missing: boolean; value: number | null; value_text?: string; category?: Category; rank?: number; source_release?: string }[]
  found: number
  missing: number
}
export interface IndicatorInfo { method: 'NEW_2021' | 'OLD_2009'; number: number; aspect: string; variable: string; name_id: string; name_en: string; confirmed: boolean }
export interface TrendPoint { year: number; method: string; total: number | null; kebebasan: number | null; kesetaraan: number | null; kapasitas: number | null }
export interface Choropleth { year: number; aspect: string; items: { code: string; name: string; value: number | null; category?: Category; rank?: number; missing: boolean }[] }

export interface ProvisionalIndicator {
  number: number
  aspect: Aspect
  name_id: string
  name_en: string
  baseline: number
  baseline_from: LocalizedText
  positive: number
  negative: number
  provisional: number
  official: number | null
  difference: number | null
  explanation: LocalizedText
  evidence_link: string
}
export interface Provisional {
  region_code: string
  region_name: string
  year: number
  official: false
  label: LocalizedText
  weights: { code: string; name: string; source: string; decided_on: string; negative_points: number; positive_points: number }
  total: number
  category: Category
  official_total: number | null
  difference: number | null
  aspects: { aspect: Aspect; provisional: number; category: Category; official: number | null }[]
  indicators: ProvisionalIndicator[]
  evidence_count: number
  kabkota: { code: string; name: string; total: number; category: Category; evidence_count: number }[]
}

export interface Evidence {
  id: number
  year: number
  region_code: string
  region_name: string
  indicator_no: number
  aspect: Aspect
  event_date: string
  description: string
  source: string
  sign: 1 | -1
  handled_by: string
  classification: string
  source_kind: string | null
  source_id: number | null
  record_link: string | null
  version: number
}
export interface Proposal {
  id: number
  source_kind: string
  source_id: number
  record_link: string
  region_code: string
  region_name: string
  classification: string
  event_date: string
  summary: string
  indicator_no: number
  aspect: Aspect
  sign: 1 | -1
  status: 'PENDING' | 'ACCEPTED' | 'DISMISSED'
  evidence_id: number | null
  version: number
}
export interface EvidenceForm { region_code: string; event_date: string; indicator_no: string; sign: string; description: string; source: string; handled_by: string; classification: string }
export function evidenceBody(f: EvidenceForm) {
  return { ...f, indicator_no: Number(f.indicator_no), sign: Number(f.sign) }
}
