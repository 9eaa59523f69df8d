// Health checks and the API description served by the binary.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { DEMO_USERS, finish, REPO, startServer, within } from './server.mjs';

let srv;

before(async () => {
  srv = await startServer();
});

after(() => finish(assert, srv));

describe('health', () => {
  test('/healthz answers 200 {"status":"ok"} without a session', async () => {
    const r = await srv.request('GET', '/healthz');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { status: 'ok' });
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  test('/readyz answers 200 {"status":"ready"} when the database is reachable', async () => {
    const r = await srv.request('GET', '/readyz');
    assert.equal(r.status, 200);
    assert.equal(r.json.status, 'ready');
    assert.deepEqual(r.json.database, { following_other_instances: true });
    assert.equal(r.json.replica, undefined, 'no replica configured');
  });

  test('HEAD works on the health checks', async () => {
    assert.equal((await srv.request('HEAD', '/healthz')).status, 200);
  });
});

describe('/api/v1/openapi.json', () => {
  let spec;
  before(async () => {
    const r = await srv.request('GET', '/api/v1/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/json/);
    spec = JSON.parse(r.text);
  });

  test('is valid JSON of an OpenAPI 3.0 document, served without a session', () => {
    assert.equal(spec.openapi, '3.0.3');
    assert.equal(spec.info.title, 'Pantau API');
    assert.equal(typeof spec.info.version, 'string');
    assert.ok(Object.keys(spec.paths).length >= 18);
  });

  test('is docs/openapi.yaml as built into the binary', () => {
    const yaml = fs.readFileSync(path.join(REPO, 'docs', 'openapi.yaml'), 'utf8');
    // Every path of the YAML file (lines "  /...:" at the second level) is in the served JSON.
    const paths = [...yaml.matchAll(/^ {2}(\/[^:\s]*):\s*$/gm)].map((m) => m[1]);
    assert.deepEqual(Object.keys(spec.paths).sort(), paths.sort(),
      'the binary serves the current docs/openapi.yaml (rebuild after editing it)');
  });

  test('keeps strings as strings (region codes, versions, status keys)', () => {
    assert.equal(typeof spec.info.version, 'string');
    assert.equal(spec.components.schemas.RegionCode.example, '63.71');
    assert.equal(spec.components.schemas.OrgUnit.properties.region_code.example, '63.71');
    for (const item of Object.values(spec.paths)) {
      for (const op of Object.values(item)) {
        for (const code of Object.keys(op.responses)) assert.match(code, /^[1-5]\d\d$/);
      }
    }
  });

  test('describes problem+json errors with message{id,en} and errors[]', () => {
    const p = spec.components.schemas.Problem;
    assert.deepEqual(spec.components.schemas.Message.required, ['id', 'en']);
    assert.equal(p.properties.message.$ref, '#/components/schemas/Message');
    assert.equal(p.properties.errors.type, 'array');
    assert.ok(p.required.includes('errors'));
  });

  test('every operation has an operationId, a tag, a description, and declares its security', () => {
    const ids = new Set();
    for (const [p, item] of Object.entries(spec.paths)) {
      for (const [m, op] of Object.entries(item)) {
        assert.ok(op.operationId, `${m} ${p}`);
        assert.ok(!ids.has(op.operationId), `${op.operationId} is unique`);
        ids.add(op.operationId);
        assert.ok(op.tags?.length, `${m} ${p} tags`);
        assert.ok(op.description, `${m} ${p} description`);
        const sec = op.security ?? spec.security;
        if (['post', 'patch', 'delete'].includes(m) && sec.length) {
          assert.ok(sec.every((s) => 'csrfToken' in s && 'sessionCookie' in s), `${m} ${p} needs the session and the CSRF header`);
        }
      }
    }
  });
});

describe('/api/v1/dashboard map measures', () => {
  const measureOf = (d, key) => d.map.measures.find((m) => m.key === key);

  test('completeness first (same as map.values), then the readiness of the election that matters now, within scope', async () => {
    for (const u of ['admin', 'kalsel.analis', 'banjarmasin.operator']) {
      const c = await srv.login(u);
      const d = (await c.get('/api/v1/dashboard')).json;
      const root = DEMO_USERS[u].region;
      assert.equal(d.map.measure.key, 'reporting_completeness');
      assert.equal(d.map.measures[0].key, 'reporting_completeness', u);
      assert.deepEqual(d.map.measures[0].values, d.map.values, u);
      assert.equal(d.map.measures[0].unit, '%');
      const r = measureOf(d, 'election_readiness');
      assert.ok(r, `${u} sees an election readiness measure`);
      // No election lies ahead in the demo: the latest one held is shown.
      assert.equal(r.election_id, 2);
      assert.match(r.label.id, /^Kesiapan dukungan .*2024.* \(%\)$/);
      assert.ok(r.label.en);
      for (const m of d.map.measures) {
        for (const [code, v] of Object.entries(m.values)) {
          assert.ok(within(code, root), `${u}: ${m.key} ${code} out of scope`);
          assert.equal(code.split('.').length, root === '' ? 1 : 2, `${u}: ${code} at the map level`);
          assert.ok(v >= 0 && v <= 100);
        }
      }
      const level = d.map.level === 'provinsi' ? 'level=provinsi' : `level=kabkota&province=${d.map.province}`;
      const same = (await c.get(`/api/v1/elections/${r.election_id}/readiness?${level}`)).json;
      assert.deepEqual(r.values, same.values, `${u}: readiness equals the election's readiness map`);
    }
    const national = (await (await srv.login('admin')).get('/api/v1/dashboard')).json;
    assert.equal(typeof measureOf(national, 'election_readiness').values['63'], 'number');
  });

  test('an election ahead takes the place of the latest one held', async () => {
    const admin = await srv.login('admin');
    const r = await admin.post('/api/v1/elections', {
      type: 'PILKADA', year: 2031, name: 'Pemilihan Uji Dasbor 2031',
      polling_date: '2031-11-26', scope_region_code: '', legal_basis: 'UU 10/2016 (uji)',
    });
    assert.equal(r.status, 201, r.text);
    const d = (await admin.get('/api/v1/dashboard')).json;
    const m = measureOf(d, 'election_readiness');
    assert.equal(m.election_id, r.json.id);
    assert.equal(m.label.id, 'Kesiapan dukungan Pemilihan Uji Dasbor 2031 (%)');
  });
});
