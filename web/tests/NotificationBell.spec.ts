import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import NotificationBell from '../src/components/NotificationBell.vue'
import { resetNotifications } from '../src/notifications'
import { setCsrfToken } from '../src/api'
import { setLocale } from '../src/i18n'

const json = (status: number, body: unknown) => new Response(body === null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
let fetchMock: ReturnType<typeof vi.fn>
let read5 = false

beforeEach(() => {
  setLocale('id')
  setCsrfToken('tok')
  resetNotifications()
  read5 = false
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/notifications') {
      return json(200, {
        unread: read5 ? 0 : 1,
        items: [
          { id: 5, title: { id: 'Lapor cepat HIGH di Kota Banjarmasin: Bentrok', en: 'Fast report HIGH in Kota Banjarmasin: Clash' }, link: '/monitoring/events/9', read: read5, created_at: '2026-11-23T06:00:00Z' },
          { id: 4, title: { id: 'Laporan lama', en: 'Old report' }, link: '/monitoring/reports/2', read: true, created_at: '2026-11-20T06:00:00Z' },
        ],
      })
    }
    if (url === '/api/v1/notifications/5/read' && init?.method === 'POST') {
      read5 = true
      return new Response(null, { status: 204 })
    }
    return json(404, {})
  })
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => vi.unstubAllGlobals())

describe('NotificationBell', () => {
  it('shows the unread count, lists notifications and marks one read when opened', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/', component: { template: '<p>home</p>' } },
      { path: '/monitoring/events/:id', component: { template: '<p>event</p>' } },
      { path: '/monitoring/reports/:id', component: { template: '<p>report</p>' } },
    ] })
    await router.push('/')
    const w = mount(NotificationBell, { global: { plugins: [router] }, attachTo: document.body })
    await flushPromises()
    const button = w.find('[data-testid="bell"]')
    expect(w.find('[data-testid="bell-count"]').text()).toBe('1')
    expect(button.attributes('aria-label')).toBe('Notifikasi, 1 belum dibaca')
    expect(button.attributes('aria-expanded')).toBe('false')

    await button.trigger('click')
    expect(button.attributes('aria-expanded')).toBe('true')
    const items = w.findAll('.bell-list li')
    expect(items.length).toBe(2)
    expect(items[0].classes()).toContain('unread')
    expect(items[0].text()).toContain('Baru')
    expect(items[0].text()).toContain('Bentrok')

    await items[0].find('a').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls.some(([u, i]) => u === '/api/v1/notifications/5/read' && i?.method === 'POST')).toBe(true)
    expect(router.currentRoute.value.fullPath).toBe('/monitoring/events/9')
    expect(w.find('[data-testid="bell-count"]').exists()).toBe(false)
    expect(button.attributes('aria-expanded')).toBe('false')
    w.unmount()
  })

  it('Escape closes the list and gives focus back to the bell', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<p/>' } }] })
    await router.push('/')
    const w = mount(NotificationBell, { global: { plugins: [router] }, attachTo: document.body })
    await flushPromises()
    await w.find('[data-testid="bell"]').trigger('click')
    await w.find('.bell').trigger('keydown', { key: 'Escape' })
    expect(w.find('[data-testid="bell"]').attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(w.find('[data-testid="bell"]').element)
    w.unmount()
  })
})
