// Types of the meetings API and the signature strokes shared by the views.
export type Strokes = number[][][]

export interface Participant {
  id: number
  name: string
  position: string
  institution: string
  participant_type: string
  phone: string
  represented_by: string
  required_signatory: boolean
  user_id: number | null
  invited: boolean
  present: boolean
  /** Present without an invitation ("hadir tanpa undangan"). */
  walk_in: boolean
  checked_in_at: string | null
  checkin_method: string | null
  signature_state: 'NOT_REQUIRED' | 'PENDING' | 'SIGNED' | 'VOIDED'
  attendance_signature: Strokes | null
}

export interface ActionItem {
  id: number
  meeting_id: number | null
  meeting_title: string
  action: string
  output: string
  owner_org_unit_id: number | null
  owner_org_unit_name: string
  owner_person: string
  indicator: string
  support_units: string
  start_date: string | null
  due_date: string
  budget_source: string
  budget_amount: number
  agreement_id: number | null
  region_code: string
  status: string
  effective_status: string
  progress_pct: number
  version: number
  links: Link[]
  follow_ups: FollowUp[]
}

export interface Link { kind: string; id: number }

export interface FollowUp {
  id: number
  date: string
  action_taken: string
  outcome: string
  next_step: string
  status: 'REPORTED' | 'VERIFIED' | 'REJECTED'
  progress_pct: number
  reported_by: string
  verified_at: string | null
  verified_by: string | null
  evidence_file_ids: number[]
}

export interface Agreement {
  id: number
  number: number
  text: string
  category: string
  addressees: string
  target_date: string | null
  status: string
  effective_status: string
  version: number
  links: Link[]
}

export interface Minutes {
  opening_summary: string
  discussion: { speaker: string; summary: string }[]
  questions: { question: string; answer: string }[]
  conclusions: string[]
  approved_at: string | null
  approved_by: string | null
  version: number
}

export interface Meeting {
  id: number
  type: string
  title: string
  theme: string
  region_name: string
  organiser_name: string
  chair_name: string
  chair_position: string
  secretary_name: string
  legal_basis: string
  series: string
  mode: string
  online_link: string
  agenda: string
  budget_source: string
  region_code: string
  start_at: string
  end_at: string
  venue: string
  status: string
  version: number
  minutes: Minutes | null
  berita_acara_final: boolean
  signatures_voided_at: string | null
  checkin: { open: boolean; token: string | null }
  participants: Participant[]
  agreements: Agreement[]
  action_items: ActionItem[]
  carried_over: ActionItem[]
  speakers: Speaker[]
  photos: Photo[]
}

export interface MeetingFile { id: number; name: string; mime: string; size: number }

export interface Speaker {
  id: number
  name: string
  position: string
  topic: string
  sort_order: number
  version: number
  materials: MeetingFile[]
}

export interface Photo { id: number; caption: string; created_at: string; file: MeetingFile }

export interface MeetingRow {
  id: number
  type: string
  title: string
  region_name: string
  start_at: string
  venue: string
  status: string
  agreements: number
  present: number
}

export function badgeOf(status: string): string {
  if (status === 'OVERDUE' || status === 'NOT_REALISED' || status === 'VOIDED') return 'badge badge-danger'
  if (status === 'DONE' || status === 'REALISED' || status === 'CLOSED' || status === 'SIGNED') return 'badge badge-success'
  if (status === 'IN_PROGRESS' || status === 'HELD' || status === 'MINUTED' || status === 'PENDING') return 'badge badge-warning'
  return 'badge badge-neutral'
}

// ---- what the forms offer (the server's lists, model.h) ----
export const MEETING_TYPES = ['RAKOR', 'RAPAT_TEKNIS', 'FORUM', 'DISKUSI_PUBLIK', 'FGD', 'PERTEMUAN_LINTAS_PARPOL', 'SOSIALISASI', 'BIMTEK', 'RAPAT_TIM']
export const MODES = ['OFFLINE', 'ONLINE', 'HYBRID']
export const PARTICIPANT_TYPES = ['GOV', 'PARTY', 'ORMAS', 'ELECTION_BODY', 'SECURITY', 'ACADEMIC', 'MEDIA', 'PUBLIC']
export const AGREEMENT_CATEGORIES = ['BUDGET', 'FACILITY', 'PROGRAM', 'COORDINATION', 'REPORTING', 'NEXT_MEETING', 'POLICY']
export const AGREEMENT_STATUSES = ['AGREED', 'IN_PROGRESS', 'REALISED', 'NOT_REALISED', 'DROPPED']
export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED']
export const LINK_KINDS = ['monitoring_report', 'fast_report', 'incident', 'hotspot', 'alert', 'banpol_application']

