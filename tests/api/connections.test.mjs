// Connections from outside: more idle connections than the cap, descriptors running out, slow
// headers on a kept-alive connection. The server must keep answering /healthz promptly, stay
// idle (no core spinning on accept()), log what happens, and answer a read timeout with a 408.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { describe, test } from 'node:test';

import { finish, startServer } from './server.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const TICKS = 100; // USER_HZ on Linux

// CPU seconds (user + system) the process has used so far, from /proc/<pid>/stat.
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / TICKS; // fields 14 and 15 of the whole line
}

// Opens n TCP connections that send nothing.
async function idleConnections(port, n) {
  const socks = [];
  for (let i = 0; i < n; ++i) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    socks.push(s);
  }
  await sleep(500);
  return socks;
}

async function timedHealthz(url) {
  const t0 = Date.now();
  const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  await r.arrayBuffer();
  return { status: r.status, ms: Date.now() - t0 };
}

async function cpuOver(pid, ms) {
  const c0 = cpuSeconds(pid);
  await sleep(ms);
  return cpuSeconds(pid) - c0;
}

describe('connection limits', () => {
  test('more idle connections than the cap: /healthz answers at once and the server stays idle', async (t) => {
    const srv = await startServer({ config: 'max_connections = 20\n' });
    const socks = await idleConnections(srv.port, 60);
    try {
      const cpu = await cpuOver(srv.proc.pid, 2000);
      assert.ok(cpu < 0.5, `the server used ${cpu.toFixed(2)} s of CPU in 2 s while idle`);
      const h = await timedHealthz(srv.url);
      t.diagnostic(`60 idle connections, cap 20: ${cpu.toFixed(2)} s CPU in 2 s; /healthz in ${h.ms} ms`);
      assert.equal(h.status, 200);
      assert.ok(h.ms < 2000, `/healthz took ${h.ms} ms`);
      assert.match(srv.output, /connection limit 20 reached/);
    } finally {
      for (const s of socks) s.destroy();
    }
    await finish(assert, srv);
  });

  test('descriptors run out (ulimit -n 128): accept backs off instead of spinning, /healthz still answers', async (t) => {
    const srv = await startServer({ ulimitNofile: 128, config: 'max_connections = 5000\n' });
    const socks = await idleConnections(srv.port, 200);
    try {
      const cpu = await cpuOver(srv.proc.pid, 2000);
      assert.ok(cpu < 0.5, `the server used ${cpu.toFixed(2)} s of CPU in 2 s with its descriptors exhausted`);
      const h = await timedHealthz(srv.url);
      t.diagnostic(`200 idle connections, ulimit -n 128: ${cpu.toFixed(2)} s CPU in 2 s; /healthz in ${h.ms} ms`);
      assert.equal(h.status, 200);
      assert.ok(h.ms < 5000, `/healthz took ${h.ms} ms`);
      assert.match(srv.output, /accept failed: .*backing off/);
    } finally {
      for (const s of socks) s.destroy();
    }
    await finish(assert, srv);
  });
});

describe('read timeouts', () => {
  // Sends `parts` on one connection, `gapMs` apart; resolves with everything the server sent
  // once it closes the connection, and the time that took.
  function exchange(port, parts, gapMs) {
    return new Promise((resolve) => {
      const t0 = Date.now();
      const sock = net.connect(port, '127.0.0.1');
      let got = '';
      sock.on('data', (d) => { got += d.toString('latin1'); });
      sock.on('error', () => {});
      sock.on('close', () => resolve({ got, ms: Date.now() - t0 }));
      (async () => {
        for (const p of parts) {
          if (sock.destroyed) return;
          sock.write(p);
          await sleep(gapMs);
        }
      })();
    });
  }

  test('a slow header on a kept-alive connection gets the header timeout (not the idle one) and a 408', async () => {
    const srv = await startServer({ config: 'header_timeout_seconds = 2\nidle_timeout_seconds = 30\n' });
    try {
      const first = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
      // The second request starts, then its header trickles in too slowly.
      const slow = ['GET /healthz HTTP/1.1\r\n', 'Host: x\r\n', 'X-A: 1\r\n', 'X-B: 1\r\n', 'X-C: 1\r\n', 'X-D: 1\r\n'];
      const r = await exchange(srv.port, [first, ...slow], 700);
      assert.equal((r.got.match(/HTTP\/1\.1 200/g) || []).length, 1, r.got);
      assert.match(r.got, /HTTP\/1\.1 408/);
      assert.match(r.got, /"code":"http\.timeout"/);
      assert.ok(r.ms < 8000, `closed after ${r.ms} ms (the idle timeout is 30 s)`);
      // A first request's slow header gets the same.
      const f = await exchange(srv.port, slow, 700);
      assert.match(f.got, /^HTTP\/1\.1 408/);
      assert.ok(f.ms < 8000);
    } finally {
      await finish(assert, srv, { extraStatuses: [] });
    }
  });
});
