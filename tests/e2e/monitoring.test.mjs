// Political-development monitoring in the browser against the real server and demo data:
// the quarterly report round trip between a kab/kota operator and the province, the national
// recap, a fast report reaching the province's notifications, and the admin screens.
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import { launch, closeBrowser, newPage, login, shot, axe } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await closeBrowser(browser) })

async function done(page) {
  assert.deepEqual(page.errors, [], `uncaught errors in the page: ${page.errors.join('\n')}`)
  await page.context().close()
}

const SECTIONS = {
  general_situation: 'Situasi politik di Kota Banjarmasin kondusif; hubungan eksekutif dan DPRD berjalan baik.',
  election_stages: 'Persiapan pemungutan suara ulang dipantau bersama KPU Kota Banjarmasin.',
  gov_support: 'Perangkat daerah menyiapkan personel sekretariat PPK dan PPS.',
  potential_threats: 'Potensi hoaks di media sosial menjelang tahapan kampanye.',
  measures_taken: 'Rapat koordinasi dengan Forkopimda dan tokoh agama.',
  recommendations: 'Perkuat literasi digital masyarakat.',
}
const REASON = 'Lengkapi data dukung kegiatan pendidikan politik pada bagian dukungan pemerintah daerah.'
const status = (page) => page.locator('[data-testid="report-status"]')

