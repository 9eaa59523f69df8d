// The public service desk over HTTP: the portal without an account (offices and their
// published standards, forms, uploads checked by content, tracking by number + secret where a
// wrong secret answers exactly like an unknown number, the survey), a research permit from the
// public form through document verdicts, a request for completion that pauses the clock, the
// decision and the letter; a PPID request with its extension and answer, an objection and a
// dispute; complaints from the counter with a SP4N-LAPOR! reference and the escalation mark;
// hostile input; the staff queue and recaps scoped by region; and a walk over every public
// route that must never show internal data.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { assertProblem, dbExec, finish, ifMatch, multipart, samples, sha256, startServer, unzipText, upload } from './server.mjs';

const PUB = '/api/v1/public/layanan';
const API = '/api/v1/services';
let srv;
let anon;
const as = {};

async function uploadPublic(client, name, content, type = 'application/pdf') {
  const m = multipart({}, { name, content, type });
  return client.request('POST', `${PUB}/files`, { body: m.body, headers: { 'Content-Type': m.contentType } });
}

async function permitDocuments(client) {
  const docs = {};
  for (const type of ['APPLICATION_LETTER', 'PROPOSAL', 'STATEMENT', 'IDENTITY', 'PHOTO']) {
    const r = await uploadPublic(client, `${type}.pdf`, type === 'PHOTO' ? samples.jpeg() : samples.pdf(), 'application/pdf');
    assert.equal(r.status, 201, r.text);
    docs[type] = r.json.token;
  }
  return docs;
}

const pdfText = (bytes) => {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/\s+/g, ' ');
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const permitForm = (documents) => ({
  kind: 'RESEARCH_PERMIT', office: '63', applicant_type: 'UNIVERSITY', applicant_name: 'Siti Nurhaliza',
  applicant_contact: 'siti@example.id', applicant_id_no: '6371010101990001', applicant_org: 'Universitas Lambung Mangkurat',
  title: 'Partisipasi pemilih pemula di Banjarmasin', objectives: 'Memahami faktor partisipasi pemilih pemula.',
  method: 'Survei dan wawancara', research_region: '63.71', period_start: '2027-01-04', period_end: '2027-03-31', documents,
});

before(async () => {
  process.env.PANTAU_LAYANAN_SUBMITS_PER_MINUTE = '200';
  // Housekeeping every second: the result-report reminder is seen within the test.
  srv = await startServer({ config: 'housekeeping_seconds = 1\n' });
  anon = srv.anonymous();
  for (const u of ['admin', 'kalsel.kaban', 'kalsel.operator', 'kalsel.kabid', 'banjarmasin.operator', 'banjarbaru.operator', 'tanahlaut.operator'])
    as[u] = await srv.login(u);
});
after(async () => { await finish(assert, srv); });

