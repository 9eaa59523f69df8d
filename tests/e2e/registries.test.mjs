// Registries in the browser against the real server and the Kalimantan Selatan demo: the head of
// Kesbangpol Banjarmasin registers an ormas whose chair is also the chair of a party board (the
// NIK is checked while typing), opens the chair's actor page, links the party position it
// suggests and sees both roles; back on the ormas he imposes a written warning and sees its
// deadline of 7 working days. An operator without clearance sees the NIK masked. axe runs on
// every screen; the actor page is also checked at 390 px. Foreigners: a researcher's presence is
// reported in Banjarmasin, decided with its basis, field-checked with a photo, and shows on the map;
// a foreign worker's page reads well on a phone (dates in words, no codes, no sideways scrolling)
// and the head of Kesbangpol changes the validity of his stay permit, which stays after a reload.
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs/promises'
import { launch, closeBrowser, newPage, login, shot, axe } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await closeBrowser(browser) })

async function done(page) {
  assert.deepEqual(page.errors, [], `uncaught errors in the page: ${page.errors.join('\n')}`)
  await page.context().close()
}

// A POST from inside the logged-in page (the session cookie and its CSRF token).
async function apiPost(page, path, body) {
  return page.evaluate(async ([p, b]) => {
    const s = await (await fetch('/api/v1/session')).json()
    const r = await fetch(p, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token }, body: JSON.stringify(b) })
    return { status: r.status, json: await r.json() }
  }, [path, body])
}

async function noSidewaysScrolling(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert.ok(overflow <= 1, `no sideways scrolling at ${page.viewportSize().width} px (overflow ${overflow}px)`)
}

const NIK = '6371021508850007'

