// Faults an operator meets: an instance killed (kill -9) under write load through nginx, the
// PostgreSQL primary restarted, the read replica lost.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertProblem, psql } from '../api/server.mjs';
import { sameSession, sleep, startCluster, startNginx, within } from './cluster.mjs';

const PG_DIR = process.env.PANTAU_DEPLOY_PG_DIR;
const pair = (cmd) => {
  const r = spawnSync('bash', [path.join(import.meta.dirname, 'pg-pair.sh'), cmd, PG_DIR], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};

let cluster;
let nginx;
let A; let B;

before(async () => {
  cluster = await startCluster({ count: 2, replica: true });
  [A, B] = cluster.instances;
  nginx = await startNginx(cluster.instances);
});

after(async () => {
  await nginx?.stop();
  const crashedB = B.crashed;
  await cluster?.stop();
  assert.equal(crashedB, undefined, 'the surviving instance never crashed');
});

describe('an instance killed under write load', () => {
  test('every acknowledged write is stored once, and the other instance keeps serving', async () => {
    const admin = await nginx.front.login('kalsel.admin');
    const prefix = `Unit Tahan ${crypto.randomBytes(3).toString('hex')}`;
    const total = 60;
    let next = 0;
    let killed = false;
    const acknowledged = new Map(); // name -> id
    const failedAttempts = [];
    // Four clients; each retries a failed submission with the same Idempotency-Key, as the web
    // app does, until it is acknowledged.
    const worker = async () => {
      while (next < total) {
        const i = next++;
        if (i === 15 && !killed) {
          killed = true;
          await A.stop('SIGKILL');
        }
        const name = `${prefix} ${i}`;
        const key = crypto.randomUUID();
        for (let attempt = 0; attempt < 30; ++attempt) {
          let r;
          try {
            r = await admin.post('/api/v1/org-units', { name, kind: 'PARTNER', region_code: '63.71' }, { headers: { 'Idempotency-Key': key } });
          } catch (e) {
            failedAttempts.push(String(e.cause?.code || e.message));
            await sleep(100);
            continue;
          }
          if (r.status === 201) { acknowledged.set(name, r.json.id); break; }
          failedAttempts.push(r.status);
          assert.ok([502, 503, 504].includes(r.status), `${r.status}: ${r.text}`);
          await sleep(100);
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    assert.ok(killed);
    assert.equal(acknowledged.size, total, `every write was acknowledged in the end (failed attempts: ${failedAttempts.join(',')})`);
    const rows = psql(cluster.url, `SELECT name, COUNT(*), MIN(id) FROM org_units WHERE name LIKE '${prefix} %' GROUP BY name`).rows;
    assert.equal(rows.length, total, 'every acknowledged write is stored');
    for (const [name, count, id] of rows) {
      assert.equal(Number(count), 1, `${name} is stored once`);
      assert.equal(Number(id), acknowledged.get(name), `${name} is the record that was acknowledged`);
    }
    // The other instance keeps serving, through nginx too.
    assert.equal((await nginx.front.request('GET', '/readyz')).status, 200);
    for (let i = 0; i < 4; ++i) assert.equal((await admin.get('/api/v1/session')).status, 200);
    assert.deepEqual(B.serverErrors(), []);
  });
});

describe('the PostgreSQL primary restarted', () => {
  test('503 with Retry-After while it is down, then the instance reconnects by itself', async () => {
    const c = await B.login('kalsel.admin');
    assert.equal((await c.get('/api/v1/dashboard')).status, 200);
    pair('stop-primary');
    try {
      for (const p of ['/api/v1/dashboard', '/api/v1/org-units']) {
        const r = await c.get(p);
        assertProblem(assert, r, 503);
        assert.ok(Number(r.headers.get('retry-after')) > 0, 'Retry-After is set');
      }
      const w = await c.post('/api/v1/org-units', { name: 'Unit Saat Mati', kind: 'PARTNER', region_code: '63' });
      assertProblem(assert, w, 503);
      const ready = await B.request('GET', '/readyz');
      assert.equal(ready.status, 503);
      assert.ok(Number(ready.headers.get('retry-after')) > 0);
      assert.equal(B.proc.exitCode, null, 'the instance is still running');
    } finally {
      pair('start-primary');
    }
    const ms = await within(15000, async () => (await c.get('/api/v1/dashboard')).status === 200);
    assert.ok(ms < 15000, 'the dashboard answers again once the primary is back');
    const w = await c.post('/api/v1/org-units', { name: 'Unit Setelah Pulih', kind: 'PARTNER', region_code: '63' });
    assert.equal(w.status, 201, w.text);
    // Change notifications flow again: a logout elsewhere is honoured within a second.
    const again = await B.login('kalsel.kabid');
    const followed = await within(5000, async () => (await B.request('GET', '/readyz')).json?.database?.following_other_instances === true);
    assert.ok(followed < 5000);
    assert.equal((await again.get('/api/v1/session')).status, 200);
    assert.equal((await again.del('/api/v1/session')).status, 204);
    assert.equal(B.proc.exitCode, null);
  });
});