describe('public portal', () => {
  test('offices and their published standards, without an account', async () => {
    const offices = await anon.get(`${PUB}/offices`);
    assert.equal(offices.status, 200);
    assert.ok(offices.json.items.some((o) => o.region_code === '63'));
    const prov = await anon.get(`${PUB}/offices/63`);
    assert.equal(prov.status, 200);
    const permit = prov.json.services.find((s) => s.kind === 'RESEARCH_PERMIT');
    assert.equal(permit.promised_working_days, 5);
    const keys = permit.standard.components.map((c) => c.key);
    // Only the six service-delivery components are public; legal basis, staff count etc. are internal.
    assert.deepEqual(keys, ['requirements', 'procedure', 'completion_time', 'cost', 'product', 'complaints']);
    assert.match(permit.standard.maklumat, /sanggup/);
    // Real service times beside the promised ones: figures, never counts.
    assert.equal(typeof permit.real_times.median_working_days, 'number');
    assert.equal(typeof permit.real_times.p90_working_days, 'number');
    assert.equal(permit.real_times.finished, undefined);
    const exempt = prov.json.information_list.find((i) => i.class === 'DIKECUALIKAN');
    assert.ok(exempt.exemption_basis.includes('Pasal 17'));
    assert.equal((await anon.get(`${PUB}/offices/99`)).status, 404);
  });

  test('uploads are checked by their content: PDF, JPEG, PNG only, at most 5 MB', async () => {
    assert.equal((await uploadPublic(anon, 'a.png', samples.png(), 'image/png')).status, 201);
    // An HTML page named .pdf and declared as a PDF is still refused.
    assertProblem(assert, await uploadPublic(anon, 'x.pdf', Buffer.from('<html><script>alert(1)</script></html>')), 415, 'file.type');
    // Office documents are fine for staff evidence, not from the public.
    assertProblem(assert, await uploadPublic(anon, 'x.docx', Buffer.from('PK\x03\x04xxxxxxxxxxxx', 'latin1')), 415, 'file.type');
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(5 * 1024 * 1024 + 10, 32)]);
    const r = await uploadPublic(anon, 'big.pdf', big);
    assert.equal(r.status, 413);
  });

  test('a research permit from the portal to the decided letter, the clock paused while the applicant completes', async () => {
    const sub = await anon.post(`${PUB}/requests`, permitForm(await permitDocuments(anon)));
    assert.equal(sub.status, 201, sub.text);
    assert.match(sub.json.reg_no, /^SKP-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    assert.equal(sub.json.secret.length, 12);
    const cred = { reg_no: sub.json.reg_no, secret: sub.json.secret };

    let t = await anon.post(`${PUB}/track`, cred);
    assert.equal(t.status, 200);
    assert.equal(t.json.status, 'SUBMITTED');
    assert.equal(t.json.clock.limit_working_days, 5);
    assert.equal(t.json.documents.length, 5);

    // Staff: the province's operator finds it at the top of the queue's research permits.
    const q = await as['kalsel.operator'].get(`${API}/cases?kind=RESEARCH_PERMIT`);
    const item = q.json.items.find((i) => i.reg_no === cred.reg_no);
    assert.ok(item);
    // Banjarmasin, where the research takes place, sees it too (read-only); Banjarbaru does not.
    const bjm = await as['banjarmasin.operator'].get(`${API}/cases?kind=RESEARCH_PERMIT`);
    assert.equal(bjm.json.items.find((i) => i.reg_no === cred.reg_no)?.read_only, true);
    assert.equal((await as['banjarbaru.operator'].get(`${API}/cases/${item.id}`)).status, 404);

    const op = as['kalsel.operator'];
    let c = await op.post(`${API}/cases/${item.id}/steps`, { action: 'START_CHECK' }, ifMatch(item.version));
    assert.equal(c.status, 200, c.text);
    const kabid = as['kalsel.kabid'];
    let v = c.json.version;
    for (const d of c.json.documents) {
      const verdict = d.type === 'PROPOSAL' ? 'REVISE' : 'OK';
      const r = await kabid.patch(`${API}/cases/${item.id}/documents/${d.type}`, { verdict, note: verdict === 'REVISE' ? 'Lampirkan jadwal penelitian.' : '' },
        ifMatch(v));
      assert.equal(r.status, 200, r.text);
      v = r.json.version;
    }
    // Not every document is accepted: the documents cannot pass yet.
    assertProblem(assert, await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'DOCUMENTS_OK' }, ifMatch(v)), 409,
      'services.documents_unsettled');
    c = await op.post(`${API}/cases/${item.id}/steps`, { action: 'RETURN_INCOMPLETE', public_note: 'Proposal perlu jadwal penelitian.' },
      ifMatch(v));
    assert.equal(c.status, 200, c.text);
    assert.equal(c.json.clock.paused, true);
    t = await anon.post(`${PUB}/track`, cred);
    assert.equal(t.json.status, 'RETURNED_INCOMPLETE');
    assert.equal(t.json.clock.paused, true);
    assert.deepEqual(t.json.applicant_actions, ['COMPLETE']);
    assert.ok(t.json.history.some((h) => h.note === 'Proposal perlu jadwal penelitian.'));
    assert.equal(t.json.documents.find((d) => d.type === 'PROPOSAL').note, 'Lampirkan jadwal penelitian.');

    const fix = await uploadPublic(anon, 'proposal-2.pdf', samples.pdf());
    t = await anon.post(`${PUB}/track/actions`, { ...cred, action: 'COMPLETE', note: 'Jadwal terlampir.', documents: { PROPOSAL: fix.json.token } });
    assert.equal(t.status, 200, t.text);
    assert.equal(t.json.status, 'DOCUMENT_CHECK');
    assert.equal(t.json.clock.paused, false);

    c = await kabid.get(`${API}/cases/${item.id}`);
    assert.equal(c.json.pauses.length, 1);
    assert.ok(c.json.pauses[0].to, 'the pause ended when the applicant completed');
    v = c.json.version;
    const r = await kabid.patch(`${API}/cases/${item.id}/documents/PROPOSAL`, { verdict: 'OK' }, ifMatch(v));
    c = await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'DOCUMENTS_OK' }, ifMatch(r.json.version));
    assert.equal(c.status, 200, c.text);
    // Only the head decides.
    assert.equal((await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'ISSUE' }, ifMatch(c.json.version))).status, 403);
    c = await as['kalsel.kaban'].post(`${API}/cases/${item.id}/steps`, { action: 'ISSUE', public_note: 'Surat terbit.' },
      ifMatch(c.json.version));
    assert.equal(c.status, 200, c.text);
    assert.equal(c.json.status, 'ISSUED');
    assert.match(c.json.letter_no, /^070\/\d{4}\/[A-Za-z]+\/\d{4}$/);
    assert.equal(c.json.clock.finished, true);
    // The result report is due 30 working days (the service's rule) after the research ends on 2027-03-31.
    assert.equal(c.json.result_due_date, '2027-05-12');
    assert.equal(c.json.result_overdue, false);
    // Past its due date without a report: housekeeping marks it once, the queue shows it among the
    // open requests and the office's staff are told.
    dbExec(srv.db, `UPDATE svc_cases SET result_due_date = '2026-01-05' WHERE id = ${item.id}`);
    let overdue;
    for (let i = 0; i < 50 && !overdue?.result_overdue; ++i) {
      await sleep(200);
      overdue = (await kabid.get(`${API}/cases/${item.id}`)).json;
    }
    assert.equal(overdue.result_overdue, true, 'marked overdue by housekeeping');
    assert.ok(overdue.result_overdue_date);
    const inQueue = (await kabid.get(`${API}/cases?kind=RESEARCH_PERMIT`)).json.items.find((i) => i.id === item.id);
    assert.equal(inQueue?.result_overdue, true, 'an overdue result report is in the open queue');
    const inbox = (await op.get('/api/v1/notifications')).json.items;
    assert.equal(inbox.filter((n) => n.title.id === `Laporan hasil penelitian terlambat: ${cred.reg_no}`).length, 1, 'told once');

    t = await anon.post(`${PUB}/track`, cred);
    assert.equal(t.json.letter_available, true);
    assert.equal(t.json.survey_open, true);
    const pdf = await anon.post(`${PUB}/track/letter`, cred, { raw: true });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    // The letter is in the document register: its QR code's page confirms number and hash, and
    // the downloaded file is byte-identical to the one issued.
    assert.ok(t.json.letter_code);
    const reg = await anon.get(`/api/v1/verify/${t.json.letter_code}`);
    assert.equal(reg.status, 200, reg.text);
    assert.equal(reg.json.number, c.json.letter_no);
    assert.equal(reg.json.sha256, sha256(pdf.bytes));
    const m = multipart({}, { name: 'surat.pdf', content: pdf.bytes, type: 'application/pdf' });
    const same = await anon.request('POST', `/api/v1/verify/${t.json.letter_code}`, { body: m.body, headers: { 'Content-Type': m.contentType } });
    assert.equal(same.status, 200, same.text);
    assert.equal(same.json.check.identical, true);
    // The letter prints the result report's due date fixed at issue (2027-05-12), in Indonesian,
    // not "one month" (which the 30 working days are not).
    const letterText = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    assert.match(letterText, /laporan hasil penelitian kepada Badan Kesatuan Bangsa dan Politik paling lambat tanggal 12 Mei 2027\./);
    assert.doesNotMatch(letterText, /satu bulan/);
    // A letter issued before the due date was stored (none on the permit) is served as issued and
    // still verifies byte for byte: nothing re-renders it from today's rules.
    dbExec(srv.db, `UPDATE svc_cases SET result_due_date = NULL WHERE id = ${item.id}`);
    const old = await anon.post(`${PUB}/track/letter`, cred, { raw: true });
    assert.equal(sha256(old.bytes), reg.json.sha256);
    const staffCopy = await kabid.get(`${API}/cases/${item.id}/letter`, { raw: true });
    assert.equal(sha256(staffCopy.bytes), reg.json.sha256);
    dbExec(srv.db, `UPDATE svc_cases SET result_due_date = '2027-05-12' WHERE id = ${item.id}`);
    // The survey once, nine elements scored 1-4.
    assertProblem(assert, await anon.post(`${PUB}/track/survey`, { ...cred, scores: [4, 4, 4, 4, 4, 4, 4, 4, 5] }), 422);
    assert.equal((await anon.post(`${PUB}/track/survey`, { ...cred, scores: [4, 4, 3, 4, 4, 4, 4, 3, 4] })).status, 204);
    assertProblem(assert, await anon.post(`${PUB}/track/survey`, { ...cred, scores: [4, 4, 3, 4, 4, 4, 4, 3, 4] }), 409, 'services.survey_done');
    // The researcher reports the results.
    t = await anon.post(`${PUB}/track/actions`, { ...cred, action: 'REPORT_RESULT', note: 'Laporan dikirim.' });
    assert.equal(t.json.status, 'RESULT_REPORTED');
    const reported = (await kabid.get(`${API}/cases/${item.id}`)).json;
    assert.equal(reported.result_overdue, false, 'reported: no longer overdue');
  });

  test('tracking: a wrong secret gets exactly the answer of an unknown number', async () => {
    const sub = await anon.post(`${PUB}/requests`, {
      kind: 'COMPLAINT', office: '63.71', applicant_name: 'Budi', applicant_contact: '0812-3456-7890', subject: 'Antrean loket', body: 'Lama sekali.',
    });
    assert.equal(sub.status, 201, sub.text);
    const wrong = await anon.post(`${PUB}/track`, { reg_no: sub.json.reg_no, secret: 'AAAAAAAAAAAA' });
    const unknown = await anon.post(`${PUB}/track`, { reg_no: 'ADU-2026-ZZZZ-ZZZZ', secret: sub.json.secret });
    assert.equal(wrong.status, 404);
    assert.equal(wrong.text, unknown.text);
    assert.equal(wrong.headers.get('content-type'), unknown.headers.get('content-type'));
    assertProblem(assert, wrong, 404, 'services.no_match');
    // Lower case and spaces as people type them.
    const ok = await anon.post(`${PUB}/track`, { reg_no: ` ${sub.json.reg_no.toLowerCase()} `, secret: sub.json.secret.toLowerCase() });
    assert.equal(ok.status, 200);
    // The letter and the survey answer the same way.
    assert.equal((await anon.post(`${PUB}/track/letter`, { reg_no: sub.json.reg_no, secret: 'AAAAAAAAAAAA' })).text, unknown.text);
  });

  test('hostile input: clear bilingual problems, nothing half-written, scripts stored as text', async () => {
    const bad = await anon.post(`${PUB}/requests`, { kind: 'COMPLAINT', office: '63', applicant_name: 'x\u0000y', applicant_contact: 'nope',
      subject: 'a'.repeat(301), body: 12 });
    const p = assertProblem(assert, bad, 422);
    const fields = p.errors.map((e) => e.field).sort();
    assert.deepEqual(fields, ['applicant_contact', 'applicant_name', 'body', 'subject']);
    assertProblem(assert, await anon.post(`${PUB}/requests`, { kind: 'PIZZA', office: '63' }), 422);
    assertProblem(assert, await anon.request('POST', `${PUB}/requests`, { body: '{"kind":', headers: { 'Content-Type': 'application/json' } }), 400);
    assertProblem(assert, await anon.post(`${PUB}/requests`, { kind: 'COMPLAINT', office: '11', applicant_name: 'A', applicant_contact: '081234567890',
      subject: 'x', body: 'y' }), 422);
    // A research permit without its documents, or with a token already used, stores nothing.
    const before = (await as['kalsel.operator'].get(`${API}/cases?kind=RESEARCH_PERMIT&all=1`)).json.items.length;
    assertProblem(assert, await anon.post(`${PUB}/requests`, permitForm({ PROPOSAL: 'nope' })), 422);
    assert.equal((await as['kalsel.operator'].get(`${API}/cases?kind=RESEARCH_PERMIT&all=1`)).json.items.length, before);
    // Markup is kept as text and comes back JSON-escaped, never interpreted.
    const x = await anon.post(`${PUB}/requests`, { kind: 'COMPLAINT', office: '63', applicant_name: '<img src=x onerror=alert(1)>',
      applicant_contact: 'a@example.id', subject: '<script>alert(1)</script>', body: '"};alert(1)//' });
    assert.equal(x.status, 201);
    const q = await as['kalsel.operator'].get(`${API}/cases?kind=COMPLAINT`);
    const it = q.json.items.find((i) => i.reg_no === x.json.reg_no);
    assert.equal(it.subject, '<script>alert(1)</script>');
    assert.equal(q.headers.get('content-type'), 'application/json');
    assert.equal(q.headers.get('x-content-type-options'), 'nosniff');
  });

  test('every public route, walked anonymously, shows nothing internal', async () => {
    const texts = [];
    for (const p of ['/offices', '/offices/63', '/offices/63.71', '/forms']) {
      const r = await anon.get(PUB + p);
      assert.equal(r.status, 200, p);
      texts.push(r.text);
    }
    const sub = await anon.post(`${PUB}/requests`, { kind: 'INFO_REQUEST', office: '63', applicant_name: 'Rahmat', applicant_contact: 'r@example.id',
      information: 'Daftar ormas terdaftar 2026', purpose: 'Penelitian', delivery_method: 'SOFTCOPY' });
    texts.push(sub.text);
    texts.push((await anon.post(`${PUB}/track`, { reg_no: sub.json.reg_no, secret: sub.json.secret })).text);
    const all = texts.join('\n');
    // No internal ids, staff names, user accounts, internal standard components, contact data of others or counts.
    assert.doesNotMatch(all, /"id":\s*\d/, 'no record ids');
    assert.doesNotMatch(all, /"(finished|on_time|late|count|total)":\s*\d/, 'no counts');
    for (const needle of ['kalsel.', 'Syarifuddin', 'Nur Aisyah', 'legal_basis', 'staff_count', 'Pemohon contoh', 'pemohon@example.id',
      'secret_hash', '"respondents"', 'internal_supervision', '"actor', 'Laporan intelijen dan hasil deteksi dini, ringkasan'])
      assert.ok(!all.includes(needle), `public answer contains ${needle}`);
    // Staff routes stay closed to the public.
    for (const p of ['/cases', '/cases/1', '/catalogue', '/information', '/recap', '/skm', '/ppid-report'])
      assert.equal((await anon.get(API + p)).status, 401, p);
  });

  test('thousands of submissions from one address are cut off with 429', async () => {
    const s2 = await startServer({});
    try {
      const a = s2.anonymous();
      const form = { kind: 'COMPLAINT', office: '63', applicant_name: 'Spam', applicant_contact: 'spam@example.id', subject: 's', body: 'b' };
      const results = await Promise.all(Array.from({ length: 260 }, () => a.post(`${PUB}/requests`, form)));
      const codes = results.map((r) => r.status);
      assert.equal(codes.filter((c) => c === 201).length, 200);
      const limited = results.find((r) => r.status === 429);
      assertProblem(assert, limited, 429, 'rate_limited');
      assert.equal(limited.headers.get('retry-after'), '60');
    } finally {
      await s2.stop();
    }
  });
});

