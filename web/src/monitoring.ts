// Political-development monitoring (Permendagri 61/2011): the shapes of the monitoring API and
// the small rules the screens share (periods, who may do what, recap counts, form checks).
// Everything here is plain TypeScript so it can be unit-tested without a browser.
import { formatPeriod } from './format'
import type { LocalizedText } from './i18n'
import type { Me } from './types'

// ---------- shapes of the server's JSON ----------

export const SECTION_KEYS = [
  'general_situation', 'election_stages', 'gov_support', 'potential_threats', 'measures_taken', 'recommendations',
] as const
export type SectionKey = (typeof SECTION_KEYS)[number]
export type Sections = Record<SectionKey, string>

export type ReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED' | 'CONSOLIDATED' | 'ARCHIVED'
export const REPORT_STATUSES: ReportStatus[] = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'CONSOLIDATED', 'ARCHIVED']
export type ReportAction = 'SUBMIT' | 'RETURN' | 'ACCEPT' | 'CONSOLIDATE' | 'ARCHIVE'
export type Timeliness = 'ON_TIME' | 'LATE' | 'MISSING' | 'NOT_YET_DUE' | 'PENDING'
export const TIMELINESS: Timeliness[] = ['ON_TIME', 'LATE', 'MISSING', 'NOT_YET_DUE', 'PENDING']
export type PeriodType = 'MONTHLY' | 'QUARTERLY' | 'SEMESTER' | 'ANNUAL'
export type DueUnit = 'CALENDAR_DAYS' | 'WORKING_DAYS' | 'MONTHS' | 'HOURS'

export interface ReportType {
  code: string
  name: LocalizedText
  period_type: PeriodType | string
  submitter_level: number
  due: { unit: DueUnit | string; value: number }
  legal_basis: string
  confirmed: boolean
  effective_from?: string
  version: number
}

export interface Attachment { id: number | string; name: string; mime: string; size: number; sha256: string }

export interface PeriodicReport {
  id: number
  report_type: string
  region_code: string
  region_name: string
  org_unit_id: number
  period: string
  period_label?: LocalizedText
  period_start: string
  period_end: string
  due_at: string
  status: ReportStatus | string
  sections: Sections
  classification: string
  submitted_at: string | null
  reviewed_at: string | null
  review_note: string | null
  consolidated_into: number | null
  timeliness?: Timeliness | string
  created_at: string
  updated_at: string
  version: number
  attachments?: Attachment[]
}

export interface RecapItem {
  region_code: string
  region_name: string
  report_id?: number | null
  status?: string | null
  submitted_at?: string | null
  due_at: string
  timeliness: Timeliness | string
}
export interface RecapResponse {
  report_type: string
  period: string
  items: RecapItem[]
  summary?: Record<string, number>
}

export interface Category { code: string; parent_code?: string | null; name: LocalizedText }

export type EventStatus = 'REPORTED' | 'VERIFIED' | 'ESCALATED' | 'HANDLED' | 'CLOSED' | 'REJECTED'
export const EVENT_STATUSES: EventStatus[] = ['REPORTED', 'VERIFIED', 'ESCALATED', 'HANDLED', 'CLOSED', 'REJECTED']
export type EventAction = 'VERIFY' | 'ESCALATE' | 'HANDLE' | 'CLOSE' | 'REJECT'
export const ESCALATION_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const
export const EVENT_SOURCES = ['FIELD', 'MEDIA', 'AGENCY', 'PUBLIC_REPORT'] as const
export const ACTOR_TYPES = ['PARTY', 'CANDIDATE', 'ORMAS', 'ASN', 'PUBLIC', 'MEDIA', 'OTHER'] as const
export interface Actor { type: (typeof ACTOR_TYPES)[number] | string; name: string }

export interface PoliticalEvent {
  id: number
  region_code: string
  region_name: string
  location_text: string
  lat: number | null
  lng: number | null
  occurred_at: string
  reported_at: string
  category_code: string
  title: string
  description: string
  actors: Actor[]
  escalation_level: string
  source: string
  source_ref: string
  handling: string
  status: EventStatus | string
  status_note: string
  classification: string
  reported_by: number
  org_unit_id: number
  version: number
}