describe('from an ormas registration to the actor page and a warning', () => {
  let ormasUrl = ''

  test('register an ormas whose chair is also a party official', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.kaban')
    // The party board of Banjarmasin names him with his titles (recorded in the banpol module).
    const board = await apiPost(page, '/api/v1/party-aid/boards', {
      region_code: '63.71', party_abbreviation: 'PKB', decree_no: 'SK DPP PKB 31/2024', decree_date: '2024-02-01',
      chair: 'H. Muhammad Rizani, S.E.', secretary: 'Rina Marlina', treasurer: 'Joko Santoso', valid_from: '2024-02-01',
    })
    assert.equal(board.status, 201, JSON.stringify(board.json))

    await page.locator('nav a', { hasText: 'Daftarkan ormas' }).click()
    await page.waitForURL(/\/ormas\/baru/)
    await page.locator('input[name="name"]').fill('Gerakan Pemuda Sungai Andai')
    await page.locator('input[name="address"]').fill('Jl. Sungai Andai No. 7, Banjarmasin Utara')
    await page.locator('input[name="skt_no"]').fill('01-00-00/077/II/2023')
    await page.locator('input[name="skt_issue_date"]').fill('2023-02-14')
    await page.locator('label.check', { hasText: 'Kepemudaan' }).locator('input').check()
    // A NIK with an impossible date is flagged while typing.
    await page.locator('input[name="nik-0"]').fill('6371023102900001')
    await page.locator('[data-testid="board-0"]', { hasText: 'Tanggal lahir dalam NIK tidak mungkin' }).waitFor()
    await page.locator('input[name="nik-0"]').fill(NIK)
    await page.locator('[data-testid="board-0"]', { hasText: 'NIK sesuai: lahir 15 Agustus 1985' }).waitFor()
    await page.locator('input[name="name-0"]').fill('Moh. Rizani')
    await axe(page, 'ormas-form')
    await page.locator('[data-testid="ormas-save"]').click()
    await page.waitForURL(/\/ormas\/\d+$/)
    ormasUrl = new URL(page.url()).pathname
    await page.locator('[data-testid="ormas-name"]', { hasText: 'Gerakan Pemuda Sungai Andai' }).waitFor()
    // The head of agency (TERBATAS) sees the NIK; the SKT runs 5 years.
    assert.match(await page.locator('[data-testid="board-table"]').innerText(), new RegExp(NIK))
    assert.match(await page.locator('main').innerText(), /Berlaku sampai 14 Februari 2028/)
    await axe(page, 'ormas-detail')
    await shot(page, 'ormas-detail')
    await done(page)
  })

  test('the actor page shows the ormas role, suggests the party position, and shows both once linked', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.kaban')
    await page.goto(ormasUrl)
    await page.locator('[data-testid="board-table"] a', { hasText: 'Moh. Rizani' }).click()
    await page.waitForURL(/\/aktor\/\d+$/)
    await page.locator('[data-testid="actor-roles"] [data-role="ORMAS_BOARD"]', { hasText: 'Gerakan Pemuda Sungai Andai' }).waitFor()
    const cand = page.locator('[data-testid="actor-candidates"] li', { hasText: 'H. Muhammad Rizani, S.E.' })
    await cand.waitFor()
    // The candidate's region is named, not given as its code.
    await cand.locator('.muted', { hasText: 'Kota Banjarmasin' }).waitFor()
    await axe(page, 'actor-before-link')
    await cand.locator('button', { hasText: 'Tautkan' }).click()
    await page.locator('[data-testid="notice"]', { hasText: 'Peran ditautkan' }).waitFor()
    const roles = await page.locator('[data-testid="actor-roles"]').innerText()
    assert.match(roles, /Pengurus ormas — Ketua, Gerakan Pemuda Sungai Andai/)
    assert.match(roles, /Pengurus partai politik — KETUA PKB/)
    await shot(page, 'actor-page')
    await done(page)
  })

  test('a written warning and its deadline', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.kaban')
    await page.goto(ormasUrl)
    await page.locator('[data-testid="sanctions"]').waitFor()
    await page.locator('input[name="decree_no"]').fill('300/145/Kesbangpol/2026')
    await page.locator('input[name="issued_on"]').fill('2026-12-04')
    await page.locator('input[name="reason"]').fill('Mengganggu ketertiban umum')
    await page.locator('[data-testid="sanction-submit"]').click()
    await page.locator('[data-testid="notice"]').waitFor()
    const s = await page.locator('[data-testid="sanctions"]').innerText()
    assert.match(s, /Peringatan tertulis — 300\/145\/Kesbangpol\/2026, 4 Desember 2026/)
    assert.match(s, /Batas mematuhi 15 Desember 2026/)
    assert.match(s, /7 hari kerja/)
    await page.locator('nav a', { hasText: 'Pengingat ormas' }).click()
    await page.locator('[data-testid="rem-warnings"]', { hasText: 'Gerakan Pemuda Sungai Andai' }).waitFor()
    await axe(page, 'ormas-reminders')
    await done(page)
  })

  test('an operator without clearance sees the NIK masked, also on a phone', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await login(page, 'banjarmasin.operator')
    await page.goto(ormasUrl)
    await page.locator('[data-testid="board-table"]').waitFor()
    const text = await page.locator('[data-testid="board-table"]').innerText()
    assert.ok(!text.includes(NIK))
    assert.match(text, /63\*{12}07/)
    assert.match(await page.locator('main').innerText(), /NIK disamarkan/)
    await page.locator('[data-testid="board-table"] a', { hasText: 'Moh. Rizani' }).click()
    await page.locator('[data-testid="actor-roles"] [data-role="PARTY_BOARD"]').waitFor()
    await noSidewaysScrolling(page)
    await axe(page, 'actor-phone')
    await done(page)
  })
})

// A 1x1 white JPEG (the photo of a field check).
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////' +
  '////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64')
const day = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10)

