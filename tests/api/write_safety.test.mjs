// Write safety: If-Match versions on updates (no lost update) and Idempotency-Key on creates
// (a retried submission is never stored twice, even when the retries race).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, startServer } from './server.mjs';

let srv;
let admin;
let kalsel;

before(async () => {
  srv = await startServer();
  admin = await srv.login('admin');
  kalsel = await srv.login('kalsel.admin');
});

after(() => finish(assert, srv));

const key = () => crypto.randomUUID();
const unitsNamed = async (name) => (await admin.all(`/api/v1/org-units?q=${encodeURIComponent(name)}`)).filter((u) => u.name === name);
const usersNamed = async (name) => (await admin.all(`/api/v1/users?q=${encodeURIComponent(name)}`)).filter((u) => u.username === name);

describe('If-Match on updates', () => {
  let unit;
  before(async () => {
    const r = await kalsel.post('/api/v1/org-units', { name: 'Unit Versi', kind: 'PARTNER', region_code: '63.72' });
    assert.equal(r.status, 201);
    assert.equal(r.headers.get('etag'), '"1"');
    unit = r.json;
  });

  test('GET gives the version as ETag', async () => {
    const r = await kalsel.get(`/api/v1/org-units/${unit.id}`);
    assert.equal(r.headers.get('etag'), `"${r.json.version}"`);
  });

  test('PATCH without If-Match answers 428 version_required and changes nothing', async () => {
    const r = await kalsel.patch(`/api/v1/org-units/${unit.id}`, { name: 'Tanpa Versi' });
    const p = assertProblem(assert, r, 428, 'version_required');
    assert.match(p.message.en, /If-Match/);
    const now = await kalsel.get(`/api/v1/org-units/${unit.id}`);
    assert.equal(now.json.name, 'Unit Versi');
    assert.equal(now.json.version, 1);
  });

  test('a malformed If-Match answers 400', async () => {
    for (const v of ['abc', '"0"', '"-1"', '"1.5"']) {
      const r = await kalsel.patch(`/api/v1/org-units/${unit.id}`, { name: 'Rusak' }, { headers: { 'If-Match': v } });
      assertProblem(assert, r, 400, 'version_malformed');
    }
  });

  test('the right version succeeds with 200 and the new ETag; the old one then gets 412 and nothing changes', async () => {
    const ok = await kalsel.patch(`/api/v1/org-units/${unit.id}`, { name: 'Unit Versi Dua' }, { headers: { 'If-Match': '"1"' } });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.headers.get('etag'), '"2"');
    assert.equal(ok.json.version, 2);
    assert.equal(ok.json.name, 'Unit Versi Dua');

    // A second editor who read version 1 would overwrite the first change: refused.
    const stale = await admin.patch(`/api/v1/org-units/${unit.id}`, { name: 'Timpa' }, { headers: { 'If-Match': '"1"' } });
    const p = assertProblem(assert, stale, 412, 'version_conflict');
    assert.match(p.message.id, /Muat ulang/);
    const now = await admin.get(`/api/v1/org-units/${unit.id}`);
    assert.equal(now.json.name, 'Unit Versi Dua');
    assert.equal(now.json.version, 2);
    assert.equal(now.headers.get('etag'), '"2"');

    // A weak ETag of the current version works too.
    const weak = await admin.patch(`/api/v1/org-units/${unit.id}`, { name: 'Unit Versi Tiga' }, { headers: { 'If-Match': 'W/"2"' } });
    assert.equal(weak.status, 200);
    assert.equal(weak.headers.get('etag'), '"3"');
  });

  test('of two concurrent updates from the same version exactly one wins', async () => {
    const cur = (await admin.get(`/api/v1/org-units/${unit.id}`)).json;
    const rs = await Promise.all(['Balapan A', 'Balapan B', 'Balapan C', 'Balapan D'].map((name) =>
      admin.patch(`/api/v1/org-units/${unit.id}`, { name }, { headers: { 'If-Match': `"${cur.version}"` } })));
    const ok = rs.filter((r) => r.status === 200);
    assert.equal(ok.length, 1, rs.map((r) => r.status).join());
    for (const r of rs.filter((x) => x.status !== 200)) assertProblem(assert, r, 412, 'version_conflict');
    const now = (await admin.get(`/api/v1/org-units/${unit.id}`)).json;
    assert.equal(now.name, ok[0].json.name);
    assert.equal(now.version, cur.version + 1);
  });

  test('user updates follow the same rules', async () => {
    const u = (await usersNamed('kalsel.operator'))[0];
    assertProblem(assert, await admin.patch(`/api/v1/users/${u.id}`, { full_name: 'X' }), 428, 'version_required');
    assertProblem(assert, await admin.patch(`/api/v1/users/${u.id}`, { full_name: 'X' }, { headers: { 'If-Match': `"${u.version + 5}"` } }), 412, 'version_conflict');
    const ok = await admin.patch(`/api/v1/users/${u.id}`, { full_name: 'Nur Aisyah, S.Sos.' }, { headers: { 'If-Match': `"${u.version}"` } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('etag'), `"${u.version + 1}"`);
    assert.equal((await usersNamed('kalsel.operator'))[0].full_name, 'Nur Aisyah, S.Sos.');
  });
});