export interface Notification {
  id: number
  title: LocalizedText
  link: string
  read: boolean
  created_at: string
  entity?: string
  entity_id?: string
}

export interface Holiday { date: string; kind: 'LIBUR_NASIONAL' | 'CUTI_BERSAMA' | string; name: LocalizedText; legal_basis: string }

// ---------- regions ----------

/** "63.71.01" -> "63.71", "63.71" -> "63", "63" -> "" (national). */
export function parentRegion(code: string): string {
  const i = code.lastIndexOf('.')
  return i < 0 ? '' : code.slice(0, i)
}
export function regionLevel(code: string): number {
  return code ? code.split('.').length : 0
}
/** Whether a scope (region code, "" = national) covers a region. */
export function covers(scope: string, code: string): boolean {
  return !scope || code === scope || code.startsWith(scope + '.')
}

// ---------- periods ----------


/** The period of a type containing a date: "2026-Q4", "2026-11", "2026-S2", "2026". */
export function periodOf(type: string, d: Date): string {
  const y = d.getFullYear()
  const m = d.getMonth() + 1
  switch (type) {
    case 'MONTHLY': return `${y}-${String(m).padStart(2, '0')}`
    case 'SEMESTER': return `${y}-S${m <= 6 ? 1 : 2}`
    case 'ANNUAL': return `${y}`
    default: return `${y}-Q${Math.floor((m - 1) / 3) + 1}`
  }
}

/** The period before a period code of the same type. */
export function previousPeriod(code: string): string {
  let m: RegExpMatchArray | null
  if ((m = code.match(/^(\d{4})-Q([1-4])$/))) {
    const y = Number(m[1]); const q = Number(m[2])
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`
  }
  if ((m = code.match(/^(\d{4})-S([12])$/))) return m[2] === '1' ? `${Number(m[1]) - 1}-S2` : `${m[1]}-S1`
  if ((m = code.match(/^(\d{4})-(\d{2})$/))) {
    const y = Number(m[1]); const mo = Number(m[2])
    return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`
  }
  if ((m = code.match(/^(\d{4})$/))) return String(Number(m[1]) - 1)
  return code
}

/** The current period and the `count - 1` before it, newest first. */
export function recentPeriods(type: string, now: Date, count = 6): string[] {
  const out = [periodOf(type, now)]
  while (out.length < count) out.push(previousPeriod(out[out.length - 1]))
  return out
}

/** "Triwulan IV 2026" / "Quarter 4 2026" (the server sends the same as period_label). */
export function periodLabel(code: string, locale: 'id' | 'en' = 'id'): string {
  return formatPeriod(code, locale)
}

// ---------- who may do what ----------

function has(me: Me | null | undefined, perm: string): boolean {
  return !!me && Array.isArray(me.permissions) && me.permissions.includes(perm)
}

/** The office that owns the report may edit and submit it while it is a draft or returned. */
export function isOwner(r: Pick<PeriodicReport, 'region_code'>, me: Me | null | undefined): boolean {
  return !!me && me.scope.region_code === r.region_code && has(me, 'record.write')
}
export function canEdit(r: Pick<PeriodicReport, 'region_code' | 'status'>, me: Me | null | undefined): boolean {
  return isOwner(r, me) && (r.status === 'DRAFT' || r.status === 'RETURNED')
}
/** The tier directly above the report's region reviews it (province for kab/kota, ministry for province). */
export function isReviewer(r: Pick<PeriodicReport, 'region_code'>, me: Me | null | undefined): boolean {
  return !!me && !!r.region_code && me.scope.region_code === parentRegion(r.region_code) && has(me, 'record.review')
}
export function reportActions(r: Pick<PeriodicReport, 'region_code' | 'status'>, me: Me | null | undefined): ReportAction[] {
  const out: ReportAction[] = []
  if (canEdit(r, me)) out.push('SUBMIT')
  if (isReviewer(r, me)) {
    if (r.status === 'SUBMITTED') out.push('ACCEPT', 'RETURN')
    if (r.status === 'ACCEPTED') out.push('CONSOLIDATE')
    if (r.status === 'ACCEPTED' || r.status === 'CONSOLIDATED') out.push('ARCHIVE')
  }
  return out
}
/** Report types this user's office submits (its tier), if it may write. */
export function creatableTypes(types: ReportType[], me: Me | null | undefined): ReportType[] {
  if (!me || !has(me, 'record.write') || !me.scope.region_code) return []
  return types.filter((t) => t.submitter_level === me.scope.level)
}

