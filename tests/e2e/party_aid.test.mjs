// Party financial aid (banpol) in the browser against the real server and the demo data of
// Kalimantan Selatan (value Rp 1.200 per vote for 2025, boards of GOLKAR, NASDEM and a disputed
// PKS): the province operator imports KPU's votes (a file with a bad row first), sees the
// allocation, records NasDem's application, uploads its documents and writes the usage plan
// (the 60% rule shown while typing); the analyst checks every document, records the verification
// team and verifies; the head of agency determines the aid and records the payment (SP2D). The
// XLSX and PDF downloads are fetched and checked. axe runs on every screen.
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

// KPU's DPRD Provinsi 2024 result of Kalimantan Selatan as a test file (votes made up; the
// seats are the shipped ones, so every seat-holding party keeps its seats).
const VOTES = { PKB: 310000, GERINDRA: 360000, PDIP: 150000, GOLKAR: 620000, NASDEM: 350000, PKS: 300000, PAN: 290000, DEMOKRAT: 140000, PPP: 60000 }
const SEATS = { PKB: 6, GERINDRA: 7, PDIP: 3, GOLKAR: 13, NASDEM: 10, PKS: 6, PAN: 6, DEMOKRAT: 3, PPP: 1 }
const csv = (rows) => Buffer.from(['region_code,abbreviation,valid_votes,seats,source', ...rows].join('\n') + '\n')
const GOOD = csv(Object.keys(VOTES).map((p) => `63,${p},${VOTES[p]},${SEATS[p]},KPU Provinsi Kalimantan Selatan (uji)`))
const BAD = csv(['63,PKB,310000,6,KPU', '63,NASDEM,banyak,10,KPU'])
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
// NasDem: 350.000 votes x Rp 1.200
const NASDEM_AID = 'Rp 420.000.000'
const REQUIRED = ['APPLICATION_LETTER', 'DPP_DECREE', 'NPWP', 'KPU_RESULT_LETTER', 'BANK_ACCOUNT', 'USAGE_PLAN', 'CHAIR_STATEMENT']
const rp = (s) => s.replace(/\s/g, ' ')

/** The link downloads a PDF (or XLSX) from the server. */
async function download(page, testid, kind) {
  const href = await page.locator(`[data-testid="${testid}"]`).getAttribute('href')
  const r = await page.request.get(href)
  assert.equal(r.status(), 200, `${testid}: ${href} -> ${r.status()}`)
  const body = await r.body()
  if (kind === 'pdf') {
    assert.match(r.headers()['content-type'], /application\/pdf/)
    assert.equal(body.subarray(0, 5).toString(), '%PDF-')
  } else {
    assert.match(r.headers()['content-type'], /spreadsheetml/)
    assert.equal(body.subarray(0, 2).toString(), 'PK')
  }
}

