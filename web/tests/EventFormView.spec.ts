import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import EventFormView from '../src/views/monitoring/EventFormView.vue'
import { setCsrfToken } from '../src/api'
import { setLocale } from '../src/i18n'
import { session } from '../src/session'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
let fetchMock: ReturnType<typeof vi.fn>
let postReply: () => Response

beforeEach(() => {
  setLocale('id')
  setCsrfToken('tok')
  session.me = {
    id: 9, username: 'banjarmasin.operator', full_name: 'Fitriani', role: 'OPERATOR', clearance: 'BIASA',
    org_unit: { id: 14, name: 'Kesbangpol Kota Banjarmasin', kind: 'KESBANGPOL', region_code: '63.71' },
    scope: { region_code: '63.71', region_name: 'Kota Banjarmasin', level: 2 }, permissions: ['record.read', 'record.write'],
  }
  postReply = () => json(201, { id: 41, version: 1 })
  fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/v1/monitoring/categories') {
      return json(200, { items: [
        { code: 'POLITICAL_SITUATION', parent_code: null, name: { id: 'Situasi politik daerah', en: 'Political situation' } },
        { code: 'POLITICAL_SITUATION.DEMONSTRATION', parent_code: 'POLITICAL_SITUATION', name: { id: 'Unjuk rasa', en: 'Demonstrations' } },
      ] })
    }
    if (url.startsWith('/api/v1/regions?parent=63.71')) {
      return json(200, { items: [{ code: '63.71.01', name: 'Banjarmasin Selatan', level: 3, type: 'Kecamatan', parent_code: '63.71', lat: -3.35, lng: 114.57 }] })
    }
    if (url === '/api/v1/monitoring/events' && init?.method === 'POST') return postReply()
    return json(404, {})
  })
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.me = null
  document.body.innerHTML = ''
})

async function mountForm() {
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/monitoring/events/baru', name: 'event-new', component: EventFormView },
    { path: '/monitoring/events/:id', name: 'event', component: { template: '<p>event</p>' } },
    { path: '/monitoring/events', name: 'events', component: { template: '<p>list</p>' } },
  ] })
  await router.push('/monitoring/events/baru')
  const w = mount({ template: '<RouterView />' }, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  return { w, router }
}
const posts = () => fetchMock.mock.calls.filter(([, i]) => i?.method === 'POST')
const fieldOf = (w: ReturnType<typeof mount>, sel: string) => w.findAll('.field').find((f) => f.find(sel).exists())!

describe('fast report form', () => {
  it('marks missing essentials at their fields without sending, and unmarks a field once fixed', async () => {
    const { w } = await mountForm()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(posts().length).toBe(0)
    expect(w.find('input[name="title"]').attributes('aria-invalid')).toBe('true')
    expect(fieldOf(w, 'input[name="title"]').find('.field-error').text()).toBe('Wajib diisi.')
    expect(w.find('select[name="category_code"]').attributes('aria-invalid')).toBe('true')
    expect(w.find('#esc-err').text()).toBe('Wajib diisi.')
    await w.find('input[name="title"]').setValue('Unjuk rasa')
    expect(w.find('input[name="title"]').attributes('aria-invalid')).toBeUndefined()
  })

  it('sends the report (kecamatan, UTC time) and shows the server\'s field errors at the fields', async () => {
    postReply = () => json(422, {
      code: 'validation_failed', message: { id: 'Isian tidak valid.', en: 'Invalid.' },
      errors: [{ field: 'occurred_at', code: 'future', message: { id: 'Waktu kejadian tidak boleh di masa depan.', en: 'The event cannot be in the future.' } }],
    })
    const { w, router } = await mountForm()
    await w.find('input[name="title"]').setValue('Unjuk rasa di DPRD')
    await w.find('select[name="category_code"]').setValue('POLITICAL_SITUATION.DEMONSTRATION')
    await w.find('input[name="escalation_level"][value="HIGH"]').setValue(true)
    await w.find('[data-testid="region-level-3"]').setValue('63.71.01')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(posts().length).toBe(1)
    const body = JSON.parse(String(posts()[0][1].body))
    expect(body).toMatchObject({ region_code: '63.71.01', escalation_level: 'HIGH', category_code: 'POLITICAL_SITUATION.DEMONSTRATION', source: 'FIELD' })
    expect(body.occurred_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00Z$/)
    expect(w.find('.alert-error').text()).toContain('Isian tidak valid.')
    expect(fieldOf(w, 'input[name="occurred_at"]').find('.field-error').text()).toBe('Waktu kejadian tidak boleh di masa depan.')

    postReply = () => json(201, { id: 41, version: 1 })
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/monitoring/events/41?created=1')
    // The retry of the same data reuses the Idempotency-Key.
    const keys = posts().map(([, i]) => (i.headers as Record<string, string>)['Idempotency-Key'])
    expect(keys[0]).toBe(keys[1])
  })
})