describe('quarterly report round trip', () => {
  let reportUrl = ''
  let period = ''

  // A report is submitted once its quarter is over (docs/MONITORING.md); this round trip runs
  // within the quarter, so the ministry first opens submission for the whole quarter (the rule
  // is data: report_types.submit_from_days_before_end), as an office with an early team meeting.
  before(async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    const status = await page.evaluate(async () => {
      const me = await (await fetch('/api/v1/session')).json()
      const types = await (await fetch('/api/v1/monitoring/report-types')).json()
      const ty = types.items.find((x) => x.code === 'TRIWULAN')
      const r = await fetch('/api/v1/monitoring/report-types/TRIWULAN', {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token, 'If-Match': `"${ty.version}"` },
        body: JSON.stringify({ due_unit: ty.due.unit, due_value: ty.due.value, submit_from_days_before_end: 92 }),
      })
      return r.status
    })
    assert.equal(status, 200)
    await page.context().close()
  })

  test('the kab/kota operator creates the report for the current quarter, writes it (autosave) and submits it', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.operator')
    await page.locator('nav a', { hasText: 'Laporan Triwulan' }).click()
    await page.waitForURL(/\/monitoring\/reports$/)
    await page.locator('table.dt tbody tr').first().waitFor()
    await axe(page, 'reports-list-operator')
    const create = page.locator('[data-testid="report-create"]')
    period = await create.locator('select[name="period"]').inputValue()
    assert.match(period, /^\d{4}-Q[1-4]$/)
    await create.locator('[data-testid="report-create-submit"]').click()
    await page.waitForURL(/\/monitoring\/reports\/\d+/)
    reportUrl = new URL(page.url()).pathname
    assert.equal(await status(page).innerText(), 'Draf')

    for (const [key, text] of Object.entries(SECTIONS)) await page.locator(`[data-testid="section-${key}"]`).fill(text)
    const saved = page.locator('[data-testid="autosave-status"]', { hasText: /Tersimpan otomatis \d\d\.\d\d WI/ })
    await saved.waitFor()
    await shot(page, 'report-draft-autosaved')
    await axe(page, 'report-editor')
    // What autosave stored is what the server has.
    await page.reload()
    assert.equal(await page.locator('[data-testid="section-recommendations"]').inputValue(), SECTIONS.recommendations)

    await page.locator('[data-testid="report-submit"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'dikirim' }).waitFor()
    assert.equal(await status(page).innerText(), 'Diajukan')
    assert.equal(await page.locator('textarea[data-testid^="section-"]').count(), 0, 'read-only after submitting')
    await done(page)
  })

  test('the province analyst returns it with a reason (required)', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.analis')
    // The submission is waiting in the analyst's notifications.
    await page.locator('[data-testid="bell-count"]').waitFor()
    await page.goto(reportUrl)
    const review = page.locator('[data-testid="review-card"]')
    await review.waitFor()
    await axe(page, 'report-review')
    await review.locator('[data-testid="report-return"]').click()
    await review.locator('[data-testid="return-confirm"]').click()
    const reasonField = review.locator('.field', { has: page.locator('[data-testid="return-reason"]') })
    await reasonField.locator('.field-error').waitFor()
    assert.equal(await review.locator('[data-testid="return-reason"]').getAttribute('aria-invalid'), 'true')
    await review.locator('[data-testid="return-reason"]').fill(REASON)
    await review.locator('[data-testid="return-confirm"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'dikembalikan' }).waitFor()
    assert.equal(await status(page).innerText(), 'Dikembalikan')
    await page.locator('.history > li', { hasText: 'Dikembalikan' }).waitFor()
    await shot(page, 'report-returned-reviewer')
    await done(page)
  })

  test('the operator sees the reason, revises and submits again', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.operator')
    // The return is in the operator's notifications and leads to the report.
    await page.locator('[data-testid="bell"]').click()
    await page.locator('[data-testid="bell-panel"] a', { hasText: 'dikembalikan' }).first().click()
    await page.waitForURL((u) => u.pathname === reportUrl)
    const note = page.locator('[data-testid="review-note"]')
    await note.waitFor()
    assert.match(await note.innerText(), /Laporan dikembalikan untuk diperbaiki/)
    assert.equal((await note.locator('blockquote').innerText()).trim(), REASON)
    await shot(page, 'report-returned-operator')
    await axe(page, 'report-returned-operator')
    await page.locator('[data-testid="section-gov_support"]').fill(`${SECTIONS.gov_support} Data dukung: notulen rapat 12 November dan daftar hadir terlampir.`)
    await page.locator('[data-testid="autosave-status"]', { hasText: /Tersimpan otomatis/ }).waitFor()
    await page.locator('[data-testid="report-submit"]', { hasText: 'Kirim ulang' }).click()
    await page.locator('[data-testid="notice"]', { hasText: 'dikirim' }).waitFor()
    assert.equal(await status(page).innerText(), 'Diajukan')
    await done(page)
  })

  test('the province analyst accepts it', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.analis')
    await page.goto(reportUrl)
    await page.locator('[data-testid="section-gov_support"]', { hasText: 'notulen rapat' }).waitFor()
    await page.locator('[data-testid="report-accept"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'diterima' }).waitFor()
    assert.equal(await status(page).innerText(), 'Diterima')
    await done(page)
  })

  test('the operator\'s list shows the review at once; read again, it comes back 304 and is drawn the same', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.operator')
    const answers = []
    page.on('response', (r) => { if (new URL(r.url()).pathname === '/api/v1/monitoring/reports') answers.push(r.status()) })
    const row = page.locator('table.dt tbody tr', { has: page.locator(`a[href="${reportUrl}"]`) })
    for (let i = 0; i < 2; ++i) {
      await page.locator('nav a', { hasText: 'Laporan Triwulan' }).click()
      await page.waitForURL(/\/monitoring\/reports$/)
      await row.first().waitFor()
      assert.match(await row.first().innerText(), /Diterima/)
      if (i === 0) {
        await row.first().locator(`a[href="${reportUrl}"]`).first().click()
        await page.waitForURL((u) => u.pathname === reportUrl)
      }
    }
    assert.equal(answers[0], 200)
    assert.ok(answers.length >= 2 && answers.slice(1).every((x) => x === 304), `asked again, no body: ${answers}`)
    await done(page)
  })

  test('the national admin sees it in the national recap as reported', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.goto(`/monitoring/rekap?type=TRIWULAN&period=${period}`)
    await page.locator('table.dt tbody tr').first().waitFor()
    const summary = page.locator('[data-testid="recap-summary"]')
    assert.match(await summary.locator('[data-key="regions"] .figure-value').innerText(), /^\d{3}$/, 'every kab/kota of Indonesia')
    assert.match(await summary.locator('[data-key="reported"] .figure-value').innerText(), /^[1-9]\d* dari \d+/)
    await page.locator('.dt-search input').fill('Banjarmasin')
    const row = page.locator('table.dt tbody tr', { hasText: 'Kota Banjarmasin' })
    await row.waitFor()
    await page.waitForFunction(() => document.querySelectorAll('table.dt tbody tr').length === 1)
    assert.match(await row.innerText(), /Diterima/)
    assert.match(await row.innerText(), /Tepat waktu/)
    await shot(page, 'recap-national')
    await axe(page, 'recap-national')
    // Drill-down to the report.
    await row.locator('a', { hasText: 'Kota Banjarmasin' }).click()
    await page.waitForURL((u) => u.pathname === reportUrl)
    await status(page).waitFor()
    assert.equal(await status(page).innerText(), 'Diterima')
    await done(page)
  })
})

