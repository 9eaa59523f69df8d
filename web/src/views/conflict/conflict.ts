// Conflict early warning on the client: the JSON shapes of /api/v1/conflict, the fixed code lists
// (sources of UU 7/2012, info sources, stages and their allowed transitions, status scales), the
// incident form's checks and body, and the grid clustering of incident points on the map.

export type Level = 'RENDAH' | 'SEDANG' | 'TINGGI'
export const LEVELS: Level[] = ['RENDAH', 'SEDANG', 'TINGGI']
/** Map colours of the vulnerability levels (light to dark, readable with white borders). */
export const LEVEL_COLOUR: Record<Level, string> = { RENDAH: '#f3d98b', SEDANG: '#e8894a', TINGGI: '#b3261e' }
export const LEVEL_TONE: Record<Level, 'success' | 'warning' | 'danger'> = { RENDAH: 'success', SEDANG: 'warning', TINGGI: 'danger' }

export const SOURCES = ['POLEKSOSBUD', 'SARA', 'BOUNDARY', 'NATURAL_RESOURCE_DISPUTE', 'NATURAL_RESOURCE_DISTRIBUTION'] as const
export const INFO_SOURCES = ['FIELD', 'MEDIA', 'AGENCY', 'PUBLIC'] as const
export const VERIFICATIONS = ['UNVERIFIED', 'VERIFIED', 'REJECTED'] as const
export const ACTOR_TYPES = ['GROUP', 'ORMAS', 'COMPANY', 'PARTY', 'GOVERNMENT', 'SECURITY', 'PUBLIC', 'OTHER'] as const
export const IMPACT_SCOPES = ['DESA', 'KECAMATAN', 'KABKOTA', 'PROVINSI', 'NASIONAL'] as const
export const STATUS_SCALES = ['KABKOTA', 'PROVINSI', 'NASIONAL'] as const
export const ALERT_STATES = ['OPEN', 'ASSIGNED', 'RESPONDED', 'CLOSED'] as const
export const STATUS_MAX_DAYS = 90
export const EXTENSION_MAX_DAYS = 30

export const STAGES = ['POTENTIAL', 'LATENT', 'ESCALATING', 'OPEN', 'STATUS_DECLARED', 'RECOVERY', 'RESOLVED', 'ARCHIVED'] as const
export type Stage = (typeof STAGES)[number]
export const STAGE_TONE: Record<Stage, 'neutral' | 'info' | 'success' | 'warning' | 'danger'> = {
  POTENTIAL: 'info', LATENT: 'info', ESCALATING: 'warning', OPEN: 'danger', STATUS_DECLARED: 'danger',
  RECOVERY: 'warning', RESOLVED: 'success', ARCHIVED: 'neutral',
}

/**
 * The stages a hotspot may move to from `from` with the stage button (the server's rule);
 * STATUS_DECLARED is reached only by declaring a conflict status, so it is never offered here.
 */
export function nextStages(from: string): Stage[] {
  const table: Record<string, Stage[]> = {
    POTENTIAL: ['LATENT', 'ESCALATING', 'RESOLVED'],
    LATENT: ['POTENTIAL', 'ESCALATING', 'RESOLVED'],
    ESCALATING: ['LATENT', 'OPEN', 'RECOVERY', 'RESOLVED'],
    OPEN: ['RECOVERY', 'ESCALATING'],
    STATUS_DECLARED: ['RECOVERY'],
    RECOVERY: ['RESOLVED', 'ESCALATING'],
    RESOLVED: ['POTENTIAL', 'LATENT'],
    ARCHIVED: [],
  }
  const out = [...(table[from] ?? [])]
  if (from !== 'ARCHIVED' && from in table) out.push('ARCHIVED')
  return out
}

