// Types and small helpers of the public service desk (portal and staff screens).
import { api } from '../../api'
import { t } from '../../i18n'

export const PUB = '/api/v1/public/layanan'
export const STAFF = '/api/v1/services'
export type Kind = 'RESEARCH_PERMIT' | 'INFO_REQUEST' | 'INFO_OBJECTION' | 'COMPLAINT'
export const KINDS: Kind[] = ['RESEARCH_PERMIT', 'INFO_REQUEST', 'INFO_OBJECTION', 'COMPLAINT']

export interface Clock {
  limit_working_days: number
  due_date: string
  used_working_days: number
  left_working_days: number
  paused: boolean
  finished: boolean
  breached: boolean
}

export interface Office { region_code: string; office: string; region_name: string }
export interface PublicService {
  kind: Kind
  name: { id: string; en: string }
  promised_working_days: number
  acknowledge_working_days: number
  standard: null | { effective_from: string; maklumat: string; components: { key: string; label: { id: string; en: string }; text: string }[] }
  real_times: null | { median_working_days: number; p90_working_days: number; on_time_percent: number }
  satisfaction: null | { index: number; band: string; band_label: { id: string; en: string } }
}
export interface OfficePage {
  region_code: string
  office: string
  region_name: string
  areas: { code: string; name: string }[]
  services: PublicService[]
  information_list: { class: string; title: string; summary: string; responsible: string; form: string; retention: string; exemption_basis: string }[]
}
export interface Tracked {
  reg_no: string
  kind: Kind
  status: string
  received_at: string
  service: { id: string; en: string }
  office: string
  clock: Clock
  response_type: string | null
  letter_available: boolean
  letter_no: string | null
  letter_code?: string | null
  history: { at: string; status: string; note: string }[]
  documents: { type: string; verdict: string; note: string; sent: boolean }[]
  survey_open: boolean
  applicant_actions: string[]
}
export interface QueueItem {
  id: number
  reg_no: string
  kind: Kind
  status: string
  region_code: string
  service: { id: string; en: string }
  applicant_name: string
  subject: string
  channel: string
  received_at: string
  escalated_ombudsman: boolean
  read_only: boolean
  version: number
  clock: Clock
  result_due_date?: string | null
  result_overdue?: boolean
}

/** The clock as people read it: time left, late by, paused, or finished in. */
export function clockText(c: Clock): string {
  if (c.finished) return t('services.clock.finished', { n: c.used_working_days })
  if (c.paused) return t('services.clock.paused')
  if (c.left_working_days < 0) return t('services.clock.late', { n: -c.left_working_days })
  return t('services.clock.left', { n: c.left_working_days })
}

export function clockTone(c: Clock): 'danger' | 'warning' | 'info' | 'neutral' | 'success' {
  if (c.breached) return 'danger'
  if (c.finished) return 'success'
  if (c.paused) return 'neutral'
  return c.left_working_days <= 2 ? 'warning' : 'info'
}

/** Uploads one public document; answers the token the form names. */
export async function uploadPublic(file: File): Promise<string> {
  const form = new FormData()
  form.append('file', file)
  const res = await fetch(`${PUB}/files`, { method: 'POST', body: form, credentials: 'same-origin' })
  const text = await res.text()
  if (!res.ok) {
    const { ApiError, parseProblem } = await import('../../api')
    throw new ApiError(res.status, parseProblem(res.status, text, res.headers.get('Content-Type') || ''))
  }
  return JSON.parse(text).token as string
}

/** Downloads a PDF answered to a POST (the secret stays out of the address) and saves it. */
export async function downloadPost(path: string, body: unknown, filename: string): Promise<void> {
  const res = await fetch(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } })
  if (!res.ok) throw new Error(String(res.status))
  const blob = await res.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export const publicApi = {
  offices: () => api.get<{ items: Office[] }>(`${PUB}/offices`),
  office: (region: string) => api.get<OfficePage>(`${PUB}/offices/${region}`),
  forms: () => api.get<{ document_types: { code: string; label: { id: string; en: string } }[]; required_documents: Record<string, { local: string[]; foreign: string[] }>; skm_elements: { id: string; en: string }[] }>(`${PUB}/forms`),
}

// ---- staff screens: standards, Daftar Informasi Publik, disputes, counter entry -------------

export const INFO_CLASSES = ['BERKALA', 'SERTA_MERTA', 'SETIAP_SAAT', 'DIKECUALIKAN'] as const
export type InfoClass = (typeof INFO_CLASSES)[number]
export interface InfoEntry {
  id: number; region_code: string; class: InfoClass; title: string; summary: string; responsible: string; form: string
  retention: string; exemption_basis: string; version: number
}

/** What the public portal shows of an entry: an exempt one without its summary and form (as the server does). */
export function publicInfoView(e: Pick<InfoEntry, 'class' | 'title' | 'summary' | 'form' | 'exemption_basis'>) {
  const exempt = e.class === 'DIKECUALIKAN'
  return { title: e.title, summary: exempt ? '' : e.summary, form: exempt ? '' : e.form, exemption_basis: e.exemption_basis }
}