describe('fast report (lapor cepat)', () => {
  const title = `Bentrok massa pendukung di Banjarmasin Selatan ${Date.now().toString(36)}`

  test('the operator reports an event from a phone, with a kecamatan and a point on the map', async () => {
    const page = await newPage(browser, { width: 360, height: 740 })
    await login(page, 'banjarmasin.operator')
    await page.goto('/monitoring/events/baru')
    const form = page.locator('[data-testid="event-form"]')
    await form.waitFor()
    // The browser's checks first, at the fields.
    await form.locator('[data-testid="event-submit"]').click()
    await form.locator('input[name="title"][aria-invalid="true"]').waitFor()
    await form.locator('input[name="title"]').fill(title)
    await page.waitForFunction(() => document.querySelectorAll('select[name="category_code"] option').length > 5)
    await form.locator('select[name="category_code"]').selectOption('POLITICAL_SITUATION.DEMONSTRATION')
    await form.locator('label.choice', { hasText: 'Tinggi' }).click()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="region-level-3"] option').length > 1)
    await form.locator('[data-testid="region-level-3"]').selectOption({ label: 'Banjarmasin Selatan' })
    await form.locator('input[name="location_text"]').fill('Depan kantor kecamatan')
    await form.locator('[data-testid="toggle-map"]').click()
    const map = form.locator('[data-testid="point-map"]')
    await map.locator('.leaflet-overlay-pane path').first().waitFor()
    await map.click()
    await page.waitForFunction(() => document.querySelector('input[name="lat"]')?.value !== '')
    await form.locator('textarea[name="description"]').fill('Dua kelompok pendukung saling dorong; diamankan aparat.')
    await form.locator('[data-testid="actor-add"]').click()
    await form.locator('select[name="actor_type_0"]').selectOption('ORMAS')
    await form.locator('input[name="actor_name_0"]').fill('Aliansi Pemuda Banua')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `no horizontal scrolling on the phone form (overflow ${overflow}px)`)
    await shot(page, 'event-form-phone')
    await axe(page, 'event-form-phone')
    await form.locator('[data-testid="event-submit"]').click()
    await page.waitForURL(/\/monitoring\/events\/\d+/)
    await page.locator('[data-testid="notice"]').waitFor()
    assert.equal(await page.locator('h1').innerText(), title)
    assert.equal(await page.locator('[data-testid="event-status"]').innerText(), 'Dilaporkan')
    await page.locator('[data-testid="point-map"] path').first().waitFor()
    await axe(page, 'event-detail-phone')
    await done(page)
  })

  test('it appears in the province analyst\'s notifications, who verifies it', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.analis')
    const count = page.locator('[data-testid="bell-count"]')
    await count.waitFor()
    assert.ok(Number(await count.innerText()) >= 1)
    await page.locator('[data-testid="bell"]').click()
    const item = page.locator('[data-testid="bell-panel"] a', { hasText: title })
    await item.waitFor()
    assert.match(await item.innerText(), /Baru/)
    await shot(page, 'notifications-open')
    await axe(page, 'notifications-open')
    await item.click()
    await page.waitForURL(/\/monitoring\/events\/\d+/)
    await page.locator('[data-testid="event-verify"]').click()
    await page.locator('[data-testid="notice"]').waitFor()
    assert.equal(await page.locator('[data-testid="event-status"]').innerText(), 'Terverifikasi')
    // HANDLE needs a note: the message appears at the note.
    await page.locator('[data-testid="event-handle"]').click()
    await page.locator('[data-testid="event-note"][aria-invalid="true"]').waitFor()
    await page.goto('/monitoring/events')
    await page.locator('table.dt tbody tr', { hasText: title }).waitFor()
    const first = await page.locator('table.dt tbody tr').first().innerText()
    assert.ok(first.includes(title), 'newest first')
    await axe(page, 'events-list')
    await done(page)
  })
})

