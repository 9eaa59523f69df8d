import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, parseProblem, request, setCsrfToken, setUnauthorizedHandler } from '../src/api'
import { setLocale } from '../src/i18n'

const problem422 = {
  type: '/problems/validation_failed',
  title: 'Validation failed',
  status: 422,
  code: 'validation_failed',
  detail: 'The request has invalid fields.',
  message: { id: 'Isian tidak valid.', en: 'The request has invalid fields.' },
  errors: [
    { field: 'password', code: 'too_short', message: { id: 'Kata sandi minimal 10 karakter.', en: 'Password must be at least 10 characters.' } },
    { field: 'password', code: 'no_digit', message: { id: 'Harus memuat angka.', en: 'Must contain a digit.' } },
    { field: 'username', code: 'taken', message: { id: 'Nama pengguna sudah dipakai.', en: 'Username is taken.' } },
  ],
}

function respond(status: number, body: unknown, contentType = 'application/problem+json') {
  return new Response(body === null ? null : typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': contentType } })
}

let fetchMock: ReturnType<typeof vi.fn>
beforeEach(() => {
  fetchMock = vi.fn()
  vi.stubGlobal('fetch', fetchMock)
  setLocale('id')
  setCsrfToken('tok-123')
})
afterEach(() => {
  vi.unstubAllGlobals()
  setUnauthorizedHandler(null)
})

describe('problem+json parsing', () => {
  it('turns a 422 into a typed error with localized messages and field errors', async () => {
    fetchMock.mockResolvedValue(respond(422, problem422))
    const err = (await api.post('/api/v1/users', { username: 'x' }).catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.status).toBe(422)
    expect(err.code).toBe('validation_failed')
    expect(err.localized()).toBe('Isian tidak valid.')
    expect(err.localized('en')).toBe('The request has invalid fields.')
    expect(err.fieldErrors()).toEqual({ password: 'Kata sandi minimal 10 karakter.', username: 'Nama pengguna sudah dipakai.' })
    expect(err.fieldErrors('en').password).toBe('Password must be at least 10 characters.')
  })

  it('keeps retry_after_seconds of a locked account', () => {
    const p = parseProblem(423, JSON.stringify({ status: 423, code: 'auth.locked', retry_after_seconds: 600 }), 'application/problem+json')
    const e = new ApiError(423, p)
    expect(e.retryAfterSeconds).toBe(600)
    expect(e.code).toBe('auth.locked')
  })

  it('survives a non-JSON error body', async () => {
    fetchMock.mockResolvedValue(respond(502, '<html>Bad gateway</html>', 'text/html'))
    const err = (await api.get('/api/v1/dashboard').catch((e) => e)) as ApiError
    expect(err.status).toBe(502)
    expect(err.code).toBe('http_502')
    expect(err.localized()).toMatch(/kesalahan/i)
  })

  it('reports an unreachable server as status 0 with a network message', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const err = (await api.get('/api/v1/dashboard').catch((e) => e)) as ApiError
    expect(err.status).toBe(0)
    expect(err.localized()).toMatch(/server/)
  })

  it('uses the catalogue message for a version conflict', async () => {
    fetchMock.mockResolvedValue(respond(412, { status: 412, code: 'version_conflict', title: 'Precondition failed' }))
    const err = (await api.patch('/api/v1/users/5', { role: 'KABAN' }, 3).catch((e) => e)) as ApiError
    expect(err.localized()).toMatch(/pengguna lain/)
  })
})

