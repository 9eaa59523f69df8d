// Evidence files (berkas data dukung): type checks by content, SHA-256 addressing with one blob
// per content, size limits, scoped download of identical bytes, safe file names.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, multipart, samples, sha256, startServer, upload } from './server.mjs';

let srv;
let kaban; // banjarmasin.kaban: 63.71, TERBATAS
let admin;

before(async () => {
  srv = await startServer();
  admin = await srv.login('admin');
  kaban = await srv.login('banjarmasin.kaban');
});

after(() => finish(assert, srv));

// Every stored blob: files named by their SHA-256 under files/ab/cd/ (the tmp folder aside).
function blobsOnDisk() {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (p !== path.join(srv.filesDir, 'tmp')) walk(p);
      } else {
        out.push(p);
      }
    }
  };
  if (fs.existsSync(srv.filesDir)) walk(srv.filesDir);
  return out;
}
const tmpLeftovers = () => {
  const t = path.join(srv.filesDir, 'tmp');
  return fs.existsSync(t) ? fs.readdirSync(t) : [];
};
const fileCount = async () => (await admin.get('/api/v1/dashboard')).json.figures.find((f) => f.key === 'files').value;

describe('uploading', () => {
  const kinds = [
    ['laporan.pdf', samples.pdf, 'application/pdf'],
    ['foto.png', samples.png, 'image/png'],
    ['foto.jpg', samples.jpeg, 'image/jpeg'],
  ];
  for (const [name, make, mime] of kinds) {
    test(`a ${mime} file is stored: 201 with the SHA-256 of its bytes`, async () => {
      const content = make();
      const r = await upload(kaban, {}, { name, content, type: mime });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.sha256, sha256(content));
      assert.equal(r.json.mime, mime);
      assert.equal(r.json.size, content.length);
      assert.equal(r.json.name, name);
      assert.equal(r.json.region_code, '63.71', "the uploader's region by default");
      assert.equal(r.json.classification, 'BIASA');
      const onDisk = path.join(srv.filesDir, r.json.sha256.slice(0, 2), r.json.sha256.slice(2, 4), r.json.sha256);
      assert.ok(fs.readFileSync(onDisk).equals(content), 'the stored blob holds the bytes');
    });
  }

  test('the type is judged by content: a text file named .pdf answers 415 with a clear message', async () => {
    const n = await fileCount();
    const r = await upload(kaban, {}, { name: 'surat.pdf', content: Buffer.from('Ini bukan PDF, hanya teks biasa.\n'), type: 'application/pdf' });
    const p = assertProblem(assert, r, 415, 'file.type');
    assert.match(p.message.en, /PDF/);
    assert.match(p.message.id, /PDF/);
    const html = await upload(kaban, {}, { name: 'gambar.png', content: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png' });
    assertProblem(assert, html, 415, 'file.type');
    assert.equal(await fileCount(), n);
  });

  test('the same content twice: same SHA-256, two records, one blob on disk', async () => {
    const content = Buffer.concat([samples.pdf(), Buffer.from(`%unik ${crypto.randomUUID()}\n`)]);
    const before = blobsOnDisk().length;
    const a = await upload(kaban, { entity: 'meeting', entity_id: '1' }, { name: 'notulen.pdf', content });
    const b = await upload(kaban, { entity: 'meeting', entity_id: '2' }, { name: 'notulen-salinan.pdf', content });
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(a.json.sha256, b.json.sha256);
    assert.notEqual(a.json.id, b.json.id);
    assert.equal(b.json.name, 'notulen-salinan.pdf');
    const blobs = blobsOnDisk();
    assert.equal(blobs.length, before + 1, 'one new blob');
    assert.equal(blobs.filter((f) => path.basename(f) === a.json.sha256).length, 1);
    for (const id of [a.json.id, b.json.id]) {
      const d = await kaban.get(`/api/v1/files/${id}`, { raw: true });
      assert.ok(d.bytes.equals(content));
    }
  });

  test('path components of the file name are stripped', async () => {
    for (const [sent, kept] of [['../../etc/laporan.pdf', 'laporan.pdf'], ['C:\\Users\\budi\\Desktop\\rapat.pdf', 'rapat.pdf'],
      ['/var/lib/pantau/x.pdf', 'x.pdf'], ['a/b/../c/berita acara.pdf', 'berita acara.pdf']]) {
      const r = await upload(kaban, {}, { name: sent, content: samples.pdf(), type: 'application/pdf' });
      assert.equal(r.status, 201, r.text);
      assert.equal(r.json.name, kept);
      const d = await kaban.get(`/api/v1/files/${r.json.id}`, { raw: true });
      assert.equal(d.headers.get('content-disposition'), `attachment; filename="${kept}"`);
    }
  });

  test('an empty file, a missing file, two files, or a non-multipart body are refused', async () => {
    const n = await fileCount();
    const empty = await upload(kaban, {}, { name: 'kosong.pdf', content: Buffer.alloc(0) });
    assert.deepEqual(assertProblem(assert, empty, 422).errors.map((e) => [e.field, e.code]), [['file', 'empty']]);
    const none = await upload(kaban, { region_code: '63.71' }, null);
    assert.deepEqual(assertProblem(assert, none, 422).errors.map((e) => [e.field, e.code]), [['file', 'required']]);
    // Two file parts in one upload.
    const boundary = 'batas2file';
    const part = (name) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`;
    const two = Buffer.concat([Buffer.from(part('a.pdf')), samples.pdf(), Buffer.from(`\r\n${part('b.pdf')}`), samples.pdf(), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const r2 = await kaban.request('POST', '/api/v1/files', { body: two, headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
    assertProblem(assert, r2, 400, 'upload.two_files');
    // A body cut off before its closing boundary.
    const m = multipart({}, { name: 'a.pdf', content: samples.pdf() });
    const cut = await kaban.request('POST', '/api/v1/files', { body: m.body.subarray(0, m.body.length - 20), headers: { 'Content-Type': m.contentType } });
    assertProblem(assert, cut, 400, 'multipart.malformed');
    const json = await kaban.post('/api/v1/files', { file: 'bukan berkas' });
    assert.ok([400, 415].includes(json.status));
    assertProblem(assert, json, json.status);
    const noBoundary = await kaban.request('POST', '/api/v1/files', { body: 'x', headers: { 'Content-Type': 'multipart/form-data' } });
    assertProblem(assert, noBoundary, 400, 'multipart.malformed');
    assert.equal(await fileCount(), n);
  });

  test('a bad classification or region answers 422 naming the field', async () => {
    const n = await fileCount();
    for (const [fields, field] of [[{ classification: 'SANGAT' }, 'classification'], [{ region_code: '6371' }, 'region_code'],
      [{ region_code: 'abc' }, 'region_code'], [{ region_code: '63.99' }, 'region_code']]) {
      const r = await upload(kaban, fields, { name: 'x.pdf', content: samples.pdf() });
      const p = assertProblem(assert, r, 422);
      assert.equal(p.errors[0].field, field, JSON.stringify(p.errors));
    }
    assert.equal(await fileCount(), n);
  });

  test('an upload with an Idempotency-Key is stored once however often it is retried', async () => {
    const content = Buffer.concat([samples.pdf(), Buffer.from(`%${crypto.randomUUID()}\n`)]);
    const m = multipart({ region_code: '63.71' }, { name: 'ulang.pdf', content });
    const send = () => kaban.request('POST', '/api/v1/files', { body: m.body, headers: { 'Content-Type': m.contentType, 'Idempotency-Key': 'unggah-ulang-1' } });
    const n = await fileCount();
    const a = await send();
    const b = await send();
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    assert.equal(b.json.id, a.json.id);
    assert.equal(await fileCount(), n + 1);
  });

  test('every upload is in the audit trail', async () => {
    const r = await upload(kaban, { classification: 'TERBATAS' }, { name: 'rahasia-kecil.pdf', content: samples.pdf() });
    assert.equal(r.status, 201);
    const h = await kaban.get(`/api/v1/audit?entity=evidence_file&id=${r.json.id}`);
    assert.equal(h.status, 200);
    assert.equal(h.json.items.length, 1);
    assert.equal(h.json.items[0].action, 'create');
    assert.equal(h.json.items[0].actor.username, 'banjarmasin.kaban');
    assert.equal(h.json.items[0].after.sha256, r.json.sha256);
  });
});

describe('size limits', () => {
  test('exactly 25 MiB is accepted', async () => {
    const content = Buffer.alloc(25 * 1024 * 1024, 0x20);
    samples.pdf().copy(content);
    const r = await upload(kaban, {}, { name: 'besar.pdf', content });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.size, content.length);
    assert.equal(r.json.sha256, sha256(content));
  });

  test('25 MiB + 1 byte answers 413 file.too_large, stores nothing and leaves no temporary file', async () => {
    const n = await fileCount();
    const blobs = blobsOnDisk().length;
    const content = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
    samples.pdf().copy(content);
    const r = await upload(kaban, {}, { name: 'terlalu-besar.pdf', content });
    const p = assertProblem(assert, r, 413, 'file.too_large');
    assert.match(p.message.en, /25 MB/);
    assert.equal(await fileCount(), n);
    assert.equal(blobsOnDisk().length, blobs);
    assert.deepEqual(tmpLeftovers(), []);
  });

  test('a 40 MiB upload answers 413 (refused on its declared length) and the server carries on', async () => {
    const content = Buffer.alloc(40 * 1024 * 1024, 0x20);
    samples.pdf().copy(content);
    const r = await upload(kaban, {}, { name: 'raksasa.pdf', content });
    assertProblem(assert, r, 413);
    assert.deepEqual(tmpLeftovers(), []);
    assert.equal((await kaban.get('/api/v1/session')).status, 200);
  });
});

describe('downloading', () => {
  let file;
  let content;
  before(async () => {
    content = Buffer.concat([samples.png(), crypto.randomBytes(64)]);
    const r = await upload(kaban, { region_code: '63.71' }, { name: 'peta "lokasi".png', content, type: 'image/png' });
    assert.equal(r.status, 201, r.text);
    file = r.json;
  });

  test('in scope: the identical bytes, the type, and an attachment disposition', async () => {
    for (const u of ['banjarmasin.kaban', 'banjarmasin.operator', 'kalsel.operator', 'pusat.analis']) {
      const c = u === 'banjarmasin.kaban' ? kaban : await srv.login(u);
      const r = await c.get(`/api/v1/files/${file.id}`, { raw: true });
      assert.equal(r.status, 200, u);
      assert.ok(r.bytes.equals(content), `${u} gets the identical bytes`);
      assert.equal(sha256(r.bytes), file.sha256);
      assert.equal(r.headers.get('content-type'), 'image/png');
      assert.equal(r.headers.get('content-length'), String(content.length));
      assert.equal(r.headers.get('content-disposition'), 'attachment; filename="peta _lokasi_.png"');
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.match(r.headers.get('cache-control'), /no-store/);
    }
  });

  test('out of scope: 404, and nothing of the file', async () => {
    for (const u of ['banjarbaru.operator', 'tanahlaut.operator']) {
      const c = await srv.login(u);
      const r = await c.get(`/api/v1/files/${file.id}`, { raw: true });
      assert.equal(r.status, 404, u);
      assert.equal(r.headers.get('content-disposition'), null);
      assert.ok(!r.bytes.includes(content.subarray(-64)));
      assert.ok(!r.bytes.toString().includes('lokasi'), 'the refusal does not name the file');
    }
  });

  test('above clearance: 404', async () => {
    const r = await upload(kaban, { classification: 'TERBATAS' }, { name: 'terbatas.pdf', content: samples.pdf() });
    assert.equal(r.status, 201);
    const op = await srv.login('banjarmasin.operator'); // BIASA
    assert.equal((await op.get(`/api/v1/files/${r.json.id}`, { raw: true })).status, 404);
    assert.equal((await kaban.get(`/api/v1/files/${r.json.id}`, { raw: true })).status, 200);
  });

  test('HEAD gives the headers without the body', async () => {
    const r = await kaban.request('HEAD', `/api/v1/files/${file.id}`, { raw: true });
    assert.equal(r.status, 200);
    assert.equal(r.bytes.length, 0);
    assert.equal(r.headers.get('content-length'), String(content.length));
  });

  test('no temporary upload files are left behind', () => {
    assert.deepEqual(tmpLeftovers(), []);
  });
});
