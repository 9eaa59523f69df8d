// The public service desk in the browser: on a 390 px phone page, without an account, a student
// reads the province office's service standard, applies for a research permit with her five
// documents and keeps the number and secret; the office checks the documents and returns the
// proposal for completion (the clock waits), she sends a corrected proposal from the tracking
// page, the office passes the documents and the head issues the letter; she downloads the
// letter, checks it against the document register (its QR code) and answers the satisfaction
// survey. axe runs on the public pages.
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import { launch, closeBrowser, newPage, login, shot, axe } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await closeBrowser(browser) })

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const DOCS = ['APPLICATION_LETTER', 'PROPOSAL', 'STATEMENT', 'IDENTITY', 'PHOTO']

async function done(page) {
  assert.deepEqual(page.errors, [], `uncaught errors in the page: ${page.errors.join('\n')}`)
  await page.context().close()
}

describe('a research permit from the phone to the letter', () => {
  const cred = {}

  test('a student applies on a 390 px page without an account', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await page.goto('/layanan/63')
    await page.locator('[data-testid="service-RESEARCH_PERMIT"]').waitFor()
    assert.match(await page.locator('[data-testid="service-RESEARCH_PERMIT"]').innerText(), /5 hari kerja/)
    // Nothing wider than the phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `the portal fits 390 px (overflow ${overflow})`)
    await axe(page, 'services-portal')
    await shot(page, 'services-portal-390')

    await page.locator('[data-testid="apply-RESEARCH_PERMIT"]').click()
    await page.waitForURL(/\/layanan\/63\/ajukan\/RESEARCH_PERMIT/)
    await page.locator('[data-testid="doc-PROPOSAL"]').waitFor()
    await page.fill('input[name="applicant_name"]', 'Siti Nurhaliza')
    await page.fill('input[name="applicant_contact"]', 'siti@example.id')
    await page.fill('input[name="applicant_id_no"]', '6371010101990001')
    await page.fill('input[name="applicant_org"]', 'Universitas Lambung Mangkurat')
    await page.fill('input[name="title"]', 'Partisipasi pemilih pemula di Banjarmasin')
    await page.fill('textarea[name="objectives"]', 'Memahami faktor partisipasi pemilih pemula.')
    await page.fill('input[name="method"]', 'Survei dan wawancara')
    await page.selectOption('select[name="research_region"]', '63.71')
    await page.fill('input[name="period_start"]', '2027-01-04')
    await page.fill('input[name="period_end"]', '2027-03-31')
    for (const d of DOCS) {
      await page.locator(`[data-testid="doc-${d}"]`).setInputFiles({ name: `${d}.pdf`, mimeType: 'application/pdf', buffer: PDF })
      await page.locator(`label[for="doc-${d}"] ~ .badge-success`).waitFor()
    }
    await axe(page, 'services-apply')
    await page.locator('[data-testid="send"]').click()
    await page.locator('[data-testid="submitted"]').waitFor()
    cred.reg_no = (await page.locator('[data-testid="reg-no"]').innerText()).trim()
    cred.secret = (await page.locator('[data-testid="secret"]').innerText()).trim()
    assert.match(cred.reg_no, /^SKP-\d{4}-/)
    await shot(page, 'services-submitted-390')
    await done(page)
  })

  test('the office checks the documents and asks for a corrected proposal', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.kabid')
    await page.goto('/layanan-staf/antrean')
    await page.locator('[data-testid="queue"]').waitFor()
    await page.locator('[data-testid="queue"] a', { hasText: cred.reg_no }).click()
    await page.locator('[data-testid="step-START_CHECK"]').click()
    await page.locator('[data-testid="case-status"]', { hasText: 'Pemeriksaan dokumen' }).waitFor()
    for (const d of DOCS) {
      if (d === 'PROPOSAL') {
        await page.locator(`[data-testid="doc-${d}"] input`).fill('Lampirkan jadwal penelitian.')
        await page.locator(`[data-testid="revise-${d}"]`).click()
        await page.locator(`[data-testid="verdict-${d}"]`, { hasText: 'Perlu diperbaiki' }).waitFor()
      } else {
        await page.locator(`[data-testid="ok-${d}"]`).click()
        await page.locator(`[data-testid="verdict-${d}"]`, { hasText: 'Sesuai' }).waitFor()
      }
    }
    await page.fill('#pn', 'Proposal perlu dilengkapi jadwal.')
    await page.locator('[data-testid="step-RETURN_INCOMPLETE"]').click()
    await page.locator('[data-testid="case-status"]', { hasText: 'Dikembalikan untuk dilengkapi' }).waitFor()
    assert.match(await page.locator('.page-head').innerText(), /menunggu pemohon/)
    await done(page)
  })

  test('the student sends the corrected proposal from the tracking page', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await page.goto('/layanan/lacak')
    await page.fill('input[name="reg_no"]', cred.reg_no)
    await page.fill('input[name="secret"]', 'SALAHSALAH12')
    await page.locator('[data-testid="track"]').click()
    await page.locator('.alert-error', { hasText: 'tidak cocok' }).waitFor()
    await page.fill('input[name="secret"]', cred.secret)
    await page.locator('[data-testid="track"]').click()
    await page.locator('[data-testid="tracked-status"]', { hasText: 'Dikembalikan untuk dilengkapi' }).waitFor()
    assert.match(await page.locator('[data-testid="tracked"]').innerText(), /menunggu pemohon/)
    await axe(page, 'services-track')
    await page.locator('[data-testid="fix-PROPOSAL"]').setInputFiles({ name: 'proposal-2.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.locator('[data-testid="fix-PROPOSAL"] ~ .badge-success').waitFor()
    await page.locator('[data-testid="act-COMPLETE"]').click()
    await page.locator('[data-testid="tracked-status"]', { hasText: 'Pemeriksaan dokumen' }).waitFor()
    await done(page)
  })

  test('the office passes the documents and the head issues the letter', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.kabid')
    await page.goto('/layanan-staf/antrean')
    await page.locator('[data-testid="queue"] a', { hasText: cred.reg_no }).click()
    await page.locator('[data-testid="ok-PROPOSAL"]').click()
    await page.locator('[data-testid="verdict-PROPOSAL"]', { hasText: 'Sesuai' }).waitFor()
    await page.locator('[data-testid="step-DOCUMENTS_OK"]').click()
    await page.locator('[data-testid="case-status"]', { hasText: 'Kajian dampak' }).waitFor()
    await page.context().close()

    const head = await newPage(browser)
    await login(head, 'kalsel.kaban')
    await head.goto('/layanan-staf/antrean')
    await head.locator('[data-testid="queue"] a', { hasText: cred.reg_no }).click()
    await head.fill('#pn', 'Surat keterangan penelitian terbit.')
    await head.locator('[data-testid="step-ISSUE"]').click()
    await head.locator('[data-testid="case-status"]', { hasText: 'Surat terbit' }).waitFor()
    const href = await head.locator('[data-testid="staff-letter"]').getAttribute('href')
    const r = await head.request.get(href)
    assert.equal(r.status(), 200)
    assert.equal((await r.body()).subarray(0, 5).toString(), '%PDF-')
    await done(head)
  })

  test('the student downloads the letter and answers the survey', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await page.goto(`/layanan/lacak?reg_no=${encodeURIComponent(cred.reg_no)}`)
    await page.fill('input[name="secret"]', cred.secret)
    await page.locator('[data-testid="track"]').click()
    await page.locator('[data-testid="tracked-status"]', { hasText: 'Surat terbit' }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="letter"]').click()])
    assert.equal(download.suggestedFilename(), `${cred.reg_no}.pdf`)
    // The QR code of the letter leads to the register, which confirms the letter's number.
    const code = (await page.locator('[data-testid="letter-code"]').innerText()).trim()
    const v = await page.request.get(`/api/v1/verify/${code}`)
    assert.equal(v.status(), 200)
    const entry = await v.json()
    assert.match(entry.number, /\/\d{4}$/)
    assert.equal(entry.kind.code, 'SKP_LETTER')
    for (let i = 0; i < 9; ++i) await page.locator(`[data-testid="u${i}-4"]`).check()
    await axe(page, 'services-survey')
    await page.locator('[data-testid="survey-send"]').click()
    await page.locator('[data-testid="survey-thanks"]').waitFor()
    await shot(page, 'services-letter-survey-390')
    await done(page)
  })
})

