// Every screen, as each role that may see it, on a phone (390 px) and a desktop (1366 px):
// no horizontal overflow, no console error, no failed request, and no raw codes, ISO dates or
// English in the Indonesian UI. Then every page with a region code in its path survives a reload.
// One browser, one logged-in context per role; each route is loaded once and checked at both widths.
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { launch, closeBrowser, newPage, login, BASE, ARTIFACTS, HERE } from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await closeBrowser(browser) })

const WIDTHS = [390, 1366]

// The screens of every role; the administrator's on top.
const COMMON = [
  '/', '/wilayah', '/wilayah/63', '/wilayah/63.71',
  '/monitoring/reports', '/monitoring/rekap', '/monitoring/events', '/monitoring/events/baru',
  '/conflict/map', '/conflict/incidents', '/conflict/incidents/baru', '/conflict/hotspots', '/conflict/hotspots/baru',
  '/conflict/statuses', '/conflict/alerts', '/conflict/reports', '/conflict/model',
  '/pemilihan', '/pemilihan/daftar-periksa', '/pemilihan/kesiapan',
  '/banpol/alokasi', '/banpol/nilai-suara', '/banpol/hasil-pemilu', '/banpol/pengurus', '/banpol/permohonan', '/banpol/lpj', '/banpol/posisi',
  '/ormas/impor', '/cari?q=Banjarmasin', '/panduan', '/halaman-yang-tidak-ada',
]
const ADMIN_ONLY = [
  '/admin/pengguna', '/admin/pengguna/baru', '/admin/unit-kerja', '/admin/unit-kerja/baru', '/admin/hari-libur', '/admin/jenis-laporan',
  '/conflict/rules',
]
// Detail screens: the first record linked from the lists above is opened too.
const DETAIL = [
  /^\/monitoring\/reports\/\d+$/, /^\/monitoring\/events\/\d+$/, /^\/conflict\/incidents\/\d+$/, /^\/conflict\/hotspots\/\d+$/,
  /^\/conflict\/alerts\/\d+$/, /^\/conflict\/reports\/\d+$/, /^\/pemilihan\/instrumen\/\d+$/, /^\/banpol\/pengurus\/\d+$/,
  /^\/banpol\/permohonan\/\d+$/, /^\/admin\/pengguna\/\d+$/, /^\/admin\/unit-kerja\/\d+$/,
]
const ROLES = [
  { user: 'admin', routes: [...COMMON, ...ADMIN_ONLY] },
  { user: 'kalsel.kabid', routes: COMMON },
  { user: 'banjarmasin.operator', routes: COMMON },
]

// The user guide (docs/PANDUAN.md) shows these screens; they are taken here so they stay current.
// Only when asked (PANTAU_GUIDE_SHOTS=1), so an ordinary test run leaves the checkout unchanged.
const GUIDE = join(HERE, '..', '..', 'docs', 'img', 'panduan')
const TAKE_GUIDE_SHOTS = process.env.PANTAU_GUIDE_SHOTS === '1'
const SHOTS = {
  'banjarmasin.operator': {
    '/': 'beranda-operator', '/monitoring/reports': 'laporan-operator', '/monitoring/events/baru': 'lapor-cepat', '/conflict/incidents/baru': 'insiden-baru',
    '/pemilihan/daftar-periksa': 'daftar-periksa', '/cari?q=Banjarmasin': 'pencarian',
  },
  'kalsel.kabid': {
    '/monitoring/rekap': 'rekap', '/conflict/map': 'peta-rawan', '/banpol/permohonan': 'banpol-permohonan', '/banpol/posisi': 'posisi-partai',
    '/pemilihan/kesiapan': 'kesiapan',
  },
  admin: { '/admin/pengguna': 'pengguna', '/banpol/alokasi': 'alokasi', '/banpol/nilai-suara': 'nilai-suara' },
}

