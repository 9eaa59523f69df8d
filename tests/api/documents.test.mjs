// The document register over HTTP: an official PDF carries a verification code (X-Document-Code
// and the QR code on the page); anyone, without an account, can confirm what was issued at
// /api/v1/verify/<code>, and upload a file to learn whether it is byte-identical. A changed
// record's PDF supersedes the earlier one; an unknown code answers the same 404 as any.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { REPO, assertProblem, finish, multipart, samples, sha256, startServer } from './server.mjs';

let srv;
let op;
let anon;

before(async () => {
  srv = await startServer();
  op = await srv.login('banjarmasin.operator');
  anon = srv.anonymous();
});

after(() => finish(assert, srv));

describe('verification of an issued document', () => {
  const s = {};

  test('a draft report gets a register entry and its code', async () => {
    let r = await op.post('/api/v1/monitoring/reports', {
      report_type: 'TRIWULAN', period: '2026-Q1', sections: { general_situation: 'Situasi politik kondusif.' },
    });
    assert.equal(r.status, 201, r.text);
    s.report = r.json;
    r = await op.get(`/api/v1/monitoring/reports/${s.report.id}/pdf`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('content-type'), 'application/pdf');
    s.code = r.headers.get('x-document-code');
    assert.match(s.code, /^[A-Za-z0-9_-]{20,}$/);
    s.pdf = r.bytes;
    // Asked again: the same file and the same code.
    r = await op.get(`/api/v1/monitoring/reports/${s.report.id}/pdf`);
    assert.equal(r.headers.get('x-document-code'), s.code);
    assert.ok(r.bytes.equals(s.pdf), 'the same bytes');
  });

  test('the public answer shows only what the page may show', async () => {
    const r = await anon.get(`/api/v1/verify/${s.code}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.sha256, sha256(s.pdf));
    assert.equal(r.json.size, s.pdf.length);
    assert.equal(r.json.draft, true);
    assert.equal(r.json.superseded, false);
    assert.equal(r.json.kind.code, 'MONITORING_REPORT');
    assert.match(r.json.issuer, /Kota Banjarmasin/);
    assert.deepEqual(Object.keys(r.json).sort(), ['code', 'draft', 'issued_at', 'issuer', 'kind', 'number', 'region_code', 'sha256',
      'size', 'superseded', 'superseded_at', 'title'].sort());
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  test('an upload of the issued file is identical; one changed byte is not', async () => {
    let r = await anon.request('POST', `/api/v1/verify/${s.code}`, { body: s.pdf, headers: { 'Content-Type': 'application/pdf' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.check.identical, true);
    const changed = Buffer.from(s.pdf);
    changed[Math.floor(changed.length / 2)] ^= 0x01;
    r = await anon.request('POST', `/api/v1/verify/${s.code}`, { body: changed, headers: { 'Content-Type': 'application/pdf' } });
    assert.equal(r.json.check.identical, false);
    assert.equal(r.json.check.uploaded_sha256, sha256(changed));
    // As a form upload (the web page's way).
    const m = multipart({}, { name: 'laporan.pdf', content: s.pdf, type: 'application/pdf' });
    r = await anon.request('POST', `/api/v1/verify/${s.code}`, { body: m.body, headers: { 'Content-Type': m.contentType } });
    assert.equal(r.json.check.identical, true);
    r = await anon.request('POST', `/api/v1/verify/${s.code}`, { body: multipart({ note: 'x' }).body, headers: { 'Content-Type': multipart().contentType } });
    assert.ok(r.status === 400 || r.status === 422, r.text);
  });

  test('an unknown or malformed code answers the same 404 as any absent record', async () => {
    const a = await anon.get('/api/v1/verify/AAAAAAAAAAAAAAAAAAAAAA');
    const b = await anon.get('/api/v1/verify/x');
    const j = assertProblem(assert, a, 404);
    assert.equal(a.text, b.text);
    assert.equal(j.code, 'not_found');
    const c = await anon.request('POST', '/api/v1/verify/AAAAAAAAAAAAAAAAAAAAAA', { body: s.pdf, headers: { 'Content-Type': 'application/pdf' } });
    assert.equal(c.text, a.text);
  });

  test('a changed record supersedes the earlier document', async () => {
    let r = await op.patch(`/api/v1/monitoring/reports/${s.report.id}`, { sections: { general_situation: 'Ada unjuk rasa damai.' } },
      { headers: { 'If-Match': `"${s.report.version}"` } });
    assert.equal(r.status, 200, r.text);
    r = await op.get(`/api/v1/monitoring/reports/${s.report.id}/pdf`);
    const code = r.headers.get('x-document-code');
    assert.notEqual(code, s.code);
    r = await anon.get(`/api/v1/verify/${s.code}`);
    assert.equal(r.json.superseded, true);
    assert.ok(r.json.superseded_at);
    r = await anon.get(`/api/v1/verify/${code}`);
    assert.equal(r.json.superseded, false);
  });
});

// What an office's documents print about it, edited by its administrators: the letterhead
// (address, contact line, coat of arms), the city of signing and the head's NIP and rank.
describe('office letterhead and signature block', () => {
  const s = {};
  const imagesIn = (pdf) => (pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) || []).length;
  const reportPdf = async (period) => {
    let r = await op.post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period });
    assert.equal(r.status, 201, r.text);
    r = await op.get(`/api/v1/monitoring/reports/${r.json.id}/pdf`);
    assert.equal(r.status, 200, r.text);
    return r.bytes;
  };
  const putEmblem = (client, unit, body, version = unit.version) =>
    client.request('POST', `/api/v1/org-units/${unit.id}/emblem`, { body, headers: { 'Content-Type': 'image/png', 'If-Match': `"${version}"` } });

  before(async () => {
    s.admin = await srv.login('kalsel.admin');
    s.root = await srv.login('admin');
    const units = (await s.root.get('/api/v1/org-units?kind=KESBANGPOL&limit=100')).json.items;
    s.unit = units.find((u) => u.region_code === '63.71');
    const bjb = units.find((u) => u.region_code === '63.72');
    const r = await s.root.post('/api/v1/users', {
      username: 'banjarbaru.admin.kop', full_name: 'Admin Banjarbaru', password: 'KopSurat2024aman', role: 'ADMIN_DAERAH',
      clearance: 'BIASA', org_unit_id: bjb.id,
    });
    assert.equal(r.status, 201, r.text);
    s.foreign = await srv.login('banjarbaru.admin.kop', 'KopSurat2024aman');
  });

  test('the office form edits address, contact line and city, with If-Match and an audit entry', async () => {
    let r = await s.admin.get(`/api/v1/org-units/${s.unit.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.emblem, null);
    assert.equal(r.json.head.name.length > 0, true, 'the head of the office is shown with the unit');
    const body = { address: 'Jalan Pramuka Nomor 2, Banjarmasin 70238', contact: 'Telepon (0511) 3252740, Pos-el kesbangpol@banjarmasinkota.go.id', city: 'Banjarmasin' };
    assertProblem(assert, await s.admin.patch(`/api/v1/org-units/${s.unit.id}`, body), 428);
    r = await s.admin.patch(`/api/v1/org-units/${s.unit.id}`, body, { headers: { 'If-Match': `"${r.json.version}"` } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.contact, body.contact);
    assert.equal(r.json.city, 'Banjarmasin');
    s.unit = r.json;
    const hist = (await s.admin.get(`/api/v1/audit?entity=org_unit&id=${s.unit.id}`)).json.items;
    assert.ok(hist.some((e) => e.action === 'update' && JSON.stringify(e.after ?? e).includes('Pos-el kesbangpol@banjarmasinkota.go.id')));
    r = await s.admin.patch(`/api/v1/org-units/${s.unit.id}`, { city: 'x'.repeat(101) }, { headers: { 'If-Match': `"${s.unit.version}"` } });
    assertProblem(assert, r, 422);
    assert.equal(r.json.errors[0].field, 'city');
  });

  test('the head\'s NIP is 18 digits (spaces allowed), with a message in both languages', async () => {
    const users = (await s.root.get('/api/v1/users?role=KABAN&limit=100')).json.items;
    const head = users.find((u) => u.org_unit_id === s.unit.id);
    let r = await s.root.patch(`/api/v1/users/${head.id}`, { nip: '1971091519960310' }, { headers: { 'If-Match': `"${head.version}"` } });
    assertProblem(assert, r, 422);
    assert.equal(r.json.errors[0].field, 'nip');
    assert.match(r.json.errors[0].message.id, /18 angka/);
    assert.match(r.json.errors[0].message.en, /18 digits/);
    r = await s.root.patch(`/api/v1/users/${head.id}`, { nip: '19710915 199603 1 004', rank: 'Pembina Utama Muda (IV/c)' },
      { headers: { 'If-Match': `"${head.version}"` } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.nip, '197109151996031004');
    assert.equal(r.json.rank, 'Pembina Utama Muda (IV/c)');
    const unit = (await s.admin.get(`/api/v1/org-units/${s.unit.id}`)).json;
    assert.equal(unit.head.rank, 'Pembina Utama Muda (IV/c)', 'the office shows its head as documents print them');
  });

  test('the coat of arms: PNG or JPEG by content, at most 1 MB, only within the admin\'s region', async () => {
    s.before = await reportPdf('2025-Q1');
    assert.equal(imagesIn(s.before), 0, 'no image on the letterhead of an office without one');
    // Refused: a program renamed to .png, a text, an empty body, a file over 1 MB, a stale version.
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]);
    let r = await putEmblem(s.admin, s.unit, exe);
    assertProblem(assert, r, 422);
    assert.equal(r.json.errors[0].field, 'file');
    assert.match(r.json.errors[0].message.id, /PNG atau JPEG/);
    assertProblem(assert, await putEmblem(s.admin, s.unit, Buffer.from('bukan gambar\n')), 422);
    // A damaged PNG (cut short) is refused, and the server lives on (finish() checks it).
    assertProblem(assert, await putEmblem(s.admin, s.unit, samples.png().subarray(0, 40)), 422);
    assertProblem(assert, await putEmblem(s.admin, s.unit, Buffer.alloc(0)), 422);
    const big = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc((1 << 20) + 1)]);
    r = await putEmblem(s.admin, s.unit, big);
    assertProblem(assert, r, 413);
    assert.match(r.json.message.id, /1 MB/);
    assertProblem(assert, await putEmblem(s.admin, s.unit, samples.png(), s.unit.version - 1), 412);
    // Another kab/kota's admin does not find the office; an operator lacks the permission.
    assertProblem(assert, await putEmblem(s.foreign, s.unit, samples.png()), 404);
    assertProblem(assert, await putEmblem(op, s.unit, samples.png()), 403);
    assert.equal((await s.admin.get(`/api/v1/org-units/${s.unit.id}`)).json.version, s.unit.version, 'nothing changed');

    r = await putEmblem(s.admin, s.unit, samples.png());
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.emblem.mime, 'image/png');
    assert.equal(r.json.version, s.unit.version + 1);
    assert.equal(r.headers.get('etag'), `"${r.json.version}"`);
    s.unit = r.json;
    r = await op.get(`/api/v1/org-units/${s.unit.id}/emblem`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/png');
    assert.ok(r.bytes.equals(samples.png()));
    const hist = (await s.admin.get(`/api/v1/audit?entity=org_unit&id=${s.unit.id}`)).json.items;
    assert.ok(hist.some((e) => e.action === 'update' && JSON.stringify(e).includes('image/png')), 'the upload is audited');

    const withEmblem = await reportPdf('2025-Q2');
    // The sample PNG is transparent: the image and its soft mask.
    assert.ok(imagesIn(withEmblem) >= 1, 'the letterhead draws the coat of arms');
    // A JPEG replaces it (a baseline JPEG of the user guide).
    r = await putEmblem(s.admin, s.unit, fs.readFileSync(path.join(REPO, 'docs/img/panduan/beranda-operator.jpg')));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.emblem.mime, 'image/jpeg');
    s.unit = r.json;
  });

  test('the coat of arms is removed with If-Match, and the letterhead is text only again', async () => {
    assertProblem(assert, await s.admin.del(`/api/v1/org-units/${s.unit.id}/emblem`), 428);
    assertProblem(assert, await s.foreign.del(`/api/v1/org-units/${s.unit.id}/emblem`, { headers: { 'If-Match': `"${s.unit.version}"` } }), 404);
    let r = await s.admin.del(`/api/v1/org-units/${s.unit.id}/emblem`, { headers: { 'If-Match': `"${s.unit.version}"` } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.emblem, null);
    assertProblem(assert, await op.get(`/api/v1/org-units/${s.unit.id}/emblem`), 404);
    assert.equal(imagesIn(await reportPdf('2025-Q3')), 0);
  });
});
