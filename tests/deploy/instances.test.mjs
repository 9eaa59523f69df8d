// Two Pantau instances on one PostgreSQL database behind nginx (deploy/nginx/pantau.conf): any
// instance answers any request, and what one instance does holds on the other at once.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { assertProblem, run, samples, sha256, upload, psql } from '../api/server.mjs';
import { sameSession, sleep, startCluster, startNginx, within } from './cluster.mjs';

let cluster;
let nginx;
let A; let B; // the two instances
let adminA;

before(async () => {
  cluster = await startCluster({ count: 2, config: 'housekeeping_seconds = 2\n' });
  [A, B] = cluster.instances;
  nginx = await startNginx(cluster.instances);
  adminA = await A.login('admin');
});

after(async () => {
  const errors = [...A.serverErrors(), ...B.serverErrors(), ...nginx.front.statuses.filter((s) => s.status >= 500)];
  await nginx?.stop();
  const crashed = [A.crashed, B.crashed];
  await cluster?.stop();
  assert.deepEqual(crashed, [undefined, undefined], 'no instance crashed');
  assert.deepEqual(errors, [], 'no 5xx answers');
});

const userByName = async (name) => (await adminA.get(`/api/v1/users?q=${name}`)).json.items.find((u) => u.username === name);

describe('sessions', () => {
  test('a session made on one instance works on the other and through nginx', async () => {
    const c = await A.login('kalsel.admin');
    const onB = await sameSession(c, B).get('/api/v1/session');
    assert.equal(onB.status, 200, onB.text);
    assert.equal(onB.json.user.username, 'kalsel.admin');
    // Through nginx, both instances answer in turn: every answer is the same user.
    const front = sameSession(c, nginx.front);
    for (let i = 0; i < 6; ++i) {
      const r = await front.get('/api/v1/session');
      assert.equal(r.status, 200);
      assert.equal(r.json.user.username, 'kalsel.admin');
    }
  });

  test('logging out on one instance ends the session on the other within a second', async (t) => {
    const c = await A.login('kalsel.kabid');
    const onB = sameSession(c, B);
    assert.equal((await onB.get('/api/v1/session')).status, 200, 'B knows (and caches) the session');
    assert.equal((await onB.get('/api/v1/session')).status, 200);
    assert.equal((await c.del('/api/v1/session')).status, 204);
    const ms = await within(1000, async () => (await onB.get('/api/v1/session')).status === 401);
    assert.ok(ms <= 1000, `B refused the session after ${ms} ms`);
    t.diagnostic(`B refused the logged-out session ${ms} ms after the logout was answered`);
    assertProblem(assert, await onB.get('/api/v1/dashboard'), 401);
  });

  test('disabling a user on one instance locks them out of the other within a second', async () => {
    const victim = await B.login('kalsel.tim');
    assert.equal((await victim.get('/api/v1/dashboard')).status, 200);
    const u = await userByName('kalsel.tim');
    const r = await adminA.patch(`/api/v1/users/${u.id}`, { disabled: true }, { headers: { 'If-Match': `"${u.version}"` } });
    assert.equal(r.status, 200, r.text);
    const ms = await within(1000, async () => (await victim.get('/api/v1/dashboard')).status === 401);
    assert.ok(ms <= 1000, `B refused the disabled user after ${ms} ms`);
    const back = await adminA.patch(`/api/v1/users/${u.id}`, { disabled: false }, { headers: { 'If-Match': `"${r.json.version}"` } });
    assert.equal(back.status, 200);
  });

  test('a role changed on one instance holds on the other within a second', async () => {
    const victim = await B.login('kalsel.analis');
    assert.equal((await victim.get('/api/v1/session')).json.user.role, 'ANALIS');
    const u = await userByName('kalsel.analis');
    const r = await adminA.patch(`/api/v1/users/${u.id}`, { role: 'OPERATOR' }, { headers: { 'If-Match': `"${u.version}"` } });
    assert.equal(r.status, 200, r.text);
    // The old session either ends or carries the new role; never the old role.
    const ms = await within(1000, async () => {
      const s = await victim.get('/api/v1/session');
      return s.status === 401 || s.json?.user?.role === 'OPERATOR';
    });
    assert.ok(ms <= 1000, `B honoured the new role after ${ms} ms`);
  });
});