/** The conflict taxonomy (type and sub-type), as the server seeds it. */
export interface ConflictType { code: string; parent_code: string | null; name: { id: string; en: string } }
/** GET /api/v1/conflict/taxonomy: the legal sources (with the police group) and the types with sub-types, from the database. */
export interface Taxonomy { sources: Array<{ code: string; police_group: string }>; types: ConflictType[] }
export const CONFLICT_TYPES: ConflictType[] = [
  { code: 'CLASH', parent_code: null, name: { id: 'Bentrokan antarkelompok', en: 'Clash between groups' } },
  { code: 'CLASH.VILLAGE', parent_code: 'CLASH', name: { id: 'Perkelahian antarkampung/desa', en: 'Inter-village brawl' } },
  { code: 'CLASH.ETHNIC', parent_code: 'CLASH', name: { id: 'Bentrokan antaretnis', en: 'Inter-ethnic clash' } },
  { code: 'LAND', parent_code: null, name: { id: 'Sengketa lahan', en: 'Land dispute' } },
  { code: 'LAND.PLANTATION', parent_code: 'LAND', name: { id: 'Sengketa lahan perkebunan', en: 'Plantation land dispute' } },
  { code: 'LAND.MINING', parent_code: 'LAND', name: { id: 'Sengketa pertambangan', en: 'Mining dispute' } },
  { code: 'LAND.CUSTOMARY', parent_code: 'LAND', name: { id: 'Sengketa tanah ulayat/adat', en: 'Customary land dispute' } },
  { code: 'RELIGION', parent_code: null, name: { id: 'Konflik keagamaan', en: 'Religious conflict' } },
  { code: 'RELIGION.BUILDING', parent_code: 'RELIGION', name: { id: 'Sengketa rumah ibadah', en: 'Place-of-worship dispute' } },
  { code: 'POLITICS', parent_code: null, name: { id: 'Konflik politik', en: 'Political conflict' } },
  { code: 'POLITICS.PILKADA', parent_code: 'POLITICS', name: { id: 'Konflik terkait pilkada', en: 'Regional-election conflict' } },
  { code: 'BOUNDARY', parent_code: null, name: { id: 'Sengketa batas wilayah', en: 'Boundary dispute' } },
  { code: 'LABOUR', parent_code: null, name: { id: 'Konflik ketenagakerjaan', en: 'Labour conflict' } },
]

/** "Sengketa lahan › Sengketa pertambangan" for a sub-type; the code itself when unknown. */
export function typeLabel(code: string, lang: 'id' | 'en', types: ConflictType[] = CONFLICT_TYPES): string {
  const t = types.find((x) => x.code === code)
  if (!t) return code
  const p = t.parent_code ? types.find((x) => x.code === t.parent_code) : undefined
  return p ? `${p.name[lang]} › ${t.name[lang]}` : t.name[lang]
}

export interface Actor { type: string; name: string }

export interface Incident {
  id: number
  region_code: string
  region_name: string
  occurred_on: string
  /** HH:MM local time, null when unknown */
  occurred_time?: string | null
  time_precision: number
  lat: number | null
  lng: number | null
  geo_precision: number
  source: string
  police_group: string
  type_code: string
  actors: Actor[]
  fatalities: number
  injuries: number
  displaced: number
  property_damage: boolean
  info_source: string
  info_ref: string
  verification: string
  description: string
  hotspot_id: number | null
  classification: string
  version: number
}

export interface Hotspot {
  id: number
  region_code: string
  region_name: string
  name: string
  source: string
  police_group: string
  type_code: string
  parties: Actor[]
  root_cause: string
  triggers: string
  history: string
  stage: Stage
  impact_scope: string
  responsible_agencies: string
  handling_actions: string
  lat: number | null
  lng: number | null
  classification: string
  version: number
}

export interface ConflictStatus {
  id: number
  scale: string
  region_code: string
  hotspot_id: number | null
  decree_number: string
  start_date: string
  end_date: string
  extension_decree: string | null
  extended_to: string | null
  ended_on: string | null
  status: 'ACTIVE' | 'EXTENDED' | 'ENDED' | string
  version: number
}

