// Records and small rules of the foreigner screens: what each presence action asks for, the
// colour of a stage, counts per region summed to the level the map draws, and quarters.
import type { Tone } from '../../components/StatusBadge.vue'
import { formatCalendarDate } from '../../format'

export const CATEGORIES = ['DIPLOMAT_VIP', 'EXPERT', 'JOURNALIST_FILM', 'RESEARCHER', 'ARTIST', 'CLERGY', 'FOREIGN_ORG', 'FOREIGN_WORKER'] as const
export const PERMIT_TYPES = ['VISIT', 'KITAS', 'KITAP', 'DIPLOMATIC', 'OTHER'] as const
export const SOURCES = ['IMMIGRATION_DOC', 'PUBLIC_COMPLAINT', 'MEDIA', 'AGENCY_PERMIT', 'INTERVIEW', 'APOA'] as const
export const DECISIONS = ['APPROVED', 'POSTPONED', 'REJECTED', 'NOTED'] as const
export const FOLLOW_UPS = ['NONE', 'RECOMMEND_IMMIGRATION', 'RECOMMEND_POLICE'] as const
export const AGENCIES = ['IMMIGRATION', 'POLICE'] as const
/** The presence actions in the order the screen offers them. */
export const ACTIONS = ['verify_documents', 'decide', 'activate', 'find_violation', 'refer', 'end', 'close'] as const
export type PresenceAction = (typeof ACTIONS)[number]

export interface PresenceRef { id: number; category: string; status: string; start_date: string; end_date: string; region_code: string }
export interface Person {
  id: number; full_name: string; sex: string; birth_date: string | null; nationality: string; passport_no: string; passport_masked: boolean
  passport_expiry: string | null; permit_type: string; permit_no: string; permit_valid_from: string | null; permit_valid_to: string | null
  permit_state: string; sponsor_name: string; sponsor_type: string; sponsor_address: string; occupation: string; region_code: string
  region_name: string; classification: string; actor_id: number; version: number; presences: PresenceRef[]
  /** The passport's own confidentiality level, when the server tells it. */
  id_classification?: string
}
export interface PersonItem {
  id: number; full_name: string; nationality: string; passport_no: string; passport_masked: boolean; permit_type: string
  permit_valid_to: string | null; permit_state: string; sponsor_name: string; region_name: string; actor_id: number
}
export interface Org {
  id: number; name: string; country: string; legal_form: string; mofa_rec_no: string; mofa_rec_date: string | null; partner_agency: string
  mou_no: string; mou_date?: string | null; mou_valid_to: string | null; sectors: string; funding_source: string; local_office: string; region_code: string
  region_name: string; actor_id: number; version: number; presences?: PresenceRef[]
}
export interface PresenceItem {
  id: number; person_id: number | null; org_id: number | null; subject_name: string; nationality: string; category: string; purpose: string
  region_code: string; region_name: string; start_date: string; end_date: string; status: string; decision: string | null; actor_id: number | null
}
export interface PhotoFile { id: number; sha256: string; name: string; mime: string; size: number }
export interface Presence extends PresenceItem {
  activity: string; local_partner: string; source: string; follow_up: string; version: number
  sector_permits: { agency: string; number: string; date: string }[]
  regions: { region_code: string; region_name: string }[]
  permit?: { type: string; number: string; valid_to: string | null; state: string; passport_no: string; passport_masked: boolean; sponsor_name: string }
  decisions: { id: number; decision: string; reason: string; follow_up: string; decided_at: string }[]
  field_checks: { id: number; check_date: string; team: string; findings: string; compliant: boolean; photos: string[]; photo_files?: PhotoFile[] }[]
  referrals: { id: number; agency: string; letter_no: string; referred_on: string; note: string }[]
  allowed_actions?: string[]
}
export interface Permit {
  presence_id: number; person_id: number; full_name: string; nationality: string; permit_type: string; permit_no: string
  permit_valid_to: string; state: string; days_left: number; region_code: string; presence_end_date: string
}
export type Recap = { from: string; to: string } & Record<RecapDimension, { key: string; count: number }[]>
export const RECAP_DIMENSIONS = ['category', 'nationality', 'permit_type', 'location', 'sponsor'] as const
export type RecapDimension = (typeof RECAP_DIMENSIONS)[number]

