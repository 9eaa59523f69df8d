// The base map of the web app's maps: the operator's tile source (pantau.toml, environment, flags)
// reaches the web app through GET /api/v1/map-settings and the Content-Security-Policy lets the
// browser load exactly that tile server; "off" serves no tile source; a setting that would bend the
// CSP or is no tile template keeps the server from starting.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';

import { finish, run, startServer } from './server.mjs';

const servers = [];
after(async () => {
  for (const s of servers) await finish(assert, s);
});

async function serverWith(opts) {
  const s = await startServer({ web: true, ...opts });
  servers.push(s);
  return s;
}
const imgSrc = (r) => /img-src ([^;]*)/.exec(r.headers.get('content-security-policy') || '')?.[1];

describe('base map settings', () => {
  test('by default no base map: no tile source until the operator names one, images only from Pantau itself', async () => {
    const s = await serverWith({});
    assert.equal((await s.anonymous().get('/api/v1/map-settings')).status, 401, 'for signed-in users');
    const r = await (await s.login('banjarmasin.operator')).get('/api/v1/map-settings');
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { tiles: null, attribution: null, max_zoom: 19 });
    assert.equal(imgSrc(await s.anonymous().get('/')), "'self' data: blob:");
    assert.equal(imgSrc(await s.anonymous().get('/wilayah/63.71')), "'self' data: blob:");
  });

  test('OpenStreetMap\'s tiles with their attribution: the CSP allows that server only', async () => {
    const s = await serverWith({
      config: 'map_tiles = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"\nmap_attribution = "© kontributor OpenStreetMap"\n',
    });
    const r = await (await s.login('banjarmasin.operator')).get('/api/v1/map-settings');
    assert.deepEqual(r.json, { tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© kontributor OpenStreetMap', max_zoom: 19 });
    assert.equal(imgSrc(await s.anonymous().get('/')), "'self' data: blob: https://tile.openstreetmap.org");
    assert.equal(imgSrc(await s.anonymous().get('/wilayah/63.71')), "'self' data: blob: https://tile.openstreetmap.org");
  });

  test('"off" (offline installation): no tile source, and images only from Pantau itself', async () => {
    const s = await serverWith({ config: 'map_tiles = "off"\n' });
    const r = await (await s.login('admin')).get('/api/v1/map-settings');
    assert.deepEqual(r.json, { tiles: null, attribution: null, max_zoom: 19 });
    assert.equal(imgSrc(await s.anonymous().get('/')), "'self' data: blob:");
  });

  test('an own tile server with sub-domains and a zoom limit; the attribution comes back as plain text', async () => {
    const s = await serverWith({
      config: 'map_tiles = "https://{s}.peta.kalselprov.go.id:8443/osm/{z}/{x}/{y}.png"\n' +
        'map_attribution = "Peta <Dinas Kominfo> \\"Kalsel\\" & OSM"\nmap_max_zoom = 17\n',
    });
    const r = await (await s.login('kalsel.kabid')).get('/api/v1/map-settings');
    assert.deepEqual(r.json, {
      tiles: 'https://{s}.peta.kalselprov.go.id:8443/osm/{z}/{x}/{y}.png', attribution: 'Peta <Dinas Kominfo> "Kalsel" & OSM', max_zoom: 17,
    });
    assert.equal(imgSrc(await s.anonymous().get('/')), "'self' data: blob: https://*.peta.kalselprov.go.id:8443");
  });

  test('tiles behind nginx at Pantau\'s own address need nothing more in the CSP', async () => {
    const s = await serverWith({ config: 'map_tiles = "/tiles/{z}/{x}/{y}.png"\n' });
    const r = await (await s.login('admin')).get('/api/v1/map-settings');
    assert.equal(r.json.tiles, '/tiles/{z}/{x}/{y}.png');
    assert.equal(imgSrc(await s.anonymous().get('/')), "'self' data: blob:");
  });

  test('PANTAU_MAP_TILES overrides the file', async () => {
    process.env.PANTAU_MAP_TILES = 'off';
    try {
      const s = await serverWith({ config: 'map_tiles = "https://tiles.example.org/{z}/{x}/{y}.png"\n' });
      assert.equal((await (await s.login('admin')).get('/api/v1/map-settings')).json.tiles, null);
    } finally {
      delete process.env.PANTAU_MAP_TILES;
    }
  });

  test('a setting that is no tile template, or would add to the CSP, stops the start with a message in both languages', () => {
    for (const [tiles, expect] of [
      ['javascript:alert(1)/{z}/{x}/{y}', /map_tiles/],
      ["https://tiles.example.org/{z}/{x}/{y}.png; script-src 'unsafe-inline'", /map_tiles/],
      ['https://tiles.example.org/{z}/{x}/{y}.png,https://evil.example', /map_tiles/],
      ['https://tiles.example.org/peta.png', /\{z\}, \{x\}/],
      ['//tiles.example.org/{z}/{x}/{y}.png', /map_tiles/],
      ['https://bad host/{z}/{x}/{y}.png', /map_tiles/],
    ]) {
      const r = run(['serve', '--db', '/nonexistent/p.db', '--listen', '127.0.0.1:1', '--map-tiles', tiles]);
      assert.notEqual(r.code, 0, tiles);
      assert.match(r.out, expect, tiles);
      assert.match(r.out, /harus|berisi/, `${tiles}: Indonesian message`);
      assert.match(r.out, /must|holds/, `${tiles}: English message`);
    }
    const z = run(['serve', '--db', '/nonexistent/p.db', '--listen', '127.0.0.1:1', '--map-tiles', 'off', '--map-attribution', 'baris\nkedua']);
    assert.notEqual(z.code, 0);
    assert.match(z.out, /map_attribution/);
  });
});
