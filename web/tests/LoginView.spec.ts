import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import LoginView from '../src/views/LoginView.vue'

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } })

async function mountAt(path: string) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginView },
      { path: '/', component: { template: '<p>home</p>' } },
    ],
  })
  router.push(path)
  await router.isReady()
  const w = mount(LoginView, { global: { plugins: [router] } })
  return { w, router }
}

async function submit(w: Awaited<ReturnType<typeof mountAt>>['w']) {
  await w.find('#login-username').setValue('admin')
  await w.find('#login-password').setValue('salah123456')
  await w.find('form').trigger('submit')
  await flushPromises()
}

afterEach(() => vi.unstubAllGlobals())

describe('LoginView', () => {
  it('explains a wrong password', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(401, { status: 401, code: 'auth.invalid_credentials' })))
    const { w } = await mountAt('/login')
    await submit(w)
    expect(w.find('[data-testid="login-error"]').text()).toContain('Nama pengguna atau kata sandi salah')
    expect((w.find('#login-password').element as HTMLInputElement).value).toBe('')
  })

  it('shows the minutes left on a locked account', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(json(423, { status: 423, code: 'auth.locked', retry_after_seconds: 545 })))
    const { w } = await mountAt('/login')
    await submit(w)
    expect(w.find('[data-testid="login-error"]').text()).toContain('Coba lagi dalam 10 menit')
  })

  it('tells the user the session expired', async () => {
    const { w } = await mountAt('/login?notice=expired')
    expect(w.find('[data-testid="login-notice"]').text()).toContain('Sesi Anda telah berakhir')
  })

  it('goes to the page asked for after signing in', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify({ user: { id: 1, username: 'admin' }, csrf_token: 't' }), { status: 200, headers: { 'Content-Type': 'application/json' } })))
    const { w, router } = await mountAt('/login?redirect=/')
    await submit(w)
    expect(router.currentRoute.value.path).toBe('/')
  })

  it('marks empty fields without calling the server', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const { w } = await mountAt('/login')
    await w.find('form').trigger('submit')
    expect(fetch).not.toHaveBeenCalled()
    expect(w.find('#login-username').attributes('aria-invalid')).toBe('true')
    expect(w.find('#login-username-err').text()).toBe('Wajib diisi.')
  })
})
