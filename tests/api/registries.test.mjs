// Registries over HTTP in Kalimantan Selatan: an ormas is registered in Kota Banjarmasin with a
// board member who is also a party official; his actor page shows both roles after an officer
// links them; the local registration runs its checklist and 15-working-day clock; a written
// warning gets its 7-working-day deadline. NIKs and passport numbers are masked for viewers
// without clearance and not searchable by them; another kab/kota sees none of it. Foreigners:
// a worker's presence from report to referral, the permit reminder and the XLSX recap. Imports
// with a bad row write nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { REPO, assertProblem, finish, startServer, ifMatch, multipart, samples, upload } from './server.mjs';

const BUILT = fs.existsSync(path.join(REPO, 'src', 'modules', 'ormas', 'routes.cpp'));
const NIK = '6371021508900001';
let srv;
const as = {};

const plusDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

before(async () => {
  if (!BUILT) return;
  srv = await startServer();
  for (const u of ['admin', 'banjarmasin.operator', 'banjarmasin.kaban', 'banjarbaru.operator', 'kalsel.kaban', 'kalsel.operator', 'bpk.auditor']) {
    as[u] = await srv.login(u);
  }
});

after(() => finish(assert, srv));

describe('ormas, actors and foreigners', { skip: !BUILT }, () => {
  const s = {};

  test('an ormas with a board member who is also a party official', async () => {
    const op = as['banjarmasin.operator'];
    // The party's board in Banjarmasin names him as chair, with his titles.
    let r = await as['banjarmasin.kaban'].post('/api/v1/party-aid/boards', {
      region_code: '63.71', party_abbreviation: 'PKB', decree_no: 'SK DPP PKB 12/2024', decree_date: '2024-02-01',
      chair: 'H. Ahmad Fauzi, S.H.', secretary: 'Rina Marlina', treasurer: 'Joko Santoso', valid_from: '2024-02-01',
    });
    assert.equal(r.status, 201, r.text);
    s.board = r.json.id;

    const body = {
      name: 'Gerakan Pemuda Banua', abbreviation: 'GPB', legal_form: 'NON_BH', scope_level: 'KABKOTA', region_code: '63.71',
      fields: ['KEPEMUDAAN', 'SOSIAL'], skt_no: '01-00-00/123/XII/2022', skt_issue_date: '2022-01-10',
      address: 'Jl. Lambung Mangkurat No. 5, Banjarmasin', lat: -3.319, lng: 114.59,
      board: [{ nik: NIK, name: 'Ahmad Fauzi', position: 'KETUA' }, { nik: '6371025508920002', name: 'Siti Aminah', position: 'SEKRETARIS' }],
    };
    // A wrong NIK is refused with its field, in both languages.
    r = await op.post('/api/v1/ormas', { ...body, board: [{ nik: '6371023102900001', name: 'Budi', position: 'KETUA' }] });
    assertProblem(assert, r, 422);
    const f = r.json.errors.find((e) => e.field === 'board[0].nik');
    assert.equal(f.code, 'birth_date');
    assert.match(f.message.id, /Tanggal lahir/);
    assert.match(f.message.en, /birth date/);

    r = await op.post('/api/v1/ormas', body, { headers: { 'Idempotency-Key': 'ormas-gpb-1' } });
    assert.equal(r.status, 201, r.text);
    s.ormas = r.json;
    assert.equal(r.json.skt_expiry_date, '2027-01-10');
    assert.equal(r.json.board[0].nik, '63************01', 'masked for an operator without clearance');
    // The same submission again creates nothing new.
    const again = await op.post('/api/v1/ormas', body, { headers: { 'Idempotency-Key': 'ormas-gpb-1' } });
    assert.equal(again.status, 201);
    assert.equal(again.json.id, s.ormas.id);
    // The kaban (TERBATAS) sees the NIK.
    r = await as['banjarmasin.kaban'].get(`/api/v1/ormas/${s.ormas.id}`);
    assert.equal(r.json.board[0].nik, NIK);
    // Another kab/kota sees nothing.
    r = await as['banjarbaru.operator'].get(`/api/v1/ormas/${s.ormas.id}`);
    assert.equal(r.status, 404);
  });

  test('the same person on a second ormas is flagged as a duplicate', async () => {
    const r = await as['banjarmasin.operator'].post('/api/v1/ormas', {
      name: 'Forum Pemuda Martapura Raya', legal_form: 'NON_BH', scope_level: 'KABKOTA', region_code: '63.71',
      board: [{ nik: NIK, name: 'Moh. Ahmad Fauzi', position: 'BENDAHARA' }],
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.board[0].duplicate, true);
    const d = await as['kalsel.kaban'].get('/api/v1/ormas/duplicates');
    const entry = d.json.items.find((x) => x.nik === NIK);
    assert.deepEqual(entry.ormas.map((o) => o.ormas_name).sort(), ['Forum Pemuda Martapura Raya', 'Gerakan Pemuda Banua']);
  });

  test('search by name, board member and NIK respects clearance', async () => {
    let r = await as['banjarmasin.operator'].get('/api/v1/ormas?q=gerakan%20pemuda');
    assert.ok(r.json.items.some((o) => o.name === 'Gerakan Pemuda Banua'));
    r = await as['banjarmasin.operator'].get('/api/v1/ormas?q=Aminah');
    assert.ok(r.json.items.some((o) => o.name === 'Gerakan Pemuda Banua'), 'found by its secretary');
    assert.ok(!r.json.items.some((o) => o.name === 'Forum Pemuda Martapura Raya'));
    r = await as['banjarmasin.operator'].get(`/api/v1/ormas?q=${NIK}`);
    assert.equal(r.json.items.length, 0, 'no NIK search without clearance');
    r = await as['banjarmasin.kaban'].get(`/api/v1/ormas?q=${NIK}`);
    assert.equal(r.json.items.length, 2);
    r = await as['banjarbaru.operator'].get('/api/v1/ormas?q=pemuda');
    assert.ok(r.json.items.every((o) => o.region_code.startsWith('63.72')), 'Banjarbaru sees only its own ormas');
    assert.ok(!r.json.items.some((o) => o.name === 'Gerakan Pemuda Banua'));
    // A board member's first and last name, page by page (one a page), newest first.
    r = await as['banjarmasin.operator'].get('/api/v1/ormas?q=ahmad%20fauzi&limit=1');
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.items.map((o) => o.name), ['Forum Pemuda Martapura Raya']);
    assert.ok(r.json.next_after);
    r = await as['banjarmasin.operator'].get(`/api/v1/ormas?q=ahmad%20fauzi&limit=1&after=${r.json.next_after}`);
    assert.deepEqual(r.json.items.map((o) => o.name), ['Gerakan Pemuda Banua']);
    r = await as['banjarbaru.operator'].get('/api/v1/ormas?q=fauzi');
    assert.ok(r.json.items.every((o) => o.region_code.startsWith('63.72')), 'a kab/kota office never finds another kab/kota\'s ormas by a member\'s name');
    assert.ok(!r.json.items.some((o) => ['Gerakan Pemuda Banua', 'Forum Pemuda Martapura Raya'].includes(o.name)));
    r = await as['banjarmasin.operator'].get('/api/v1/ormas?q=pemuda&limit=0');
    assert.equal(r.status, 422);
    r = await as['banjarmasin.operator'].get('/api/v1/actors/suggest?q=fauz');
    assert.ok(r.json.items.some((a) => a.identifier === '63************01'));
    r = await as['banjarbaru.operator'].get('/api/v1/actors/suggest?q=fauz');
    assert.ok(r.json.items.every((a) => a.region_code.startsWith('63.72')), 'no suggestion of another kab/kota\'s people');
    r = await as['banjarmasin.operator'].get(`/api/v1/actors/nik-check?nik=${NIK}`);
    assert.deepEqual([r.json.valid, r.json.region_code, r.json.birth_date, r.json.sex], [true, '63.71.02', '1990-08-15', 'L']);
  });

  test('the actor page shows the ormas and, once linked, the party role', async () => {
    const kaban = as['banjarmasin.kaban'];
    const actor = s.ormas.board[0].actor_id;
    let r = await kaban.get(`/api/v1/actors/${actor}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.roles.filter((x) => x.role === 'ORMAS_BOARD').length, 2);
    const cand = r.json.candidates.find((c) => c.kind === 'PARTY_BOARD');
    assert.equal(cand.candidate, `party_board:${s.board}:KETUA`);
    r = await kaban.post(`/api/v1/actors/${actor}/link`, { candidate: cand.candidate });
    assert.equal(r.status, 200, r.text);
    const party = r.json.roles.find((x) => x.role === 'PARTY_BOARD');
    assert.match(party.label, /KETUA PKB/);
    assert.ok(!r.json.candidates.some((c) => c.candidate === cand.candidate));
    // An operator may read but not link.
    r = await as['banjarmasin.operator'].post(`/api/v1/actors/${actor}/keep-apart`, { candidate: 'party_board:1:KETUA' });
    assert.equal(r.status, 403);
    r = await as['banjarbaru.operator'].get(`/api/v1/actors/${actor}`);
    assert.equal(r.status, 404);
  });

  test('local registration: checklist, verdicts and the 15-working-day clock', async () => {
    const kaban = as['banjarmasin.kaban'];
    let r = await as['banjarmasin.operator'].post(`/api/v1/ormas/${s.ormas.id}/registrations`, { submitted_on: '2026-01-05' });
    assert.equal(r.status, 201, r.text);
    let reg = r.json.registrations[0];
    // 15 working days; Isra Mikraj (16 January 2026, from the holidays table) is skipped.
    assert.equal(reg.verification_due, '2026-01-27');
    assert.equal(reg.documents.length, 11);
    r = await kaban.post(`/api/v1/ormas/registrations/${reg.id}/actions`, { action: 'approve' }, ifMatch(reg.version));
    assertProblem(assert, r, 409, 'ormas.transition');
    r = await kaban.post(`/api/v1/ormas/registrations/${reg.id}/actions`, { action: 'verify' });
    assert.equal(r.status, 428);
    r = await kaban.post(`/api/v1/ormas/registrations/${reg.id}/actions`, { action: 'verify' }, ifMatch(reg.version));
    assert.equal(r.status, 200, r.text);
    reg = r.json.registrations[0];
    r = await kaban.post(`/api/v1/ormas/registrations/${reg.id}/documents/NPWP`, { verdict: 'INVALID' });
    assertProblem(assert, r, 422);
    r = await kaban.post(`/api/v1/ormas/registrations/${reg.id}/documents/NPWP`, { verdict: 'INVALID', note: 'NPWP atas nama pribadi' });
    assert.equal(r.status, 200, r.text);
    reg = r.json.registrations[0];
    r = await kaban.post(`/api/v1/ormas/registrations/${reg.id}/actions`, { action: 'notify_incomplete', on: '2026-01-12' }, ifMatch(reg.version));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.registrations[0].completion_due, '2026-02-03');
    assert.equal(r.json.registrations[0].clock.owner, 'APPLICANT');
  });

  test('a written warning and its 7-working-day deadline', async () => {
    const kaban = as['banjarmasin.kaban'];
    let r = await kaban.post(`/api/v1/ormas/${s.ormas.id}/sanctions`, { level: 'ACTIVITY_STOP', decree_no: 'X', issued_on: '2026-12-04', reason: 'Pasal 59' });
    assertProblem(assert, r, 422);
    r = await as['banjarmasin.operator'].post(`/api/v1/ormas/${s.ormas.id}/sanctions`, { level: 'WARNING', decree_no: 'X', issued_on: '2026-12-04', reason: 'x' });
    assert.equal(r.status, 403, 'an operator cannot sanction');
    r = await kaban.post(`/api/v1/ormas/${s.ormas.id}/sanctions`, {
      level: 'WARNING', decree_no: '300/123/Kesbangpol/2026', issued_on: '2026-12-04', reason: 'Mengganggu ketertiban umum (Pasal 59 ayat 3)',
    });
    assert.equal(r.status, 201, r.text);
    const w = r.json.sanctions[0];
    assert.equal(w.compliance_due, '2026-12-15');
    assert.match(w.legal_basis, /7 hari kerja/);
    r = await kaban.get('/api/v1/ormas/reminders');
    assert.ok(r.json.warnings.some((x) => x.sanction_id === w.id && x.compliance_due === '2026-12-15'));
  });

  test('annual report and SKT expiring soon', async () => {
    const op = as['banjarmasin.operator'];
    let r = await op.post(`/api/v1/ormas/${s.ormas.id}/annual-reports`, { year: 2025, submitted_on: '2026-01-20', activities: 'Bakti sosial, pelatihan' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.annual_reports[0].due_date, '2025-12-31');
    assert.equal(r.json.annual_reports[0].late, true);
    r = await op.post('/api/v1/ormas', {
      name: 'Paguyuban Seni Banjar', legal_form: 'NON_BH', scope_level: 'KABKOTA', region_code: '63.71',
      skt_no: 'SKT-PSB', skt_issue_date: new Date(Date.now() - (5 * 365 - 20) * 86400000).toISOString().slice(0, 10),
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.skt_state, 'EXPIRING_30');
    r = await op.get('/api/v1/ormas/reminders');
    assert.ok(r.json.skt.some((x) => x.name === 'Paguyuban Seni Banjar' && x.state === 'EXPIRING_30'));
  });

  test('import with a bad row writes nothing and names the line', async () => {
    const op = as['banjarmasin.operator'];
    const before = (await op.get('/api/v1/ormas?limit=200')).json.items.length;
    const csv = 'name,legal_form,scope_level,region_code,ketua_nik,ketua_nama\n' +
      'Ormas Impor Satu,NON_BH,KABKOTA,63.71,6371021508950003,Rudi\n' +
      'Ormas Impor Dua,NON_BH,KABKOTA,63.71,12345,Sari\n';
    let r = await op.request('POST', '/api/v1/ormas/import', { body: csv, headers: { 'Content-Type': 'text/csv' } });
    assertProblem(assert, r, 422, 'import.refused');
    assert.deepEqual(r.json.report.refused.map((x) => [x.line, x.field]), [[3, 'board[0].nik']]);
    assert.equal((await op.get('/api/v1/ormas?limit=200')).json.items.length, before);
    r = await op.request('POST', '/api/v1/ormas/import', { body: csv.split('\n').slice(0, 2).join('\n') + '\n', headers: { 'Content-Type': 'text/csv' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.imported, 1);
    assert.equal(r.json.board_members, 1);
  });

  test('a foreign worker: masked passport, presence to referral, reminder and recap', async () => {
    const kaban = as['kalsel.kaban'];
    const op = as['kalsel.operator'];
    let r = await op.post('/api/v1/foreigners/persons', {
      full_name: 'John Smith', nationality: 'AUS', passport_no: 'pa1234567', permit_type: 'KITAS', permit_no: 'KITAS-77',
      permit_valid_from: '2026-01-01', permit_valid_to: plusDays(20), sponsor_name: 'PT Tambang Banua', region_code: '63.71',
    });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.passport_no, 'PA*****67');
    s.person = r.json.id;
    r = await op.get('/api/v1/foreigners/persons?q=PA1234567');
    assert.equal(r.json.items.length, 0, 'no passport search without clearance');
    r = await kaban.get('/api/v1/foreigners/persons?q=PA1234567');
    assert.equal(r.json.items[0].passport_no, 'PA1234567');
    r = await op.post('/api/v1/foreigners/persons', { full_name: 'X', nationality: 'IDN', passport_no: '1', permit_type: 'KITAS', region_code: '63.71' });
    assertProblem(assert, r, 422);
    assert.deepEqual(r.json.errors.map((e) => e.field).sort(), ['nationality', 'passport_no', 'permit_valid_to']);

    r = await op.post('/api/v1/foreigners/presences', {
      person_id: s.person, category: 'FOREIGN_WORKER', source: 'IMMIGRATION_DOC', start_date: plusDays(-10), end_date: plusDays(200),
      regions: ['63.71', '63.03'], purpose: 'Tenaga ahli pertambangan',
    });
    assert.equal(r.status, 201, r.text);
    let p = r.json;
    const step = async (body) => {
      const res = await kaban.post(`/api/v1/foreigners/presences/${p.id}/actions`, body, ifMatch(p.version));
      assert.equal(res.status, 200, res.text);
      p = res.json;
    };
    // The actions the state machine allows now, for a reviewer; none for an operator.
    assert.deepEqual((await kaban.get(`/api/v1/foreigners/presences/${p.id}`)).json.allowed_actions, ['verify_documents']);
    assert.deepEqual((await op.get(`/api/v1/foreigners/presences/${p.id}`)).json.allowed_actions, []);
    await step({ action: 'verify_documents' });
    assert.deepEqual(p.allowed_actions, ['decide']);
    await step({ action: 'decide', decision: 'APPROVED', reason: 'Dokumen lengkap' });
    assert.deepEqual(p.allowed_actions, ['activate']);
    await step({ action: 'activate' });
    assert.deepEqual(p.allowed_actions, ['end'], 'no violation without a non-compliant field check');
    r = await kaban.get('/api/v1/foreigners/reminders');
    assert.ok(r.json.permits.some((x) => x.person_id === s.person && x.state === 'EXPIRING_30'));
    r = await kaban.post(`/api/v1/foreigners/presences/${p.id}/actions`, { action: 'find_violation' }, ifMatch(p.version));
    assertProblem(assert, r, 409, 'foreigners.transition');
    // A photo uploaded for the presence goes with the field check and can be opened from it.
    const photo = await upload(op, { region_code: '63.71', entity: 'foreign_presence', entity_id: String(p.id) },
      { name: 'lokasi-kerja.jpg', type: 'image/jpeg', content: samples.jpeg() });
    assert.equal(photo.status, 201, photo.text);
    r = await op.post(`/api/v1/foreigners/presences/${p.id}/field-checks`, {
      check_date: plusDays(0), findings: 'Bekerja di luar lokasi izin', compliant: false, photos: [photo.json.sha256],
    });
    assert.equal(r.status, 201, r.text);
    p = (await kaban.get(`/api/v1/foreigners/presences/${p.id}`)).json;
    assert.deepEqual(p.field_checks[0].photo_files.map((f) => [f.id, f.name]), [[photo.json.id, 'lokasi-kerja.jpg']]);
    assert.deepEqual(p.allowed_actions, ['end', 'find_violation']);
    await step({ action: 'find_violation' });
    await step({ action: 'refer', agency: 'IMMIGRATION', letter_no: 'B-12/Kesbangpol/2026', referred_on: plusDays(0) });
    assert.equal(p.status, 'REFERRED');
    assert.equal(p.referrals[0].agency, 'IMMIGRATION');
    // Both kab/kota it touches see it; a third does not.
    assert.equal((await as['banjarmasin.operator'].get(`/api/v1/foreigners/presences/${p.id}`)).status, 200);
    assert.equal((await as['banjarbaru.operator'].get(`/api/v1/foreigners/presences/${p.id}`)).status, 404);
    r = await kaban.get('/api/v1/foreigners/recap?from=2000-01-01&to=2100-01-01');
    assert.ok(r.json.nationality.some((x) => x.key === 'AUS' && x.count >= 1));
    r = await kaban.get('/api/v1/foreigners/recap.xlsx?from=2000-01-01&to=2100-01-01');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    // A foreign organisation's page with its presence; another kab/kota gets 404.
    r = await op.post('/api/v1/foreigners/organisations', { name: 'Yayasan Uji Asing', country: 'NLD', partner_agency: 'Bappeda', region_code: '63.71' });
    assert.equal(r.status, 201, r.text);
    const org = r.json.id;
    r = await op.post('/api/v1/foreigners/presences', {
      org_id: org, category: 'FOREIGN_ORG', source: 'AGENCY_PERMIT', start_date: plusDays(0), end_date: plusDays(90), regions: ['63.71'],
    });
    assert.equal(r.status, 201, r.text);
    r = await as['banjarmasin.operator'].get(`/api/v1/foreigners/organisations/${org}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.name, 'Yayasan Uji Asing');
    assert.deepEqual(r.json.presences.map((x) => x.category), ['FOREIGN_ORG']);
    assert.equal((await as['banjarbaru.operator'].get(`/api/v1/foreigners/organisations/${org}`)).status, 404);
    // The ormas map counts every ormas per region, with or without coordinates.
    r = await kaban.get('/api/v1/ormas/map');
    assert.ok(Array.isArray(r.json.items));
    assert.ok(r.json.regions.some((x) => x.region_code.startsWith('63.71') && x.ormas >= 1));
    // The actor page of the foreigner.
    r = await kaban.get(`/api/v1/actors/${p.actor_id}`);
    assert.ok(r.json.roles.some((x) => x.role === 'FOREIGN_NATIONAL'));

    // The quarterly PDF report of this quarter, through the document register.
    const now = new Date();
    const qs = `year=${now.getUTCFullYear()}&quarter=${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const text = (res) => {
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.ok(res.headers.get('x-document-code'), 'registered');
      const out = spawnSync('pdftotext', ['-layout', '-', '-'], { input: res.bytes });
      assert.equal(out.status, 0);
      return out.stdout.toString('utf8');
    };
    let t = text(await kaban.get(`/api/v1/foreigners/reports/quarterly.pdf?${qs}&region=63`));
    assert.match(t, /LAPORAN TRIWULAN (I|II|III|IV) TAHUN \d{4}/);
    assert.match(t, /BADAN KESATUAN BANGSA DAN POLITIK/i, 'the letterhead');
    for (const words of ['Kewarganegaraan', 'Jenis izin', 'Lokasi', 'Penjamin', 'Tenaga kerja asing', 'PT Tambang Banua', 'Kantor Imigrasi',
      'Tidak patuh', 'Disetujui', 'John Smith', 'PA1234567']) assert.ok(t.includes(words), words);
    assert.match(t, /\/verifikasi\//, 'the QR code\'s address');
    // Without clearance the passport is masked; the same request again is the same document.
    const first = await op.get(`/api/v1/foreigners/reports/quarterly.pdf?${qs}&region=63`);
    t = text(first);
    assert.ok(t.includes('PA*****67') && !t.includes('PA1234567'), 'passport masked');
    const again = await op.get(`/api/v1/foreigners/reports/quarterly.pdf?${qs}&region=63`);
    assert.equal(again.headers.get('x-document-code'), first.headers.get('x-document-code'));
    // Another region's report is not found; a bad quarter names the field.
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/foreigners/reports/quarterly.pdf?${qs}&region=63.71`), 404);
    r = await kaban.get(`/api/v1/foreigners/reports/quarterly.pdf?year=${now.getUTCFullYear()}&quarter=5`);
    assertProblem(assert, r, 422);
    assert.equal(r.json.errors[0].field, 'quarter');
  });

  test('editing a foreigner and a foreign organisation: If-Match, validation, passport clearance, audit, actor', async () => {
    const kaban = as['kalsel.kaban'];
    const op = as['kalsel.operator'];
    let r = await kaban.post('/api/v1/foreigners/persons', {
      full_name: 'Maria Garcia', nationality: 'ESP', passport_no: 'ES1234567', permit_type: 'VISIT', sponsor_name: 'Universitas Uji',
      region_code: '63.71',
    });
    assert.equal(r.status, 201, r.text);
    let person = r.json;
    const url = `/api/v1/foreigners/persons/${person.id}`;
    // If-Match is required and must be the current version.
    assertProblem(assert, await kaban.patch(url, { occupation: 'Peneliti' }), 428);
    assertProblem(assert, await kaban.patch(url, { occupation: 'Peneliti' }, ifMatch(person.version + 5)), 412);
    // The same validation as on create, each field named, in both languages; nothing is written.
    r = await kaban.patch(url, { nationality: 'IDN', permit_type: 'KITAS', passport_no: '1' }, ifMatch(person.version));
    assertProblem(assert, r, 422);
    assert.deepEqual(r.json.errors.map((e) => e.field).sort(), ['nationality', 'passport_no', 'permit_valid_to']);
    const nat = r.json.errors.find((e) => e.field === 'nationality');
    assert.match(nat.message.id, /Kewarganegaraan/);
    assert.match(nat.message.en, /Nationality/);
    assert.equal((await kaban.get(url)).json.version, person.version);

    // An operator without clearance edits the other fields but can neither see nor overwrite the passport.
    r = await op.patch(url, { passport_no: 'ES0000001' }, ifMatch(person.version));
    assertProblem(assert, r, 403, 'forbidden');
    assert.ok(!r.text.includes('ES1234567'));
    r = await op.patch(url, { id_classification: 'BIASA' }, ifMatch(person.version));
    assertProblem(assert, r, 403, 'forbidden');
    r = await op.patch(url, { occupation: 'Peneliti tamu', permit_type: 'KITAS', permit_valid_to: plusDays(300) }, ifMatch(person.version));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.version, person.version + 1);
    assert.equal(r.headers.get('etag'), `"${person.version + 1}"`);
    assert.deepEqual([r.json.occupation, r.json.permit_type, r.json.passport_no], ['Peneliti tamu', 'KITAS', 'ES*****67']);
    assert.equal(r.json.full_name, 'Maria Garcia', 'fields not in the body keep their values');
    assert.equal(r.json.id_classification, null, 'the passport\'s level stays hidden from a user not cleared for it');
    assert.equal((await kaban.get(url)).json.id_classification, 'TERBATAS', 'a cleared user sees it, so the change form can show it');
    person = r.json;
    // Another kab/kota does not find it.
    assertProblem(assert, await as['banjarbaru.operator'].patch(url, { occupation: 'X' }, ifMatch(person.version)), 404);
    // A passport another foreigner already has is refused.
    r = await kaban.post('/api/v1/foreigners/persons', {
      full_name: 'Pedro Lopez', nationality: 'ESP', passport_no: 'ES2222222', permit_type: 'VISIT', region_code: '63.71',
    });
    assert.equal(r.status, 201, r.text);
    assertProblem(assert, await kaban.patch(url, { passport_no: 'ES2222222' }, ifMatch(person.version)), 409, 'foreigners.duplicate_passport');

    // A new passport and name: the role moves to the actor of the new passport.
    const oldActor = person.actor_id;
    r = await kaban.patch(url, { passport_no: 'es7654321', full_name: 'María García López' }, ifMatch(person.version));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.passport_no, 'ES7654321');
    assert.notEqual(r.json.actor_id, oldActor);
    person = r.json;
    r = await kaban.get(`/api/v1/actors/${person.actor_id}`);
    const role = r.json.roles.find((x) => x.role === 'FOREIGN_NATIONAL');
    assert.match(role.label, /María García López \(ESP, KITAS\)/);
    r = await kaban.get(`/api/v1/actors/${oldActor}`);
    assert.ok(!(r.json.roles ?? []).some((x) => x.role === 'FOREIGN_NATIONAL'), 'the old actor lost the role');
    r = await kaban.get('/api/v1/actors/suggest?q=ES76543');
    assert.ok(r.json.items.some((x) => x.id === person.actor_id), 'found by the new passport');

    // The audit rows hold the changed fields before and after; the passport change only for cleared readers.
    r = await kaban.get(`/api/v1/audit?entity=foreign_person&id=${person.id}`);
    assert.equal(r.status, 200, r.text);
    const updates = r.json.items.filter((e) => e.action === 'update');
    assert.equal(updates.length, 2);
    assert.deepEqual(updates[0].before, { occupation: null, permit_type: 'VISIT', permit_valid_to: null });
    assert.deepEqual(updates[0].after, { occupation: 'Peneliti tamu', permit_type: 'KITAS', permit_valid_to: plusDays(300) });
    assert.deepEqual(updates[1].before, { full_name: 'Maria Garcia', passport_no: 'ES1234567' });
    assert.deepEqual(updates[1].after, { full_name: 'María García López', passport_no: 'ES7654321' });
    r = await as['bpk.auditor'].get(`/api/v1/audit?entity=foreign_person&id=${person.id}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.items.filter((e) => e.action === 'update').length, 1, 'the passport change is TERBATAS');
    assert.ok(!r.text.includes('ES7654321') && !r.text.includes('ES1234567'), 'no passport in the history of an uncleared reader');

    // A foreign organisation: If-Match, validation, and a new name moves the role to that name's actor.
    r = await op.post('/api/v1/foreigners/organisations', { name: 'Stichting Uji Ubah', country: 'NLD', region_code: '63.71' });
    assert.equal(r.status, 201, r.text);
    let org = (await op.get(`/api/v1/foreigners/organisations/${r.json.id}`)).json;
    const orgUrl = `/api/v1/foreigners/organisations/${org.id}`;
    assertProblem(assert, await op.patch(orgUrl, { partner_agency: 'Bappeda' }), 428);
    assertProblem(assert, await op.patch(orgUrl, { partner_agency: 'Bappeda' }, ifMatch(org.version + 1)), 412);
    r = await op.patch(orgUrl, { country: 'nl', name: '', mou_valid_to: '31-12-2027' }, ifMatch(org.version));
    assertProblem(assert, r, 422);
    assert.deepEqual(r.json.errors.map((e) => e.field).sort(), ['country', 'mou_valid_to', 'name']);
    assert.ok(r.json.errors.every((e) => e.message.id && e.message.en));
    assertProblem(assert, await as['banjarbaru.operator'].patch(orgUrl, { partner_agency: 'X' }, ifMatch(org.version)), 404);
    r = await op.patch(orgUrl, { name: 'Stichting Uji Baru', partner_agency: 'Bappeda Kalsel', mou_date: '2026-01-15', mou_valid_to: '2027-12-31' }, ifMatch(org.version));
    assert.equal(r.status, 200, r.text);
    assert.deepEqual([r.json.name, r.json.partner_agency, r.json.mou_valid_to, r.json.country], ['Stichting Uji Baru', 'Bappeda Kalsel', '2027-12-31', 'NLD']);
    assert.equal((await op.get(orgUrl)).json.mou_date, '2026-01-15', 'the MoU date is read back, so the change form shows it');
    assert.equal(r.json.version, org.version + 1);
    assert.notEqual(r.json.actor_id, org.actor_id);
    r = await op.get(`/api/v1/actors/${r.json.actor_id}`);
    assert.ok(r.json.roles.some((x) => x.role === 'FOREIGN_ORGANISATION' && x.label.includes('Stichting Uji Baru')));
    r = await kaban.get(`/api/v1/audit?entity=foreign_org&id=${org.id}`);
    const up = r.json.items.find((e) => e.action === 'update');
    assert.deepEqual(up.before, { name: 'Stichting Uji Ubah', partner_agency: null, mou_date: null, mou_valid_to: null });
    assert.deepEqual(up.after, { name: 'Stichting Uji Baru', partner_agency: 'Bappeda Kalsel', mou_date: '2026-01-15', mou_valid_to: '2027-12-31' });
  });

  test('the map counts a presence in two kecamatan of one kab/kota once for that kab/kota', async () => {
    const kaban = as['kalsel.kaban'];
    const count = async (c, q, code) => {
      const r = await c.get(`/api/v1/foreigners/map${q}`);
      assert.equal(r.status, 200, r.text);
      return r.json.items.find((x) => x.region_code === code)?.presences ?? 0;
    };
    const before = {
      kota: await count(kaban, '', '63.71'), k1: await count(kaban, '?level=3', '63.71.01'), k2: await count(kaban, '?level=3', '63.71.02'),
      prov: await count(as.admin, '', '63'), bjm: await count(as['banjarmasin.operator'], '', '63.71'),
    };
    let r = await kaban.post('/api/v1/foreigners/persons', {
      full_name: 'Kenji Tanaka', nationality: 'JPN', passport_no: 'TK5556667', permit_type: 'VISIT', region_code: '63.71',
    });
    assert.equal(r.status, 201, r.text);
    r = await kaban.post('/api/v1/foreigners/presences', {
      person_id: r.json.id, category: 'EXPERT', source: 'INTERVIEW', start_date: plusDays(0), end_date: plusDays(30), regions: ['63.71.01', '63.71.02'],
    });
    assert.equal(r.status, 201, r.text);
    let p = r.json;
    for (const body of [{ action: 'verify_documents' }, { action: 'decide', decision: 'APPROVED', reason: 'Lengkap' }]) {
      r = await kaban.post(`/api/v1/foreigners/presences/${p.id}/actions`, body, ifMatch(p.version));
      assert.equal(r.status, 200, r.text);
      p = r.json;
    }
    // Once for the kab/kota (the default level below the province) and for the province, once in each kecamatan.
    assert.equal(await count(kaban, '', '63.71'), before.kota + 1);
    assert.equal(await count(kaban, '?level=2', '63.71'), before.kota + 1);
    assert.equal(await count(as['banjarmasin.operator'], '', '63.71'), before.bjm + 1);
    assert.equal(await count(as.admin, '', '63'), before.prov + 1, 'a national user sees provinces');
    assert.equal(await count(kaban, '?level=3', '63.71.01'), before.k1 + 1);
    assert.equal(await count(kaban, '?level=3', '63.71.02'), before.k2 + 1);
    r = await as['banjarbaru.operator'].get('/api/v1/foreigners/map');
    assert.ok(r.json.items.every((x) => x.region_code.startsWith('63.72')), 'another kab/kota sees only its own');
    r = await kaban.get('/api/v1/foreigners/map?level=9');
    assertProblem(assert, r, 422);
    assert.equal(r.json.errors[0].field, 'level');
  });

  test('a research-permit applicant from the public portal and a meeting participant are one actor, seen within scope', async () => {
    // The public portal (no account): a research permit with the applicant's NIK and the five documents.
    const anon = srv.anonymous();
    const documents = {};
    for (const type of ['APPLICATION_LETTER', 'PROPOSAL', 'STATEMENT', 'IDENTITY', 'PHOTO']) {
      const m = multipart({}, { name: `${type}.pdf`, content: samples.pdf(), type: 'application/pdf' });
      const up = await anon.request('POST', '/api/v1/public/layanan/files', { body: m.body, headers: { 'Content-Type': m.contentType } });
      assert.equal(up.status, 201, up.text);
      documents[type] = up.json.token;
    }
    let r = await anon.post('/api/v1/public/layanan/requests', {
      kind: 'RESEARCH_PERMIT', office: '63', applicant_type: 'UNIVERSITY', applicant_name: 'Rusdiansyah Noor Uji',
      applicant_contact: 'rusdi@example.id', applicant_id_no: '6371021203880004', applicant_org: 'Universitas Lambung Mangkurat',
      title: 'Peran tokoh adat dalam mediasi konflik', objectives: 'Memahami mediasi berbasis adat.', method: 'Wawancara',
      research_region: '63.71', period_start: plusDays(30), period_end: plusDays(90), documents,
    });
    assert.equal(r.status, 201, r.text);
    const regNo = r.json.reg_no;
    // An officer of Banjarmasin adds him (with his titles) to a meeting in Banjarmasin.
    const kaban = as['banjarmasin.kaban'];
    const start = Date.now() + 3 * 86400000;
    r = await kaban.post('/api/v1/meetings', {
      type: 'FORUM', title: 'Forum uji aktor lintas modul', region_code: '63.71', venue: 'Aula Kesbangpol Banjarmasin',
      start_at: new Date(start).toISOString(), end_at: new Date(start + 7200000).toISOString(),
    });
    assert.equal(r.status, 201, r.text);
    const meeting = r.json.id;
    r = await kaban.post(`/api/v1/meetings/${meeting}/participants`, { name: 'H. Rusdiansyah Noor Uji, S.Sos.', institution: 'Tokoh masyarakat' });
    assert.equal(r.status, 201, r.text);

    // The province (cleared) finds him by NIK: one actor with both roles.
    r = await as['kalsel.kaban'].get('/api/v1/actors/suggest?q=6371021203880004');
    assert.equal(r.json.items.length, 1, r.text);
    const actor = r.json.items[0].id;
    r = await as['kalsel.kaban'].get(`/api/v1/actors/${actor}`);
    assert.equal(r.status, 200, r.text);
    const roles = r.json.roles.map((x) => x.role).sort();
    assert.deepEqual(roles, ['MEETING_PARTICIPANT', 'RESEARCH_APPLICANT']);
    assert.ok(r.json.roles.find((x) => x.role === 'RESEARCH_APPLICANT').label.includes(regNo));
    assert.match(r.json.roles.find((x) => x.role === 'MEETING_PARTICIPANT').label, /Forum uji aktor lintas modul/);
    // Banjarmasin sees the meeting in its area but not the province's permit; Banjarbaru sees nothing.
    r = await as['banjarmasin.operator'].get(`/api/v1/actors/${actor}`);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.roles.map((x) => x.role), ['MEETING_PARTICIPANT']);
    assert.ok(!r.text.includes(regNo));
    r = await as['banjarbaru.operator'].get(`/api/v1/actors/${actor}`);
    assertProblem(assert, r, 404);
    assert.ok(!r.text.includes('Rusdiansyah'));
  });

  test('an incident actor becomes a role of the ormas\' actor', async () => {
    const op = as['banjarmasin.operator'];
    let r = await op.post('/api/v1/conflict/incidents', {
      region_code: '63.71.01', source: 'BOUNDARY', type_code: 'CLASH.VILLAGE', info_source: 'MEDIA', occurred_on: plusDays(-3),
      actors: [{ type: 'ORMAS', name: 'GERAKAN PEMUDA BANUA' }],
    });
    assert.equal(r.status, 201, r.text);
    const incident = r.json.id;
    // The ormas' own actor (found by its normalised name) now has the incident role.
    r = await op.get(`/api/v1/actors/${s.ormas.actor_id}`);
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.roles.some((x) => x.role === 'ORMAS'));
    const role = r.json.roles.find((x) => x.role === 'INCIDENT_ACTOR');
    assert.ok(role, JSON.stringify(r.json.roles));
    assert.match(role.label, new RegExp(`insiden konflik #${incident}`));
    assert.equal((await as['banjarbaru.operator'].get(`/api/v1/actors/${s.ormas.actor_id}`)).status, 404);
  });
});
