// Meetings over HTTP: self check-in without an account only inside the meeting's window, with a
// drawn signature, refused outside it, unknown codes 404, and rate limited; the status machine's
// refusals as 409 with their reason; the tracker and its workbook; bad input as problem+json;
// a room of 100 phones behind one address all checked in; the invitation letter, attendance
// list, minutes and activity report as PDFs in the register; an action item's owner and due
// date changed by the organiser only, with a reason in the history; speakers with their
// materials and the photo documentation (type by content, size, scope, the activity report);
// walk-ins kept apart from the invited; participants as roles on their actor page.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, ifMatch, samples, startServer, unzipText } from './server.mjs';

let srv;
let kabid;
let anon;
const API = '/api/v1/meetings';
const iso = (ms) => new Date(Date.now() + ms).toISOString();
const SIG = [[[10, 10], [60, 50], [120, 20]]];
// A baseline 8 x 8 grey JPEG (one block: DC 0, end of block), as a camera writes them.
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, ...Array(64).fill(1),
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00,
  0xff, 0xc4, 0x00, 0x14, 0x00, 0x01, ...Array(15).fill(0), 0x00,
  0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, ...Array(15).fill(0), 0x00,
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x3f,
  0xff, 0xd9,
]);

before(async () => {
  srv = await startServer();
  kabid = await srv.login('kalsel.kabid');
  anon = srv.anonymous();
});

after(() => finish(assert, srv));

