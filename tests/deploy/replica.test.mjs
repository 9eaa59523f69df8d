// A streaming hot standby serves read-heavy answers (dashboards, recaps, search), never a read
// that follows the user's own write; its lag is reported in /readyz; losing it falls back to the
// primary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { psql, pgUrl } from '../api/server.mjs';
import { REPLICA_BASE, sleep, startCluster, within } from './cluster.mjs';

const PG_DIR = process.env.PANTAU_DEPLOY_PG_DIR;
const pair = (cmd) => {
  const r = spawnSync('bash', [path.join(import.meta.dirname, 'pg-pair.sh'), cmd, PG_DIR], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
};

let cluster;
let S;
const replicaReads = async () => (await S.request('GET', '/readyz')).json.replica.reads;

before(async () => {
  cluster = await startCluster({ count: 1, replica: true });
  [S] = cluster.instances;
  // The new database reaches the standby through the WAL; wait until the instance uses it.
  const ms = await within(20000, async () => (await S.request('GET', '/readyz')).json?.replica?.ok === true);
  assert.ok(ms < 20000, `the replica was never used:\n${S.output.slice(-2000)}`);
});

after(async () => {
  const errors = S.serverErrors();
  const crashed = S.crashed;
  await cluster?.stop();
  assert.equal(crashed, undefined);
  assert.deepEqual(errors, []);
});

describe('reading from the replica', () => {
  test('/readyz reports the replica and its lag', async () => {
    const r = await S.request('GET', '/readyz');
    assert.equal(r.status, 200);
    assert.equal(r.json.replica.ok, true);
    assert.equal(typeof r.json.replica.lag_seconds, 'number');
    assert.ok(r.json.replica.lag_seconds >= 0 && r.json.replica.lag_seconds < 5);
    assert.match(S.output, /read replica in use/);
  });

  test('a reader\'s dashboard and search come from the replica', async () => {
    // The test client keeps only the session cookie, not the mark of a recent write.
    const plain = await S.login('kalsel.kaban');
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    for (const p of ['/api/v1/dashboard', '/api/v1/search?q=banjarmasin', `/api/v1/monitoring/recap?period=${quarter}`]) {
      const before = await replicaReads();
      const r = await plain.get(p);
      assert.equal(r.status, 200, `${p}: ${r.text}`);
      assert.ok(await replicaReads() > before, `${p} was read from the replica`);
    }
  });

  test('never a read that follows the user\'s own write: with the replica paused, the writer sees the write', async () => {
    const writer = await S.login('kalsel.admin');
    const replicaUrl = pgUrl(cluster.name, REPLICA_BASE);
    psql(replicaUrl, 'SELECT pg_wal_replay_pause()');
    try {
      const made = await writer.post('/api/v1/org-units', { name: 'Unit Baca Tulisan Sendiri', kind: 'PARTNER', region_code: '63.71' });
      assert.equal(made.status, 201, made.text);
      const wrote = made.headers.getSetCookie().find((c) => c.startsWith('pantau_wrote='));
      assert.ok(wrote, 'the answer to a write marks the browser');
      const cookie = `${writer.cookie}; ${wrote.split(';')[0]}`;
      // The replica does not have the unit yet ...
      assert.equal(psql(replicaUrl, "SELECT COUNT(*) FROM org_units WHERE name = 'Unit Baca Tulisan Sendiri'").rows[0][0], '0');
      // ... but the writer's search (a read-heavy answer) finds it: read from the primary.
      const before = await replicaReads();
      const r = await S.request('GET', '/api/v1/search?q=Baca%20Tulisan%20Sendiri', { cookie });
      assert.equal(r.status, 200, r.text);
      assert.equal(await replicaReads(), before, 'not from the replica');
    } finally {
      psql(replicaUrl, 'SELECT pg_wal_replay_resume()');
    }
  });
});

describe('losing the replica', () => {
  test('reads fall back to the primary, /readyz says so, nothing fails', async () => {
    const reader = await S.login('kalsel.kabid');
    pair('stop-replica');
    try {
      const plain = reader;
      for (let i = 0; i < 5; ++i) assert.equal((await plain.get('/api/v1/dashboard')).status, 200);
      const ms = await within(5000, async () => (await S.request('GET', '/readyz')).json?.replica?.ok === false);
      assert.ok(ms < 5000, 'readyz reports the replica as not in use');
      assert.equal((await S.request('GET', '/readyz')).status, 200, 'the instance itself stays ready');
      assert.match(S.output, /read replica not used|read replica unreachable/);
    } finally {
      pair('start-replica');
    }
    const ms = await within(20000, async () => (await S.request('GET', '/readyz')).json?.replica?.ok === true);
    assert.ok(ms < 20000, 'the replica is used again once it is back');
  });
});
