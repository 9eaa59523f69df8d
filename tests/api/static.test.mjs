// Static files of the web app: types, caching (hashed assets immutable, the app shell
// revalidated), client-side routes served the app shell, real 404s for missing assets,
// security headers, and no way out of the web folder.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { finish, rawRequest, startServer, WEB_FIXTURE } from './server.mjs';

let srv;
const extra = [];
const get = (p, headers = {}) => srv.request('GET', p, { headers });

before(async () => {
  srv = await startServer({ web: { ...WEB_FIXTURE, 'robots.txt': 'User-agent: *\n' } });
  // A secret beside the web folder, and a symlink inside pointing at it.
  fs.writeFileSync(path.join(srv.dir, 'secret.txt'), 'RAHASIA-DI-LUAR-WEB');
  fs.symlinkSync(path.join(srv.dir, 'secret.txt'), path.join(srv.webDir, 'tautan.txt'));
});

after(() => finish(assert, srv, { extraStatuses: extra }));

describe('the web app', () => {
  test('index.html: text/html, no-cache, and a Content-Security-Policy', async () => {
    for (const p of ['/', '/index.html']) {
      const r = await get(p);
      assert.equal(r.status, 200, p);
      assert.equal(r.text, WEB_FIXTURE['index.html']);
      assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/);
      assert.equal(r.headers.get('cache-control'), 'no-cache');
      const csp = r.headers.get('content-security-policy');
      assert.ok(csp, 'CSP present');
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
    }
  });

  test('hashed assets: their type and Cache-Control: public, max-age=31536000, immutable', async () => {
    for (const [p, type] of [['/assets/app-3f9a1c.js', /^text\/javascript/], ['/assets/style-77aa01.css', /^text\/css/]]) {
      const r = await get(p);
      assert.equal(r.status, 200);
      assert.equal(r.text, WEB_FIXTURE[p.slice(1)]);
      assert.match(r.headers.get('content-type'), type);
      assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    }
    const ico = await get('/favicon.ico');
    assert.equal(ico.headers.get('content-type'), 'image/x-icon');
    assert.equal(ico.headers.get('cache-control'), 'no-cache', 'only hashed assets are immutable');
    assert.match((await get('/robots.txt')).headers.get('content-type'), /^text\/plain/);
  });

  test('a client-side route (/admin/users) gets the app shell, not a 404', async () => {
    for (const p of ['/admin/users', '/admin/users/12', '/wilayah/63', '/masuk']) {
      const r = await get(p);
      assert.equal(r.status, 200, p);
      assert.equal(r.text, WEB_FIXTURE['index.html']);
      assert.equal(r.headers.get('cache-control'), 'no-cache');
      assert.ok(r.headers.get('content-security-policy'));
    }
  });

  test('a missing asset is a real 404, not the app shell', async () => {
    for (const p of ['/assets/x.js', '/assets/app-000000.js', '/tidak-ada.png', '/assets/sub/dir']) {
      const r = await get(p);
      assert.equal(r.status, 404, p);
      assert.ok(!r.text.includes('<div id="app">'));
      assert.match(r.headers.get('content-type'), /^application\/problem\+json/);
    }
  });

  test('ETag and If-None-Match answer 304', async () => {
    const r = await get('/assets/app-3f9a1c.js');
    const tag = r.headers.get('etag');
    assert.ok(tag);
    const again = await get('/assets/app-3f9a1c.js', { 'If-None-Match': tag });
    assert.equal(again.status, 304);
    assert.equal(again.bytes.length, 0);
  });

  test('HEAD answers the headers only; writes to static paths are refused', async () => {
    const h = await srv.request('HEAD', '/index.html');
    assert.equal(h.status, 200);
    assert.equal(h.bytes.length, 0);
    assert.equal(h.headers.get('content-length'), String(Buffer.byteLength(WEB_FIXTURE['index.html'])));
    for (const m of ['POST', 'PUT', 'DELETE']) {
      const r = await srv.request(m, '/index.html', { body: 'x' });
      assert.ok([404, 405].includes(r.status), `${m}: ${r.status}`);
    }
  });

  test('nothing outside the web folder is served: not by .., not by encoding, not through a symlink', async () => {
    const targets = ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/tautan.txt',
      '/./../secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/../../../../etc/passwd', '/%2e%2e%2f%2e%2e%2fetc/passwd'];
    for (const t of targets) {
      const r = await rawRequest(srv.port, `GET ${t} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      extra.push(r.status);
      assert.ok(!r.text.includes('RAHASIA-DI-LUAR-WEB'), `${t} leaked the secret`);
      assert.ok(!r.text.includes('root:'), `${t} leaked /etc/passwd`);
      assert.ok([400, 404].includes(r.status), `${t}: ${r.status}`);
    }
  });
});

describe('without a built web app', () => {
  test('pages answer a clear 503 in both languages while the API works', async () => {
    const bare = await startServer();
    try {
      const r = await bare.request('GET', '/admin/users');
      assert.equal(r.status, 503);
      assert.match(r.text, /belum dibangun/);
      assert.match(r.text, /has not been built/);
      assert.equal((await bare.request('GET', '/healthz')).status, 200);
    } finally {
      assert.equal((await bare.stop()).code, 0);
    }
  });
});