// The text of a PDF as a reader sees it.
function pdfText(bytes) {
  const r = spawnSync('pdftotext', ['-layout', '-', '-'], { input: bytes, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.replace(/\s+/g, ' ');
}

async function meeting(startMs, endMs, extra = {}) {
  let r = await kabid.post(API, { type: 'FORUM', title: `Forum uji ${startMs}`, start_at: iso(startMs), end_at: iso(endMs), venue: 'Banjarbaru', ...extra });
  assert.equal(r.status, 201, r.text);
  const m = r.json;
  r = await kabid.post(`${API}/${m.id}/actions`, { action: 'INVITE' }, { headers: { 'If-Match': `"${m.version}"` } });
  assertProblem(assert, r, 409, 'meeting.no_participants');
  r = await kabid.post(`${API}/${m.id}/participants`, { name: 'Undangan Satu', institution: 'KPU' });
  assert.equal(r.status, 201, r.text);
  r = await kabid.post(`${API}/${m.id}/actions`, { action: 'INVITE' }, { headers: { 'If-Match': `"${r.json.version}"` } });
  assert.equal(r.status, 200, r.text);
  return r.json;
}

describe('self check-in', () => {
  test('open during the meeting, with a signature; the same person is matched', async () => {
    const m = await meeting(-5 * 60_000, 3600_000);
    const token = m.checkin.token;
    assert.ok(token);
    let r = await anon.get(`/api/v1/checkin/${token}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.open, true);
    assert.deepEqual(Object.keys(r.json).sort(), ['end_at', 'open', 'participant_types', 'region_code', 'start_at', 'title', 'venue']);
    r = await anon.post(`/api/v1/checkin/${token}`, { name: 'Undangan Satu', institution: 'KPU' });
    const j = assertProblem(assert, r, 422);
    assert.ok(j.errors.some((e) => e.field === 'signature'));
    r = await anon.post(`/api/v1/checkin/${token}`, { name: 'undangan satu', institution: 'KPU Provinsi', signature: SIG });
    assert.equal(r.status, 201, r.text);
    r = await kabid.get(`${API}/${m.id}`);
    assert.equal(r.json.participants.length, 1, 'the invited participant was marked present, not added');
    assert.equal(r.json.participants[0].present, true);
    assert.equal(r.json.participants[0].checkin_method, 'SELF');
  });

  test('a room of 100 phones behind one address (the venue Wi-Fi) all check in within a minute', async () => {
    const m = await meeting(-5 * 60_000, 3600_000);
    const token = m.checkin.token;
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 100 }, async (_, i) => {
      const page = await anon.get(`/api/v1/checkin/${token}`);
      const sent = await anon.post(`/api/v1/checkin/${token}`, { name: `Peserta Ruang ${i + 1}`, institution: 'Ormas', signature: SIG });
      return [page.status, sent.status];
    }));
    assert.ok(Date.now() - started < 60_000, 'within a minute');
    assert.deepEqual(answers.filter(([a, b]) => a !== 200 || b !== 201), [], 'nobody in the room is refused');
    const r = await kabid.get(`${API}/${m.id}`);
    assert.equal(r.json.participants.filter((p) => p.present && p.checkin_method === 'SELF').length, 100);
  });
});

describe('the meeting and its items', () => {
  test('a step out of order is refused with the reason; a stale version 412', async () => {
    const m = await meeting(3600_000, 7200_000);
    let r = await kabid.post(`${API}/${m.id}/actions`, { action: 'HOLD' }, { headers: { 'If-Match': `"${m.version}"` } });
    assertProblem(assert, r, 409, 'meeting.not_started');
    r = await kabid.post(`${API}/${m.id}/actions`, { action: 'CLOSE' }, { headers: { 'If-Match': `"${m.version}"` } });
    assertProblem(assert, r, 409, 'meeting.transition_not_allowed');
    r = await kabid.post(`${API}/${m.id}/actions`, { action: 'CANCEL' }, { headers: { 'If-Match': '"1"' } });
    assertProblem(assert, r, 412);
    r = await kabid.post(API, { type: 'PESTA', title: '', start_at: 'besok', end_at: iso(0) });
    const j = assertProblem(assert, r, 422);
    for (const f of ['type', 'title', 'start_at']) assert.ok(j.errors.some((e) => e.field === f), f);
  });

  test('a retried POST with the same Idempotency-Key adds one participant, agreement, action item and follow-up', async () => {
    const m = await meeting(-5 * 60_000, 3600_000);
    const once = async (path, body) => {
      const headers = { 'Idempotency-Key': `uji-${path}-${Date.now()}` };
      const a = await kabid.post(path, body, { headers });
      assert.equal(a.status, 201, a.text);
      const b = await kabid.post(path, body, { headers });
      assert.equal(b.status, 201, b.text);
      assert.deepEqual(b.json, a.json, 'the retry gets the first answer');
      assert.ok(a.headers.get('etag'));
      return a.json;
    };
    let r = await once(`${API}/${m.id}/participants`, { name: 'Peserta Sekali', institution: 'Bawaslu' });
    assert.equal(r.participants.filter((p) => p.name === 'Peserta Sekali').length, 1);
    r = await once(`${API}/${m.id}/agreements`, { text: 'Kesepakatan sekali saja', category: 'POLICY' });
    assert.deepEqual(r.agreements.map((a) => a.number), [1]);
    r = await once(`${API}/${m.id}/action-items`, { action: 'Aksi sekali saja', due_date: '2027-01-31', agreement_id: r.agreements[0].id });
    assert.equal(r.action_items.length, 1);
    const item = await once(`/api/v1/action-items/${r.action_items[0].id}/follow-ups`, { date: '2026-12-01', action_taken: 'Sekali' });
    assert.equal(item.follow_ups.length, 1);
    const now = await kabid.get(`${API}/${m.id}`);
    assert.equal(now.json.participants.length, 2);
    assert.equal(now.json.agreements.length, 1);
    assert.equal(now.json.action_items.length, 1);
    assert.equal(now.json.action_items[0].follow_ups.length, 1);
    assert.equal(now.headers.get('etag'), `"${now.json.version}"`);
  });

  test('the tracker lists the open items of the area, overdue first, and exports them', async () => {
    const op = await srv.login('banjarmasin.operator');
    let r = await op.get(`${API}/tracker?limit=500`);
    assert.equal(r.status, 200);
    assert.ok(r.json.items.length > 0);
    const dues = r.json.items.map((a) => a.due_date);
    assert.deepEqual(dues, [...dues].sort());
    assert.ok(r.json.items.every((a) => a.region_code === '63.71'));
    r = await op.get(`${API}/tracker?status=OVERDUE`);
    assert.ok(r.json.items.every((a) => a.effective_status === 'OVERDUE'));
    r = await op.get(`${API}/tracker.xlsx`, { raw: true });
    assert.equal(r.status, 200);
    assert.match(unzipText(r.bytes), /MATRIKS RENCANA AKSI/);
    assertProblem(assert, await op.get(`${API}/tracker?status=SELESAI`), 422);
    assertProblem(assert, await op.get(`${API}/tracker?after=bukan-kursor`), 422);
    assertProblem(assert, await op.get(`${API}/links?kind=rumah&id=1`), 422);
  });
});

describe('the official documents of a meeting', () => {
  const pdf = async (client, id, name) => {
    const r = await client.get(`${API}/${id}/${name}.pdf`, { raw: true });
    if (r.status !== 200) return r;
    assert.equal(r.headers.get('content-type'), 'application/pdf');
    assert.ok(r.headers.get('x-document-code'));
    return { code: r.headers.get('x-document-code'), text: pdfText(r.bytes) };
  };

  test('invitation, attendance list, minutes and activity report: their content, register entries and scope', async () => {
    const m = await meeting(-30 * 60_000, 3600_000, {
      type: 'RAKOR', title: 'Rapat Koordinasi Pengawasan Orang Asing', theme: 'Sinergi pengawasan', legal_basis: 'Permendagri Nomor 49 Tahun 2010',
      agenda: 'Paparan situasi\nPembahasan rencana aksi', invitation_no: '000.1.4/0099/Kesbangpol/2026', online_link: 'https://rapat.example/abc', mode: 'HYBRID',
      chair_name: 'Drs. Ahmad Fauzi', chair_position: 'Kepala Badan', secretary_name: 'Siti Aminah' });
    // The invitation: addressees, agenda, time, venue and link, the written number, the head's signature.
    let d = await pdf(kabid, m.id, 'surat-undangan');
    for (const s of ['Undangan Rapat Koordinasi Pengawasan Orang Asing', '000.1.4/0099/Kesbangpol/2026', 'Undangan Satu', 'KPU',
      'Paparan situasi', 'Pembahasan rencana aksi', 'Banjarbaru', 'https://rapat.example/abc', 'KEPALA', 'DAFTAR UNDANGAN'])
      assert.ok(d.text.includes(s), `the invitation says ${s}`);
    let v = await anon.get(`/api/v1/verify/${d.code}`);
    assert.equal(v.status, 200);
    assert.equal(v.json.number, '000.1.4/0099/Kesbangpol/2026');
    assert.match(v.json.title, /^Surat Undangan /);
    const invitation = d.code;

    // Attendance: a self check-in with a drawn signature, one recorded by an officer without one.
    let r = await anon.post(`/api/v1/checkin/${m.checkin.token}`, { name: 'Undangan Satu', institution: 'KPU', position: 'Ketua', signature: SIG });
    assert.equal(r.status, 201, r.text);
    r = await kabid.post(`${API}/${m.id}/participants`, { name: 'Haji Tanpa Ponsel', position: 'Tokoh masyarakat', institution: 'FKUB', participant_type: 'PUBLIC', present: true });
    assert.equal(r.status, 201, r.text);
    r = await kabid.post(`${API}/${m.id}/actions`, { action: 'HOLD' }, ifMatch(r.json.version));
    assert.equal(r.status, 200, r.text);
    d = await pdf(kabid, m.id, 'daftar-hadir');
    for (const s of ['DAFTAR HADIR', 'Undangan Satu', 'Ketua', 'KPU', 'Haji Tanpa Ponsel', 'Tokoh masyarakat', 'FKUB', 'Masyarakat', 'hadir, dicatat di Pantau'])
      assert.ok(d.text.includes(s), `the attendance list says ${s}`);
    assert.match(d.text, /pukul \d\d\.\d\d WITA/);
    assert.equal((await anon.get(`/api/v1/verify/${d.code}`)).json.title.startsWith('Daftar Hadir'), true);

    // Minutes: DRAF without a number until the chair approves them.
    assertProblem(assert, await kabid.get(`${API}/${m.id}/notula.pdf`), 409, 'meeting.no_minutes');
    r = await kabid.post(`${API}/${m.id}/minutes`, { opening_summary: 'Rapat dibuka pukul sembilan.',
      discussion: [{ speaker: 'Kepala Kantor Imigrasi', summary: 'Jumlah orang asing naik dua kali lipat.' }],
      questions: [{ question: 'Bagaimana pelaporan hotel?', answer: 'Melalui aplikasi pelaporan orang asing.' }], conclusions: ['Tim pora rapat tiap bulan.'] });
    assert.equal(r.status, 200, r.text);
    d = await pdf(kabid, m.id, 'notula');
    for (const s of ['NOTULA RAPAT', 'Kepala Kantor Imigrasi', 'Jumlah orang asing naik dua kali lipat.', 'Bagaimana pelaporan hotel?',
      'Melalui aplikasi pelaporan orang asing.', 'Tim pora rapat tiap bulan.', 'belum disetujui pimpinan rapat', 'Siti Aminah'])
      assert.ok(d.text.includes(s), `the minutes say ${s}`);
    v = await anon.get(`/api/v1/verify/${d.code}`);
    assert.equal(v.json.number ?? '', '', 'a draft has no number');
    const draftMinutes = d.code;
    r = await kabid.post(`${API}/${m.id}/minutes/approve`);
    assert.equal(r.status, 200, r.text);
    d = await pdf(kabid, m.id, 'notula');
    assert.ok(d.text.includes('disetujui oleh pimpinan rapat'));
    assert.ok(!d.text.includes('belum disetujui'));
    assert.notEqual(d.code, draftMinutes);
    assert.ok((await anon.get(`/api/v1/verify/${d.code}`)).json.number, 'the approved minutes have a number');
    assert.equal((await anon.get(`/api/v1/verify/${draftMinutes}`)).json.superseded, true, 'the re-issue supersedes the draft');

    // The activity report: basis, purpose, time and place, participants by type, course, agreements, closing.
    r = await kabid.post(`${API}/${m.id}/agreements`, { text: 'Pendataan orang asing di hotel setiap bulan', category: 'COORDINATION', target_date: '2027-03-31' });
    assert.equal(r.status, 201, r.text);
    r = await kabid.post(`${API}/${m.id}/action-items`, { action: 'Menyusun jadwal rapat tim pora', due_date: '2027-02-28', agreement_id: r.json.agreements[0].id, owner_person: 'Kabid Poldagri' });
    assert.equal(r.status, 201, r.text);
    d = await pdf(kabid, m.id, 'laporan-kegiatan');
    for (const s of ['LAPORAN KEGIATAN', 'I. DASAR', 'Permendagri Nomor 49 Tahun 2010', 'MAKSUD DAN TUJUAN', 'Sinergi pengawasan', 'WAKTU DAN TEMPAT',
      'Pemerintah', 'Masyarakat', 'JUMLAH', 'JALANNYA KEGIATAN', 'Jumlah orang asing naik', 'Pendataan orang asing di hotel setiap bulan',
      'Menyusun jadwal rapat tim pora', 'PENUTUP', 'Tim pora rapat tiap bulan.'])
      assert.ok(d.text.includes(s), `the activity report says ${s}`);
    // The officer recorded Haji Tanpa Ponsel at the door: a walk-in, not one of the invited.
    assert.match(d.text, /dihadiri oleh 2 orang peserta: 1 dari 1 orang yang diundang hadir, 0 orang undangan tidak hadir, dan 1 orang hadir tanpa undangan/);

    // A change re-issues the invitation; the earlier one is superseded. Another region sees nothing.
    r = await kabid.get(`${API}/${m.id}`);
    r = await kabid.patch(`${API}/${m.id}`, { venue: 'Aula Kesbangpol, Banjarbaru' }, ifMatch(r.json.version));
    assert.equal(r.status, 200, r.text);
    d = await pdf(kabid, m.id, 'surat-undangan');
    assert.ok(d.text.includes('Aula Kesbangpol'));
    assert.equal((await anon.get(`/api/v1/verify/${invitation}`)).json.superseded, true);
    const other = await srv.login('banjarbaru.operator');
    for (const name of ['surat-undangan', 'daftar-hadir', 'notula', 'laporan-kegiatan'])
      assertProblem(assert, await other.get(`${API}/${m.id}/${name}.pdf`), 404);
  });

  test('a document that cannot exist yet is refused with the reason', async () => {
    let r = await kabid.post(API, { type: 'RAPAT_TIM', title: 'Rapat tanpa undangan', start_at: iso(3600_000), end_at: iso(7200_000) });
    assertProblem(assert, await kabid.get(`${API}/${r.json.id}/surat-undangan.pdf`), 409, 'meeting.no_participants');
    assertProblem(assert, await kabid.get(`${API}/${r.json.id}/daftar-hadir.pdf`), 409, 'meeting.not_invited');
    assertProblem(assert, await kabid.get(`${API}/${r.json.id}/laporan-kegiatan.pdf`), 409, 'meeting.not_held');
    r = await kabid.post(`${API}/${r.json.id}/participants`, { name: 'Calon Undangan', institution: 'Bawaslu' });
    const d = await pdf(kabid, r.json.id, 'surat-undangan');
    assert.ok(d.text.includes('Calon Undangan'));
    assert.equal((await anon.get(`/api/v1/verify/${d.code}`)).json.draft, true, 'a draft until the invitations are sent');
  });
});

describe('changing who owes an action item and by when', () => {
  test('the organiser changes owner and due date with a reason; the owner cannot; the overdue state follows', async () => {
    const m = await meeting(-5 * 60_000, 3600_000);
    let r = await kabid.post(`${API}/${m.id}/action-items`, { action: 'Pemetaan ulang titik rawan', due_date: '2020-01-31', owner_person: 'Kasubid Lama' });
    assert.equal(r.status, 201, r.text);
    const id = r.json.action_items[0].id;
    let item = (await kabid.get(`/api/v1/action-items/${id}`)).json;
    assert.equal(item.effective_status, 'OVERDUE');
    const units = await kabid.all('/api/v1/org-units');
    const unit = units.find((u) => u.region_code === '63.71');
    assert.ok(unit, 'an office of Kota Banjarmasin');
    // A reason is required; a stale version is refused.
    r = await kabid.patch(`/api/v1/action-items/${id}`, { due_date: '2099-06-30' }, ifMatch(item.version));
    const j = assertProblem(assert, r, 422);
    assert.ok(j.errors.some((e) => e.field === 'reason'));
    assertProblem(assert, await kabid.patch(`/api/v1/action-items/${id}`, { due_date: '2099-06-30', reason: 'x' }, ifMatch(item.version + 5)), 412);
    assertProblem(assert, await kabid.patch(`/api/v1/action-items/${id}`, { owner_org_unit_id: 999999, reason: 'x' }, ifMatch(item.version)), 422);
    r = await kabid.patch(`/api/v1/action-items/${id}`, { owner_org_unit_id: unit.id, owner_person: 'Kabid Baru', due_date: '2099-06-30',
      reason: 'Dialihkan ke kota sesuai rapat lanjutan' }, ifMatch(item.version));
    assert.equal(r.status, 200, r.text);
    item = r.json;
    assert.equal(item.owner_org_unit_id, unit.id);
    assert.equal(item.owner_person, 'Kabid Baru');
    assert.equal(item.due_date, '2099-06-30');
    assert.equal(item.region_code, '63.71', 'the item moves to its new owner\'s area');
    assert.equal(item.effective_status, 'OPEN', 'no longer overdue with the new due date');
    // The history says old -> new and why.
    const audit = await (await srv.login('admin')).get(`/api/v1/audit?entity=action_item&id=${id}`);
    assert.equal(audit.status, 200, audit.text);
    const entry = audit.json.items.find((e) => e.action === 'reassign');
    assert.ok(entry, 'a reassign entry');
    const before = typeof entry.before === 'string' ? JSON.parse(entry.before) : entry.before;
    const afterState = typeof entry.after === 'string' ? JSON.parse(entry.after) : entry.after;
    assert.equal(before.due_date, '2020-01-31');
    assert.equal(before.owner_person, 'Kasubid Lama');
    assert.equal(afterState.due_date, '2099-06-30');
    assert.equal(afterState.reason, 'Dialihkan ke kota sesuai rapat lanjutan');
    // The new owner sees it and reports on it, but cannot move it.
    const owner = await srv.login('banjarmasin.operator');
    r = await owner.get(`/api/v1/action-items/${id}`);
    assert.equal(r.status, 200);
    assertProblem(assert, await owner.patch(`/api/v1/action-items/${id}`, { due_date: '2099-12-31', reason: 'lebih lama' }, ifMatch(r.json.version)), 403);
    r = await owner.patch(`/api/v1/action-items/${id}`, { progress_pct: 40 }, ifMatch(r.json.version));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.progress_pct, 40);
  });
});

describe('speakers, their materials, the photo documentation and walk-ins', () => {
  const upload = (client, path, body, headers = {}) =>
    client.request('POST', path, { body, headers: { 'Content-Type': 'application/octet-stream', ...headers } });
  const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(400)]);

  test('the demo forum of Kota Banjarmasin shows two speakers with their slides and two captioned photos', async () => {
    const list = await kabid.get(`${API}?type=FORUM&status=CLOSED&limit=100`);
    assert.equal(list.status, 200, list.text);
    const forum = list.json.items.find((x) => x.title === 'Forum Konsultasi Publik Standar Pelayanan Kesbangpol Kota Banjarmasin');
    assert.ok(forum, 'the demo forum is listed');
    const m = (await kabid.get(`${API}/${forum.id}`)).json;
    assert.deepEqual(m.speakers.map((sp) => [sp.name, sp.materials.map((f) => [f.name, f.mime])]), [
      ['Hadi Rahman', [['paparan-standar-pelayanan-publik.pdf', 'application/pdf']]],
      ['Dr. Siti Mariam', [['paparan-partisipasi-masyarakat.pdf', 'application/pdf']]],
    ]);
    assert.deepEqual(m.photos.map((ph) => [ph.caption, ph.file.mime]), [
      ['Pemaparan standar pelayanan publik oleh Ombudsman RI Perwakilan Kalimantan Selatan', 'image/png'],
      ['Foto bersama peserta forum konsultasi publik di Aula Kayuh Baimbai', 'image/png'],
    ]);
  });

  test('speakers and materials by the organiser only; bad type 422, too large 413, another region 404; photos once held; the activity report shows them', async () => {
    const m = await meeting(-30 * 60_000, 3600_000, { title: 'Forum Narasumber Uji' });
    const other = await srv.login('banjarbaru.operator');
    // A speaker: name required; a retried create adds one; If-Match on changes.
    let r = await kabid.post(`${API}/${m.id}/speakers`, { topic: 'Tanpa nama' });
    assert.ok(assertProblem(assert, r, 422).errors.some((e) => e.field === 'name'));
    const headers = { 'Idempotency-Key': `narasumber-${Date.now()}` };
    const body = { name: 'Dr. Rahmat Hidayat', position: 'Akademisi, Universitas Lambung Mangkurat', topic: 'Pemetaan kerawanan konflik sosial' };
    r = await kabid.post(`${API}/${m.id}/speakers`, body, { headers });
    assert.equal(r.status, 201, r.text);
    const again = await kabid.post(`${API}/${m.id}/speakers`, body, { headers });
    assert.deepEqual(again.json, r.json, 'the retry gets the first answer');
    let sp = r.json;
    assert.equal(r.headers.get('etag'), `"${sp.version}"`);
    assert.equal(sp.sort_order, 1);
    assert.equal((await kabid.get(`${API}/${m.id}/speakers`)).json.items.length, 1);
    assertProblem(assert, await kabid.patch(`${API}/${m.id}/speakers/${sp.id}`, { topic: 'x' }), 428);
    assertProblem(assert, await kabid.patch(`${API}/${m.id}/speakers/${sp.id}`, { topic: 'x' }, ifMatch(sp.version + 3)), 412);
    r = await kabid.patch(`${API}/${m.id}/speakers/${sp.id}`, { topic: 'Pemetaan kerawanan konflik sosial menjelang pilkada' }, ifMatch(sp.version));
    assert.equal(r.status, 200, r.text);
    sp = r.json;
    assert.equal(sp.topic, 'Pemetaan kerawanan konflik sosial menjelang pilkada');

    // Materials: typed by content. A program renamed .pdf is refused in both languages.
    const base = `${API}/${m.id}/speakers/${sp.id}/materials`;
    r = await upload(kabid, `${base}?name=paparan.pdf`, exe);
    let j = assertProblem(assert, r, 422);
    assert.equal(j.errors[0].field, 'file');
    assert.match(j.errors[0].message.id, /PPTX/);
    assert.match(j.errors[0].message.en, /not accepted/);
    const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x20);
    samples.pdf().copy(big);
    assertProblem(assert, await upload(kabid, `${base}?name=besar.pdf`, big), 413, 'file.too_large');
    r = await upload(kabid, `${base}?name=paparan-rahmat.pdf`, samples.pdf(), { 'Idempotency-Key': `materi-${Date.now()}` });
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json.materials.map((f) => [f.name, f.mime]), [['paparan-rahmat.pdf', 'application/pdf']]);
    const material = r.json.materials[0];
    r = await kabid.get(`${base}/${material.id}`, { raw: true });
    assert.equal(r.status, 200);
    assert.deepEqual(r.bytes, samples.pdf());
    // Another region finds nothing: not the speakers, not the material, no upload, no photo.
    assertProblem(assert, await other.get(`${API}/${m.id}/speakers`), 404);
    assertProblem(assert, await other.get(`${base}/${material.id}`), 404);
    assertProblem(assert, await upload(other, `${base}?name=x.pdf`, samples.pdf()), 404);
    assertProblem(assert, await other.post(`${API}/${m.id}/speakers`, body), 404);
    assertProblem(assert, await upload(other, `${API}/${m.id}/photos?caption=x`, JPEG), 404);
    // Photos only once the meeting was held.
    assertProblem(assert, await upload(kabid, `${API}/${m.id}/photos?caption=Terlalu%20awal`, JPEG), 409, 'meeting.not_held');

    // Walk-ins: recorded at the door by the officer and by self check-in, never as invited.
    r = await kabid.post(`${API}/${m.id}/participants`, { name: 'Tamu Pintu Petugas', institution: 'Karang Taruna', participant_type: 'PUBLIC', present: true, signature: SIG });
    assert.equal(r.status, 201, r.text);
    r = await anon.post(`/api/v1/checkin/${m.checkin.token}`, { name: 'Tamu Pintu Mandiri', institution: 'Pers Mahasiswa', participant_type: 'MEDIA', signature: SIG });
    assert.equal(r.status, 201, r.text);
    r = await kabid.get(`${API}/${m.id}`);
    const byName = Object.fromEntries(r.json.participants.map((p) => [p.name, p]));
    for (const n of ['Tamu Pintu Petugas', 'Tamu Pintu Mandiri']) {
      assert.equal(byName[n].invited, false, `${n} is not invited`);
      assert.equal(byName[n].walk_in, true, `${n} is a walk-in`);
    }
    assert.equal(byName['Undangan Satu'].invited, true);
    assert.equal(byName['Undangan Satu'].walk_in, false);
    r = await kabid.post(`${API}/${m.id}/actions`, { action: 'HOLD' }, ifMatch(r.json.version));
    assert.equal(r.status, 200, r.text);

    // Photos: JPEG or PNG by content, with a caption; listed with the meeting.
    j = assertProblem(assert, await upload(kabid, `${API}/${m.id}/photos?caption=Bukan%20foto&name=foto.jpg`, exe), 422);
    assert.equal(j.errors[0].field, 'file');
    assertProblem(assert, await upload(kabid, `${API}/${m.id}/photos?caption=Dokumen&name=foto.jpg`, samples.pdf()), 422);
    r = await upload(kabid, `${API}/${m.id}/photos?caption=${encodeURIComponent('Paparan narasumber di Aula Kesbangpol')}&name=paparan.jpg`, JPEG);
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.caption, 'Paparan narasumber di Aula Kesbangpol');
    const photo = r.json;
    r = await kabid.get(`${API}/${m.id}/photos/${photo.id}`, { raw: true });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/jpeg');
    assertProblem(assert, await other.get(`${API}/${m.id}/photos/${photo.id}`), 404);
    assert.deepEqual((await kabid.get(`${API}/${m.id}`)).json.photos.map((p) => p.caption), ['Paparan narasumber di Aula Kesbangpol']);

    // The activity report prints the speaker, the topic, the material, the caption and the walk-ins.
    const report = async () => {
      const x = await kabid.get(`${API}/${m.id}/laporan-kegiatan.pdf`, { raw: true });
      assert.equal(x.status, 200);
      return { code: x.headers.get('x-document-code'), text: pdfText(x.bytes), images: (x.bytes.toString('latin1').match(/\/Subtype\s*\/Image/g) || []).length };
    };
    let d = await report();
    for (const s of ['NARASUMBER DAN MATERI', 'Dr. Rahmat Hidayat', 'Universitas Lambung Mangkurat', 'Pemetaan kerawanan konflik sosial menjelang pilkada',
      'paparan-rahmat.pdf', 'DOKUMENTASI', 'Paparan narasumber di Aula Kesbangpol', 'Hadir tanpa undangan'])
      assert.ok(d.text.includes(s), `the activity report says ${s}`);
    // Undangan Satu was invited and did not come; both people recorded at the door are walk-ins.
    assert.match(d.text, /dihadiri oleh 2 orang peserta: 0 dari 1 orang yang diundang hadir, 1 orang undangan tidak hadir, dan 2 orang hadir tanpa undangan/);
    assert.ok(d.images >= 1, 'the photo is printed');
    assert.ok(!d.text.includes('disimpan pada berkas kegiatan penyelenggara'), 'no longer says the photos are kept elsewhere');
    // The same content renders to the same bytes: the same entry; a new photo re-issues it.
    assert.equal((await report()).code, d.code);
    r = await upload(kabid, `${API}/${m.id}/photos?caption=${encodeURIComponent('Foto bersama peserta')}`, samples.png());
    assert.equal(r.status, 201, r.text);
    const d2 = await report();
    assert.notEqual(d2.code, d.code);
    assert.ok(d2.text.includes('Foto bersama peserta'));
    assert.ok(d2.images > d.images, 'the new photo is printed too');
    assert.equal((await anon.get(`/api/v1/verify/${d.code}`)).json.superseded, true);
    // The attendance list keeps the walk-ins apart.
    r = await kabid.get(`${API}/${m.id}/daftar-hadir.pdf`, { raw: true });
    const att = pdfText(r.bytes);
    assert.match(att, /B\. Hadir tanpa undangan \(2 orang\).*Tamu Pintu.*C\. Peserta undangan yang tidak hadir \(1 orang\).*Undangan Satu/);
    assert.ok(!att.includes('A. Peserta undangan yang hadir'), 'nobody invited came');

    // Removing: a material, a photo, the speaker (If-Match); each audited.
    assertProblem(assert, await other.del(`${base}/${material.id}`), 404);
    assert.equal((await kabid.del(`${base}/${material.id}`)).status, 204);
    assertProblem(assert, await kabid.get(`${base}/${material.id}`), 404);
    assert.equal((await kabid.del(`${API}/${m.id}/photos/${photo.id}`)).status, 204);
    assertProblem(assert, await kabid.del(`${API}/${m.id}/speakers/${sp.id}`), 428);
    assert.equal((await kabid.del(`${API}/${m.id}/speakers/${sp.id}`, ifMatch(sp.version))).status, 204);
    r = await kabid.get(`${API}/${m.id}`);
    assert.deepEqual(r.json.speakers, []);
    assert.equal(r.json.photos.length, 1);
    const audit = await (await srv.login('admin')).get(`/api/v1/audit?entity=meeting_speaker&id=${sp.id}`);
    assert.deepEqual(audit.json.items.map((e) => e.action).sort(), ['add_material', 'create', 'delete', 'remove_material', 'update']);
  });

  test('participants added by an officer and by self check-in show as roles on their actor page, within scope', async () => {
    const m = await meeting(-5 * 60_000, 3600_000, { title: 'Forum Aktor Uji' });
    const stamp = Date.now().toString(36);
    const officerName = `Ahmad Petugasdicatat ${stamp}`;
    const selfName = `Siti Hadirmandiri ${stamp}`;
    let r = await kabid.post(`${API}/${m.id}/participants`, { name: officerName, institution: 'Bawaslu' });
    assert.equal(r.status, 201, r.text);
    r = await anon.post(`/api/v1/checkin/${m.checkin.token}`, { name: selfName, institution: 'Ormas Uji', signature: SIG });
    assert.equal(r.status, 201, r.text);
    const other = await srv.login('banjarbaru.operator');
    for (const n of [officerName, selfName]) {
      r = await kabid.get(`/api/v1/actors/suggest?q=${encodeURIComponent(n)}`);
      assert.equal(r.status, 200, r.text);
      const actor = r.json.items.find((x) => x.name === n);
      assert.ok(actor, `${n} is an actor`);
      r = await kabid.get(`/api/v1/actors/${actor.id}`);
      assert.equal(r.status, 200, r.text);
      const role = r.json.roles.find((x) => x.role === 'MEETING_PARTICIPANT');
      assert.ok(role, `${n} has the role of a meeting participant`);
      assert.match(role.label, /Forum Aktor Uji/);
      // Outside the meeting's region the role is not shown.
      r = await other.get(`/api/v1/actors/${actor.id}`);
      assert.ok(r.status === 404 || !r.json.roles.some((x) => x.role === 'MEETING_PARTICIPANT'), `${n} hidden from another region`);
    }
  });
});

// Last: the guessing limit shuts this address out for a minute.
describe('self check-in, guessed codes', () => {
  test('refused before the window, unknown codes 404, rate limited', async () => {
    const m = await meeting(3 * 3600_000, 5 * 3600_000);
    let r = await anon.get(`/api/v1/checkin/${m.checkin.token}`);
    assert.equal(r.json.open, false);
    r = await anon.post(`/api/v1/checkin/${m.checkin.token}`, { name: 'Terlalu Awal', institution: 'X', signature: SIG });
    assertProblem(assert, r, 409, 'checkin.closed');
    r = await kabid.get(`${API}/${m.id}/checkin-qr.svg`);
    assertProblem(assert, r, 409, 'checkin.closed');
    r = await anon.get('/api/v1/checkin/AAAAAAAAAAAAAAAAAAAAAAAA');
    assertProblem(assert, r, 404);
    let limited = null;
    for (let i = 0; i < 40 && !limited; ++i) {
      r = await anon.get('/api/v1/checkin/AAAAAAAAAAAAAAAAAAAAAAAA');
      if (r.status === 429) limited = r;
    }
    assert.ok(limited, 'a flood of check-in requests is refused');
    assertProblem(assert, limited, 429, 'rate_limited');
    // Past 30 unknown codes the address gets nothing, not even a real code (no guessing on).
    assertProblem(assert, await anon.get(`/api/v1/checkin/${m.checkin.token}`), 429, 'rate_limited');
  });
});
