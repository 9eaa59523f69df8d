// Shapes of the election-support checklist JSON (/api/v1/elections, /api/v1/support-instruments)
// and the rules the screens need: who owns or reviews an instrument, grouping, default election.
import type { LocalizedText } from '../../i18n'
import type { Me } from '../../types'
import type { Tone } from '../../components/StatusBadge.vue'

export interface Election {
  id: number
  type: 'PEMILU' | 'PILKADA' | string
  year: number
  name: string
  polling_date: string
  scope_region_code: string
  scope_region_name: string
  legal_basis: string
  version: number
}

export type InstrumentStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'NOT_APPLICABLE'
export const INSTRUMENT_STATUSES: InstrumentStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_APPLICABLE']
export type ChecklistState = 'NOT_APPLICABLE' | 'COMPLETE' | 'NEEDS_ACTION' | 'AWAITING_REVIEW' | 'NO_EVIDENCE'
export const CHECKLIST_STATES: ChecklistState[] = ['NEEDS_ACTION', 'AWAITING_REVIEW', 'NO_EVIDENCE', 'COMPLETE', 'NOT_APPLICABLE']
export type Verdict = 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'INCOMPLETE'
export const GIVEN_VERDICTS: Verdict[] = ['ACCEPTED', 'REJECTED', 'INCOMPLETE']

export interface Instrument {
  id: number
  election_id: number
  election_name: string
  region_code: string
  region_name: string
  org_unit_id: number
  org_unit_name: string
  item: { id: number; code: string; description: LocalizedText; legal_basis: string; has_amount: boolean }
  target: string
  realisation: string
  amount_rupiah: number | null
  status: InstrumentStatus
  note: string
  classification: string
  evidence_count: { total: number; accepted: number; rejected: number; incomplete: number; pending: number }
  state: ChecklistState
  complete: boolean
  needs_action: boolean
  applicable: boolean
  reviewer_region: string
  updated_at: string
  version: number
  evidence?: Evidence[]
}

export interface Evidence {
  id: number
  instrument_id: number
  file: { id: number; name: string; mime: string; size: number; sha256: string; url: string }
  description: string
  replaces_id: number | null
  superseded_by: number | null
  active: boolean
  verdict: Verdict
  verdict_note: string
  verdict_by: { id: number; username: string; full_name?: string } | null
  verdict_at: string | null
  linked_by: { id: number; username: string; full_name?: string } | null
  linked_at: string
  version: number
  instrument?: Instrument
}

export interface ReadinessMap {
  election_id: number
  level: 'provinsi' | 'kabkota'
  province: string | null
  measure: { key: string; label: LocalizedText }
  values: Record<string, number>
  details: Record<string, { applicable: number; completed: number }>
}

export const STATE_TONE: Record<ChecklistState, Tone> = {
  COMPLETE: 'success',
  NEEDS_ACTION: 'danger',
  AWAITING_REVIEW: 'info',
  NO_EVIDENCE: 'neutral',
  NOT_APPLICABLE: 'neutral',
}
export const VERDICT_TONE: Record<Verdict, Tone> = {
  PENDING: 'info',
  ACCEPTED: 'success',
  REJECTED: 'danger',
  INCOMPLETE: 'warning',
}

/** The office of the instrument's own region reports on it (Kesbangpol, or its own Perangkat Daerah). */
export function isOwner(me: Me | null, i: Pick<Instrument, 'region_code' | 'org_unit_id'>): boolean {
  if (!me || !me.permissions.includes('record.write')) return false
  if (me.scope.region_code !== i.region_code) return false
  if (me.org_unit.kind === 'KESBANGPOL') return true
  return me.org_unit.kind === 'PERANGKAT_DAERAH' && me.org_unit.id === i.org_unit_id
}

/** The tier above the instrument's region (province for a kab/kota, ministry for a province) reviews. */
export function isReviewer(me: Me | null, i: Pick<Instrument, 'region_code' | 'reviewer_region'>): boolean {
  if (!me || !me.permissions.includes('record.review') || !i.region_code) return false
  return me.scope.region_code === i.reviewer_region
}

/** A non-accepted verdict needs a note saying what to fix. */
export function verdictNoteRequired(v: Verdict | ''): boolean {
  return v === 'REJECTED' || v === 'INCOMPLETE'
}

/** The current evidence the owner must replace: rejected or found incomplete. */
export function returnedEvidence(list: Evidence[] | undefined): Evidence[] {
  return (list || []).filter((e) => e.active && (e.verdict === 'REJECTED' || e.verdict === 'INCOMPLETE'))
}

export interface RegionGroup {
  region_code: string
  region_name: string
  units: { org_unit_id: number; org_unit_name: string; rows: Instrument[] }[]
  applicable: number
  completed: number
}

/** Instruments grouped by region (code order) and Perangkat Daerah (name order). */
export function groupInstruments(rows: Instrument[]): RegionGroup[] {
  const regions = new Map<string, RegionGroup>()
  for (const r of rows) {
    let g = regions.get(r.region_code)
    if (!g) {
      g = { region_code: r.region_code, region_name: r.region_name, units: [], applicable: 0, completed: 0 }
      regions.set(r.region_code, g)
    }
    let u = g.units.find((x) => x.org_unit_id === r.org_unit_id)
    if (!u) {
      u = { org_unit_id: r.org_unit_id, org_unit_name: r.org_unit_name, rows: [] }
      g.units.push(u)
    }
    u.rows.push(r)
    if (r.applicable) {
      g.applicable++
      if (r.complete) g.completed++
    }
  }
  const out = [...regions.values()].sort((a, b) => a.region_code.localeCompare(b.region_code))
  for (const g of out) g.units.sort((a, b) => a.org_unit_name.localeCompare(b.org_unit_name, 'id'))
  return out
}

/** Readiness as the server computes it: whole percent rounded down, null when nothing applies. */
export function readinessScore(completed: number, applicable: number): number | null {
  if (applicable <= 0) return null
  return Math.floor((completed * 100) / applicable)
}

/** The election to show first: the next one to come, else the latest that was held. */
export function defaultElection(list: Election[], today: string): Election | null {
  const upcoming = list.filter((e) => e.polling_date >= today).sort((a, b) => a.polling_date.localeCompare(b.polling_date))
  if (upcoming.length) return upcoming[0]
  const past = [...list].sort((a, b) => b.polling_date.localeCompare(a.polling_date))
  return past[0] || null
}