/** Lifecycle of a fast report: which actions are possible from a status (DOMAIN.md §1.6). */
export function eventActions(status: string): EventAction[] {
  switch (status) {
    case 'REPORTED': return ['VERIFY', 'REJECT']
    case 'VERIFIED': return ['ESCALATE', 'HANDLE', 'REJECT']
    case 'ESCALATED': return ['HANDLE']
    case 'HANDLED': return ['CLOSE']
    default: return []
  }
}
export const EVENT_ACTIONS_NEEDING_NOTE: EventAction[] = ['HANDLE', 'REJECT']
export function canActOnEvent(e: Pick<PoliticalEvent, 'region_code'>, me: Me | null | undefined): boolean {
  return !!me && has(me, 'record.review') && covers(me.scope.region_code, e.region_code)
}

// ---------- recap ----------

export interface RecapSummary {
  regions: number
  on_time: number
  late: number
  missing: number
  not_yet_due: number
  pending: number
  /** Reported at all (on time or late). */
  reported: number
  /** Whole percentages of all regions; 0 when there are none. */
  pct: { reported: number; on_time: number; late: number; missing: number }
}

export function recapSummary(items: Pick<RecapItem, 'timeliness'>[]): RecapSummary {
  const s = { regions: items.length, on_time: 0, late: 0, missing: 0, not_yet_due: 0, pending: 0 }
  for (const it of items) {
    switch (it.timeliness) {
      case 'ON_TIME': s.on_time++; break
      case 'LATE': s.late++; break
      case 'MISSING': s.missing++; break
      case 'NOT_YET_DUE': s.not_yet_due++; break
      default: s.pending++
    }
  }
  const pct = (n: number) => (s.regions ? Math.round((n * 100) / s.regions) : 0)
  const reported = s.on_time + s.late
  return { ...s, reported, pct: { reported: pct(reported), on_time: pct(s.on_time), late: pct(s.late), missing: pct(s.missing) } }
}

export interface RecapFilter { timeliness?: string; status?: string; province?: string; q?: string }
export function filterRecap(items: RecapItem[], f: RecapFilter): RecapItem[] {
  const q = (f.q || '').trim().toLowerCase()
  return items.filter((it) =>
    (!f.timeliness || it.timeliness === f.timeliness) &&
    (!f.status || (f.status === 'NONE' ? !it.status : it.status === f.status)) &&
    (!f.province || it.region_code === f.province || it.region_code.startsWith(f.province + '.')) &&
    (!q || it.region_name.toLowerCase().includes(q) || it.region_code.startsWith(q)))
}

// ---------- forms ----------

/**
 * Where a server field error belongs on the report editor: "sections.potential_threats" ->
 * "potential_threats"; other fields keep their name.
 */
export function sectionErrors(fieldErrors: Record<string, string>): Partial<Record<SectionKey, string>> & Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(fieldErrors)) {
    const key = k.startsWith('sections.') ? k.slice('sections.'.length) : k
    if (!out[key]) out[key] = v
  }
  return out
}

/** Sections that changed between what the server has and what is on screen. */
export function changedSections(saved: Partial<Sections>, current: Partial<Sections>): Partial<Sections> {
  const out: Partial<Sections> = {}
  for (const k of SECTION_KEYS) if ((current[k] ?? '') !== (saved[k] ?? '')) out[k] = current[k] ?? ''
  return out
}
export function emptySections(s: Partial<Sections>): SectionKey[] {
  return SECTION_KEYS.filter((k) => !(s[k] || '').trim())
}

export interface EventForm {
  title: string
  category_code: string
  escalation_level: string
  occurred_local: string // value of <input type="datetime-local">, the browser's time
  region_code: string
  location_text: string
  description: string
  source: string
  source_ref: string
  classification: string
  actors: Actor[]
  lat: string
  lng: string
}

