// Party aid (banpol): the JSON shapes of /api/v1/party-aid and the rules the screens show
// before the server is asked: the 60% political-education check of the usage plan, the order
// of the workflow actions the server allows (allowed_actions), what it lets the user change
// (allowed_edits), and the download links.
import type { LocalizedText } from '../../i18n'
import type { Me } from '../../types'

export const API = '/api/v1/party-aid'

export interface VoteValue {
  id: number
  region_code: string
  region_name: string
  chamber: string
  fiscal_year: number
  value_per_vote: string
  value_per_vote_sen: number
  basis: string
  approval_letter_no: string
  legal_basis: string
  rounding: string
  election_year: number
  inauguration_date: string | null
  previous_election_year: number | null
  note: string
  version: number
}

export interface ResultRow {
  election_year: number
  chamber: string
  region_code: string
  party_number: number
  abbreviation: string
  party_name: string
  valid_votes: number | null
  seats: number
  source: string
}

export interface ImportReport {
  applied: boolean
  rows: number
  refused: number
  regions: number
  report: { line: number; region_code: string; party: string; status: string; errors: { field: string; code: string; message: LocalizedText }[] }[]
}

export interface Board {
  id: number
  region_code: string
  region_name: string
  party_abbreviation: string
  decree_no: string
  decree_date: string
  chair: string
  secretary: string
  treasurer: string
  npwp: string
  bank_account: { bank: string; number: string; holder: string }
  office_address: string
  valid_from: string
  valid_to: string | null
  status: string
  status_note: string
  aid_on_hold: boolean
  version: number
}

export interface AllocationLine {
  party_number: number
  abbreviation: string
  party_name: string
  stage: string
  votes: number | null
  seats: number
  value_per_vote: string
  months: number
  amount_rupiah: number | null
  rounding: string | null
  board: { id: number; status: string } | null
}

export interface Allocation {
  region_code: string
  region_name: string
  chamber: string
  fiscal_year: number
  value_source: string
  value_per_vote: string
  value_per_vote_sen: number
  basis: string
  legal_basis: string
  approval_letter_no: string
  rounding_mode: string
  election_year: number | null
  previous_election_year: number | null
  inauguration_date: string | null
  months_old: number
  months_new: number
  lines: AllocationLine[]
  total_rupiah: number
  total_formatted: string
  total_terbilang: string
  lines_missing_votes: number
  problems: string[]
}

export interface SummaryItem {
  region_code: string
  region_name: string
  chamber: string
  value_per_vote: string
  value_source: string
  parties: number
  total_rupiah: number
  lines_missing_votes: number
  problems: string[]
}

export interface AppDocument {
  code: string
  name: LocalizedText
  required: boolean
  waived: boolean
  file_id: number | null
  verdict: string
  note: string
  verdict_at: string | null
}

export interface UsageLine { category: string; activity: string; amount: number }

export interface Application {
  id: number
  region_code: string
  region_name: string
  fiscal_year: number
  board_id: number
  party_abbreviation: string
  letter_no: string
  letter_date: string
  received_at: string
  first_year: boolean
  first_year_claimed?: boolean
  first_year_evidence_year?: number | null
  first_year_override?: { reason: string; decided_by: number | null; decided_at: string } | null
  status: string
  held_from: string | null
  status_note: string
  ba_verification_no: string
  decree_no: string
  allocation_amount: number | null
  determined_amount: number | null
  sp2d_no: string
  sp2d_date: string | null
  disbursed_amount: number | null
  documents: AppDocument[]
  missing_documents: string[]
  usage_plan: {
    lines: UsageLine[]
    min_political_education_percent: number
    total?: number
    political_education?: number
    operational?: number
    political_education_share_bp?: number
    meets_minimum?: boolean
    matches_allocation?: boolean
  }
  verification_team?: VerificationTeam
  eligibility: { outcome: string; reasons: { code: string; message: LocalizedText }[] }
  /** The actions the signed-in user may take now, as the server decides (state and permission). */
  allowed_actions?: string[]
  /** What the signed-in user may change now, as the server decides: DOCUMENTS, TEAM, VERDICTS. */
  allowed_edits?: string[]
  version: number
}

export interface TeamMember { name: string; nip: string; job_title: string; role: string }
export interface VerificationTeam { decree_no: string; meeting_date: string | null; members: TeamMember[] }
export const TEAM_ROLES = ['KETUA', 'SEKRETARIS', 'ANGGOTA'] as const

/** The verification report exists (as a draft while scheduled) once the team is recorded. */
export function verificationReportReady(a: { status: string; verification_team?: VerificationTeam }): boolean {
  return ['VERIFICATION_SCHEDULED', 'VERIFIED', 'DETERMINED', 'DISBURSEMENT_REQUESTED', 'DISBURSED', 'REJECTED'].includes(a.status) &&
    !!a.verification_team && a.verification_team.members.length > 0
}

