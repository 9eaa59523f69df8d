// The web app in a real browser against a real server with the demo data.
import { test, before, after, describe } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import {
  launch, closeBrowser, newPage, login, shot, axe, recordTiming, mapPathCount, waitForMap,
  LEAFLET_JS, LEAFLET_CSS, PASSWORD,
} from './lib.mjs'

let browser
before(async () => { browser = await launch() })
after(async () => { await closeBrowser(browser) })

async function done(page) {
  assert.deepEqual(page.errors, [], `uncaught errors in the page: ${page.errors.join('\n')}`)
  await page.context().close()
}

describe('content security policy', () => {
  test('the app runs under the server\'s CSP without violations', async () => {
    const page = await newPage(browser, { bypassCSP: false })
    const violations = []
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()) })
    const res = await page.goto('/login')
    const csp = res.headers()['content-security-policy'] || ''
    await login(page, 'admin')
    await waitForMap(page, 38)
    await page.locator('.chart-box canvas').first().waitFor({ timeout: 15000 })
    await page.goto('/admin/pengguna')
    await page.locator('table.dt tbody tr').first().waitFor()
    await page.goto('/admin/pengguna/1')
    await page.locator('[data-testid="user-form"]').waitFor()
    assert.deepEqual(violations, [], `CSP (${csp}) violations:\n${violations.join('\n')}`)
    await done(page)
  })
})

describe('login', () => {
  test('wrong password shows a clear message and the page is accessible', async () => {
    const page = await newPage(browser)
    await page.goto('/')
    await page.waitForURL(/\/login/)
    await axe(page, 'login')
    await page.locator('#login-username').fill('admin')
    await page.locator('#login-password').fill('salah-sekali-123')
    await page.locator('[data-testid="login-submit"]').click()
    const err = page.locator('[data-testid="login-error"]')
    await err.waitFor()
    assert.match(await err.innerText(), /salah/i)
    assert.match(page.url(), /\/login/)
    await shot(page, 'login-wrong-password')
    await done(page)
  })

  test('empty fields are marked next to the field', async () => {
    const page = await newPage(browser)
    await page.goto('/login')
    await page.locator('[data-testid="login-submit"]').click()
    await page.locator('#login-username-err').waitFor()
    assert.equal(await page.locator('#login-username').getAttribute('aria-invalid'), 'true')
    await done(page)
  })
})

