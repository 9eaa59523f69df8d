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
