// Shared helpers of the API tests: start a fresh Pantau server on a temporary database (demo
// data seeded), log in as a demo user, send raw HTTP when fetch cannot.
//
//   PANTAU_BIN     path of the pantau binary (default /work/main/build/pantau)
//   PANTAU_API_DB  sqlite (default): a temporary SQLite file per server;
//                  postgres: a fresh database per server on the cluster of PANTAU_TEST_PG_URL
//                  (copied from a seeded template database with CREATE DATABASE ... TEMPLATE)
//   PANTAU_KEEP_TMP=1  keep the temporary folders (and databases) of stopped servers (for debugging)
import zlib from 'node:zlib';
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = process.env.PANTAU_BIN || path.join(REPO, 'build', 'pantau');
export const DATA_DIR = path.join(REPO, 'data');
export const DEMO_PASSWORD = 'Rahasia12345';

// The demo accounts and their scope (see src/app/demo.cpp).
export const DEMO_USERS = {
  admin: { role: 'ADMIN_PUSAT', region: '', clearance: 'RAHASIA' },
  'pusat.analis': { role: 'ANALIS_PUSAT', region: '', clearance: 'TERBATAS' },
  'kalsel.admin': { role: 'ADMIN_DAERAH', region: '63', clearance: 'TERBATAS' },
  'kalsel.kaban': { role: 'KABAN', region: '63', clearance: 'RAHASIA' },
  'kalsel.kabid': { role: 'KABID', region: '63', clearance: 'TERBATAS' },
  'kalsel.analis': { role: 'ANALIS', region: '63', clearance: 'TERBATAS' },
  'kalsel.operator': { role: 'OPERATOR', region: '63', clearance: 'BIASA' },
  'banjarmasin.kaban': { role: 'KABAN', region: '63.71', clearance: 'TERBATAS' },
  'banjarmasin.operator': { role: 'OPERATOR', region: '63.71', clearance: 'BIASA' },
  'banjarbaru.operator': { role: 'OPERATOR', region: '63.72', clearance: 'BIASA' },
  'tanahlaut.operator': { role: 'OPERATOR', region: '63.01', clearance: 'BIASA' },
  'kalsel.tim': { role: 'TEAM_MEMBER', region: '63', clearance: 'BIASA' },
  'bpk.auditor': { role: 'AUDITOR_VIEW', region: '63', clearance: 'BIASA' },
};

// Whether region `code` lies in the subtree of `root` ('' = national, covers everything).
export function within(code, root) {
  if (root === '') return true;
  return code === root || code.startsWith(root + '.');
}

// Which database the servers of this run use.
export const DB_KIND = process.env.PANTAU_API_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_URL = process.env.PANTAU_TEST_PG_URL || '';
if (DB_KIND === 'postgres' && !PG_URL) throw new Error('PANTAU_API_DB=postgres needs PANTAU_TEST_PG_URL (see scripts/pg-cluster.sh)');