export interface Alert {
  id: number
  region_code: string
  region_name: string
  rule_code: string
  reason: { id: string; en: string }
  entity: string
  entity_id: string
  raised_at: string
  assigned_agency: string | null
  due_date: string | null
  status: string
  response: string
  outcome: string
  closed_at: string | null
  overdue: boolean
  escalated_to: string
  version: number
  /** days for a response, from the alert rules of its kind */
  response_days?: number
}

export interface Factor { code: string; value: number; points: number }
export interface RegionScore { name: string; score: number; level: Level; factors: Factor[] }
export interface Vulnerability {
  level: 'provinsi' | 'kabkota'
  date: string
  values: Record<string, number>
  details: Record<string, RegionScore>
}

/** The national scoring model (GET /api/v1/conflict/scoring-model). */
export const MODEL_FIELDS = [
  'window_days', 'trend_days', 'w_incident', 'w_fatality', 'w_injury', 'w_displaced_per_100', 'w_damage', 'w_open_hotspot',
  'w_latent_hotspot', 'trend_bonus', 'threshold_medium', 'threshold_high',
] as const
export type ModelField = (typeof MODEL_FIELDS)[number]
export interface ModelVersion {
  version: number
  model: Record<ModelField, number>
  note: string
  created_at: string | null
  levels: { level: Level; min_score: number }[]
  explanation: { id: string; en: string }
}

/** Periodic peta rawan konflik report (GET /api/v1/conflict/reports[/{id}]). */
export interface ConflictReport {
  id: number
  region_code: string
  region_name: string
  period: string
  status: 'DRAFT' | 'SUBMITTED' | 'ACCEPTED' | string
  recommendations: string
  created_at: string
  submitted_at: string | null
  accepted_at: string | null
  version: number
}
export interface AreaRow { region_code: string; name: string; incidents: number; fatalities: number; injuries: number; displaced: number }
export interface SourceRow { source: string; police_group: string; incidents: number; fatalities: number; injuries: number; displaced: number }
export interface ConflictReportDetail extends ConflictReport {
  period_start: string
  period_end: string
  as_of: string
  vulnerability: { score: number; level: Level; factors: Factor[] }
  previous: { period: string; score: number; level: Level; incidents: number } | null
  changes: { score: number; incidents: number; level_changed: boolean } | null
  incidents: number
  by_area: AreaRow[]
  by_source: SourceRow[]
  rollup: { region_code: string; name: string; report_id: number | null; status: string; score: number; level: Level }[]
}

/** The quarter containing `d` and the `n - 1` before it, newest first ("2026-Q4", "2026-Q3", ...). */
export function recentQuarters(d: Date, n = 4): string[] {
  let y = d.getFullYear()
  let q = Math.floor(d.getMonth() / 3) + 1
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    out.push(`${y}-Q${q}`)
    q--
    if (q === 0) {
      q = 4
      y--
    }
  }
  return out
}

/** Last day of a quarter "2026-Q3" -> "2026-09-30". */
export function quarterEnd(q: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(q)
  if (!m) return ''
  const y = Number(m[1])
  const month = Number(m[2]) * 3
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate()
  return `${y}-${String(month).padStart(2, '0')}-${last}`
}

/**
 * Who may do what with a report: the office of its own region edits and submits a draft; the tier
 * above (the province for a kab/kota, national for a province) accepts or returns a submitted one.
 */
export function reportActions(r: Pick<ConflictReport, 'status' | 'region_code'>, scope: string, perms: string[]): Array<'UPDATE' | 'SUBMIT' | 'ACCEPT' | 'RETURN'> {
  const parent = r.region_code.includes('.') ? r.region_code.split('.').slice(0, -1).join('.') : ''
  if (r.status === 'DRAFT' && scope === r.region_code && perms.includes('record.write')) return ['UPDATE', 'SUBMIT']
  if (r.status === 'SUBMITTED' && scope === parent && perms.includes('record.review')) return ['ACCEPT', 'RETURN']
  return []
}

