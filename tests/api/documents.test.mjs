// The document register over HTTP: an official PDF carries a verification code (X-Document-Code
// and the QR code on the page); anyone, without an account, can confirm what was issued at
// /api/v1/verify/<code>, and upload a file to learn whether it is byte-identical. A changed
// record's PDF supersedes the earlier one; an unknown code answers the same 404 as any.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, multipart, sha256, startServer } from './server.mjs';

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
