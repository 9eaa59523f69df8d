// Shared helpers of the browser tests: chromium launch, login, axe, screenshots, timings.
import { chromium } from 'playwright-core'
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import assert from 'node:assert/strict'

const require = createRequire(import.meta.url)
export const HERE = dirname(fileURLToPath(import.meta.url))
export const ARTIFACTS = join(HERE, 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

export const BASE = process.env.PANTAU_URL || 'http://127.0.0.1:8080'
export const PASSWORD = process.env.PANTAU_DEMO_PASSWORD || 'Pantau-e2e-2025'
const AXE_PATH = require.resolve('axe-core/axe.min.js')
export const LEAFLET_JS = require.resolve('leaflet/dist/leaflet.js')
export const LEAFLET_CSS = require.resolve('leaflet/dist/leaflet.css')

// Playwright's launch() gives chromium a fresh temporary --user-data-dir of its own
// (it refuses the flag in args); we also point TMPDIR at our own temp dir so it is removed.
let profileDir = ''
export async function launch() {
  profileDir = mkdtempSync(join(tmpdir(), 'pantau-chromium-'))
  process.env.TMPDIR = profileDir
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  })
  return browser
}
export async function closeBrowser(browser) {
  await browser?.close()
  if (profileDir) rmSync(profileDir, { recursive: true, force: true })
}

/**
 * A fresh context (own cookies and localStorage), Indonesian by default.
 * bypassCSP lets the tests inject axe-core into pages served with the server's strict
 * Content-Security-Policy; one test runs without it to prove the app itself obeys the policy.
 */
export async function newPage(browser, { width = 1366, height = 900, locale = 'id-ID', bypassCSP = true, timezoneId = 'Asia/Jakarta' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId, baseURL: BASE, bypassCSP })
  const page = await context.newPage()
  page.setDefaultTimeout(20000)
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.errors = errors
  return page
}

export async function login(page, username, password = PASSWORD) {
  await page.goto('/login')
  await page.locator('#login-username').fill(username)
  await page.locator('#login-password').fill(password)
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/login')),
    page.locator('[data-testid="login-submit"]').click(),
  ])
  await page.locator('[data-testid="idstrip"]').waitFor()
}

export async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** Run axe-core on the page; fail on serious or critical violations. */
export async function axe(page, name) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ content: readFileSync(AXE_PATH, 'utf8') })
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 10) }))
  })
  writeFileSync(join(ARTIFACTS, `axe-${name}.json`), JSON.stringify(result, null, 2))
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  assert.deepEqual(bad, [], `axe: serious/critical violations on ${name}:\n${JSON.stringify(bad, null, 2)}`)
  return result
}

const TIMINGS = join(ARTIFACTS, 'timings.json')
export function recordTiming(key, value) {
  const all = existsSync(TIMINGS) ? JSON.parse(readFileSync(TIMINGS, 'utf8')) : {}
  all[key] = value
  all.recorded_at = new Date().toISOString()
  writeFileSync(TIMINGS, JSON.stringify(all, null, 2))
}

/** Number of region shapes drawn by Leaflet (one SVG path per region). */
export async function mapPathCount(page) {
  return page.locator('[data-testid="region-map"] .leaflet-overlay-pane svg path').count()
}
export async function waitForMap(page, expected) {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="region-map"] .leaflet-overlay-pane svg path').length === n,
    expected,
    { timeout: 30000 },
  )
}
