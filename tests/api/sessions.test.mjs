// Sessions and authentication: log-in errors, lockout, throttling, log-out, CSRF, cookie flags,
// disabling a user, password resets and the password policy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { DEMO_PASSWORD, assertProblem, cookieFrom, finish, startServer } from './server.mjs';

let srv;
let admin;
const login = (username, password, headers = {}) =>
  srv.request('POST', '/api/v1/session', { json: { username, password }, headers });
const userByName = async (name) => (await admin.get(`/api/v1/users?q=${name}`)).json.items.find((u) => u.username === name);

before(async () => {
  srv = await startServer();
  admin = await srv.login('admin');
});

after(() => finish(assert, srv));

describe('logging in', () => {
  test('a wrong password answers 401 auth.invalid_credentials in both languages', async () => {
    const r = await login('kalsel.operator', 'salah-sekali-123');
    const p = assertProblem(assert, r, 401, 'auth.invalid_credentials');
    assert.equal(p.message.id, 'Nama pengguna atau kata sandi salah.');
    assert.equal(p.message.en, 'Wrong username or password.');
    assert.equal(cookieFrom(r.headers), null, 'no session cookie');
  });

  test('an unknown user gets the very same answer (no user enumeration)', async () => {
    const known = await login('kalsel.kabid', 'salah-sekali-123');
    const unknown = await login('tidak.ada.orangnya', 'salah-sekali-123');
    assert.equal(unknown.status, 401);
    assert.deepEqual(unknown.json, known.json);
  });

  test('missing fields are field errors; the username is case- and space-insensitive', async () => {
    const r = await srv.request('POST', '/api/v1/session', { json: { username: 'admin' } });
    const p = assertProblem(assert, r, 422, 'validation_failed');
    assert.deepEqual(p.errors.map((e) => [e.field, e.code]), [['password', 'required']]);
    const ok = await login('  KalSel.Analis ', DEMO_PASSWORD);
    assert.equal(ok.status, 200);
    assert.equal(ok.json.user.username, 'kalsel.analis');
  });

  test('the session cookie is HttpOnly and SameSite=Strict; the body carries the CSRF token', async () => {
    const r = await login('kalsel.kabid', DEMO_PASSWORD);
    assert.equal(r.status, 200);
    const set = r.headers.getSetCookie().find((c) => c.startsWith('pantau_session='));
    assert.ok(set, 'a pantau_session cookie is set');
    const attrs = set.split(';').map((x) => x.trim().toLowerCase());
    assert.ok(attrs.includes('httponly'));
    assert.ok(attrs.includes('samesite=strict'));
    assert.ok(attrs.includes('path=/'));
    const maxAge = Number(attrs.find((a) => a.startsWith('max-age=')).split('=')[1]);
    assert.ok(maxAge > 0);
    assert.match(r.json.csrf_token, /^[A-Za-z0-9_-]{16,}$/);
    assert.ok(!set.includes(r.json.csrf_token), 'the CSRF token is not the cookie');
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  test('5 wrong passwords lock the account: 423 auth.locked with retry_after_seconds', async () => {
    for (let i = 1; i <= 4; ++i) assertProblem(assert, await login('tanahlaut.operator', `Keliru${i}x12345`), 401);
    const fifth = await login('tanahlaut.operator', 'Keliru5x12345');
    const p = assertProblem(assert, fifth, 423, 'auth.locked');
    assert.ok(p.retry_after_seconds > 0 && p.retry_after_seconds <= 15 * 60, `${p.retry_after_seconds}`);
    assert.equal(fifth.headers.get('retry-after'), String(p.retry_after_seconds));
    assert.match(p.message.id, /dikunci/);
    assert.match(p.message.en, /locked/);
    // Even the right password is refused while locked.
    const right = await login('tanahlaut.operator', DEMO_PASSWORD);
    const q = assertProblem(assert, right, 423, 'auth.locked');
    assert.ok(q.retry_after_seconds > 0 && q.retry_after_seconds <= p.retry_after_seconds);
    // The administrator sees the locked account, on the user and as a task on the dashboard.
    const u = await userByName('tanahlaut.operator');
    assert.equal(u.locked, true);
    const dash = await admin.get('/api/v1/dashboard');
    assert.ok(dash.json.tasks.some((t) => t.link === `/admin/users/${u.id}`));
    // A password reset by the administrator lifts the lock.
    const reset = await admin.post(`/api/v1/users/${u.id}/password`, { password: 'Dibuka2024lagi' });
    assert.equal(reset.status, 204);
    assert.equal((await login('tanahlaut.operator', 'Dibuka2024lagi')).status, 200);
  });
});

describe('logging out', () => {
  test('log-out clears the cookie and the old cookie no longer works', async () => {
    const c = await srv.login('banjarbaru.operator');
    assert.equal((await c.get('/api/v1/session')).status, 200);
    const r = await c.del('/api/v1/session');
    assert.equal(r.status, 204);
    const set = r.headers.getSetCookie().find((x) => x.startsWith('pantau_session='));
    assert.match(set, /^pantau_session=;/);
    assert.match(set, /Max-Age=0/);
    assertProblem(assert, await c.get('/api/v1/session'), 401, 'auth.no_session');
    assertProblem(assert, await c.get('/api/v1/dashboard'), 401, 'auth.no_session');
    assertProblem(assert, await c.del('/api/v1/session'), 401);
  });
});

describe('CSRF', () => {
  let c;
  let other;
  const unit = { name: 'Unit Uji CSRF', kind: 'PARTNER', region_code: '63.71' };
  const count = async () => (await admin.all('/api/v1/org-units?q=csrf')).length;
  before(async () => {
    c = await srv.login('kalsel.admin');
    other = await srv.login('kalsel.admin');
  });

  test('a write without X-CSRF-Token is refused with 403 and changes nothing', async () => {
    const n = await count();
    const r = await c.post('/api/v1/org-units', unit, { csrf: false });
    const p = assertProblem(assert, r, 403, 'csrf.token');
    assert.match(p.message.en, /CSRF/);
    assert.equal(await count(), n);
  });

  test('a wrong token, or the token of another session, is refused', async () => {
    const n = await count();
    assertProblem(assert, await c.post('/api/v1/org-units', unit, { csrf: false, headers: { 'X-CSRF-Token': 'x'.repeat(32) } }), 403, 'csrf.token');
    assertProblem(assert, await c.post('/api/v1/org-units', unit, { csrf: false, headers: { 'X-CSRF-Token': other.csrf } }), 403, 'csrf.token');
    assertProblem(assert, await c.del('/api/v1/session', { csrf: false }), 403, 'csrf.token');
    assert.equal((await c.get('/api/v1/session')).status, 200, 'the refused log-out did not end the session');
    assert.equal(await count(), n);
  });

  test('a request from another site (Origin) is refused even with the right token', async () => {
    const n = await count();
    const r = await c.post('/api/v1/org-units', unit, { headers: { Origin: 'https://evil.example' } });
    assertProblem(assert, r, 403, 'csrf.origin');
    // A log-in posted from another site is refused too (log-in CSRF).
    const l = await login('kalsel.operator', DEMO_PASSWORD, { Origin: 'https://evil.example' });
    assertProblem(assert, l, 403, 'csrf.origin');
    assert.equal(cookieFrom(l.headers), null);
    assert.equal(await count(), n);
  });

  test('the same origin with the right token is accepted', async () => {
    const n = await count();
    const r = await c.post('/api/v1/org-units', unit, { headers: { Origin: srv.url } });
    assert.equal(r.status, 201, r.text);
    assert.equal(await count(), n + 1);
    // Reads need no token.
    assert.equal((await c.get('/api/v1/org-units', { headers: { Origin: 'https://evil.example' } })).status, 200);
  });
});

describe('losing access takes effect at once', () => {
  test("a disabled user's session stops working immediately, and log-in is refused", async () => {
    const victim = await srv.login('kalsel.tim');
    assert.equal((await victim.get('/api/v1/dashboard')).status, 200);
    const u = await userByName('kalsel.tim');
    const r = await admin.patch(`/api/v1/users/${u.id}`, { disabled: true }, { headers: { 'If-Match': `"${u.version}"` } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.disabled, true);
    assertProblem(assert, await victim.get('/api/v1/dashboard'), 401);
    assertProblem(assert, await victim.post('/api/v1/files', {}), 401);
    const again = await login('kalsel.tim', DEMO_PASSWORD);
    assertProblem(assert, again, 403, 'auth.disabled');
    assert.equal(cookieFrom(again.headers), null);
    // Enabled again, the user can log in.
    const back = await admin.patch(`/api/v1/users/${u.id}`, { disabled: false }, { headers: { 'If-Match': `"${r.json.version}"` } });
    assert.equal(back.status, 200);
    assert.equal((await login('kalsel.tim', DEMO_PASSWORD)).status, 200);
  });

  test('a password reset by an administrator logs the user out everywhere', async () => {
    const s1 = await srv.login('banjarmasin.operator');
    const s2 = await srv.login('banjarmasin.operator');
    const u = await userByName('banjarmasin.operator');
    const r = await admin.post(`/api/v1/users/${u.id}/password`, { password: 'Baru2024sandinya' });
    assert.equal(r.status, 204, r.text);
    assertProblem(assert, await s1.get('/api/v1/session'), 401);
    assertProblem(assert, await s2.get('/api/v1/session'), 401);
    assertProblem(assert, await login('banjarmasin.operator', DEMO_PASSWORD), 401, 'auth.invalid_credentials');
    assert.equal((await login('banjarmasin.operator', 'Baru2024sandinya')).status, 200);
    // The administrator's own session is unaffected.
    assert.equal((await admin.get('/api/v1/session')).status, 200);
  });

  test('lowering a clearance ends the sessions of that user', async () => {
    const victim = await srv.login('kalsel.analis');
    const u = await userByName('kalsel.analis');
    const r = await admin.patch(`/api/v1/users/${u.id}`, { clearance: 'BIASA' }, { headers: { 'If-Match': `"${u.version}"` } });
    assert.equal(r.status, 200, r.text);
    assertProblem(assert, await victim.get('/api/v1/session'), 401);
    const fresh = await srv.login('kalsel.analis');
    assert.equal(fresh.user.clearance, 'BIASA');
  });
});

describe('password policy', () => {
  const cases = [
    ['Pendek1', 'too_short', /10/],
    ['hanyahurufsaja', 'too_simple', /letters and digits/],
    ['1234567890123', 'too_simple', /letters and digits/],
    ['xkalsel.operator2024', 'contains_username', /username/],
    [`Ab1${'x'.repeat(130)}`, 'too_long', /128/],
  ];
  for (const [pw, code, en] of cases) {
    test(`reset to "${pw.slice(0, 24)}" is refused: ${code}`, async () => {
      const u = await userByName('kalsel.operator');
      const r = await admin.post(`/api/v1/users/${u.id}/password`, { password: pw });
      const p = assertProblem(assert, r, 422, 'validation_failed');
      const e = p.errors.find((x) => x.code === code);
      assert.ok(e, JSON.stringify(p.errors));
      assert.equal(e.field, 'password');
      assert.match(e.message.en, en);
      assert.ok(e.message.id.length > 0);
      assert.equal((await login('kalsel.operator', DEMO_PASSWORD)).status, 200, 'the password is unchanged');
    });
  }

  test('creating a user checks the password and the username, each as a field error', async () => {
    const unit = (await admin.get('/api/v1/org-units?kind=KESBANGPOL&q=banjarmasin')).json.items[0];
    const r = await admin.post('/api/v1/users', {
      username: 'Bad Name!', full_name: 'Uji Kebijakan', password: 'short', role: 'OPERATOR', org_unit_id: unit.id,
    });
    const p = assertProblem(assert, r, 422, 'validation_failed');
    const fields = p.errors.map((e) => `${e.field}:${e.code}`);
    assert.ok(fields.includes('username:invalid'), fields.join());
    assert.ok(fields.includes('password:too_short'), fields.join());
    const r2 = await admin.post('/api/v1/users', {
      username: 'uji.kebijakan', full_name: 'Uji Kebijakan', password: 'uji.kebijakan2024', role: 'OPERATOR', org_unit_id: unit.id,
    });
    const p2 = assertProblem(assert, r2, 422);
    assert.deepEqual(p2.errors.map((e) => `${e.field}:${e.code}`), ['password:contains_username']);
    assert.equal((await admin.get('/api/v1/users?q=uji.kebijakan')).json.items.length, 0);
  });
});

describe('log-in throttling per address', () => {
  test('more than 30 attempts a minute from one address answer 429 with Retry-After', async () => {
    const s = await startServer();
    try {
      const seen = [];
      for (let i = 0; i < 30; ++i) {
        const r = await s.request('POST', '/api/v1/session', { json: { username: `tak.dikenal${i}`, password: 'Apapun12345' } });
        seen.push(r.status);
      }
      assert.deepEqual([...new Set(seen)], [401]);
      const r = await s.request('POST', '/api/v1/session', { json: { username: 'admin', password: DEMO_PASSWORD } });
      const p = assertProblem(assert, r, 429, 'auth.throttled');
      assert.equal(r.headers.get('retry-after'), '60');
      assert.equal(p.retry_after_seconds, 60);
      assert.equal(cookieFrom(r.headers), null, 'even the right password gets no session while throttled');
      assert.deepEqual(s.serverErrors(), []);
    } finally {
      assert.equal((await s.stop()).code, 0);
    }
  });
});