describe('a foreign researcher from report to the map', () => {
  test('register the presence, decide it, check it in the field with a photo, see it on the map', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.kaban')
    await page.goto('/orang-asing')
    await page.locator('[data-testid="fx-new-person"]').click()
    await page.locator('input[name="full_name"]').fill('Anna de Vries')
    await page.locator('select[name="nationality"]').selectOption('NLD')
    await page.locator('input[name="passport_no"]').fill('NX4455667')
    await page.locator('[data-testid="person-save"]').click()
    await page.locator('[data-testid="person-name"]', { hasText: 'Anna de Vries' }).waitFor()
    assert.match(await page.locator('main').innerText(), /Belanda/)

    await page.locator('[data-testid="presence-new"]').click()
    await page.locator('[data-testid="presence-subject"]', { hasText: 'Anna de Vries' }).waitFor()
    await page.locator('input[name="purpose"]').fill('Penelitian ekologi rawa gambut')
    await page.locator('input[name="start_date"]').fill(day(-3))
    await page.locator('input[name="end_date"]').fill(day(60))
    await page.locator('[data-testid="presence-save"]').click()
    await page.waitForURL(/\/orang-asing\/keberadaan\/\d+$/)
    await page.locator('[data-testid="presence-status"]', { hasText: 'Dilaporkan' }).waitFor()
    assert.match(await page.locator('[data-testid="presence-places"]').innerText(), /Kota Banjarmasin/)

    // The stage's actions come from the server: first the documents, then the decision with its basis.
    await page.locator('[data-testid="action-verify_documents"]').click()
    await page.locator('[data-testid="presence-status"]', { hasText: 'Dokumen diverifikasi' }).waitFor()
    await page.locator('[data-testid="action-decide"]').click()
    await page.locator('[data-testid="action-submit"]').click()
    await page.locator('[data-testid="presence-actions"] .field-error').first().waitFor()
    await page.locator('select[name="decision"]').selectOption('APPROVED')
    await page.locator('input[name="reason"]').fill('Izin riset BRIN dan rekomendasi instansi lengkap')
    await page.locator('[data-testid="action-submit"]').click()
    await page.locator('[data-testid="presence-status"]', { hasText: 'Diputuskan' }).waitFor()
    assert.match(await page.locator('[data-testid="presence-decisions"]').innerText(), /Disetujui[\s\S]*Izin riset BRIN/)

    // A field check with a photo uploaded first.
    await page.locator('input[name="findings"]').fill('Peneliti berada di lokasi sesuai izin')
    await page.locator('[data-testid="presence-checks"] input[type="file"]').setInputFiles({ name: 'lokasi-riset.jpg', mimeType: 'image/jpeg', buffer: JPEG })
    await page.locator('[data-testid="presence-checks"] button', { hasText: 'Unggah' }).click()
    await page.locator('[data-testid="photos-ready"]', { hasText: 'lokasi-riset.jpg' }).waitFor()
    await page.locator('[data-testid="check-save"]').click()
    await page.locator('[data-testid="check-photos"] a', { hasText: 'lokasi-riset.jpg' }).waitFor()
    assert.match(await page.locator('[data-testid="presence-checks"]').innerText(), /Sesuai[\s\S]*Peneliti berada di lokasi/)
    // The history speaks the screen's words: stages and decisions named, no codes, no ISO dates.
    await page.locator('.history-panel', { hasText: 'Dokumen diverifikasi' }).waitFor()
    const history = await page.locator('.history-panel').innerText()
    assert.match(history, /Ke tahap\s+Dokumen diverifikasi/)
    assert.match(history, /Keputusan\s+Disetujui/)
    assert.doesNotMatch(history, /\b[A-Z]+_[A-Z_]+\b|RESEARCHER|APPROVED|\d{4}-\d{2}-\d{2}/)
    await axe(page, 'foreign-presence')

    // On the map: Banjarmasin's list holds the presence.
    await page.locator('nav a', { hasText: 'Peta ormas & orang asing' }).click()
    await page.locator('[data-testid="map-regions"] tr[data-region="63.71"] button').click()
    await page.locator('[data-testid="map-presences"] a', { hasText: 'Anna de Vries' }).waitFor()
    assert.ok(Number((await page.locator('[data-testid="map-regions"] tr[data-region="63.71"] td.num').nth(1).innerText()).trim()) >= 1)
    await axe(page, 'registries-map')
    await done(page)
  })
})

// Every date on a page is written in words; an ISO date in the visible text is a bug.
const ISO_DATE = /\d{4}-\d{2}-\d{2}/

