// Meetings in the browser against the real server: the province's kabid plans a meeting that is
// taking place now and invites a guest without an account; the meeting screen shows the QR code
// of self check-in; on a 390 px phone the guest opens it (no login), fills the form and signs with
// a finger; the kabid sees the attendance, the agreements and the minutes are recorded, both sign
// the Berita Acara (the guest on the officer's tablet), it turns final, downloads as a PDF with
// its register code, and the public verification page confirms it. On the way the kabid adds a
// speaker with a material and a documentation photo through the screen (and at 390 px).
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import { launch, closeBrowser, newPage, login, shot, axe } from './lib.mjs'

// A one-page PDF and a 1 x 1 PNG, as a speaker's material and a documentation photo.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1')
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

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

    // A speaker with a material and a documentation photo, through the screen; still there after a reload.
    await page.locator('[data-testid="speaker-open"]').click()
    await page.locator('input[name="s_name"]').fill('Dr. Rahmat Hidayat')
    await page.locator('input[name="s_position"]').fill('Universitas Lambung Mangkurat')
    await page.locator('input[name="s_topic"]').fill('Standar pelayanan publik')
    await page.locator('[data-testid="speaker-submit"]').click()
    const speaker = page.locator('[data-testid="speaker"]', { hasText: 'Dr. Rahmat Hidayat' })
    await speaker.waitFor()
    await speaker.locator('[data-testid="material-file"]').setInputFiles({ name: 'paparan.pdf', mimeType: 'application/pdf', buffer: PDF })
    await speaker.locator('[data-testid="material-link"]', { hasText: 'paparan.pdf' }).waitFor()
    await page.locator('input[name="photo_caption"]').fill('Paparan narasumber di aula')
    await page.locator('[data-testid="photo-file"]').setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: PNG })
    await page.locator('[data-testid="photo-submit"]').click()
    await page.locator('[data-testid="photo-caption"]', { hasText: 'Paparan narasumber di aula' }).waitFor()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.locator('[data-testid="speaker"]', { hasText: 'Standar pelayanan publik' }).waitFor()
    const thumb = page.locator('[data-testid="photo"] img')
    await thumb.waitFor()
    await page.waitForFunction(() => document.querySelector('[data-testid="photo"] img')?.complete)
    assert.ok(await thumb.evaluate((img) => img.naturalWidth > 0), 'the thumbnail shows the photo')
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(wide <= 0, `speakers and photos fit a 390 px phone (overflow ${wide}px)`)
    await page.setViewportSize({ width: 1366, height: 900 })
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