describe('national administrator', () => {
  test('dashboard shows who I am and a map of the 38 provinces', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.goto('/')
    await waitForMap(page, 38)
    const tti = await page.evaluate(() => performance.now())
    recordTiming('dashboard_tti_national_ms', Math.round(tti))
    assert.equal(await mapPathCount(page), 38)
    assert.match(await page.locator('[data-testid="scope"]').innerText(), /Nasional/)
    assert.ok((await page.locator('[data-testid="office"]').innerText()).trim().length > 0)
    const identity = await page.locator('[data-testid="identity"]').innerText()
    assert.match(identity, /Administrator Pusat|Admin/i)
    assert.ok(await page.locator('[data-testid="figures"] li').count() > 0, 'key figures shown')
    assert.ok(await page.locator('[data-testid="tasks"], [data-testid="tasks-empty"]').count() > 0, 'tasks or empty state shown')
    await page.locator('.chart-box canvas').first().waitFor({ timeout: 15000 })
    await page.locator('nav >> text=Administrasi').waitFor()
    await shot(page, 'dashboard-admin')
    await axe(page, 'dashboard-admin')

    // Drill down to a province through the accessible table of the map.
    await page.locator('.map-table summary').click()
    await page.locator('.map-table button', { hasText: 'Kalimantan Selatan' }).click()
    await page.locator('[data-testid="map-back"]').waitFor()
    await page.waitForFunction(() => {
      const n = document.querySelectorAll('[data-testid="region-map"] .leaflet-overlay-pane svg path').length
      return n > 1 && n < 38
    })
    const kab = await mapPathCount(page)
    assert.equal(kab, 13, 'Kalimantan Selatan has 13 kab/kota')
    await shot(page, 'dashboard-admin-drilldown')
    await page.locator('[data-testid="map-back"]').click()
    await waitForMap(page, 38)

    // Switch the map to election readiness with the keyboard: legend, table and URL follow.
    const dash = await page.evaluate(() => fetch('/api/v1/dashboard').then((r) => r.json()))
    const readiness = dash.map.measures.find((m) => m.key === 'election_readiness')
    assert.ok(readiness, 'the dashboard offers election readiness')
    const measureSelect = page.getByLabel('Ukuran peta')
    assert.equal(await measureSelect.inputValue(), 'reporting_completeness')
    await measureSelect.focus()
    await page.keyboard.press('ArrowDown')
    await page.waitForURL(/[?&]ukuran=election_readiness/)
    assert.equal(await measureSelect.inputValue(), 'election_readiness')
    assert.match(await page.locator('.legend').innerText(), /Kesiapan dukungan/)
    const table = page.locator('.map-table')
    if (!(await table.evaluate((d) => d.open))) await table.locator('summary').click()
    assert.match(await table.locator('thead').innerText(), /Kesiapan dukungan/i)
    const row = table.locator('tbody tr', { hasText: 'Kalimantan Selatan' })
    assert.equal((await row.locator('td.num').innerText()).trim(), `${readiness.values['63']}%`)
    await shot(page, 'dashboard-admin-readiness')
    await axe(page, 'dashboard-admin-readiness')
    // The choice is kept in the URL: a reload shows the same measure.
    await page.reload()
    await waitForMap(page, 38)
    assert.equal(await page.getByLabel('Ukuran peta').inputValue(), 'election_readiness')
    await done(page)
  })

  test('creates a user through the admin screen, with password policy errors next to the field', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.goto('/admin/pengguna')
    await page.locator('table.dt tbody tr').first().waitFor()
    await axe(page, 'users-list')
    await page.locator('[data-testid="user-add"]').click()
    await page.waitForURL(/\/admin\/pengguna\/baru/)
    const form = page.locator('[data-testid="user-form"]')
    const username = `e2e.${Date.now().toString(36)}`
    await form.locator('input[name="username"]').fill(username)
    await form.locator('input[name="full_name"]').fill('Siti Rahmawati (uji)')
    await form.locator('input[name="email"]').fill(`${username}@example.go.id`)
    await form.locator('select[name="role"]').selectOption('OPERATOR')
    await form.locator('select[name="clearance"]').selectOption('BIASA')
    await page.waitForFunction(() => document.querySelectorAll('select[name="org_unit_id"] option').length > 1)
    await form.locator('select[name="org_unit_id"]').selectOption({ index: 1 })
    await form.locator('input[name="password"]').fill('pendek')
    await form.locator('[data-testid="user-save"]').click()
    const pwField = form.locator('.field', { has: page.locator('input[name="password"]') })
    await pwField.locator('.field-error').waitFor()
    assert.ok((await pwField.locator('.field-error').innerText()).length > 3)
    assert.equal(await form.locator('input[name="password"]').getAttribute('aria-invalid'), 'true')
    await shot(page, 'user-create-policy-error')
    await axe(page, 'user-create-error')

    await form.locator('input[name="password"]').fill('Kesbangpol2025aman')
    await form.locator('[data-testid="user-save"]').click()
    await page.waitForURL(/\/admin\/pengguna\/\d+/)
    await page.locator('[data-testid="notice"]').waitFor()
    assert.match(await page.locator('h1').innerText(), /Siti Rahmawati/)
    await shot(page, 'user-created')
    await axe(page, 'user-edit')

    await page.goto('/admin/pengguna')
    await page.locator('table.dt tbody tr').first().waitFor()
    await page.locator('.dt-search input').fill(username)
    await page.locator('table.dt tbody tr', { hasText: username }).waitFor()
    await done(page)
  })

  test('creates and edits an organisation unit, with its history', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.goto('/admin/unit-kerja')
    await page.locator('table.dt tbody tr').first().waitFor()
    await axe(page, 'org-units')
    await page.locator('[data-testid="org-add"]').click()
    const form = page.locator('[data-testid="org-form"]')
    const name = `Bidang Kewaspadaan Uji ${Date.now().toString(36)}`
    await form.locator('input[name="name"]').fill(name)
    await form.locator('select[name="kind"]').selectOption('PERANGKAT_DAERAH')
    await form.locator('.picker input').fill('Banjarbaru')
    await form.locator('.picker-list button', { hasText: 'Kota Banjarbaru' }).click()
    await form.locator('.picker-selected', { hasText: '63.72' }).waitFor()
    await form.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin\/unit-kerja\/\d+/)
    await page.locator('[data-testid="notice"]').waitFor()
    await form.locator('input[name="name"]').fill(name + ' (ubah)')
    await form.locator('button[type="submit"]').click()
    await page.locator('[data-testid="notice"]', { hasText: 'disimpan' }).waitFor()
    await page.locator('.history > li').nth(1).waitFor()
    await shot(page, 'org-unit-edit')
    await axe(page, 'org-unit-edit')
    await done(page)
  })

  test('switches to English and remembers it', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.locator('[data-testid="lang-en"]').click()
    await page.locator('nav >> text=Dashboard').waitFor()
    await page.locator('nav >> text=Regions').waitFor()
    await page.locator('nav >> text=Administration').waitFor()
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en')
    await page.reload()
    await page.locator('nav >> text=Regions').waitFor()
    assert.match(await page.locator('[data-testid="scope"]').innerText(), /National/)
    await shot(page, 'dashboard-english')
    await axe(page, 'dashboard-english')
    await page.locator('[data-testid="lang-id"]').click()
    await page.locator('nav >> text=Wilayah').waitFor()
    await done(page)
  })

  test('a lost session sends the user to login with a notice', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await waitForMap(page, 38)
    await page.context().clearCookies()
    await page.locator('nav >> text=Wilayah').click()
    await page.waitForURL(/\/login/)
    const notice = page.locator('[data-testid="login-notice"]')
    await notice.waitFor()
    assert.match(await notice.innerText(), /berakhir/)
    await done(page)
  })

  test('region browser drills down with a breadcrumb and searches by name or code', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    await page.goto('/wilayah')
    await page.locator('table.dt tbody tr').nth(37).waitFor()
    assert.equal(await page.locator('table.dt tbody tr').count(), 38)
    await axe(page, 'regions')
    await page.locator('table.dt a', { hasText: 'Kalimantan Selatan' }).click()
    await page.waitForURL(/\/wilayah\/63$/)
    await page.locator('table.dt a', { hasText: 'Kota Banjarmasin' }).click()
    await page.waitForURL(/\/wilayah\/63\.71$/)
    await page.locator('[data-testid="breadcrumb"] [aria-current="page"]', { hasText: 'Kota Banjarmasin' }).waitFor()
    const crumbs = await page.locator('[data-testid="breadcrumb"] li').allInnerTexts()
    assert.deepEqual(crumbs.map((s) => s.replace(/^›\s*/, '').trim()), ['Indonesia', 'Kalimantan Selatan', 'Kota Banjarmasin'])
    await page.locator('table.dt tbody tr').first().waitFor()
    await shot(page, 'regions-banjarmasin')
    await axe(page, 'regions-kabkota')
    await page.locator('.dt-search input').fill('63.71')
    await page.waitForFunction(() => [...document.querySelectorAll('table.dt tbody tr td:first-child')].every((td) => td.textContent.trim().startsWith('63.71')))
    await done(page)
  })

  test('renders all 514 kab/kota in one Leaflet map (timing)', async () => {
    const page = await newPage(browser)
    await login(page, 'admin')
    // A blank page on the app's origin (cookies apply) with Leaflet from node_modules.
    await page.goto('/readyz')
    await page.setContent('<!doctype html><html lang="id"><head><title>peta</title></head><body style="margin:0"><main><div id="m" style="width:1200px;height:800px;background:#e8eef5"></div></main></body></html>')
    await page.addStyleTag({ content: readFileSync(LEAFLET_CSS, 'utf8') })
    await page.addScriptTag({ content: readFileSync(LEAFLET_JS, 'utf8') })
    const r = await page.evaluate(async (base) => {
      const t0 = performance.now()
      const res = await fetch(base + '/api/v1/geo/kabkota', { credentials: 'include' })
      const text = await res.text()
      const t1 = performance.now()
      const fc = JSON.parse(text)
      const t2 = performance.now()
      const map = window.L.map('m', { attributionControl: false })
      const layer = window.L.geoJSON(fc, { style: { color: '#fff', weight: 1, fillColor: '#2873b5', fillOpacity: 0.9 } }).addTo(map)
      map.fitBounds(layer.getBounds())
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))
      const t3 = performance.now()
      return {
        status: res.status, bytes: text.length, features: fc.features?.length ?? 0,
        paths: document.querySelectorAll('#m .leaflet-overlay-pane path').length,
        fetch_ms: Math.round(t1 - t0), parse_ms: Math.round(t2 - t1), render_ms: Math.round(t3 - t2), total_ms: Math.round(t3 - t0),
      }
    }, new URL(page.url()).origin)
    recordTiming('kabkota_514_map', r)
    assert.equal(r.status, 200)
    assert.equal(r.features, 514)
    assert.equal(r.paths, 514)
    await shot(page, 'kabkota-514')
    await done(page)
  })
})

