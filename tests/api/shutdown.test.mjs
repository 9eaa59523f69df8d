// Graceful shutdown: SIGTERM while requests are under way. The server stops accepting, finishes
// what it has started (including an upload still arriving), exits 0, and every request that got
// a 2xx is there after a restart.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { after, describe, test } from 'node:test';

import { multipart, samples, Server, sha256, startServer } from './server.mjs';

const servers = [];
after(async () => {
  for (const s of servers) await s.stop();
  if (!process.env.PANTAU_KEEP_TMP) for (const s of servers) s.removeData();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Restarts on the same database and files.
async function restart(old) {
  const s = new Server({ dir: old.dir });
  servers.push(s);
  await s.start();
  return s;
}

describe('SIGTERM', () => {
  test('20 concurrent user creations: every 2xx survives the restart, and the process exits 0', async () => {
    const srv = await startServer();
    servers.push(srv);
    const admin = await srv.login('admin');
    const unit = (await admin.get('/api/v1/org-units?kind=KESBANGPOL&q=banjarmasin')).json.items[0];
    // Argon2id hashing makes each creation take a while; two run at a time.
    const names = Array.from({ length: 20 }, (_, i) => `tutup.${i}`);
    const pending = names.map((username) => admin.post('/api/v1/users', {
      username, full_name: `Pengguna ${username}`, password: 'Tutup2024aman', role: 'OPERATOR', org_unit_id: unit.id,
    }).then((r) => ({ username, status: r.status }), (e) => ({ username, error: e.cause?.code || e.message })));
    await sleep(150);
    const exited = srv.stop('SIGTERM', { keepDir: true });
    // No new connections once the signal is handled.
    await sleep(100);
    const refused = await new Promise((resolve) => {
      const sock = net.connect(srv.port, '127.0.0.1');
      sock.on('connect', () => { sock.destroy(); resolve(false); });
      sock.on('error', () => resolve(true));
    });
    const results = await Promise.all(pending);
    const res = await exited;
    assert.deepEqual(res, { code: 0, signal: null }, srv.output.slice(-2000));
    assert.ok(refused, 'new connections are refused while draining');
    const ok = results.filter((r) => r.status >= 200 && r.status < 300);
    for (const r of results) assert.ok(r.error || r.status < 500, JSON.stringify(r));
    // Every request was under way when the signal came: all of them were finished, none cut off.
    assert.equal(ok.length, names.length, JSON.stringify(results));
    assert.match(srv.output, /stopped: 0 requests still in flight/);

    const again = await restart(srv);
    const a2 = await again.login('admin');
    const present = new Set((await a2.all('/api/v1/users?q=tutup.')).map((u) => u.username));
    for (const r of ok) assert.ok(present.has(r.username), `${r.username} got ${r.status} and must exist`);
    assert.equal(present.size, ok.length, 'and nothing else was half-made');
    assert.deepEqual(again.serverErrors(), []);
  });

  test('an upload still arriving when the signal comes is finished and stored', async () => {
    const srv = await startServer();
    servers.push(srv);
    const kaban = await srv.login('banjarmasin.kaban');
    const content = Buffer.alloc(8 * 1024 * 1024, 0x20);
    samples.pdf().copy(content);
    const m = multipart({ region_code: '63.71' }, { name: 'sedang-diunggah.pdf', content });
    const sock = net.connect(srv.port, '127.0.0.1');
    await new Promise((r) => sock.on('connect', r));
    const chunks = [];
    const answered = new Promise((resolve) => {
      sock.on('data', (d) => chunks.push(d));
      sock.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
      sock.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    sock.write(`POST /api/v1/files HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nCookie: ${kaban.cookie}\r\n` +
      `X-CSRF-Token: ${kaban.csrf}\r\nContent-Type: ${m.contentType}\r\nContent-Length: ${m.body.length}\r\n\r\n`);
    const half = Math.floor(m.body.length / 2);
    sock.write(m.body.subarray(0, half));
    await sleep(200);
    const exited = srv.stop('SIGTERM', { keepDir: true });
    await sleep(300);
    sock.write(m.body.subarray(half));
    const text = await answered;
    const res = await exited;
    assert.deepEqual(res, { code: 0, signal: null });
    assert.match(text, /^HTTP\/1\.1 201 /, text.slice(0, 300));
    assert.match(text, /\r\nConnection: close\r\n/i, 'the connection is closed after the answer');
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    assert.equal(body.sha256, sha256(content));

    const again = await restart(srv);
    const k2 = await again.login('banjarmasin.kaban');
    const d = await k2.get(`/api/v1/files/${body.id}`, { raw: true });
    assert.equal(d.status, 200);
    assert.ok(d.bytes.equals(content));
  });
});