export interface CatalogueService {
  id: number; kind: Kind; name: { id: string; en: string }; sla_working_days: number; ack_working_days: number; limit_basis: string
  active: boolean; version: number; region_code: string; office: string; published_standard_version: number | null
}
export interface StandardComponentMeta { key: string; label: { id: string; en: string }; published: boolean }
export interface StandardVersion {
  id: number; version_no: number; effective_from: string; components: Record<string, string>; maklumat: string; published: boolean
  created_at: string; created_by: string
}

/** The version the portal shows: the newest published one (null: none published). */
export function versionInForce(items: StandardVersion[]): StandardVersion | null {
  return items.filter((v) => v.published).sort((a, b) => b.version_no - a.version_no)[0] ?? null
}

/** A draft can be published while no newer version is published (the server refuses the others). */
export function canPublish(v: StandardVersion, items: StandardVersion[]): boolean {
  const inForce = versionInForce(items)
  return !v.published && (!inForce || v.version_no > inForce.version_no)
}

/** The public components of a version that are still empty: they must be filled before it is published. */
export function missingPublicComponents(components: Record<string, string>, meta: StandardComponentMeta[]): string[] {
  return meta.filter((m) => m.published && !(components[m.key] ?? '').trim()).map((m) => m.key)
}

// Information disputes at the Komisi Informasi (mirrors dispute_step_allowed in rules.cpp).
export const DISPUTE_STAGES = ['REGISTERED', 'MEDIATION', 'ADJUDICATION', 'DECIDED', 'APPEALED'] as const
const DISPUTE_STEPS: Record<string, string[]> = {
  REGISTERED: ['MEDIATION', 'ADJUDICATION'],
  MEDIATION: ['ADJUDICATION', 'DECIDED'],
  ADJUDICATION: ['DECIDED'],
  DECIDED: ['APPEALED'],
  APPEALED: [],
}
export function nextDisputeStages(stage: string): string[] {
  return DISPUTE_STEPS[stage] ?? []
}

/**
 * The stages of a dispute with their dates: the registration on the day filed, each later stage
 * on the day it happened as staff entered it (`stages`). A stage recorded before those dates were
 * kept shows the day it was recorded (and says so), or the decision's date for the decision.
 */
export function disputeTimeline(
  dispute: { filed_on: string; stage: string; decided_on: string | null; stages?: { stage: string; on: string }[] },
  history: { at: string; action: string }[],
): { stage: string; on: string; recorded: boolean }[] {
  const out: { stage: string; on: string; recorded: boolean }[] = [{ stage: 'REGISTERED', on: dispute.filed_on, recorded: false }]
  const dated = new Map((dispute.stages ?? []).map((s) => [s.stage, s.on]))
  for (const h of history) {
    if (!h.action.startsWith('DISPUTE_')) continue
    const stage = h.action.slice('DISPUTE_'.length)
    const on = dated.get(stage)
    if (on) out.push({ stage, on, recorded: false })
    else if (stage === 'DECIDED' && dispute.decided_on) out.push({ stage, on: dispute.decided_on, recorded: false })
    else out.push({ stage, on: h.at, recorded: true })
  }
  return out
}

/** A dispute may be filed after the atasan PPID's decision or once the 30 working days have run out. */
export function disputeOpen(c: { kind: string; status: string; clock: Clock; dispute: unknown }): boolean {
  return c.kind === 'INFO_OBJECTION' && !c.dispute && (c.status === 'DECIDED' || c.clock.breached)
}

export const COUNTER_CHANNELS = ['COUNTER', 'PHONE', 'LAPOR', 'EMAIL'] as const

/** The body of a counter entry: the common fields and only those of the kind chosen. */
export function counterBody(kind: Kind, office: string, f: Record<string, string | boolean>, extra: { grounds?: string[]; documents?: Record<string, string> } = {}) {
  const body: Record<string, unknown> = {
    kind, office, channel: f.channel, applicant_name: f.applicant_name, applicant_contact: f.applicant_contact,
  }
  if (f.channel === 'LAPOR' || f.lapor_ref) body.lapor_ref = f.lapor_ref
  if (kind === 'COMPLAINT') Object.assign(body, { subject: f.subject, body: f.body, anonymous: !!f.anonymous })
  if (kind === 'INFO_REQUEST') Object.assign(body, { information: f.information, purpose: f.purpose, delivery_method: f.delivery_method })
  if (kind === 'INFO_OBJECTION') Object.assign(body, { request_reg_no: f.request_reg_no, case_summary: f.case_summary, grounds: extra.grounds ?? [] })
  if (kind === 'RESEARCH_PERMIT')
    Object.assign(body, {
      applicant_id_no: f.applicant_id_no, applicant_org: f.applicant_org, applicant_type: f.applicant_type, foreign: !!f.foreign,
      title: f.title, objectives: f.objectives, method: f.method, research_region: f.research_region,
      period_start: f.period_start, period_end: f.period_end, documents: { ...(extra.documents ?? {}) },
    })
  return body
}
