// Regions (wilayah) and boundaries: the Kemendagri tree, details with ancestors and statistics,
// GeoJSON of provinsi and kabupaten/kota with ETag/304 and gzip.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';

import { assertProblem, finish, rawRequest, startServer } from './server.mjs';

let srv;
let user;
const extra = [];

before(async () => {
  srv = await startServer();
  user = await srv.login('kalsel.operator');
});

after(() => finish(assert, srv, { extraStatuses: extra }));

describe('the region tree', () => {
  test('without parameters: the 38 provinsi', async () => {
    const r = await user.get('/api/v1/regions');
    assert.equal(r.status, 200);
    assert.equal(r.json.items.length, 38);
    for (const g of r.json.items) {
      assert.match(g.code, /^\d{2}$/);
      assert.equal(g.level, 1);
      assert.equal(g.parent_code, '');
    }
    assert.ok(r.json.items.some((g) => g.code === '63' && g.name === 'Kalimantan Selatan'));
  });

  test('the children of 63 are its 13 kabupaten/kota, codes as strings', async () => {
    const r = await user.get('/api/v1/regions?parent=63');
    assert.equal(r.status, 200);
    assert.equal(r.json.items.length, 13);
    const codes = r.json.items.map((g) => g.code);
    assert.deepEqual(codes, [...codes].sort());
    assert.ok(codes.includes('63.71') && codes.includes('63.72') && codes.includes('63.01'));
    for (const g of r.json.items) {
      assert.equal(typeof g.code, 'string');
      assert.match(g.code, /^63\.\d{2}$/);
      assert.equal(g.level, 2);
      assert.equal(g.parent_code, '63');
      assert.ok(['Kabupaten', 'Kota'].includes(g.type), g.type);
    }
    assert.equal(r.json.items.filter((g) => g.type === 'Kota').length, 2);
  });

  test('/api/v1/regions/63.71 has its ancestors and statistics', async () => {
    const r = await user.get('/api/v1/regions/63.71');
    assert.equal(r.status, 200);
    assert.equal(r.json.code, '63.71');
    assert.equal(r.json.name, 'Kota Banjarmasin');
    assert.equal(r.json.level, 2);
    assert.deepEqual(r.json.ancestors, [{ code: '63', name: 'Kalimantan Selatan', level: 1 }]);
    const s = r.json.stats;
    assert.ok(s.area_km2 > 0);
    assert.ok(s.population_total > 0);
    assert.equal(s.population_male + s.population_female, s.population_total);
    assert.ok(r.json.children_count > 0, 'kecamatan');
    assert.equal(r.json.in_scope, true);
    const kids = await user.get('/api/v1/regions?parent=63.71');
    assert.equal(kids.json.items.length, r.json.children_count);
    for (const k of kids.json.items) assert.match(k.code, /^63\.71\.\d{2}$/);
  });

  test('a kecamatan lists both ancestors', async () => {
    const kid = (await user.get('/api/v1/regions?parent=63.71')).json.items[0];
    const r = await user.get(`/api/v1/regions/${kid.code}`);
    assert.equal(r.status, 200);
    assert.deepEqual(r.json.ancestors.map((a) => a.code), ['63', '63.71']);
  });

  test('a search finds by name and by code prefix', async () => {
    const byName = await user.get('/api/v1/regions?q=banjarbaru');
    assert.ok(byName.json.items.some((g) => g.code === '63.72'));
    const byCode = await user.get('/api/v1/regions?q=63.7');
    assert.ok(byCode.json.items.length >= 2);
    for (const g of byCode.json.items) assert.ok(g.code.startsWith('63.7'));
  });
});

describe('boundaries (GeoJSON)', () => {
  test('geo/provinsi has 38 features', async () => {
    const r = await user.get('/api/v1/geo/provinsi');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^application\/geo\+json/);
    assert.equal(r.json.type, 'FeatureCollection');
    assert.equal(r.json.features.length, 38);
    const codes = new Set(r.json.features.map((f) => f.properties.code));
    assert.equal(codes.size, 38);
    for (const f of r.json.features) {
      assert.equal(f.type, 'Feature');
      assert.ok(['Polygon', 'MultiPolygon'].includes(f.geometry.type), f.geometry.type);
      assert.ok(f.properties.name);
    }
  });

  test('geo/kabkota?province=63 has the 13 kabupaten/kota of Kalimantan Selatan', async () => {
    const r = await user.get('/api/v1/geo/kabkota?province=63');
    assert.equal(r.status, 200);
    assert.equal(r.json.features.length, 13);
    const tree = (await user.get('/api/v1/regions?parent=63')).json.items.map((g) => g.code);
    assert.deepEqual(r.json.features.map((f) => f.properties.code).sort(), tree.sort());
  });

  test('an ETag, and If-None-Match with it answers 304 without a body', async () => {
    for (const p of ['/api/v1/geo/provinsi', '/api/v1/geo/kabkota?province=63']) {
      const r = await user.get(p, { raw: true });
      const tag = r.headers.get('etag');
      assert.match(tag, /^"[0-9a-f]{16,}"$/);
      assert.match(r.headers.get('cache-control'), /max-age=\d+/);
      const again = await user.get(p, { raw: true, headers: { 'If-None-Match': tag } });
      assert.equal(again.status, 304);
      assert.equal(again.bytes.length, 0);
      assert.equal(again.headers.get('etag'), tag);
      const other = await user.get(p, { raw: true, headers: { 'If-None-Match': '"bukan-tag-ini"' } });
      assert.equal(other.status, 200);
      assert.ok(other.bytes.equals(r.bytes));
    }
    // Different content, different tags.
    const a = (await user.get('/api/v1/geo/kabkota?province=63', { raw: true })).headers.get('etag');
    const b = (await user.get('/api/v1/geo/kabkota?province=64', { raw: true })).headers.get('etag');
    assert.notEqual(a, b);
  });

  test('gzip when the client accepts it, and the same document either way', async () => {
    const head = (enc) => `GET /api/v1/geo/kabkota?province=63 HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nCookie: ${user.cookie}\r\n` +
      `${enc ? `Accept-Encoding: ${enc}\r\n` : ''}Connection: close\r\n\r\n`;
    const zipped = await rawRequest(srv.port, head('gzip, deflate, br'));
    const plain = await rawRequest(srv.port, head(null));
    extra.push(zipped.status, plain.status);
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.match(zipped.headers.vary, /Accept-Encoding/);
    assert.equal(zipped.body[0], 0x1f);
    assert.equal(zipped.body[1], 0x8b);
    assert.equal(plain.headers['content-encoding'], undefined);
    const unzipped = zlib.gunzipSync(zipped.body);
    assert.ok(unzipped.equals(plain.body), 'the same bytes once unzipped');
    assert.ok(zipped.body.length < plain.body.length / 2, 'and much smaller');
    JSON.parse(unzipped.toString());
    // Weights are honoured: q=0 refuses gzip, "*" accepts anything.
    for (const [enc, gz] of [['gzip;q=0', false], ['identity', false], ['br, gzip;q=0.5', true], ['*', true], ['GZIP', true]]) {
      const r = await rawRequest(srv.port, head(enc));
      extra.push(r.status);
      assert.equal(r.headers['content-encoding'] === 'gzip', gz, `Accept-Encoding: ${enc}`);
      if (!gz) assert.ok(r.body.equals(plain.body));
    }
  });

  test('a province code that does not exist is 404, a malformed one 422', async () => {
    assertProblem(assert, await user.get('/api/v1/geo/kabkota?province=99'), 404);
    assertProblem(assert, await user.get('/api/v1/geo/kabkota?province=6'), 422);
  });
});