export interface Lpj {
  id: number
  region_code: string
  region_name: string
  fiscal_year: number
  party_abbreviation: string
  submitted_to_bpk: string | null
  audited: string | null
  bpk_lhp_no: string
  lhp_received: string | null
  submitted_to_government: string | null
  findings_count: number
  note: string
  stage: string
  due: { to_bpk: string | null; audit: string | null; lhp_to_party: string | null; to_government: string | null }
  late: { to_bpk: boolean; audit: boolean; lhp_to_party: boolean; to_government: boolean }
  sanction_active: boolean
  version: number
}

export interface Position {
  party_abbreviation: string
  party_name: string
  seats: number
  allocation_amount: number | null
  board_status: string | null
  application_id: number | null
  application_status: string | null
  determined_amount: number | null
  disbursed_amount: number | null
  previous_lpj_stage: string | null
  sanction_active: boolean
  eligibility: { outcome: string; reasons: { code: string; message: LocalizedText }[] }
}

export const VALUE_BASES = ['DEFAULT_PP_1_2018', 'GRANDFATHERED', 'APPROVED_INCREASE', 'LEGACY_FORMULA'] as const
export const ROUNDINGS = ['ROUND_HALF_UP', 'FLOOR'] as const
export const USAGE_CATEGORIES = ['POLITICAL_EDUCATION', 'OPERATIONAL'] as const

// ---- the usage plan (rencana penggunaan) -----------------------------------------------------

export interface UsageDraftLine { category: string; activity: string; amount: string }

export interface UsageCheck {
  total: number
  politicalEducation: number
  operational: number
  /** political education / total in basis points (10000 = 100%), rounded down like the server */
  shareBp: number
  meetsMinimum: boolean
  /** how much more political education the plan needs (0 when it meets the minimum) */
  shortBy: number
  /** indexes of lines whose amount is not a whole number above zero */
  badAmounts: number[]
  empty: boolean
}

/** A typed amount ("1.250.000", "1250000", "Rp 1.250.000") as whole Rupiah, or null. */
export function parseRupiah(s: string | number | null | undefined): number | null {
  if (typeof s === 'number') return Number.isSafeInteger(s) ? s : null
  const digits = String(s ?? '').replace(/^\s*Rp\.?\s*/i, '').replace(/[.\s]/g, '')
  if (!/^\d+$/.test(digits)) return null
  const n = Number(digits)
  return Number.isSafeInteger(n) ? n : null
}

/**
 * The same check as the server's check_usage_plan: at least `minPercent` of the total for
 * political education (integer arithmetic: pe * 100 >= min * total).
 */
export function checkUsage(lines: UsageDraftLine[], minPercent: number): UsageCheck {
  let pe = 0
  let op = 0
  const bad: number[] = []
  lines.forEach((l, i) => {
    const n = parseRupiah(l.amount)
    if (n === null || n <= 0) {
      bad.push(i)
      return
    }
    if (l.category === 'POLITICAL_EDUCATION') pe += n
    else op += n
  })
  const total = pe + op
  const meets = total > 0 && pe * 100 >= minPercent * total
  // smallest x with (pe + x) * 100 >= min * (total + x), x >= 0 (only political education added)
  let shortBy = 0
  if (!meets && total > 0 && minPercent < 100) shortBy = Math.ceil((minPercent * total - pe * 100) / (100 - minPercent))
  return {
    total,
    politicalEducation: pe,
    operational: op,
    shareBp: total > 0 ? Math.floor((pe * 10000) / total) : 0,
    meetsMinimum: meets,
    shortBy,
    badAmounts: bad,
    empty: lines.length === 0 || total === 0,
  }
}

/** "62,5%" from basis points. */
export function percentLabel(bp: number): string {
  const whole = Math.floor(bp / 100)
  const frac = bp % 100
  if (frac === 0) return `${whole}%`
  const f = String(frac).padStart(2, '0').replace(/0$/, '')
  return `${whole},${f}%`
}

export function toDraft(lines: UsageLine[]): UsageDraftLine[] {
  return lines.map((l) => ({ category: l.category, activity: l.activity, amount: String(l.amount) }))
}

export function fromDraft(lines: UsageDraftLine[]): UsageLine[] {
  return lines.map((l) => ({ category: l.category, activity: l.activity.trim(), amount: parseRupiah(l.amount) ?? 0 }))
}

// ---- workflow ---------------------------------------------------------------------------------

