// The region and fiscal year a party-aid screen shows, kept in the URL (?wilayah=&tahun=) so a
// link or a reload shows the same; the region choices are the user's own area and, for national
// and province users, the regions one level below.
import { computed, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { api } from '../../api'
import { session } from '../../session'
import type { Option } from '../../components/SelectField.vue'
import type { Region } from '../../types'
import { yearFrom } from './rules'

const childCache = new Map<string, Region[]>()

export function useRegionYear(opts: { yearKey?: string; defaultYear?: number } = {}) {
  const route = useRoute()
  const router = useRouter()
  const { t } = useI18n()
  const yearKey = opts.yearKey || 'tahun'
  const own = computed(() => session.me?.scope?.region_code || '')
  const ownName = computed(() => session.me?.scope?.region_name || '')
  const region = ref(typeof route.query.wilayah === 'string' ? route.query.wilayah : own.value)
  const year = ref(route.query[yearKey] === undefined && opts.defaultYear ? opts.defaultYear : yearFrom(route.query[yearKey]))
  const children = ref<Region[]>([])

  const regionOptions = computed<Option[]>(() => {
    const first: Option = { value: own.value, label: own.value ? `${ownName.value} (${own.value})` : t('partyAid.common.national') }
    const out = [first, ...children.value.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))]
    if (region.value && !out.some((o) => o.value === region.value)) out.push({ value: region.value, label: region.value })
    return out
  })

  async function loadChildren() {
    const code = own.value
    if (code.split('.').length >= 2) return
    if (childCache.has(code)) {
      children.value = childCache.get(code)!
      return
    }
    try {
      const r = await api.get<{ items: Region[] }>('/api/v1/regions', code ? { parent: code } : { level: 1 })
      childCache.set(code, r.items || [])
      children.value = r.items || []
    } catch {
      children.value = []
    }
  }
  void loadChildren()

  watch([region, year], ([r, y]) => {
    const q = { ...route.query, wilayah: r || undefined, [yearKey]: String(y) }
    if (q.wilayah === route.query.wilayah && q[yearKey] === route.query[yearKey]) return
    void router.replace({ query: q })
  })

  return { region, year, regionOptions, own }
}
