// Form submission: busy flag, problem+json turned into a form message and field errors,
// and one Idempotency-Key per submission (the same key when the same data is retried).
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ApiError, newIdempotencyKey } from '../api'

export function useSubmit() {
  const { locale } = useI18n()
  const busy = ref(false)
  const error = ref<unknown>(null)
  let lastPayload = ''
  let key = ''

  const fieldErrors = computed<Record<string, string>>(() =>
    error.value instanceof ApiError ? error.value.fieldErrors(locale.value as 'id' | 'en') : {},
  )

  /** The key for this payload: reused when retrying identical data, fresh otherwise. */
  function keyFor(payload: unknown): string {
    const s = JSON.stringify(payload ?? null)
    if (s !== lastPayload || !key) {
      key = newIdempotencyKey()
      lastPayload = s
    }
    return key
  }

  async function run<R>(payload: unknown, fn: (idempotencyKey: string) => Promise<R>): Promise<R | undefined> {
    if (busy.value) return undefined
    busy.value = true
    error.value = null
    try {
      const r = await fn(keyFor(payload))
      key = ''
      lastPayload = ''
      return r
    } catch (e) {
      error.value = e
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { busy, error, fieldErrors, run, keyFor }
}
