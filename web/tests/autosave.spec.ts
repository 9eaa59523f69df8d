import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../src/api'
import { useAutosave } from '../src/composables/useAutosave'

// A draft held by the "screen" and the copy the "server" confirmed.
function setup(send: (changes: Record<string, string>) => Promise<unknown>, delayMs = 1000) {
  const screen: Record<string, string> = { a: '' }
  let saved: Record<string, string> = { a: '' }
  const sent: Record<string, string>[] = []
  const autosave = useAutosave<Record<string, string>>({
    delayMs,
    now: () => new Date(2026, 10, 23, 14, 5),
    diff: () => (screen.a !== saved.a ? { a: screen.a } : null),
    send: async (c) => {
      sent.push(c)
      await send(c)
      saved = { ...saved, ...c }
    },
  })
  const type = (v: string) => {
    screen.a = v
    autosave.touch()
  }
  return { autosave, type, sent, screen }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('autosave', () => {
  it('waits until typing stops, then sends only the latest text once', async () => {
    const { autosave, type, sent } = setup(() => Promise.resolve())
    type('K')
    await vi.advanceTimersByTimeAsync(400)
    type('Ko')
    await vi.advanceTimersByTimeAsync(400)
    type('Kondusif')
    expect(autosave.status.value).toBe('pending')
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(999)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toEqual([{ a: 'Kondusif' }])
    expect(autosave.status.value).toBe('saved')
    expect(autosave.savedAt.value?.getHours()).toBe(14)
    expect(autosave.dirty.value).toBe(false)
  })

  it('sends edits made while a save is running right after it, one request at a time', async () => {
    let release: () => void = () => {}
    const { autosave, type, sent } = setup(() => new Promise<void>((ok) => { release = ok }))
    type('satu')
    await vi.advanceTimersByTimeAsync(1000)
    expect(autosave.status.value).toBe('saving')
    type('satu dua')
    await vi.advanceTimersByTimeAsync(1000)
    // The second save waits for the first request.
    expect(sent).toEqual([{ a: 'satu' }])
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toEqual([{ a: 'satu' }, { a: 'satu dua' }])
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(autosave.status.value).toBe('saved')
  })

  it('does nothing when the text is back to what was saved', async () => {
    const { autosave, type, sent } = setup(() => Promise.resolve())
    type('x')
    type('')
    await vi.advanceTimersByTimeAsync(2000)
    expect(sent).toEqual([])
    expect(autosave.status.value).toBe('idle')
  })

  it('flush() saves at once (before submitting) and reports success', async () => {
    const { autosave, type, sent } = setup(() => Promise.resolve())
    type('cepat')
    expect(await autosave.flush()).toBe(true)
    expect(sent).toEqual([{ a: 'cepat' }])
    await vi.advanceTimersByTimeAsync(5000)
    expect(sent.length).toBe(1)
  })

  it('stops on 412 (someone else changed it) until reset, and flush() refuses', async () => {
    const conflict = new ApiError(412, { code: 'version_conflict', status: 412 })
    const { autosave, type, sent } = setup(() => Promise.reject(conflict))
    type('punyaku')
    await vi.advanceTimersByTimeAsync(1000)
    expect(autosave.status.value).toBe('conflict')
    expect(autosave.error.value).toBe(conflict)
    type('punyaku lagi')
    await vi.advanceTimersByTimeAsync(5000)
    expect(sent.length).toBe(1)
    expect(await autosave.flush()).toBe(false)
    expect(sent.length).toBe(1)
    autosave.reset()
    expect(autosave.status.value).toBe('idle')
  })

  it('a 412 without the problem code is still a conflict', async () => {
    const { autosave, type } = setup(() => Promise.reject(new ApiError(412, {})))
    type('x')
    await vi.advanceTimersByTimeAsync(1000)
    expect(autosave.status.value).toBe('conflict')
  })

  it('keeps the changes after a network error and retries on the next edit', async () => {
    let fail = true
    const { autosave, type, sent } = setup(() => (fail ? Promise.reject(new ApiError(0, { code: 'network' })) : Promise.resolve()))
    type('a')
    await vi.advanceTimersByTimeAsync(1000)
    expect(autosave.status.value).toBe('error')
    expect(autosave.dirty.value).toBe(true)
    fail = false
    type('ab')
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent).toEqual([{ a: 'a' }, { a: 'ab' }])
    expect(autosave.status.value).toBe('saved')
  })
})
