// The election-support checklist in the browser against the real server and the demo data
// (Pilkada 2024, Kalimantan Selatan and Kota Banjarmasin): the Banjarmasin operator fills an
// instrument and uploads evidence, the province rejects one piece and accepts the others, the
// operator replaces only that one, the province accepts, and the ministry sees Banjarmasin
// complete on the readiness map and in the checklist.
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import { launch, closeBrowser, newPage, login, shot, axe, waitForMap } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await closeBrowser(browser) })

async function done(page) {
  assert.deepEqual(page.errors, [], `uncaught errors in the page: ${page.errors.join('\n')}`)
  await page.context().close()
}

// A small valid PDF whose bytes differ per name (one stored file per content).
function pdf(name) {
  const objs = ['1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n', '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n']
  let s = '%PDF-1.4\n'
  const offs = []
  for (const o of objs) { offs.push(s.length); s += o }
  const xref = s.length
  s += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`
  for (const o of offs) s += `${String(o).padStart(10, '0')} 00000 n \n`
  s += `trailer<</Size ${objs.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n%${name}\n`
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(s, 'latin1') }
}

const SOS = 'P434_SOSIALISASI'
const INFO = 'DUKUNGAN_INFORMASI'
const REJECT_NOTE = 'Foto tidak menunjukkan tanggal dan lokasi kegiatan; unggah dokumentasi yang lengkap.'

// The Banjarmasin checklist row of an item, as the signed-in user sees it.
const bjmRow = (page, item) => page.locator(`.el-region[data-region="63.71"] tr[data-item="${item}"]`)

async function openChecklist(page) {
  await page.locator('nav a', { hasText: 'Daftar periksa' }).click()
  await page.waitForURL(/\/pemilihan\/daftar-periksa/)
  await page.locator('.el-region').first().waitFor()
}
async function openItem(page, item) {
  await bjmRow(page, item).locator('a').first().click()
  await page.waitForURL(/\/pemilihan\/instrumen\/\d+/)
  await page.locator('[data-testid="evidence"]').waitFor()
}
async function upload(scope, file) {
  await scope.locator('input[type="file"]').setInputFiles(file)
  await scope.locator('button', { hasText: 'Unggah' }).click()
}
async function readiness(page, code) {
  return (await page.locator(`[data-testid="readiness-${code}"]`).innerText()).trim()
}

describe('election-support checklist round trip', () => {
  test('the province sees Banjarmasin at 66% before anything new is accepted', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.analis')
    await page.locator('nav a', { hasText: 'Peta kesiapan' }).click()
    await page.waitForURL(/\/pemilihan\/kesiapan/)
    await waitForMap(page, 13)
    await page.locator('[data-testid="readiness-63.71"]').waitFor()
    assert.equal(await readiness(page, '63.71'), '66%')
    await shot(page, 'elections-readiness-province-before')
    await axe(page, 'elections-readiness')
    await done(page)
  })

  test('the Banjarmasin operator sees what came back, fills an instrument and uploads evidence', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.operator')
    await openChecklist(page)
    // Only Banjarmasin's own instruments; the one with incomplete evidence is marked.
    assert.deepEqual(await page.locator('.el-region').evaluateAll((els) => els.map((e) => e.dataset.region)), ['63.71'])
    assert.equal((await bjmRow(page, INFO).locator('[data-testid^="state-"]').innerText()).trim(), 'Perlu perbaikan')
    assert.match(await page.locator('[data-testid="needs-action-count"]').innerText(), /1 butir perlu perbaikan/)
    // Filter by state.
    await page.locator('#el-f-state').selectOption('NEEDS_ACTION')
    assert.equal(await page.locator('.el-region tbody tr').count(), 1)
    await page.locator('#el-f-state').selectOption('')
    await shot(page, 'elections-checklist-operator')
    await axe(page, 'elections-checklist')

    // The publicity item: the incomplete evidence is shown at the top with the reviewer's note;
    // the operator records the realisation (versioned save) and replaces only that file.
    await openItem(page, INFO)
    const returned = page.locator('[data-testid="returned"]')
    await returned.waitFor()
    assert.match(await returned.innerText(), /Belum lengkap/)
    assert.match(await returned.innerText(), /belum mencakup jadwal kampanye/)
    assert.equal(await returned.locator('li').count(), 1, 'only the failing evidence goes back')
    assert.equal(await page.locator('fieldset.el-verdict').count(), 0, 'the operator gives no verdicts')
    await axe(page, 'elections-instrument-owner')
    const form = page.locator('[data-testid="instrument-form"]')
    await form.locator('textarea[name="realisation"]').fill('Publikasi jadwal kampanye di laman dan media sosial resmi')
    await form.locator('select[name="status"]').selectOption('DONE')
    await form.locator('[data-testid="instrument-save"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'Tersimpan' }).waitFor()
    assert.equal(await page.locator('[data-testid="detail-realisation"]').innerText(), 'Publikasi jadwal kampanye di laman dan media sosial resmi')
    await upload(returned.locator('li').first(), pdf('jadwal-kampanye-lengkap.pdf'))
    await page.locator('[data-testid="notice"]', { hasText: 'pengganti' }).waitFor()
    assert.equal(await page.locator('[data-testid="returned"]').count(), 0)
    assert.equal((await page.locator('[data-testid="instrument-state"]').innerText()).trim(), 'Menunggu verifikasi')

    // The socialisation item: one more piece of evidence.
    await page.goBack()
    await openChecklist(page)
    await openItem(page, SOS)
    await upload(page.locator('[data-testid="evidence"] .file-upload'), pdf('foto-sosialisasi.pdf'))
    await page.locator('[data-testid="notice"]', { hasText: 'menunggu verifikasi' }).waitFor()
    assert.equal(await page.locator('[data-testid="evidence"] li[data-verdict="PENDING"]').count(), 2)
    await done(page)
  })

  test('the province rejects one piece of evidence (a note is required) and accepts the others', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.analis')
    await openChecklist(page)
    await openItem(page, SOS)
    const pending = page.locator('[data-testid="evidence"] li[data-verdict="PENDING"]')
    assert.equal(await pending.count(), 2)
    await axe(page, 'elections-instrument-review')
    // Reject the photo: without a note the field is marked.
    const photo = page.locator('[data-testid="evidence"] li', { hasText: 'foto-sosialisasi.pdf' })
    await photo.locator('input[type="radio"][value="REJECTED"]').check()
    await photo.locator('button', { hasText: 'Simpan penilaian' }).click()
    await photo.locator('.field-error', { hasText: 'Sebutkan' }).waitFor()
    await photo.locator('textarea').fill(REJECT_NOTE)
    await photo.locator('button', { hasText: 'Simpan penilaian' }).click()
    await page.locator('[data-testid="notice"]', { hasText: 'Penilaian disimpan' }).waitFor()
    // Accept the re-scanned attendance list.
    const scan = page.locator('[data-testid="evidence"] li[data-verdict="PENDING"]')
    await scan.locator('input[type="radio"][value="ACCEPTED"]').check()
    await scan.locator('button', { hasText: 'Simpan penilaian' }).click()
    await page.locator('[data-testid="evidence"] li[data-verdict="PENDING"]').waitFor({ state: 'detached' })
    assert.equal((await page.locator('[data-testid="instrument-state"]').innerText()).trim(), 'Perlu perbaikan')

    // Accept the publicity replacement.
    await page.goBack()
    await openChecklist(page)
    await openItem(page, INFO)
    const fresh = page.locator('[data-testid="evidence"] li[data-verdict="PENDING"]')
    await fresh.locator('input[type="radio"][value="ACCEPTED"]').check()
    await fresh.locator('button', { hasText: 'Simpan penilaian' }).click()
    await page.locator('[data-testid="instrument-state"]', { hasText: 'Lengkap' }).waitFor()
    await shot(page, 'elections-instrument-reviewed')

    // Readiness moves up but Banjarmasin is not complete yet (5 of 6).
    await page.goto('/pemilihan/kesiapan')
    await page.locator('[data-testid="readiness-63.71"]').waitFor()
    assert.equal(await readiness(page, '63.71'), '83%')
    await done(page)
  })

  test('the operator replaces only the rejected file; the province accepts it', async () => {
    let page = await newPage(browser)
    await login(page, 'banjarmasin.operator')
    await openChecklist(page)
    assert.equal((await bjmRow(page, SOS).locator('[data-testid^="state-"]').innerText()).trim(), 'Perlu perbaikan')
    assert.equal((await bjmRow(page, INFO).locator('[data-testid^="state-"]').innerText()).trim(), 'Lengkap')
    await openItem(page, SOS)
    const returned = page.locator('[data-testid="returned"]')
    assert.match(await returned.innerText(), /Ditolak/)
    assert.match(await returned.innerText(), /tidak menunjukkan tanggal dan lokasi/)
    assert.equal(await returned.locator('li').count(), 1)
    await upload(returned.locator('li').first(), pdf('foto-sosialisasi-bertanggal.pdf'))
    await page.locator('[data-testid="notice"]', { hasText: 'pengganti' }).waitFor()
    // The rejected photo stays in the history of replaced files.
    assert.match(await page.locator('[data-testid="evidence"] details summary').innerText(), /\(2\)/)
    await done(page)

    page = await newPage(browser)
    await login(page, 'kalsel.analis')
    await openChecklist(page)
    await openItem(page, SOS)
    const fresh = page.locator('[data-testid="evidence"] li[data-verdict="PENDING"]')
    assert.match(await fresh.innerText(), /foto-sosialisasi-bertanggal\.pdf/)
    await fresh.locator('input[type="radio"][value="ACCEPTED"]').check()
    await fresh.locator('button', { hasText: 'Simpan penilaian' }).click()
    await page.locator('[data-testid="instrument-state"]', { hasText: 'Lengkap' }).waitFor()
    await done(page)
  })

  test('the ministry sees Banjarmasin complete on the national readiness map and in the checklist', async () => {
    const page = await newPage(browser)
    await login(page, 'pusat.analis')
    await page.locator('nav a', { hasText: 'Peta kesiapan' }).click()
    await page.waitForURL(/\/pemilihan\/kesiapan/)
    await waitForMap(page, 38)
    // Kalimantan Selatan is scored as a whole (its own instruments are not all complete).
    await page.locator('[data-testid="readiness-63"]').waitFor()
    assert.notEqual(await readiness(page, '63'), '—')
    // Down to the kab/kota of Kalimantan Selatan: Banjarmasin 100%.
    await page.locator('#rd-province').selectOption('63')
    await waitForMap(page, 13)
    await page.locator('[data-testid="readiness-63.71"]', { hasText: '100%' }).waitFor()
    await shot(page, 'elections-readiness-national-kalsel')
    await axe(page, 'elections-readiness-national')

    await openChecklist(page)
    const bjm = page.locator('.el-region[data-region="63.71"]')
    assert.match(await page.locator('[data-testid="score-63.71"]').innerText(), /100%/)
    assert.equal(await bjm.locator('[data-testid^="state-"]', { hasText: 'Perlu perbaikan' }).count(), 0)
    assert.equal(await bjm.locator('[data-testid^="state-"]', { hasText: 'Menunggu verifikasi' }).count(), 0)
    // The province's grant to the KPU with its amount in Rupiah.
    assert.match(await page.locator('.el-region[data-region="63"] tr[data-item="HIBAH_KPU"]').innerText(), /Rp\s?150\.000\.000\.000/)
    // The official workbook downloads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="checklist-xlsx"]').click()])
    assert.match(download.suggestedFilename(), /^dukungan-pemilihan-\d+-nasional\.xlsx$/)
    await done(page)
  })

  test('the ministry administrator adds an election from the list', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.locator('nav a', { hasText: 'Pemilihan' }).first().click()
    await page.waitForURL(/\/pemilihan$/)
    await page.locator('table.dt tbody tr').first().waitFor()
    const form = page.locator('[data-testid="election-create"]')
    await form.locator('input[name="name"]').fill('Pemungutan Suara Ulang Kota Banjarmasin 2027')
    await form.locator('input[name="polling_date"]').fill('2027-03-10')
    await form.locator('input[name="scope_region_code"]').fill('63.71')
    await form.locator('button[type="submit"]').click()
    await page.locator('.alert-success', { hasText: 'Pemilihan ditambahkan' }).waitFor()
    await page.locator('table.dt tbody tr', { hasText: 'Pemungutan Suara Ulang Kota Banjarmasin 2027' }).waitFor()
    await axe(page, 'elections-list')
    await done(page)
  })
})
