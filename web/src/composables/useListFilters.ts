// The filters of a list screen, kept in the address (?region=63.71&status=SUBMITTED) so a reload,
// a shared link or "back" from a record shows the same list. With `regionBelowLevel`, the list
// also gets the region filter: the regions directly below the user's own area, offered only to
// users whose area is above that level (0 national, 1 province, 2 kab/kota, 3 kecamatan).
//
//   const lf = useListFilters({ keys: ['status', 'category'], regionBelowLevel: 3 })
//   const filters = computed(() => [...lf.regionFilter(t('events.region'), t('reports.allRegions')), ...others])
//   <DataTable v-model:filter-model="lf.values.value" :filters="filters" ... />
import { computed, onMounted, ref, watch, type Ref } from 'vue'
import { useRoute, useRouter, type LocationQuery } from 'vue-router'
import type { FilterDef } from '../components/DataTable.vue'
import { loadChildren } from './useMonitoringRefs'
import { session } from '../session'
import type { Region } from '../types'

export interface ListFiltersOptions {
  /** Query keys of the list's filters (besides `region`, which the option below adds). */
  keys: string[]
  /** Offer the region filter (key `region`) to users whose area's level is below this one. */
  regionBelowLevel?: number
}

export interface ListFilters {
  /** Every filter's value, '' when unset; bind to DataTable's v-model:filter-model. */
  values: Ref<Record<string, string>>
  showRegionFilter: Readonly<Ref<boolean>>
  /** The regions directly below the user's area (loaded when the region filter shows). */
  subRegions: Ref<Region[]>
  /** The region filter as a DataTable filter, or nothing when the user may not narrow by region. */
  regionFilter: (label: string, allLabel: string) => FilterDef[]
}

export const REGION_KEY = 'region'

/** The list's values from an address query: each key's first text value, '' when absent. */
export function valuesFromQuery(query: LocationQuery, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const k of keys) {
    const v = query[k]
    const first = Array.isArray(v) ? v[0] : v
    out[k] = typeof first === 'string' ? first : ''
  }
  return out
}

/** The address query with the list's values: set ones written, unset ones removed, other keys kept. */
export function queryWithValues(query: LocationQuery, values: Record<string, string>): LocationQuery {
  const out: LocationQuery = { ...query }
  for (const [k, v] of Object.entries(values)) {
    if (v) out[k] = v
    else delete out[k]
  }
  return out
}

function sameValues(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const k of keys) if ((a[k] ?? '') !== (b[k] ?? '')) return false
  return true
}

export function useListFilters(opts: ListFiltersOptions): ListFilters {
  const route = useRoute()
  const router = useRouter()
  const showRegionFilter = computed(() => opts.regionBelowLevel !== undefined && (session.me?.scope.level ?? 0) < opts.regionBelowLevel)
  // A region in the address of a user who cannot choose one is not applied (the server scopes anyway).
  const keys = computed(() => (showRegionFilter.value ? [REGION_KEY, ...opts.keys] : opts.keys))
  const values = ref<Record<string, string>>(valuesFromQuery(route.query, keys.value))
  const subRegions = ref<Region[]>([])
  // Only while this list is the page shown (not while leaving it for a record).
  const listRoute = route.name
  const here = () => route.name === listRoute

  // The screen changed a filter: write it to the address (replace, so "back" leaves the list).
  watch(values, (v) => {
    if (!here()) return
    const query = queryWithValues(route.query, v)
    if (!sameValues(valuesFromQuery(route.query, keys.value), v)) void router.replace({ query })
  }, { deep: true })
  // The address changed (back/forward, a link): the list follows it.
  watch(() => route.query, (q) => {
    if (!here()) return
    const next = valuesFromQuery(q, keys.value)
    if (!sameValues(next, values.value)) values.value = next
  })

  function regionFilter(label: string, allLabel: string): FilterDef[] {
    if (!showRegionFilter.value) return []
    return [{ key: REGION_KEY, label, allLabel, options: subRegions.value.map((r) => ({ value: r.code, label: r.name })) }]
  }

  onMounted(async () => {
    if (!showRegionFilter.value) return
    try {
      subRegions.value = await loadChildren(session.me?.scope.region_code || '')
    } catch {
      subRegions.value = []
    }
  })

  return { values, showRegionFilter, subRegions, regionFilter }
}
