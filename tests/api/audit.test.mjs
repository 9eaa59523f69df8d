// The audit trail (jejak audit): every change with before/after, read within scope; the hash
// chain verified by `pantau audit verify`, which finds an altered or a removed row.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DB_KIND, assertProblem, dbExec, dropPgDatabase, finish, pgUrl, psql, run, startServer } from './server.mjs';

let srv;
let admin;
let user; // the user created and changed here
let updateSeq;
let createSeq;
let stopped = false;

before(async () => {
  srv = await startServer();
  admin = await srv.login('admin');
});

after(async () => {
  if (!stopped) await finish(assert, srv);
  else if (!process.env.PANTAU_KEEP_TMP) srv.removeData();
});

const units = async () => admin.all('/api/v1/org-units?kind=KESBANGPOL');
// SQL on a copy of the database (either kind); `status` and `stderr` as from a process.
const sqlite = (db, sql) => {
  const r = dbExec(db, sql);
  return { status: r.code, stderr: r.stderr };
};
// Removing the append-only guard (what someone with direct database access could do).
const PG = DB_KIND === 'postgres';
const dropUpdateGuard = PG ? 'DROP TRIGGER audit_log_no_change ON audit_log;' : 'DROP TRIGGER audit_log_no_update;';
const dropDeleteGuard = PG ? 'DROP TRIGGER audit_log_no_change ON audit_log;' : 'DROP TRIGGER audit_log_no_delete;';
const dropBothGuards = PG ? 'DROP TRIGGER audit_log_no_change ON audit_log;' : 'DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update;';
const copies = [];
after(() => { for (const c of copies) dropPgDatabase(c); });

