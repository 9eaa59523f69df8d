// Helpers of the deployment tests: several `pantau serve` instances on one PostgreSQL database
// (a fresh copy of the seeded template), a shared evidence folder, and nginx in front of them
// with the site configuration shipped in deploy/nginx/pantau.conf.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { Client, REPO, Server, createPgDatabase, dropPgDatabase, freePort, pgUrl } from '../api/server.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const REPLICA_BASE = process.env.PANTAU_DEPLOY_REPLICA_URL || '';

// A database and an evidence folder shared by `count` instances; `config` is pantau.toml text.
export async function startCluster({ count = 2, config = '', replica = false } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-deploy-'));
  const name = `pantau_dep_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const url = createPgDatabase(name);
  const filesDir = path.join(root, 'files');
  fs.mkdirSync(filesDir);
  let cfg = `trust_proxy = true\n${config}`;
  if (replica) cfg += `replica_database = "${pgUrl(name, REPLICA_BASE)}"\n`;
  const instances = [];
  for (let i = 0; i < count; ++i) {
    const dir = path.join(root, `instance${i}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'pg-url'), url);
    instances.push(new Server({ dir, filesDir, config: cfg }));
  }
  // Started together, as systemd would after a reboot (the migration step takes turns).
  await Promise.all(instances.map((s) => s.start()));
  return {
    root, url, name, instances, filesDir,
    async stop() {
      for (const s of instances) await s.stop();
      dropPgDatabase(url);
      if (!process.env.PANTAU_KEEP_TMP) fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

// nginx in front of the instances: the shipped site file with its upstream servers and listen
// address rewritten, inside a minimal main configuration in a temporary prefix.
export async function startNginx(instances) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-nginx-'));
  fs.chmodSync(dir, 0o777); // nginx's workers run as nobody when started by root
  const port = await freePort();
  let site = fs.readFileSync(path.join(REPO, 'deploy/nginx/pantau.conf'), 'utf8');
  const servers = instances.map((s) => `    server 127.0.0.1:${s.port} max_fails=1 fail_timeout=10s;`).join('\n');
  site = site.replace(/(upstream pantau \{[\s\S]*?)(    server 127\.0\.0\.1:\d+[^\n]*\n)+/, `$1${servers}\n`);
  site = site.replace(/listen 80;/, `listen 127.0.0.1:${port};`);
  if (!site.includes(`127.0.0.1:${instances[0].port}`) || !site.includes(`listen 127.0.0.1:${port}`)) {
    throw new Error(`could not adapt deploy/nginx/pantau.conf:\n${site}`);
  }
  fs.writeFileSync(path.join(dir, 'site.conf'), site);
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, t), { mode: 0o777 });
  fs.writeFileSync(path.join(dir, 'nginx.conf'), `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`);
  const proc = spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d) => { output += d; });
  proc.stderr.on('data', (d) => { output += d; });
  proc.unref();
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  // nginx answers once it listens.
  for (let i = 0; ; ++i) {
    const up = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (i > 200 || proc.exitCode !== null) throw new Error(`nginx did not start: ${output}\n${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
    await sleep(50);
  }
  // A Server-like front end: request/login/anonymous work as on an instance.
  const front = Object.create(Server.prototype);
  Object.assign(front, { url: `http://127.0.0.1:${port}`, port, statuses: [], dir });
  return {
    front,
    port,
    dir,
    accessLog: () => fs.readFileSync(path.join(dir, 'access.log'), 'utf8'),
    async stop() {
      proc.kill('SIGQUIT');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
      if (!process.env.PANTAU_KEEP_TMP) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The same session (cookie and CSRF token) used on another instance or on nginx.
export function sameSession(client, server) {
  const c = new Client(server, client.cookie);
  c.csrf = client.csrf;
  c.user = client.user;
  return c;
}

// Polls `check` (async, returns true when done) every 20 ms; returns the milliseconds it took.
export async function within(ms, check) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms + 2000) {
    if (await check()) return Date.now() - t0;
    await sleep(20);
  }
  return Infinity;
}