describe('PPID, objection and dispute', () => {
  test('request, extension, answer, objection, decision and dispute stages', async () => {
    const sub = await anon.post(`${PUB}/requests`, { kind: 'INFO_REQUEST', office: '63', applicant_name: 'Ahmad', applicant_contact: 'ahmad@example.id',
      information: 'Salinan laporan hasil deteksi dini 2025', purpose: 'Kajian', delivery_method: 'SOFTCOPY' });
    assert.equal(sub.status, 201);
    const kabid = as['kalsel.kabid'];
    const item = (await kabid.get(`${API}/cases?kind=INFO_REQUEST`)).json.items.find((i) => i.reg_no === sub.json.reg_no);
    assert.equal(item.clock.limit_working_days, 10);
    // Extension needs its written reason; then 17 working days.
    assertProblem(assert, await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'EXTEND' }, ifMatch(item.version)), 422);
    let c = await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'EXTEND', public_note: 'Informasi sedang dihimpun dari bidang.' },
      ifMatch(item.version));
    assert.equal(c.json.clock.limit_working_days, 17);
    assertProblem(assert, await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'EXTEND', public_note: 'lagi' }, ifMatch(c.json.version)),
      409, 'services.step_not_allowed');
    // A stale version is refused.
    assert.equal((await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'ANSWER', response_type: 'GRANTED_FULL' },
      ifMatch(item.version))).status, 412);
    assertProblem(assert, await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'ANSWER', response_type: 'REJECTED_EXEMPT',
      exemption: 'PASAL_99' }, ifMatch(c.json.version)), 422);
    c = await kabid.post(`${API}/cases/${item.id}/steps`, { action: 'ANSWER', response_type: 'REJECTED_EXEMPT', exemption: 'PASAL_17_C',
      public_note: 'Dikecualikan berdasarkan Pasal 17 huruf c UU 14/2008.' }, ifMatch(c.json.version));
    assert.equal(c.status, 200, c.text);
    assert.equal(c.json.response_type, 'REJECTED_EXEMPT');
    assert.equal(c.json.clock.finished, true);

    // The requester objects on the portal with the request's number and secret.
    assertProblem(assert, await anon.post(`${PUB}/requests`, { kind: 'INFO_OBJECTION', office: '63', applicant_name: 'Ahmad', applicant_contact: 'ahmad@example.id',
      request_reg_no: sub.json.reg_no, request_secret: 'WRONGWRONG12', grounds: ['A_EXEMPT_REFUSAL'], case_summary: 'Tidak setuju.' }), 422);
    const obj = await anon.post(`${PUB}/requests`, { kind: 'INFO_OBJECTION', office: '63', applicant_name: 'Ahmad', applicant_contact: 'ahmad@example.id',
      request_reg_no: sub.json.reg_no, request_secret: sub.json.secret, grounds: ['A_EXEMPT_REFUSAL'], case_summary: 'Informasi ini tidak membahayakan.' });
    assert.equal(obj.status, 201, obj.text);
    assert.match(obj.json.reg_no, /^KEB-/);
    const oi = (await kabid.get(`${API}/cases?kind=INFO_OBJECTION`)).json.items.find((i) => i.reg_no === obj.json.reg_no);
    assert.equal(oi.clock.limit_working_days, 30);
    // The atasan PPID (the head) decides.
    assert.equal((await kabid.post(`${API}/cases/${oi.id}/steps`, { action: 'DECIDE', decision: 'DISMISSED', public_note: 'x' },
      ifMatch(oi.version))).status, 403);
    c = await as['kalsel.kaban'].post(`${API}/cases/${oi.id}/steps`, { action: 'DECIDE', decision: 'DISMISSED', public_note: 'Pengecualian dikuatkan.' },
      ifMatch(oi.version));
    assert.equal(c.status, 200, c.text);
    const d = await kabid.post(`${API}/cases/${oi.id}/dispute`, { filed_on: '2026-12-01', ki_level: 'PROVINSI', ki_case_no: '012/REG-PSI/XII/2026' });
    assert.equal(d.status, 201, d.text);
    let dv = 1;
    // A stage carries the day it happened, entered by staff: required, not after today, not
    // before the previous stage (the registration first); each refusal names the field in both languages.
    const stageErr = async (body, code) => {
      const p = assertProblem(assert, await kabid.patch(`${API}/disputes/${d.json.id}`, body, ifMatch(dv)), 422);
      const e = p.errors.find((x) => x.field === 'stage_on');
      assert.ok(e, JSON.stringify(p));
      if (code) assert.equal(e.code, code);
    };
    await stageErr({ stage: 'MEDIATION' }, 'required');
    await stageErr({ stage: 'MEDIATION', stage_on: '3 Des 2026' }, 'invalid');
    const tomorrow = new Date(Date.now() + 2 * 86400000).toISOString().slice(0, 10);
    await stageErr({ stage: 'MEDIATION', stage_on: tomorrow }, 'in_future');
    await stageErr({ stage: 'MEDIATION', stage_on: '2026-11-30' }, 'before_previous');
    for (const [stage, on] of [['MEDIATION', '2026-12-02'], ['DECIDED', '2026-12-04']]) {
      if (stage === 'DECIDED') await stageErr({ stage, stage_on: '2026-12-01', decision: 'x' }, 'before_previous');
      const r = await kabid.patch(`${API}/disputes/${d.json.id}`, { stage, stage_on: on, decision: stage === 'DECIDED' ? 'Permohonan ditolak' : '' },
        ifMatch(dv));
      assert.equal(r.status, 204, r.text);
      dv += 1;
    }
    assertProblem(assert, await kabid.patch(`${API}/disputes/${d.json.id}`, { stage: 'MEDIATION', stage_on: '2026-12-04' }, ifMatch(dv)), 409,
      'services.dispute_step');
    // The day each stage happened is the one entered, not the day it was recorded; the stage also
    // stays in the objection's history.
    const hist = (await kabid.get(`${API}/cases/${oi.id}`)).json;
    assert.deepEqual(hist.history.filter((h) => h.action.startsWith('DISPUTE')).map((h) => h.action), ['DISPUTE', 'DISPUTE_MEDIATION', 'DISPUTE_DECIDED']);
    assert.equal(hist.dispute.stage, 'DECIDED');
    assert.deepEqual(hist.dispute.stages.map((x) => [x.stage, x.on]), [['MEDIATION', '2026-12-02'], ['DECIDED', '2026-12-04']]);
    assert.equal(hist.dispute.decided_on, '2026-12-04', 'the decision is dated on the day of its stage');
    const rep = await kabid.get(`${API}/ppid-report?year=${new Date().getUTCFullYear()}`);
    assert.equal(rep.status, 200);
    assert.ok(rep.json.by_response_type.REJECTED_EXEMPT >= 1);
    assert.ok(rep.json.objections >= 1);
    assert.ok(rep.json.disputes >= 1);
    assert.ok(rep.json.refused_by_exemption.PASAL_17_C >= 1);
    assert.ok(rep.json.objections_by_decision.DISMISSED >= 1);
    assert.ok(rep.json.disputes_by_stage.DECIDED >= 1);
    assert.ok(rep.json.median_working_days >= 0);

    // The annual report as a registered PDF on the office's letterhead, and as a workbook.
    const year = new Date().getUTCFullYear();
    const pdf = await kabid.get(`${API}/ppid-report.pdf?year=${year}`, { raw: true });
    assert.equal(pdf.status, 200, pdf.text);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const text = pdfText(pdf.bytes);
    assert.match(text, /BADAN KESATUAN BANGSA DAN POLITIK/);
    assert.match(text, new RegExp(`LAPORAN TAHUNAN LAYANAN INFORMASI PUBLIK TAHUN ${year}`));
    assert.match(text, /Pasal 17 huruf c UU 14\/2008/);
    assert.match(text, /Keberatan ditolak/);
    assert.match(text, /Diputus/);
    const code = pdf.headers.get('x-document-code');
    const reg = await anon.get(`/api/v1/verify/${code}`);
    assert.equal(reg.status, 200, reg.text);
    assert.equal(reg.json.sha256, sha256(pdf.bytes));
    assert.match(text, new RegExp(reg.json.number.replace(/[./]/g, '\\$&')));
    const xlsx = await kabid.get(`${API}/ppid-report.xlsx?year=${year}`, { raw: true });
    assert.equal(xlsx.status, 200);
    const sheets = unzipText(xlsx.bytes);
    assert.match(sheets, /Permohonan diterima/);
    assert.match(sheets, /Pasal 17 huruf c UU 14\/2008/);
    // Another office's report is as absent as an unknown one; a bad year names the field.
    assertProblem(assert, await as['tanahlaut.operator'].get(`${API}/ppid-report.pdf?year=${year}&region=63`), 404);
    const badYear = await kabid.get(`${API}/ppid-report.xlsx?year=19`);
    assertProblem(assert, badYear, 422);
    assert.equal(badYear.json.errors[0].field, 'year');
  });
});

