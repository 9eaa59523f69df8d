// Shapes of the JSON the server sends (see docs/UI.md and the API contract).
import type { LocalizedText } from './i18n'

export type RoleCode =
  | 'ADMIN_PUSAT' | 'ANALIS_PUSAT' | 'ADMIN_DAERAH' | 'KABAN' | 'KABID'
  | 'ANALIS' | 'OPERATOR' | 'TEAM_MEMBER' | 'AUDITOR_VIEW'
export const ROLE_CODES: RoleCode[] = [
  'ADMIN_PUSAT', 'ANALIS_PUSAT', 'ADMIN_DAERAH', 'KABAN', 'KABID', 'ANALIS', 'OPERATOR', 'TEAM_MEMBER', 'AUDITOR_VIEW',
]
export type Clearance = 'BIASA' | 'TERBATAS' | 'RAHASIA'
export const CLEARANCES: Clearance[] = ['BIASA', 'TERBATAS', 'RAHASIA']
export type OrgKind = 'KESBANGPOL' | 'PERANGKAT_DAERAH' | 'PARTNER'
export const ORG_KINDS: OrgKind[] = ['KESBANGPOL', 'PERANGKAT_DAERAH', 'PARTNER']

export interface Scope { region_code: string; region_name: string; level: number }

export interface Me {
  id: number
  username: string
  full_name: string
  role: RoleCode | string
  clearance: Clearance | string
  org_unit: { id: number; name: string; kind: string; region_code: string }
  scope: Scope
  permissions: string[]
}

export interface Page<T> { items: T[]; next_after?: string | null }

export interface Role { code: string; label: LocalizedText }

export interface Region {
  code: string
  name: string
  level: number
  type: string
  parent_code: string | null
  lat?: number | null
  lng?: number | null
}
export interface RegionDetail extends Region {
  ancestors: { code: string; name: string; level: number }[]
  stats?: { area_km2?: number | null; population_total?: number | null }
  children_count?: number
}

export interface OrgUnit {
  id: number
  name: string
  kind: OrgKind | string
  region_code: string
  region_name?: string
  parent_id: number | null
  /** What the letterhead prints under the office's name, and where its documents are signed. */
  address?: string
  contact?: string
  city?: string
  /** The coat of arms printed at the left of the letterhead, or null. */
  emblem?: { file_id: number; mime: string; size: number; sha256: string } | null
  /** The head of the office (a user with role KABAN), read with one unit. */
  head?: { user_id: number; name: string; nip: string; rank: string; position: string } | null
  version: number
}

export interface User {
  id: number
  username: string
  full_name: string
  email: string
  role: string
  clearance: string
  org_unit_id: number
  org_unit_name?: string
  region_code?: string
  region_name?: string
  nip?: string
  rank?: string
  position_title?: string
  disabled: boolean
  version: number
}

export interface AuditEntry {
  seq: number
  at: string
  actor: { id: number; username: string; full_name?: string } | null
  action: string
  entity: string
  entity_id: string | number
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface Dashboard {
  scope: Scope
  figures: { key: string; label: LocalizedText; value: number }[]
  map: {
    level: 'kabkota' | 'provinsi'
    province: string | null
    measure: { key: string; label: LocalizedText; unit?: string; period?: string }
    values: Record<string, number>
  }
  chart: {
    title: LocalizedText
    categories: (string | LocalizedText)[]
    series: { name: LocalizedText; data: number[] }[]
  }
  tasks: { title: LocalizedText; link: string }[]
}

export interface StoredFile { id: string | number; sha256: string; size: number; mime: string; name: string }