// The staff screens of a city office on a 390 px page: a PPID request taken by phone at the
// counter (number and secret handed over once), the objection to it with its 30-working-day
// clock, the atasan PPID's decision and the dispute at the Komisi Informasi through its stages;
// a new version of a service standard kept as a draft (the portal unchanged) until published;
// the Daftar Informasi Publik: an exempt entry needs its basis, is changed and removed.
describe('the service desk of Banjarmasin from the staff screens', () => {
  const fits = async (page, what) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `${what} fits 390 px (overflow ${overflow})`)
  }
  const portal = async (page) => (await (await page.request.get('/api/v1/public/layanan/offices/63.71')).json())

  test('counter entry, objection and information dispute', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await login(page, 'banjarmasin.kaban')
    for (const href of ['/layanan-staf/loket', '/layanan-staf/standar', '/layanan-staf/informasi-publik'])
      assert.equal(await page.locator(`nav a[href="${href}"]`).count(), 1, `the navigation links ${href}`)
    await page.goto('/layanan-staf/antrean')
    await page.locator('[data-testid="queue-counter"]').click()
    await page.locator('[data-testid="counter-form"]').waitFor()
    await page.selectOption('select[name="kind"]', 'INFO_REQUEST')
    await page.selectOption('select[name="channel"]', 'PHONE')
    await page.fill('input[name="applicant_name"]', 'Ahmad Fauzi')
    await page.locator('[data-testid="counter-send"]').click()
    await page.locator('textarea[name="information"] ~ .field-error').waitFor()
    await page.fill('textarea[name="information"]', 'Daftar ormas terdaftar di Banjarmasin 2026')
    await page.fill('textarea[name="purpose"]', 'Bahan skripsi')
    await page.locator('[data-testid="counter-send"]').click()
    await page.locator('[data-testid="counter-done"]').waitFor()
    const regNo = (await page.locator('[data-testid="counter-reg-no"]').innerText()).trim()
    assert.match((await page.locator('[data-testid="counter-secret"]').innerText()).trim(), /^\S{12}$/)
    await fits(page, 'the counter entry')
    await shot(page, 'services-counter-390')
    await page.locator('[data-testid="counter-open"]').click()
    await page.locator('[data-testid="case-status"]', { hasText: 'Diterima' }).waitFor()
    assert.match(await page.locator('.card').first().innerText(), /Telepon/)

    // The applicant objects (unanswered): recorded from the request's page.
    await page.locator('[data-testid="record-objection"]').click()
    await page.locator('[data-testid="counter-form"]').waitFor()
    assert.equal(await page.inputValue('input[name="request_reg_no"]'), regNo)
    await page.fill('input[name="applicant_name"]', 'Ahmad Fauzi')
    await page.locator('[data-testid="ground-C_NOT_ANSWERED"]').check()
    await page.fill('textarea[name="case_summary"]', 'Permohonan belum dijawab.')
    await page.locator('[data-testid="counter-send"]').click()
    await page.locator('[data-testid="counter-open"]').click()
    await page.locator('[data-testid="objection-of"]', { hasText: regNo }).waitFor()
    assert.match(await page.locator('.page-head').innerText(), /Sisa 30 hari kerja/)
    assert.match(await page.locator('[data-testid="dispute"]').innerText(), /setelah putusan atasan PPID/)

    // The head (atasan PPID) decides; the dispute follows at the city's Komisi Informasi.
    await page.fill('#pn', 'Keberatan diterima; informasi diberikan.')
    await page.locator('[data-testid="step-DECIDE"]').click()
    await page.locator('[data-testid="case-status"]', { hasText: 'Diputus' }).waitFor()
    await page.fill('input[name="filed_on"]', '2026-12-01')
    await page.selectOption('select[name="ki_level"]', 'KABKOTA')
    await page.fill('input[name="ki_case_no"]', '007/REG-PSI/XII/2026')
    await page.locator('[data-testid="dispute-file"]').click()
    await page.locator('[data-testid="dispute-stages"]', { hasText: 'Terdaftar' }).waitFor()
    await page.selectOption('select[name="stage"]', 'MEDIATION')
    // The stage's day is entered; a day before the registration is refused beside the field.
    await page.fill('input[name="stage_on"]', '2026-11-28')
    await page.locator('[data-testid="dispute-advance"]').click()
    await page.locator('[data-testid="dispute"] .field-error', { hasText: 'sebelum tahap sebelumnya' }).waitFor()
    await page.fill('input[name="stage_on"]', '2026-12-03')
    await page.locator('[data-testid="dispute-advance"]').click()
    await page.locator('[data-testid="dispute-stages"]', { hasText: 'Mediasi' }).waitFor()
    await page.reload()
    const dispute = await page.locator('[data-testid="dispute"]').innerText()
    assert.match(dispute, /Komisi Informasi Kabupaten\/Kota/)
    assert.match(dispute, /1 Desember 2026/)
    assert.match(dispute, /Mediasi —\s+3 Desember 2026/, 'the mediation is dated on the day it happened')
    assert.doesNotMatch(dispute, /KABKOTA|MEDIATION|REGISTERED/)
    await fits(page, 'the objection')
    await axe(page, 'services-objection')
    await shot(page, 'services-objection-390')
    await done(page)
  })

  test('a service standard and the Daftar Informasi Publik', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await login(page, 'banjarmasin.kaban')
    await page.goto('/layanan-staf/standar')
    await page.locator('[data-testid="std-in-force"]').waitFor()
    const option = await page.locator('[data-testid="std-service"] option', { hasText: 'Pengaduan' }).getAttribute('value')
    await page.selectOption('[data-testid="std-service"]', option)
    await page.waitForURL(new RegExp(`/layanan-staf/standar/${option}$`))
    await page.locator('[data-testid="std-shown"]', { hasText: '60 hari kerja sejak' }).waitFor()
    await page.locator('[data-testid="std-edit"]').click()
    await page.fill('input[name="effective_from"]', '2027-01-04')
    await page.fill('textarea[name="components.cost"]', '')
    await page.locator('input[name="published"]').check()
    await page.locator('[data-testid="std-save"]').click()
    await page.locator('textarea[name="components.cost"] ~ .field-error').waitFor()
    await page.fill('textarea[name="components.cost"]', 'Gratis, tanpa pungutan apa pun')
    await page.locator('input[name="published"]').uncheck()
    await page.locator('[data-testid="std-save"]').click()
    await page.locator('[data-testid="std-notice"]', { hasText: 'Versi 2 tersimpan' }).waitFor()
    const cost = async () => (await portal(page)).services.find((s) => s.kind === 'COMPLAINT').standard.components.find((c) => c.key === 'cost').text
    assert.notEqual(await cost(), 'Gratis, tanpa pungutan apa pun', 'a draft leaves the portal as it was')
    await page.locator('[data-testid="std-publish-2"]').click()
    await page.locator('[data-testid="std-notice"]', { hasText: 'Versi 2 terbit' }).waitFor()
    assert.equal(await cost(), 'Gratis, tanpa pungutan apa pun')
    await page.reload()
    assert.match(await page.locator('[data-testid="std-in-force"]').innerText(), /versi 2, mulai 4 Januari 2027/)
    await fits(page, 'the standards')
    await axe(page, 'services-standards')
    await shot(page, 'services-standards-390')

    page.on('dialog', (d) => d.accept())
    await page.goto('/layanan-staf/informasi-publik')
    await page.locator('[data-testid="dip-add"]').click()
    await page.selectOption('select[name="class"]', 'DIKECUALIKAN')
    await page.fill('input[name="title"]', 'Peta kerawanan konflik sosial')
    await page.locator('[data-testid="dip-save"]').click()
    await page.locator('[data-testid="dip-basis-error"]').waitFor()
    await page.fill('textarea[name="exemption_basis"]', 'Pasal 17 huruf c UU 14/2008; uji konsekuensi PPID 2 Januari 2026')
    await page.locator('[data-testid="dip-save"]').click()
    const item = page.locator('[data-testid="dip-DIKECUALIKAN"] li', { hasText: 'Peta kerawanan konflik sosial' })
    await item.waitFor()
    assert.ok((await portal(page)).information_list.some((i) => i.title === 'Peta kerawanan konflik sosial'))
    await item.getByRole('button', { name: 'Ubah' }).click()
    await page.selectOption('select[name="class"]', 'BERKALA')
    await page.fill('input[name="title"]', 'Ringkasan kerawanan konflik sosial')
    await page.locator('[data-testid="dip-save"]').click()
    const moved = page.locator('[data-testid="dip-BERKALA"] li', { hasText: 'Ringkasan kerawanan konflik sosial' })
    await moved.waitFor()
    assert.doesNotMatch(await moved.innerText(), /Pasal 17/, 'information no longer exempt keeps no exemption basis')
    await fits(page, 'the information list')
    await axe(page, 'services-information')
    await shot(page, 'services-information-390')
    await moved.getByRole('button', { name: 'Hapus dari daftar' }).click()
    await page.locator('[data-testid="dip-notice"]', { hasText: 'dihapus' }).waitFor()
    assert.ok(!(await portal(page)).information_list.some((i) => /kerawanan konflik sosial/.test(i.title)), 'the portal no longer lists it')

    // The recap of the year: received, finished, average days, in Indonesian words, and the workbook.
    await page.goto('/layanan-staf/rekap')
    const row = page.locator('[data-testid="recap"] tbody tr', { hasText: 'Pengaduan' })
    await row.waitFor()
    assert.match(await page.locator('[data-testid="recap"] thead').innerText(), /Diterima[\s\S]*Selesai[\s\S]*Rata-rata/i)
    assert.match(await row.innerText(), /hari kerja/)
    assert.doesNotMatch(await page.locator('[data-testid="recap"]').innerText(), /COMPLAINT|INFO_REQUEST|null|undefined/)
    assert.match(await page.locator('[data-testid="recap-xlsx"]').getAttribute('href'), /\/api\/v1\/services\/recap\.xlsx\?year=\d{4}/)
    await fits(page, 'the recap')
    await done(page)
  })
})