describe('request headers', () => {
  it('sends CSRF token, Idempotency-Key and same-origin credentials on POST', async () => {
    fetchMock.mockResolvedValue(respond(201, { id: 9 }, 'application/json'))
    const r = await api.post<{ id: number }>('/api/v1/org-units', { name: 'A' })
    expect(r.id).toBe(9)
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/org-units')
    expect(init.credentials).toBe('same-origin')
    expect(init.headers['X-CSRF-Token']).toBe('tok-123')
    expect(init.headers['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body)).toEqual({ name: 'A' })
  })

  it('sends If-Match with the quoted version on PATCH', async () => {
    fetchMock.mockResolvedValue(respond(200, { id: 5, version: 4 }, 'application/json'))
    await api.patch('/api/v1/users/5', { disabled: true }, 3)
    const init = fetchMock.mock.calls[0][1]
    expect(init.method).toBe('PATCH')
    expect(init.headers['If-Match']).toBe('"3"')
    expect(init.headers['X-CSRF-Token']).toBe('tok-123')
  })

  it('does not send the CSRF token on GET and drops empty query values', async () => {
    fetchMock.mockResolvedValue(respond(200, { items: [] }, 'application/json'))
    await api.get('/api/v1/users', { q: 'budi', role: '', after: null, limit: 50 })
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/users?q=budi&limit=50')
    expect(init.headers['X-CSRF-Token']).toBeUndefined()
  })

  it('returns undefined for 204', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(api.del('/api/v1/session')).resolves.toBeUndefined()
  })
})

describe('a list asked again with its ETag', () => {
  const page = { items: [{ id: 1 }], next_after: null }
  const withTag = (status: number, body: unknown, etag: string) =>
    new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ETag: etag } })

  it('sends If-None-Match and takes a 304 without a body as the kept answer', async () => {
    fetchMock.mockResolvedValueOnce(withTag(200, page, '"abc"'))
    expect(await api.get('/api/v1/monitoring/reports', { limit: 50 }, { revalidate: true })).toEqual(page)
    expect(fetchMock.mock.calls[0][1].headers['If-None-Match']).toBeUndefined()
    fetchMock.mockResolvedValueOnce(withTag(304, null, '"abc"'))
    expect(await api.get('/api/v1/monitoring/reports', { limit: 50 }, { revalidate: true })).toEqual(page)
    expect(fetchMock.mock.calls[1][1].headers['If-None-Match']).toBe('"abc"')
    // A changed list comes whole with a new tag, which the next request names.
    const changed = { items: [{ id: 2 }, { id: 1 }], next_after: null }
    fetchMock.mockResolvedValueOnce(withTag(200, changed, '"def"'))
    expect(await api.get('/api/v1/monitoring/reports', { limit: 50 }, { revalidate: true })).toEqual(changed)
    fetchMock.mockResolvedValueOnce(withTag(304, null, '"def"'))
    expect(await api.get('/api/v1/monitoring/reports', { limit: 50 }, { revalidate: true })).toEqual(changed)
    expect(fetchMock.mock.calls[3][1].headers['If-None-Match']).toBe('"def"')
    // Another query, or a request without revalidate, names nothing.
    fetchMock.mockResolvedValueOnce(withTag(200, page, '"ghi"'))
    await api.get('/api/v1/monitoring/reports', { limit: 10 }, { revalidate: true })
    expect(fetchMock.mock.calls[4][1].headers['If-None-Match']).toBeUndefined()
    fetchMock.mockResolvedValueOnce(withTag(200, page, '"abc"'))
    await api.get('/api/v1/monitoring/reports', { limit: 50 })
    expect(fetchMock.mock.calls[5][1].headers['If-None-Match']).toBeUndefined()
  })

  it('forgets the kept answers when the session changes', async () => {
    fetchMock.mockResolvedValueOnce(withTag(200, page, '"s1"'))
    await api.get('/api/v1/monitoring/reports', { limit: 20 }, { revalidate: true })
    setCsrfToken('another-session')
    fetchMock.mockResolvedValueOnce(withTag(200, page, '"s1"'))
    await api.get('/api/v1/monitoring/reports', { limit: 20 }, { revalidate: true })
    expect(fetchMock.mock.calls[1][1].headers['If-None-Match']).toBeUndefined()
  })
})

describe('session loss', () => {
  it('calls the handler on 401 auth.session_expired', async () => {
    const handler = vi.fn()
    setUnauthorizedHandler(handler)
    fetchMock.mockResolvedValue(respond(401, { status: 401, code: 'auth.session_expired' }))
    await request('/api/v1/dashboard').catch(() => {})
    expect(handler).toHaveBeenCalledWith('auth.session_expired')
  })
  it('calls the handler on 401 auth.no_session', async () => {
    const handler = vi.fn()
    setUnauthorizedHandler(handler)
    fetchMock.mockResolvedValue(respond(401, { status: 401, code: 'auth.no_session' }))
    await request('/api/v1/users').catch(() => {})
    expect(handler).toHaveBeenCalledOnce()
  })
  it('does not redirect on wrong password', async () => {
    const handler = vi.fn()
    setUnauthorizedHandler(handler)
    fetchMock.mockResolvedValue(respond(401, { status: 401, code: 'auth.invalid_credentials' }))
    const err = (await api.post('/api/v1/session', { username: 'a', password: 'b' }).catch((e) => e)) as ApiError
    expect(err.code).toBe('auth.invalid_credentials')
    expect(handler).not.toHaveBeenCalled()
  })
})