// What must not show in the Indonesian UI (code samples in <code>/.mono and form inputs excepted).
const FORBIDDEN = [
  { what: 'raw enum code', re: /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\b|\b[A-Z]{3,}\.[A-Z][A-Z_]+\b/ },
  { what: 'ISO date', re: /\b(19|20)\d{2}-(0[1-9]|1[0-2])-\d{2}\b/ },
  { what: 'period code', re: /\b(19|20)\d{2}-(Q[1-4]|S[12])\b/ },
  { what: 'date glued to a time', re: /\b(19|20)\d{2}\d{1,2}[:.]\d{2}\b/ },
  { what: 'clock with a colon (Indonesian writes 16.30)', re: /\b([01]\d|2[0-3]):[0-5]\d\b/ },
  { what: 'English', re: /\b(the|and|with|from|Loading|Error|Submit|Cancel|Search|Upload|Delete|Save|not found|uploaded|by system)\b/ },
  { what: 'developer text', re: /9223372036854775807|undefined|NaN|\[object Object\]|see data\/SOURCES/ },
]
// Known texts that look like the above but are right (names, legal references).
const ALLOWED = [/Kesbangpol/]

async function visibleText(page) {
  return page.evaluate(() => {
    const skip = (el) => el.closest('code, pre, .mono, input, textarea, select, script, style, [data-raw-ok], .leaflet-container, [aria-hidden="true"]')
    const out = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || skip(el)) continue
      const s = n.textContent.trim()
      if (!s) continue
      const cs = getComputedStyle(el)
      if (cs.display === 'none' || cs.visibility === 'hidden') continue
      out.push(s)
    }
    return out.join('\n')
  })
}

/** The element sticking out furthest to the right, for the failure message. */
async function overflow(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth
    const sw = document.documentElement.scrollWidth
    if (sw <= vw + 1) return null
    let worst = null
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect()
      if (r.right > vw + 1 && (!worst || r.right > worst.right)) {
        // Inside a scrolling box (tables in .dt-wrap) is fine: that box scrolls, not the page.
        let p = el.parentElement
        let clipped = false
        while (p && p !== document.body) {
          const o = getComputedStyle(p).overflowX
          if (o === 'auto' || o === 'scroll' || o === 'hidden') { clipped = true; break }
          p = p.parentElement
        }
        if (!clipped) worst = { right: Math.round(r.right), tag: el.tagName.toLowerCase(), cls: String(el.className).slice(0, 60), text: (el.textContent || '').trim().slice(0, 60) }
      }
    }
    return { scrollWidth: sw, viewport: vw, worst }
  })
}

async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout: 15000 }).catch(() => {})
  await page.waitForFunction(() => !document.querySelector('.state-loading'), null, { timeout: 10000 }).catch(() => {})
}