export type AppAction =
  | 'START_CHECK' | 'RETURN' | 'RESUBMIT' | 'SCHEDULE_VERIFICATION' | 'VERIFY' | 'REJECT'
  | 'DETERMINE' | 'REQUEST_DISBURSEMENT' | 'DISBURSE' | 'HOLD' | 'RELEASE'

/** Actions that need a reason in `note`. */
export const NEEDS_NOTE: AppAction[] = ['RETURN', 'REJECT', 'HOLD']
/** Actions that stop or turn back the application (shown as danger buttons). */
export const NEGATIVE: AppAction[] = ['RETURN', 'REJECT', 'HOLD']

/** The order of the action buttons: forward steps first, then those that stop or turn back. */
const ORDER: AppAction[] = [
  'START_CHECK', 'RESUBMIT', 'SCHEDULE_VERIFICATION', 'VERIFY', 'DETERMINE', 'REQUEST_DISBURSEMENT', 'DISBURSE',
  'RELEASE', 'RETURN', 'REJECT', 'HOLD',
]

/** True when the user's area covers the region (a prefix of the Kemendagri code). */
export function covers(me: Me | null, region: string): boolean {
  if (!me) return false
  const own = me.scope?.region_code || ''
  return own === '' || region === own || region.startsWith(own + '.')
}

/** The actions the server allows the user now (allowed_actions), in the order the screen shows them. */
export function offeredActions(a: { allowed_actions?: string[] } | null): AppAction[] {
  const allowed = new Set(a?.allowed_actions ?? [])
  return ORDER.filter((x) => allowed.has(x))
}

export type AppEdit = 'DOCUMENTS' | 'TEAM' | 'VERDICTS'
/** Whether the server lets the user make this change now (allowed_edits). */
export function mayEdit(a: { allowed_edits?: string[] } | null, what: AppEdit): boolean {
  return !!a?.allowed_edits?.includes(what)
}

/** What else an action sends besides `action` and `note`. */
export function actionFields(a: AppAction): string[] {
  if (a === 'VERIFY') return ['ba_verification_no']
  if (a === 'DETERMINE') return ['decree_no']
  if (a === 'DISBURSE') return ['sp2d_no', 'sp2d_date']
  return []
}

export const STATUS_TONE: Record<string, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  APPLICATION_RECEIVED: 'info',
  ADMIN_CHECK: 'info',
  RETURNED_INCOMPLETE: 'warning',
  VERIFICATION_SCHEDULED: 'info',
  VERIFIED: 'success',
  REJECTED: 'danger',
  DETERMINED: 'success',
  DISBURSEMENT_REQUESTED: 'info',
  DISBURSED: 'success',
  ON_HOLD_BOARD_DISPUTE: 'warning',
  RECOGNISED: 'success',
  DISPUTED: 'danger',
  SUPERSEDED: 'neutral',
  ELIGIBLE: 'success',
  ON_HOLD: 'warning',
  REFUSED: 'danger',
  ACCEPTED: 'success',
  PENDING: 'neutral',
  IN_USE: 'neutral',
  SUBMITTED_TO_BPK: 'info',
  AUDITED_BY_BPK: 'success',
  LHP_RECEIVED: 'success',
  SUBMITTED_TO_GOVERNMENT: 'success',
}

// ---- downloads --------------------------------------------------------------------------------

export function allocationXlsxUrl(region: string, year: number): string {
  return `${API}/allocations.xlsx?region=${encodeURIComponent(region)}&year=${year}`
}
export function keputusanPdfUrl(region: string, year: number): string {
  return `${API}/allocations/keputusan.pdf?year=${year}&region=${encodeURIComponent(region)}`
}
export function evaluationXlsxUrl(year: number, region: string): string {
  return `${API}/evaluation.xlsx?year=${year}&region=${encodeURIComponent(region)}`
}
export function applicationPdfUrl(id: number, kind: 'verifikasi' | 'serah-terima'): string {
  return `${API}/applications/${id}/berita-acara-${kind}.pdf`
}

/** The fiscal year from a query value, else the current one. */
export function yearFrom(v: unknown, now = new Date()): number {
  const n = Number(Array.isArray(v) ? v[0] : v)
  return Number.isInteger(n) && n >= 1999 && n <= 2100 ? n : now.getFullYear()
}

/** The latest general election (every five years since 2024's) in or before the given year. */
export function latestElection(now = new Date()): number {
  const y = now.getFullYear()
  return 2024 + 5 * Math.floor((y - 2024) / 5)
}

/** A value per vote as the server writes it ("1200", "1200.50") the Indonesian way: "Rp 1.200,50". */
export function formatValue(v: string | null | undefined): string {
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(v ?? ''))
  if (!m) return v ? `Rp ${v}` : '—'
  const whole = m[1].replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `Rp ${whole}${m[2] ? ',' + m[2].padEnd(2, '0') : ''}`
}
