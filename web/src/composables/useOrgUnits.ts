// Org units as select options (for user forms and filters). Follows next_after a few pages.
import { ref } from 'vue'
import { api } from '../api'
import type { OrgUnit, Page } from '../types'

export function useOrgUnitOptions() {
  const units = ref<OrgUnit[]>([])
  const loading = ref(false)

  async function load(maxPages = 10) {
    loading.value = true
    try {
      const all: OrgUnit[] = []
      let after: string | null = null
      for (let i = 0; i < maxPages; i++) {
        const page: Page<OrgUnit> = await api.get<Page<OrgUnit>>('/api/v1/org-units', { limit: 200, after })
        all.push(...(page.items || []))
        after = page.next_after ?? null
        if (!after) break
      }
      units.value = all.sort((a, b) => a.name.localeCompare(b.name, 'id'))
    } catch {
      units.value = []
    } finally {
      loading.value = false
    }
  }

  return { units, loading, load }
}