describe('write safety across instances', () => {
  const unit = (name) => ({ name, kind: 'PARTNER', region_code: '63.71' });

  test('an Idempotency-Key used on one instance is replayed by the other', async () => {
    const k = crypto.randomUUID();
    const a = await adminA.post('/api/v1/org-units', unit('Unit Kunci Bersama'), { headers: { 'Idempotency-Key': k } });
    assert.equal(a.status, 201, a.text);
    const b = await sameSession(adminA, B).post('/api/v1/org-units', unit('Unit Kunci Bersama'), { headers: { 'Idempotency-Key': k } });
    assert.equal(b.status, 201, b.text);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.equal(b.json.id, a.json.id);
    // At the same moment on both instances: one record.
    const k2 = crypto.randomUUID();
    const both = await Promise.all([A, B].map((s) => sameSession(adminA, s)
      .post('/api/v1/org-units', unit('Unit Kunci Serentak'), { headers: { 'Idempotency-Key': k2 } })));
    assert.deepEqual(both.map((r) => r.status), [201, 201], both.map((r) => r.text).join('\n'));
    assert.equal(both[0].json.id, both[1].json.id);
    const found = (await adminA.get('/api/v1/org-units?q=Unit Kunci&limit=100')).json.items.map((u) => u.name);
    assert.equal(found.filter((n) => n === 'Unit Kunci Bersama').length, 1);
    assert.equal(found.filter((n) => n === 'Unit Kunci Serentak').length, 1);
  });

  test('an If-Match version used on one instance is stale on the other', async () => {
    const made = await adminA.post('/api/v1/org-units', unit('Unit Versi'));
    assert.equal(made.status, 201, made.text);
    const v = made.json.version;
    const a = await adminA.patch(`/api/v1/org-units/${made.json.id}`, { name: 'Unit Versi A' }, { headers: { 'If-Match': `"${v}"` } });
    assert.equal(a.status, 200, a.text);
    const b = await sameSession(adminA, B).patch(`/api/v1/org-units/${made.json.id}`, { name: 'Unit Versi B' }, { headers: { 'If-Match': `"${v}"` } });
    assertProblem(assert, b, 412);
    assert.equal((await sameSession(adminA, B).get(`/api/v1/org-units/${made.json.id}`)).json.name, 'Unit Versi A');
  });

  test('concurrent writes through both instances leave one unbroken audit chain', async () => {
    const before = Number(psql(cluster.url, 'SELECT COUNT(*) FROM audit_log').rows[0][0]);
    const targets = [A, B, nginx.front];
    const writes = Array.from({ length: 36 }, (_, i) => sameSession(adminA, targets[i % 3])
      .post('/api/v1/org-units', unit(`Unit Rantai ${i}`)));
    const res = await Promise.all(writes);
    assert.deepEqual([...new Set(res.map((r) => r.status))], [201], res.map((r) => r.text).join('\n'));
    const rows = psql(cluster.url, 'SELECT COUNT(*), MIN(seq), MAX(seq) FROM audit_log').rows[0].map(Number);
    assert.ok(rows[0] >= before + 36);
    assert.equal(rows[2] - rows[1] + 1, rows[0], 'seq has no gaps');
    const v = run(['audit', 'verify', '--db', cluster.url]);
    assert.equal(v.code, 0, v.out);
    assert.match(v.out, /intact/);
  });
});