describe('a foreign worker in Banjarmasin', () => {
  let personUrl = ''

  test('his page on a phone: dates in words, the country named, nothing raw, no sideways scrolling', async () => {
    const page = await newPage(browser, { width: 390, height: 844 })
    await login(page, 'banjarmasin.kaban')
    const p = await apiPost(page, '/api/v1/foreigners/persons', {
      full_name: 'Takeshi Watanabe', sex: 'L', birth_date: '1984-09-12', nationality: 'JPN', passport_no: 'TZ7788123', passport_expiry: '2031-03-01',
      permit_type: 'KITAS', permit_no: '2C21JE0042', permit_valid_from: '2026-01-05', permit_valid_to: '2027-01-04',
      sponsor_name: 'PT Banua Teknik', sponsor_type: 'Perusahaan', occupation: 'Insinyur', region_code: '63.71',
    })
    assert.equal(p.status, 201, JSON.stringify(p.json))
    personUrl = `/orang-asing/orang/${p.json.id}`
    await page.goto(personUrl)
    await page.locator('[data-testid="person-name"]', { hasText: 'Takeshi Watanabe' }).waitFor()
    const text = await page.locator('main').innerText()
    assert.doesNotMatch(text, ISO_DATE)
    assert.match(text, /Jepang/)
    assert.match(await page.locator('[data-testid="person-permit"]').innerText(), /5 Januari 2026 – 4 Januari 2027/)
    await noSidewaysScrolling(page)
    await axe(page, 'foreigner-phone')
    await done(page)
  })

  test('change the validity of his stay permit, reload, and see it', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.kaban')
    await page.goto(personUrl)
    await page.locator('[data-testid="person-edit"]').click()
    await page.waitForURL(/\/orang-asing\/orang\/\d+\/ubah$/)
    await page.locator('h1', { hasText: 'Ubah data orang asing' }).waitFor()
    assert.equal(await page.locator('input[name="passport_no"]').inputValue(), 'TZ7788123')
    assert.equal(await page.locator('input[name="permit_valid_to"]').inputValue(), '2027-01-04')
    await axe(page, 'foreigner-edit')
    await page.locator('input[name="permit_valid_to"]').fill('2028-01-04')
    await page.locator('[data-testid="person-save"]').click()
    await page.waitForURL(new RegExp(`${personUrl}$`))
    await page.locator('[data-testid="person-permit"]', { hasText: '4 Januari 2028' }).waitFor()
    await page.reload()
    assert.match(await page.locator('[data-testid="person-permit"]').innerText(), /5 Januari 2026 – 4 Januari 2028/)
    await done(page)
  })
})