export function emptyEventForm(now: Date, region = ''): EventForm {
  return {
    title: '', category_code: '', escalation_level: '', occurred_local: toLocalInput(now), region_code: region,
    location_text: '', description: '', source: 'FIELD', source_ref: '', classification: 'BIASA', actors: [], lat: '', lng: '',
  }
}

/** A Date as the value of <input type="datetime-local"> in the browser's zone ("2026-11-23T14:05"). */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}
/** The datetime-local value (browser's zone) as ISO UTC, or '' when it is not a time. */
export function localInputToIso(v: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return ''
  const d = new Date(v)
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export type FieldCheck = 'required' | 'future' | 'invalid' | 'lat_range' | 'lng_range' | 'pair'

/**
 * Checks the browser can make before sending a fast report, keyed by the server's field names
 * so the same places show the browser's and the server's messages.
 */
export function validateEvent(f: EventForm, now: Date): Record<string, FieldCheck> {
  const e: Record<string, FieldCheck> = {}
  if (!f.title.trim()) e.title = 'required'
  if (!f.category_code) e.category_code = 'required'
  if (!f.escalation_level) e.escalation_level = 'required'
  if (!f.source) e.source = 'required'
  if (!f.region_code) e.region_code = 'required'
  if (!f.occurred_local) e.occurred_at = 'required'
  else {
    const iso = localInputToIso(f.occurred_local)
    if (!iso) e.occurred_at = 'invalid'
    else if (new Date(iso).getTime() > now.getTime() + 10 * 60 * 1000) e.occurred_at = 'future'
  }
  const lat = f.lat.trim()
  const lng = f.lng.trim()
  if (lat || lng) {
    if (!lat || !lng) e[lat ? 'lng' : 'lat'] = 'pair'
    if (lat) {
      const v = Number(lat.replace(',', '.'))
      if (!Number.isFinite(v)) e.lat = 'invalid'
      else if (v < -11.5 || v > 6.5) e.lat = 'lat_range'
    }
    if (lng) {
      const v = Number(lng.replace(',', '.'))
      if (!Number.isFinite(v)) e.lng = 'invalid'
      else if (v < 94.5 || v > 141.5) e.lng = 'lng_range'
    }
  }
  f.actors.forEach((a, i) => {
    if (!a.name.trim() && a.type) e[`actors.${i}`] = 'required'
  })
  return e
}

/** The request body of POST /api/v1/monitoring/events. */
export function eventBody(f: EventForm): Record<string, unknown> {
  const body: Record<string, unknown> = {
    region_code: f.region_code,
    occurred_at: localInputToIso(f.occurred_local),
    category_code: f.category_code,
    title: f.title.trim(),
    description: f.description.trim(),
    location_text: f.location_text.trim(),
    actors: f.actors.filter((a) => a.name.trim()).map((a) => ({ type: a.type || 'OTHER', name: a.name.trim() })),
    escalation_level: f.escalation_level,
    source: f.source,
    source_ref: f.source_ref.trim(),
    classification: f.classification,
  }
  if (f.lat.trim() && f.lng.trim()) {
    body.lat = Number(f.lat.replace(',', '.'))
    body.lng = Number(f.lng.replace(',', '.'))
  }
  return body
}

// ---------- badges ----------

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'
export const TIMELINESS_TONE: Record<string, Tone> = {
  ON_TIME: 'success', LATE: 'warning', MISSING: 'danger', NOT_YET_DUE: 'neutral', PENDING: 'info',
}
export const ESCALATION_TONE: Record<string, Tone> = { LOW: 'neutral', MEDIUM: 'info', HIGH: 'warning', CRITICAL: 'danger' }

/** Category label "Situasi politik daerah › Unjuk rasa" from the flat list. */
export function categoryPath(code: string, cats: Category[], pick: (t: LocalizedText) => string): string {
  const byCode = new Map(cats.map((c) => [c.code, c]))
  const parts: string[] = []
  let c = byCode.get(code)
  let guard = 0
  while (c && guard++ < 6) {
    parts.unshift(pick(c.name))
    c = c.parent_code ? byCode.get(c.parent_code) : undefined
  }
  return parts.length ? parts.join(' › ') : code
}
