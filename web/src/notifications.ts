// The signed-in user's notifications (GET /api/v1/notifications), shared by the header bell.
// Refreshed when the bell mounts, every minute while the tab is visible, and on navigation.
import { reactive } from 'vue'
import { api } from './api'
import type { Notification } from './monitoring'

export const notifications = reactive<{ items: Notification[]; unread: number; loaded: boolean; error: unknown }>({
  items: [],
  unread: 0,
  loaded: false,
  error: null,
})

let inflight: Promise<void> | null = null

export function loadNotifications(): Promise<void> {
  if (inflight) return inflight
  inflight = api
    .get<{ items: Notification[]; unread: number }>('/api/v1/notifications')
    .then((r) => {
      notifications.items = Array.isArray(r.items) ? r.items : []
      notifications.unread = typeof r.unread === 'number' ? r.unread : notifications.items.filter((n) => !n.read).length
      notifications.loaded = true
      notifications.error = null
    })
    .catch((e) => {
      notifications.error = e
    })
    .finally(() => {
      inflight = null
    })
  return inflight
}

export async function markRead(id: number): Promise<void> {
  const n = notifications.items.find((x) => x.id === id)
  if (!n || n.read) return
  n.read = true
  notifications.unread = Math.max(0, notifications.unread - 1)
  try {
    await api.post<void>(`/api/v1/notifications/${id}/read`)
  } catch {
    n.read = false
    notifications.unread++
  }
}

/** Every notification counts as read (POST /api/v1/notifications/read-all); on failure nothing changes. */
export async function markAllRead(): Promise<void> {
  const before = notifications.items.map((n) => n.read)
  const unread = notifications.unread
  for (const n of notifications.items) n.read = true
  notifications.unread = 0
  try {
    await api.post<void>('/api/v1/notifications/read-all')
  } catch {
    notifications.items.forEach((n, i) => { n.read = before[i] })
    notifications.unread = unread
  }
}

export function resetNotifications(): void {
  notifications.items = []
  notifications.unread = 0
  notifications.loaded = false
  notifications.error = null
}

let timer: ReturnType<typeof setInterval> | undefined
export function startPolling(everyMs = 60000): () => void {
  stopPolling()
  timer = setInterval(() => {
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') void loadNotifications()
  }, everyMs)
  return stopPolling
}
export function stopPolling(): void {
  if (timer) clearInterval(timer)
  timer = undefined
}