// The URL of database `name` on the test cluster.
export function pgUrl(name, base = PG_URL) {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

// Runs SQL with psql; returns the rows as arrays of text (unaligned, '|' between fields).
export function psql(url, sql, { check = true } = {}) {
  const r = spawnSync('psql', ['-X', '-q', '-A', '-t', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', sql],
    { encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  if (check && r.status !== 0) throw new Error(`psql failed (${r.status}): ${r.stderr}\n${sql}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, rows: rowsOf(r.stdout) };
}

function rowsOf(out) {
  return out.split('\n').filter((l) => l.length > 0).map((l) => l.split('|'));
}

// Runs SQL on a test database of either kind (an SQLite file path or a postgresql:// URL).
// Returns { code, stdout, stderr, rows }; the error text of a refused statement is in stderr.
export function dbExec(db, sql) {
  if (/^postgres(ql)?:\/\//.test(db)) return psql(db, sql, { check: false });
  const r = spawnSync('sqlite3', ['-separator', '|', db, sql], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, rows: rowsOf(r.stdout) };
}

const live = new Set();
process.on('exit', () => {
  for (const p of live) {
    try { p.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export function run(args, opts = {}) {
  const r = spawnSync(BIN, args, { encoding: 'utf8', timeout: 120_000, ...opts });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: `${r.stdout}\n${r.stderr}` };
}

// Seeding (reference data + 13 Argon2id demo passwords) takes seconds: it is done once per
// binary and copied for every server. The cache key covers the binary and the data folder.
function templateKey() {
  const st = fs.statSync(BIN);
  const data = fs.readdirSync(DATA_DIR).map((f) => `${f}:${fs.statSync(path.join(DATA_DIR, f)).mtimeMs}`).join(',');
  return crypto.createHash('sha256')
    .update(`${fs.realpathSync(BIN)}|${st.size}|${st.mtimeMs}|${DATA_DIR}|${data}|${DEMO_PASSWORD}`)
    .digest('hex').slice(0, 16);
}

function templateDb() {
  const key = templateKey();
  const cacheDir = path.join(os.tmpdir(), 'pantau-api-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `seed-${key}.db`);
  if (fs.existsSync(file)) return file;
  // Drop templates of older binaries (kept a day, in case two builds are tested in turn).
  for (const f of fs.readdirSync(cacheDir)) {
    const full = path.join(cacheDir, f);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > 86_400_000) fs.rmSync(full, { recursive: true, force: true });
    } catch { /* removed by another run */ }
  }
  const work = fs.mkdtempSync(path.join(cacheDir, 'seeding-'));
  const db = path.join(work, 'p.db');
  const r = run(['seed', '--demo', '--db', db, '--data', DATA_DIR, '--files', path.join(work, 'files')], {
    env: { ...process.env, PANTAU_DEMO_PASSWORD: DEMO_PASSWORD },
  });
  if (r.code !== 0) throw new Error(`pantau seed failed (${r.code}):\n${r.out}`);
  // The seed process has closed the database, which folds the WAL into it; make sure of that,
  // so that the single file is the whole database. Then publish it atomically.
  if (fs.existsSync(`${db}-wal`) && fs.statSync(`${db}-wal`).size > 0) {
    const c = spawnSync('sqlite3', [db, 'PRAGMA wal_checkpoint(TRUNCATE);'], { encoding: 'utf8' });
    if (c.status !== 0) throw new Error(`sqlite3 checkpoint failed: ${c.stderr}`);
  }
  const tmp = `${file}.tmp-${process.pid}`;
  fs.copyFileSync(db, tmp);
  fs.renameSync(tmp, file);
  fs.rmSync(work, { recursive: true, force: true });
  return file;
}

// PostgreSQL: the seeded template database of this binary (made once, like the SQLite file).
function templatePg() {
  const name = `pantau_tpl_${templateKey()}`;
  const exists = () => psql(PG_URL, `SELECT 1 FROM pg_database WHERE datname = '${name}'`).rows.length > 0;
  if (exists()) return name;
  const building = `pantau_tplb_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  psql(PG_URL, `CREATE DATABASE ${building}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-api-seeding-'));
  try {
    const r = run(['seed', '--demo', '--db', pgUrl(building), '--data', DATA_DIR, '--files', path.join(work, 'files')], {
      env: { ...process.env, PANTAU_DEMO_PASSWORD: DEMO_PASSWORD },
    });
    if (r.code !== 0) throw new Error(`pantau seed failed (${r.code}):\n${r.out}`);
    // Published by renaming; another test file may have been quicker.
    const renamed = psql(PG_URL, `ALTER DATABASE ${building} RENAME TO ${name}`, { check: false });
    if (renamed.code !== 0) {
      psql(PG_URL, `DROP DATABASE IF EXISTS ${building}`, { check: false });
      if (!exists()) throw new Error(`could not publish the template database: ${renamed.stderr}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return name;
}

// A fresh database copied from the template; returns its URL.
export function createPgDatabase(name) {
  const tpl = templatePg();
  for (let attempt = 0; ; ++attempt) {
    // Fails while another session is connected to the template (a copy under way): wait a little.
    const r = psql(PG_URL, `CREATE DATABASE ${name} TEMPLATE ${tpl}`, { check: false });
    if (r.code === 0) return pgUrl(name);
    if (attempt >= 50) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr}`);
    spawnSync('sleep', ['0.2']);
  }
}

export function dropPgDatabase(url) {
  const name = new URL(url).pathname.slice(1);
  psql(PG_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, { check: false });
}

export const WEB_FIXTURE = {
  'index.html': '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Pantau</title>' +
    '<script type="module" src="/assets/app-3f9a1c.js"></script></head><body><div id="app"></div></body></html>\n',
  'assets/app-3f9a1c.js': 'console.log("pantau");\n',
  'assets/style-77aa01.css': 'body{margin:0}\n',
  'favicon.ico': Buffer.from([0, 0, 1, 0]),
};

export class Server {
  constructor(opts = {}) {
    this.opts = opts;
    this.dir = opts.dir || fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-api-'));
    this.db = path.join(this.dir, 'p.db');
    if (DB_KIND === 'postgres') {
      // The database's URL is kept in the folder, so that a restart on the same folder finds it.
      this.pgUrlFile = path.join(this.dir, 'pg-url');
      this.db = fs.existsSync(this.pgUrlFile) ? fs.readFileSync(this.pgUrlFile, 'utf8').trim() : null;
    }
    this.filesDir = opts.filesDir || path.join(this.dir, 'files'); // shared by several instances in tests/deploy
    this.webDir = opts.webDir || path.join(this.dir, 'web-none');
    if (opts.web) {
      // A small built web app: { 'index.html': '...', 'assets/app-1a2b3c.js': '...' }.
      this.webDir = path.join(this.dir, 'web');
      const filesOf = opts.web === true ? WEB_FIXTURE : opts.web;
      for (const [name, content] of Object.entries(filesOf)) {
        fs.mkdirSync(path.dirname(path.join(this.webDir, name)), { recursive: true });
        fs.writeFileSync(path.join(this.webDir, name), content);
      }
    }
    this.output = '';
    this.statuses = []; // every HTTP status this test file saw from this server
    this.proc = null;
  }

  async start() {
    if (DB_KIND === 'postgres') {
      if (!this.db) {
        this.db = createPgDatabase(`pantau_api_${process.pid}_${crypto.randomBytes(6).toString('hex')}`);
        fs.writeFileSync(this.pgUrlFile, this.db);
      }
    } else if (!fs.existsSync(this.db)) {
      fs.copyFileSync(templateDb(), this.db);
    }
    let lastErr;
    for (let attempt = 0; attempt < 3; ++attempt) {
      this.port = await freePort();
      this.url = `http://127.0.0.1:${this.port}`;
      const args = ['serve', '--db', this.db, '--listen', `127.0.0.1:${this.port}`, '--files', this.filesDir,
        '--web', this.webDir];
      if (this.opts.config) {
        const cfg = path.join(this.dir, 'pantau.toml');
        fs.writeFileSync(cfg, this.opts.config);
        args.unshift('--config', cfg); // an option of the program, before the subcommand
      }
      // opts.ulimitNofile: start under a lower open-file limit (`ulimit -n`), same process id.
      const proc = this.opts.ulimitNofile
        ? spawn('bash', ['-c', `ulimit -n ${Number(this.opts.ulimitNofile)} && exec "$0" "$@"`, BIN, ...args],
          { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir })
        : spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
      live.add(proc);
      this.proc = proc;
      this.exited = new Promise((resolve) => {
        proc.on('exit', (code, signal) => {
          live.delete(proc);
          if (!this.stopping && this.ready) {
            // Died on its own: a crash. Say so loudly, with the server's last words.
            this.crashed = { code, signal };
            process.stderr.write(`\n*** pantau (port ${this.port}) exited unexpectedly: ${JSON.stringify(this.crashed)}\n` +
              `${this.output.slice(-4000)}\n***\n`);
          }
          resolve({ code, signal });
        });
      });
      const keep = (d) => {
        this.output += d.toString();
        if (this.output.length > 2_000_000) this.output = this.output.slice(-1_000_000);
      };
      proc.stdout.on('data', keep);
      proc.stderr.on('data', keep);
      // A server a test forgot to stop must not keep the test process alive (it is killed on exit).
      proc.unref();
      proc.stdout.unref();
      proc.stderr.unref();
      try {
        this.stopping = false;
        this.ready = false;
        await this.waitReady();
        this.ready = true;
        return this;
      } catch (e) {
        lastErr = e;
        proc.kill('SIGKILL');
        await this.exited;
      }
    }
    throw lastErr;
  }

  async waitReady(timeoutMs = 20_000) {
    const until = Date.now() + timeoutMs;
    let exited = null;
    this.exited.then((x) => { exited = x; });
    while (Date.now() < until) {
      if (exited) throw new Error(`pantau exited (${JSON.stringify(exited)}) before it was ready:\n${this.output}`);
      try {
        const r = await fetch(`${this.url}/readyz`);
        await r.arrayBuffer();
        if (r.status === 200) return;
      } catch { /* not listening yet */ }
      await sleep(50);
    }
    throw new Error(`pantau was not ready within ${timeoutMs} ms:\n${this.output}`);
  }

  // Stops the server with a signal and returns { code, signal } of the process.
  async stop(signal = 'SIGTERM', { keepDir = false } = {}) {
    if (!this.proc) return { code: null, signal: null };
    let res;
    this.stopping = true;
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      this.proc.kill(signal);
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 40_000);
      res = await this.exited;
      clearTimeout(timer);
    } else {
      res = await this.exited;
    }
    this.proc = null;
    if (!keepDir && !process.env.PANTAU_KEEP_TMP && !this.opts.dir) this.removeData();
    return res;
  }

  // Removes the server's folder and (PostgreSQL) its database.
  removeData() {
    if (DB_KIND === 'postgres' && this.db) dropPgDatabase(this.db);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  // Runs SQL on this server's database (see dbExec); throws when it fails.
  sql(query) {
    const r = dbExec(this.db, query);
    if (r.code !== 0) throw new Error(`SQL failed: ${r.stderr}\n${query}`);
    return r.rows;
  }

  // Sends a request; the answer is read in full. `json` sets a JSON body.
  async request(method, p, { json, body, headers = {}, cookie, csrf, raw = false } = {}) {
    const h = { ...headers };
    if (json !== undefined) {
      body = JSON.stringify(json);
      if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
    }
    if (cookie) h.Cookie = cookie;
    if (csrf) h['X-CSRF-Token'] = csrf;
    const res = await fetch(this.url + p, { method, headers: h, body, redirect: 'manual' });
    const buf = Buffer.from(await res.arrayBuffer());
    this.statuses.push({ status: res.status, method, path: p });
    const out = { status: res.status, headers: res.headers, bytes: buf, text: raw ? '' : buf.toString('utf8') };
    const ct = res.headers.get('content-type') || '';
    if (!raw && /json/.test(ct) && buf.length) {
      try { out.json = JSON.parse(out.text); } catch { out.json = undefined; }
    }
    return out;
  }

  anonymous() { return new Client(this, null); }

  async login(username, password = DEMO_PASSWORD) {
    const r = await this.request('POST', '/api/v1/session', { json: { username, password } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
    const c = new Client(this, cookieFrom(r.headers));
    c.csrf = r.json.csrf_token;
    c.user = r.json.user;
    return c;
  }

  // Every 5xx this server answered during the tests (should be none).
  serverErrors() { return this.statuses.filter((s) => s.status >= 500); }
}

export function cookieFrom(headers) {
  const set = headers.getSetCookie ? headers.getSetCookie() : [headers.get('set-cookie')];
  for (const c of set) {
    const m = /^pantau_session=([^;]*)/.exec(c || '');
    if (m) return `pantau_session=${m[1]}`;
  }
  return null;
}

// A logged-in (or anonymous) client: keeps the session cookie and sends the CSRF token
// on state-changing requests.
export class Client {
  constructor(server, cookie) {
    this.server = server;
    this.cookie = cookie;
    this.csrf = null;
    this.user = null;
  }
  request(method, p, opts = {}) {
    const changing = !['GET', 'HEAD'].includes(method);
    return this.server.request(method, p, {
      cookie: this.cookie,
      csrf: changing && this.csrf && opts.csrf !== false ? this.csrf : undefined,
      ...opts,
    });
  }
  get(p, opts) { return this.request('GET', p, opts); }
  post(p, json, opts = {}) { return this.request('POST', p, { json, ...opts }); }
  patch(p, json, opts = {}) { return this.request('PATCH', p, { json, ...opts }); }
  del(p, opts) { return this.request('DELETE', p, opts); }
  // All pages of a keyset-paginated list.
  async all(p) {
    const items = [];
    let after = null;
    for (let i = 0; i < 100; ++i) {
      const sep = p.includes('?') ? '&' : '?';
      const r = await this.get(after ? `${p}${sep}after=${after}&limit=500` : `${p}${sep}limit=500`);
      if (r.status !== 200) throw new Error(`GET ${p}: ${r.status} ${r.text}`);
      items.push(...r.json.items);
      after = r.json.next_after;
      if (!after) return items;
    }
    throw new Error('too many pages');
  }
}

// The end of a test file: stop the server (always), then check it never answered 5xx and
// exited cleanly.
export async function finish(assert, server, { extraStatuses = [] } = {}) {
  if (!server) return;
  const errors = server.serverErrors();
  const crashed = server.crashed;
  const res = await server.stop();
  assert.equal(crashed, undefined, `the server crashed during the tests:\n${server.output.slice(-3000)}`);
  assert.deepEqual(errors, [], 'no 5xx answers');
  assert.deepEqual(extraStatuses.filter((s) => s >= 500), [], 'no 5xx answers on raw requests');
  assert.deepEqual(res, { code: 0, signal: null }, `the server exited cleanly:\n${server.output.slice(-3000)}`);
}

export async function startServer(opts = {}) {
  const s = new Server(opts);
  await s.start();
  return s;
}

// multipart/form-data body with text fields and at most one file.
export function multipart(fields = {}, file = null) {
  const boundary = `----pantau${crypto.randomBytes(12).toString('hex')}`;
  const parts = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: ${file.type || 'application/octet-stream'}\r\n\r\n`));
    parts.push(file.content);
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function upload(client, fields, file, headers = {}) {
  const m = multipart(fields, file);
  return client.request('POST', '/api/v1/files', { body: m.body, headers: { 'Content-Type': m.contentType, ...headers } });
}

// Minimal valid files.
export const samples = {
  pdf() {
    const objs = [
      '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n',
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n',
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n',
    ];
    let s = '%PDF-1.4\n';
    const offs = [];
    for (const o of objs) { offs.push(s.length); s += o; }
    const xref = s.length;
    s += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
    for (const o of offs) s += `${String(o).padStart(10, '0')} 00000 n \n`;
    s += `trailer<</Size ${objs.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(s, 'latin1');
  },
  png() {
    // 1x1 transparent PNG
    return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
  },
  jpeg() {
    // 1x1 white baseline JPEG
    return Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////' +
      '////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      'base64');
  },
};

export const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

// One raw HTTP/1.1 exchange over TCP (for requests fetch refuses to send, such as
// un-normalised paths). Returns { status, headers (lower-case names), body (Buffer) }.
export function rawRequest(port, head, { body = null, timeoutMs = 10_000, headOnly = false } = {}) {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const chunks = [];
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sock.destroy();
      if (err && !chunks.length) return reject(err);
      const all = Buffer.concat(chunks);
      const sep = all.indexOf('\r\n\r\n');
      if (sep < 0) return reject(err || new Error(`no HTTP answer: ${all.toString()}`));
      const lines = all.subarray(0, sep).toString('latin1').split('\r\n');
      const status = Number(lines[0].split(' ')[1]);
      const headers = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status, headers, body: all.subarray(sep + 4), text: all.subarray(sep + 4).toString('utf8') });
    };
    const timer = setTimeout(() => finish(new Error('timeout')), timeoutMs);
    sock.on('data', (d) => {
      chunks.push(d);
      const all = Buffer.concat(chunks);
      const sep = all.indexOf('\r\n\r\n');
      if (sep >= 0) {
        const m = /\r\ncontent-length:\s*(\d+)/i.exec(all.subarray(0, sep).toString('latin1'));
        if (headOnly || (m && all.length >= sep + 4 + Number(m[1]))) finish();
      }
    });
    sock.on('end', () => finish());
    sock.on('error', (e) => finish(e));
    sock.write(head);
    if (body) sock.write(body);
  });
}

// A problem+json answer as every error must look: both languages and a list of field errors.
export function assertProblem(assert, r, status, code) {
  assert.equal(r.status, status, `expected ${status}, got ${r.status}: ${r.text}`);
  assert.match(r.headers.get ? r.headers.get('content-type') : r.headers['content-type'], /^application\/problem\+json/);
  const j = r.json || JSON.parse(r.text);
  assert.equal(j.status, status);
  assert.equal(typeof j.message?.id, 'string');
  assert.equal(typeof j.message?.en, 'string');
  assert.ok(j.message.id.length > 0 && j.message.en.length > 0);
  assert.notEqual(j.message.id, j.message.en, 'the Indonesian and English messages differ');
  assert.ok(Array.isArray(j.errors));
  if (code) assert.equal(j.code, code);
  return j;
}

// An If-Match header for a record version.
export const ifMatch = (v) => ({ headers: { 'If-Match': `"${v}"` } });

// The text of every entry of a ZIP file (an XLSX); the workbook's entries are deflated or stored.
export function unzipText(buf) {
  let out = '';
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  for (let n = 0; n < count; ++n) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out += method === 8 ? zlib.inflateRawSync(data).toString('utf8') : data.toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
