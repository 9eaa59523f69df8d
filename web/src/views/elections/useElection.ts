// The elections the user deals with, and the one chosen (kept in the URL as ?pemilihan=ID so a
// link or a reload shows the same election).
import { computed, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { api } from '../../api'
import type { Page } from '../../types'
import { defaultElection, type Election } from './elections'

let cache: Promise<Election[]> | null = null

export async function loadElections(force = false): Promise<Election[]> {
  if (!cache || force) {
    cache = (async () => {
      const out: Election[] = []
      let after: string | number | null | undefined = null
      do {
        const p: Page<Election> = await api.get<Page<Election>>('/api/v1/elections', { limit: 500, after })
        out.push(...(p.items || []))
        after = p.next_after
      } while (after)
      return out
    })()
    cache.catch(() => { cache = null })
  }
  return cache
}

export function useElection() {
  const route = useRoute()
  const router = useRouter()
  const elections = ref<Election[]>([])
  const loading = ref(true)
  const error = ref<unknown>(null)
  const selectedId = computed<number | null>(() => {
    const q = Number(route.query.pemilihan)
    if (q && elections.value.some((e) => e.id === q)) return q
    return defaultElection(elections.value, new Date().toISOString().slice(0, 10))?.id ?? null
  })
  const selected = computed(() => elections.value.find((e) => e.id === selectedId.value) || null)

  async function load(force = false) {
    loading.value = true
    error.value = null
    try {
      elections.value = await loadElections(force)
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }
  function choose(id: number | string) {
    void router.replace({ query: { ...route.query, pemilihan: String(id) } })
  }
  return { elections, loading, error, selectedId, selected, load, choose }
}
