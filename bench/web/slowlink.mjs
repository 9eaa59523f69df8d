// The dashboard of a kab/kota operator on a slow mobile link, in Chromium with its network emulation
// (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip; cache empty, as on a first visit):
// time from navigation start until the map is drawn and the dashboard's tiles are shown, the
// JavaScript transferred before the first paint, and everything transferred until usable.
//   PANTAU_URL=http://127.0.0.1:PORT PANTAU_DEMO_PASSWORD=... node bench/web/slowlink.mjs [runs]
// (bench/web/run.sh starts the server and prints the report.)
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(join(here, '../../tests/e2e/package.json'))
const { chromium } = require('playwright-core')
const BASE = process.env.PANTAU_URL
const PASSWORD = process.env.PANTAU_DEMO_PASSWORD
const RUNS = Number(process.argv[2] || 5)
const USER = process.env.BENCH_USER || 'banjarmasin.operator'
const LINK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8) }

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
})
const results = []
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID', baseURL: BASE, timezoneId: 'Asia/Makassar' })
    // Log in on a fast link: the measured visit is the next morning's first page, session kept.
    const login = await context.newPage()
    await login.goto('/login')
    await login.locator('#login-username').fill(USER)
    await login.locator('#login-password').fill(PASSWORD)
    await Promise.all([login.waitForURL((u) => !u.pathname.startsWith('/login')), login.locator('[data-testid="login-submit"]').click()])
    await login.close()

    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', LINK)
    const requests = new Map()
    cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, type: e.type, start: e.timestamp }))
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId)
      if (r) { r.bytes = e.encodedDataLength; r.end = e.timestamp }
    })
    await page.goto('/', { waitUntil: 'commit' })
    await page.waitForFunction(() =>
      document.querySelectorAll('[data-testid="region-map"] .leaflet-overlay-pane svg path').length > 0 &&
      document.querySelectorAll('[data-testid="figures"] li').length > 0, null, { timeout: 60000, polling: 50 })
    const usable = await page.evaluate(() => performance.now())
    const paint = await page.evaluate(() => {
      const p = performance.getEntriesByName('first-contentful-paint')[0]
      return p ? p.startTime : null
    })
    const nav = await page.evaluate(() => performance.timeOrigin)
    // CDP timestamps are monotonic seconds; relate them to the page's clock through the first request.
    const all = [...requests.values()].filter((r) => r.bytes !== undefined)
    const t0 = Math.min(...all.map((r) => r.start))
    const js = all.filter((r) => r.type === 'Script')
    const jsBeforePaint = js.filter((r) => paint !== null && (r.end - t0) * 1000 <= paint)
    const sum = (rs) => rs.reduce((a, r) => a + r.bytes, 0)
    results.push({ usable_ms: Math.round(usable), first_paint_ms: paint && Math.round(paint), js_before_paint_bytes: sum(jsBeforePaint),
      js_before_paint_files: jsBeforePaint.length,
      js_before_paint_list: jsBeforePaint.map((r) => `${r.url.replace(/^.*\//, '')} ${(r.bytes / 1024).toFixed(1)} KB`), js_bytes: sum(js), js_files: js.length, total_bytes: sum(all), requests: all.length, nav })
    await context.close()
  }
} finally {
  await browser.close()
}
const med = (k) => { const v = results.map((r) => r[k]).sort((a, b) => a - b); return v[Math.floor(v.length / 2)] }
const range = (k) => `${Math.min(...results.map((r) => r[k]))}–${Math.max(...results.map((r) => r[k]))}`
const kb = (b) => (b / 1024).toFixed(1)
console.log(JSON.stringify({ runs: results.length, user: USER, link: LINK,
  usable_ms: med('usable_ms'), usable_range: range('usable_ms'), first_paint_ms: med('first_paint_ms'),
  js_before_paint_kb: kb(med('js_before_paint_bytes')), js_before_paint_files: med('js_before_paint_files'),
  js_until_usable_kb: kb(med('js_bytes')), js_files: med('js_files'), total_until_usable_kb: kb(med('total_bytes')),
  requests: med('requests'), js_before_paint_list_first_run: results[0].js_before_paint_list }, null, 1))