export interface ImportRefusal { line: number; field: string; code: string; message: { id: string; en: string } }
export interface ImportReport { rows: number; imported: number; refused: ImportRefusal[] }

// ---- dates ----

/** YYYY-MM-DD of a Date in the browser's zone. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
/** Hours ahead of UTC of a region's time zone (WIB 7, WITA 8, WIT 9), as the server counts them (core/calendar). */
export function utcOffsetHours(regionCode: string): number {
  if (regionCode.length < 2) return 7
  const p = Number(regionCode.slice(0, 2))
  if (p >= 81) return 9
  if (p >= 71 || [51, 52, 53, 63, 64, 65].includes(p)) return 8
  return 7
}
/** The region's local date and time (YYYY-MM-DD, HH:MM) at `now`: what the server checks "future" dates against. */
export function regionNow(regionCode: string, now: Date = new Date()): { day: string; time: string } {
  const local = new Date(now.getTime() + utcOffsetHours(regionCode) * 3_600_000).toISOString()
  return { day: local.slice(0, 10), time: local.slice(11, 16) }
}
/** Today in the region's time zone: the latest incident date the server accepts. Forms start from it. */
export function regionToday(regionCode: string, now: Date = new Date()): string {
  return regionNow(regionCode, now).day
}
/** Kept for callers that have no region: today in Jakarta (WIB), where the ministry is. */
export function serverToday(now: Date = new Date()): string {
  return regionToday('', now)
}
export function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}
/** Last day a status is in force: the extension's end when extended. */
export function statusEnd(s: ConflictStatus): string {
  return s.extended_to || s.end_date
}
/** Days between two YYYY-MM-DD dates (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)
}

// ---- incident form ----

export type FieldCheck = 'required' | 'invalid' | 'future' | 'time' | 'lat_range' | 'lng_range' | 'pair' | 'not_negative' | 'too_long'

export interface IncidentForm {
  region_code: string
  occurred_on: string
  /** HH:MM local time of the region, '' when unknown */
  occurred_time: string
  time_precision: string
  lat: string
  lng: string
  geo_precision: string
  source: string
  type_code: string
  actors: Actor[]
  fatalities: string
  injuries: string
  displaced: string
  property_damage: boolean
  info_source: string
  info_ref: string
  description: string
  hotspot_id: string
  classification: string
}

export function emptyIncidentForm(today: string, region = ''): IncidentForm {
  return {
    region_code: region, occurred_on: today, occurred_time: '', time_precision: '1', lat: '', lng: '', geo_precision: '2',
    source: '', type_code: '', actors: [], fatalities: '0', injuries: '0', displaced: '0', property_damage: false,
    info_source: 'FIELD', info_ref: '', description: '', hotspot_id: '', classification: 'BIASA',
  }
}

const num = (s: string) => Number(String(s).trim().replace(',', '.'))

/**
 * The browser's checks of an incident (same field names as the server). `today` is the region's
 * local day; `nowTime` (HH:MM there) also refuses a time later today.
 */