describe('history of a record', () => {
  test('creating and updating a user appear with before and after', async () => {
    const unit = (await units()).find((u) => u.region_code === '63.71');
    const c = await admin.post('/api/v1/users', {
      username: 'jejak.audit', full_name: 'Jejak Audit', email: 'jejak@kesbangpol.example', password: 'JejakAudit2024x',
      role: 'OPERATOR', clearance: 'BIASA', org_unit_id: unit.id,
    });
    assert.equal(c.status, 201, c.text);
    user = c.json;
    const u = await admin.patch(`/api/v1/users/${user.id}`, { full_name: 'Jejak Audit Baru', clearance: 'TERBATAS' },
      { headers: { 'If-Match': `"${user.version}"` } });
    assert.equal(u.status, 200, u.text);

    const h = await admin.get(`/api/v1/audit?entity=user&id=${user.id}`);
    assert.equal(h.status, 200);
    const items = h.json.items;
    assert.deepEqual(items.map((e) => e.action), ['create', 'update']);
    const [created, updated] = items;
    for (const e of items) {
      assert.equal(e.entity, 'user');
      assert.equal(e.entity_id, String(user.id));
      assert.equal(e.actor.username, 'admin');
      assert.equal(e.actor.id, admin.user.id);
      assert.ok(!Number.isNaN(Date.parse(e.at)));
    }
    assert.ok(created.seq < updated.seq);
    assert.equal(created.before, null);
    assert.equal(created.after.username, 'jejak.audit');
    assert.equal(created.after.full_name, 'Jejak Audit');
    assert.equal(updated.before.full_name, 'Jejak Audit');
    assert.equal(updated.before.clearance, 'BIASA');
    assert.equal(updated.after.full_name, 'Jejak Audit Baru');
    assert.equal(updated.after.clearance, 'TERBATAS');
    assert.equal(updated.after.version, updated.before.version + 1);
    assert.ok(!JSON.stringify(items).includes('argon2'), 'no password hash in the trail');
    assert.ok(!JSON.stringify(items).includes('JejakAudit2024x'), 'no password in the trail');
    createSeq = created.seq;
    updateSeq = updated.seq;
  });

  test('a refused change leaves no trace; a password reset does, without the password', async () => {
    const cur = (await admin.get(`/api/v1/users/${user.id}`)).json;
    assertProblem(assert, await admin.patch(`/api/v1/users/${user.id}`, { full_name: 'X' }, { headers: { 'If-Match': '"1"' } }), 412);
    const r = await admin.post(`/api/v1/users/${user.id}/password`, { password: 'Rahasia2024baru' });
    assert.equal(r.status, 204);
    const items = (await admin.get(`/api/v1/audit?entity=user&id=${user.id}`)).json.items;
    assert.deepEqual(items.map((e) => e.action), ['create', 'update', 'password_reset']);
    assert.ok(!JSON.stringify(items).includes('Rahasia2024baru'));
    assert.equal((await admin.get(`/api/v1/users/${user.id}`)).json.full_name, cur.full_name);
  });

  test('an administrator of the province reads it; one of another kab/kota gets an empty list', async () => {
    const bjb = (await units()).find((u) => u.region_code === '63.72');
    const c = await admin.post('/api/v1/users', {
      username: 'banjarbaru.admin', full_name: 'Admin Banjarbaru', password: 'AdminBjb2024x', role: 'ADMIN_DAERAH',
      clearance: 'TERBATAS', org_unit_id: bjb.id,
    });
    assert.equal(c.status, 201, c.text);
    const outside = await srv.login('banjarbaru.admin', 'AdminBjb2024x');
    const r = await outside.get(`/api/v1/audit?entity=user&id=${user.id}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.items, []);
    const province = await srv.login('kalsel.admin');
    const p = await province.get(`/api/v1/audit?entity=user&id=${user.id}`);
    assert.deepEqual(p.json.items.map((e) => e.action), ['create', 'update', 'password_reset']);
    // ... and a role without audit.read is refused outright.
    const op = await srv.login('banjarmasin.operator');
    assertProblem(assert, await op.get(`/api/v1/audit?entity=user&id=${user.id}`), 403);
  });
});

describe('the hash chain', () => {
  let intact; // a copy of the database after a clean stop
  before(async () => {
    const res = await srv.stop('SIGTERM', { keepDir: true });
    stopped = true;
    assert.deepEqual(res, { code: 0, signal: null });
    if (PG) {
      // A copy of the server's database, made while nothing is connected to it.
      intact = `pantau_intact_${process.pid}`;
      psql(pgUrl('postgres'), `CREATE DATABASE ${intact} TEMPLATE ${new URL(srv.db).pathname.slice(1)}`);
      copies.push(pgUrl(intact));
      return;
    }
    intact = path.join(srv.dir, 'intact.db');
    assert.ok(!fs.existsSync(`${srv.db}-wal`) || fs.statSync(`${srv.db}-wal`).size === 0, 'the WAL was checkpointed on shutdown');
    fs.copyFileSync(srv.db, intact);
  });
  const copy = (name) => {
    if (PG) {
      const db = `${intact}_${name.replace('.db', '')}`;
      psql(pgUrl('postgres'), `CREATE DATABASE ${db} TEMPLATE ${intact}`);
      copies.push(pgUrl(db));
      return pgUrl(db);
    }
    const p = path.join(srv.dir, name);
    fs.copyFileSync(intact, p);
    return p;
  };

  test('audit verify on the untouched database exits 0', () => {
    const r = run(['audit', 'verify', '--db', copy('clean.db')]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /intact/);
  });

  test('the database itself refuses to change or delete audit rows', () => {
    const db = copy('guarded.db');
    const u = sqlite(db, `UPDATE audit_log SET after_json = '{}' WHERE seq = ${updateSeq};`);
    assert.notEqual(u.status, 0);
    assert.match(u.stderr, /append-only/);
    const d = sqlite(db, `DELETE FROM audit_log WHERE seq = ${createSeq};`);
    assert.notEqual(d.status, 0);
    assert.match(d.stderr, /append-only/);
    assert.equal(run(['audit', 'verify', '--db', db]).code, 0);
  });

  test('an altered row is found: non-zero exit naming its seq', () => {
    const db = copy('altered.db');
    const r = sqlite(db, `${dropUpdateGuard} UPDATE audit_log SET after_json = '{"full_name":"Dipalsukan"}' WHERE seq = ${updateSeq};`);
    assert.equal(r.status, 0, r.stderr);
    const v = run(['audit', 'verify', '--db', db]);
    assert.notEqual(v.code, 0, v.out);
    assert.match(v.out, new RegExp(`row ${updateSeq}\\b`));
    assert.match(v.out, /altered/);
  });

  test('a deleted middle row is reported missing', () => {
    const db = copy('gap.db');
    const r = sqlite(db, `${dropDeleteGuard} DELETE FROM audit_log WHERE seq = ${createSeq};`);
    assert.equal(r.status, 0, r.stderr);
    const v = run(['audit', 'verify', '--db', db]);
    assert.notEqual(v.code, 0, v.out);
    assert.match(v.out, new RegExp(`row ${createSeq} is missing`));
  });

  test('a row re-linked after a deletion (seq renumbered) is still found', () => {
    const db = copy('relinked.db');
    const r = sqlite(db, `${dropBothGuards} ` +
      `DELETE FROM audit_log WHERE seq = ${createSeq}; UPDATE audit_log SET seq = seq - 1 WHERE seq > ${createSeq};`);
    assert.equal(r.status, 0, r.stderr);
    const v = run(['audit', 'verify', '--db', db]);
    assert.notEqual(v.code, 0, v.out);
    assert.match(v.out, new RegExp(`row ${createSeq}\\b`));
  });
});
