// One record read from the API for a record page: the record, the error of the last load, and
// load() (run on mount, again when the address changes, e.g. another id on the same route, and by
// the error state's retry button). A null address (the route is being left) loads nothing.
import { onMounted, ref, watch, type Ref } from 'vue'
import { api } from '../api'

export function useRecord<T>(path: () => string | null) {
  const record = ref(null) as Ref<T | null>
  const error = ref<unknown>(null)

  async function load() {
    const url = path()
    if (!url) return
    error.value = null
    try {
      record.value = await api.get<T>(url)
    } catch (e) {
      error.value = e
    }
  }

  watch(path, load)
  onMounted(load)
  return { record, error, load }
}