function watch(page) {
  const problems = []
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`) })
  page.on('pageerror', (e) => problems.push(`page error: ${e}`))
  page.on('requestfailed', (r) => {
    const f = r.failure()?.errorText || ''
    if (!/ERR_ABORTED/.test(f)) problems.push(`request failed: ${r.method()} ${r.url()} ${f}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400 && !(r.status() === 404 && /\/halaman-yang-tidak-ada$/.test(r.url()))) problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`)
  })
  return problems
}

async function check(page, problems, route, user) {
  const found = []
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(150)
    const o = await overflow(page)
    if (o) found.push(`${width} px: page is ${o.scrollWidth} px wide; widest: ${JSON.stringify(o.worst)}`)
  }
  const text = await visibleText(page)
  for (const line of text.split('\n')) {
    if (ALLOWED.some((a) => a.test(line))) continue
    for (const f of FORBIDDEN) {
      const m = f.re.exec(line)
      if (m) found.push(`${f.what}: "${m[0]}" in "${line.slice(0, 100)}"`)
    }
  }
  found.push(...problems.splice(0))
  return found.map((f) => `${user} ${route}: ${f}`)
}

describe('every screen at phone and desktop width, as each role', () => {
  for (const role of ROLES) {
    test(`${role.user}: no overflow, no errors, no codes or ISO dates`, async () => {
      const page = await newPage(browser, { width: WIDTHS[0] })
      await login(page, role.user)
      const problems = watch(page)
      const failures = []
      const details = new Map()
      for (const route of role.routes) {
        await page.goto(route)
        await settle(page)
        failures.push(...(await check(page, problems, route, role.user)))
        const shotName = SHOTS[role.user]?.[route]
        if (shotName && TAKE_GUIDE_SHOTS) {
          mkdirSync(GUIDE, { recursive: true })
          await page.screenshot({ path: join(GUIDE, `${shotName}.jpg`), type: 'jpeg', quality: 70 })
        }
        for (const href of await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')))) {
          const re = DETAIL.find((r) => r.test(href || ''))
          if (re && !details.has(re)) details.set(re, href)
        }
      }
      for (const href of details.values()) {
        await page.goto(href)
        await settle(page)
        failures.push(...(await check(page, problems, href, role.user)))
      }
      await page.screenshot({ path: join(ARTIFACTS, `screens-${role.user}.png`) })
      await page.context().close()
      assert.deepEqual(failures, [], `\n${failures.join('\n')}`)
    })
  }
})

describe('pages with a region code in their path', () => {
  test('reload, bookmark or share: the app answers, not the file handler', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    for (const [path, name] of [['/wilayah/63', 'Kalimantan Selatan'], ['/wilayah/63.71', 'Banjarmasin'], ['/wilayah/63.72', 'Banjarbaru']]) {
      const res = await page.goto(path)
      assert.equal(res.status(), 200, path)
      assert.match(res.headers()['content-type'], /text\/html/, path)
      await page.locator('[data-testid="idstrip"]').waitFor()
      await page.locator('h1, h2', { hasText: name }).first().waitFor()
      const again = await page.reload()
      assert.equal(again.status(), 200, `${path} after reload`)
      await page.locator('h1, h2', { hasText: name }).first().waitFor()
    }
    // A missing asset is still a real 404, not the app.
    const missing = await page.request.get(`${BASE}/assets/nope-123.js`)
    assert.equal(missing.status(), 404)
    await page.context().close()
  })
})

describe('user guide', () => {
  test('the header links to the guide; it shows its pictures, survives a reload, and is in the phone menu', async () => {
    const page = await newPage(browser, { width: 1366 })
    await login(page, 'banjarmasin.operator')
    await page.locator('[data-testid="guide-link"]').click()
    await page.waitForURL(/\/panduan$/)
    await page.locator('h1', { hasText: 'Panduan Pengguna Pantau' }).waitFor()
    const pictures = async () => page.$$eval('[data-testid="guide"] img', (imgs) => Promise.all(imgs.map(async (img) => {
      img.loading = 'eager'
      await img.decode().catch(() => {})
      return { src: img.getAttribute('src'), width: img.naturalWidth }
    })))
    let imgs = await pictures()
    assert.ok(imgs.length >= 10, `pictures: ${imgs.length}`)
    for (const i of imgs) assert.ok(i.width > 300 && /^\/assets\//.test(i.src), JSON.stringify(i))
    // A chapter from the contents, then a reload of that address.
    await page.locator('.guide-toc a', { hasText: 'Lapor Cepat' }).click()
    await page.waitForURL(/\/panduan#6-lapor-cepat$/)
    const chapter = await page.locator('[id="6-lapor-cepat"]').boundingBox()
    assert.ok(chapter && chapter.y >= 0 && chapter.y < 450, `the chapter is scrolled into view: ${JSON.stringify(chapter)}`)
    const again = await page.reload()
    assert.equal(again.status(), 200)
    await page.locator('[id="6-lapor-cepat"]').waitFor()
    imgs = await pictures()
    assert.ok(imgs.every((i) => i.width > 300))
    // On a phone the header has no room: the guide is under Bantuan in the menu.
    await page.setViewportSize({ width: 390, height: 800 })
    await page.goto('/')
    assert.equal(await page.locator('[data-testid="guide-link"]').isVisible(), false)
    await page.locator('[data-testid="menu-toggle"]').click()
    await page.locator('#sidenav a', { hasText: 'Panduan pengguna' }).click()
    await page.locator('h1', { hasText: 'Panduan Pengguna Pantau' }).waitFor()
    await page.context().close()
  })
})

describe('maps', () => {
  test('incident markers show on the vulnerability map, and a kab/kota map shows its kecamatan', async () => {
    // An incident to mark (the demo has none), recorded by Banjarmasin through the API.
    const op = await newPage(browser, { width: 390 })
    await login(op, 'banjarmasin.operator')
    const status = await op.evaluate(async () => {
      const s = await (await fetch('/api/v1/session')).json()
      const day = new Date(Date.now() + 8 * 3600e3 - 86400e3).toISOString().slice(0, 10)
      const r = await fetch('/api/v1/conflict/incidents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': s.csrf_token, 'Idempotency-Key': `screens-${Date.now()}` },
        body: JSON.stringify({ region_code: '63.71.01', occurred_on: day, source: 'SARA', type_code: 'CLASH.VILLAGE', info_source: 'FIELD', lat: -3.342, lng: 114.595, geo_precision: 1, description: 'Uji peta.' }),
      })
      return r.status
    })
    assert.equal(status, 201)

    const page = await newPage(browser)
    await login(page, 'kalsel.kabid')
    await page.goto('/conflict/map')
    // The clusters pane is sized by Leaflet, not squeezed to zero by the app's svg rule.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="conflict-map"] .leaflet-clusters-pane svg path').length > 0, null, { timeout: 30000 })
    const box = await page.locator('[data-testid="conflict-map"] .leaflet-clusters-pane svg').first().boundingBox()
    assert.ok(box && box.width > 50 && box.height > 50, `clusters layer size ${JSON.stringify(box)}`)
    await page.context().close()

    await op.goto('/conflict/incidents/baru')
    await op.locator('button[aria-controls="incident-map"]').click()
    // Kota Banjarmasin has five kecamatan; each is outlined on the point picker.
    await op.waitForFunction(() => document.querySelectorAll('[data-testid="point-map"] .leaflet-overlay-pane svg path').length >= 5, null, { timeout: 30000 })
    await op.locator('[data-testid="point-map-note"]', { hasText: 'batas kecamatan' }).waitFor()
    await op.context().close()
  })

  test('with a base map configured, every map draws its tiles under the boundaries and names their source', async () => {
    // The test server runs offline (map_tiles = "off"); here the settings name a tile server that
    // the browser's requests are answered for, as an office's own tile server would.
    const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
    const page = await newPage(browser, { width: 390 })
    const tiles = []
    await page.route('**/api/v1/map-settings', (r) => r.fulfill({
      json: { tiles: 'https://peta.kantor.test/{z}/{x}/{y}.png', attribution: '© kontributor OpenStreetMap', max_zoom: 19 },
    }))
    await page.route('https://peta.kantor.test/**', (r) => {
      tiles.push(r.request().url())
      return r.fulfill({ status: 200, contentType: 'image/png', body: TILE })
    })
    await login(page, 'banjarmasin.operator')
    const problems = watch(page)
    const loadedTiles = (testid) => page.waitForFunction((id) => document.querySelectorAll(`[data-testid="${id}"] .leaflet-tile-pane img.leaflet-tile-loaded`).length > 0, testid, { timeout: 30000 })
    const attribution = async (testid) => page.locator(`[data-testid="${testid}"] .leaflet-control-attribution`).textContent()

    await page.goto('/')
    await loadedTiles('region-map')
    assert.equal(await attribution('region-map'), '© kontributor OpenStreetMap')
    // The boundaries stay above the tiles.
    assert.ok(await page.locator('[data-testid="region-map"] .leaflet-overlay-pane svg path').count() > 0)

    await page.goto('/conflict/map')
    await loadedTiles('conflict-map')
    assert.equal(await attribution('conflict-map'), '© kontributor OpenStreetMap')

    await page.goto('/conflict/incidents/baru')
    await page.locator('button[aria-controls="incident-map"]').click()
    await loadedTiles('point-map')
    await page.locator('[data-testid="point-map-note"]', { hasText: 'di atas peta jalan dari © kontributor OpenStreetMap' }).waitFor()
    assert.ok(tiles.every((u) => /^https:\/\/peta\.kantor\.test\/\d+\/\d+\/\d+\.png$/.test(u)), tiles.slice(0, 3).join(' '))
    assert.deepEqual(problems, [])
    await page.context().close()
  })
})