/** The next step of a meeting's life (the button the organiser sees), or null at the end. */
export function nextAction(status: string): string | null {
  return ({ PLANNED: 'INVITE', INVITED: 'HOLD', HELD: 'MINUTE', MINUTED: 'CLOSE' } as Record<string, string>)[status] ?? null
}

/** Records of a closed or cancelled meeting can no longer change. */
export function editable(status: string): boolean {
  return status !== 'CLOSED' && status !== 'CANCELLED'
}

const pad = (n: number) => String(n).padStart(2, '0')

/** An instant as the value of <input type="datetime-local"> in the browser's time zone. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The value of a datetime-local input as an ISO 8601 instant ('' when empty or invalid). */
export function fromLocalInput(local: string): string {
  if (!local) return ''
  const d = new Date(local)
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export interface MeetingForm {
  type: string; title: string; theme: string; legal_basis: string; series: string
  chair_name: string; chair_position: string; secretary_name: string
  start_local: string; end_local: string; mode: string; venue: string; online_link: string
  agenda: string; budget_source: string
}

export function emptyMeetingForm(): MeetingForm {
  return { type: 'RAKOR', title: '', theme: '', legal_basis: '', series: '', chair_name: '', chair_position: '', secretary_name: '',
    start_local: '', end_local: '', mode: 'OFFLINE', venue: '', online_link: '', agenda: '', budget_source: '' }
}

export function meetingForm(m: Meeting): MeetingForm {
  return { type: m.type, title: m.title, theme: m.theme, legal_basis: m.legal_basis, series: m.series, chair_name: m.chair_name,
    chair_position: m.chair_position, secretary_name: m.secretary_name, start_local: toLocalInput(m.start_at),
    end_local: toLocalInput(m.end_at), mode: m.mode, venue: m.venue, online_link: m.online_link, agenda: m.agenda,
    budget_source: m.budget_source }
}

/** The body of POST/PATCH /api/v1/meetings: texts trimmed, times as ISO instants. */
export function meetingPayload(f: MeetingForm): Record<string, string> {
  const { start_local, end_local, ...rest } = f
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(rest)) out[k] = v.trim()
  out.start_at = fromLocalInput(start_local)
  out.end_at = fromLocalInput(end_local)
  return out
}

/** Only what changed since `saved` (PATCH body), or null when nothing did. */
export function changedFields(now: Record<string, string>, saved: Record<string, string>): Record<string, string> | null {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(now)) if (v !== saved[k]) out[k] = v
  return Object.keys(out).length ? out : null
}

export interface MinutesForm {
  opening_summary: string
  discussion: { speaker: string; summary: string }[]
  questions: { question: string; answer: string }[]
  conclusions: string[]
}

/** The minutes as sent: rows left empty are dropped, texts trimmed. */
export function minutesPayload(f: MinutesForm): MinutesForm {
  return {
    opening_summary: f.opening_summary.trim(),
    discussion: f.discussion.map((d) => ({ speaker: d.speaker.trim(), summary: d.summary.trim() })).filter((d) => d.speaker || d.summary),
    questions: f.questions.map((q) => ({ question: q.question.trim(), answer: q.answer.trim() })).filter((q) => q.question || q.answer),
    conclusions: f.conclusions.map((c) => c.trim()).filter(Boolean),
  }
}

/** A link typed by the user ("incident" and "12") as the API takes it, or none. */
export function linkPayload(kind: string, id: string): Link[] {
  const n = Number(String(id).trim())
  return kind && Number.isInteger(n) && n > 0 ? [{ kind, id: n }] : []
}

/** The share of an office's action items that are done, in whole percent. */
export function realisedPct(done: number, total: number): number {
  return total > 0 ? Math.round((done * 100) / total) : 0
}