export function validateIncident(f: IncidentForm, today: string, nowTime = ''): Record<string, FieldCheck> {
  const e: Record<string, FieldCheck> = {}
  if (!f.region_code) e.region_code = 'required'
  if (!f.occurred_on) e.occurred_on = 'required'
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(f.occurred_on) || Number.isNaN(Date.parse(f.occurred_on))) e.occurred_on = 'invalid'
  else if (f.occurred_on > today) e.occurred_on = 'future'
  const time = (f.occurred_time ?? '').trim()
  if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) e.occurred_time = 'time'
  else if (time && nowTime && f.occurred_on === today && time > nowTime) e.occurred_time = 'future'
  if (!f.source) e.source = 'required'
  if (!f.type_code) e.type_code = 'required'
  if (!f.info_source) e.info_source = 'required'
  for (const k of ['fatalities', 'injuries', 'displaced'] as const) {
    const v = String(f[k]).trim()
    if (v === '') continue
    const n = Number(v)
    if (!Number.isInteger(n)) e[k] = 'invalid'
    else if (n < 0) e[k] = 'not_negative'
  }
  const lat = f.lat.trim()
  const lng = f.lng.trim()
  if (lat || lng) {
    if (!lat || !lng) e[lat ? 'lng' : 'lat'] = 'pair'
    if (lat) {
      const v = num(lat)
      if (!Number.isFinite(v)) e.lat = 'invalid'
      else if (v < -11.5 || v > 6.5) e.lat = 'lat_range'
    }
    if (lng) {
      const v = num(lng)
      if (!Number.isFinite(v)) e.lng = 'invalid'
      else if (v < 94.5 || v > 141.5) e.lng = 'lng_range'
    }
  }
  f.actors.forEach((a, i) => {
    if (!a.name.trim()) e[`actors.${i}`] = 'required'
  })
  if (f.description.length > 20000) e.description = 'too_long'
  return e
}

/** The JSON the server takes for a new incident. */
export function incidentBody(f: IncidentForm): Record<string, unknown> {
  const b: Record<string, unknown> = {
    region_code: f.region_code,
    occurred_on: f.occurred_on,
    occurred_time: (f.occurred_time ?? '').trim() || null,
    time_precision: Number(f.time_precision) || 1,
    geo_precision: Number(f.geo_precision) || 2,
    source: f.source,
    type_code: f.type_code,
    info_source: f.info_source,
    info_ref: f.info_ref.trim(),
    description: f.description.trim(),
    fatalities: Number(f.fatalities || 0),
    injuries: Number(f.injuries || 0),
    displaced: Number(f.displaced || 0),
    property_damage: f.property_damage,
    actors: f.actors.filter((a) => a.name.trim()).map((a) => ({ type: a.type || 'OTHER', name: a.name.trim() })),
    classification: f.classification || 'BIASA',
  }
  if (f.lat.trim() && f.lng.trim()) {
    b.lat = num(f.lat)
    b.lng = num(f.lng)
  }
  if (f.hotspot_id) b.hotspot_id = Number(f.hotspot_id)
  return b
}

/** Client-side filters of the incident list (the server filters region and dates). */
export interface IncidentFilter { source?: string; type?: string; verification?: string; info_source?: string }
export function matchesIncident(i: Incident, f: IncidentFilter): boolean {
  if (f.source && i.source !== f.source) return false
  if (f.type && i.type_code !== f.type && !i.type_code.startsWith(`${f.type}.`)) return false
  if (f.verification && i.verification !== f.verification) return false
  if (f.info_source && i.info_source !== f.info_source) return false
  return true
}

// ---- alerts ----

/** What the signed-in reviewer can do next with an alert. */
export function alertActions(a: Pick<Alert, 'status'>): Array<'assign' | 'respond' | 'close'> {
  if (a.status === 'OPEN') return ['assign', 'respond', 'close']
  if (a.status === 'ASSIGNED') return ['assign', 'respond', 'close']
  if (a.status === 'RESPONDED') return ['respond', 'close']
  return []
}

// ---- clustering ----

export interface MapPoint { id: number; lat: number; lng: number; weight?: number }
export interface Cluster {
  key: string
  lat: number
  lng: number
  count: number
  weight: number
  ids: number[]
  /** south, west, north, east of its points (server clusters) */
  bbox?: [number, number, number, number]
}

/** One cluster of GET /api/v1/conflict/incidents/clusters. */
export interface ServerCluster { lat: number; lng: number; count: number; fatalities: number; incident_id: number | null; bbox: [number, number, number, number] }
export interface ServerClusters { zoom: number; cell_deg: number; total: number; truncated: boolean; clusters: ServerCluster[] }

/** The server's clusters in the shape the map draws (fatalities as the weight). */
export function fromServerClusters(r: ServerClusters): Cluster[] {
  return r.clusters.map((c, i) => ({
    key: `s${i}`, lat: c.lat, lng: c.lng, count: c.count, weight: c.fatalities, ids: c.incident_id != null ? [c.incident_id] : [], bbox: c.bbox,
  }))
}

