// Autosave of a draft: after the user stops typing for `delayMs`, the changes since the last
// save are sent. One request at a time; edits made while a save is running are sent after it.
// A 412 (someone else changed the record) stops autosaving until the record is reloaded, so
// nobody's text is overwritten silently.
import { computed, getCurrentInstance, onBeforeUnmount, ref } from 'vue'
import { ApiError } from '../api'

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error'

export interface AutosaveOptions<D> {
  /** What changed since the last successful save, or null when nothing did. */
  diff: () => D | null
  /** Send the changes (the caller updates its saved copy and version on success). */
  send: (changes: D) => Promise<unknown>
  delayMs?: number
  now?: () => Date
}

export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 412 || e.code === 'version_conflict')
}

export function useAutosave<D>(opts: AutosaveOptions<D>) {
  const delay = opts.delayMs ?? 1500
  const now = opts.now ?? (() => new Date())
  const status = ref<AutosaveStatus>('idle')
  const savedAt = ref<Date | null>(null)
  const error = ref<unknown>(null)
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<boolean> | null = null
  let disposed = false

  const blocked = () => status.value === 'conflict' || disposed

  /** The user changed something: save after a quiet moment. */
  function touch() {
    if (blocked()) return
    clearTimeout(timer)
    if (status.value !== 'saving') status.value = 'pending'
    timer = setTimeout(() => {
      timer = undefined
      void saveNow()
    }, delay)
  }

  async function saveNow(): Promise<boolean> {
    if (running) {
      // Let the running save finish, then send what changed meanwhile.
      await running
      if (blocked()) return false
    }
    const changes = opts.diff()
    if (changes === null) {
      if (status.value === 'pending') status.value = savedAt.value ? 'saved' : 'idle'
      return true
    }
    status.value = 'saving'
    error.value = null
    running = (async () => {
      try {
        await opts.send(changes)
        savedAt.value = now()
        status.value = 'saved'
        return true
      } catch (e) {
        error.value = e
        status.value = isConflict(e) ? 'conflict' : 'error'
        return false
      } finally {
        running = null
      }
    })()
    const ok = await running
    // More typing happened while the request was out and no timer is waiting for it.
    if (ok && !timer && !blocked() && opts.diff() !== null) touch()
    return ok
  }

  /** Save now (before submitting or leaving); resolves to false if it could not be saved. */
  async function flush(): Promise<boolean> {
    if (blocked()) return false
    clearTimeout(timer)
    timer = undefined
    return saveNow()
  }

  /** After the record was reloaded: start again from a clean state. */
  function reset() {
    clearTimeout(timer)
    timer = undefined
    status.value = 'idle'
    error.value = null
  }

  function dispose() {
    disposed = true
    clearTimeout(timer)
  }

  const dirty = computed(() => status.value === 'pending' || status.value === 'saving' || status.value === 'error')

  if (getCurrentInstance()) onBeforeUnmount(dispose)

  return { status, savedAt, error, dirty, touch, flush, reset, dispose }
}