// The organiser's forms, without the API: plan a meeting, invite a participant, start it and
// record the attendance, write and approve the minutes, add an agreement and an action item for
// it that points at a hotspot, report a follow-up with an evidence file and verify it; the hotspot
// shows the done item, the agreement turns realised, the plan is changed by autosave, and a phone
// shows the meeting and the dashboard tile at 390 px. On the way: a participant without a phone
// recorded by the officer with a drawn signature, and the action item's owner and due date
// changed by the organiser with a reason (overdue follows the due date).
describe('a meeting planned and followed through the forms', () => {
  test('plan, invite, attend, minutes, agreement, action item, follow-up, at 390 px too', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.kabid')
    // datetime-local values in the browser's time zone (Asia/Jakarta, UTC+7).
    const local = (ms) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16)
    const now = Date.now()

    await page.goto('/meetings')
    await page.locator('[data-testid="meeting-new"]').click()
    await page.waitForURL(/\/meetings\/baru$/)
    const form = page.locator('[data-testid="meeting-form"]')
    // Sent empty: the server's reasons appear at the fields, in Indonesian.
    await page.locator('[data-testid="meeting-submit"]').click()
    await form.locator('text=Judul rapat wajib diisi.').waitFor()
    await axe(page, 'meeting-form')
    await form.locator('select[name="type"]').selectOption('RAKOR')
    await form.locator('input[name="title"]').fill('Rakor Kesbangpol se-Kalimantan Selatan uji formulir')
    await form.locator('input[name="series"]').fill('Rakor Kesbangpol Kalsel uji')
    await form.locator('input[name="theme"]').fill('Sinergi pemantauan wilayah')
    await form.locator('textarea[name="legal_basis"]').fill('Permendagri Nomor 11 Tahun 2019')
    await form.locator('textarea[name="agenda"]').fill('1. Pembukaan\n2. Paparan\n3. Kesepakatan')
    await form.locator('input[name="start_at"]').fill(local(now - 15 * 60_000))
    await form.locator('input[name="end_at"]').fill(local(now + 3 * 3600_000))
    await form.locator('select[name="mode"]').selectOption('HYBRID')
    await form.locator('input[name="venue"]').fill('Aula Bakesbangpol Provinsi')
    await form.locator('input[name="online_link"]').fill('https://rapat.example.go.id/rakor')
    await form.locator('input[name="chair_name"]').fill('Drs. H. Kepala Badan')
    await form.locator('input[name="secretary_name"]').fill('Siti Notulis')
    await form.locator('input[name="budget_source"]').fill('APBD Provinsi 2026')
    await page.locator('[data-testid="meeting-submit"]').click()
    await page.waitForURL(/\/meetings\/\d+$/)
    const meetingUrl = page.url()
    await page.locator('h1', { hasText: 'Rakor Kesbangpol se-Kalimantan Selatan uji formulir' }).waitFor()
    await page.locator('[data-testid="meeting-status"]', { hasText: 'Direncanakan' }).waitFor()
    const body = await page.locator('main').innerText()
    assert.match(body, /Tatap muka dan daring/)
    assert.match(body, /Siti Notulis/)
    assert.ok(!/HYBRID|RAKOR|PLANNED/.test(body), 'no raw codes on the Indonesian screen')

    // A participant, the invitations, the start, and the attendance recorded by the officer.
    await page.locator('[data-testid="participant-open"]').click()
    const pf = page.locator('[data-testid="participant-form"]')
    await pf.locator('input[name="p_name"]').fill('Drs. Rahmat Hidayat')
    await pf.locator('input[name="p_position"]').fill('Anggota')
    await pf.locator('input[name="p_institution"]').fill('KPU Provinsi Kalimantan Selatan')
    await pf.locator('select[name="p_type"]').selectOption('ELECTION_BODY')
    await page.locator('[data-testid="participant-submit"]').click()
    const rahmat = page.locator('[data-testid="participant"]', { hasText: 'Drs. Rahmat Hidayat' })
    await rahmat.locator('text=Penyelenggara pemilu').waitFor()
    await page.getByRole('button', { name: 'Kirim undangan' }).click()
    await page.locator('[data-testid="meeting-status"]', { hasText: 'Undangan terkirim' }).waitFor()
    await page.getByRole('button', { name: 'Mulai rapat' }).click()
    await page.locator('[data-testid="meeting-status"]', { hasText: 'Berlangsung' }).waitFor()
    await rahmat.locator('[data-testid="mark-present"]').click()
    await rahmat.locator('.badge', { hasText: /^Hadir$/ }).waitFor()
    await rahmat.locator('text=dicatat petugas').waitFor()
    // A participant without a phone, recorded by the officer with a signature drawn on the tablet.
    await page.locator('[data-testid="attendance-open"]').click()
    const att = page.locator('[data-testid="attendance-form"]')
    await att.locator('input[name="a_name"]').fill('H. Abdul Gani')
    await att.locator('input[name="a_position"]').fill('Ketua RT 05')
    await att.locator('input[name="a_institution"]').fill('Kelurahan Kertak Baru')
    await att.locator('select[name="a_type"]').selectOption('PUBLIC')
    const padBox = await att.locator('[data-testid="signature-pad"]').boundingBox()
    await page.mouse.move(padBox.x + 20, padBox.y + 50)
    await page.mouse.down()
    for (const [dx, dy] of [[60, 20], [110, 70], [170, 30]]) await page.mouse.move(padBox.x + dx, padBox.y + dy, { steps: 4 })
    await page.mouse.up()
    await page.locator('[data-testid="attendance-submit"]').click()
    await page.locator('[data-testid="attendance-saved"]', { hasText: 'H. Abdul Gani' }).waitFor()
    const gani = page.locator('[data-testid="participant"]', { hasText: 'H. Abdul Gani' })
    await gani.locator('text=dicatat petugas').waitFor()
    await gani.locator('text=Masyarakat').waitFor()
    const recorded = await apiCall(page, 'GET', `/api/v1/meetings/${meetingUrl.split('/').pop()}`)
    assert.ok(recorded.participants.find((p) => p.name === 'H. Abdul Gani')?.has_attendance_signature, 'the drawn signature was saved')
    // The meeting's documents are offered for download.
    await page.locator('[data-testid="doc-daftar-hadir"]').waitFor()
    await page.locator('[data-testid="doc-surat-undangan"]').waitFor()

    // The minutes, saved as they are typed, then approved.
    const minutes = page.locator('[data-testid="minutes"]')
    await minutes.locator('input[name="speaker_0"]').fill('Kepala Badan')
    await minutes.locator('textarea[name="summary_0"]').fill('Anggaran pemantauan lapangan perlu dinaikkan.')
    await minutes.locator('input[name="conclusion_0"]').fill('Rakor berikutnya di Kutai Timur.')
    await minutes.locator('[data-testid="minutes-state"]', { hasText: 'Tersimpan' }).waitFor()
    await minutes.locator('[data-testid="minutes-approve"]').click()
    await minutes.locator('[data-testid="minutes-approved"]').waitFor()

    // An agreement and an action item for it.
    await page.locator('[data-testid="agreement-open"]').click()
    const af = page.locator('[data-testid="agreement-form"]')
    await af.locator('textarea[name="a_text"]').fill('Setiap kabupaten/kota menganggarkan kendaraan pemantauan lapangan pada 2027.')
    await af.locator('select[name="a_category"]').selectOption('BUDGET')
    await af.locator('input[name="a_addressees"]').fill('Kesbangpol kabupaten/kota')
    await af.locator('input[name="a_target_date"]').fill('2027-03-31')
    await page.locator('[data-testid="agreement-submit"]').click()
    const agreement = page.locator('[data-testid="agreement"]').first()
    await agreement.locator('text=Anggaran').waitFor()
    await agreement.locator('[data-testid="agreement-status"]', { hasText: 'Disepakati' }).waitFor()
    assert.match(await agreement.innerText(), /31 Maret 2027/)

    await page.locator('[data-testid="item-open"]').click()
    const itf = page.locator('[data-testid="item-form"]')
    await itf.locator('select[name="i_agreement"]').selectOption({ index: 1 })
    await itf.locator('textarea[name="i_action"]').fill('Usulan kendaraan pemantauan dalam RKA 2027')
    await itf.locator('input[name="i_output"]').fill('Dokumen RKA')
    await itf.locator('input[name="i_owner_person"]').fill('Kabid Kewaspadaan')
    await itf.locator('input[name="i_due"]').fill('2027-01-31')
    await itf.locator('input[name="i_budget"]').fill('250.000.000')
    // The item points at a hotspot of the province, whose page then shows it.
    const hotspot = await apiCall(page, 'POST', '/api/v1/conflict/hotspots', {
      region_code: '63', name: 'Sengketa tapal batas uji rakor', source: 'NATURAL_RESOURCE_DISPUTE', type_code: 'LAND.PLANTATION',
    })
    await itf.locator('select[name="i_link_kind"]').selectOption('hotspot')
    await itf.locator('input[name="i_link_id"]').fill(String(hotspot.id))
    await page.locator('[data-testid="item-submit"]').click()
    const item = page.locator('[data-testid="action-item"]', { hasText: 'Usulan kendaraan pemantauan dalam RKA 2027' })
    await item.locator('text=Belum dimulai').waitFor()
    assert.match(await item.innerText(), /Rp\s?250\.000\.000/)
    await shot(page, 'meeting-forms')
    await axe(page, 'meeting-with-forms')

    // The follow-up with its evidence, verified by the organiser: the item is done.
    await item.locator('a').first().click()
    await page.waitForURL(/\/meetings\/rencana-aksi\/\d+$/)
    // First the organiser moves it: another owner and an earlier due date, already past, with a
    // reason; the item turns overdue. Without a reason the server says so at the field.
    await page.locator('[data-testid="reassign-open"]').click()
    const rf = page.locator('[data-testid="reassign-form"]')
    await rf.locator('input[name="r_owner_person"]').fill('Kasubbid Ketahanan Ekonomi')
    await rf.locator('input[name="r_due_date"]').fill('2026-01-15')
    await page.locator('[data-testid="reassign-submit"]').click()
    await rf.locator('text=Sebutkan alasan perubahan.').waitFor()
    await rf.locator('input[name="r_reason"]').fill('Dialihkan sesuai disposisi Kepala Badan')
    await page.locator('[data-testid="reassign-submit"]').click()
    await page.locator('[data-testid="item-status"]', { hasText: 'Lewat tenggat' }).waitFor()
    assert.match(await page.locator('main').innerText(), /Kasubbid Ketahanan Ekonomi[\s\S]*15 Januari 2026/)
    await page.locator('[data-testid="reassign-open"]').click()
    await rf.locator('input[name="r_due_date"]').fill('2027-01-31')
    await rf.locator('input[name="r_reason"]').fill('Tenggat dikembalikan sesuai RKA')
    await page.locator('[data-testid="reassign-submit"]').click()
    await page.locator('[data-testid="item-status"]', { hasText: 'Belum dimulai' }).waitFor()
    const ff = page.locator('[data-testid="follow-up-form"]')
    await ff.locator('textarea[name="f_action_taken"]').fill('Usulan dimasukkan dalam RKA 2027 dan disetujui TAPD.')
    await ff.locator('input[name="f_progress"]').fill('100')
    await ff.locator('input[type="file"]').setInputFiles({ name: 'rka-2027.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%uji\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') })
    await ff.locator('button', { hasText: 'Unggah' }).click()
    await ff.locator('[data-testid="evidence-file"]', { hasText: 'rka-2027.pdf' }).waitFor()
    await page.locator('[data-testid="follow-up-submit"]').click()
    const fu = page.locator('[data-testid="follow-up"]').first()
    await fu.locator('[data-testid="follow-up-status"]', { hasText: 'Menunggu verifikasi' }).waitFor()
    await page.locator('[data-testid="item-status"]', { hasText: 'Berjalan' }).waitFor()
    await axe(page, 'meeting-action-item')
    await fu.locator('[data-testid="follow-up-verify"]').click()
    await fu.locator('[data-testid="follow-up-status"]', { hasText: 'Terverifikasi' }).waitFor()
    await page.locator('[data-testid="item-status"]', { hasText: 'Selesai' }).waitFor()
    assert.equal(await page.locator('[data-testid="item-progress"]').innerText(), '100%', 'the verified follow-up at 100% completes the item')
    assert.match(await fu.innerText(), /Bukti #\d+/)

    // The hotspot's page shows the meeting and the done item.
    await page.goto(`/conflict/hotspots/${hotspot.id}`)
    const linked = page.locator('[data-testid="meeting-links"]')
    await linked.locator('text=Usulan kendaraan pemantauan dalam RKA 2027').waitFor()
    await linked.locator('text=Rakor Kesbangpol se-Kalimantan Selatan uji formulir').waitFor()
    await linked.locator('.badge', { hasText: 'Selesai' }).waitFor()

    // The agreement is realised; the plan changes by autosave and survives a reload.
    await page.goto(meetingUrl)
    await page.locator('[data-testid="agreement-status"]', { hasText: 'Terealisasi' }).waitFor()
    await page.locator('[data-testid="meeting-edit"]').click()
    await page.waitForURL(/\/ubah$/)
    await page.locator('input[name="venue"]').fill('Ruang Rapat Gubernur')
    await page.locator('[data-testid="autosave-state"]', { hasText: 'Tersimpan' }).waitFor()
    await page.reload()
    // The form fills once the meeting is read again: the saved venue comes back from the server.
    await page.waitForFunction(() => document.querySelector('input[name="title"]')?.value !== '')
    assert.equal(await page.locator('input[name="venue"]').inputValue(), 'Ruang Rapat Gubernur', 'the autosaved venue after a reload')
    await page.locator('[data-testid="meeting-submit"]').click()
    await page.waitForURL(/\/meetings\/\d+$/)
    await page.locator('main', { hasText: 'Ruang Rapat Gubernur' }).waitFor()
    assert.deepEqual(page.errors, [])

    // On a phone: the meeting and its forms fit 390 px; the dashboard shows the tile.
    const phone = await newPage(browser, { width: 390, height: 844 })
    await login(phone, 'kalsel.kabid')
    await phone.goto(meetingUrl)
    await phone.locator('[data-testid="agreement-status"]', { hasText: 'Terealisasi' }).waitFor()
    await phone.locator('[data-testid="item-open"]').click()
    await phone.locator('[data-testid="item-form"]').waitFor()
    await phone.locator('[data-testid="attendance-open"]').click()
    await phone.locator('[data-testid="attendance-form"] [data-testid="signature-pad"]').waitFor()
    let overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `the meeting page fits a 390 px phone (overflow ${overflow}px)`)
    await shot(phone, 'meeting-phone')
    await axe(phone, 'meeting-phone')
    await phone.goto('/')
    const tile = phone.locator('[data-testid="realised-tile"]')
    await tile.waitFor()
    assert.match(await tile.innerText(), /Kesepakatan terealisasi/)
    assert.ok(await tile.locator('[data-testid="realised-row"]').count() >= 1)
    overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 0, `the dashboard fits a 390 px phone (overflow ${overflow}px)`)
    await shot(phone, 'dashboard-realised-phone')
    assert.deepEqual(phone.errors, [])
    await phone.context().close()
    await page.context().close()
  })
})
