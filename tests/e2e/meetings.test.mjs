// Meetings in the browser against the real server: the province's kabid plans a meeting that is
// taking place now and invites a guest without an account; the meeting screen shows the QR code
// of self check-in; on a 390 px phone the guest opens it (no login), fills the form and signs with
// a finger; the kabid sees the attendance, the agreements and the minutes are recorded, both sign
// the Berita Acara (the guest on the officer's tablet), it turns final, downloads as a PDF with
// its register code, and the public verification page confirms it.
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import { launch, closeBrowser, newPage, login, shot } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await closeBrowser(browser) })

async function apiCall(page, method, path, body, version) {
  const me = await (await page.request.get('/api/v1/session')).json()
  const headers = { 'X-CSRF-Token': me.csrf_token }
  if (version !== undefined) headers['If-Match'] = `"${version}"`
  const r = await page.request.fetch(path, { method, headers, data: body })
  const text = await r.text()
  assert.ok(r.status() < 300, `${method} ${path}: ${r.status()} ${text}`)
  return JSON.parse(text)
}

describe('a meeting from self check-in on a phone to the signed Berita Acara', () => {
  test('check-in at 390 px, signatures, final Berita Acara, verification', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.kabid')
    const me = (await (await page.request.get('/api/v1/session')).json()).user
    const now = Date.now()
    let m = await apiCall(page, 'POST', '/api/v1/meetings', {
      type: 'FORUM', title: 'Forum uji daftar hadir', region_code: '63', venue: 'Aula Bakesbangpol, Banjarbaru',
      chair_name: me.full_name, start_at: new Date(now - 10 * 60_000).toISOString(), end_at: new Date(now + 2 * 3600_000).toISOString(),
    })
    m = await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/participants`, { name: me.full_name, user_id: me.id, institution: 'Bakesbangpol' })
    m = await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/participants`, { name: 'Hj. Aminah', institution: 'Ombudsman RI' })
    m = await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/actions`, { action: 'INVITE' }, m.version)

    // The meeting screen: start it, then the QR code of self check-in.
    await page.goto(`/meetings/${m.id}`)
    await page.getByRole('button', { name: 'Mulai rapat' }).click()
    await page.locator('[data-testid="meeting-status"]', { hasText: 'Berlangsung' }).waitFor()
    await page.locator('[data-testid="checkin-card"] img').waitFor()
    const link = await page.locator('[data-testid="checkin-link"]').getAttribute('href')
    assert.match(link, /^\/hadir\/[A-Za-z0-9_-]{20,}$/)
    const qr = await page.request.get(`/api/v1/meetings/${m.id}/checkin-qr.svg`)
    assert.equal(qr.status(), 200)
    assert.match(await qr.text(), /^<svg /)
    await shot(page, 'meeting-checkin-screen')

    // The guest's phone: no account, 390 px, the form and a signature drawn with a finger.
    const phone = await newPage(browser, { width: 390, height: 844 })
    await phone.goto(link)
    await phone.locator('input[name="name"]').fill('Hj. Aminah')
    await phone.locator('input[name="position"]').fill('Kepala Keasistenan')
    await phone.locator('input[name="institution"]').fill('Ombudsman RI Perwakilan Kalimantan Selatan')
    const pad = phone.locator('[data-testid="signature-pad"]')
    const box = await pad.boundingBox()
    await phone.mouse.move(box.x + 20, box.y + 60)
    await phone.mouse.down()
    for (const [dx, dy] of [[60, 20], [110, 80], [170, 30], [240, 70]]) await phone.mouse.move(box.x + dx, box.y + dy, { steps: 4 })
    await phone.mouse.up()
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `the check-in page fits a 390 px phone (overflow ${overflow}px)`)
    await phone.getByRole('button', { name: 'Kirim daftar hadir' }).click()
    await phone.locator('[data-testid="checkin-done"]').waitFor()
    await shot(phone, 'meeting-checkin-phone')
    assert.deepEqual(phone.errors, [])
    await phone.context().close()

    // The kabid's screen shows her present; the chair is marked present, the rest is recorded.
    await page.reload()
    const guest = page.locator('[data-testid="participant"]', { hasText: 'Hj. Aminah' })
    await guest.locator('.badge', { hasText: 'Hadir' }).waitFor()
    m = await apiCall(page, 'GET', `/api/v1/meetings/${m.id}`)
    const chair = m.participants.find((p) => p.user_id === me.id)
    const aminah = m.participants.find((p) => p.name === 'Hj. Aminah')
    assert.equal(aminah.checkin_method, 'SELF')
    assert.ok(aminah.attendance_signature.length >= 1, 'the drawn strokes were stored')
    await apiCall(page, 'PATCH', `/api/v1/meetings/${m.id}/participants/${chair.id}`, { name: chair.name, institution: chair.institution, present: true })
    await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/agreements`, { text: 'Standar pelayanan dipublikasikan di laman resmi.', category: 'POLICY', target_date: '2027-01-31' })
    const incident = await apiCall(page, 'POST', '/api/v1/conflict/incidents', {
      region_code: '63', occurred_on: new Date(now - 86_400_000).toISOString().slice(0, 10), source: 'NATURAL_RESOURCE_DISPUTE',
      type_code: 'LAND.PLANTATION', info_source: 'FIELD', description: 'Sengketa lahan yang dibahas dalam forum uji.',
    })
    const withItem = await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/action-items`, {
      action: 'Mediasi sengketa lahan oleh tim terpadu', due_date: '2027-01-31', links: [{ kind: 'incident', id: incident.id }],
    })
    const item = withItem.action_items[0]
    await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/minutes`, { opening_summary: 'Dibuka oleh pimpinan rapat.', conclusions: ['Disepakati satu rencana aksi.'] })
    await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/minutes/approve`)
    await page.reload()
    await page.getByRole('button', { name: 'Tetapkan notula' }).click()
    await page.locator('[data-testid="meeting-status"]', { hasText: 'Notula disetujui' }).waitFor()

    // Signatures: the guest's drawn on the officer's tablet, the kabid's in the app.
    await apiCall(page, 'POST', `/api/v1/meetings/${m.id}/sign`, { participant_id: aminah.id, signature: [[[10, 60], [80, 20], [150, 70], [220, 30]]] })
    await page.reload()
    assert.match(await page.locator('[data-testid="ba-state"]').innerText(), /Belum final/)
    await page.locator('[data-testid="ba-sign"]').click()
    await page.locator('[data-testid="ba-state"]', { hasText: 'Final' }).waitFor()
    const href = await page.locator('[data-testid="ba-download"]').getAttribute('href')
    const pdf = await page.request.get(href)
    assert.equal(pdf.status(), 200)
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-')
    const code = pdf.headers()['x-document-code']
    assert.ok(code)
    await page.getByRole('button', { name: 'Tutup rapat' }).click()
    await page.locator('[data-testid="meeting-status"]', { hasText: 'Selesai' }).waitFor()
    await shot(page, 'meeting-closed')

    // The action item is done (a verified follow-up at 100%), and the incident shows it.
    const followed = await apiCall(page, 'POST', `/api/v1/action-items/${item.id}/follow-ups`, {
      date: new Date().toISOString().slice(0, 10), action_taken: 'Mediasi selesai; para pihak sepakat.', progress_pct: 100,
    })
    await apiCall(page, 'POST', `/api/v1/follow-ups/${followed.follow_ups[0].id}/verify`, { decision: 'VERIFIED' })
    await page.goto(`/conflict/incidents/${incident.id}`)
    const linked = page.locator('[data-testid="meeting-links"]')
    await linked.locator('text=Mediasi sengketa lahan oleh tim terpadu').waitFor()
    await linked.locator('.badge', { hasText: 'Selesai' }).waitFor()
    await shot(page, 'incident-with-action-item')

    // Anybody can verify the document on a phone.
    const reader = await newPage(browser, { width: 390, height: 844 })
    await reader.goto(`/verifikasi/${code}`)
    await reader.locator('[data-testid="verify-entry"]').waitFor()
    assert.match(await reader.locator('[data-testid="verify-entry"]').innerText(), /Berita Acara/)
    await reader.locator('[data-testid="verify-file"]').setInputFiles({ name: 'ba.pdf', mimeType: 'application/pdf', buffer: await pdf.body() })
    await reader.locator('[data-testid="verify-result"]', { hasText: 'Berkas identik dengan dokumen' }).waitFor()
    await shot(reader, 'verify-document')
    assert.deepEqual(reader.errors, [])
    await reader.context().close()
    assert.deepEqual(page.errors, [])
    await page.context().close()
  })
})
