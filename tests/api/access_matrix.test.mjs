// The access matrix: every endpoint, who may call it, and whose records it shows or changes.
// Each endpoint registered in src/modules/*/routes.cpp has one row below; a row names the
// permission the route needs and a scope check proving that a kab/kota user never reaches
// another kab/kota's records, a province user only its subtree, the ministry everything, and
// that clearance levels hold. A new endpoint without a row (or without an OpenAPI entry)
// fails the first test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_PASSWORD, DEMO_USERS, REPO, assertProblem, finish, ifMatch, samples, startServer, upload, within, unzipText } from './server.mjs';

const LEVEL = { BIASA: 0, TERBATAS: 1, RAHASIA: 2 };
// The modules present in this source tree (rows of an absent module are not run).
const MODULES = new Set(fs.readdirSync(path.join(REPO, 'src', 'modules')).filter((m) => fs.existsSync(path.join(REPO, 'src', 'modules', m, 'routes.cpp'))));

let srv;
const as = {}; // username -> logged-in client
const ids = {}; // names of the records made for these tests
const files = []; // { id, region, classification, bytes }
let allUnits; // every org unit (as the ministry sees them)
let allUsers; // every user (as the ministry sees them)

// Users made for the matrix: admins of two kab/kota, and a user in another province.
const EXTRA = {
  'banjarbaru.admin': { role: 'ADMIN_DAERAH', region: '63.72', clearance: 'TERBATAS' },
  'banjarmasin.admin': { role: 'ADMIN_DAERAH', region: '63.71', clearance: 'TERBATAS' },
  'kaltim.operator': { role: 'OPERATOR', region: '64', clearance: 'BIASA' },
  'banjarbaru.kabid': { role: 'KABID', region: '63.72', clearance: 'TERBATAS' },
};
const USERS = { ...DEMO_USERS, ...EXTRA };
const NEW_PASSWORD = 'Matriks2024aman';
const pw = (u) => (EXTRA[u] ? NEW_PASSWORD : DEMO_PASSWORD);