describe('kab/kota operator', () => {
  test('sees only Kota Banjarmasin on the map and no administration', async () => {
    const page = await newPage(browser)
    await login(page, 'banjarmasin.operator')
    await page.goto('/')
    await waitForMap(page, 1)
    recordTiming('dashboard_tti_kabkota_ms', Math.round(await page.evaluate(() => performance.now())))
    assert.equal(await mapPathCount(page), 1)
    assert.match(await page.locator('[data-testid="scope"]').innerText(), /Banjarmasin/)
    assert.equal(await page.locator('nav >> text=Administrasi').count(), 0)
    await shot(page, 'dashboard-operator')
    await axe(page, 'dashboard-operator')
    // Administration is not reachable by URL either.
    await page.goto('/admin/pengguna')
    await page.waitForURL((u) => u.pathname === '/')
    await done(page)
  })

  test('province head sees the 13 kab/kota of Kalimantan Selatan', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.kaban')
    await page.goto('/')
    await waitForMap(page, 13)
    assert.match(await page.locator('[data-testid="scope"]').innerText(), /Kalimantan Selatan/)
    await shot(page, 'dashboard-province')
    await done(page)
  })
})

describe('phone (360 px)', () => {
  test('navigation collapses behind a menu button and works', async () => {
    const page = await newPage(browser, { width: 360, height: 740 })
    await login(page, 'kalsel.admin')
    const nav = page.locator('#sidenav')
    const toggle = page.locator('[data-testid="menu-toggle"]')
    assert.ok(await toggle.isVisible(), 'menu button visible')
    assert.equal(await nav.isVisible(), false, 'nav hidden until opened')
    assert.ok(await page.locator('[data-testid="scope"]').isVisible(), 'scope visible on phone')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `no horizontal scrolling (overflow ${overflow}px)`)
    await shot(page, 'phone-dashboard')
    await axe(page, 'phone-dashboard')
    await toggle.click()
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true')
    await nav.waitFor({ state: 'visible' })
    await shot(page, 'phone-nav-open')
    await nav.getByRole('link', { name: 'Pengguna', exact: true }).click()
    await page.waitForURL(/\/admin\/pengguna/)
    await nav.waitFor({ state: 'hidden' })
    await page.locator('table.dt tbody tr').first().waitFor()
    await shot(page, 'phone-users')
    await axe(page, 'phone-users')
    await done(page)
  })

  test('keyboard: skip link moves focus to the content', async () => {
    const page = await newPage(browser)
    await login(page, 'kalsel.kaban')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.className)
    assert.match(String(focused), /skip-link/)
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main')
    await done(page)
  })
})

test('demo password is configured', () => {
  assert.ok(PASSWORD.length >= 10)
})