describe('shared evidence storage', () => {
  test('a file uploaded through one instance downloads through the other, identical', async () => {
    const kaban = await A.login('banjarmasin.kaban');
    const content = Buffer.concat([samples.png(), crypto.randomBytes(256)]);
    const r = await upload(kaban, { region_code: '63.71' }, { name: 'bukti-bersama.png', content, type: 'image/png' });
    assert.equal(r.status, 201, r.text);
    for (const s of [B, nginx.front]) {
      const d = await sameSession(kaban, s).get(`/api/v1/files/${r.json.id}`, { raw: true });
      assert.equal(d.status, 200);
      assert.ok(d.bytes.equals(content));
      assert.equal(sha256(d.bytes), r.json.sha256);
    }
  });
});

describe('housekeeping', () => {
  test('runs once per period, not once per instance', async () => {
    const read = () => {
      const row = psql(cluster.url, "SELECT runs, last_instance FROM housekeeping_runs WHERE job = 'periodic'").rows[0];
      return { runs: Number(row[0]), instance: row[1] };
    };
    const first = read();
    const t0 = Date.now();
    await sleep(7000);
    const last = read();
    const periods = (Date.now() - t0) / 2000;
    // Two instances each waking every 2 s: without the claim there would be about 2 x periods runs.
    assert.ok(last.runs - first.runs <= Math.ceil(periods) + 1, `${last.runs - first.runs} runs in ${periods} periods`);
    assert.ok(last.runs - first.runs >= Math.floor(periods) - 1, `${last.runs - first.runs} runs in ${periods} periods`);
  });
});

describe('public service desk', () => {
  const complaint = { kind: 'COMPLAINT', office: '63.71', applicant_name: 'Budi', applicant_contact: '0812-3456-7890', subject: 'Antrean', body: 'Lama.' };

  test('a holiday added on one instance moves the deadlines the other computes (its cached calendar follows)', async () => {
    const first = await B.anonymous().post('/api/v1/public/layanan/requests', complaint);
    assert.equal(first.status, 201, first.text);
    const due = first.json.due_date;
    // The due date becomes a holiday on A: the next request registered on B (same day) must skip it.
    const admin = await A.login('admin');
    const add = await admin.post('/api/v1/calendar/holidays', { date: due, kind: 'CUTI_BERSAMA', name_id: 'Cuti bersama uji', legal_basis: 'SKB uji' });
    assert.equal(add.status, 201, add.text);
    try {
      const second = await B.anonymous().post('/api/v1/public/layanan/requests', complaint);
      assert.equal(second.status, 201, second.text);
      assert.ok(second.json.due_date > due, `${second.json.due_date} after the new holiday ${due}`);
    } finally {
      assert.equal((await admin.del(`/api/v1/calendar/holidays/${due}`)).status, 204);
    }
    const third = await B.anonymous().post('/api/v1/public/layanan/requests', complaint);
    assert.equal(third.json.due_date, due, 'the holiday removed on A is a working day again on B');
  });

  test("the portal's limit per address holds across both instances behind nginx", async () => {
    // 30 submissions a minute per address. Each instance alone would allow 30, so without a
    // shared limit 45 requests spread over two instances would all pass.
    const front = nginx.front.anonymous();
    const statuses = [];
    let limited;
    for (let i = 0; i < 45; ++i) {
      const r = await front.post('/api/v1/public/layanan/requests', { kind: 'COMPLAINT' });
      statuses.push(r.status);
      if (r.status === 429) limited = r;
    }
    const passed = statuses.filter((s) => s !== 429).length;
    assert.ok(passed >= 30 && passed <= 32, `${passed} of 45 passed: ${statuses.join(',')}`);
    assertProblem(assert, limited, 429, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.match(limited.json.message.id, /Terlalu banyak permintaan/);
    // Reads have their own allowance: tracking still answers.
    const track = await front.post('/api/v1/public/layanan/track', { reg_no: 'ADU-2026-ZZZZ-ZZZZ', secret: 'AAAAAAAAAAAA' });
    assert.equal(track.status, 404);
  });
});