describe('complaints, queue, recap and SKM', () => {
  test('a counter complaint with a SP4N-LAPOR! reference, acknowledged, escalated to the Ombudsman', async () => {
    const op = as['banjarmasin.operator'];
    assertProblem(assert, await op.post(`${API}/cases`, { kind: 'COMPLAINT', office: '63.71', channel: 'LAPOR', applicant_name: 'Warga',
      subject: 'Pungutan', body: 'Diminta biaya.' }), 422);
    const sub = await op.post(`${API}/cases`, { kind: 'COMPLAINT', office: '63.71', channel: 'LAPOR', lapor_ref: '4182736', applicant_name: 'Warga',
      subject: 'Pungutan', body: 'Diminta biaya.' }, { headers: { 'Idempotency-Key': 'adu-lapor-1' } });
    assert.equal(sub.status, 201, sub.text);
    const again = await op.post(`${API}/cases`, { kind: 'COMPLAINT', office: '63.71', channel: 'LAPOR', lapor_ref: '4182736', applicant_name: 'Warga',
      subject: 'Pungutan', body: 'Diminta biaya.' }, { headers: { 'Idempotency-Key': 'adu-lapor-1' } });
    assert.equal(again.json.reg_no, sub.json.reg_no, 'a retried counter entry is stored once');
    // Another office cannot enter for Banjarmasin.
    assert.equal((await as['banjarbaru.operator'].post(`${API}/cases`, { kind: 'COMPLAINT', office: '63.71', applicant_name: 'X', subject: 's', body: 'b' })).status, 403);
    const item = (await op.get(`${API}/cases?kind=COMPLAINT`)).json.items.find((i) => i.reg_no === sub.json.reg_no);
    assert.equal(sub.json.id, item.id, 'the counter answer names the request for the staff screen');
    let c = await op.get(`${API}/cases/${item.id}`);
    assert.equal(c.json.lapor_ref, '4182736');
    assert.equal(c.json.acknowledge_clock.limit_working_days, 14);
    c = await op.post(`${API}/cases/${item.id}/steps`, { action: 'ACKNOWLEDGE' }, ifMatch(c.json.version));
    assert.equal(c.json.acknowledge_clock.finished, true);
    c = await op.post(`${API}/cases/${item.id}/steps`, { action: 'ESCALATE', note: 'Pelapor melapor ke Ombudsman RI Kalsel.' }, ifMatch(c.json.version));
    assert.equal(c.json.status, 'ESCALATED_OMBUDSMAN');
    assert.equal(c.json.escalated_ombudsman, true);
  });

  test('the queue is sorted by time left and scoped; recap and SKM per office for the province', async () => {
    const q = await as['kalsel.operator'].get(`${API}/cases`);
    assert.equal(q.status, 200);
    const lefts = q.json.items.filter((i) => !i.clock.paused).map((i) => i.clock.left_working_days);
    assert.deepEqual(lefts, [...lefts].sort((a, b) => a - b));
    assert.ok(q.json.items.every((i) => i.region_code.startsWith('63')));
    const tl = await as['tanahlaut.operator'].get(`${API}/cases`);
    assert.deepEqual(tl.json.items, []);
    const year = new Date().getUTCFullYear();
    const recap = await as['kalsel.kaban'].get(`${API}/recap?year=${year}`);
    assert.equal(recap.status, 200);
    const offices = new Set(recap.json.items.map((i) => i.region_code));
    assert.ok(offices.has('63') && offices.has('63.71'), 'the province sees its own office and Banjarmasin');
    for (const i of recap.json.items) {
      assert.equal(i.on_time + i.late, i.finished);
      if (i.finished) {
        assert.ok(i.median_working_days <= i.p90_working_days);
        assert.ok(i.average_working_days >= 0);
      } else {
        assert.equal(i.median_working_days, null);
      }
      assert.ok(Number.isInteger(i.received));
    }
    // The received count of a year is every request registered in it, office by office.
    const received = srv.sql(`SELECT region_code, kind, COUNT(*) FROM svc_cases WHERE start_date >= '${year}-01-01' AND start_date < '${year + 1}-01-01' `
      + "AND region_code LIKE '63%' GROUP BY region_code, kind")
    assert.ok(received.length > 0);
    for (const [region, kind, n] of received)
      assert.equal(recap.json.items.find((i) => i.region_code === region && i.kind === kind)?.received, Number(n), `${region} ${kind}`);
    const bjm = await as['banjarmasin.operator'].get(`${API}/recap?year=${year}`);
    assert.ok(bjm.json.items.every((i) => i.region_code === '63.71'));
    // The province narrows to one office with ?region=; the same rows as that office sees.
    const narrowed = await as['kalsel.kaban'].get(`${API}/recap?year=${year}&region=63.71`);
    assert.deepEqual(narrowed.json.items, bjm.json.items);
    assertProblem(assert, await as['banjarmasin.operator'].get(`${API}/recap?year=${year}&region=63`), 404);
    assertProblem(assert, await as['kalsel.kaban'].get(`${API}/recap?year=${year}&region=x'`), 422);
    // And as a workbook, with the office's row and its figures.
    const recapXlsx = await as['kalsel.kaban'].get(`${API}/recap.xlsx?year=${year}`, { raw: true });
    assert.equal(recapXlsx.status, 200);
    const recapSheet = unzipText(recapXlsx.bytes);
    assert.match(recapSheet, /REKAP WAKTU LAYANAN/);
    assert.match(recapSheet, /Rata-rata hari kerja/);
    assert.match(recapSheet, /Permohonan informasi publik/);
    assert.match(recapXlsx.headers.get('content-disposition'), new RegExp(`rekap-waktu-layanan-63-${year}\\.xlsx`));
    // The ministry's workbook covers the whole country and is named so (not "rekap-waktu-layanan--2026").
    const national = await as.admin.get(`${API}/recap.xlsx?year=${year}`, { raw: true });
    assert.equal(national.status, 200);
    assert.match(national.headers.get('content-disposition'), new RegExp(`rekap-waktu-layanan-nasional-${year}\\.xlsx`));
    const skm = await as['kalsel.kaban'].get(`${API}/skm?year=${year}`);
    assert.equal(skm.json.elements.length, 9);
    for (const s of skm.json.items) {
      assert.ok(s.index >= 25 && s.index <= 100);
      assert.match(s.band, /^[ABCD]$/);
    }
    // The annual SKM report: index per service and overall with its band, U1..U9, respondents.
    const skmPdf = await as['kalsel.kaban'].get(`${API}/skm-report.pdf?year=${year}`, { raw: true });
    assert.equal(skmPdf.status, 200, skmPdf.text);
    const skmText = pdfText(skmPdf.bytes);
    assert.match(skmText, new RegExp(`LAPORAN SURVEI KEPUASAN MASYARAKAT TAHUN ${year}`));
    assert.match(skmText, /Indeks kepuasan masyarakat/);
    assert.match(skmText, /U9/);
    if (skm.json.items.length) assert.match(skmText, new RegExp(skm.json.items[0].index.toFixed(2)));
    const skmXlsx = unzipText((await as['kalsel.kaban'].get(`${API}/skm-report.xlsx?year=${year}`, { raw: true })).bytes);
    assert.match(skmXlsx, /Responden/);
    assert.match(skmXlsx, /U1/);
    assertProblem(assert, await as['kalsel.kaban'].get(`${API}/recap?year=abc`), 422);
  });

  test('standards are versioned; only published components need text; the Daftar Informasi Publik needs a basis for exemptions', async () => {
    const cat = await as['kalsel.kabid'].get(`${API}/catalogue`);
    const svc = cat.json.items.find((s) => s.region_code === '63' && s.kind === 'COMPLAINT');
    assertProblem(assert, await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-01-01', published: true,
      components: { requirements: 'KTP' } }, ifMatch(1)), 422);
    const comp = { requirements: 'Identitas', procedure: 'Isi formulir', completion_time: '14 hari kerja', cost: 'Gratis', product: 'Jawaban', complaints: 'Portal' };
    const r = await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-01-01', published: true, components: comp, maklumat: 'Kami sanggup.' },
      ifMatch(1));
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.version_no, 2);
    const pub = await anon.get(`${PUB}/offices/63`);
    assert.equal(pub.json.services.find((s) => s.kind === 'COMPLAINT').standard.effective_from, '2027-01-01');
    assert.equal((await as['kalsel.operator'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-01-01', components: comp }, ifMatch(2))).status, 403);
    // Limits are data, edited with If-Match.
    const u = await as['kalsel.kabid'].patch(`${API}/catalogue/${svc.id}`, { sla_working_days: 20, ack_working_days: 3, limit_basis: 'Standar pelayanan 2027' },
      ifMatch(svc.version));
    assert.equal(u.status, 204, u.text);
    assertProblem(assert, await as['kalsel.operator'].post(`${API}/information`, { class: 'DIKECUALIKAN', title: 'Data intelijen' }), 422);
    const added = await as['kalsel.operator'].post(`${API}/information`, { class: 'BERKALA', title: 'Laporan tahunan PPID' });
    assert.equal(added.status, 201);
    // An entry is changed with If-Match; an exempt one still needs its basis.
    const entry = (await as['kalsel.operator'].get(`${API}/information`)).json.items.find((i) => i.id === added.json.id);
    assertProblem(assert, await as['kalsel.operator'].patch(`${API}/information/${entry.id}`, { class: 'BERKALA', title: 'x' }), 428);
    const noBasis = assertProblem(assert, await as['kalsel.operator'].patch(`${API}/information/${entry.id}`, { class: 'DIKECUALIKAN', title: 'Laporan tahunan PPID' },
      ifMatch(entry.version)), 422);
    assert.deepEqual(noBasis.errors.map((e) => e.field), ['exemption_basis']);
    const ch = await as['kalsel.operator'].patch(`${API}/information/${entry.id}`, { class: 'SETIAP_SAAT', title: 'Laporan tahunan PPID 2026', summary: 'Rekap layanan informasi' },
      ifMatch(entry.version));
    assert.equal(ch.status, 204, ch.text);
    assertProblem(assert, await as['kalsel.operator'].patch(`${API}/information/${entry.id}`, { class: 'BERKALA', title: 'Basi' }, ifMatch(entry.version)), 412);
    const shown = (await anon.get(`${PUB}/offices/63`)).json.information_list.find((i) => i.title === 'Laporan tahunan PPID 2026');
    assert.equal(shown.class, 'SETIAP_SAAT');
    assert.equal((await as['banjarmasin.operator'].patch(`${API}/information/${entry.id}`, { class: 'BERKALA', title: 'x' }, ifMatch(entry.version + 1))).status, 404);
  });

  test('a draft standard stays off the portal until it is published; If-Match guards a new version', async () => {
    const svc = (await as['kalsel.kabid'].get(`${API}/catalogue`)).json.items.find((s) => s.region_code === '63' && s.kind === 'INFO_REQUEST');
    const before = (await as['kalsel.kabid'].get(`${API}/catalogue/${svc.id}/standards`)).json.items;
    const latest = before[0].version_no;
    const comp = Object.fromEntries(Object.entries(before[0].components).map(([k, v]) => [k, v]));
    comp.cost = 'Gratis; salinan cetak dikenai biaya penggandaan';
    const stale = await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-02-01', components: comp }, ifMatch(latest + 1));
    assertProblem(assert, stale, 412);
    // A new version without If-Match is refused as every other write is, and nothing is added.
    const bare = assertProblem(assert, await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-02-01', components: comp }), 428);
    assert.match(bare.message.id, /If-Match/);
    assertProblem(assert, await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-02-01', components: comp }, ifMatch(latest - 1)), 412);
    assert.equal((await as['kalsel.kabid'].get(`${API}/catalogue/${svc.id}/standards`)).json.items[0].version_no, latest, 'no version was added');
    const draft = await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-02-01', components: comp, maklumat: 'Maklumat baru.' },
      ifMatch(latest));
    assert.equal(draft.status, 201, draft.text);
    assert.equal(draft.json.version_no, latest + 1);
    const portalStd = async () => (await anon.get(`${PUB}/offices/63`)).json.services.find((s) => s.kind === 'INFO_REQUEST').standard;
    assert.notEqual((await portalStd()).effective_from, '2027-02-01', 'a draft is not on the portal');
    assert.equal((await as['kalsel.operator'].post(`${API}/catalogue/${svc.id}/standards/${latest + 1}/publish`)).status, 403);
    assert.equal((await as['banjarmasin.operator'].post(`${API}/catalogue/${svc.id}/standards/${latest + 1}/publish`)).status, 403);
    assert.equal((await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards/99/publish`)).status, 404);
    const pub = await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards/${latest + 1}/publish`);
    assert.equal(pub.status, 200, pub.text);
    assert.equal(pub.json.items[0].published, true);
    const now = await portalStd();
    assert.equal(now.effective_from, '2027-02-01');
    assert.equal(now.maklumat, 'Maklumat baru.');
    assert.match(now.components.find((c) => c.key === 'cost').text, /penggandaan/);
    // An older draft cannot replace the version in force.
    const older = await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-03-01', components: comp }, ifMatch(latest + 1));
    assert.equal(older.status, 201);
    const newer = await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards`, { effective_from: '2027-04-01', components: comp, published: true },
      ifMatch(latest + 2));
    assert.equal(newer.status, 201, newer.text);
    assertProblem(assert, await as['kalsel.kabid'].post(`${API}/catalogue/${svc.id}/standards/${latest + 2}/publish`), 409, 'services.standard_superseded');
  });
});

describe('Ombudsman self-assessment', () => {
  test('checklist from data, answers with If-Match, evidence by content, score, zone and history, scoped', async () => {
    const SA = `${API}/self-assessments`;
    const kabid = as['kalsel.kabid'];
    const cl = await kabid.get(`${SA}/checklist`);
    assert.equal(cl.status, 200);
    assert.deepEqual(cl.json.dimensions.map((d) => d.code), ['INPUT', 'PROCESS', 'OUTPUT', 'COMPLAINTS']);
    assert.equal(Math.round(cl.json.dimensions.reduce((s, d) => s + d.weight, 0) * 100) / 100, 100);
    assert.ok(cl.json.items.every((i) => i.confirmed === false && i.source), 'item weights are marked unconfirmed, with a source');
    assert.deepEqual(cl.json.zones.map((z) => z.zone), ['HIJAU', 'KUNING', 'MERAH']);

    assertProblem(assert, await kabid.post(SA, { year: 1999 }), 422);
    const made = await kabid.post(SA, { year: 2026 }, { headers: { 'Idempotency-Key': 'sa-63-2026' } });
    assert.equal(made.status, 201, made.text);
    assert.equal(made.json.region_code, '63');
    assert.equal(made.json.score.total, 0);
    assert.equal(made.json.score.zone, 'MERAH');
    const again = await kabid.post(SA, { year: 2026 }, { headers: { 'Idempotency-Key': 'sa-63-2026' } });
    assert.equal(again.json.id, made.json.id, 'a retried create is stored once');
    assertProblem(assert, await kabid.post(SA, { year: 2026 }), 409, 'services.assessment_exists');
    // Another office's assessment: absent for Tanah Laut, which cannot create one for the province either.
    assertProblem(assert, await as['tanahlaut.operator'].get(`${SA}/${made.json.id}`), 404);
    assertProblem(assert, await as['tanahlaut.operator'].post(SA, { year: 2026, region_code: '63' }), 404);

    // Every item YES except the process dimension: 100 - 32.37 = 67.63, the yellow zone.
    let a = made.json;
    assertProblem(assert, await kabid.patch(`${SA}/${a.id}/answers`, { item: 'IN01', answer: 'YES' }, ifMatch(a.version + 5)), 412);
    assertProblem(assert, await kabid.patch(`${SA}/${a.id}/answers`, { item: 'XX99', answer: 'YES' }, ifMatch(a.version)), 422);
    assertProblem(assert, await kabid.patch(`${SA}/${a.id}/answers`, { item: 'IN01', answer: 'MAYBE' }, ifMatch(a.version)), 422);
    for (const i of cl.json.items) {
      const r = await kabid.patch(`${SA}/${a.id}/answers`, { item: i.code, answer: i.dimension === 'PROCESS' ? 'NO' : 'YES' }, ifMatch(a.version));
      assert.equal(r.status, 200, r.text);
      a = r.json;
    }
    assert.equal(a.score.total, 67.63);
    assert.equal(a.score.zone, 'KUNING');
    assert.equal(a.score.zone_label.id, 'Zona kuning (kualitas sedang)');
    assert.equal(a.score.by_dimension.PROCESS, 0);
    assert.equal(a.score.answered, cl.json.items.length);

    // Evidence: a PNG from the files store (typed by its content) is attached to an item, once.
    const png = await upload(kabid, { region_code: '63', entity: 'svc_assessment', entity_id: String(a.id) },
      { name: 'maklumat.png', content: samples.png(), type: 'image/png' });
    assert.equal(png.status, 201, png.text);
    const ev = await kabid.post(`${SA}/${a.id}/evidence`, { item: 'PR07', file_id: Number(png.json.id) }, ifMatch(a.version));
    assert.equal(ev.status, 200, ev.text);
    assert.deepEqual(ev.json.evidence.map((e) => [e.item, e.name]), [['PR07', 'maklumat.png']]);
    a = ev.json;
    assertProblem(assert, await kabid.post(`${SA}/${a.id}/evidence`, { item: 'PR07', file_id: Number(png.json.id) }, ifMatch(a.version)), 409,
      'services.evidence_exists');
    assertProblem(assert, await kabid.post(`${SA}/${a.id}/evidence`, { item: 'PR08', file_id: 999999 }, ifMatch(a.version)), 422);
    // The history of the office.
    const hist = await kabid.get(`${SA}?region=63`);
    assert.equal(hist.json.items.find((h) => h.year === 2026).score.total, 67.63);
    assert.deepEqual((await as['tanahlaut.operator'].get(SA)).json.items.filter((h) => h.region_code === '63'), []);
    // The head of the office reads it too.
    assert.equal((await as['kalsel.kaban'].get(`${SA}/${a.id}`)).status, 200);
  });
});