// An existing registry imported from a CSV file: a file with one refused row imports nothing and
// names the line; the corrected file imports every row. The file holds one ormas twice, under its
// old and its new SKT and with its name written two ways (two organisation actors): merged on the
// actor page, the roles of both show on one page; the merge is undone and each is on its own again.
describe('importing a registry and merging two actors', () => {
  const header = 'name,legal_form,scope_level,region_code,skt_no,skt_issue_date,ketua_nik,ketua_nama'
  const rows = [
    'Laskar Kayu Tangi,NON_BH,KABKOTA,63.71,01-00-00/101/III/2019,2019-03-11,6371021508950003,Rudi Hartono',
    'Laskar Kayutangi,NON_BH,KABKOTA,63.71,01-00-00/212/V/2024,2024-05-20,6371024507880002,Siti Aminah',
  ]
  const csv = (third) => Buffer.from([header, ...rows, `Ikatan Remaja Teluk Dalam,${third},KABKOTA,63.71,,,6371020101000004,Budi Santoso`].join('\n') + '\n')
  const sendFile = async (page, buffer) => {
    await page.locator('[data-testid="import-file"]').setInputFiles({ name: 'ormas-lama.csv', mimeType: 'text/csv', buffer })
    await page.locator('[data-testid="import-send"]').click()
  }
  const searchList = async (page, q) => {
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/ormas?') && r.url().includes('q='))
    await page.locator('[data-testid="ormas-search"]').fill(q)
    await answered
    await page.locator('[data-testid="ormas-table"], .state-empty').first().waitFor()
  }

  test('a refused row imports nothing; the corrected file imports every row', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.kaban')
    await page.goto('/ormas')
    await page.locator('[data-testid="ormas-import"]').click()
    await page.waitForURL(/\/ormas\/impor$/)
    // The columns are listed with their Indonesian names; the template holds the header row.
    const col = (name) => page.locator('[data-testid="import-columns"] tr', { has: page.locator('code', { hasText: new RegExp(`^${name}$`) }) }).innerText()
    assert.match(await col('region_code'), /^region_code\s+Wilayah sekretariat\s[\s\S]*\sYa$/)
    assert.match(await col('ketua_nama'), /^ketua_nama\s+Nama ketua\s+Tidak$/)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="import-template"]').click()])
    const template = (await fs.readFile(await download.path(), 'utf8')).trim().split(',')
    assert.equal(template[0], 'name')
    assert.ok(template.includes('bendahara_nama') && template.every((c) => !/^[=+\-@]/.test(c)), template.join(','))

    await sendFile(page, csv('BADAN_LAIN'))
    const refused = page.locator('[data-testid="import-refused"]')
    await refused.waitFor()
    assert.match(await refused.innerText(), /Tidak ada yang diimpor/)
    const row = refused.locator('tr[data-line="4"]')
    assert.match(await row.innerText(), /^4\s+Bentuk\s+Pilih bentuk/)
    await axe(page, 'ormas-import-refused')
    // On a phone the refusal table fits, and a reload keeps the page.
    await page.setViewportSize({ width: 390, height: 844 })
    await noSidewaysScrolling(page)
    await page.reload()
    await page.locator('h1', { hasText: 'Impor registri ormas' }).waitFor()
    await noSidewaysScrolling(page)
    await page.setViewportSize({ width: 1366, height: 900 })
    // Nothing of the file is in the registry.
    await page.goto('/ormas')
    await searchList(page, 'Laskar Kayu')
    await page.locator('.state-empty', { hasText: 'Tidak ada ormas yang cocok' }).waitFor()

    await page.goto('/ormas/impor')
    await sendFile(page, csv('NON_BH'))
    const ok = page.locator('[data-testid="import-done"]')
    await ok.waitFor()
    assert.match(await ok.innerText(), /3 ormas dan 3 pengurus diimpor dari 3 baris/)
    await ok.locator('a', { hasText: 'Ke daftar ormas' }).click()
    await page.waitForURL(/\/ormas$/)
    await searchList(page, 'Laskar Kayu')
    await page.locator('[data-testid="ormas-table"] tr[data-ormas="Laskar Kayu Tangi"]').waitFor()
    await done(page)
  })

  test('merge the two records of one ormas: both roles on one page; undo the merge: apart again', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.kaban')
    await page.goto('/ormas')
    await searchList(page, 'Laskar Kayu')
    await page.locator('[data-testid="ormas-table"] a', { hasText: 'Laskar Kayu Tangi' }).click()
    await page.locator('[data-testid="ormas-actor-link"]').click()
    await page.waitForURL(/\/aktor\/\d+$/)
    const roles = page.locator('[data-testid="actor-roles"]')
    await roles.locator('li', { hasText: 'Laskar Kayu Tangi' }).waitFor()
    const cand = page.locator('[data-testid="actor-candidates"] li', { hasText: 'Laskar Kayutangi' })
    await cand.locator('button', { hasText: 'Gabungkan' }).click()
    const confirm = page.locator('[data-testid="merge-confirm"]')
    assert.match(await confirm.innerText(), /Gabungkan Laskar Kayutangi ke aktor ini\?[\s\S]*dapat dibatalkan/)
    // The question fits a phone.
    await page.setViewportSize({ width: 390, height: 844 })
    await noSidewaysScrolling(page)
    await page.setViewportSize({ width: 1366, height: 900 })
    await confirm.locator('button', { hasText: 'Ya, gabungkan' }).click()
    await page.locator('[data-testid="notice"]', { hasText: 'Laskar Kayutangi digabung ke aktor ini' }).waitFor()
    await roles.locator('li', { hasText: 'Laskar Kayutangi' }).waitFor()
    assert.match(await roles.innerText(), /Laskar Kayu Tangi/)
    await page.reload()
    await roles.locator('li', { hasText: 'Laskar Kayutangi' }).waitFor()
    await axe(page, 'actor-merged')

    await page.locator('[data-testid="actor-merged"] li', { hasText: 'Laskar Kayutangi' }).locator('button', { hasText: 'Batalkan penggabungan' }).click()
    await page.locator('[data-testid="notice"]', { hasText: 'Penggabungan Laskar Kayutangi dibatalkan' }).waitFor()
    assert.doesNotMatch(await roles.innerText(), /Kayutangi/)
    assert.equal(await page.locator('[data-testid="actor-merged"]').count(), 0)
    await cand.locator('button', { hasText: 'Gabungkan' }).waitFor()
    await done(page)
  })
})