describe('monitoring administration', () => {
  test('holiday calendar: add and delete a holiday', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.goto('/admin/hari-libur')
    await page.locator('table.dt tbody tr').first().waitFor()
    await axe(page, 'holidays')
    const year = new Date().getFullYear() + 1
    const form = page.locator('[data-testid="holiday-form"]')
    await form.locator('input[name="date"]').fill(`${year}-12-30`)
    await form.locator('select[name="kind"]').selectOption('CUTI_BERSAMA')
    await form.locator('input[name="name_id"]').fill('Cuti bersama uji')
    await form.locator('input[name="legal_basis"]').fill('SKB 3 Menteri (uji)')
    await form.locator('[data-testid="holiday-save"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'ditambahkan' }).waitFor()
    assert.equal(await page.locator('select[name="year"]').inputValue(), String(year))
    await page.locator('table.dt tbody tr', { hasText: 'Cuti bersama uji' }).waitFor()
    await page.locator(`[data-testid="holiday-delete-${year}-12-30"]`).click()
    await page.locator('[data-testid="holiday-delete-confirm"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'dihapus' }).waitFor()
    // The list reloads after the notice: wait for the row to go (or fail after the timeout).
    await page.locator('table.dt tbody tr', { hasText: 'Cuti bersama uji' }).waitFor({ state: 'detached', timeout: 5000 }).catch(() => {})
    assert.equal(await page.locator('table.dt tbody tr', { hasText: 'Cuti bersama uji' }).count(), 0)
    await done(page)
  })

  test('report types: change a deadline rule and change it back', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.goto('/admin/jenis-laporan')
    const card = page.locator('[data-testid="type-TRIWULAN_PROVINSI"]')
    await card.waitFor()
    await axe(page, 'report-types')
    const before = await card.locator('[data-testid="due-rule"]').innerText()
    await card.locator('[data-testid="type-edit-TRIWULAN_PROVINSI"]').click()
    await card.locator('input[name="due_value"]').fill('15')
    await card.locator('select[name="due_unit"]').selectOption('WORKING_DAYS')
    await card.locator('[data-testid="type-save"]').click()
    await page.locator('[data-testid="notice"]').waitFor()
    // The list reloads after the notice: wait for the saved rule rather than read a stale card.
    await card.locator('[data-testid="due-rule"]', { hasText: '15 hari kerja setelah akhir periode' }).waitFor()
    assert.equal(await card.locator('[data-testid="due-rule"]').innerText(), '15 hari kerja setelah akhir periode')
    const [value, unit] = [before.match(/^\d+/)[0], before.includes('kerja') ? 'WORKING_DAYS' : 'CALENDAR_DAYS']
    await card.locator('[data-testid="type-edit-TRIWULAN_PROVINSI"]').click()
    await card.locator('input[name="due_value"]').fill(value)
    await card.locator('select[name="due_unit"]').selectOption(unit)
    await card.locator('[data-testid="type-save"]').click()
    await page.waitForFunction((b) => document.querySelector('[data-testid="type-TRIWULAN_PROVINSI"] [data-testid="due-rule"]')?.textContent === b, before)
    await done(page)
  })
})
