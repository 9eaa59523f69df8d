// How a record's history (HistoryPanel) names fields and shows values, for every module:
// the field labels of the forms (history.fields.*), codes through the same labels the screens
// use (statuses, stages, verdicts, categories, ...), dates/periods/numbers through format.ts.
// A view may still pass its own labels; these are what it falls back to.
import { i18n } from './i18n'
import { formatBytes, formatRupiah, formatValue } from './format'

const tr = (k: string, p?: Record<string, unknown>) => (p ? i18n.global.t(k, p) : i18n.global.t(k))
const has = (k: string) => i18n.global.te(k)

/** The module's message namespace of an audited entity. */
function moduleOf(entity: string): string {
  if (entity.startsWith('conflict_')) return 'conflict'
  if (entity.startsWith('banpol_') || entity.startsWith('party_')) return 'partyAid'
  if (entity.startsWith('support_') || entity === 'election' || entity.startsWith('election')) return 'elections'
  if (entity.startsWith('meeting') || entity.startsWith('action_')) return 'meetings'
  return ''
}

const camel = (s: string) => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

/** "allocation_amount" -> "Jumlah alokasi"; an unknown field gets a readable, code-free label. */
export function historyField(entity: string, field: string): string {
  const [head, sub] = field.split('.', 2)
  if (sub) return `${historyField(entity, head)} · ${historyField(entity, sub)}`
  for (const k of [`history.fields.${field}`]) if (has(k)) return tr(k)
  const m = moduleOf(entity)
  if (m && has(`${m}.factor.${field}`)) return tr(`${m}.factor.${field}`)
  if (has(`reports.sections.${field}`)) return tr(`reports.sections.${field}`)
  const words = field.replace(/_/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

// A value that is a code: "DISBURSED", "POLITICAL_SITUATION.DEMONSTRATION", "P434_SOSIALISASI".
const CODE = /^[A-Z][A-Z0-9_]*(\.[A-Z0-9_]+)*$/

/** Where a field's codes have their labels, most specific first. */
function codeKeys(entity: string, field: string, v: string): string[] {
  const m = moduleOf(entity)
  const f = camel(field)
  const keys: string[] = []
  if (m) {
    keys.push(`${m}.${f}.${v}`, `${m}.${field}.${v}`)
    if (field === 'status' || field === 'state') keys.push(`${m}.status.${v}`, `${m}.state.${v}`)
  }
  if (field === 'classification' || field === 'clearance') keys.push(`clearance.${v}`)
  if (field === 'role') keys.push(`roles.${v}`)
  if (field === 'kind') keys.push(`orgKind.${v}`)
  if (field === 'escalation_level') keys.push(`monitoring.escalation.${v}`)
  if (field === 'unit' || field === 'due_unit') keys.push(`monitoring.dueUnit.${v}`)
  keys.push(`status.${v}`, `conflict.${f}.${v}`, `partyAid.${f}.${v}`, `elections.${f}.${v}`)
  return keys
}

const CLEARANCE = ['BIASA', 'TERBATAS', 'RAHASIA']
const MONEY = /(^|_)(amount|rupiah|value_per_vote)(_|$)/

/** A stored value as the form shows it. */
export function historyValue(entity: string, field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—'
  if (field === 'classification' && typeof v === 'number') return CLEARANCE[v] ? tr(`clearance.${CLEARANCE[v]}`) : String(v)
  if (typeof v === 'number' && MONEY.test(field)) return formatRupiah(v)
  if (typeof v === 'number' && field === 'size') return formatBytes(v)
  if (typeof v === 'string' && CODE.test(v) && v.length > 1) {
    for (const k of codeKeys(entity, field, v)) if (has(k)) return tr(k)
    return v
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>
    if (typeof o.full_name === 'string' && o.full_name) return o.full_name
    if (typeof o.name === 'string') return o.name
    if (typeof o.username === 'string') return o.username
    return Object.entries(o)
      .filter(([, x]) => x !== null && x !== '' && typeof x !== 'object')
      .map(([k, x]) => `${historyField(entity, k)}: ${historyValue(entity, k, x)}`)
      .join('; ')
  }
  if (Array.isArray(v)) return v.map((x) => historyValue(entity, field, x)).join(', ')
  return formatValue(v)
}