export const STATE_TONE: Record<string, Tone> = {
  REPORTED: 'info', DOCUMENTS_VERIFIED: 'info', DECIDED: 'neutral', ACTIVE: 'success', ENDED: 'neutral',
  VIOLATION_FOUND: 'danger', REFERRED: 'warning', CLOSED: 'neutral',
}
export const DECISION_TONE: Record<string, Tone> = { APPROVED: 'success', POSTPONED: 'warning', REJECTED: 'danger', NOTED: 'info' }
export const PERMIT_TONE: Record<string, Tone> = { NONE: 'neutral', VALID: 'success', EXPIRING_30: 'warning', EXPIRING_7: 'danger', EXPIRED: 'danger' }

/** What the user fills in before the server moves the presence with `action`. */
export function actionInputs(action: string): ('decision' | 'follow_up' | 'reason' | 'agency' | 'letter_no' | 'referred_on')[] {
  if (action === 'decide') return ['decision', 'follow_up', 'reason']
  if (action === 'refer') return ['agency', 'letter_no', 'referred_on', 'reason']
  return []
}

/** The actions the server allows now, in the screen's order (unknown names last, as they came). */
export function offeredActions(p: { allowed_actions?: string[] } | null): string[] {
  const allowed = p?.allowed_actions ?? []
  const known = ACTIONS.filter((a) => allowed.includes(a)) as string[]
  return [...known, ...allowed.filter((a) => !known.includes(a))]
}

/**
 * The region a code is drawn in on a map of `level` (1 = provinces, 2 = kab/kota): "63.71.02" ->
 * "63" or "63.71"; a code above that level (a province on a kab/kota map) is not drawn: null.
 */
export function regionAtLevel(code: string, level: 1 | 2): string | null {
  const parts = code.split('.')
  if (parts.length < level) return null
  return parts.slice(0, level).join('.')
}

/** Counts per region code summed to the regions of `level`. */
export function sumByLevel(rows: { region_code: string; count: number }[], level: 1 | 2): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) {
    const k = regionAtLevel(r.region_code, level)
    if (k) out[k] = (out[k] ?? 0) + r.count
  }
  return out
}

/** The quarter (1-4) of an ISO date or a Date, and the quarter before it. */
export function quarterOf(d: Date): { year: number; quarter: number } {
  return { year: d.getFullYear(), quarter: Math.floor(d.getMonth() / 3) + 1 }
}
export function previousQuarter(q: { year: number; quarter: number }): { year: number; quarter: number } {
  return q.quarter === 1 ? { year: q.year - 1, quarter: 4 } : { year: q.year, quarter: q.quarter - 1 }
}
/** The first and last day of a quarter (YYYY-MM-DD). */
export function quarterRange(year: number, quarter: number): { from: string; to: string } {
  const m1 = (quarter - 1) * 3 + 1
  const last = new Date(Date.UTC(year, m1 + 2, 0)).getUTCDate()
  const mm = (m: number) => String(m).padStart(2, '0')
  return { from: `${year}-${mm(m1)}-01`, to: `${year}-${mm(m1 + 2)}-${last}` }
}
/** The quarterly PDF report's address. */
export function quarterlyReportUrl(year: number, quarter: number, region: string): string {
  const q = new URLSearchParams({ year: String(year), quarter: String(quarter) })
  if (region) q.set('region', region)
  return `/api/v1/foreigners/reports/quarterly.pdf?${q}`
}

/** A calendar date in words ("14 Februari 2028"), or a dash when there is none. */
export function calendarDate(d: string | null | undefined): string {
  return d ? formatCalendarDate(d) : '—'
}

/** Today as YYYY-MM-DD in the browser's calendar. */
export function todayIso(d = new Date()): string {
  const mm = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${mm(d.getMonth() + 1)}-${mm(d.getDate())}`
}