describe('party aid from the allocation to the disbursement', () => {
  let appUrl = ''

  test('the province operator imports the KPU votes and sees the allocation', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.operator')
    await page.locator('nav a', { hasText: 'Hasil pemilu' }).click()
    await page.waitForURL(/\/banpol\/hasil-pemilu/)
    await page.locator('[data-testid="pa-results"] tr[data-party="NASDEM"]').waitFor()
    assert.match(await page.locator('[data-testid="pa-results"] tr[data-party="NASDEM"]').innerText(), /belum diketahui/)
    await axe(page, 'party-aid-results')

    // A file with a bad row is refused as a whole, with the row and the reason.
    const file = page.locator('#pa-import-file')
    await file.setInputFiles({ name: 'hasil-salah.csv', mimeType: 'text/csv', buffer: BAD })
    await page.locator('[data-testid="pa-import-apply"]').click()
    await page.locator('[data-testid="pa-import-outcome"]', { hasText: '1 dari 2 baris ditolak' }).waitFor()
    const report = await page.locator('[data-testid="pa-import-report"]').innerText()
    assert.match(report, /NASDEM/)
    assert.match(report, /valid_votes/)
    await shot(page, 'party-aid-import-refused')

    // The right file: checked first, then imported; the table shows the votes.
    await file.setInputFiles({ name: 'hasil-dprd-prov-2024.csv', mimeType: 'text/csv', buffer: GOOD })
    await page.locator('[data-testid="pa-import-check"]').click()
    await page.locator('[data-testid="pa-import-outcome"]', { hasText: 'Belum disimpan' }).waitFor()
    await page.locator('[data-testid="pa-import-apply"]').click()
    await page.locator('[data-testid="pa-import-outcome"]', { hasText: 'Impor selesai' }).waitFor()
    await page.locator('[data-testid="pa-results"] tr[data-party="NASDEM"]', { hasText: '350.000' }).waitFor()
    await axe(page, 'party-aid-import-done')

    await page.locator('nav a', { hasText: 'Alokasi' }).click()
    await page.waitForURL(/\/banpol\/alokasi/)
    await page.locator('[data-testid="pa-allocation"]').waitFor()
    await page.locator('#pa-year').fill('2025')
    await page.locator('#pa-year').press('Enter')
    const nasdem = page.locator('[data-testid="pa-lines"] tr[data-party="NASDEM"]')
    await nasdem.locator('[data-testid="pa-line-amount"]', { hasText: '420.000.000' }).waitFor()
    assert.equal(rp(await nasdem.locator('[data-testid="pa-line-amount"]').innerText()), NASDEM_AID)
    assert.equal(await page.locator('[data-testid="pa-value"]').innerText(), 'Rp 1.200')
    // 2.580.000 votes of the seat-holding parties x Rp 1.200
    assert.equal(rp(await page.locator('[data-testid="pa-total"]').innerText()), 'Rp 3.096.000.000')
    assert.match(await page.locator('[data-testid="pa-terbilang"]').innerText(), /^tiga miliar sembilan puluh enam juta rupiah$/)
    assert.equal(await page.locator('[data-testid="pa-problems"]').count(), 0, 'no votes missing any more')
    assert.match(page.url(), /tahun=2025/)
    // The budget sheet (XLSX) and the draft decree (PDF) download.
    await download(page, 'pa-xlsx', 'xlsx')
    await download(page, 'pa-keputusan', 'pdf')
    await shot(page, 'party-aid-allocation')
    await axe(page, 'party-aid-allocation')
    await done(page)
  })

  test('the operator records NasDem\'s application, uploads the documents and writes the usage plan', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.operator')
    await page.goto('/banpol/permohonan?tahun=2025')
    await page.locator('[data-testid="pa-applications"] table.dt tbody tr').first().waitFor()
    await axe(page, 'party-aid-applications')
    const form = page.locator('[data-testid="pa-app-create"]')
    await form.locator('select[name="board_id"]').selectOption({ label: 'NASDEM · Kalimantan Selatan' })
    await form.locator('input[name="letter_no"]').fill('045/DPW-NASDEM/KS/II/2025')
    await form.locator('input[name="letter_date"]').fill('2025-02-14')
    await form.locator('input[name="received_at"]').fill('2025-02-17')
    await form.locator('input[name="first_year"]').check()
    await form.locator('[data-testid="pa-app-create-submit"]').click()
    await page.waitForURL(/\/banpol\/permohonan\/\d+/)
    appUrl = new URL(page.url()).pathname
    await page.locator('[data-testid="notice"]', { hasText: 'Permohonan tercatat' }).waitFor()
    assert.equal(await page.locator('[data-testid="pa-app-status"]').innerText(), 'Diterima')
    assert.equal(rp(await page.locator('[data-testid="pa-app-allocation"]').innerText()), NASDEM_AID)
    assert.match(await page.locator('[data-testid="pa-docs-state"]').innerText(), /7 dokumen wajib/)
    await axe(page, 'party-aid-application-new')

    for (const code of REQUIRED) {
      const row = page.locator(`[data-doc="${code}"]`)
      await row.locator('[data-testid="pa-doc-upload"]').click()
      await row.locator('input[type="file"]').setInputFiles({ name: `${code.toLowerCase()}.pdf`, mimeType: 'application/pdf', buffer: PDF })
      await row.locator('.file-upload .btn-primary').click()
      await row.locator('a', { hasText: 'Lihat berkas' }).waitFor()
    }

    // The usage plan: under 60% for political education is marked next to the amounts while typing.
    await page.locator('[data-testid="pa-plan-add"]').click()
    await page.locator('[data-testid="pa-plan-add"]').click()
    await page.locator('#pl-act-0').fill('Sekolah kader dan pendidikan politik bagi masyarakat')
    await page.locator('#pl-amt-0').fill('200.000.000')
    await page.locator('#pl-cat-1').selectOption('OPERATIONAL')
    await page.locator('#pl-act-1').fill('Operasional sekretariat DPW')
    await page.locator('#pl-amt-1').fill('220000000')
    const planError = page.locator('[data-testid="pa-plan-error"]')
    await planError.waitFor()
    assert.match(await planError.innerText(), /47,61%.*paling sedikit 60%/)
    assert.equal(await page.locator('#pl-amt-0').getAttribute('aria-invalid'), 'true')
    await shot(page, 'party-aid-plan-below-60')
    await axe(page, 'party-aid-plan-error')
    await page.locator('#pl-amt-0').fill('260.000.000')
    await page.locator('#pl-amt-1').fill('160.000.000')
    await planError.waitFor({ state: 'detached' })
    assert.match(await page.locator('[data-testid="pa-plan-ok"]').innerText(), /61,9%/)
    await page.locator('[data-testid="pa-plan-save"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'Rencana penggunaan tersimpan' }).waitFor()
    await page.reload()
    assert.equal(await page.locator('#pl-amt-0').inputValue(), '260000000')

    // Hand it to the check (confirmed first).
    await page.locator('[data-testid="pa-action-START_CHECK"]').click()
    await page.locator('[data-testid="pa-confirm"]').waitFor()
    await axe(page, 'party-aid-confirm')
    await page.locator('[data-testid="pa-confirm-yes"]').click()
    await page.locator('[data-testid="pa-app-status"]', { hasText: 'Pemeriksaan administrasi' }).waitFor()
    // An operator may not judge documents or verify.
    assert.equal(await page.locator('[data-testid="pa-doc-accept"]').count(), 0)
    assert.equal(await page.locator('[data-testid="pa-action-VERIFY"]').count(), 0)
    await done(page)
  })

  test('the analyst checks every document and verifies the application', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.analis')
    await page.goto(appUrl)
    await page.locator('[data-testid="pa-documents"]').waitFor()
    await axe(page, 'party-aid-verifier')
    // Scheduling is refused while documents are not accepted: the server's reason is shown.
    await page.locator('[data-testid="pa-action-SCHEDULE_VERIFICATION"]').click()
    await page.locator('[data-testid="pa-confirm-yes"]').click()
    await page.locator('[data-testid="pa-confirm"] .alert-error', { hasText: 'belum diterima' }).waitFor()
    await page.locator('[data-testid="pa-confirm"] button', { hasText: 'Batal' }).click()

    // A rejected document needs a reason; then every required document is accepted.
    const npwp = page.locator('[data-doc="NPWP"]')
    await npwp.locator('[data-testid="pa-doc-reject"]').click()
    await npwp.locator('.field-error').waitFor()
    for (const code of REQUIRED) {
      const row = page.locator(`[data-doc="${code}"]`)
      await row.locator('[data-testid="pa-doc-accept"]').click()
      await row.locator('[data-testid="pa-doc-verdict"]', { hasText: 'Diterima' }).waitFor()
    }
    await page.locator('[data-testid="pa-docs-state"]', { hasText: 'Semua dokumen wajib sudah diterima' }).waitFor()

    await page.locator('[data-testid="pa-action-SCHEDULE_VERIFICATION"]').click()
    await page.locator('[data-testid="pa-confirm-yes"]').click()
    await page.locator('[data-testid="pa-app-status"]', { hasText: 'Verifikasi dijadwalkan' }).waitFor()

    // The verification team: a wrong NIP is refused next to the field, then the team is saved
    // and the draft Berita Acara can be printed.
    const team = page.locator('[data-testid="pa-team"]')
    await team.locator('input[name="team_decree_no"]').fill('188.44/015/TIM-VER/BKBP/2025')
    await team.locator('input[name="team_meeting_date"]').fill('2025-04-08')
    await team.locator('input[name="member-name-0"]').fill('Drs. H. Akhmad Rizani')
    await team.locator('input[name="member-nip-0"]').fill('1234')
    await team.locator('input[name="member-job-0"]').fill('Kepala Bidang Politik Dalam Negeri')
    await team.locator('[data-testid="pa-team-add"]').click()
    await team.locator('input[name="member-name-1"]').fill('Dedi Kurniawan')
    await team.locator('input[name="member-job-1"]').fill('Analis Kebijakan')
    await team.locator('[data-testid="pa-team-save"]').click()
    const nip = team.locator('[data-member="0"] .field', { has: page.locator('input[name="member-nip-0"]') })
    await nip.locator('.field-error', { hasText: '18 angka' }).waitFor()
    await team.locator('input[name="member-nip-0"]').fill('197003121995031002')
    await team.locator('[data-testid="pa-team-save"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'Tim verifikasi tersimpan' }).waitFor()
    await download(page, 'pa-pdf-verification', 'pdf')

    await page.locator('[data-testid="pa-action-VERIFY"]').click()
    const confirm = page.locator('[data-testid="pa-confirm"]')
    await confirm.locator('[data-testid="pa-confirm-yes"]').click()
    await confirm.locator('.field-error', { hasText: 'Wajib diisi' }).waitFor()
    await confirm.locator('input[name="ba_verification_no"]').fill('BA.005/VER-BANPOL/BKBP/2025')
    await confirm.locator('[data-testid="pa-confirm-yes"]').click()
    await page.locator('[data-testid="pa-app-status"]', { hasText: 'Terverifikasi' }).waitFor()
    // Determination is for the head of agency.
    assert.equal(await page.locator('[data-testid="pa-action-DETERMINE"]').count(), 0)
    assert.match(await page.locator('[data-testid="pa-team"]').innerText(), /Drs\. H\. Akhmad Rizani/)
    await download(page, 'pa-pdf-verification', 'pdf')
    await shot(page, 'party-aid-verified')
    await axe(page, 'party-aid-verified')
    await done(page)
  })

  test('the head of agency determines the aid and records the payment', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.kaban')
    await page.goto('/banpol/permohonan?tahun=2025')
    await page.locator('[data-testid="pa-applications"] a', { hasText: 'NASDEM' }).click()
    await page.waitForURL(appUrl)

    await page.locator('[data-testid="pa-action-DETERMINE"]').click()
    await page.locator('[data-testid="pa-confirm"] input[name="decree_no"]').fill('188.44/0123/KUM/2025')
    await page.locator('[data-testid="pa-confirm-yes"]').click()
    await page.locator('[data-testid="pa-app-status"]', { hasText: 'Ditetapkan' }).waitFor()
    assert.match(rp(await page.locator('[data-testid="pa-app-determined"]').innerText()), new RegExp(NASDEM_AID))

    await page.locator('[data-testid="pa-action-REQUEST_DISBURSEMENT"]').click()
    await page.locator('[data-testid="pa-confirm-yes"]').click()
    await page.locator('[data-testid="pa-app-status"]', { hasText: 'Pencairan diajukan' }).waitFor()

    await page.locator('[data-testid="pa-action-DISBURSE"]').click()
    const confirm = page.locator('[data-testid="pa-confirm"]')
    await confirm.locator('input[name="sp2d_no"]').fill('SP2D-00871/LS/2025')
    await confirm.locator('input[name="sp2d_date"]').fill('2025-05-20')
    await axe(page, 'party-aid-disburse-confirm')
    await confirm.locator('[data-testid="pa-confirm-yes"]').click()
    await page.locator('[data-testid="pa-app-status"]', { hasText: 'Disalurkan' }).waitFor()
    assert.equal(rp(await page.locator('[data-testid="pa-app-disbursed"]').innerText()), NASDEM_AID)
    assert.match(await page.locator('[data-testid="pa-actions"]').innerText(), /Tidak ada tindakan/)
    await download(page, 'pa-pdf-handover', 'pdf')
    await shot(page, 'party-aid-disbursed')
    await axe(page, 'party-aid-disbursed')

    // The position dashboard shows it; the LPJ and board screens open.
    await page.locator('nav a', { hasText: 'Posisi partai' }).click()
    await page.locator('[data-testid="pa-positions"]').waitFor()
    await page.locator('#pa-year').fill('2025')
    await page.locator('#pa-year').press('Enter')
    const row = page.locator('[data-testid="pa-positions"] tr[data-party="NASDEM"]')
    await row.locator('.badge', { hasText: 'Disalurkan' }).waitFor()
    assert.match(rp(await row.innerText()), /Rp 420\.000\.000/)
    assert.match(await page.locator('[data-testid="pa-positions"] tr[data-party="PKS"]').innerText(), /Bersengketa/)
    await download(page, 'pa-evaluation', 'xlsx')
    await axe(page, 'party-aid-positions')
    await page.locator('nav a', { hasText: 'LPJ' }).click()
    await page.locator('[data-testid="pa-lpj"]').waitFor()
    await page.locator('#pa-year').fill('2024')
    await page.locator('#pa-year').press('Enter')
    await page.locator('[data-testid="pa-lpj"] tbody tr', { hasText: 'GOLKAR' }).waitFor()
    await axe(page, 'party-aid-lpj')
    await page.locator('nav a', { hasText: 'Pengurus partai' }).click()
    await page.locator('[data-testid="pa-boards"] a', { hasText: 'PKS' }).click()
    await page.locator('[data-testid="pa-board"]', { hasText: 'Bantuan ditahan' }).waitFor()
    await axe(page, 'party-aid-board')
    await page.locator('nav a', { hasText: 'Nilai per suara' }).click()
    await page.locator('[data-testid="pa-values"]').waitFor()
    await page.locator('#pa-year').fill('2025')
    await page.locator('#pa-year').press('Enter')
    await page.locator('[data-testid="pa-values"] tbody tr', { hasText: 'Rp 1.200' }).waitFor()
    await axe(page, 'party-aid-values')
    // A raised value for Banjarmasin needs the minister's letter (marked at the field), then
    // an edit makes version 2.
    await page.locator('[data-testid="pa-value-add"]').click()
    const vf = page.locator('[data-testid="pa-value-form"]')
    await vf.locator('input[name="region_code"]').fill('63.71')
    await vf.locator('input[name="value_per_vote"]').fill('2000')
    await vf.locator('select[name="basis"]').selectOption('APPROVED_INCREASE')
    await vf.locator('input[name="legal_basis"]').fill('Perwali Banjarmasin (uji)')
    await vf.locator('[data-testid="pa-value-save"]').click()
    const letter = vf.locator('.field', { has: page.locator('input[name="approval_letter_no"]') })
    await letter.locator('.field-error').waitFor()
    await axe(page, 'party-aid-value-form')
    await vf.locator('input[name="approval_letter_no"]').fill('900.1.13.1/1234/Keuda')
    await vf.locator('[data-testid="pa-value-save"]').click()
    const valueRow = page.locator('[data-testid="pa-values"] tbody tr', { hasText: 'Kota Banjarmasin' })
    await valueRow.waitFor()
    assert.match(await valueRow.innerText(), /Rp 2\.000/)
    await valueRow.locator('button', { hasText: 'Ubah' }).click()
    await vf.locator('input[name="value_per_vote"]').fill('2100')
    await vf.locator('[data-testid="pa-value-save"]').click()
    await page.locator('[data-testid="pa-values"] tbody tr', { hasText: 'Rp 2.100' }).waitFor()
    assert.equal(await page.locator('[data-testid="pa-values"] tbody tr', { hasText: 'Kota Banjarmasin' }).locator('td[data-label="Versi"]').innerText(), '2')
    await done(page)
  })
})
