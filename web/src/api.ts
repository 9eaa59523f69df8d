// The one way the app talks to the server: JSON over fetch, session cookie, CSRF token,
// If-Match versions, Idempotency-Key on POST, and problem+json errors as ApiError.
import { currentLocale, pick, t, type Locale, type LocalizedText } from './i18n'
import type { StoredFile } from './types'

export interface FieldError { field: string; code: string; message?: LocalizedText }

export interface Problem {
  type?: string
  title?: string
  status?: number
  code?: string
  detail?: string
  message?: LocalizedText
  errors?: FieldError[]
  retry_after_seconds?: number
}

/** A failed request. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly problem: Problem

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.code = problem.code || (status === 0 ? 'network' : `http_${status}`)
    this.problem = problem
  }

  get fieldErrorList(): FieldError[] {
    return Array.isArray(this.problem.errors) ? this.problem.errors : []
  }

  get retryAfterSeconds(): number | undefined {
    return this.problem.retry_after_seconds
  }

  /** The message for people, in the current UI language. */
  localized(locale: Locale = currentLocale()): string {
    if (this.status === 0) return t('errors.network')
    if (this.code === 'version_conflict') return t('errors.conflict')
    const m = pick(this.problem.message, locale)
    if (m) return m
    if (this.status === 403) return t('errors.forbidden')
    return this.problem.detail || this.problem.title || t('errors.unknown')
  }

  /** Field name -> message, in the current UI language (first error per field). */
  fieldErrors(locale: Locale = currentLocale()): Record<string, string> {
    const out: Record<string, string> = {}
    for (const e of this.fieldErrorList) {
      if (!e || !e.field || out[e.field]) continue
      out[e.field] = pick(e.message, locale) || e.code
    }
    return out
  }
}

/** Parse a response body as problem+json (or any JSON error), tolerating junk. */
export function parseProblem(status: number, bodyText: string, contentType = ''): Problem {
  let p: Problem = {}
  if (bodyText && (contentType.includes('json') || /^\s*\{/.test(bodyText))) {
    try {
      const v = JSON.parse(bodyText)
      if (v && typeof v === 'object') p = v as Problem
    } catch {
      /* not JSON */
    }
  }
  if (p.status == null) p.status = status
  return p
}

/**
 * Answers of GETs made with `revalidate`, kept in memory only (API answers are never stored by the
 * browser: Cache-Control no-store): the next request sends their ETag as If-None-Match, and a 304
 * Not Modified (no body over a slow link) gives the kept answer back.
 */
const kept = new Map<string, { etag: string; text: string }>()
const KEEP_MAX = 16

let csrfToken = ''
export function setCsrfToken(token: string | null | undefined): void {
  if ((token || '') !== csrfToken) kept.clear() // another session: forget the answers of the last one
  csrfToken = token || ''
}

export function getCsrfToken(): string {
  return csrfToken
}

type UnauthorizedHandler = (code: string) => void
let onUnauthorized: UnauthorizedHandler | null = null
/** Called (once per failing request) when the session is gone; the router sends the user to login. */
export function setUnauthorizedHandler(fn: UnauthorizedHandler | null): void {
  onUnauthorized = fn
}
export const SESSION_GONE = ['auth.session_expired', 'auth.no_session']

export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (c && typeof c.randomUUID === 'function') return c.randomUUID()
  const b = new Uint8Array(16)
  if (c && c.getRandomValues) c.getRandomValues(b)
  else for (let i = 0; i < 16; i++) b[i] = Math.floor(Math.random() * 256)
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

export type Query = Record<string, string | number | boolean | null | undefined>

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue
    qs.set(k, String(v))
  }
  const s = qs.toString()
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  query?: Query
  /** The record's version; sent as If-Match: "<version>". */
  version?: number | string
  idempotencyKey?: string
  signal?: AbortSignal
  /** Do not redirect to login on 401 (used by the session check itself). */
  noAuthRedirect?: boolean
  /** GET: keep the answer in memory and ask for it next time with its ETag (304: the kept one). */
  revalidate?: boolean
}

const UNSAFE = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

function baseHeaders(method: string, opts: { version?: number | string; idempotencyKey?: string }): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json, application/problem+json' }
  if (UNSAFE.has(method) && csrfToken) h['X-CSRF-Token'] = csrfToken
  if (opts.version !== undefined && opts.version !== null) h['If-Match'] = `"${opts.version}"`
  if (method === 'POST' && opts.idempotencyKey) h['Idempotency-Key'] = opts.idempotencyKey
  return h
}