/** Grid cell size in degrees so that a cell is about `px` screen pixels at a Leaflet zoom. */
export function cellSizeForZoom(zoom: number, px = 60): number {
  return (px * 360) / (256 * Math.pow(2, zoom))
}

/**
 * Points grouped by a square grid of `cell` degrees: one cluster per occupied cell, placed at the
 * mean of its points, with the count, the summed weight (e.g. fatalities) and the ids.
 * Points without finite coordinates are left out. Clusters come sorted by count, largest first.
 */
export function gridCluster(points: MapPoint[], cell: number): Cluster[] {
  if (!(cell > 0)) throw new RangeError('cell must be positive')
  const cells = new Map<string, { sumLat: number; sumLng: number; count: number; weight: number; ids: number[] }>()
  for (const p of points) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) continue
    const key = `${Math.floor(p.lat / cell)}:${Math.floor(p.lng / cell)}`
    let c = cells.get(key)
    if (!c) {
      c = { sumLat: 0, sumLng: 0, count: 0, weight: 0, ids: [] }
      cells.set(key, c)
    }
    c.sumLat += p.lat
    c.sumLng += p.lng
    c.count++
    c.weight += p.weight ?? 0
    c.ids.push(p.id)
  }
  return Array.from(cells, ([key, c]) => ({ key, lat: c.sumLat / c.count, lng: c.sumLng / c.count, count: c.count, weight: c.weight, ids: c.ids }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
}

/** Marker radius in pixels for a cluster of `count` points (grows with the square root, capped). */
export function clusterRadius(count: number): number {
  return Math.min(28, 7 + Math.sqrt(Math.max(1, count)) * 3)
}

/** A level's colour; regions without a score get the neutral no-data colour. */
export function levelColour(level: string | undefined): string {
  return level && level in LEVEL_COLOUR ? LEVEL_COLOUR[level as Level] : '#cfd5dd'
}

// ---- alert rules (administrators) ----

export const ALERT_KINDS = ['INCIDENT_SURGE', 'FATALITY', 'HOTSPOT_ESCALATING'] as const
export const ALERT_TIERS = ['KABKOTA', 'PROVINSI', 'NASIONAL'] as const

export interface AlertRule {
  id: number
  kind: (typeof ALERT_KINDS)[number]
  enabled: boolean
  target_tier: (typeof ALERT_TIERS)[number]
  days: number
  factor: number
  min_incidents: number
  baseline_days: number
  response_days: number
  note: string
  version: number
  updated_at: string | null
}

export interface RuleForm {
  kind: string
  target_tier: string
  days: string
  factor: string
  min_incidents: string
  baseline_days: string
  response_days: string
  note: string
}

/** The form of a rule (a new one starts from the server's defaults). */
export function ruleForm(r?: AlertRule): RuleForm {
  return {
    kind: r?.kind ?? 'INCIDENT_SURGE', target_tier: r?.target_tier ?? 'KABKOTA', days: String(r?.days ?? 7),
    factor: String(r?.factor ?? 2), min_incidents: String(r?.min_incidents ?? 3), baseline_days: String(r?.baseline_days ?? 90),
    response_days: String(r?.response_days ?? 3), note: r?.note ?? '',
  }
}

/** The JSON the server takes; the kind only when creating (it never changes). */
export function ruleBody(f: RuleForm, create: boolean): Record<string, unknown> {
  const n = (s: string) => Number(String(s).trim().replace(',', '.'))
  const b: Record<string, unknown> = {
    target_tier: f.target_tier, days: n(f.days), factor: n(f.factor), min_incidents: n(f.min_incidents),
    baseline_days: n(f.baseline_days), response_days: n(f.response_days), note: f.note.trim(),
  }
  if (create) b.kind = f.kind
  return b
}
