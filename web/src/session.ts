// Who is signed in. Loaded once from GET /api/v1/session; updated by login/logout.
import { reactive } from 'vue'
import { api, ApiError, setCsrfToken } from './api'
import { currentLocale, pick, t } from './i18n'
import type { Me, Role } from './types'

interface SessionState {
  me: Me | null
  loaded: boolean
  roles: Role[]
  /** Why the last session check found nobody (e.g. auth.session_expired). */
  lostCode: string
}

export const session = reactive<SessionState>({ me: null, loaded: false, roles: [], lostCode: '' })

interface SessionResponse { user: Me; csrf_token: string }

let loading: Promise<Me | null> | null = null

/** Ask the server who we are (once; later calls reuse the answer). */
export function loadSession(force = false): Promise<Me | null> {
  if (session.loaded && !force) return Promise.resolve(session.me)
  if (loading && !force) return loading
  loading = api
    .get<SessionResponse>('/api/v1/session', undefined, { noAuthRedirect: true })
    .then((r) => {
      setCsrfToken(r.csrf_token)
      session.me = r.user
      return r.user
    })
    .catch((e) => {
      if (e instanceof ApiError && e.status === 401) {
        session.me = null
        session.lostCode = e.code
        return null
      }
      throw e
    })
    .finally(() => {
      session.loaded = true
      loading = null
    })
  return loading
}

export async function login(username: string, password: string): Promise<Me> {
  const r = await api.post<SessionResponse>('/api/v1/session', { username, password }, { noAuthRedirect: true })
  setCsrfToken(r.csrf_token)
  session.me = r.user
  session.loaded = true
  session.lostCode = ''
  return r.user
}

export async function logout(): Promise<void> {
  try {
    await api.del('/api/v1/session', { noAuthRedirect: true })
  } catch {
    /* the session may already be gone; forget it locally anyway */
  }
  clearSession()
}

export function clearSession(): void {
  session.me = null
  session.loaded = true
  session.roles = []
  setCsrfToken('')
}

export function isAdmin(me: Me | null = session.me): boolean {
  if (!me) return false
  return me.role === 'ADMIN_PUSAT' || me.role === 'ADMIN_DAERAH'
}

export function can(permission: string, me: Me | null = session.me): boolean {
  return !!me && Array.isArray(me.permissions) && me.permissions.includes(permission)
}

/** Role list from the server (cached); the catalogue has fallbacks. */
export async function loadRoles(): Promise<Role[]> {
  if (session.roles.length) return session.roles
  try {
    const r = await api.get<{ items: Role[] }>('/api/v1/roles')
    session.roles = r.items || []
  } catch {
    session.roles = []
  }
  return session.roles
}

export function roleLabel(code: string): string {
  const r = session.roles.find((x) => x.code === code)
  const fromServer = r ? pick(r.label, currentLocale()) : ''
  if (fromServer) return fromServer
  const key = `roles.${code}`
  const v = t(key)
  return v === key ? code : v
}

/** "Nasional", "Provinsi Kalimantan Selatan", "Kota Banjarmasin". */
export function scopeLabel(scope: Me['scope'] | null | undefined): string {
  if (!scope || !scope.region_code) return t('scope.national')
  if (scope.level === 1 && !/^provinsi\b/i.test(scope.region_name)) return t('scope.province', { name: scope.region_name })
  return scope.region_name || scope.region_code
}