const unitOf = (region, kind = 'KESBANGPOL') => allUnits.find((u) => u.region_code === region && u.kind === kind);
const userId = (username) => allUsers.find((u) => u.username === username).id;
const admins = () => Object.keys(USERS).filter((u) => ['ADMIN_PUSAT', 'ADMIN_DAERAH'].includes(USERS[u].role));
const sorted = (xs) => [...xs].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------
// The matrix. `permission` is what the route requires beyond a session (null: any logged-in
// user); `allowed` are the statuses a permitted user gets for the probe request (an invalid
// body on writes, so that nothing is changed); `scope` proves the region/clearance rules.
const MATRIX = [
  {
    method: 'POST', path: '/api/v1/session', public: true,
    scope: async () => {
      // The session reports each user's own region and clearance.
      for (const [u, c] of Object.entries(as)) {
        assert.equal(c.user.username, u);
        assert.equal(c.user.scope.region_code, USERS[u].region, u);
        assert.equal(c.user.clearance, USERS[u].clearance, u);
        assert.equal(c.user.role, USERS[u].role, u);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/session',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/session');
        assert.equal(r.status, 200);
        assert.equal(r.json.user.username, u, 'a session is only ever its own user');
      }
    },
  },
  {
    method: 'DELETE', path: '/api/v1/session',
    scope: async () => {
      // Logging out ends that one session: not another session of the same user, not anyone else's.
      const a1 = await srv.login('tanahlaut.operator');
      const a2 = await srv.login('tanahlaut.operator');
      assert.equal((await a1.del('/api/v1/session')).status, 204);
      assert.equal((await a1.get('/api/v1/session')).status, 401);
      assert.equal((await a2.get('/api/v1/session')).status, 200);
      assert.equal((await as['banjarbaru.operator'].get('/api/v1/session')).status, 200);
    },
  },
  {
    method: 'GET', path: '/api/v1/roles',
    scope: async () => sameForEveryone('/api/v1/roles'),
  },
  {
    method: 'GET', path: '/api/v1/map-settings',
    scope: async () => sameForEveryone('/api/v1/map-settings'),
  },
  {
    method: 'GET', path: '/api/v1/audit', permission: 'audit.read', probe: '/api/v1/audit?entity=user&id=1', allowed: [200],
    scope: async () => {
      const hist = async (u, entity, id) => {
        const r = await as[u].get(`/api/v1/audit?entity=${entity}&id=${id}`);
        assert.equal(r.status, 200, `${u} ${entity} ${id}: ${r.text}`);
        for (const e of r.json.items) assert.equal(e.entity_id, String(id));
        return r.json.items;
      };
      const bjmOperator = userId('banjarmasin.operator');
      const bjmUnit = unitOf('63.71').id;
      // Another kab/kota's records: nothing, not even that a history exists.
      assert.deepEqual(await hist('banjarbaru.admin', 'user', bjmOperator), []);
      assert.deepEqual(await hist('banjarbaru.admin', 'org_unit', bjmUnit), []);
      assert.deepEqual(await hist('banjarbaru.admin', 'evidence_file', ids.fileBjm), []);
      // The province sees its kab/kota; not another province.
      assert.ok((await hist('kalsel.admin', 'user', bjmOperator)).length >= 1);
      assert.ok((await hist('kalsel.admin', 'evidence_file', ids.fileBjm)).length >= 1);
      assert.deepEqual(await hist('kalsel.admin', 'user', userId('kaltim.operator')), []);
      assert.deepEqual(await hist('kalsel.admin', 'org_unit', ids.unitKaltim), []);
      // The ministry sees everything.
      assert.ok((await hist('admin', 'user', userId('kaltim.operator'))).length >= 1);
      assert.ok((await hist('admin', 'org_unit', ids.unitKaltim)).length >= 1);
      // Clearance: the history of a RAHASIA file only for RAHASIA users.
      assert.deepEqual(await hist('kalsel.analis', 'evidence_file', ids.fileR), []);
      assert.ok((await hist('kalsel.kaban', 'evidence_file', ids.fileR)).length >= 1);
      assert.ok((await hist('kalsel.analis', 'evidence_file', ids.fileT)).length >= 1);
    },
  },
  {
    method: 'POST', path: '/api/v1/files', permission: 'file.upload', allowed: [400, 415, 422],
    scope: async () => {
      const pdf = { name: 'x.pdf', content: samples.pdf(), type: 'application/pdf' };
      const count = async () => (await as.admin.get('/api/v1/dashboard')).json.figures.find((f) => f.key === 'files').value;
      const n0 = await count();
      let r = await upload(as['banjarbaru.operator'], { region_code: '63.71' }, pdf);
      assertProblem(assert, r, 403, 'forbidden');
      r = await upload(as['kalsel.operator'], { region_code: '64' }, pdf);
      assertProblem(assert, r, 403, 'forbidden');
      r = await upload(as['kalsel.operator'], { region_code: '63.71', classification: 'TERBATAS' }, pdf);
      assertProblem(assert, r, 403, 'forbidden');
      r = await upload(as['kalsel.analis'], { region_code: '63', classification: 'RAHASIA' }, pdf);
      assertProblem(assert, r, 403, 'forbidden');
      assert.equal(await count(), n0, 'no refused upload was recorded');
    },
  },
  {
    method: 'GET', path: '/api/v1/files/{id}',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        // The demo's evidence blobs live in the seeding folder, not this server's: their
        // visibility is checked through the dashboard counts instead.
        for (const f of files.filter((x) => !x.demo)) {
          const r = await c.get(`/api/v1/files/${f.id}`, { raw: true });
          const visible = within(f.region, USERS[u].region) && LEVEL[USERS[u].clearance] >= LEVEL[f.classification];
          if (visible) {
            assert.equal(r.status, 200, `${u} must download file ${f.id} (${f.region}, ${f.classification})`);
            assert.ok(r.bytes.equals(f.bytes));
          } else {
            assert.equal(r.status, 404, `${u} must not see file ${f.id} (${f.region}, ${f.classification})`);
            assert.ok(!r.bytes.includes(f.bytes), 'no file content in the refusal');
          }
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/dashboard',
    scope: async () => {
      const kabkota = { '': 514, 63: 13, '63.71': 1, '63.72': 1, '63.01': 1, 64: 10 };
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/dashboard');
        assert.equal(r.status, 200);
        const fig = Object.fromEntries(r.json.figures.map((f) => [f.key, f.value]));
        const region = USERS[u].region;
        assert.equal(r.json.scope.region_code, region);
        assert.equal(fig.kabkota, kabkota[region], `${u} kabkota`);
        assert.equal(fig.org_units, allUnits.filter((x) => within(x.region_code, region)).length, `${u} org_units`);
        assert.equal(fig.users, allUsers.filter((x) => !x.disabled && within(x.region_code, region)).length, `${u} users`);
        const visibleFiles = files.filter((f) => within(f.region, region) && LEVEL[USERS[u].clearance] >= LEVEL[f.classification]);
        assert.equal(fig.files, visibleFiles.length, `${u} files`);
        for (const code of Object.keys(r.json.map.values)) {
          assert.ok(within(code, region), `${u} sees map value of ${code}`);
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/regions',
    scope: async () => {
      // Children of a region are reference data, the same for everyone ...
      await sameForEveryone('/api/v1/regions?parent=63');
      // ... while the search only finds regions in the caller's scope.
      for (const [u, c] of Object.entries(as)) {
        for (const q of ['banjar', 'kota', '6']) {
          const r = await c.get(`/api/v1/regions?q=${q}`);
          assert.equal(r.status, 200);
          for (const g of r.json.items) assert.ok(within(g.code, USERS[u].region), `${u} found ${g.code} for q=${q}`);
        }
      }
      // "banjar" matches Kota Banjar (32.79), Kabupaten Banjar (63.03), Banjarmasin and Banjarbaru:
      // a Banjarbaru user finds only Banjarbaru and its kecamatan.
      const all = (await as.admin.get('/api/v1/regions?q=banjar')).json.items.map((g) => g.code);
      assert.ok(['32.79', '63.03', '63.71', '63.72'].every((c) => all.includes(c)), all.join());
      const bjb = (await as['banjarbaru.operator'].get('/api/v1/regions?q=banjar')).json.items.map((g) => g.code);
      assert.ok(bjb.includes('63.72'));
      assert.deepEqual(bjb.filter((c) => !within(c, '63.72')), []);
    },
  },
  {
    method: 'GET', path: '/api/v1/regions/{code}',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const code of ['63', '63.71', '63.72', '64', '11']) {
          const r = await c.get(`/api/v1/regions/${code}`);
          assert.equal(r.status, 200);
          assert.equal(r.json.in_scope, within(code, USERS[u].region), `${u} in_scope of ${code}`);
        }
      }
    },
  },
  { method: 'GET', path: '/api/v1/geo/provinsi', scope: async () => sameForEveryone('/api/v1/geo/provinsi') },
  { method: 'GET', path: '/api/v1/geo/kabkota', scope: async () => sameForEveryone('/api/v1/geo/kabkota?province=63') },
  {
    method: 'GET', path: '/api/v1/geo/kecamatan',
    scope: async () => {
      await sameForEveryone('/api/v1/geo/kecamatan?province=63');
      // One province at a time: its kecamatan only, and the province is required.
      const fc = (await as['banjarmasin.operator'].get('/api/v1/geo/kecamatan?province=63')).json;
      assert.ok(fc.features.length > 100);
      assert.ok(fc.features.every((f) => f.properties.code.startsWith('63.') && f.properties.code.split('.').length === 3));
      assert.ok(fc.features.some((f) => f.properties.code === '63.71.01'));
      assertProblem(assert, await as['banjarmasin.operator'].get('/api/v1/geo/kecamatan'), 422);
    },
  },
  {
    method: 'GET', path: '/api/v1/org-units',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/org-units');
        for (const x of seen) assert.ok(within(x.region_code, USERS[u].region), `${u} sees unit ${x.id} of ${x.region_code}`);
        const expected = allUnits.filter((x) => within(x.region_code, USERS[u].region)).map((x) => x.id);
        assert.deepEqual(sorted(seen.map((x) => x.id)), sorted(expected), `${u} sees exactly its subtree`);
      }
      assert.ok(allUnits.some((x) => x.region_code === '64'), 'the ministry sees the other province');
    },
  },
  {
    method: 'POST', path: '/api/v1/org-units', permission: 'org.admin', allowed: [422],
    scope: async () => {
      const before = allUnits.length;
      let r = await as['banjarbaru.admin'].post('/api/v1/org-units', { name: 'Unit Luar', kind: 'PARTNER', region_code: '63.71' });
      assertProblem(assert, r, 403, 'forbidden');
      r = await as['kalsel.admin'].post('/api/v1/org-units', { name: 'Unit Luar', kind: 'PARTNER', region_code: '64' });
      assertProblem(assert, r, 403, 'forbidden');
      r = await as['kalsel.admin'].post('/api/v1/org-units', { name: 'Unit Pusat', kind: 'KEMENDAGRI', region_code: '' });
      assert.ok([403, 422].includes(r.status), `${r.status}`);
      // A parent from another kab/kota is not found in the caller's scope.
      r = await as['banjarbaru.admin'].post('/api/v1/org-units',
        { name: 'Unit Anak', kind: 'PARTNER', region_code: '63.72', parent_id: unitOf('63.71').id });
      assertProblem(assert, r, 422, 'validation_failed');
      assert.equal(r.json.errors[0].field, 'parent_id');
      assert.equal((await as.admin.all('/api/v1/org-units')).length, before, 'nothing was created');
    },
  },
  {
    method: 'GET', path: '/api/v1/org-units/{id}',
    scope: async () => {
      for (const u of ['banjarbaru.operator', 'banjarmasin.kaban', 'kalsel.operator', 'bpk.auditor', 'admin', 'kaltim.operator']) {
        for (const x of allUnits) {
          const r = await as[u].get(`/api/v1/org-units/${x.id}`);
          if (within(x.region_code, USERS[u].region)) {
            assert.equal(r.status, 200, `${u} reads unit ${x.id}`);
            assert.equal(r.json.id, x.id);
          } else {
            assert.equal(r.status, 404, `${u} must not read unit ${x.id} (${x.region_code})`);
            assert.ok(!r.text.includes(x.name), 'the refusal does not name the unit');
          }
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/org-units/{id}', permission: 'org.admin', allowed: [428],
    scope: async () => {
      const bjm = unitOf('63.71');
      let r = await as['banjarbaru.admin'].patch(`/api/v1/org-units/${bjm.id}`, { name: 'Diubah' },
        { headers: { 'If-Match': `"${bjm.version}"` } });
      assertProblem(assert, r, 404);
      r = await as['kalsel.admin'].patch(`/api/v1/org-units/${ids.unitKaltim}`, { name: 'Diubah' },
        { headers: { 'If-Match': '"1"' } });
      assertProblem(assert, r, 404);
      // Moving one's own unit out of scope is refused.
      const bjb = unitOf('63.72');
      r = await as['banjarbaru.admin'].patch(`/api/v1/org-units/${bjb.id}`, { region_code: '63.71' },
        { headers: { 'If-Match': `"${bjb.version}"` } });
      assertProblem(assert, r, 403);
      for (const x of [bjm, bjb]) {
        const now = await as.admin.get(`/api/v1/org-units/${x.id}`);
        assert.equal(now.json.name, x.name);
        assert.equal(now.json.region_code, x.region_code);
        assert.equal(now.json.version, x.version, 'unchanged');
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/org-units/{id}/emblem',
    scope: async () => {
      // The coat of arms of Banjarbaru's office: seen by whoever sees the unit, 404 for the rest.
      const bjb = (await as.admin.get(`/api/v1/org-units/${unitOf('63.72').id}`)).json;
      const r = await emblemPut(as.admin, bjb.id, bjb.version);
      assert.equal(r.status, 200, r.text);
      for (const [u, c] of Object.entries(as)) {
        const got = await c.get(`/api/v1/org-units/${bjb.id}/emblem`);
        if (within('63.72', USERS[u].region)) {
          assert.equal(got.status, 200, `${u} sees the coat of arms`);
          assert.ok(got.bytes.equals(samples.png()));
        } else {
          assertProblem(assert, got, 404);
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/org-units/{id}/emblem', permission: 'org.admin', allowed: [428],
    scope: async () => {
      const bjm = (await as.admin.get(`/api/v1/org-units/${unitOf('63.71').id}`)).json;
      // Another kab/kota's admin, and a province admin for another province: not found.
      assertProblem(assert, await emblemPut(as['banjarbaru.admin'], bjm.id, bjm.version), 404);
      assertProblem(assert, await emblemPut(as['kalsel.admin'], ids.unitKaltim, 1), 404);
      assert.equal((await as.admin.get(`/api/v1/org-units/${bjm.id}`)).json.version, bjm.version, 'unchanged');
      // The province's admin may change a kab/kota office of its province; its own admin too.
      let r = await emblemPut(as['kalsel.admin'], bjm.id, bjm.version);
      assert.equal(r.status, 200, r.text);
      r = await emblemPut(as['banjarmasin.admin'], bjm.id, r.json.version);
      assert.equal(r.status, 200, r.text);
    },
  },
  {
    method: 'DELETE', path: '/api/v1/org-units/{id}/emblem', permission: 'org.admin', allowed: [428],
    scope: async () => {
      const bjm = (await as.admin.get(`/api/v1/org-units/${unitOf('63.71').id}`)).json;
      let r = await as['banjarbaru.admin'].del(`/api/v1/org-units/${bjm.id}/emblem`, ifMatch(bjm.version));
      assertProblem(assert, r, 404);
      assert.ok((await as.admin.get(`/api/v1/org-units/${bjm.id}`)).json.emblem, 'still there');
      r = await as['banjarmasin.admin'].del(`/api/v1/org-units/${bjm.id}/emblem`, ifMatch(bjm.version));
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.emblem, null);
    },
  },
  {
    method: 'GET', path: '/api/v1/users', permission: 'user.admin', allowed: [200],
    scope: async () => {
      for (const u of admins()) {
        const seen = await as[u].all('/api/v1/users');
        for (const x of seen) assert.ok(within(x.region_code, USERS[u].region), `${u} sees user ${x.username}`);
        const expected = allUsers.filter((x) => within(x.region_code, USERS[u].region)).map((x) => x.id);
        assert.deepEqual(sorted(seen.map((x) => x.id)), sorted(expected), `${u} sees exactly its subtree`);
        // Filters do not widen the scope.
        const byUnit = await as[u].get(`/api/v1/users?org_unit_id=${unitOf('63.71').id}&limit=500`);
        for (const x of byUnit.json.items) assert.ok(within(x.region_code, USERS[u].region));
        for (const x of seen) assert.equal(x.password_hash, undefined);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/users', permission: 'user.admin', allowed: [422],
    scope: async () => {
      const base = { full_name: 'Uji Cakupan', password: 'Cakupan2024aman', role: 'OPERATOR', clearance: 'BIASA' };
      const tries = [
        // another kab/kota's unit
        ['banjarbaru.admin', { ...base, username: 'x.luar1', org_unit_id: unitOf('63.71').id }],
        // another province's unit
        ['kalsel.admin', { ...base, username: 'x.luar2', org_unit_id: ids.unitKaltim }],
        // the ministry's unit
        ['kalsel.admin', { ...base, username: 'x.luar3', org_unit_id: unitOf('', 'KEMENDAGRI').id }],
        // a clearance above one's own
        ['kalsel.admin', { ...base, username: 'x.tinggi', org_unit_id: unitOf('63').id, clearance: 'RAHASIA' }],
        // a national role
        ['kalsel.admin', { ...base, username: 'x.pusat', org_unit_id: unitOf('63').id, role: 'ADMIN_PUSAT' }],
        ['kalsel.admin', { ...base, username: 'x.pusat2', org_unit_id: unitOf('', 'KEMENDAGRI').id, role: 'ADMIN_PUSAT' }],
      ];
      for (const [u, body] of tries) {
        const r = await as[u].post('/api/v1/users', body);
        assert.ok([403, 422].includes(r.status), `${u} ${JSON.stringify(body)}: ${r.status} ${r.text}`);
        assertProblem(assert, r, r.status);
      }
      let r = await as['kalsel.admin'].post('/api/v1/users',
        { ...base, username: 'x.tinggi2', org_unit_id: unitOf('63').id, clearance: 'RAHASIA' });
      assert.deepEqual(r.json.errors.map((e) => [e.field, e.code]), [['clearance', 'above_own']]);
      r = await as['kalsel.admin'].post('/api/v1/users',
        { ...base, username: 'x.pusat3', org_unit_id: unitOf('63').id, role: 'ADMIN_PUSAT' });
      assert.deepEqual(r.json.errors.map((e) => e.field), ['role']);
      const names = (await as.admin.all('/api/v1/users')).map((x) => x.username);
      for (const n of ['x.luar1', 'x.luar2', 'x.luar3', 'x.tinggi', 'x.tinggi2', 'x.pusat', 'x.pusat2', 'x.pusat3']) {
        assert.ok(!names.includes(n), `${n} was not created`);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/users/{id}', permission: 'user.admin', allowed: [200],
    probe: (c) => `/api/v1/users/${c.user.id}`,
    scope: async () => {
      for (const u of admins()) {
        for (const x of allUsers) {
          const r = await as[u].get(`/api/v1/users/${x.id}`);
          if (within(x.region_code, USERS[u].region)) {
            assert.equal(r.status, 200, `${u} reads ${x.username}`);
          } else {
            assert.equal(r.status, 404, `${u} must not read ${x.username}`);
            assert.ok(!r.text.includes(x.username));
          }
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/users/{id}', permission: 'user.admin', allowed: [428],
    scope: async () => {
      const get = async (n) => (await as.admin.get(`/api/v1/users/${userId(n)}`)).json;
      const bjmOp = await get('banjarmasin.operator');
      const kaltim = await get('kaltim.operator');
      const tl = await get('tanahlaut.operator');
      const patch = (u, x, body) => as[u].patch(`/api/v1/users/${x.id}`, body, { headers: { 'If-Match': `"${x.version}"` } });
      assertProblem(assert, await patch('banjarbaru.admin', bjmOp, { full_name: 'Diubah', disabled: true }), 404);
      assertProblem(assert, await patch('kalsel.admin', kaltim, { full_name: 'Diubah', disabled: true }), 404);
      // In scope, but raising the clearance above one's own or moving out of scope is refused.
      let r = await patch('kalsel.admin', tl, { clearance: 'RAHASIA' });
      assertProblem(assert, r, 422);
      assert.equal(r.json.errors[0].field, 'clearance');
      r = await patch('kalsel.admin', tl, { org_unit_id: ids.unitKaltim });
      assertProblem(assert, r, 422);
      assert.equal(r.json.errors[0].field, 'org_unit_id');
      r = await patch('kalsel.admin', tl, { role: 'ADMIN_PUSAT' });
      assertProblem(assert, r, 422);
      // A user cleared above the admin cannot be changed by that admin at all.
      r = await patch('kalsel.admin', await get('kalsel.kaban'), { disabled: true });
      assert.ok([403, 422].includes(r.status), `${r.status}`);
      for (const x of [bjmOp, kaltim, tl, await get('kalsel.kaban')]) {
        const now = await as.admin.get(`/api/v1/users/${x.id}`);
        assert.equal(now.json.version, x.version, `${x.username} unchanged`);
        assert.equal(now.json.disabled, false);
      }
      assert.equal((await as['banjarmasin.operator'].get('/api/v1/session')).status, 200, 'still logged in');
    },
  },
  {
    method: 'POST', path: '/api/v1/users/{id}/password', permission: 'user.admin', allowed: [422],
    scope: async () => {
      const body = { password: 'Diambilalih2024' };
      let r = await as['banjarbaru.admin'].post(`/api/v1/users/${userId('banjarmasin.operator')}/password`, body);
      assertProblem(assert, r, 404);
      r = await as['kalsel.admin'].post(`/api/v1/users/${userId('kaltim.operator')}/password`, body);
      assertProblem(assert, r, 404);
      // An admin cleared TERBATAS cannot take over a RAHASIA account by setting its password.
      r = await as['kalsel.admin'].post(`/api/v1/users/${userId('kalsel.kaban')}/password`, body);
      assertProblem(assert, r, 403);
      for (const u of ['banjarmasin.operator', 'kaltim.operator', 'kalsel.kaban']) {
        assert.equal((await as[u].get('/api/v1/session')).status, 200, `${u} is still logged in`);
        const bad = await srv.request('POST', '/api/v1/session', { json: { username: u, password: body.password } });
        assert.equal(bad.status, 401, `${u}'s password was not changed`);
      }
    },
  },
  { method: 'GET', path: '/api/v1/openapi.json', public: true, scope: async () => sameForEveryone('/api/v1/openapi.json') },
  {
    method: 'GET', path: '/api/v1/search', permission: 'record.read', probe: '/api/v1/search?q=matriks', allowed: [200],
    scope: async () => {
      const made = mon.events.filter((x) => x.title.includes('matriks'));
      assert.ok(made.length >= 3);
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/search?q=matriks');
        assert.equal(r.status, 200, r.text);
        for (const h of r.json.items) assert.ok(within(h.region_code, USERS[u].region), `${u} found ${h.entity} ${h.entity_id} of ${h.region_code}`);
        const events = r.json.items.filter((h) => h.entity === 'political_event').map((h) => Number(h.entity_id));
        assert.deepEqual(sorted(events), sorted(visible(made, u).map((x) => x.id)), `${u} finds exactly the events it may see`);
      }
    },
  },

  // ---- monitoring: deadline rules, holidays, periodic reports, fast reports, notifications ----
  { method: 'GET', path: '/api/v1/monitoring/report-types', scope: async () => sameForEveryone('/api/v1/monitoring/report-types') },
  {
    method: 'PATCH', path: '/api/v1/monitoring/report-types/{code}', permission: 'user.admin',
    probe: '/api/v1/monitoring/report-types/TRIWULAN', allowed: (u) => (USERS[u].region === '' ? [428] : [403]),
    scope: async () => {
      // Deadline rules are national: a regional administrator cannot change them.
      const before = (await as.admin.get('/api/v1/monitoring/report-types')).json.items.find((t) => t.code === 'TRIWULAN');
      const r = await as['kalsel.admin'].patch('/api/v1/monitoring/report-types/TRIWULAN',
        { due_unit: 'CALENDAR_DAYS', due_value: 60 }, { headers: { 'If-Match': `"${before.version}"` } });
      assertProblem(assert, r, 403, 'forbidden');
      const after = (await as.admin.get('/api/v1/monitoring/report-types')).json.items.find((t) => t.code === 'TRIWULAN');
      assert.deepEqual(after, before);
    },
  },
  { method: 'GET', path: '/api/v1/calendar/holidays', scope: async () => sameForEveryone('/api/v1/calendar/holidays?year=2025') },
  {
    method: 'POST', path: '/api/v1/calendar/holidays', permission: 'user.admin', allowed: (u) => (USERS[u].region === '' ? [422] : [403]),
    scope: async () => {
      const body = { date: '2031-06-15', kind: 'CUTI_BERSAMA', name_id: 'Cuti bersama uji', legal_basis: 'SKB uji' };
      assertProblem(assert, await as['kalsel.admin'].post('/api/v1/calendar/holidays', body), 403);
      const list = (await as.admin.get('/api/v1/calendar/holidays?year=2031')).json.items;
      assert.ok(!list.some((h) => h.date === '2031-06-15'), 'not created');
    },
  },
  {
    method: 'DELETE', path: '/api/v1/calendar/holidays/{date}', permission: 'user.admin',
    probe: '/api/v1/calendar/holidays/2001-01-02', allowed: (u) => (USERS[u].region === '' ? [404] : [403]),
    scope: async () => {
      const h = (await as.admin.get('/api/v1/calendar/holidays?year=2025')).json.items[0];
      assert.ok(h, 'a holiday in 2025');
      assertProblem(assert, await as['kalsel.admin'].del(`/api/v1/calendar/holidays/${h.date}`), 403);
      const list = (await as.admin.get('/api/v1/calendar/holidays?year=2025')).json.items;
      assert.ok(list.some((x) => x.date === h.date), 'still there');
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/reports', permission: 'record.read', allowed: [200],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/monitoring/reports');
        assert.deepEqual(sorted(seen.map((x) => x.id)), sorted(visible(mon.reports, u).map((x) => x.id)), `${u} sees exactly its reports`);
        // A region filter outside the scope does not widen it.
        const other = await c.get('/api/v1/monitoring/reports?region=63.71&limit=500');
        for (const x of other.json.items) assert.ok(within(x.region_code, USERS[u].region) && within(x.region_code, '63.71'));
      }
      assert.ok(mon.reports.some((x) => x.classification === 'RAHASIA'), 'a RAHASIA report exists to be hidden');
    },
  },
  {
    method: 'POST', path: '/api/v1/monitoring/reports', permission: 'record.write', allowed: [422],
    scope: async () => {
      const n = mon.reports.length;
      // Only the region's own office writes its report.
      let r = await as['banjarbaru.operator'].post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period: mon.quarter, region_code: '63.71' });
      assertProblem(assert, r, 403);
      r = await as['kalsel.operator'].post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period: mon.quarter, region_code: '63.71' });
      assertProblem(assert, r, 403);
      r = await as['banjarmasin.operator'].post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period: mon.quarter, classification: 'TERBATAS' });
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'classification');
      assert.equal((await as.admin.all('/api/v1/monitoring/reports')).length, n, 'nothing created');
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/reports/{id}', permission: 'record.read', allowed: [200, 404],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const show = new Set(visible(mon.reports, u).map((x) => x.id));
        for (const x of mon.sample) {
          const r = await c.get(`/api/v1/monitoring/reports/${x.id}`);
          assert.equal(r.status, show.has(x.id) ? 200 : 404, `${u} report ${x.id} (${x.region_code}, ${x.classification})`);
          if (r.status === 200) for (const a of r.json.attachments) assert.ok(visibleFile(a.id, u));
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/monitoring/reports/{id}', permission: 'record.write', allowed: [428],
    scope: async () => {
      const own = mon.ownReport; // a DRAFT of 63.72 made by banjarbaru.operator
      const h = { headers: { 'If-Match': `"${own.version}"` } };
      assertProblem(assert, await as['banjarmasin.operator'].patch(`/api/v1/monitoring/reports/${own.id}`, { sections: { general_situation: 'X' } }, h), 404);
      // The province sees it, but only the owning office may change it.
      assertProblem(assert, await as['kalsel.operator'].patch(`/api/v1/monitoring/reports/${own.id}`, { sections: { general_situation: 'X' } }, h), 403);
      const now = await as.admin.get(`/api/v1/monitoring/reports/${own.id}`);
      assert.equal(now.json.version, own.version);
      assert.notEqual(now.json.sections.general_situation, 'X');
    },
  },
  {
    method: 'POST', path: '/api/v1/monitoring/reports/{id}/actions', permission: 'record.read', allowed: [428],
    scope: async () => {
      const own = mon.ownReport;
      const h = { headers: { 'If-Match': `"${own.version}"` } };
      assertProblem(assert, await as['banjarmasin.kaban'].post(`/api/v1/monitoring/reports/${own.id}/actions`, { action: 'SUBMIT' }, h), 404);
      // Seeing is not acting: the province's auditor may not submit another office's report.
      assertProblem(assert, await as['bpk.auditor'].post(`/api/v1/monitoring/reports/${own.id}/actions`, { action: 'SUBMIT' }, h), 403);
      assertProblem(assert, await as['kalsel.kabid'].post(`/api/v1/monitoring/reports/${own.id}/actions`, { action: 'SUBMIT' }, h), 403);
      assert.equal((await as.admin.get(`/api/v1/monitoring/reports/${own.id}`)).json.status, 'DRAFT');
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/reports/{id}/sources', permission: 'record.read', allowed: [200, 404],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const show = new Set(visible(mon.reports, u).map((x) => x.id));
        for (const x of mon.sample) {
          const r = await c.get(`/api/v1/monitoring/reports/${x.id}/sources`);
          assert.equal(r.status, show.has(x.id) ? 200 : 404, `${u} sources of ${x.id}`);
          if (r.status === 200) for (const y of r.json.items) assert.ok(show.has(y.id), `${u} sees source ${y.id}`);
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/recap', permission: 'record.read', probe: () => `/api/v1/monitoring/recap?period=${mon.lastQuarter}`, allowed: [200],
    scope: async () => {
      const expected = { '': 514, 63: 13, '63.71': 1, '63.72': 1, '63.01': 1, 64: 10 };
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`/api/v1/monitoring/recap?period=${mon.lastQuarter}`);
        assert.equal(r.status, 200);
        for (const x of r.json.items) assert.ok(within(x.region_code, USERS[u].region), `${u} recap row ${x.region_code}`);
        assert.equal(r.json.items.length, expected[USERS[u].region], `${u} recap rows`);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/recap.xlsx', permission: 'record.read', probe: () => `/api/v1/monitoring/recap.xlsx?period=${mon.lastQuarter}`, allowed: [200],
    scope: async () => {
      // The spreadsheet holds the same rows as the recap: only regions in scope.
      for (const u of ['admin', 'kalsel.operator', 'banjarbaru.operator', 'banjarmasin.kaban']) {
        const r = await as[u].get(`/api/v1/monitoring/recap.xlsx?period=${mon.lastQuarter}`, { raw: true });
        assert.equal(r.status, 200);
        assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        assert.match(r.headers.get('content-disposition'), /^attachment; filename="rekap-TRIWULAN-.*\.xlsx"$/);
        const text = unzipText(r.bytes);
        const names = { '63.71': 'Kota Banjarmasin', '63.72': 'Kota Banjarbaru', '63.01': 'Kabupaten Tanah Laut' };
        for (const [code, name] of Object.entries(names)) {
          assert.equal(text.includes(name), within(code, USERS[u].region), `${u}: ${name} in the spreadsheet`);
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/reports/{id}/pdf', permission: 'record.read', allowed: [200, 404],
    scope: async () => {
      for (const u of ['admin', 'kalsel.operator', 'kalsel.analis', 'banjarbaru.operator', 'banjarmasin.kaban', 'kaltim.operator']) {
        const show = new Set(visible(mon.reports, u).map((x) => x.id));
        for (const x of mon.sample.slice(0, 8).concat(mon.reports.filter((y) => y.classification === 'RAHASIA'))) {
          const r = await as[u].get(`/api/v1/monitoring/reports/${x.id}/pdf`, { raw: true });
          assert.equal(r.status, show.has(x.id) ? 200 : 404, `${u} pdf of report ${x.id} (${x.region_code}, ${x.classification})`);
          if (r.status === 200) {
            assert.equal(r.bytes.subarray(0, 5).toString(), '%PDF-');
            assert.equal(r.headers.get('content-type'), 'application/pdf');
          } else {
            assert.ok(!r.bytes.includes(Buffer.from('%PDF-')));
          }
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/teams', permission: 'record.read', allowed: [200],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/monitoring/teams');
        assert.equal(r.status, 200);
        const expected = mon.teams.filter((t) => within(t.region_code, USERS[u].region)).map((t) => t.id);
        assert.deepEqual(sorted(r.json.items.map((t) => t.id)), sorted(expected), `${u} teams`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/monitoring/teams', permission: 'record.write', allowed: [422],
    scope: async () => {
      assertProblem(assert, await as['banjarbaru.operator'].post('/api/v1/monitoring/teams', teamBody('63.71')), 403);
      assertProblem(assert, await as['kalsel.operator'].post('/api/v1/monitoring/teams', teamBody('63.71')), 403);
      assert.equal((await as.admin.get('/api/v1/monitoring/teams')).json.items.length, mon.teams.length);
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/teams/{id}', permission: 'record.read', allowed: [200, 404],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const t of mon.teams) {
          const r = await c.get(`/api/v1/monitoring/teams/${t.id}`);
          assert.equal(r.status, within(t.region_code, USERS[u].region) ? 200 : 404, `${u} team ${t.id} (${t.region_code})`);
          if (r.status === 404) assert.ok(!r.text.includes(t.decree_number));
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/monitoring/teams/{id}', permission: 'record.write', allowed: [428],
    scope: async () => {
      const t = mon.teams.find((x) => x.region_code === '63.71');
      const h = { headers: { 'If-Match': `"${t.version}"` } };
      assertProblem(assert, await as['banjarbaru.operator'].patch(`/api/v1/monitoring/teams/${t.id}`, teamBody('63.71', 'Diubah'), h), 404);
      assertProblem(assert, await as['kalsel.operator'].patch(`/api/v1/monitoring/teams/${t.id}`, teamBody('63.71', 'Diubah'), h), 403);
      const now = (await as.admin.get(`/api/v1/monitoring/teams/${t.id}`)).json;
      assert.equal(now.version, t.version);
      assert.equal(now.name, t.name);
    },
  },
  { method: 'GET', path: '/api/v1/monitoring/categories', scope: async () => sameForEveryone('/api/v1/monitoring/categories') },
  {
    method: 'GET', path: '/api/v1/monitoring/events', permission: 'record.read', allowed: [200],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/monitoring/events');
        assert.deepEqual(sorted(seen.map((x) => x.id)), sorted(visible(mon.events, u).map((x) => x.id)), `${u} sees exactly its events`);
      }
      assert.ok(mon.events.some((x) => x.classification === 'TERBATAS'));
    },
  },
  {
    method: 'POST', path: '/api/v1/monitoring/events', permission: 'record.write', allowed: [422],
    scope: async () => {
      const n = mon.events.length;
      let r = await as['banjarbaru.operator'].post('/api/v1/monitoring/events', eventBody('63.71'));
      assertProblem(assert, r, 403);
      r = await as['kalsel.operator'].post('/api/v1/monitoring/events', eventBody('64'));
      assertProblem(assert, r, 403);
      r = await as['kalsel.operator'].post('/api/v1/monitoring/events', { ...eventBody('63.72'), classification: 'TERBATAS' });
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'classification');
      assert.equal((await as.admin.all('/api/v1/monitoring/events')).length, n, 'nothing created');
    },
  },
  {
    method: 'GET', path: '/api/v1/monitoring/events/{id}', permission: 'record.read', allowed: [200, 404],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const show = new Set(visible(mon.events, u).map((x) => x.id));
        for (const x of mon.events) {
          const r = await c.get(`/api/v1/monitoring/events/${x.id}`);
          assert.equal(r.status, show.has(x.id) ? 200 : 404, `${u} event ${x.id} (${x.region_code}, ${x.classification})`);
          if (r.status === 404) assert.ok(!r.text.includes(x.title));
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/monitoring/events/{id}/actions', permission: 'record.read', allowed: [428],
    scope: async () => {
      const ev = mon.ownEvent; // REPORTED in 63.72
      const h = { headers: { 'If-Match': `"${ev.version}"` } };
      assertProblem(assert, await as['banjarmasin.kaban'].post(`/api/v1/monitoring/events/${ev.id}/actions`, { action: 'VERIFY' }, h), 404);
      // In scope but without the review permission.
      assertProblem(assert, await as['kalsel.operator'].post(`/api/v1/monitoring/events/${ev.id}/actions`, { action: 'VERIFY' }, h), 403);
      assertProblem(assert, await as['bpk.auditor'].post(`/api/v1/monitoring/events/${ev.id}/actions`, { action: 'VERIFY' }, h), 403);
      const now = await as.admin.get(`/api/v1/monitoring/events/${ev.id}`);
      assert.equal(now.json.status, 'REPORTED');
      assert.equal(now.json.version, ev.version);
    },
  },
  {
    method: 'GET', path: '/api/v1/notifications',
    scope: async () => {
      // The fast report from Banjarbaru notified the province and the ministry, not another kab/kota.
      const about = async (u) => (await as[u].get('/api/v1/notifications')).json.items
        .filter((n) => n.entity === 'political_event' && n.entity_id === String(mon.ownEvent.id));
      assert.equal((await about('kalsel.kabid')).length, 1);
      assert.equal((await about('pusat.analis')).length, 1);
      assert.deepEqual(await about('banjarmasin.kaban'), []);
      assert.deepEqual(await about('kaltim.operator'), []);
      // The TERBATAS event in 63 notified the ministry; a reviewer cleared BIASA would not see it.
      assert.equal((await about('admin')).length, 1);
    },
  },
  {
    method: 'POST', path: '/api/v1/notifications/{id}/read',
    scope: async () => {
      const n = (await as['kalsel.kabid'].get('/api/v1/notifications')).json.items
        .find((x) => x.entity === 'political_event' && x.entity_id === String(mon.ownEvent.id));
      assertProblem(assert, await as['banjarmasin.kaban'].post(`/api/v1/notifications/${n.id}/read`, {}), 404);
      assertProblem(assert, await as['kaltim.operator'].post(`/api/v1/notifications/${n.id}/read`, {}), 404);
      const still = (await as['kalsel.kabid'].get('/api/v1/notifications')).json.items.find((x) => x.id === n.id);
      assert.equal(still.read, false, 'nobody else marked it read');
      assert.equal((await as['kalsel.kabid'].post(`/api/v1/notifications/${n.id}/read`, {})).status, 204);
      assert.equal((await as['kalsel.kabid'].get('/api/v1/notifications')).json.items.find((x) => x.id === n.id).read, true);
      assert.equal((await as['kalsel.kaban'].get('/api/v1/notifications')).json.items.find((x) => x.id === n.id).read, false,
        'read marks are per user');
    },
  },
  {
    method: 'POST', path: '/api/v1/notifications/read-all',
    scope: async () => {
      // Marks only the caller's own notifications: another user's marks are untouched.
      const unread = async (u) => (await as[u].get('/api/v1/notifications')).json.items.filter((x) => !x.read).length;
      const kaban = await unread('kalsel.kaban');
      assert.equal((await as['kalsel.analis'].post('/api/v1/notifications/read-all', {})).status, 204);
      assert.equal(await unread('kalsel.analis'), 0);
      assert.equal(await unread('kalsel.kaban'), kaban, 'read marks are per user');
    },
  },
  {
    method: 'DELETE', path: '/api/v1/monitoring/reports/{id}/attachments/{file_id}', permission: 'record.write', allowed: [403, 404],
    probe: () => `/api/v1/monitoring/reports/${mon.ownReport.id}/attachments/999999999`,
    scope: async () => {
      // An attachment of Banjarbaru's draft: only Banjarbaru's office removes it; the province above
      // may not (403), a neighbour does not see the report (404). Audited; gone from the report.
      const res = await upload(as['banjarbaru.operator'], { region_code: '63.72', classification: 'BIASA', entity: 'periodic_report', entity_id: String(mon.ownReport.id) },
        { name: 'salah.pdf', content: Buffer.concat([samples.pdf(), Buffer.from('%salah\n')]), type: 'application/pdf' });
      assert.equal(res.status, 201, res.text);
      const path = `/api/v1/monitoring/reports/${mon.ownReport.id}/attachments/${res.json.id}`;
      assertProblem(assert, await as['banjarmasin.operator'].del(path), 404);
      assertProblem(assert, await as['kalsel.operator'].del(path), 403);
      const attached = async () => (await as['banjarbaru.operator'].get(`/api/v1/monitoring/reports/${mon.ownReport.id}`)).json.attachments.map((f) => f.id);
      assert.ok((await attached()).includes(res.json.id));
      assert.equal((await as['banjarbaru.operator'].del(path)).status, 204);
      assert.ok(!(await attached()).includes(res.json.id));
      assertProblem(assert, await as['banjarbaru.operator'].del(path), 404);
      const hist = (await as.admin.get(`/api/v1/audit?entity=evidence_file&id=${res.json.id}`)).json.items;
      assert.ok(hist.some((e) => e.action === 'delete' && e.before.name === 'salah.pdf'));
    },
  },

  // ---- elections: regional-government support (dukungan pemerintah daerah) ----
  {
    method: 'GET', path: '/api/v1/elections', module: 'elections',
    scope: async () => {
      // An election is seen by users inside its area and by those above it.
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/elections');
        const region = USERS[u].region;
        const expected = el.elections.filter((e) => e.scope_region_code === '' || within(region, e.scope_region_code) || within(e.scope_region_code, region));
        assert.deepEqual(sorted(seen.map((e) => e.id)), sorted(expected.map((e) => e.id)), `${u} elections`);
      }
      assert.ok(el.elections.some((e) => e.scope_region_code === '64'));
    },
  },
  {
    method: 'POST', path: '/api/v1/elections', permission: 'org.admin', allowed: [422], module: 'elections',
    scope: async () => {
      const body = { type: 'PILKADA', year: 2030, name: 'Pilkada Uji', polling_date: '2030-11-27', scope_region_code: '63' };
      assertProblem(assert, await as['kalsel.admin'].post('/api/v1/elections', body), 403);
      assert.equal((await as.admin.all('/api/v1/elections')).length, el.elections.length);
    },
  },
  {
    method: 'GET', path: '/api/v1/elections/{id}/readiness', permission: 'record.read', module: 'elections',
    probe: () => `/api/v1/elections/${el.pilkada}/readiness`, allowed: [200],
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`/api/v1/elections/${el.pilkada}/readiness?level=kabkota&province=63`);
        assert.equal(r.status, 200, `${u}: ${r.text}`);
        for (const code of [...Object.keys(r.json.values), ...Object.keys(r.json.details)]) {
          assert.ok(within(code, USERS[u].region), `${u} sees readiness of ${code}`);
        }
      }
      // An election outside the caller's area is not found.
      assertProblem(assert, await as['kalsel.operator'].get(`/api/v1/elections/${el.kaltimElection}/readiness`), 404);
    },
  },
  {
    method: 'GET', path: '/api/v1/elections/{id}/checklist.xlsx', permission: 'record.read', module: 'elections',
    probe: () => `/api/v1/elections/${el.pilkada}/checklist.xlsx`, allowed: [200],
    scope: async () => {
      const all = el.instruments.filter((i) => i.election_id === el.pilkada);
      for (const [u, c] of Object.entries(as)) {
        const res = await c.get(`/api/v1/elections/${el.pilkada}/checklist.xlsx`, { raw: true });
        if (res.status === 403) continue; // no record.read
        assert.equal(res.status, 200, u);
        assert.equal(res.bytes.readUInt32LE(0), 0x04034b50, 'a ZIP (XLSX) file');
        const region = USERS[u].region || 'nasional';
        assert.equal(res.headers.get('content-disposition'), `attachment; filename="dukungan-pemilihan-${el.pilkada}-${region}.xlsx"`);
        const text = unzipText(res.bytes);
        const seen = await c.all(`/api/v1/support-instruments?election_id=${el.pilkada}`);
        const seenUnits = new Set(seen.map((i) => i.org_unit_name));
        for (const i of seen) assert.ok(text.includes(i.org_unit_name), `${u} gets the row of ${i.org_unit_name}`);
        for (const i of all) {
          if (!seenUnits.has(i.org_unit_name)) assert.ok(!text.includes(i.org_unit_name), `${u} must not get the row of ${i.org_unit_name}`);
        }
      }
      assertProblem(assert, await as['kalsel.operator'].get(`/api/v1/elections/${el.kaltimElection}/checklist.xlsx`), 404);
    },
  },
  { method: 'GET', path: '/api/v1/support-items', module: 'elections', scope: async () => sameForEveryone('/api/v1/support-items?limit=500') },
  {
    method: 'POST', path: '/api/v1/support-items', permission: 'org.admin', allowed: [422], module: 'elections',
    scope: async () => {
      const body = { code: 'UJI_MATRIKS', description_id: 'Uji', description_en: 'Test', legal_basis: 'Uji', effective_from: '2024-01-01' };
      assertProblem(assert, await as['kalsel.admin'].post('/api/v1/support-items', body), 403);
      const items = (await as.admin.get('/api/v1/support-items?limit=500')).json.items;
      assert.ok(!items.some((i) => i.code === 'UJI_MATRIKS'));
    },
  },
  {
    method: 'GET', path: '/api/v1/support-instruments', permission: 'record.read', allowed: [200], module: 'elections',
    scope: async () => {
      assert.ok(el.instruments.some((i) => i.region_code === '63') && el.instruments.some((i) => i.region_code === '63.71'));
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/support-instruments');
        assert.deepEqual(sorted(seen.map((i) => i.id)), sorted(visible(el.instruments, u).map((i) => i.id)), `${u} instruments`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/support-instruments', permission: 'record.write', allowed: [422], module: 'elections',
    scope: async () => {
      const pd = allUnits.find((x) => x.region_code === '63.71' && x.kind === 'PERANGKAT_DAERAH');
      const item = (await as.admin.get('/api/v1/support-items?limit=500')).json.items[0];
      const body = { election_id: el.pilkada, org_unit_id: pd.id, item_code: item.code };
      // Another kab/kota's Perangkat Daerah is not found; the province may see it but not assign it.
      const r1 = await as['banjarbaru.operator'].post('/api/v1/support-instruments', body);
      assert.ok([403, 422].includes(r1.status), `${r1.status} ${r1.text}`);
      assertProblem(assert, await as['kalsel.operator'].post('/api/v1/support-instruments', body), 403);
      assert.equal((await as.admin.all('/api/v1/support-instruments')).length, el.instruments.length);
    },
  },
  {
    method: 'GET', path: '/api/v1/support-instruments/{id}', permission: 'record.read', allowed: [200, 404], module: 'elections',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const show = new Set(visible(el.instruments, u).map((i) => i.id));
        for (const i of el.instruments) {
          const r = await c.get(`/api/v1/support-instruments/${i.id}`);
          assert.equal(r.status, show.has(i.id) ? 200 : 404, `${u} instrument ${i.id} (${i.region_code}, ${i.classification})`);
          if (r.status === 200) for (const e of r.json.evidence) assert.ok(visibleFile(e.file.id, u));
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/support-instruments/{id}', permission: 'record.write', allowed: [428], module: 'elections',
    scope: async () => {
      const i = el.instruments.find((x) => x.region_code === '63.71');
      const h = { headers: { 'If-Match': `"${i.version}"` } };
      assertProblem(assert, await as['banjarbaru.operator'].patch(`/api/v1/support-instruments/${i.id}`, { realisation: 'X' }, h), 404);
      assertProblem(assert, await as['kalsel.operator'].patch(`/api/v1/support-instruments/${i.id}`, { realisation: 'X' }, h), 403);
      assert.equal((await as.admin.get(`/api/v1/support-instruments/${i.id}`)).json.version, i.version);
    },
  },
  {
    method: 'POST', path: '/api/v1/support-instruments/{id}/evidence', permission: 'record.write', allowed: [422], module: 'elections',
    scope: async () => {
      const i = el.instruments.find((x) => x.region_code === '63.71');
      assertProblem(assert, await as['banjarbaru.operator'].post(`/api/v1/support-instruments/${i.id}/evidence`, { file_id: ids.fileBjb }), 404);
      assertProblem(assert, await as['kalsel.operator'].post(`/api/v1/support-instruments/${i.id}/evidence`, { file_id: ids.fileBjm }), 403);
      assert.equal((await as.admin.get(`/api/v1/support-instruments/${i.id}`)).json.version, i.version);
    },
  },
  {
    method: 'POST', path: '/api/v1/support-instruments/{id}/evidence/{evidence_id}/verdict', permission: 'record.review', allowed: [422],
    module: 'elections', probe: () => `/api/v1/support-instruments/${el.withEvidence?.id ?? 1}/evidence/${el.evidenceId ?? 1}/verdict`,
    scope: async () => {
      assert.ok(el.withEvidence, `evidence linked for this check: ${el.linkError}`);
      const p = `/api/v1/support-instruments/${el.withEvidence.id}/evidence/${el.evidenceId}/verdict`;
      const before = (await as.admin.get(`/api/v1/support-instruments/${el.withEvidence.id}`)).json;
      // Not found from another kab/kota; not the reviewing tier from the instrument's own region.
      assertProblem(assert, await as['banjarbaru.kabid'].post(p, { verdict: 'ACCEPTED' }), 404);
      assertProblem(assert, await as['banjarmasin.kaban'].post(p, { verdict: 'ACCEPTED' }), 403);
      const after = (await as.admin.get(`/api/v1/support-instruments/${el.withEvidence.id}`)).json;
      assert.deepEqual(after.evidence, before.evidence);
    },
  },

  // ---- conflict early warning: incidents, hotspots, status declarations, alerts, vulnerability ----
  {
    method: 'GET', path: '/api/v1/conflict/incidents', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      assert.deepEqual([...new Set(cf.incidents.map((x) => x.classification))].sort(), ['BIASA', 'RAHASIA', 'TERBATAS']);
      assert.ok(cf.incidents.some((x) => x.region_code === '64.71'), 'the ministry sees the other province');
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/conflict/incidents');
        assert.deepEqual(sorted(seen.map((x) => x.id)), sorted(visible(cf.incidents, u).map((x) => x.id)), `${u} sees exactly its incidents`);
        // A region filter outside the scope does not widen it.
        const other = await c.get('/api/v1/conflict/incidents?region=63.71&limit=1000');
        assert.equal(other.status, 200);
        assert.deepEqual(sorted(other.json.items.map((x) => x.id)),
          sorted(visible(cf.incidents, u).filter((x) => within(x.region_code, '63.71')).map((x) => x.id)), `${u} region=63.71`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/incidents', permission: 'record.write', allowed: [422], module: 'conflict',
    scope: async () => {
      const p = '/api/v1/conflict/incidents';
      assertProblem(assert, await as['banjarbaru.operator'].post(p, incidentBody('63.71', { fatalities: 1 })), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, incidentBody('64.71', { fatalities: 1 })), 403, 'forbidden');
      let r = await as['kalsel.operator'].post(p, incidentBody('63.72', { classification: 'TERBATAS' }));
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'classification');
      // A hotspot of another kab/kota, or one above the caller's clearance, cannot be named.
      r = await as['banjarbaru.operator'].post(p, incidentBody('63.72', { hotspot_id: cf.hsBjm.id }));
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'hotspot_id');
      r = await as['banjarmasin.operator'].post(p, incidentBody('63.71', { hotspot_id: cf.hsT.id }));
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'hotspot_id', 'a TERBATAS hotspot is unknown to a BIASA operator');
      r = await as['banjarmasin.kaban'].post(p, incidentBody('63.71', { hotspot_id: cf.hsR.id }));
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'hotspot_id', 'a RAHASIA hotspot is unknown to a TERBATAS head');
      assert.deepEqual(await as.admin.all(p), cf.incidents, 'nothing created');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/alerts')).json.items, cf.alerts, 'no alert raised');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/incidents/{id}', permission: 'record.read', allowed: [200, 404], module: 'conflict',
    probe: () => `/api/v1/conflict/incidents/${cf.incBjb?.id ?? 1}`,
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const show = new Set(visible(cf.incidents, u).map((x) => x.id));
        for (const x of cf.incidents) {
          const r = await c.get(`/api/v1/conflict/incidents/${x.id}`);
          assert.equal(r.status, show.has(x.id) ? 200 : 404, `${u} incident ${x.id} (${x.region_code}, ${x.classification})`);
          if (r.status === 200) assert.deepEqual(r.json, x);
          else assert.ok(!r.text.includes(x.description), 'the refusal does not describe the incident');
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/incidents/import', permission: 'record.write', allowed: [422], module: 'conflict',
    scope: async () => {
      const csv = (...regions) => 'region_code,occurred_on,source,type_code,info_source,fatalities,description\n' +
        regions.map((g) => `${g},${ago(3)},SARA,CLASH.ETHNIC,MEDIA,1,Uji impor matriks ${g}\n`).join('');
      const tries = [
        ['banjarbaru.operator', csv('63.72', '63.71'), [3]], // another kab/kota
        ['banjarmasin.operator', csv('63.71.01', '63', '63.72.01'), [3, 4]], // the province, another kab/kota's kecamatan
        ['kalsel.operator', csv('63.71', '64.71'), [3]], // another province
        ['kaltim.operator', csv('63.01'), [2]],
      ];
      for (const [u, body, lines] of tries) {
        const r = await as[u].request('POST', '/api/v1/conflict/incidents/import', { body, headers: { 'Content-Type': 'text/csv' } });
        assertProblem(assert, r, 422, 'import.refused');
        assert.equal(r.json.report.imported, 0);
        assert.deepEqual(r.json.report.refused.map((x) => [x.line, x.field, x.code]), lines.map((l) => [l, 'region_code', 'out_of_scope']), u);
      }
      assert.deepEqual(await as.admin.all('/api/v1/conflict/incidents'), cf.incidents, 'nothing imported, not even the rows in scope');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/alerts')).json.items, cf.alerts, 'no alert raised');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/incidents.csv', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      const idsOf = (text) => text.replace(/^\uFEFF/, '').trim().split('\n').slice(1).map((l) => Number(l.split(',')[0]));
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/conflict/incidents.csv');
        assert.equal(r.status, 200);
        assert.match(r.headers.get('content-type'), /^text\/csv/);
        assert.deepEqual(sorted(idsOf(r.text)), sorted(visible(cf.incidents, u).map((x) => x.id)), `${u} exports exactly its incidents`);
        for (const x of cf.incidents) {
          if (!visible([x], u).length) assert.ok(!r.text.includes(x.description), `${u}: no text of incident ${x.id}`);
        }
        const kaltim = await c.get('/api/v1/conflict/incidents.csv?region=64');
        assert.deepEqual(sorted(idsOf(kaltim.text)), sorted(visible(cf.incidents, u).filter((x) => within(x.region_code, '64')).map((x) => x.id)),
          `${u} region=64`);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/hotspots', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      assert.deepEqual([...new Set(cf.hotspots.map((x) => x.classification))].sort(), ['BIASA', 'RAHASIA', 'TERBATAS']);
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/conflict/hotspots');
        assert.equal(r.status, 200);
        assert.deepEqual(sorted(r.json.items.map((x) => x.id)), sorted(visible(cf.hotspots, u).map((x) => x.id)), `${u} sees exactly its hotspots`);
        const other = await c.get('/api/v1/conflict/hotspots?region=63.72');
        assert.deepEqual(sorted(other.json.items.map((x) => x.id)),
          sorted(visible(cf.hotspots, u).filter((x) => within(x.region_code, '63.72')).map((x) => x.id)), `${u} region=63.72`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/hotspots', permission: 'record.write', allowed: [422], module: 'conflict',
    scope: async () => {
      const p = '/api/v1/conflict/hotspots';
      assertProblem(assert, await as['banjarbaru.operator'].post(p, hotspotBody('63.71')), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.kaban'].post(p, hotspotBody('63')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, hotspotBody('64')), 403, 'forbidden');
      const r = await as['kalsel.analis'].post(p, hotspotBody('63.72', { classification: 'RAHASIA' }));
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'classification');
      assert.deepEqual((await as.admin.get(p)).json.items, cf.hotspots, 'nothing created');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/hotspots/{id}', permission: 'record.read', allowed: [200, 404], module: 'conflict',
    probe: () => `/api/v1/conflict/hotspots/${cf.hsBjb?.id ?? 1}`,
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const show = new Set(visible(cf.hotspots, u).map((x) => x.id));
        for (const x of cf.hotspots) {
          const r = await c.get(`/api/v1/conflict/hotspots/${x.id}`);
          assert.equal(r.status, show.has(x.id) ? 200 : 404, `${u} hotspot ${x.id} (${x.region_code}, ${x.classification})`);
          if (r.status === 200) {
            assert.deepEqual(r.json, x);
            assert.equal(r.headers.get('etag'), `"${x.version}"`);
          } else {
            assert.ok(!r.text.includes(x.name), 'the refusal does not name the hotspot');
          }
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/hotspots/{id}/stage', permission: 'record.write', allowed: [428], module: 'conflict',
    probe: () => `/api/v1/conflict/hotspots/${cf.hsBjb?.id ?? 1}/stage`,
    scope: async () => {
      const stage = (u, x, to = 'LATENT') => as[u].post(`/api/v1/conflict/hotspots/${x.id}/stage`, { stage: to, note: 'Diubah' },
        { headers: { 'If-Match': `"${x.version}"` } });
      assertProblem(assert, await stage('banjarbaru.operator', cf.hsBjm), 404);
      assertProblem(assert, await stage('banjarmasin.operator', cf.hsBjb, 'OPEN'), 404);
      assertProblem(assert, await stage('kalsel.operator', cf.hsKaltim), 404);
      assertProblem(assert, await stage('banjarmasin.operator', cf.hsT), 404); // TERBATAS, operator cleared BIASA
      assertProblem(assert, await stage('kalsel.analis', cf.hsR, 'OPEN'), 404); // RAHASIA, analyst cleared TERBATAS
      assertProblem(assert, await stage('bpk.auditor', cf.hsBjm), 403, 'forbidden'); // in scope, read only
      assert.deepEqual((await as.admin.get('/api/v1/conflict/hotspots')).json.items, cf.hotspots, 'no stage changed');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/alerts')).json.items, cf.alerts, 'no alert raised');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/statuses', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      assert.equal(cf.statuses.length, 4);
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/conflict/statuses');
        assert.equal(r.status, 200);
        const expected = cf.statuses.filter((x) => within(x.region_code, USERS[u].region));
        assert.deepEqual(sorted(r.json.items.map((x) => x.id)), sorted(expected.map((x) => x.id)), `${u} sees exactly its statuses`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/statuses', permission: 'record.approve', allowed: [422], module: 'conflict',
    scope: async () => {
      const p = '/api/v1/conflict/statuses';
      assertProblem(assert, await as['banjarmasin.kaban'].post(p, statusBody('KABKOTA', '63.72')), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.kaban'].post(p, statusBody('PROVINSI', '63')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.kaban'].post(p, statusBody('PROVINSI', '64')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.kaban'].post(p, statusBody('NASIONAL', '')), 403, 'forbidden');
      // A hotspot of another kab/kota, or above the caller's clearance, cannot be named (nor moved).
      let r = await as['banjarmasin.kaban'].post(p, statusBody('KABKOTA', '63.71', { hotspot_id: cf.hsBjb.id }));
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'hotspot_id');
      r = await as['banjarmasin.kaban'].post(p, statusBody('KABKOTA', '63.71', { hotspot_id: cf.hsR.id }));
      assert.equal(assertProblem(assert, r, 422).errors[0].field, 'hotspot_id', 'a RAHASIA hotspot is unknown to a TERBATAS head');
      assert.deepEqual((await as.admin.get(p)).json.items, cf.statuses, 'nothing declared');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/hotspots')).json.items, cf.hotspots, 'no hotspot moved');
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/statuses/{id}/extend', permission: 'record.approve', allowed: [428], module: 'conflict',
    probe: () => `/api/v1/conflict/statuses/${cf.stBjb?.id ?? 1}/extend`,
    scope: async () => {
      const ext = (u, x) => as[u].post(`/api/v1/conflict/statuses/${x.id}/extend`, { days: 10, decree_number: 'SK-UJI/perpanjangan' },
        { headers: { 'If-Match': `"${x.version}"` } });
      assertProblem(assert, await ext('banjarmasin.kaban', cf.stBjb), 404);
      assertProblem(assert, await ext('banjarmasin.kaban', cf.stKalsel), 404); // the province's own status
      assertProblem(assert, await ext('kalsel.kaban', cf.stKaltim), 404);
      assertProblem(assert, await ext('kalsel.kabid', cf.stKalsel), 403, 'forbidden'); // in scope, not the approving tier
      assert.deepEqual((await as.admin.get('/api/v1/conflict/statuses')).json.items, cf.statuses, 'nothing extended');
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/statuses/{id}/end', permission: 'record.approve', allowed: [428], module: 'conflict',
    probe: () => `/api/v1/conflict/statuses/${cf.stBjb?.id ?? 1}/end`,
    scope: async () => {
      const end = (u, x) => as[u].post(`/api/v1/conflict/statuses/${x.id}/end`, { ended_on: ago(0) },
        { headers: { 'If-Match': `"${x.version}"` } });
      assertProblem(assert, await end('banjarmasin.kaban', cf.stBjb), 404);
      assertProblem(assert, await end('banjarmasin.kaban', cf.stKalsel), 404);
      assertProblem(assert, await end('kalsel.kaban', cf.stKaltim), 404);
      assertProblem(assert, await end('banjarmasin.operator', cf.stBjm), 403, 'forbidden');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/statuses')).json.items, cf.statuses, 'nothing ended');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/alerts', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      // FATALITY in 63.71 (BIASA), 63.71.01 (TERBATAS) and 64.71; HOTSPOT_ESCALATING in 63.72 and 63.71 (RAHASIA);
      // INCIDENT_SURGE in the province (four incidents in a week, one of them RAHASIA: the alert is RAHASIA too).
      assert.deepEqual(cf.alertsC.map((a) => `${a.rule_code} ${a.region_code} ${a.classification}`).sort(), [
        'FATALITY 63.71 BIASA', 'FATALITY 63.71.01 TERBATAS', 'FATALITY 64.71 BIASA',
        'HOTSPOT_ESCALATING 63.71 RAHASIA', 'HOTSPOT_ESCALATING 63.72 BIASA', 'INCIDENT_SURGE 63 RAHASIA',
      ]);
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/conflict/alerts');
        assert.equal(r.status, 200);
        assert.deepEqual(sorted(r.json.items.map((x) => x.id)), sorted(visible(cf.alertsC, u).map((x) => x.id)), `${u} sees exactly its alerts`);
        const open = await c.get('/api/v1/conflict/alerts?status=OPEN');
        assert.deepEqual(sorted(open.json.items.map((x) => x.id)), sorted(visible(cf.alertsC, u).map((x) => x.id)));
        assert.deepEqual((await c.get('/api/v1/conflict/alerts?status=CLOSED')).json.items, []);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/alerts/{id}', permission: 'record.read', allowed: [200, 404], module: 'conflict',
    probe: () => `/api/v1/conflict/alerts/${cf.alertsC?.[0]?.id ?? 1}`,
    scope: async () => {
      // Each alert opens for exactly those who may see it (region and clearance); 404 for the others.
      for (const [u, c] of Object.entries(as)) {
        const show = new Set(visible(cf.alertsC, u).map((x) => x.id));
        for (const a of cf.alertsC) {
          const r = await c.get(`/api/v1/conflict/alerts/${a.id}`);
          assert.equal(r.status, show.has(a.id) ? 200 : 404, `${u} alert ${a.id} (${a.region_code}, ${a.classification})`);
          if (r.status === 200) assert.equal(r.json.id, a.id);
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/taxonomy', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => sameForEveryone('/api/v1/conflict/taxonomy'),
  },
  ...['assign', 'respond', 'close'].map((action) => ({
    method: 'POST', path: `/api/v1/conflict/alerts/{id}/${action}`, permission: 'record.review', allowed: [428], module: 'conflict',
    probe: () => `/api/v1/conflict/alerts/${cf.alerts?.[0]?.id ?? 1}/${action}`,
    scope: async () => {
      const body = action === 'assign' ? { agency: 'Polres Uji', due_date: ago(-7) } : { response: 'Ditangani', outcome: 'Selesai' };
      const act = (u, a) => as[u].post(`/api/v1/conflict/alerts/${a.id}/${action}`, body, { headers: { 'If-Match': `"${a.version}"` } });
      const alert = (rule, region) => cf.alerts.find((a) => a.rule_code === rule && a.region_code === region);
      assertProblem(assert, await act('banjarbaru.kabid', alert('FATALITY', '63.71')), 404); // another kab/kota
      assertProblem(assert, await act('banjarmasin.kaban', alert('HOTSPOT_ESCALATING', '63.72')), 404);
      assertProblem(assert, await act('kalsel.kabid', alert('FATALITY', '64.71')), 404); // another province
      assertProblem(assert, await act('kalsel.analis', alert('HOTSPOT_ESCALATING', '63.71')), 404); // RAHASIA, cleared TERBATAS
      assertProblem(assert, await act('kalsel.operator', alert('FATALITY', '63.71')), 403, 'forbidden'); // in scope, no review
      assert.deepEqual((await as.admin.get('/api/v1/conflict/alerts')).json.items, cf.alerts, 'no alert changed');
    },
  })),
  {
    method: 'GET', path: '/api/v1/conflict/vulnerability', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      // The factors of a region's score come only from the incidents and hotspots the caller may see.
      const expectFactors = (u, code) => {
        const inc = visible(cf.incidents, u).filter((x) => within(x.region_code, code));
        const hs = visible(cf.hotspots, u).filter((x) => within(x.region_code, code));
        const sum = (k) => inc.reduce((a, x) => a + x[k], 0);
        const out = {
          incidents: inc.length, fatalities: sum('fatalities'), injuries: sum('injuries'), displaced: sum('displaced'),
          property_damage: inc.filter((x) => x.property_damage).length,
          open_hotspots: hs.filter((x) => ['ESCALATING', 'OPEN', 'STATUS_DECLARED'].includes(x.stage)).length,
          latent_hotspots: hs.filter((x) => ['POTENTIAL', 'LATENT'].includes(x.stage)).length,
        };
        return Object.fromEntries(Object.entries(out).filter(([, v]) => v > 0));
      };
      const factors = (d) => Object.fromEntries(d.factors.filter((f) => f.code !== 'rising_trend').map((f) => [f.code, f.value]));
      const scores = {};
      for (const [u, c] of Object.entries(as)) {
        const region = USERS[u].region;
        for (const q of ['level=kabkota&province=63', 'level=kabkota', 'level=provinsi', 'level=kabkota&province=64']) {
          const r = await c.get(`/api/v1/conflict/vulnerability?${q}`);
          assert.equal(r.status, 200, `${u} ${q}: ${r.text}`);
          const codes = Object.keys(r.json.values);
          assert.deepEqual(Object.keys(r.json.details).sort(), codes.slice().sort());
          for (const code of codes) {
            assert.ok(within(code, region), `${u} ${q} scores ${code}`);
            assert.deepEqual(factors(r.json.details[code]), expectFactors(u, code), `${u} ${q}: the factors of ${code}`);
          }
          if (q === 'level=kabkota&province=63' && within('63.71', region)) scores[u] = r.json.values['63.71'];
          if (q === 'level=kabkota&province=63' && within(region, '63')) {
            assert.ok(codes.length >= 1 && codes.every((x) => within(x, '63')), `${u} ${q}`);
            assert.equal(codes.length, region === '' || region === '63' ? 13 : 1, `${u} ${q}: every kab/kota of its scope`);
          }
          if (q === 'level=kabkota&province=64' && region !== '') assert.ok(codes.every((x) => within(x, region)), `${u} ${q}`);
        }
      }
      // Clearance shows in the score of Banjarmasin: BIASA < TERBATAS < RAHASIA.
      assert.ok(scores['banjarmasin.operator'] < scores['banjarmasin.kaban'], JSON.stringify(scores));
      assert.ok(scores['banjarmasin.kaban'] < scores['kalsel.kaban'], JSON.stringify(scores));
      assert.equal(scores['kalsel.kaban'], scores.admin);
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/incidents/clusters', permission: 'record.read', allowed: [200], module: 'conflict',
    probe: '/api/v1/conflict/incidents/clusters?region=63&zoom=5',
    scope: async () => {
      // The clusters count exactly the incidents with coordinates the caller may see.
      const placed = cf.incidents.filter((x) => x.lat != null && x.lng != null);
      for (const [u, c] of Object.entries(as)) {
        for (const region of ['', '63', '63.71']) {
          const r = await c.get(`/api/v1/conflict/incidents/clusters?zoom=4${region ? `&region=${region}` : ''}`);
          assert.equal(r.status, 200, r.text);
          const expected = visible(placed, u).filter((x) => within(x.region_code, region)).length;
          assert.equal(r.json.total, expected, `${u} clusters of ${region || 'all'}`);
          assert.equal(r.json.clusters.reduce((a, x) => a + x.count, 0), expected);
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/vulnerability/recompute', permission: 'record.review', allowed: [422], module: 'conflict',
    scope: async () => {
      // A reviewer recomputes the regions of its own subtree only; each reader then sees the
      // stored scores of its clearance, equal to the live ones.
      const period = ago(2).slice(0, 4);
      const kab = await as['banjarmasin.kaban'].post('/api/v1/conflict/vulnerability/recompute', { period });
      assert.equal(kab.status, 200, kab.text);
      assert.equal(kab.json.regions, 1);
      const prov = await as['kalsel.kaban'].post('/api/v1/conflict/vulnerability/recompute', { period });
      assert.equal(prov.status, 200, prov.text);
      assert.equal(prov.json.regions, 14); // the province and its 13 kab/kota
      for (const u of ['kalsel.operator', 'kalsel.kabid', 'kalsel.kaban', 'banjarmasin.operator']) {
        const stored = await as[u].get(`/api/v1/conflict/vulnerability?level=kabkota&province=63&period=${period}`);
        assert.equal(stored.status, 200, stored.text);
        assert.ok(stored.json.computed_at, `${u}: stored scores`);
        const live = await as[u].get(`/api/v1/conflict/vulnerability?level=kabkota&province=63&date=${stored.json.as_of}`);
        assert.deepEqual(stored.json.values, live.json.values, `${u}: the stored scores of its clearance`);
      }
      const other = await as['kaltim.operator'].get(`/api/v1/conflict/vulnerability?level=kabkota&province=63&period=${period}`);
      assert.ok(Object.keys(other.json.values).every((x) => within(x, '64')), 'another province sees none of Kalsel');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/scoring-model', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => sameForEveryone('/api/v1/conflict/scoring-model'),
  },
  {
    method: 'PATCH', path: '/api/v1/conflict/scoring-model', permission: 'user.admin', allowed: [428], module: 'conflict',
    scope: async () => {
      // The national model is changed only by national administrators.
      const before = await as.admin.get('/api/v1/conflict/scoring-model');
      const r = await as['kalsel.admin'].request('PATCH', '/api/v1/conflict/scoring-model',
        { json: { w_fatality: 9 }, headers: { 'If-Match': `"${before.json.version}"` } });
      assertProblem(assert, r, 403, 'forbidden');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/scoring-model')).json, before.json, 'nothing changed');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/alert-rules', permission: 'user.admin', allowed: [200], module: 'conflict',
    scope: async () => {
      // One national set of rules: every administrator reads the same list.
      const ref = await as.admin.get('/api/v1/conflict/alert-rules');
      assert.equal(ref.status, 200);
      assert.equal(ref.json.items.length, 3);
      assert.deepEqual((await as['kalsel.admin'].get('/api/v1/conflict/alert-rules')).json, ref.json);
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/alert-rules', permission: 'user.admin', allowed: [422], module: 'conflict',
    scope: async () => {
      // Only national administrators add rules.
      const before = (await as.admin.get('/api/v1/conflict/alert-rules')).json;
      const r = await as['kalsel.admin'].post('/api/v1/conflict/alert-rules', { kind: 'FATALITY', target_tier: 'PROVINSI' });
      assertProblem(assert, r, 403, 'forbidden');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/alert-rules')).json, before, 'nothing added');
    },
  },
  {
    method: 'PATCH', path: '/api/v1/conflict/alert-rules/{id}', permission: 'user.admin', allowed: [428], module: 'conflict',
    probe: () => '/api/v1/conflict/alert-rules/1',
    scope: async () => {
      const before = (await as.admin.get('/api/v1/conflict/alert-rules')).json;
      const rule = before.items[0];
      const r = await as['kalsel.admin'].request('PATCH', `/api/v1/conflict/alert-rules/${rule.id}`,
        { json: { enabled: false }, headers: { 'If-Match': `"${rule.version}"` } });
      assertProblem(assert, r, 403, 'forbidden');
      assert.deepEqual((await as.admin.get('/api/v1/conflict/alert-rules')).json, before, 'nothing changed');
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/reports', permission: 'record.write', allowed: [422], module: 'conflict',
    scope: async () => {
      const period = ago(2).slice(0, 4); // the year of the matrix's incidents
      const p = '/api/v1/conflict/reports';
      const make = async (u, region) => {
        const r = await as[u].post(p, { region_code: region, period, recommendations: `Rekomendasi ${region}` });
        assert.equal(r.status, 201, `${u} ${region}: ${r.text}`);
        return r.json;
      };
      cf.repBjm = await make('banjarmasin.operator', '63.71');
      cf.repBjb = await make('banjarbaru.operator', '63.72');
      cf.repKalsel = await make('kalsel.kabid', '63');
      cf.repKaltim = await make('kaltim.operator', '64');
      assertProblem(assert, await as['banjarmasin.operator'].post(p, { region_code: '63.72', period: `${Number(period) - 1}` }), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, { region_code: '64', period: `${Number(period) - 1}` }), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, { region_code: '63.71', period }), 409, 'report_exists');
      cf.reports = (await as.admin.get(p)).json.items;
      assert.equal(cf.reports.length, 4, 'no report made by the refused requests');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/reports', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/conflict/reports');
        assert.equal(r.status, 200, r.text);
        const expected = cf.reports.filter((x) => within(x.region_code, USERS[u].region)).map((x) => x.id);
        assert.deepEqual(sorted(r.json.items.map((x) => x.id)), sorted(expected), `${u} sees exactly the reports of its subtree`);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/reports/{id}', permission: 'record.read', allowed: [200, 404], module: 'conflict',
    probe: () => `/api/v1/conflict/reports/${cf.repBjm?.id ?? 1}`,
    scope: async () => {
      const year = ago(2).slice(0, 4);
      for (const [u, c] of Object.entries(as)) {
        for (const x of cf.reports) {
          const r = await c.get(`/api/v1/conflict/reports/${x.id}`);
          if (!within(x.region_code, USERS[u].region)) {
            assertProblem(assert, r, 404);
            continue;
          }
          assert.equal(r.status, 200, r.text);
          // The content counts only the incidents the reader may see.
          const inc = visible(cf.incidents, u).filter((i) => within(i.region_code, x.region_code) && i.occurred_on.startsWith(year));
          assert.equal(r.json.incidents, inc.length, `${u} report ${x.region_code}`);
          assert.equal(r.json.by_source.reduce((a, s) => a + s.fatalities, 0), inc.reduce((a, i) => a + i.fatalities, 0));
          if (x.region_code === '63') assert.equal(r.json.rollup.length, 13, 'the province rolls up its kab/kota');
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/conflict/reports/{id}/actions', permission: 'record.read', allowed: [428], module: 'conflict',
    probe: () => `/api/v1/conflict/reports/${cf.repBjm?.id ?? 1}/actions`,
    scope: async () => {
      const act = (u, x, action) => as[u].post(`/api/v1/conflict/reports/${x.id}/actions`, { action, reason: 'Uji' },
        { headers: { 'If-Match': `"${x.version}"` } });
      assertProblem(assert, await act('banjarbaru.operator', cf.repBjm, 'SUBMIT'), 404); // another kab/kota
      assertProblem(assert, await act('kaltim.operator', cf.repKalsel, 'SUBMIT'), 404); // another province
      assertProblem(assert, await act('bpk.auditor', cf.repBjm, 'SUBMIT'), 403, 'forbidden'); // read only
      assertProblem(assert, await act('banjarmasin.kaban', cf.repBjm, 'ACCEPT'), 403, 'forbidden'); // its own office
      assertProblem(assert, await act('kalsel.kabid', cf.repBjm, 'ACCEPT'), 409, 'status_not_allowed'); // still a draft
      assert.deepEqual((await as.admin.get('/api/v1/conflict/reports')).json.items, cf.reports, 'no report changed');
    },
  },
  {
    method: 'GET', path: '/api/v1/conflict/reports/{id}/pdf', permission: 'record.read', allowed: [200, 404], module: 'conflict',
    probe: () => `/api/v1/conflict/reports/${cf.repBjm?.id ?? 1}/pdf`,
    scope: async () => {
      for (const u of ['banjarmasin.operator', 'banjarbaru.operator', 'kalsel.kabid', 'kaltim.operator']) {
        for (const x of cf.reports) {
          const r = await as[u].get(`/api/v1/conflict/reports/${x.id}/pdf`, { raw: true });
          if (within(x.region_code, USERS[u].region)) {
            assert.equal(r.status, 200, `${u} ${x.region_code}`);
            assert.equal(r.bytes.subarray(0, 5).toString(), '%PDF-');
          } else {
            assert.equal(r.status, 404, `${u} ${x.region_code}`);
          }
        }
      }
    },
  },

  // ---- party aid (banpol): values per vote, KPU results, boards, allocations, applications, LPJ ----
  { method: 'GET', path: '/api/v1/party-aid/default-values', permission: 'record.read', allowed: [200], module: 'party_aid',
    scope: async () => sameForEveryone('/api/v1/party-aid/default-values') },
  {
    method: 'GET', path: '/api/v1/party-aid/vote-values', permission: 'record.read', allowed: [200], module: 'party_aid',
    scope: async () => {
      for (const r of PA_REGIONS) assert.ok(pa.values.some((v) => v.region_code === r), `a value of ${r}`);
      for (const [u, c] of Object.entries(as)) {
        for (const r of PA_REGIONS) {
          const res = await c.get(`/api/v1/party-aid/vote-values?region=${r}&limit=500`);
          assert.equal(res.status, 200, res.text);
          const expected = within(r, USERS[u].region) ? pa.values.filter((v) => v.region_code === r) : [];
          assert.deepEqual(sorted(res.json.items.map((v) => v.id)), sorted(expected.map((v) => v.id)), `${u} values of ${r}`);
        }
        // Without a region: the caller's whole subtree.
        const all = await c.all('/api/v1/party-aid/vote-values');
        assert.deepEqual(sorted(all.map((v) => v.id)), sorted(pa.values.filter((v) => within(v.region_code, USERS[u].region)).map((v) => v.id)), u);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/party-aid/vote-values', permission: 'record.write', allowed: [422], module: 'party_aid',
    scope: async () => {
      const p = '/api/v1/party-aid/vote-values';
      assertProblem(assert, await as['banjarbaru.operator'].post(p, valueBody('63.71', 2026)), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.operator'].post(p, valueBody('63', 2026)), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, valueBody('64', 2026)), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, valueBody('', 2026)), 403, 'forbidden');
      assert.deepEqual(await paValues(), pa.values, 'nothing created');
    },
  },
  {
    method: 'PATCH', path: '/api/v1/party-aid/vote-values/{id}', permission: 'record.write', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/vote-values/${pa.value?.['63.72']?.id ?? 1}`,
    scope: async () => {
      const patch = (u, v) => as[u].patch(`/api/v1/party-aid/vote-values/${v.id}`, { ...valueBody(v.region_code, v.fiscal_year, { value_per_vote: 9999 }), region_code: undefined, fiscal_year: undefined },
        { headers: { 'If-Match': `"${v.version}"` } });
      assertProblem(assert, await patch('banjarbaru.operator', pa.value['63.71']), 404);
      assertProblem(assert, await patch('banjarmasin.operator', pa.value['63']), 404);
      assertProblem(assert, await patch('kalsel.operator', pa.value['64']), 404);
      assertProblem(assert, await patch('bpk.auditor', pa.value['63.71']), 403, 'forbidden');
      assert.deepEqual(await paValues(), pa.values, 'nothing changed');
    },
  },
  {
    method: 'GET', path: '/api/v1/party-aid/election-results', permission: 'record.read', allowed: [200], module: 'party_aid',
    probe: '/api/v1/party-aid/election-results?election_year=2024',
    scope: async () => {
      for (const r of PA_REGIONS) assert.ok(pa.results[r].length > 0, `results of ${r}`);
      for (const [u, c] of Object.entries(as)) {
        for (const r of PA_REGIONS) {
          const res = await c.get(`/api/v1/party-aid/election-results?region=${r}&election_year=2024`);
          assert.equal(res.status, 200, res.text);
          assert.deepEqual(res.json.items, within(r, USERS[u].region) ? pa.results[r] : [], `${u} results of ${r}`);
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/party-aid/election-results/import', permission: 'record.write', allowed: [422], module: 'party_aid',
    scope: async () => {
      const csv = (...regions) => 'region_code,abbreviation,valid_votes,seats\n' + regions.map((r) => `${r},PKB,1,1\n`).join('');
      const tries = [['banjarbaru.operator', csv('63.72', '63.71'), [3]], ['kalsel.operator', csv('63.71', '64'), [3]],
        ['banjarmasin.operator', csv('63'), [2]]];
      for (const [u, body, lines] of tries) {
        const r = await as[u].request('POST', '/api/v1/party-aid/election-results/import?election_year=2024', { body, headers: { 'Content-Type': 'text/csv' } });
        assertProblem(assert, r, 422);
        assert.equal(r.json.import.applied, false);
        assert.deepEqual(r.json.import.report.filter((x) => x.status === 'refused').map((x) => [x.line, x.errors.map((e) => e.code).join()]),
          lines.map((l) => [l, 'outside_scope']), u);
      }
      for (const r of PA_REGIONS) {
        const now = await as.admin.get(`/api/v1/party-aid/election-results?region=${r}&election_year=2024`);
        assert.deepEqual(now.json.items, pa.results[r], `results of ${r} unchanged`);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/party-aid/boards', permission: 'record.read', allowed: [200], module: 'party_aid',
    scope: async () => {
      for (const r of PA_REGIONS) assert.ok(pa.boards.some((b) => b.region_code === r), `a board of ${r}`);
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/party-aid/boards?include_superseded=true');
        assert.deepEqual(sorted(seen.map((b) => b.id)), sorted(pa.boards.filter((b) => within(b.region_code, USERS[u].region)).map((b) => b.id)), `${u} boards`);
        const other = await c.get('/api/v1/party-aid/boards?region=63.71&include_superseded=true&limit=500');
        assert.deepEqual(sorted(other.json.items.map((b) => b.id)),
          sorted(pa.boards.filter((b) => b.region_code === '63.71' && within(b.region_code, USERS[u].region)).map((b) => b.id)), `${u} region=63.71`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/party-aid/boards', permission: 'record.write', allowed: [422], module: 'party_aid',
    scope: async () => {
      const p = '/api/v1/party-aid/boards';
      assertProblem(assert, await as['banjarbaru.operator'].post(p, boardBody('63.71', 'PKB')), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.operator'].post(p, boardBody('63', 'PKB')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, boardBody('64', 'PKB')), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/boards?include_superseded=true'), pa.boards, 'nothing registered or superseded');
    },
  },
  {
    method: 'GET', path: '/api/v1/party-aid/boards/{id}', permission: 'record.read', allowed: [200, 404], module: 'party_aid',
    probe: () => `/api/v1/party-aid/boards/${pa.board?.['63.72']?.id ?? 1}`,
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const b of pa.boards) {
          const r = await c.get(`/api/v1/party-aid/boards/${b.id}`);
          assert.equal(r.status, within(b.region_code, USERS[u].region) ? 200 : 404, `${u} board ${b.id} (${b.region_code})`);
          if (r.status === 200) assert.deepEqual(r.json, b);
          else assert.ok(!r.text.includes(b.chair), 'the refusal does not name the board');
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/party-aid/boards/{id}', permission: 'record.write', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/boards/${pa.board?.['63.72']?.id ?? 1}`,
    scope: async () => {
      const patch = (u, b) => as[u].patch(`/api/v1/party-aid/boards/${b.id}`, { chair: 'Diambil alih', status: 'DISPUTED', status_note: 'Uji' },
        { headers: { 'If-Match': `"${b.version}"` } });
      assertProblem(assert, await patch('banjarbaru.operator', pa.board['63.71']), 404);
      assertProblem(assert, await patch('banjarmasin.operator', pa.board['63']), 404);
      assertProblem(assert, await patch('kalsel.operator', pa.board['64']), 404);
      assertProblem(assert, await patch('bpk.auditor', pa.board['63.71']), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/boards?include_superseded=true'), pa.boards, 'nothing changed');
    },
  },
  ...[['allocations', (r) => r.json.region_code], ['allocations/summary', (r) => r.json.region], ['positions', (r) => r.json.region]]
    .map(([what, regionOf]) => ({
      method: 'GET', path: `/api/v1/party-aid/${what}`, permission: 'record.read', allowed: [200], module: 'party_aid',
      probe: `/api/v1/party-aid/${what}?year=2025`,
      scope: async () => {
        for (const [u, c] of Object.entries(as)) {
          // Without a region: the caller's own.
          const own = await c.get(`/api/v1/party-aid/${what}?year=2025`);
          assert.equal(own.status, 200, `${u}: ${own.text}`);
          assert.equal(regionOf(own), USERS[u].region);
          for (const r of PA_REGIONS) {
            const res = await c.get(`/api/v1/party-aid/${what}?region=${r}&year=2025`);
            if (!within(r, USERS[u].region)) {
              assertProblem(assert, res, 404);
              assert.ok(!res.text.includes('amount') && !res.text.includes('total_rupiah'), 'no figures in the refusal');
              continue;
            }
            assert.equal(res.status, 200, `${u} ${what} of ${r}: ${res.text}`);
            assert.equal(regionOf(res), r);
            if (what === 'allocations/summary') {
              for (const x of res.json.items) assert.ok(within(x.region_code, r) && within(x.region_code, USERS[u].region), `${u} summary row ${x.region_code}`);
              assert.equal(res.json.items.length, { 63: 14, '63.71': 1, '63.72': 1, 64: 11 }[r], `${u} summary rows of ${r}`);
            }
          }
        }
        // The totals are the same whoever may see them.
        const ref = (await as.admin.get(`/api/v1/party-aid/${what}?region=63.71&year=2025`)).text;
        for (const u of ['kalsel.operator', 'banjarmasin.kaban', 'banjarmasin.operator']) {
          assert.equal((await as[u].get(`/api/v1/party-aid/${what}?region=63.71&year=2025`)).text, ref, u);
        }
      },
    })),
  {
    method: 'GET', path: '/api/v1/party-aid/allocations.xlsx', permission: 'record.read', allowed: [200], module: 'party_aid',
    probe: '/api/v1/party-aid/allocations.xlsx?year=2025',
    scope: async () => {
      for (const u of ['admin', 'kalsel.operator', 'banjarmasin.operator', 'banjarbaru.operator', 'kaltim.operator']) {
        for (const r of PA_REGIONS) {
          const res = await as[u].get(`/api/v1/party-aid/allocations.xlsx?region=${r}&year=2025`, { raw: true });
          if (within(r, USERS[u].region)) {
            assert.equal(res.status, 200, `${u} sheet of ${r}`);
            assert.equal(res.bytes.readUInt32LE(0), 0x04034b50, 'a ZIP (XLSX) file');
            assert.equal(res.headers.get('content-disposition'), `attachment; filename="banpol-${r}-2025.xlsx"`);
          } else {
            assert.equal(res.status, 404, `${u} must not get the sheet of ${r}`);
            assert.notEqual(res.bytes.readUInt32LE(0), 0x04034b50);
          }
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/party-aid/applications', permission: 'record.read', allowed: [200], module: 'party_aid',
    scope: async () => {
      for (const r of PA_REGIONS) assert.ok(pa.apps.some((a) => a.region_code === r), `an application of ${r}`);
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/party-aid/applications');
        assert.deepEqual(sorted(seen.map((a) => a.id)), sorted(pa.apps.filter((a) => within(a.region_code, USERS[u].region)).map((a) => a.id)), `${u} applications`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/party-aid/applications', permission: 'record.write', allowed: [422], module: 'party_aid',
    scope: async () => {
      const body = (b) => ({ board_id: b.id, fiscal_year: 2026, letter_no: 'Uji/001', letter_date: '2026-01-10', received_at: '2026-01-11' });
      // A board outside the caller's scope is not found.
      for (const [u, r] of [['banjarbaru.operator', '63.71'], ['banjarmasin.operator', '63'], ['kalsel.operator', '64']]) {
        const res = await as[u].post('/api/v1/party-aid/applications', body(pa.board[r]));
        assert.equal(assertProblem(assert, res, 422).errors[0].field, 'board_id', `${u} board of ${r}`);
      }
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/applications'), pa.apps, 'nothing created');
    },
  },
  {
    method: 'GET', path: '/api/v1/party-aid/applications/{id}', permission: 'record.read', allowed: [200, 404], module: 'party_aid',
    probe: () => `/api/v1/party-aid/applications/${pa.app?.['63.72']?.id ?? 1}`,
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const a of pa.apps) {
          const r = await c.get(`/api/v1/party-aid/applications/${a.id}`);
          assert.equal(r.status, within(a.region_code, USERS[u].region) ? 200 : 404, `${u} application ${a.id} (${a.region_code})`);
          if (r.status === 200) {
            // The same record for everyone who may see it; only the actions and changes offered are the caller's own.
            const { allowed_actions: offered, allowed_edits: edits, ...seen } = r.json;
            const { allowed_actions: _theirs, allowed_edits: _theirEdits, ...record } = a;
            assert.deepEqual(seen, record);
            assert.ok(Array.isArray(offered), `${u} is told which actions are open`);
            assert.ok(Array.isArray(edits), `${u} is told what may be changed`);
          } else assert.ok(!r.text.includes(a.letter_no));
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/party-aid/applications/{id}/documents/{code}', permission: 'record.read', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/applications/${pa.app?.['63.72']?.id ?? 1}/documents/${pa.app?.['63.72']?.documents?.[0]?.code ?? 'x'}`,
    scope: async () => {
      const doc = (u, a, body) => as[u].patch(`/api/v1/party-aid/applications/${a.id}/documents/${a.documents[0].code}`, body,
        { headers: { 'If-Match': `"${a.version}"` } });
      assertProblem(assert, await doc('banjarbaru.operator', pa.app['63.71'], { file_id: ids.fileBjb }), 404);
      assertProblem(assert, await doc('banjarbaru.kabid', pa.app['63.71'], { verdict: 'ACCEPTED' }), 404);
      assertProblem(assert, await doc('kalsel.kabid', pa.app['64'], { verdict: 'ACCEPTED' }), 404);
      // In scope: attaching needs record.write, a verdict record.review.
      assertProblem(assert, await doc('bpk.auditor', pa.app['63.71'], { file_id: ids.fileBjm }), 403, 'forbidden');
      assertProblem(assert, await doc('banjarmasin.operator', pa.app['63.71'], { verdict: 'ACCEPTED' }), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/applications'), pa.apps, 'nothing changed');
    },
  },
  {
    method: 'PATCH', path: '/api/v1/party-aid/applications/{id}/usage-plan', permission: 'record.write', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/applications/${pa.app?.['63.72']?.id ?? 1}/usage-plan`,
    scope: async () => {
      const plan = { lines: [{ category: 'POLITICAL_EDUCATION', activity: 'Diambil alih', amount: 1000 }] };
      const put = (u, a) => as[u].patch(`/api/v1/party-aid/applications/${a.id}/usage-plan`, plan, { headers: { 'If-Match': `"${a.version}"` } });
      assertProblem(assert, await put('banjarbaru.operator', pa.app['63.71']), 404);
      assertProblem(assert, await put('banjarmasin.operator', pa.app['63']), 404);
      assertProblem(assert, await put('kalsel.operator', pa.app['64']), 404);
      assertProblem(assert, await put('bpk.auditor', pa.app['63.71']), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/applications'), pa.apps, 'nothing changed');
    },
  },
  {
    method: 'POST', path: '/api/v1/party-aid/applications/{id}/actions', permission: 'record.read', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/applications/${pa.app?.['63.72']?.id ?? 1}/actions`,
    scope: async () => {
      const act = (u, a, action) => as[u].post(`/api/v1/party-aid/applications/${a.id}/actions`, { action, note: 'Uji' },
        { headers: { 'If-Match': `"${a.version}"` } });
      assertProblem(assert, await act('banjarbaru.operator', pa.app['63.71'], 'START_CHECK'), 404);
      assertProblem(assert, await act('banjarmasin.operator', pa.app['63'], 'START_CHECK'), 404);
      assertProblem(assert, await act('kalsel.kaban', pa.app['64'], 'START_CHECK'), 404);
      // In scope, each action needs its tier.
      assertProblem(assert, await act('bpk.auditor', pa.app['63.71'], 'START_CHECK'), 403, 'forbidden');
      assertProblem(assert, await act('kalsel.admin', pa.app['63.71'], 'START_CHECK'), 403, 'forbidden');
      assertProblem(assert, await act('banjarmasin.operator', pa.app['63.71'], 'REJECT'), 403, 'forbidden');
      assertProblem(assert, await act('kalsel.kabid', pa.app['63.71'], 'DETERMINE'), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/applications'), pa.apps, 'nothing changed');
    },
  },
  {
    method: 'PATCH', path: '/api/v1/party-aid/applications/{id}/verification-team', permission: 'record.write', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/applications/${pa.app?.['63.72']?.id ?? 1}/verification-team`,
    scope: async () => {
      const team = { decree_no: 'SK Tim Uji', members: [{ name: 'Diambil alih', role: 'KETUA' }] };
      const put = (u, a) => as[u].patch(`/api/v1/party-aid/applications/${a.id}/verification-team`, team, { headers: { 'If-Match': `"${a.version}"` } });
      assertProblem(assert, await put('banjarbaru.operator', pa.app['63.71']), 404);
      assertProblem(assert, await put('banjarmasin.operator', pa.app['63']), 404);
      assertProblem(assert, await put('kalsel.operator', pa.app['64']), 404);
      assertProblem(assert, await put('bpk.auditor', pa.app['63.71']), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/applications'), pa.apps, 'nothing changed');
    },
  },
  ...[['berita-acara-verifikasi.pdf', 'banpol.verification_not_scheduled'], ['berita-acara-serah-terima.pdf', 'banpol.not_disbursed']]
    .map(([doc, notYet]) => ({
      method: 'GET', path: `/api/v1/party-aid/applications/{id}/${doc}`, permission: 'record.read', allowed: [404, 409], module: 'party_aid',
      probe: () => `/api/v1/party-aid/applications/${pa.app?.['63.72']?.id ?? 1}/${doc}`,
      scope: async () => {
        for (const [u, c] of Object.entries(as)) {
          for (const r of ['63.71', '63.72', '64']) {
            const a = pa.app[r];
            const res = await c.get(`/api/v1/party-aid/applications/${a.id}/${doc}`);
            if (within(r, USERS[u].region)) {
              // Just received: no document yet, but the caller may know why.
              assertProblem(assert, res, 409, notYet);
            } else {
              assertProblem(assert, res, 404);
              assert.ok(!res.text.includes(a.letter_no), 'nothing of the application in the refusal');
            }
          }
        }
      },
    })),
  {
    method: 'GET', path: '/api/v1/party-aid/allocations/keputusan.pdf', permission: 'record.read', allowed: [200, 409, 422], module: 'party_aid',
    probe: '/api/v1/party-aid/allocations/keputusan.pdf?year=2025',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const r of PA_REGIONS) {
          const res = await c.get(`/api/v1/party-aid/allocations/keputusan.pdf?region=${r}&year=2025`);
          if (!within(r, USERS[u].region)) {
            assertProblem(assert, res, 404);
            continue;
          }
          if (r === '63.71' || r === '63.72') {
            // Results imported above: three parties with seats.
            assert.equal(res.status, 200, `${u} decree of ${r}`);
            assert.equal(res.headers.get('content-type'), 'application/pdf');
            assert.equal(res.bytes.subarray(0, 4).toString(), '%PDF');
          } else {
            // The province's DPRD votes are not known yet; Kaltim has no results.
            assert.equal(res.status, 409, `${u} decree of ${r}`);
          }
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/party-aid/evaluation.xlsx', permission: 'record.read', allowed: [200], module: 'party_aid',
    probe: '/api/v1/party-aid/evaluation.xlsx?year=2025',
    scope: async () => {
      for (const u of ['admin', 'kalsel.operator', 'banjarmasin.operator', 'banjarbaru.operator', 'kaltim.operator', 'bpk.auditor']) {
        for (const r of PA_REGIONS) {
          const res = await as[u].get(`/api/v1/party-aid/evaluation.xlsx?region=${r}&year=2025`, { raw: true });
          if (within(r, USERS[u].region)) {
            assert.equal(res.status, 200, `${u} recap of ${r}`);
            assert.equal(res.bytes.readUInt32LE(0), 0x04034b50, 'a ZIP (XLSX) file');
            const text = unzipText(res.bytes);
            // The other kab/kota's application never shows.
            for (const other of ['63.71', '63.72', '64']) {
              if (!within(other, r)) assert.ok(!text.includes(`>${other}<`), `${u}: recap of ${r} names ${other}`);
            }
          } else {
            assert.equal(res.status, 404, `${u} must not get the recap of ${r}`);
          }
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/party-aid/lpj', permission: 'record.read', allowed: [200], module: 'party_aid',
    scope: async () => {
      for (const r of PA_REGIONS) assert.ok(pa.lpj.some((l) => l.region_code === r), `an LPJ of ${r}`);
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/party-aid/lpj');
        assert.deepEqual(sorted(seen.map((l) => l.id)), sorted(pa.lpj.filter((l) => within(l.region_code, USERS[u].region)).map((l) => l.id)), `${u} LPJ`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/party-aid/lpj', permission: 'record.write', allowed: [422], module: 'party_aid',
    scope: async () => {
      const p = '/api/v1/party-aid/lpj';
      assertProblem(assert, await as['banjarbaru.operator'].post(p, lpjBody('63.71', 'PKB')), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.operator'].post(p, lpjBody('63', 'PKB')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, lpjBody('64', 'PKB')), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/lpj'), pa.lpj, 'nothing recorded');
    },
  },
  {
    method: 'PATCH', path: '/api/v1/party-aid/lpj/{id}', permission: 'record.write', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/lpj/${pa.lpjOf?.['63.72']?.id ?? 1}`,
    scope: async () => {
      const patch = (u, l) => as[u].patch(`/api/v1/party-aid/lpj/${l.id}`, { submitted_to_bpk: '2025-01-20', note: 'Diubah' },
        { headers: { 'If-Match': `"${l.version}"` } });
      assertProblem(assert, await patch('banjarbaru.operator', pa.lpjOf['63.71']), 404);
      assertProblem(assert, await patch('banjarmasin.operator', pa.lpjOf['63']), 404);
      assertProblem(assert, await patch('kalsel.operator', pa.lpjOf['64']), 404);
      assertProblem(assert, await patch('bpk.auditor', pa.lpjOf['63.71']), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/lpj'), pa.lpj, 'nothing changed');
    },
  },
  // ---- services: the public service desk (portal rows are public; staff rows scoped by region) ----
  { method: 'GET', path: '/api/v1/public/layanan/offices', public: true, module: 'services',
    scope: async () => sameForEveryone('/api/v1/public/layanan/offices') },
  { method: 'GET', path: '/api/v1/public/layanan/offices/{region}', public: true, module: 'services', probe: '/api/v1/public/layanan/offices/63',
    scope: async () => sameForEveryone('/api/v1/public/layanan/offices/63.71') },
  { method: 'GET', path: '/api/v1/public/layanan/forms', public: true, module: 'services',
    scope: async () => sameForEveryone('/api/v1/public/layanan/forms') },
  { method: 'POST', path: '/api/v1/public/layanan/files', public: true, module: 'services',
    scope: async () => {
      // Not a multipart upload: refused before anything is stored.
      const r = await srv.request('POST', '/api/v1/public/layanan/files', { json: {} });
      assertProblem(assert, r, 415);
    } },
  { method: 'POST', path: '/api/v1/public/layanan/requests', public: true, module: 'services',
    scope: async () => {
      const r = await srv.request('POST', '/api/v1/public/layanan/requests', { json: { kind: 'COMPLAINT', office: '63.72', applicant_name: 'Uji', applicant_contact: 'uji@example.id', subject: 'Uji matriks', body: 'Isi' } });
      assert.equal(r.status, 422, 'Banjarbaru has no public services in the demo');
    } },
  { method: 'POST', path: '/api/v1/public/layanan/track', public: true, module: 'services',
    scope: async () => assertProblem(assert, await srv.request('POST', '/api/v1/public/layanan/track', { json: { reg_no: 'ADU-2026-0000-0000', secret: 'x' } }), 404, 'services.no_match') },
  { method: 'POST', path: '/api/v1/public/layanan/track/actions', public: true, module: 'services',
    scope: async () => assertProblem(assert, await srv.request('POST', '/api/v1/public/layanan/track/actions', { json: { reg_no: 'ADU-2026-0000-0000', secret: 'x', action: 'COMPLETE' } }), 404, 'services.no_match') },
  { method: 'POST', path: '/api/v1/public/layanan/track/survey', public: true, module: 'services',
    scope: async () => assertProblem(assert, await srv.request('POST', '/api/v1/public/layanan/track/survey', { json: { reg_no: 'ADU-2026-0000-0000', secret: 'x', scores: [4, 4, 4, 4, 4, 4, 4, 4, 4] } }), 404, 'services.no_match') },
  { method: 'POST', path: '/api/v1/public/layanan/track/letter', public: true, module: 'services',
    scope: async () => assertProblem(assert, await srv.request('POST', '/api/v1/public/layanan/track/letter', { json: { reg_no: 'SKP-2026-0000-0000', secret: 'x' } }), 404, 'services.no_match') },
  { method: 'GET', path: '/api/v1/services/cases', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => {
      const all = (await as.admin.get('/api/v1/services/cases?all=1')).json.items;
      assert.ok(all.some((c) => c.region_code === '63') && all.some((c) => c.region_code === '63.71'));
      for (const [u, c] of Object.entries(as)) {
        const seen = (await c.get('/api/v1/services/cases?all=1')).json.items;
        const expect = all.filter((x) => within(x.region_code, USERS[u].region));
        for (const x of expect) assert.ok(seen.some((y) => y.id === x.id), `${u} sees ${x.reg_no}`);
        for (const y of seen) assert.ok(within(y.region_code, USERS[u].region) || y.read_only, `${u} sees only its area (${y.region_code})`);
      }
    } },
  { method: 'POST', path: '/api/v1/services/cases', permission: 'record.write', allowed: [422], module: 'services',
    scope: async () => {
      const body = { kind: 'COMPLAINT', office: '63.71', applicant_name: 'Uji', subject: 'Uji', body: 'Isi' };
      assertProblem(assert, await as['banjarbaru.operator'].post('/api/v1/services/cases', body), 403, 'forbidden');
      assertProblem(assert, await as['kaltim.operator'].post('/api/v1/services/cases', { ...body, office: '63' }), 403, 'forbidden');
    } },
  { method: 'GET', path: '/api/v1/services/cases/{id}', permission: 'record.read', allowed: [200, 404], module: 'services',
    scope: async () => {
      const all = (await as.admin.get('/api/v1/services/cases?all=1')).json.items;
      const some = [all.find((c) => c.region_code === '63'), all.find((c) => c.region_code === '63.71')];
      for (const [u, c] of Object.entries(as))
        for (const x of some) assert.equal((await c.get(`/api/v1/services/cases/${x.id}`)).status, within(x.region_code, USERS[u].region) ? 200 : 404, `${u} ${x.reg_no}`);
    } },
  { method: 'POST', path: '/api/v1/services/cases/{id}/steps', permission: 'record.write', allowed: [428], module: 'services',
    scope: async () => {
      const x = (await as.admin.get('/api/v1/services/cases?all=1')).json.items.find((c) => c.region_code === '63.71');
      assertProblem(assert, await as['banjarbaru.operator'].post(`/api/v1/services/cases/${x.id}/steps`, { action: 'CLOSE' }, { headers: { 'If-Match': `"${x.version}"` } }), 404);
    } },
  { method: 'PATCH', path: '/api/v1/services/cases/{id}/documents/{type}', permission: 'record.review', allowed: [428], module: 'services',
    probe: '/api/v1/services/cases/1/documents/PROPOSAL',
    scope: async () => {
      const x = (await as.admin.get('/api/v1/services/cases?all=1')).json.items.find((c) => c.region_code === '63');
      assertProblem(assert, await as['banjarbaru.kabid'].patch(`/api/v1/services/cases/${x.id}/documents/PROPOSAL`, { verdict: 'OK' }, { headers: { 'If-Match': `"${x.version}"` } }), 404);
    } },
  { method: 'GET', path: '/api/v1/services/cases/{id}/files/{file_id}', permission: 'record.read', allowed: [404], module: 'services',
    probe: '/api/v1/services/cases/1/files/999999',
    scope: async () => assert.equal((await as['banjarbaru.operator'].get('/api/v1/services/cases/1/files/1')).status, 404) },
  { method: 'GET', path: '/api/v1/services/cases/{id}/letter', permission: 'record.read', allowed: [404], module: 'services',
    probe: '/api/v1/services/cases/1/letter',
    scope: async () => assert.equal((await as['banjarbaru.operator'].get('/api/v1/services/cases/1/letter')).status, 404) },
  { method: 'POST', path: '/api/v1/services/cases/{id}/dispute', permission: 'record.write', allowed: [422], module: 'services',
    scope: async () => {
      const x = (await as.admin.get('/api/v1/services/cases?all=1&kind=INFO_OBJECTION')).json.items.find((c) => c.region_code === '63');
      if (x) assertProblem(assert, await as['banjarbaru.operator'].post(`/api/v1/services/cases/${x.id}/dispute`, { filed_on: '2026-01-05', ki_level: 'PROVINSI' }), 404);
    } },
  { method: 'PATCH', path: '/api/v1/services/disputes/{id}', permission: 'record.write', allowed: [428], module: 'services',
    scope: async () => assert.equal((await as['banjarbaru.operator'].patch('/api/v1/services/disputes/999999', { stage: 'MEDIATION', stage_on: '2026-12-02' }, { headers: { 'If-Match': '"1"' } })).status, 404) },
  { method: 'GET', path: '/api/v1/services/catalogue', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => {
      for (const [u, c] of Object.entries(as))
        for (const s of (await c.get('/api/v1/services/catalogue')).json.items) assert.ok(within(s.region_code, USERS[u].region), `${u} ${s.region_code}`);
    } },
  { method: 'PATCH', path: '/api/v1/services/catalogue/{id}', permission: 'record.review', allowed: [428], module: 'services',
    scope: async () => {
      const s = (await as.admin.get('/api/v1/services/catalogue')).json.items.find((x) => x.region_code === '63.71');
      assertProblem(assert, await as['banjarbaru.kabid'].patch(`/api/v1/services/catalogue/${s.id}`, { sla_working_days: 1 }, { headers: { 'If-Match': `"${s.version}"` } }), 404);
    } },
  { method: 'GET', path: '/api/v1/services/catalogue/{id}/standards', permission: 'record.read', allowed: [200, 404], module: 'services',
    scope: async () => {
      const s = (await as.admin.get('/api/v1/services/catalogue')).json.items.find((x) => x.region_code === '63.71');
      for (const [u, c] of Object.entries(as))
        assert.equal((await c.get(`/api/v1/services/catalogue/${s.id}/standards`)).status, within('63.71', USERS[u].region) ? 200 : 404, u);
    } },
  { method: 'POST', path: '/api/v1/services/catalogue/{id}/standards', permission: 'record.review', allowed: [428], module: 'services',
    scope: async () => {
      const s = (await as.admin.get('/api/v1/services/catalogue')).json.items.find((x) => x.region_code === '63.71');
      assert.equal((await as['banjarbaru.kabid'].post(`/api/v1/services/catalogue/${s.id}/standards`, { effective_from: '2027-01-01', components: {} },
        { headers: { 'If-Match': '"1"' } })).status, 404);
    } },
  { method: 'POST', path: '/api/v1/services/catalogue/{id}/standards/{version_no}/publish', permission: 'record.review', allowed: [404], module: 'services',
    probe: '/api/v1/services/catalogue/999999/standards/1/publish',
    scope: async () => {
      const s = (await as.admin.get('/api/v1/services/catalogue')).json.items.find((x) => x.region_code === '63.71');
      assert.equal((await as['banjarbaru.kabid'].post(`/api/v1/services/catalogue/${s.id}/standards/1/publish`)).status, 404);
    } },
  { method: 'GET', path: '/api/v1/services/information', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => {
      for (const [u, c] of Object.entries(as))
        for (const i of (await c.get('/api/v1/services/information')).json.items) assert.ok(within(i.region_code, USERS[u].region), `${u} ${i.region_code}`);
    } },
  { method: 'POST', path: '/api/v1/services/information', permission: 'record.write', allowed: [422], module: 'services',
    scope: async () => {
      const r = await as['banjarbaru.operator'].post('/api/v1/services/information', { class: 'BERKALA', title: 'Uji matriks DIP' });
      assert.equal(r.status, 201);
      const seen = (await as['banjarmasin.operator'].get('/api/v1/services/information')).json.items;
      assert.ok(!seen.some((i) => i.title === 'Uji matriks DIP'), 'Banjarmasin does not see Banjarbaru\'s list');
      assert.equal((await as['banjarmasin.operator'].del(`/api/v1/services/information/${r.json.id}`)).status, 404);
    } },
  { method: 'PATCH', path: '/api/v1/services/information/{id}', permission: 'record.write', allowed: [404, 428], module: 'services',
    probe: '/api/v1/services/information/999999',
    scope: async () => {
      const i = (await as.admin.get('/api/v1/services/information')).json.items.find((x) => x.region_code === '63.71');
      assert.equal((await as['banjarbaru.operator'].patch(`/api/v1/services/information/${i.id}`, { class: 'BERKALA', title: 'x' }, { headers: { 'If-Match': `"${i.version}"` } })).status, 404);
    } },
  { method: 'DELETE', path: '/api/v1/services/information/{id}', permission: 'record.write', allowed: [404], module: 'services',
    probe: '/api/v1/services/information/999999',
    scope: async () => assert.equal((await as['kaltim.operator'].del('/api/v1/services/information/1')).status, 404) },
  { method: 'GET', path: '/api/v1/services/recap', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => {
      for (const [u, c] of Object.entries(as))
        for (const i of (await c.get('/api/v1/services/recap')).json.items) assert.ok(within(i.region_code, USERS[u].region), `${u} ${i.region_code}`);
      // ?region= narrows within the scope; another office's subtree is as absent as an unknown one.
      for (const i of (await as['kalsel.operator'].get('/api/v1/services/recap?region=63.71')).json.items) assert.equal(i.region_code, '63.71');
      assertProblem(assert, await as['tanahlaut.operator'].get('/api/v1/services/recap?region=63.71'), 404);
    } },
  { method: 'GET', path: '/api/v1/services/skm', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => {
      for (const [u, c] of Object.entries(as))
        for (const i of (await c.get('/api/v1/services/skm')).json.items) assert.ok(within(i.region_code, USERS[u].region), `${u} ${i.region_code}`);
    } },
  { method: 'GET', path: '/api/v1/services/ppid-report', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => {
      const y = new Date().getUTCFullYear();
      const nat = (await as.admin.get(`/api/v1/services/ppid-report?year=${y}`)).json;
      const tl = (await as['tanahlaut.operator'].get(`/api/v1/services/ppid-report?year=${y}`)).json;
      assert.equal(tl.requests_received, 0, 'Tanah Laut has no requests');
      assert.ok(nat.requests_received >= tl.requests_received);
    } },
  // The Ombudsman self-assessment: an office's assessments within the caller's region subtree.
  { method: 'GET', path: '/api/v1/services/self-assessments/checklist', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => sameForEveryone('/api/v1/services/self-assessments/checklist') },
  { method: 'GET', path: '/api/v1/services/self-assessments', permission: 'record.read', allowed: [200], module: 'services',
    scope: async () => {
      const made = await as['banjarbaru.operator'].post('/api/v1/services/self-assessments', { year: 2025 });
      assert.equal(made.status, 201, made.text);
      for (const [u, c] of Object.entries(as))
        for (const i of (await c.get('/api/v1/services/self-assessments')).json.items ?? [])
          assert.ok(within(i.region_code, USERS[u].region), `${u} ${i.region_code}`);
      assert.ok(!(await as['banjarmasin.operator'].get('/api/v1/services/self-assessments')).json.items.some((i) => i.id === made.json.id));
    } },
  { method: 'POST', path: '/api/v1/services/self-assessments', permission: 'record.write', allowed: [422], module: 'services',
    scope: async () => assertProblem(assert, await as['banjarmasin.operator'].post('/api/v1/services/self-assessments', { year: 2024, region_code: '63.72' }), 404) },
  { method: 'GET', path: '/api/v1/services/self-assessments/{id}', permission: 'record.read', allowed: [404], module: 'services',
    probe: '/api/v1/services/self-assessments/999999',
    scope: async () => {
      const own = (await as['banjarbaru.operator'].get('/api/v1/services/self-assessments')).json.items[0];
      assert.ok(own, 'Banjarbaru has an assessment');
      assertProblem(assert, await as['banjarmasin.operator'].get(`/api/v1/services/self-assessments/${own.id}`), 404);
      assert.equal((await as['kalsel.operator'].get(`/api/v1/services/self-assessments/${own.id}`)).status, 200, 'the province reads it');
    } },
  { method: 'PATCH', path: '/api/v1/services/self-assessments/{id}/answers', permission: 'record.write', allowed: [428], module: 'services',
    probe: '/api/v1/services/self-assessments/999999/answers',
    scope: async () => {
      const own = (await as['banjarbaru.operator'].get('/api/v1/services/self-assessments')).json.items[0];
      assertProblem(assert, await as['banjarmasin.operator'].patch(`/api/v1/services/self-assessments/${own.id}/answers`, { item: 'IN01', answer: 'YES' },
        { headers: { 'If-Match': `"${own.version}"` } }), 404);
    } },
  { method: 'POST', path: '/api/v1/services/self-assessments/{id}/evidence', permission: 'record.write', allowed: [428], module: 'services',
    probe: '/api/v1/services/self-assessments/999999/evidence',
    scope: async () => {
      const own = (await as['banjarbaru.operator'].get('/api/v1/services/self-assessments')).json.items[0];
      assertProblem(assert, await as['banjarmasin.operator'].post(`/api/v1/services/self-assessments/${own.id}/evidence`, { item: 'IN01', file_id: 1 },
        { headers: { 'If-Match': `"${own.version}"` } }), 404);
    } },
  // The annual PPID and SKM reports of an office and its subtree: another office's is 404.
  ...['/api/v1/services/ppid-report.pdf', '/api/v1/services/ppid-report.xlsx', '/api/v1/services/skm-report.pdf', '/api/v1/services/skm-report.xlsx',
    '/api/v1/services/recap.xlsx']
    .map((path) => ({ method: 'GET', path, permission: 'record.read', allowed: [200], module: 'services',
      scope: async () => {
        assertProblem(assert, await as['tanahlaut.operator'].get(`${path}?region=63`), 404);
        assertProblem(assert, await as['tanahlaut.operator'].get(`${path}?region=63.71`), 404);
        assert.equal((await as['kalsel.operator'].get(`${path}?region=63.71`)).status, 200, 'the province reads its kab/kota');
      } })),

  // Issue 17: the incidents workbook beside the CSV, and the reviewer's "first year" decision.
  {
    method: 'GET', path: '/api/v1/conflict/incidents.xlsx', permission: 'record.read', allowed: [200], module: 'conflict',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/conflict/incidents.xlsx', { raw: true });
        assert.equal(r.status, 200);
        const text = unzipText(r.bytes);
        for (const x of cf.incidents) {
          if (x.description && !visible([x], u).length) assert.ok(!text.includes(x.description), `${u}: no text of incident ${x.id}`);
          if (x.description && visible([x], u).length) assert.ok(text.includes(x.description), `${u}: incident ${x.id} exported`);
        }
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/party-aid/applications/{id}/first-year', permission: 'record.read', allowed: [428], module: 'party_aid',
    probe: () => `/api/v1/party-aid/applications/${pa.app?.['63.72']?.id ?? 1}/first-year`,
    scope: async () => {
      const decide = (u, a) => as[u].patch(`/api/v1/party-aid/applications/${a.id}/first-year`, { first_year: true, reason: 'Uji matriks' },
        { headers: { 'If-Match': `"${a.version}"` } });
      assertProblem(assert, await decide('banjarbaru.kabid', pa.app['63.71']), 404);
      assertProblem(assert, await decide('kalsel.kabid', pa.app['64']), 404);
      // In scope, the decision is a reviewer's (record.review), not the applicant's office's.
      assertProblem(assert, await decide('banjarmasin.operator', pa.app['63.71']), 403, 'forbidden');
      assertProblem(assert, await decide('bpk.auditor', pa.app['63.71']), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/party-aid/applications'), pa.apps, 'nothing changed');
    },
  },  // ---- democracy index: official values, evidence log, proposals, provisional index ----
  ...['indicators', 'values?year=2023', 'coverage?year=2023', 'trend?province=63', 'choropleth?year=2023&aspect=KEBEBASAN', 'weights'].map((q) => ({
    method: 'GET', path: `/api/v1/democracy/${q.split('?')[0]}`, permission: 'record.read', allowed: [200], module: 'democracy',
    probe: `/api/v1/democracy/${q}`,
    scope: async () => sameForEveryone(`/api/v1/democracy/${q}`),
  })),
  {
    method: 'POST', path: '/api/v1/democracy/values/import', permission: 'user.admin', module: 'democracy',
    allowed: (u) => (USERS[u].region === '' ? [422] : [403]),
    scope: async () => {
      const body = 'year,level,province_code,scope,aspect,indicator_no,method,value,rank,source_release\n2023,PROVINSI,63,TOTAL,,,NEW_2021,99.00,,uji\n';
      for (const u of ['kalsel.admin', 'banjarbaru.admin']) {
        assertProblem(assert, await as[u].request('POST', '/api/v1/democracy/values/import', { body, headers: { 'Content-Type': 'text/csv' } }), 403, 'forbidden');
      }
      assert.deepEqual((await as.admin.get('/api/v1/democracy/values')).json, dm.values, 'official values unchanged');
    },
  },
  {
    method: 'POST', path: '/api/v1/democracy/weights', permission: 'user.admin', allowed: [422], module: 'democracy',
    scope: async () => {
      const indicators = Object.fromEntries(Array.from({ length: 22 }, (_, i) => [String(i + 1), i < 14 ? (i === 6 || i === 13 ? 0.1426 : 0.1429) : 0.125]));
      const body = { code: 'UJI', name: 'Uji', source: 'uji', decided_on: '2026-01-01', aspects: { KEBEBASAN: 0.3333, KESETARAAN: 0.3333, KAPASITAS: 0.3334 }, indicators };
      assertProblem(assert, await as['kalsel.admin'].post('/api/v1/democracy/weights', body), 403, 'forbidden');
      assert.deepEqual((await as.admin.get('/api/v1/democracy/weights')).json, dm.weights, 'no weight set added');
    },
  },
  {
    method: 'GET', path: '/api/v1/democracy/evidence', permission: 'record.read', allowed: [200], module: 'democracy',
    scope: async () => {
      for (const r of ['63.71', '63.72', '63', '64']) assert.ok(dm.evidence.some((e) => e.region_code === r), `evidence of ${r}`);
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/democracy/evidence');
        assert.deepEqual(sorted(seen.map((e) => e.id)), sorted(visible(dm.evidence, u).map((e) => e.id)), `${u} evidence`);
      }
      // A region filter outside the caller's area narrows nothing open.
      assert.deepEqual((await as['banjarbaru.operator'].get('/api/v1/democracy/evidence?region=63.71')).json.items, []);
    },
  },
  {
    method: 'POST', path: '/api/v1/democracy/evidence', permission: 'record.write', allowed: [422], module: 'democracy',
    scope: async () => {
      const p = '/api/v1/democracy/evidence';
      assertProblem(assert, await as['banjarbaru.operator'].post(p, evidenceBody('63.71')), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.operator'].post(p, evidenceBody('63')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post(p, evidenceBody('64')), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.operator'].post(p, evidenceBody('63.71', { classification: 'RAHASIA' })), 422);
      assert.deepEqual(await as.admin.all(p), dm.evidence, 'nothing recorded');
    },
  },
  {
    method: 'GET', path: '/api/v1/democracy/evidence/{id}', permission: 'record.read', allowed: [200, 404], module: 'democracy',
    probe: () => `/api/v1/democracy/evidence/${dm.evBjb?.id ?? 1}`,
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const e of dm.evidence) {
          const r = await c.get(`/api/v1/democracy/evidence/${e.id}`);
          assert.equal(r.status, visible([e], u).length ? 200 : 404, `${u} evidence ${e.id} (${e.region_code}, ${e.classification})`);
        }
      }
    },
  },
  ...[['PATCH', 'patch'], ['DELETE', 'del']].map(([method, fn]) => ({
    method, path: '/api/v1/democracy/evidence/{id}', permission: 'record.write', allowed: [428], module: 'democracy',
    probe: () => `/api/v1/democracy/evidence/${dm.evBjb?.id ?? 1}`,
    scope: async () => {
      const call = (u, e) => (fn === 'patch'
        ? as[u].patch(`/api/v1/democracy/evidence/${e.id}`, evidenceBody(e.region_code), { headers: { 'If-Match': `"${e.version}"` } })
        : as[u].del(`/api/v1/democracy/evidence/${e.id}`, { headers: { 'If-Match': `"${e.version}"` } }));
      assertProblem(assert, await call('banjarbaru.operator', dm.evBjm), 404);
      assertProblem(assert, await call('banjarmasin.operator', dm.evBjb), 404);
      assertProblem(assert, await call('kalsel.operator', dm.evR), 404);
      assertProblem(assert, await call('kalsel.operator', dm.evKaltim), 404);
      assertProblem(assert, await call('bpk.auditor', dm.evBjm), 403, 'forbidden');
      assert.deepEqual(await as.admin.all('/api/v1/democracy/evidence'), dm.evidence, 'nothing changed');
    },
  })),
  {
    method: 'GET', path: '/api/v1/democracy/proposals', permission: 'record.read', allowed: [200], module: 'democracy',
    scope: async () => {
      for (const r of ['63.71', '63.72', '63', '64.71']) assert.ok(dm.proposals.some((p) => p.region_code === r), `a proposal in ${r}`);
      for (const cls of ['TERBATAS', 'RAHASIA']) assert.ok(dm.proposals.some((p) => p.classification === cls), `a ${cls} proposal`);
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/democracy/proposals');
        assert.deepEqual(sorted(seen.map((p) => p.id)), sorted(visible(dm.proposals, u).map((p) => p.id)), `${u} proposals`);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/democracy/proposals/{id}', permission: 'record.read', allowed: [200, 404], module: 'democracy',
    probe: () => `/api/v1/democracy/proposals/${dm.proposals?.[0]?.id ?? 1}`,
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const p of dm.proposals) {
          const r = await c.get(`/api/v1/democracy/proposals/${p.id}`);
          assert.equal(r.status, visible([p], u).length ? 200 : 404, `${u} proposal ${p.id} (${p.region_code}, ${p.classification})`);
        }
      }
    },
  },
  ...['accept', 'dismiss'].map((action) => ({
    method: 'POST', path: `/api/v1/democracy/proposals/{id}/${action}`, permission: 'record.review', allowed: [428], module: 'democracy',
    probe: () => `/api/v1/democracy/proposals/${dm.proposals?.[0]?.id ?? 1}/${action}`,
    scope: async () => {
      const decide = (u, p) => as[u].post(`/api/v1/democracy/proposals/${p.id}/${action}`, {}, { headers: { 'If-Match': `"${p.version}"` } });
      const of = (region, cls = 'BIASA') => dm.proposals.find((p) => p.region_code === region && p.classification === cls);
      assertProblem(assert, await decide('banjarbaru.kabid', of('63.71')), 404);
      assertProblem(assert, await decide('banjarmasin.kaban', of('63.72')), 404);
      assertProblem(assert, await decide('kalsel.kabid', of('63', 'RAHASIA')), 404);
      assertProblem(assert, await decide('kalsel.kabid', of('64.71')), 404);
      assert.deepEqual(await as.admin.all('/api/v1/democracy/proposals'), dm.proposals, 'nothing decided');
      assert.deepEqual(await as.admin.all('/api/v1/democracy/evidence'), dm.evidence, 'no evidence made');
    },
  })),
  {
    method: 'GET', path: '/api/v1/democracy/proposal-rules', permission: 'user.admin', allowed: [200], module: 'democracy',
    scope: async () => {
      for (const u of admins()) assert.deepEqual((await as[u].get('/api/v1/democracy/proposal-rules')).json, dm.rules, u);
    },
  },
  {
    method: 'PATCH', path: '/api/v1/democracy/proposal-rules/{id}', permission: 'user.admin', allowed: [428], module: 'democracy',
    probe: '/api/v1/democracy/proposal-rules/1',
    scope: async () => {
      const rule = dm.rules.items[0];
      for (const u of ['kalsel.admin', 'banjarbaru.admin']) {
        assertProblem(assert, await as[u].patch(`/api/v1/democracy/proposal-rules/${rule.id}`, { active: false }, { headers: { 'If-Match': `"${rule.version}"` } }), 403, 'forbidden');
      }
      assert.deepEqual((await as.admin.get('/api/v1/democracy/proposal-rules')).json, dm.rules, 'rules unchanged');
    },
  },
  {
    method: 'GET', path: '/api/v1/democracy/provisional', permission: 'record.read', module: 'democracy',
    probe: '/api/v1/democracy/provisional?year=2023', allowed: (u) => (USERS[u].region === '' ? [422] : [200]),
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const region of ['63', '63.71', '63.72', '64']) {
          const r = await c.get(`/api/v1/democracy/provisional?region=${region}&year=2023`);
          assert.equal(r.status, within(region, USERS[u].region) ? 200 : 404, `${u} provisional index of ${region}`);
          if (r.status === 200) {
            assert.equal(r.json.official, false);
            assert.match(r.json.label.id, /BUKAN angka resmi BPS/);
            assert.ok(r.json.kabkota.every((k) => within(k.code, USERS[u].region)), `${u} sees only kab/kota in its area`);
          }
        }
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/democracy/backtest', permission: 'record.read', allowed: [200], module: 'democracy',
    probe: '/api/v1/democracy/backtest?year=2023',
    scope: async () => {
      const r = await as['kaltim.operator'].get('/api/v1/democracy/backtest?year=2023');
      assert.ok(r.json.items.every((x) => x.province_code === '64'), 'another province is not shown');
    },
  },
  {
    method: 'GET', path: '/api/v1/democracy/plan', permission: 'record.read', module: 'democracy',
    probe: '/api/v1/democracy/plan?year=2026', allowed: (u) => (USERS[u].region === '' ? [422] : [200]),
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        for (const region of ['63', '63.71', '63.72', '64']) {
          const r = await c.get(`/api/v1/democracy/plan?region=${region}&year=2026`);
          assert.equal(r.status, within(region, USERS[u].region) ? 200 : 404, `${u} plan of ${region}`);
        }
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/democracy/plan', permission: 'record.write', allowed: [422], module: 'democracy',
    scope: async () => {
      const body = (region) => ({ region_code: region, year: 2026, indicator_no: 3, action: 'Dialog lintas iman', owner_person: 'Kabid', due_date: '2026-12-31' });
      assertProblem(assert, await as['banjarbaru.operator'].post('/api/v1/democracy/plan', body('63.71')), 403, 'forbidden');
      assertProblem(assert, await as['banjarmasin.operator'].post('/api/v1/democracy/plan', body('63')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post('/api/v1/democracy/plan', body('64')), 403, 'forbidden');
      assert.deepEqual((await as.admin.get('/api/v1/democracy/plan?region=63.71&year=2026')).json.items, [], 'nothing added');
    },
  },
  ...['pdf', 'xlsx'].map((ext) => ({
    method: 'GET', path: `/api/v1/democracy/export.${ext}`, permission: 'record.read', module: 'democracy',
    probe: `/api/v1/democracy/export.${ext}?year=2023`, allowed: (u) => (USERS[u].region === '' ? [422] : [200]),
    scope: async () => {
      assertProblem(assert, await as['banjarmasin.operator'].get(`/api/v1/democracy/export.${ext}?region=63.72&year=2023`), 404);
      assertProblem(assert, await as['kalsel.operator'].get(`/api/v1/democracy/export.${ext}?region=64&year=2023`), 404);
      assert.equal((await as['kalsel.operator'].get(`/api/v1/democracy/export.${ext}?region=63&year=2023`)).status, 200);
    },
  })),
  // Meetings (module meetings): the demo's province rakor (63) and Kota Banjarmasin's forum (63.71).
  { method: 'GET', path: '/api/v1/meetings', permission: 'record.read', allowed: [200], module: 'meetings', scope: async () => meetingScope() },
  { method: 'POST', path: '/api/v1/meetings', permission: 'record.write', allowed: [422], module: 'meetings', scope: async () => {
    const r = await as['banjarmasin.operator'].post('/api/v1/meetings', {
      type: 'RAPAT_TIM', title: 'Rapat uji matriks', region_code: '63', start_at: '2030-01-01T01:00:00Z', end_at: '2030-01-01T03:00:00Z',
    });
    assertProblem(assert, r, 403);
  } },
  { method: 'GET', path: '/api/v1/meetings/tracker', permission: 'record.read', allowed: [200], module: 'meetings', scope: async () => {
    for (const [u, c] of Object.entries(as)) {
      const r = await c.get('/api/v1/meetings/tracker?limit=500');
      if (r.status === 403) continue;
      assert.equal(r.status, 200, r.text);
      const region = USERS[u].region;
      for (const item of r.json.items) assert.ok(within(item.region_code, region), `${u} sees an item of ${item.region_code}`);
    }
    const city = await as['banjarmasin.operator'].get('/api/v1/meetings/tracker?limit=500');
    assert.ok(city.json.items.length > 0, 'the city sees what it owes to the provincial rakor');
  } },
  { method: 'GET', path: '/api/v1/meetings/tracker.xlsx', permission: 'record.read', allowed: [200], module: 'meetings', scope: async () => {
    const r = await as['kaltim.operator'].get('/api/v1/meetings/tracker.xlsx', { raw: true });
    assert.equal(r.status, 200);
    assert.ok(!unzipText(r.bytes).includes('Tabalong'), 'another province sees none of Kalimantan Selatan');
  } },
  { method: 'GET', path: '/api/v1/meetings/realised', permission: 'record.read', allowed: [200], module: 'meetings', scope: async () => {
    const r = await as['kaltim.operator'].get('/api/v1/meetings/realised');
    assert.deepEqual(r.json.items, []);
  } },
  { method: 'GET', path: '/api/v1/meetings/links', permission: 'record.read', probe: '/api/v1/meetings/links?kind=incident&id=1', allowed: [200], module: 'meetings',
    scope: async () => assert.equal((await as['kaltim.operator'].get('/api/v1/meetings/links?kind=incident&id=1')).json.items.length, 0) },
  { method: 'GET', path: '/api/v1/meetings/{id}', permission: 'record.read', allowed: [200, 404], module: 'meetings', scope: async () => meetingScope() },
  { method: 'PATCH', path: '/api/v1/meetings/{id}', permission: 'record.write', allowed: [428, 404], module: 'meetings', scope: async () => foreignMeeting('PATCH', '') },
  { method: 'POST', path: '/api/v1/meetings/{id}/actions', permission: 'record.write', allowed: [428, 404], module: 'meetings', scope: async () => foreignMeeting('POST', '/actions', { action: 'CANCEL' }) },
  { method: 'POST', path: '/api/v1/meetings/{id}/participants', permission: 'record.write', allowed: [422, 404], module: 'meetings',
    scope: async () => foreignMeeting('POST', '/participants', { name: 'Penyusup' }) },
  { method: 'PATCH', path: '/api/v1/meetings/{id}/participants/{pid}', permission: 'record.write', probe: '/api/v1/meetings/1/participants/1', allowed: [422, 404], module: 'meetings',
    scope: async () => foreignMeeting('PATCH', '/participants/1', { name: 'Penyusup' }) },
  { method: 'POST', path: '/api/v1/meetings/{id}/minutes', permission: 'record.write', allowed: [409, 404], module: 'meetings', scope: async () => foreignMeeting('POST', '/minutes') },
  { method: 'POST', path: '/api/v1/meetings/{id}/minutes/approve', permission: 'record.review', allowed: [409, 404], module: 'meetings', scope: async () => foreignMeeting('POST', '/minutes/approve', {}, 'banjarbaru.kabid') },
  { method: 'POST', path: '/api/v1/meetings/{id}/agreements', permission: 'record.write', allowed: [422, 404], module: 'meetings',
    scope: async () => foreignMeeting('POST', '/agreements', { text: 'Penyusup', category: 'POLICY' }) },
  { method: 'PATCH', path: '/api/v1/meetings/{id}/agreements/{aid}', permission: 'record.write', probe: '/api/v1/meetings/1/agreements/1', allowed: [428, 404], module: 'meetings',
    scope: async () => foreignMeeting('PATCH', '/agreements/1', { text: 'Penyusup', category: 'POLICY' }) },
  { method: 'POST', path: '/api/v1/meetings/{id}/action-items', permission: 'record.write', allowed: [422, 404], module: 'meetings',
    scope: async () => foreignMeeting('POST', '/action-items', { action: 'Penyusup', due_date: '2030-01-01' }) },
  { method: 'POST', path: '/api/v1/meetings/{id}/sign', permission: 'record.read', allowed: [409, 404], module: 'meetings', scope: async () => foreignMeeting('POST', '/sign') },
  { method: 'GET', path: '/api/v1/meetings/{id}/berita-acara.pdf', permission: 'record.read', allowed: [404], module: 'meetings', scope: async () => {
    const id = await forumId();
    const r = await as['banjarmasin.operator'].get(`/api/v1/meetings/${id}/berita-acara.pdf`, { raw: true });
    assert.equal(r.status, 200);
    assert.ok(r.headers.get('x-document-code'));
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/meetings/${id}/berita-acara.pdf`), 404);
  } },
  { method: 'GET', path: '/api/v1/meetings/{id}/surat-undangan.pdf', permission: 'record.read', allowed: [404], module: 'meetings', scope: async () => {
    const id = await forumId();
    const r = await as['banjarmasin.operator'].get(`/api/v1/meetings/${id}/surat-undangan.pdf`, { raw: true });
    assert.equal(r.status, 200);
    assert.ok(r.headers.get('x-document-code'));
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/meetings/${id}/surat-undangan.pdf`), 404);
  } },
  { method: 'GET', path: '/api/v1/meetings/{id}/daftar-hadir.pdf', permission: 'record.read', allowed: [404], module: 'meetings', scope: async () => {
    const id = await forumId();
    const r = await as['banjarmasin.operator'].get(`/api/v1/meetings/${id}/daftar-hadir.pdf`, { raw: true });
    assert.equal(r.status, 200);
    assert.ok(r.headers.get('x-document-code'));
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/meetings/${id}/daftar-hadir.pdf`), 404);
  } },
  { method: 'GET', path: '/api/v1/meetings/{id}/notula.pdf', permission: 'record.read', allowed: [404], module: 'meetings', scope: async () => {
    const id = await forumId();
    const r = await as['banjarmasin.operator'].get(`/api/v1/meetings/${id}/notula.pdf`, { raw: true });
    assert.equal(r.status, 200);
    assert.ok(r.headers.get('x-document-code'));
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/meetings/${id}/notula.pdf`), 404);
  } },
  { method: 'GET', path: '/api/v1/meetings/{id}/laporan-kegiatan.pdf', permission: 'record.read', allowed: [404], module: 'meetings', scope: async () => {
    const id = await forumId();
    const r = await as['banjarmasin.operator'].get(`/api/v1/meetings/${id}/laporan-kegiatan.pdf`, { raw: true });
    assert.equal(r.status, 200);
    assert.ok(r.headers.get('x-document-code'));
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/meetings/${id}/laporan-kegiatan.pdf`), 404);
  } },
  { method: 'GET', path: '/api/v1/meetings/{id}/checkin-qr.svg', permission: 'record.write', allowed: [404], module: 'meetings', scope: async () => {
    const id = await forumId();
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/meetings/${id}/checkin-qr.svg`), 404);
    assertProblem(assert, await as['banjarmasin.operator'].get(`/api/v1/meetings/${id}/checkin-qr.svg`), 409);  // closed
  } },
  // Speakers with their materials and the photo documentation: a held meeting of Kota Banjarmasin.
  { method: 'GET', path: '/api/v1/meetings/{id}/speakers', permission: 'record.read', probe: '/api/v1/meetings/1/speakers', allowed: [200, 404], module: 'meetings',
    scope: async () => meetingFilesScope(async () => `/api/v1/meetings/${mf.meeting}/speakers`) },
  { method: 'POST', path: '/api/v1/meetings/{id}/speakers', permission: 'record.write', probe: '/api/v1/meetings/1/speakers', allowed: [422], module: 'meetings',
    scope: async () => foreignMeeting('POST', '/speakers', { name: 'Penyusup' }) },
  { method: 'PATCH', path: '/api/v1/meetings/{id}/speakers/{sid}', permission: 'record.write', probe: '/api/v1/meetings/1/speakers/1', allowed: [428], module: 'meetings',
    scope: async () => { await mf.setup(); await foreignFiles('PATCH', `/speakers/${mf.speaker.id}`, { name: 'Penyusup' }); } },
  { method: 'DELETE', path: '/api/v1/meetings/{id}/speakers/{sid}', permission: 'record.write', probe: '/api/v1/meetings/1/speakers/1', allowed: [428], module: 'meetings',
    scope: async () => { await mf.setup(); await foreignFiles('DELETE', `/speakers/${mf.speaker.id}`); } },
  { method: 'POST', path: '/api/v1/meetings/{id}/speakers/{sid}/materials', permission: 'record.write', probe: '/api/v1/meetings/1/speakers/1/materials', allowed: [404, 409, 422], module: 'meetings',
    scope: async () => {
      await mf.setup();
      const r = await as['banjarbaru.operator'].request('POST', `/api/v1/meetings/${mf.meeting}/speakers/${mf.speaker.id}/materials?name=x.pdf`,
        { body: samples.pdf(), headers: { 'Content-Type': 'application/pdf' } });
      assertProblem(assert, r, 404);
    } },
  { method: 'GET', path: '/api/v1/meetings/{id}/speakers/{sid}/materials/{fid}', permission: 'record.read', probe: '/api/v1/meetings/1/speakers/1/materials/1', allowed: [404], module: 'meetings',
    scope: async () => meetingFilesScope(async () => `/api/v1/meetings/${mf.meeting}/speakers/${mf.speaker.id}/materials/${mf.material}`) },
  { method: 'DELETE', path: '/api/v1/meetings/{id}/speakers/{sid}/materials/{fid}', permission: 'record.write', probe: '/api/v1/meetings/1/speakers/1/materials/1', allowed: [404, 409], module: 'meetings',
    scope: async () => { await mf.setup(); await foreignFiles('DELETE', `/speakers/${mf.speaker.id}/materials/${mf.material}`); } },
  { method: 'POST', path: '/api/v1/meetings/{id}/photos', permission: 'record.write', probe: '/api/v1/meetings/1/photos', allowed: [404, 409, 422], module: 'meetings',
    scope: async () => {
      await mf.setup();
      const r = await as['banjarbaru.operator'].request('POST', `/api/v1/meetings/${mf.meeting}/photos?caption=x`, { body: samples.png(), headers: { 'Content-Type': 'image/png' } });
      assertProblem(assert, r, 404);
    } },
  { method: 'GET', path: '/api/v1/meetings/{id}/photos/{pid}', permission: 'record.read', probe: '/api/v1/meetings/1/photos/1', allowed: [404], module: 'meetings',
    scope: async () => meetingFilesScope(async () => `/api/v1/meetings/${mf.meeting}/photos/${mf.photo}`) },
  { method: 'DELETE', path: '/api/v1/meetings/{id}/photos/{pid}', permission: 'record.write', probe: '/api/v1/meetings/1/photos/1', allowed: [404, 409], module: 'meetings',
    scope: async () => { await mf.setup(); await foreignFiles('DELETE', `/photos/${mf.photo}`); } },
  { method: 'GET', path: '/api/v1/action-items/{id}', permission: 'record.read', allowed: [200, 404], module: 'meetings', scope: async () => actionItemScope() },
  { method: 'PATCH', path: '/api/v1/action-items/{id}', permission: 'record.write', allowed: [428, 404], module: 'meetings', scope: async () => {
    const item = await forumItem();
    assertProblem(assert, await as['banjarbaru.operator'].patch(`/api/v1/action-items/${item.id}`, { progress_pct: 1 }, { headers: { 'If-Match': `"${item.version}"` } }), 404);
  } },
  { method: 'POST', path: '/api/v1/action-items/{id}/follow-ups', permission: 'record.write', allowed: [422, 404], module: 'meetings', scope: async () => {
    const item = await forumItem();
    assertProblem(assert, await as['banjarbaru.operator'].post(`/api/v1/action-items/${item.id}/follow-ups`, { date: '2026-01-01', action_taken: 'x' }), 404);
  } },
  { method: 'POST', path: '/api/v1/follow-ups/{id}/verify', permission: 'record.review', allowed: [422], module: 'meetings', scope: async () => {
    const item = await forumItem();
    const fu = item.follow_ups[0];
    assert.ok(fu);
    assertProblem(assert, await as['banjarbaru.kabid'].post(`/api/v1/follow-ups/${fu.id}/verify`, { decision: 'VERIFIED' }), 404);
  } },
  { method: 'GET', path: '/api/v1/checkin/{token}', public: true, module: 'meetings', probe: '/api/v1/checkin/tidak-ada-kode-hadir-ini',
    scope: async () => assertProblem(assert, await srv.request('GET', '/api/v1/checkin/tidak-ada-kode-hadir-ini'), 404) },
  { method: 'POST', path: '/api/v1/checkin/{token}', public: true, module: 'meetings', probe: '/api/v1/checkin/tidak-ada-kode-hadir-ini',
    scope: async () => assertProblem(assert, await srv.request('POST', '/api/v1/checkin/tidak-ada-kode-hadir-ini', { json: { name: 'x', institution: 'y', signature: [[[1, 1], [2, 2]]] } }), 404) },
  // The public verification of issued documents: the same answer for everyone, nothing else of the record.
  {
    method: 'GET', path: '/api/v1/verify/{code}', public: true, module: 'verification', probe: '/api/v1/verify/tidak-ada-kode-ini',
    scope: async () => {
      const r = await as['banjarmasin.operator'].get('/api/v1/monitoring/reports?limit=1');
      const id = r.json.items[0]?.id;
      assert.ok(id, 'a report of Kota Banjarmasin');
      const pdf = await as['banjarmasin.operator'].get(`/api/v1/monitoring/reports/${id}/pdf`);
      const code = pdf.headers.get('x-document-code');
      assert.ok(code);
      const anon = await srv.request('GET', `/api/v1/verify/${code}`);
      assert.equal(anon.status, 200);
      for (const c of Object.values(as)) {
        const x = await c.get(`/api/v1/verify/${code}`);
        assert.equal(x.text, anon.text, 'the same answer with or without an account');
      }
      assert.equal((await srv.request('GET', '/api/v1/verify/tidak-ada-kode-ini')).status, 404);
    },
  },
  {
    method: 'POST', path: '/api/v1/verify/{code}', public: true, module: 'verification', probe: '/api/v1/verify/tidak-ada-kode-ini',
    scope: async () => {
      const r = await srv.request('POST', '/api/v1/verify/tidak-ada-kode-ini', { body: samples.pdf(), headers: { 'Content-Type': 'application/pdf' } });
      assertProblem(assert, r, 404);
    },
  },
  // ---- registries: one actor across modules, ormas, foreigners and foreign organisations ----
  {
    method: 'GET', path: '/api/v1/actors/suggest', permission: 'record.read', allowed: [200], module: 'actors',
    probe: '/api/v1/actors/suggest?q=matriks',
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get('/api/v1/actors/suggest?q=Matriksanto');
        const mine = r.json.items.filter((x) => x.id === rg.actor);
        assert.equal(mine.length, within('63.71', USERS[u].region) ? 1 : 0, `${u} suggestion in scope only`);
        if (mine.length) assert.equal(mine[0].identifier, LEVEL[USERS[u].clearance] >= 1 ? RG_NIK : '63************77', `${u} NIK masked without clearance`);
        const byNik = await c.get(`/api/v1/actors/suggest?q=${RG_NIK.slice(0, 10)}`);
        const found = byNik.json.items.some((x) => x.id === rg.actor);
        assert.equal(found, within('63.71', USERS[u].region) && LEVEL[USERS[u].clearance] >= 1, `${u} finds by NIK only with clearance`);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/actors/nik-check', permission: 'record.read', allowed: [200], module: 'actors',
    probe: '/api/v1/actors/nik-check?nik=6371021508900001',
    scope: async () => sameForEveryone('/api/v1/actors/nik-check?nik=6371021508900001'),
  },
  {
    method: 'GET', path: '/api/v1/actors/{id}', permission: 'record.read', allowed: [200, 404], module: 'actors',
    probe: () => `/api/v1/actors/${rg.actor ?? 1}`,
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`/api/v1/actors/${rg.actor}`);
        assert.equal(r.status, within('63.71', USERS[u].region) ? 200 : 404, u);
        if (r.status === 200) {
          assert.equal(r.json.nik, LEVEL[USERS[u].clearance] >= 1 ? RG_NIK : '63************77', `${u} NIK`);
          assert.ok(r.json.roles.every((x) => within(x.region_code, USERS[u].region)), `${u} roles in scope only`);
        } else assert.ok(!r.text.includes('Matriksanto'));
      }
    },
  },
  ...['link', 'keep-apart', 'merge'].map((act) => ({
    method: 'POST', path: `/api/v1/actors/{id}/${act}`, permission: 'record.review', allowed: [422], module: 'actors',
    probe: () => `/api/v1/actors/${rg.actor ?? 1}/${act}`,
    scope: async () => {
      await rg.setup();
      const body = act === 'merge' ? { actor_id: rg.actor2 } : { candidate: 'party_board:1:KETUA' };
      const r = await as['banjarbaru.kabid'].post(`/api/v1/actors/${rg.actor}/${act}`, body);
      assertProblem(assert, r, 404);
      const page = await as.admin.get(`/api/v1/actors/${rg.actor}`);
      assert.equal(page.json.merged.length, 0, 'nothing merged');
    },
  })),
  {
    method: 'POST', path: '/api/v1/actors/{id}/unmerge', permission: 'record.review', allowed: [404, 409], module: 'actors',
    scope: async () => {
      await rg.setup();
      assertProblem(assert, await as['banjarbaru.kabid'].post(`/api/v1/actors/${rg.actor}/unmerge`, {}), 404);
      assertProblem(assert, await as['banjarmasin.kaban'].post(`/api/v1/actors/${rg.actor}/unmerge`, {}), 409, 'actor.not_merged');
    },
  },
  {
    method: 'GET', path: '/api/v1/ormas', permission: 'record.read', allowed: [200], module: 'ormas',
    scope: async () => {
      await rg.setup();
      const all = await as.admin.all('/api/v1/ormas');
      assert.ok(all.some((x) => x.region_code === '63.72') && all.some((x) => x.region_code === '63.71'));
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/ormas');
        assert.deepEqual(sorted(seen.map((x) => x.id)), sorted(all.filter((x) => within(x.region_code, USERS[u].region)).map((x) => x.id)), u);
        const byNik = (await c.get(`/api/v1/ormas?q=${RG_NIK}`)).json.items.map((x) => x.id);
        assert.deepEqual(byNik, within('63.71', USERS[u].region) && LEVEL[USERS[u].clearance] >= 1 ? [rg.ormas.id] : [], `${u} NIK search`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/ormas', permission: 'record.write', allowed: [422], module: 'ormas',
    scope: async () => {
      await rg.setup();
      const before = (await as.admin.all('/api/v1/ormas')).length;
      assertProblem(assert, await as['banjarbaru.operator'].post('/api/v1/ormas', rgOrmas('63.71', 'Uji Lintas')), 403, 'forbidden');
      assertProblem(assert, await as['kalsel.operator'].post('/api/v1/ormas', rgOrmas('64.71', 'Uji Provinsi Lain')), 403, 'forbidden');
      assert.equal((await as.admin.all('/api/v1/ormas')).length, before, 'nothing created');
    },
  },
  {
    method: 'POST', path: '/api/v1/ormas/import', permission: 'record.write', allowed: [422], module: 'ormas',
    scope: async () => {
      const csv = 'name,legal_form,scope_level,region_code\nOrmas Uji Impor,NON_BH,KABKOTA,63.71\n';
      const r = await as['banjarbaru.operator'].request('POST', '/api/v1/ormas/import', { body: csv, headers: { 'Content-Type': 'text/csv' } });
      assertProblem(assert, r, 422, 'import.refused');
      assert.deepEqual(r.json.report.refused.map((x) => [x.line, x.field, x.code]), [[2, 'region_code', 'forbidden']]);
      assert.ok(!(await as.admin.all('/api/v1/ormas')).some((x) => x.name === 'Ormas Uji Impor'));
    },
  },
  {
    method: 'GET', path: '/api/v1/ormas/duplicates', permission: 'record.read', allowed: [200], module: 'ormas',
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const items = (await c.get('/api/v1/ormas/duplicates')).json.items;
        for (const d of items) {
          assert.ok(d.ormas.every((o) => within(o.region_code, USERS[u].region)), u);
          if (LEVEL[USERS[u].clearance] < 1) assert.match(d.nik, /^\d\d\*{12}\d\d$/, `${u} sees masked NIKs`);
        }
      }
    },
  },
  ...['/api/v1/ormas/reminders', '/api/v1/ormas/map'].map((p) => ({
    method: 'GET', path: p, permission: 'record.read', allowed: [200], module: 'ormas',
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const j = (await c.get(p)).json;
        const regions = [...(j.items ?? []), ...(j.skt ?? []), ...(j.annual_reports ?? [])].map((x) => x.region_code);
        assert.ok(regions.every((g) => within(g, USERS[u].region)), `${u} ${p}`);
      }
    },
  })),
  {
    method: 'GET', path: '/api/v1/ormas/{id}', permission: 'record.read', allowed: [200, 404], module: 'ormas',
    probe: () => `/api/v1/ormas/${rg.ormas?.id ?? 1}`,
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`/api/v1/ormas/${rg.ormas.id}`);
        assert.equal(r.status, within('63.71', USERS[u].region) ? 200 : 404, u);
        if (r.status === 200) assert.equal(r.json.board[0].nik, LEVEL[USERS[u].clearance] >= 1 ? RG_NIK : '63************77', `${u} NIK masked`);
        else assert.ok(!r.text.includes(RG_NIK));
      }
    },
  },
  ...[['board', 'record.write', [428]], ['registrations', 'record.write', [422]], ['annual-reports', 'record.write', [422]],
    ['sanctions', 'record.approve', [422]]].map(([what, permission, allowed]) => ({
    method: 'POST', path: `/api/v1/ormas/{id}/${what}`, permission, allowed, module: 'ormas',
    probe: () => `/api/v1/ormas/${rg.ormas?.id ?? 1}/${what}`,
    scope: async () => {
      await rg.setup();
      const before = (await as.admin.get(`/api/v1/ormas/${rg.ormas72.id}`)).json;
      const body = { board: { nik: '6372021508900011', name: 'Uji', position: 'ANGGOTA' }, registrations: { submitted_on: '2026-01-05' },
        'annual-reports': { year: 2025, submitted_on: '2026-01-10', activities: 'Uji' },
        sanctions: { level: 'WARNING', decree_no: 'X', issued_on: '2026-01-05', reason: 'Uji' } }[what];
      const who = what === 'sanctions' ? 'banjarmasin.kaban' : 'banjarmasin.operator';
      const r = await as[who].post(`/api/v1/ormas/${rg.ormas72.id}/${what}`, body, ifMatch(before.version));
      assertProblem(assert, r, 404);
      assert.deepEqual((await as.admin.get(`/api/v1/ormas/${rg.ormas72.id}`)).json, before, 'Banjarbaru\'s ormas unchanged');
    },
  })),
  {
    method: 'POST', path: '/api/v1/ormas/sanctions/{id}/comply', permission: 'record.review', allowed: [422], module: 'ormas',
    scope: async () => {
      await rg.setup();
      assertProblem(assert, await as['banjarbaru.kabid'].post(`/api/v1/ormas/sanctions/${rg.sanction}/comply`, { complied_on: '2026-01-10' }), 404);
      const o = (await as.admin.get(`/api/v1/ormas/${rg.ormas.id}`)).json;
      assert.equal(o.sanctions[0].complied_on, null);
    },
  },
  {
    method: 'POST', path: '/api/v1/ormas/registrations/{id}/documents/{type}', permission: 'record.review', allowed: [422], module: 'ormas',
    probe: () => `/api/v1/ormas/registrations/${rg.registration ?? 1}/documents/NPWP`,
    scope: async () => {
      await rg.setup();
      const r = await as['banjarbaru.kabid'].post(`/api/v1/ormas/registrations/${rg.registration}/documents/NPWP`, { verdict: 'VALID' });
      assertProblem(assert, r, 404);
    },
  },
  {
    method: 'POST', path: '/api/v1/ormas/registrations/{id}/actions', permission: 'record.review', allowed: [428], module: 'ormas',
    probe: () => `/api/v1/ormas/registrations/${rg.registration ?? 1}/actions`,
    scope: async () => {
      await rg.setup();
      const r = await as['banjarbaru.kabid'].post(`/api/v1/ormas/registrations/${rg.registration}/actions`, { action: 'verify' }, ifMatch(1));
      assertProblem(assert, r, 404);
      const o = (await as.admin.get(`/api/v1/ormas/${rg.ormas.id}`)).json;
      assert.equal(o.registrations[0].status, 'SUBMITTED');
    },
  },
  {
    method: 'GET', path: '/api/v1/foreigners/persons', permission: 'record.read', allowed: [200], module: 'foreigners',
    scope: async () => {
      await rg.setup();
      const all = await as.admin.all('/api/v1/foreigners/persons');
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/foreigners/persons');
        assert.deepEqual(sorted(seen.map((x) => x.id)), sorted(all.filter((x) => within(x.region_code, USERS[u].region)).map((x) => x.id)), u);
        const mine = seen.find((x) => x.id === rg.person.id);
        if (mine) assert.equal(mine.passport_no, LEVEL[USERS[u].clearance] >= 1 ? 'MX7654321' : 'MX*****21', `${u} passport masked`);
        const byPassport = (await c.get('/api/v1/foreigners/persons?q=MX7654321')).json.items.map((x) => x.id);
        assert.deepEqual(byPassport, mine && LEVEL[USERS[u].clearance] >= 1 ? [rg.person.id] : [], `${u} passport search`);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/foreigners/persons', permission: 'record.write', allowed: [422], module: 'foreigners',
    scope: async () => {
      const r = await as['banjarbaru.operator'].post('/api/v1/foreigners/persons', rgPerson('63.71', 'MX1112223'));
      assertProblem(assert, r, 403, 'forbidden');
      assert.ok(!(await as.admin.all('/api/v1/foreigners/persons')).some((x) => x.passport_no === 'MX1112223'));
    },
  },
  {
    method: 'GET', path: '/api/v1/foreigners/persons/{id}', permission: 'record.read', allowed: [200, 404], module: 'foreigners',
    probe: () => `/api/v1/foreigners/persons/${rg.person?.id ?? 1}`,
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`/api/v1/foreigners/persons/${rg.person.id}`);
        assert.equal(r.status, within('63.71', USERS[u].region) ? 200 : 404, u);
        if (r.status === 200) assert.equal(r.json.passport_masked, LEVEL[USERS[u].clearance] < 1, u);
        else assert.ok(!r.text.includes('MX7654321'));
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/foreigners/persons/{id}', permission: 'record.write', allowed: [428], module: 'foreigners',
    scope: async () => {
      await rg.setup();
      const before = (await as.admin.get(`/api/v1/foreigners/persons/${rg.person.id}`)).json;
      const h = ifMatch(before.version);
      // Another kab/kota does not find it; an operator of its own area without clearance may not overwrite the passport.
      assertProblem(assert, await as['banjarbaru.operator'].patch(`/api/v1/foreigners/persons/${rg.person.id}`, { occupation: 'X' }, h), 404);
      const r = await as['banjarmasin.operator'].patch(`/api/v1/foreigners/persons/${rg.person.id}`, { passport_no: 'MX0000001' }, h);
      assertProblem(assert, r, 403, 'forbidden');
      assert.ok(!r.text.includes('MX7654321'));
      const now = (await as.admin.get(`/api/v1/foreigners/persons/${rg.person.id}`)).json;
      assert.equal(now.version, before.version);
      assert.equal(now.passport_no, 'MX7654321');
    },
  },
  {
    method: 'GET', path: '/api/v1/foreigners/organisations', permission: 'record.read', allowed: [200], module: 'foreigners',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const items = (await c.get('/api/v1/foreigners/organisations')).json.items;
        assert.ok(items.every((x) => within(x.region_code, USERS[u].region)), u);
      }
    },
  },
  {
    method: 'GET', path: '/api/v1/foreigners/organisations/{id}', permission: 'record.read', allowed: [200, 404], module: 'foreigners',
    scope: async () => {
      // A Banjarmasin organisation: seen in its own area (with its presences), 404 elsewhere.
      const org = (await as.admin.get('/api/v1/foreigners/organisations')).json.items.find((x) => x.region_code.startsWith('63.71'));
      assert.ok(org, 'a Banjarmasin organisation in the demo');
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`/api/v1/foreigners/organisations/${org.id}`);
        assert.equal(r.status, within(org.region_code, USERS[u].region) ? 200 : 404, u);
        if (r.status === 200) assert.ok(Array.isArray(r.json.presences), u);
        else assert.ok(!r.text.includes(org.name));
      }
    },
  },
  {
    method: 'PATCH', path: '/api/v1/foreigners/organisations/{id}', permission: 'record.write', allowed: [428], module: 'foreigners',
    scope: async () => {
      const org = (await as.admin.get('/api/v1/foreigners/organisations')).json.items.find((x) => x.region_code.startsWith('63.71'));
      const r = await as['banjarbaru.operator'].patch(`/api/v1/foreigners/organisations/${org.id}`, { name: 'Uji Lintas Org' }, ifMatch(org.version));
      assertProblem(assert, r, 404);
      assert.ok(!r.text.includes(org.name));
      const now = (await as.admin.get(`/api/v1/foreigners/organisations/${org.id}`)).json;
      assert.deepEqual([now.name, now.version], [org.name, org.version]);
    },
  },
  {
    method: 'POST', path: '/api/v1/foreigners/organisations', permission: 'record.write', allowed: [422], module: 'foreigners',
    scope: async () => {
      const r = await as['banjarbaru.operator'].post('/api/v1/foreigners/organisations', { name: 'Uji Lintas Org', country: 'NLD', region_code: '63.71' });
      assertProblem(assert, r, 403, 'forbidden');
    },
  },
  {
    method: 'GET', path: '/api/v1/foreigners/presences', permission: 'record.read', allowed: [200], module: 'foreigners',
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const seen = await c.all('/api/v1/foreigners/presences');
        assert.equal(seen.some((x) => x.id === rg.presence.id), within('63.71', USERS[u].region), u);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/foreigners/presences', permission: 'record.write', allowed: [422], module: 'foreigners',
    scope: async () => {
      await rg.setup();
      const body = { person_id: rg.person.id, category: 'EXPERT', source: 'INTERVIEW', start_date: '2026-01-01', end_date: '2026-02-01', regions: ['63.72', '63.71'] };
      assertProblem(assert, await as['banjarbaru.operator'].post('/api/v1/foreigners/presences', body), 403, 'forbidden');
    },
  },
  {
    method: 'GET', path: '/api/v1/foreigners/presences/{id}', permission: 'record.read', allowed: [200, 404], module: 'foreigners',
    probe: () => `/api/v1/foreigners/presences/${rg.presence?.id ?? 1}`,
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`/api/v1/foreigners/presences/${rg.presence.id}`);
        assert.equal(r.status, within('63.71', USERS[u].region) ? 200 : 404, u);
      }
    },
  },
  {
    method: 'POST', path: '/api/v1/foreigners/presences/{id}/actions', permission: 'record.review', allowed: [428], module: 'foreigners',
    probe: () => `/api/v1/foreigners/presences/${rg.presence?.id ?? 1}/actions`,
    scope: async () => {
      await rg.setup();
      const r = await as['banjarbaru.kabid'].post(`/api/v1/foreigners/presences/${rg.presence.id}/actions`, { action: 'verify_documents' }, ifMatch(rg.presence.version));
      assertProblem(assert, r, 404);
      assert.equal((await as.admin.get(`/api/v1/foreigners/presences/${rg.presence.id}`)).json.status, 'REPORTED');
    },
  },
  {
    method: 'POST', path: '/api/v1/foreigners/presences/{id}/field-checks', permission: 'record.write', allowed: [422], module: 'foreigners',
    probe: () => `/api/v1/foreigners/presences/${rg.presence?.id ?? 1}/field-checks`,
    scope: async () => {
      await rg.setup();
      const r = await as['banjarbaru.operator'].post(`/api/v1/foreigners/presences/${rg.presence.id}/field-checks`, { check_date: '2026-01-05', findings: 'x', compliant: true });
      assertProblem(assert, r, 404);
    },
  },
  ...['/api/v1/foreigners/reminders', '/api/v1/foreigners/map'].map((p) => ({
    method: 'GET', path: p, permission: 'record.read', allowed: [200], module: 'foreigners',
    scope: async () => {
      for (const [u, c] of Object.entries(as)) {
        const j = (await c.get(p)).json;
        assert.ok([...(j.items ?? []), ...(j.permits ?? [])].every((x) => within(x.region_code, USERS[u].region)), `${u} ${p}`);
      }
    },
  })),
  ...['/api/v1/foreigners/recap', '/api/v1/foreigners/recap.xlsx'].map((p) => ({
    method: 'GET', path: p, permission: 'record.read', allowed: [200], module: 'foreigners',
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        const r = await c.get(`${p}?from=2000-01-01&to=2100-01-01`, { raw: true });
        assert.equal(r.status, 200, u);
        const text = p.endsWith('.xlsx') ? unzipText(r.bytes) : r.bytes.toString('utf8');
        assert.equal(text.includes('Konsultan Uji Matriks'), within('63.71', USERS[u].region), `${u} counts only presences in its area`);
      }
    },
  })),
  {
    method: 'GET', path: '/api/v1/foreigners/reports/quarterly.pdf', permission: 'record.read', allowed: [200], module: 'foreigners',
    probe: () => '/api/v1/foreigners/reports/quarterly.pdf?year=2026&quarter=4',
    scope: async () => {
      await rg.setup();
      for (const [u, c] of Object.entries(as)) {
        // Kota Banjarmasin's report: its own area and those above it; any other area is not found.
        const r = await c.get('/api/v1/foreigners/reports/quarterly.pdf?year=2026&quarter=4&region=63.71', { raw: true });
        assert.equal(r.status, within('63.71', USERS[u].region) ? 200 : 404, u);
      }
    },
  },
];

// Elections and support instruments as the ministry sees them.
const el = {};

// Monitoring records as the ministry (RAHASIA) sees them, and records made for these tests.
const mon = {};
const visible = (rows, u) => rows.filter((x) => within(x.region_code, USERS[u].region) && LEVEL[USERS[u].clearance] >= LEVEL[x.classification]);
const visibleFile = (id, u) => {
  const f = files.find((x) => x.id === id);
  return !f || (within(f.region, USERS[u].region) && LEVEL[USERS[u].clearance] >= LEVEL[f.classification]);
};
const eventBody = (region, extra = {}) => ({
  region_code: region, occurred_at: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
  category_code: 'POLITICAL_SITUATION.DEMONSTRATION', title: `Uji matriks ${region}`, escalation_level: 'LOW', source: 'FIELD', ...extra,
});
const teamBody = (region, name = `Tim Pemantau ${region}`) => ({
  region_code: region, name, decree_number: `SK-UJI/${region}/2025`, decree_date: '2025-01-10', valid_from: '2025-01-10',
  members: [{ name: 'Ketua Uji', team_role: 'KETUA' }, { name: 'Koordinator Uji', team_role: 'KOORDINATOR_SISTEM' },
    { name: 'Operator Uji', nip: '198001012005011001', team_role: 'OPERATOR' }],
});
function quarterOf(d) {
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

// Conflict early warning as the ministry sees it, and the records made for these tests.
const cf = {};
const ago = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
// Democracy-index records as the ministry sees them.
const dm = {};
const evidenceBody = (region, extra = {}) => ({
  region_code: region, event_date: ago(3), indicator_no: 1, sign: -1, description: `Uji matriks bukti ${region}`,
  source: 'Media daring (uji)', ...extra,
});
const incidentBody = (region, extra = {}) => ({
  region_code: region, occurred_on: ago(2), source: 'NATURAL_RESOURCE_DISPUTE', type_code: 'LAND.PLANTATION', info_source: 'FIELD',
  description: `Uji matriks konflik ${region}`, ...extra,
});
const hotspotBody = (region, extra = {}) => ({
  region_code: region, name: `Potensi uji matriks ${region}`, source: 'BOUNDARY', type_code: 'BOUNDARY', ...extra,
});
const statusBody = (scale, region, extra = {}) => ({
  scale, region_code: region, decree_number: `SK-UJI/${region || 'RI'}/2026`, start_date: ago(1), duration_days: 60, ...extra,
});

// Party aid as the ministry sees it, and the records made for these tests: one of each kind in
// the province (the demo's), two kab/kota and another province.
const pa = {};
const PA_REGIONS = ['63', '63.71', '63.72', '64'];
const valueBody = (region, year, extra = {}) => ({
  region_code: region, fiscal_year: year, value_per_vote: region.length === 2 ? 1200 : 1500, basis: 'DEFAULT_PP_1_2018',
  legal_basis: 'PP 1/2018 Pasal 5', election_year: 2024, ...extra,
});
const boardBody = (region, party) => ({
  region_code: region, party_abbreviation: party, decree_no: `SK DPP ${party} ${region}`, decree_date: '2024-10-01',
  chair: `Ketua ${party} ${region} uji`, secretary: `Sekretaris ${party} ${region}`, treasurer: `Bendahara ${party} ${region}`,
  bank_name: 'Bank Uji', bank_account_no: '0011223344', bank_account_holder: `DPD ${party}`, valid_from: '2024-10-01',
});
const lpjBody = (region, party) => ({ region_code: region, party_abbreviation: party, fiscal_year: 2024, submitted_to_bpk: '2025-01-20' });
const paValues = () => as.admin.all('/api/v1/party-aid/vote-values');

// Meetings: who sees which of the demo's meetings.
async function forumId() {
  const r = await as['banjarmasin.operator'].get('/api/v1/meetings?limit=100');
  return r.json.items.find((m) => m.type === 'FORUM').id;
}
async function forumItem() {
  const r = await as['banjarmasin.operator'].get(`/api/v1/meetings/${await forumId()}`);
  return r.json.action_items.find((a) => a.follow_ups.length > 0);
}
async function meetingScope() {
  for (const [u, c] of Object.entries(as)) {
    const r = await c.get('/api/v1/meetings?limit=100');
    if (r.status === 403) continue;
    assert.equal(r.status, 200, r.text);
    for (const m of r.json.items) {
      assert.ok(within(m.region_code, USERS[u].region), `${u} sees a meeting of ${m.region_code}`);
      assert.equal((await c.get(`/api/v1/meetings/${m.id}`)).status, 200);
    }
  }
  const all = (await as.admin.get('/api/v1/meetings?limit=100')).json.items;
  assert.ok(all.length >= 3);
  const prov = all.find((m) => m.region_code === '63');
  assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/meetings/${prov.id}`), 404);
  assertProblem(assert, await as['kaltim.operator'].get(`/api/v1/meetings/${await forumId()}`), 404);
}
// A write to the Banjarmasin forum by Banjarbaru: "not found", as if it did not exist.
async function foreignMeeting(method, suffix, json = {}, user = 'banjarbaru.operator') {
  const id = await forumId();
  const r = await as[user].request(method, `/api/v1/meetings/${id}${suffix}`, { json, headers: { 'If-Match': '"1"' } });
  assertProblem(assert, r, 404);
}
// A held meeting of Kota Banjarmasin with a speaker, a material and a photo, made once.
const mf = {
  async setup() {
    if (mf.meeting) return;
    const op = as['banjarmasin.operator'];
    const at = (ms) => new Date(Date.now() + ms).toISOString();
    let r = await op.post('/api/v1/meetings', { type: 'FGD', title: 'FGD uji matriks berkas', start_at: at(-600_000), end_at: at(3600_000), venue: 'Banjarmasin' });
    assert.equal(r.status, 201, r.text);
    mf.meeting = r.json.id;
    r = await op.post(`/api/v1/meetings/${mf.meeting}/participants`, { name: 'Peserta Uji Matriks' });
    r = await op.post(`/api/v1/meetings/${mf.meeting}/actions`, { action: 'INVITE' }, ifMatch(r.json.version));
    r = await op.post(`/api/v1/meetings/${mf.meeting}/actions`, { action: 'HOLD' }, ifMatch(r.json.version));
    assert.equal(r.status, 200, r.text);
    r = await op.post(`/api/v1/meetings/${mf.meeting}/speakers`, { name: 'Narasumber Uji Matriks', topic: 'Uji' });
    assert.equal(r.status, 201, r.text);
    mf.speaker = r.json;
    const pdf = Buffer.concat([samples.pdf(), Buffer.from('%materi-matriks\n')]);
    r = await op.request('POST', `/api/v1/meetings/${mf.meeting}/speakers/${mf.speaker.id}/materials?name=materi.pdf`, { body: pdf, headers: { 'Content-Type': 'application/pdf' } });
    assert.equal(r.status, 201, r.text);
    mf.material = r.json.materials[0].id;
    r = await op.request('POST', `/api/v1/meetings/${mf.meeting}/photos?caption=Uji`, { body: samples.png(), headers: { 'Content-Type': 'image/png' } });
    assert.equal(r.status, 201, r.text);
    mf.photo = r.json.id;
    // Evidence files of 63.71 like the others (the dashboard counts them).
    files.push({ id: mf.material, region: '63.71', classification: 'BIASA', bytes: pdf, demo: true });
    files.push({ id: r.json.file.id, region: '63.71', classification: 'BIASA', bytes: samples.png(), demo: true });
  },
};
// Readable within Banjarmasin's area (and above it), "not found" elsewhere.
async function meetingFilesScope(pathOf) {
  await mf.setup();
  const p = await pathOf();
  for (const [u, c] of Object.entries(as)) {
    const r = await c.get(p, { raw: true });
    if (r.status === 403) continue;
    assert.equal(r.status, within('63.71', USERS[u].region) ? 200 : 404, `${u} ${p}`);
  }
}
// A change to that meeting's files by Banjarbaru: "not found".
async function foreignFiles(method, suffix, json) {
  const r = await as['banjarbaru.operator'].request(method, `/api/v1/meetings/${mf.meeting}${suffix}`, { json, headers: { 'If-Match': '"1"' } });
  assertProblem(assert, r, 404);
}
async function actionItemScope() {
  const item = await forumItem();
  assert.equal((await as['banjarmasin.operator'].get(`/api/v1/action-items/${item.id}`)).status, 200);
  assert.equal((await as['kalsel.kabid'].get(`/api/v1/action-items/${item.id}`)).status, 200);
  assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/action-items/${item.id}`), 404);
}

// Registries: records made for these tests, once, the first time a row needs them.
const RG_NIK = '6371021508900077';
const rgOrmas = (region, name, board = []) => ({ name, legal_form: 'NON_BH', scope_level: 'KABKOTA', region_code: region, board });
const rgPerson = (region, passport) => ({
  full_name: 'Uji Matriks Asing', nationality: 'MYS', passport_no: passport, permit_type: 'KITAS', permit_valid_to: '2027-01-01',
  sponsor_name: 'Konsultan Uji Matriks', region_code: region,
});
const rg = {
  async setup() {
    if (rg.ormas) return;
    const kaban = as['banjarmasin.kaban'];
    let r = await kaban.post('/api/v1/ormas', rgOrmas('63.71', 'Ormas Uji Matriks', [{ nik: RG_NIK, name: 'Budi Matriksanto', position: 'KETUA' }]));
    assert.equal(r.status, 201, r.text);
    rg.ormas = r.json;
    rg.actor = r.json.board[0].actor_id;
    r = await as.admin.post('/api/v1/ormas', rgOrmas('63.72', 'Ormas Uji Matriks Banjarbaru', [{ nik: '6372021508900078', name: 'Budi Matriksanto', position: 'KETUA' }]));
    assert.equal(r.status, 201, r.text);
    rg.ormas72 = r.json;
    rg.actor2 = r.json.board[0].actor_id;
    r = await kaban.post(`/api/v1/ormas/${rg.ormas.id}/registrations`, { submitted_on: '2026-01-05' });
    assert.equal(r.status, 201, r.text);
    rg.registration = r.json.registrations[0].id;
    r = await kaban.post(`/api/v1/ormas/${rg.ormas.id}/sanctions`, { level: 'WARNING', decree_no: 'SK-UJI', issued_on: '2026-01-05', reason: 'Uji matriks' });
    assert.equal(r.status, 201, r.text);
    rg.sanction = r.json.sanctions[0].id;
    r = await kaban.post('/api/v1/foreigners/persons', rgPerson('63.71', 'MX7654321'));
    assert.equal(r.status, 201, r.text);
    rg.person = r.json;
    r = await kaban.post('/api/v1/foreigners/presences', {
      person_id: rg.person.id, category: 'EXPERT', source: 'INTERVIEW', start_date: '2026-01-01', end_date: '2026-12-31', regions: ['63.71'],
    });
    assert.equal(r.status, 201, r.text);
    rg.presence = r.json;
  },
};

// Uploads the sample PNG as an org unit's coat of arms.
function emblemPut(client, id, version) {
  return client.request('POST', `/api/v1/org-units/${id}/emblem`,
    { body: samples.png(), headers: { 'Content-Type': 'image/png', 'If-Match': `"${version}"` } });
}

// Rows of the modules in this tree.
const ACTIVE = MATRIX.filter((r) => !r.module || MODULES.has(r.module));

async function sameForEveryone(p) {
  const ref = await as.admin.get(p, { raw: true });
  assert.equal(ref.status, 200);
  for (const [u, c] of Object.entries(as)) {
    const r = await c.get(p, { raw: true });
    assert.equal(r.status, 200, u);
    assert.ok(r.bytes.equals(ref.bytes), `${p} is reference data, the same for ${u}`);
  }
}

// A concrete request for a route pattern.
function concrete(row, client = as.admin) {
  if (typeof row.probe === 'function') return row.probe(client);
  if (row.probe) return row.probe;
  return row.path.replace('{id}', String(ids.probeId ?? 1)).replace('{code}', '63');
}

before(async () => {
  srv = await startServer();
  // The demo's own evidence files (election-support data dukung) count too.
  for (const [id, region, cls] of srv.sql('SELECT id, region_code, classification FROM evidence_files')) {
    files.push({ id: Number(id), region, classification: ['BIASA', 'TERBATAS', 'RAHASIA'][Number(cls)], bytes: null, demo: true });
  }
  as.admin = await srv.login('admin');
  // Another province with its own Kesbangpol and a user; two kab/kota admins.
  let r = await as.admin.post('/api/v1/org-units',
    { name: 'Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Timur', kind: 'KESBANGPOL', region_code: '64' });
  assert.equal(r.status, 201, r.text);
  ids.unitKaltim = r.json.id;
  allUnits = await as.admin.all('/api/v1/org-units');
  for (const [u, x] of Object.entries(EXTRA)) {
    r = await as.admin.post('/api/v1/users', {
      username: u, full_name: `Pengguna ${u}`, password: NEW_PASSWORD, role: x.role, clearance: x.clearance,
      org_unit_id: unitOf(x.region).id,
    });
    assert.equal(r.status, 201, r.text);
  }
  for (const u of Object.keys(USERS)) if (u !== 'admin') as[u] = await srv.login(u, pw(u));
  // Evidence files in several regions and classifications.
  const put = async (u, region, classification, content, name, type) => {
    const res = await upload(as[u], { region_code: region, classification }, { name, content, type });
    assert.equal(res.status, 201, `${u}: ${res.text}`);
    files.push({ id: res.json.id, region, classification, bytes: content });
    return res.json.id;
  };
  const pdf = (tag) => Buffer.concat([samples.pdf(), Buffer.from(`%${tag}\n`)]);
  ids.fileBjm = await put('banjarmasin.kaban', '63.71', 'BIASA', pdf('bjm'), 'bjm.pdf', 'application/pdf');
  ids.fileBjb = await put('banjarbaru.operator', '63.72', 'BIASA', samples.png(), 'bjb.png', 'image/png');
  ids.fileT = await put('kalsel.kaban', '63', 'TERBATAS', pdf('terbatas'), 't.pdf', 'application/pdf');
  ids.fileR = await put('kalsel.kaban', '63', 'RAHASIA', pdf('rahasia'), 'r.pdf', 'application/pdf');
  ids.fileBjmT = await put('banjarmasin.kaban', '63.71', 'TERBATAS', pdf('bjm-t'), 'bjmt.pdf', 'application/pdf');
  ids.fileKaltim = await put('admin', '64', 'BIASA', samples.jpeg(), 'kaltim.jpg', 'image/jpeg');
  allUsers = await as.admin.all('/api/v1/users');
  ids.probeId = unitOf('63.72').id;

  // Monitoring: a draft report of 63.72 this quarter, a RAHASIA province report, events.
  const now = new Date();
  mon.quarter = quarterOf(now);
  mon.lastQuarter = quarterOf(new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 - 1, 15)));
  r = await as['banjarbaru.operator'].post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period: mon.quarter });
  assert.equal(r.status, 201, r.text);
  mon.ownReport = r.json;
  r = await as['kalsel.kaban'].post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN_PROVINSI', period: mon.quarter, classification: 'RAHASIA' });
  assert.equal(r.status, 201, r.text);
  r = await as['banjarbaru.operator'].post('/api/v1/monitoring/events', eventBody('63.72'));
  assert.equal(r.status, 201, r.text);
  mon.ownEvent = r.json;
  r = await as['kalsel.kaban'].post('/api/v1/monitoring/events', eventBody('63', { classification: 'TERBATAS', title: 'Uji matriks terbatas' }));
  assert.equal(r.status, 201, r.text);
  r = await as['banjarmasin.kaban'].post('/api/v1/monitoring/events', eventBody('63.71.01', { classification: 'TERBATAS' }));
  assert.equal(r.status, 201, r.text);
  for (const [u, region] of [['banjarmasin.operator', '63.71'], ['banjarbaru.operator', '63.72']]) {
    r = await as[u].post('/api/v1/monitoring/teams', teamBody(region));
    assert.equal(r.status, 201, r.text);
  }
  mon.teams = (await as.admin.get('/api/v1/monitoring/teams')).json.items;
  mon.reports = await as.admin.all('/api/v1/monitoring/reports');
  mon.events = await as.admin.all('/api/v1/monitoring/events');
  // A sample of reports: one per region and classification.
  const seenKey = new Set();
  mon.sample = mon.reports.filter((x) => {
    const k = `${x.region_code}|${x.classification}`;
    if (seenKey.has(k)) return false;
    seenKey.add(k);
    return true;
  });
  assert.ok(mon.sample.length >= 10);

  // Elections (when the module is built): the demo Pilkada 2024, one election of another
  // province and one of a kab/kota; the demo instruments of 63 and 63.71.
  if (MODULES.has('elections')) {
    el.elections = await as.admin.all('/api/v1/elections');
    el.pilkada = el.elections.find((e) => e.type === 'PILKADA' && e.scope_region_code === '').id;
    r = await as.admin.post('/api/v1/elections', { type: 'PILKADA', year: 2029, name: 'Pilkada Kaltim Uji', polling_date: '2029-11-27', scope_region_code: '64' });
    assert.equal(r.status, 201, r.text);
    el.kaltimElection = r.json.id;
    r = await as.admin.post('/api/v1/elections', { type: 'PILKADA', year: 2029, name: 'PSU Banjarmasin Uji', polling_date: '2029-06-01', scope_region_code: '63.71' });
    assert.equal(r.status, 201, r.text);
    el.elections = await as.admin.all('/api/v1/elections');
    // Banjarmasin's office links a file of its own as evidence to one of its instruments.
    const target = (await as.admin.all('/api/v1/support-instruments')).find((x) => x.region_code === '63.71');
    if (target) {
      const content = Buffer.concat([samples.pdf(), Buffer.from('%bukti\n')]);
      const f = await upload(as['banjarmasin.operator'], { region_code: '63.71', entity: 'support_instrument', entity_id: String(target.id) },
        { name: 'bukti.pdf', content, type: 'application/pdf' });
      assert.equal(f.status, 201, f.text);
      files.push({ id: f.json.id, region: '63.71', classification: 'BIASA', bytes: content });
      r = await as['banjarmasin.operator'].post(`/api/v1/support-instruments/${target.id}/evidence`, { file_id: f.json.id, description: 'Uji matriks' });
      if (r.status === 201) {
        el.withEvidence = target;
        el.evidenceId = r.json.id;
      } else {
        el.linkError = `${r.status} ${r.text}`;
      }
    }
    el.instruments = await as.admin.all('/api/v1/support-instruments');
  }
  // Conflict early warning (when the module is built): incidents, hotspots and statuses in two
  // kab/kota, the province and another province, in every classification; the alerts they raise.
  if (MODULES.has('conflict')) {
    const make = async (u, p, body) => {
      const res = await as[u].post(p, body);
      assert.equal(res.status, 201, `${u} ${p}: ${res.text}`);
      return res.json;
    };
    const inc = '/api/v1/conflict/incidents';
    cf.incBjm = await make('banjarmasin.operator', inc, incidentBody('63.71', { fatalities: 1, property_damage: true }));
    cf.incBjb = await make('banjarbaru.operator', inc, incidentBody('63.72', { injuries: 4 }));
    cf.incT = await make('banjarmasin.kaban', inc, incidentBody('63.71.01', { fatalities: 2, classification: 'TERBATAS', description: 'Uji matriks konflik terbatas' }));
    cf.incR = await make('kalsel.kaban', inc, incidentBody('63', { injuries: 3, displaced: 250, classification: 'RAHASIA', description: 'Uji matriks konflik rahasia' }));
    cf.incKaltim = await make('admin', inc, incidentBody('64.71', { fatalities: 1 }));
    const hs = '/api/v1/conflict/hotspots';
    cf.hsBjm = await make('banjarmasin.operator', hs, hotspotBody('63.71'));
    cf.hsBjb = await make('banjarbaru.operator', hs, hotspotBody('63.72'));
    cf.hsT = await make('banjarmasin.kaban', hs, hotspotBody('63.71', { classification: 'TERBATAS', name: 'Potensi uji matriks terbatas' }));
    cf.hsR = await make('kalsel.kaban', hs, hotspotBody('63.71', { classification: 'RAHASIA', name: 'Potensi uji matriks rahasia' }));
    cf.hsKaltim = await make('admin', hs, hotspotBody('64'));
    for (const [u, h] of [['banjarbaru.operator', cf.hsBjb], ['kalsel.kaban', cf.hsR]]) {
      r = await as[u].post(`${hs}/${h.id}/stage`, { stage: 'ESCALATING', note: 'Massa berkumpul.' }, { headers: { 'If-Match': `"${h.version}"` } });
      assert.equal(r.status, 204, r.text);
    }
    const st = '/api/v1/conflict/statuses';
    cf.stBjm = await make('banjarmasin.kaban', st, statusBody('KABKOTA', '63.71'));
    cf.stBjb = await make('admin', st, statusBody('KABKOTA', '63.72'));
    cf.stKalsel = await make('kalsel.kaban', st, statusBody('PROVINSI', '63'));
    cf.stKaltim = await make('admin', st, statusBody('PROVINSI', '64'));
    cf.incidents = await as.admin.all(inc);
    cf.hotspots = (await as.admin.get(hs)).json.items;
    cf.statuses = (await as.admin.get(st)).json.items;
    for (const k of ['stBjm', 'stBjb', 'stKalsel', 'stKaltim']) cf[k] = cf.statuses.find((x) => x.id === cf[k].id);
    for (const k of ['hsBjm', 'hsBjb', 'hsT', 'hsR', 'hsKaltim']) cf[k] = cf.hotspots.find((x) => x.id === cf[k].id);
    cf.alerts = (await as.admin.get('/api/v1/conflict/alerts')).json.items;
    // An alert carries the classification of what raised it (not part of the answer): read it from the database.
    const cls = Object.fromEntries(srv.sql('SELECT id, classification FROM conflict_alerts').map(([id, c]) => [id, ['BIASA', 'TERBATAS', 'RAHASIA'][Number(c)]]));
    cf.alertsC = cf.alerts.map((a) => ({ ...a, classification: cls[String(a.id)] }));
  }
  // Party aid (when the module is built): values, KPU results, boards, applications and LPJ in two
  // kab/kota and another province, next to the demo's records of the province.
  if (MODULES.has('party_aid')) {
    const make = async (u, p, body) => {
      const res = await as[u].post(p, body);
      assert.equal(res.status, 201, `${u} ${p}: ${res.text}`);
      return res.json;
    };
    const who = { '63.71': 'banjarmasin.operator', '63.72': 'banjarbaru.operator', 64: 'admin' };
    pa.value = {};
    pa.board = {};
    pa.app = {};
    pa.lpjOf = {};
    for (const [r, u] of Object.entries(who)) {
      pa.value[r] = await make(u, '/api/v1/party-aid/vote-values', valueBody(r, 2025));
      if (r !== '64') {
        const csv = `region_code,abbreviation,valid_votes,seats\n${r},PKB,12000,3\n${r},GOLKAR,15500,5\n${r},PKS,9000,2\n`;
        const res = await as[u].request('POST', '/api/v1/party-aid/election-results/import?election_year=2024', { body: csv, headers: { 'Content-Type': 'text/csv' } });
        assert.equal(res.status, 201, `${u} import: ${res.text}`);
      }
      pa.board[r] = await make(u, '/api/v1/party-aid/boards', boardBody(r, r === '64' ? 'GOLKAR' : 'PKB'));
      pa.app[r] = await make(u, '/api/v1/party-aid/applications',
        { board_id: pa.board[r].id, fiscal_year: 2025, letter_no: `Uji/${r}/2025`, letter_date: '2025-02-03', received_at: '2025-02-04' });
      pa.lpjOf[r] = await make(u, '/api/v1/party-aid/lpj', lpjBody(r, r === '64' ? 'GOLKAR' : 'PKB'));
    }
    pa.values = await paValues();
    pa.boards = await as.admin.all('/api/v1/party-aid/boards?include_superseded=true');
    pa.apps = await as.admin.all('/api/v1/party-aid/applications');
    pa.lpj = await as.admin.all('/api/v1/party-aid/lpj');
    const latest = (rows, x) => rows.find((y) => y.id === x.id);
    for (const r of Object.keys(who)) {
      pa.value[r] = latest(pa.values, pa.value[r]);
      pa.board[r] = latest(pa.boards, pa.board[r]);
      pa.app[r] = latest(pa.apps, pa.app[r]);
      pa.lpjOf[r] = latest(pa.lpj, pa.lpjOf[r]);
    }
    // The province's own records are the demo's.
    pa.value['63'] = pa.values.find((v) => v.region_code === '63');
    pa.board['63'] = pa.boards.find((b) => b.region_code === '63' && b.party_abbreviation === 'GOLKAR');
    pa.app['63'] = pa.apps.find((a) => a.region_code === '63');
    pa.lpjOf['63'] = pa.lpj.find((l) => l.region_code === '63');
    pa.results = {};
    for (const r of PA_REGIONS) pa.results[r] = (await as.admin.get(`/api/v1/party-aid/election-results?region=${r}&election_year=2024`)).json.items;
  }
  // Democracy index: evidence in two kab/kota, the province (RAHASIA) and another province;
  // proposals from the matrix's conflict incidents (the land rule is widened for this), in every
  // classification.
  if (MODULES.has('democracy')) {
    const make = async (u, body) => {
      const res = await as[u].post('/api/v1/democracy/evidence', body);
      assert.equal(res.status, 201, `${u}: ${res.text}`);
      return res.json;
    };
    dm.evBjm = await make('banjarmasin.operator', evidenceBody('63.71'));
    dm.evBjb = await make('banjarbaru.operator', evidenceBody('63.72'));
    dm.evR = await make('kalsel.kaban', evidenceBody('63', { classification: 'RAHASIA' }));
    dm.evKaltim = await make('admin', evidenceBody('64'));
    dm.evidence = await as.admin.all('/api/v1/democracy/evidence');
    let rules = (await as.admin.get('/api/v1/democracy/proposal-rules')).json.items;
    const clash = rules.find((x) => x.match === 'CLASH');
    const res = await as.admin.patch(`/api/v1/democracy/proposal-rules/${clash.id}`, { match: 'LAND' }, { headers: { 'If-Match': `"${clash.version}"` } });
    assert.equal(res.status, 200, res.text);
    dm.rules = (await as.admin.get('/api/v1/democracy/proposal-rules')).json;
    dm.proposals = await as.admin.all('/api/v1/democracy/proposals');
    dm.values = (await as.admin.get('/api/v1/democracy/values')).json;
    dm.weights = (await as.admin.get('/api/v1/democracy/weights')).json;
  }
});

after(() => finish(assert, srv));

describe('the matrix covers every endpoint', () => {
  test('every route in src/modules/*/routes.cpp has a matrix row, and no row is stale', () => {
    const dir = path.join(REPO, 'src', 'modules');
    const found = [];
    for (const mod of fs.readdirSync(dir)) {
      const f = path.join(dir, mod, 'routes.cpp');
      if (!fs.existsSync(f)) continue;
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\br\.(get|post|patch|put|del)\(\s*"([^"]+)"/g)) {
        found.push(`${m[1] === 'del' ? 'DELETE' : m[1].toUpperCase()} ${m[2]}`);
      }
      assert.ok(!/\br\.add\(/.test(src), `${f}: register routes with get/post/patch/del so this test sees them`);
    }
    assert.ok(found.length >= 20, 'routes were found in the source');
    const rows = ACTIVE.map((r) => `${r.method} ${r.path}`);
    assert.deepEqual([...new Set(rows)].sort(), rows.slice().sort(), 'no duplicate rows');
    assert.deepEqual(rows.slice().sort(), found.slice().sort());
  });

  test('the served OpenAPI description lists exactly the same operations', async () => {
    const r = await srv.request('GET', '/api/v1/openapi.json');
    assert.equal(r.status, 200);
    const ops = [];
    for (const [p, item] of Object.entries(r.json.paths)) {
      for (const m of Object.keys(item)) {
        if (['get', 'post', 'patch', 'put', 'delete'].includes(m)) ops.push(`${m.toUpperCase()} ${p}`);
      }
    }
    const rows = ACTIVE.map((x) => `${x.method} ${x.path}`);
    // The description may already document a module this tree does not build.
    const absent = MATRIX.filter((x) => !ACTIVE.includes(x)).map((x) => `${x.method} ${x.path}`);
    const outsideModules = ['GET /healthz', 'GET /readyz'];
    assert.deepEqual(ops.filter((o) => !outsideModules.includes(o) && !absent.includes(o)).sort(), rows.slice().sort());
    // Public routes are the ones the description marks as needing no security.
    for (const row of ACTIVE) {
      const op = r.json.paths[row.path][row.method.toLowerCase()];
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      assert.equal(isPublic, !!row.public, `${row.method} ${row.path}: security in the description`);
    }
  });
});

describe('without a session', () => {
  for (const row of ACTIVE) {
    test(`${row.method} ${row.path} ${row.public ? 'is public' : 'needs a session: 401'}`, async () => {
      const p = concrete(row);
      const opts = row.method === 'GET' ? {} : { json: {} };
      const r = await srv.request(row.method, p, opts);
      if (row.public) {
        assert.notEqual(r.status, 401);
        assert.ok(r.status < 500);
      } else {
        assertProblem(assert, r, 401, 'auth.no_session');
        // A forged or expired cookie is no better than none.
        const forged = await srv.request(row.method, p, { ...opts, cookie: 'pantau_session=forged-token-1234567890' });
        assertProblem(assert, forged, 401, 'auth.no_session');
      }
    });
  }
});

describe('permissions by role', () => {
  for (const row of ACTIVE.filter((x) => x.permission)) {
    test(`${row.method} ${row.path} needs ${row.permission}`, async () => {
      const roles = (await as.admin.get('/api/v1/roles')).json.items;
      const perms = Object.fromEntries(roles.map((x) => [x.code, x.permissions]));
      let refused = 0;
      let allowed = 0;
      for (const [u, c] of Object.entries(as)) {
        // Probes change nothing: an empty body fails validation, a PATCH lacks If-Match.
        const p = concrete(row, c);
        const r = row.method === 'GET' ? await c.get(p) : await c.request(row.method, p, { json: {} });
        if (perms[USERS[u].role].includes(row.permission)) {
          const ok = typeof row.allowed === 'function' ? row.allowed(u) : row.allowed;
          assert.ok(ok.includes(r.status), `${u} (${USERS[u].role}) passes the permission check: got ${r.status} ${r.text}`);
          ++allowed;
        } else {
          assertProblem(assert, r, 403, 'forbidden');
          ++refused;
        }
      }
      assert.ok(allowed > 0, 'some role has the permission');
      const someRoleLacks = roles.some((x) => !x.permissions.includes(row.permission));
      assert.equal(refused > 0, someRoleLacks, 'every role without the permission was refused');
    });
  }

  test('an OPERATOR cannot create users or org units', async () => {
    const c = as['kalsel.operator'];
    const r = await c.post('/api/v1/users', {
      username: 'op.made', full_name: 'Dibuat Operator', password: 'Operator2024aman', role: 'OPERATOR',
      org_unit_id: unitOf('63').id,
    });
    assertProblem(assert, r, 403, 'forbidden');
    const r2 = await c.post('/api/v1/org-units', { name: 'Dibuat Operator', kind: 'PARTNER', region_code: '63' });
    assertProblem(assert, r2, 403, 'forbidden');
    const names = (await as.admin.all('/api/v1/users')).map((x) => x.username);
    assert.ok(!names.includes('op.made'));
  });
});

describe('scope and clearance, endpoint by endpoint', () => {
  for (const row of ACTIVE) {
    test(`${row.method} ${row.path}`, async () => {
      assert.equal(typeof row.scope, 'function', 'every row has a scope check');
      await row.scope();
    });
  }
});