describe('the Ombudsman self-assessment', () => {
  test('the office starts its checklist on a 390 px page, answers, attaches evidence and sees its zone', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await login(page, 'banjarbaru.operator')
    await page.goto('/layanan-staf/penilaian-mandiri')
    await page.locator('[data-testid="sa-start"]').click()
    await page.locator('[data-testid="sa-score"]').waitFor()
    assert.match(await page.locator('[data-testid="sa-zone"]').innerText(), /Zona merah/)
    await page.locator('[data-testid="sa-answer-PR07"]').selectOption('YES')
    await page.locator('[data-testid="sa-answer-IN01"]').selectOption('PARTIAL')
    await page.locator('[data-testid="sa-answer-IN01"]:not([disabled])').waitFor()
    // Answered items are kept: a reload shows them and the score moved off zero.
    await page.reload()
    await page.locator('[data-testid="sa-score"]').waitFor()
    assert.equal(await page.locator('[data-testid="sa-answer-PR07"]').inputValue(), 'YES')
    assert.notEqual((await page.locator('[data-testid="sa-total"]').innerText()).trim(), '0')
    // Evidence for the maklumat item: a PDF through the files store.
    const item = page.locator('[data-testid="sa-item-PR07"]')
    await item.locator('summary').click()
    await item.locator('input[type="file"]').setInputFiles({ name: 'maklumat.pdf', mimeType: 'application/pdf', buffer: PDF })
    await item.locator('button', { hasText: /Unggah/ }).click()
    await item.locator('a', { hasText: 'maklumat.pdf' }).waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `the checklist fits 390 px (overflow ${overflow})`)
    assert.ok(!/\bYES\b|\bPARTIAL\b|HIJAU|KUNING|MERAH/.test(await page.locator('main').innerText()), 'no raw codes on the Indonesian screen')
    await page.locator('[data-testid="sa-history"]').waitFor()
    await shot(page, 'services-self-assessment-390')
    await done(page)
  })
})
