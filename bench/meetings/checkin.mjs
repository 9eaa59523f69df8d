// 100 participants checking in at the door within a minute, all from ONE address (the phones
// share the venue's Wi-Fi behind NAT): each opens the check-in page (GET) and sends the form
// with a drawn signature (POST). Against a running server:
//   node bench/meetings/checkin.mjs http://127.0.0.1:8080 kalsel.kabid PASSWORD [participants=100] [spread_s=0]
// spread_s = 0 sends them all at once (the worst case); otherwise they arrive evenly over it.
// Prints the answers by status, the time from the first to the last, the latency per check-in
// (p50/p99/max) and how many the meeting recorded as present; exits 1 unless all were.
const [base, user, password, nArg, spreadArg] = process.argv.slice(2);
if (!base || !user || !password) {
  console.error('usage: node checkin.mjs BASE_URL USER PASSWORD [participants] [spread_s]');
  process.exit(2);
}
const N = Number(nArg || 100);
const SPREAD = Number(spreadArg || 0) * 1000;

let cookie = '';
let csrf = '';
async function call(method, path, body, headers = {}) {
  const r = await fetch(base + path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}), ...(csrf && method !== 'GET' ? { 'X-CSRF-Token': csrf } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, json, text, headers: r.headers };
}

const login = await call('POST', '/api/v1/session', { username: user, password });
if (login.status !== 200) throw new Error(`login: ${login.status} ${login.text}`);
cookie = (login.headers.getSetCookie().find((c) => c.startsWith('pantau_session=')) || '').split(';')[0];
csrf = login.json.csrf_token;
const iso = (ms) => new Date(Date.now() + ms).toISOString();
let r = await call('POST', '/api/v1/meetings', { type: 'SOSIALISASI', title: `Sosialisasi uji beban ${Date.now()}`, start_at: iso(-10 * 60_000), end_at: iso(3 * 3600_000), venue: 'Aula' });
if (r.status !== 201) throw new Error(`meeting: ${r.status} ${r.text}`);
const id = r.json.id;
r = await call('POST', `/api/v1/meetings/${id}/participants`, { name: 'Narasumber', institution: 'Kesbangpol' });
r = await call('POST', `/api/v1/meetings/${id}/actions`, { action: 'INVITE' }, { 'If-Match': `"${r.json.version}"` });
if (r.status !== 200) throw new Error(`invite: ${r.status} ${r.text}`);
const token = r.json.checkin.token;

// A signature of about 80 points, like a finger on a phone.
const sig = [Array.from({ length: 80 }, (_, k) => [10 + k * 3, 60 + ((k * 37) % 50) - 25])];
const pub = { cookie: '', csrf: '' };
async function checkin(i) {
  if (SPREAD) await new Promise((res) => setTimeout(res, (SPREAD * i) / N));
  const t0 = performance.now();
  const page = await fetch(`${base}/api/v1/checkin/${token}`);
  await page.text();
  const sent = await fetch(`${base}/api/v1/checkin/${token}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: `Peserta ${i + 1}`, position: 'Anggota', institution: `Ormas ${i % 17}`, participant_type: 'ORMAS', signature: sig }),
  });
  await sent.text();
  return { get: page.status, post: sent.status, ms: performance.now() - t0 };
}
void pub;
const started = performance.now();
const results = await Promise.all(Array.from({ length: N }, (_, i) => checkin(i)));
const total = performance.now() - started;
const by = {};
for (const x of results) by[`GET ${x.get} / POST ${x.post}`] = (by[`GET ${x.get} / POST ${x.post}`] || 0) + 1;
const ms = results.map((x) => x.ms).sort((a, b) => a - b);
const q = (p) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)].toFixed(0);
r = await call('GET', `/api/v1/meetings/${id}`);
const recorded = r.json.participants.filter((p) => p.present && p.checkin_method === 'SELF').length;
console.log(`check-in: ${N} participants from one address${SPREAD ? ` over ${SPREAD / 1000} s` : ' at once'}`);
console.log(`  answers: ${JSON.stringify(by)}`);
console.log(`  first to last: ${(total / 1000).toFixed(2)} s; per check-in (GET + POST) p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${ms[ms.length - 1].toFixed(0)} ms`);
console.log(`  recorded present: ${recorded} of ${N}`);
process.exit(recorded === N && total < 60_000 ? 0 : 1);