function handleFailure(status: number, problem: Problem, noAuthRedirect?: boolean): ApiError {
  const err = new ApiError(status, problem)
  if (status === 401 && !noAuthRedirect && SESSION_GONE.includes(err.code) && onUnauthorized) {
    onUnauthorized(err.code)
  }
  return err
}

export async function request<T = unknown>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method || 'GET'
  const headers = baseHeaders(method, opts)
  let body: BodyInit | undefined
  if (typeof Blob !== 'undefined' && opts.body instanceof Blob) {
    // A file sent as it is (e.g. an image); the server decides its type from its bytes.
    headers['Content-Type'] = opts.body.type || 'application/octet-stream'
    body = opts.body
  } else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  const url = withQuery(path, opts.query)
  const revalidate = method === 'GET' && opts.revalidate === true
  const prior = revalidate ? kept.get(url) : undefined
  if (prior) headers['If-None-Match'] = prior.etag
  let res: Response
  try {
    res = await fetch(url, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    })
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e
    throw new ApiError(0, { code: 'network', detail: String((e as Error)?.message || e) })
  }
  const text = res.status === 204 ? '' : res.status === 304 && prior ? prior.text : await res.text()
  if (revalidate && (res.ok || res.status === 304)) {
    const etag = res.headers.get('ETag')
    kept.delete(url)
    if (etag) {
      kept.set(url, { etag, text })
      if (kept.size > KEEP_MAX) kept.delete(kept.keys().next().value as string)
    }
  }
  if (!res.ok && !(res.status === 304 && prior)) {
    throw handleFailure(res.status, parseProblem(res.status, text, res.headers.get('Content-Type') || ''), opts.noAuthRedirect)
  }
  if (!text) return undefined as T
  try {
    return JSON.parse(text) as T
  } catch {
    return text as unknown as T
  }
}

export const api = {
  get: <T>(path: string, query?: Query, opts: RequestOptions = {}) => request<T>(path, { ...opts, query }),
  post: <T>(path: string, body?: unknown, opts: RequestOptions = {}) =>
    request<T>(path, { idempotencyKey: newIdempotencyKey(), ...opts, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, version: number | string | undefined, opts: RequestOptions = {}) =>
    request<T>(path, { ...opts, method: 'PATCH', body, version }),
  put: <T>(path: string, body: unknown, version?: number | string, opts: RequestOptions = {}) =>
    request<T>(path, { ...opts, method: 'PUT', body, version }),
  del: <T = void>(path: string, opts: RequestOptions = {}) => request<T>(path, { ...opts, method: 'DELETE' }),
}

export interface UploadHandle {
  promise: Promise<StoredFile>
  abort: () => void
}

/**
 * Upload a file with progress (fetch cannot report upload progress, XMLHttpRequest can).
 * `onProgress` gets 0..100. Rejects with ApiError (status 0 on network failure, `aborted` when cancelled).
 */
export function uploadFile(form: FormData, onProgress?: (percent: number) => void, idempotencyKey = newIdempotencyKey()): UploadHandle {
  const xhr = new XMLHttpRequest()
  const promise = new Promise<StoredFile>((resolve, reject) => {
    xhr.open('POST', '/api/v1/files')
    xhr.withCredentials = true
    for (const [k, v] of Object.entries(baseHeaders('POST', { idempotencyKey }))) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (ev: ProgressEvent) => {
      if (ev.lengthComputable && onProgress) onProgress(Math.min(100, Math.round((ev.loaded / ev.total) * 100)))
    }
    xhr.onload = () => {
      const text = xhr.responseText || ''
      if (xhr.status >= 200 && xhr.status < 300) {
        if (onProgress) onProgress(100)
        try {
          resolve(JSON.parse(text) as StoredFile)
        } catch {
          reject(new ApiError(xhr.status, { detail: 'bad response' }))
        }
        return
      }
      reject(handleFailure(xhr.status, parseProblem(xhr.status, text, xhr.getResponseHeader('Content-Type') || '')))
    }
    xhr.onerror = () => reject(new ApiError(0, { code: 'network' }))
    xhr.onabort = () => reject(new ApiError(0, { code: 'aborted' }))
    xhr.send(form)
  })
  return { promise, abort: () => xhr.abort() }
}