describe('Idempotency-Key on creates', () => {
  test('the same key twice: the same answer, Idempotent-Replayed: true, one record', async () => {
    const k = key();
    const body = { name: 'Unit Idempoten', kind: 'PARTNER', region_code: '63.71' };
    const first = await kalsel.post('/api/v1/org-units', body, { headers: { 'Idempotency-Key': k } });
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const second = await kalsel.post('/api/v1/org-units', body, { headers: { 'Idempotency-Key': k } });
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.json, first.json);
    assert.equal(second.headers.get('etag'), first.headers.get('etag'), 'the replay carries the ETag too');
    assert.equal((await unitsNamed('Unit Idempoten')).length, 1);
  });

  test('without a key, two submissions are two records (the count above can tell)', async () => {
    const body = { name: 'Unit Tanpa Kunci', kind: 'PARTNER', region_code: '63.71' };
    assert.equal((await kalsel.post('/api/v1/org-units', body)).status, 201);
    assert.equal((await kalsel.post('/api/v1/org-units', body)).status, 201);
    assert.equal((await unitsNamed('Unit Tanpa Kunci')).length, 2);
  });

  test('the same key with another body answers 422 idempotency.mismatch and stores nothing', async () => {
    const k = key();
    const a = await kalsel.post('/api/v1/org-units', { name: 'Unit Kunci A', kind: 'PARTNER', region_code: '63.71' }, { headers: { 'Idempotency-Key': k } });
    assert.equal(a.status, 201);
    const b = await kalsel.post('/api/v1/org-units', { name: 'Unit Kunci B', kind: 'PARTNER', region_code: '63.71' }, { headers: { 'Idempotency-Key': k } });
    assertProblem(assert, b, 422, 'idempotency.mismatch');
    assert.equal((await unitsNamed('Unit Kunci B')).length, 0);
    assert.equal((await unitsNamed('Unit Kunci A')).length, 1);
  });

  test('a key belongs to its user: another user with the same key gets its own record', async () => {
    const k = key();
    const body = { name: 'Unit Kunci Bersama', kind: 'PARTNER', region_code: '63.71' };
    const a = await kalsel.post('/api/v1/org-units', body, { headers: { 'Idempotency-Key': k } });
    const b = await admin.post('/api/v1/org-units', body, { headers: { 'Idempotency-Key': k } });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), null);
    assert.notEqual(a.json.id, b.json.id);
    assert.equal((await unitsNamed('Unit Kunci Bersama')).length, 2);
  });

  test('a failed request does not use up its key', async () => {
    const k = key();
    const bad = await kalsel.post('/api/v1/org-units', { name: 'Unit Gagal', kind: 'PARTNER', region_code: '64' }, { headers: { 'Idempotency-Key': k } });
    assert.equal(bad.status, 403);
    const good = await kalsel.post('/api/v1/org-units', { name: 'Unit Gagal', kind: 'PARTNER', region_code: '63.71' }, { headers: { 'Idempotency-Key': k } });
    assert.equal(good.status, 201, good.text);
    assert.equal(good.headers.get('idempotent-replayed'), null);
  });

  test('a malformed key answers 400', async () => {
    const r = await kalsel.post('/api/v1/org-units', { name: 'Unit Kunci Panjang', kind: 'PARTNER', region_code: '63.71' },
      { headers: { 'Idempotency-Key': 'k'.repeat(200) } });
    assertProblem(assert, r, 400, 'idempotency.malformed');
    assert.equal((await unitsNamed('Unit Kunci Panjang')).length, 0);
  });

  test('10 concurrent identical submissions with one key make exactly one org unit', async () => {
    const k = key();
    const body = { name: 'Unit Serentak', kind: 'PARTNER', region_code: '63.71' };
    const rs = await Promise.all(Array.from({ length: 10 }, () =>
      kalsel.post('/api/v1/org-units', body, { headers: { 'Idempotency-Key': k } })));
    assert.deepEqual([...new Set(rs.map((r) => r.status))], [201], rs.map((r) => r.text).join('\n'));
    assert.equal(new Set(rs.map((r) => r.json.id)).size, 1, 'every answer names the same record');
    assert.equal(rs.filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 9);
    assert.equal((await unitsNamed('Unit Serentak')).length, 1);
  });

  test('10 concurrent identical user creations with one key make exactly one user', async () => {
    const k = key();
    const unit = (await admin.get('/api/v1/org-units?kind=KESBANGPOL&q=banjarbaru')).json.items[0];
    const body = { username: 'serentak.satu', full_name: 'Pengguna Serentak', password: 'Serentak2024aman', role: 'OPERATOR', org_unit_id: unit.id };
    const rs = await Promise.all(Array.from({ length: 10 }, () =>
      admin.post('/api/v1/users', body, { headers: { 'Idempotency-Key': k } })));
    assert.deepEqual([...new Set(rs.map((r) => r.status))], [201], rs.map((r) => r.text).join('\n'));
    assert.equal(new Set(rs.map((r) => r.json.id)).size, 1);
    assert.equal((await usersNamed('serentak.satu')).length, 1);
    // Without a key, concurrent duplicates of a unique username: one is created, the rest refused.
    const body2 = { ...body, username: 'serentak.dua' };
    const rs2 = await Promise.all(Array.from({ length: 5 }, () => admin.post('/api/v1/users', body2)));
    assert.equal(rs2.filter((r) => r.status === 201).length, 1, rs2.map((r) => `${r.status} ${r.text}`).join('\n'));
    for (const r of rs2.filter((x) => x.status !== 201)) {
      assert.ok([409, 422].includes(r.status), `${r.status} ${r.text}`);
      assertProblem(assert, r, r.status);
    }
    assert.equal((await usersNamed('serentak.dua')).length, 1);
  });
});
