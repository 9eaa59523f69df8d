// Party aid (banpol) over HTTP, end to end in Kota Banjarmasin (63.71): the value per vote and
// KPU's votes give the allocation and the draft decree; Golkar's board applies, its documents are
// uploaded and accepted, the verification team is recorded and the Berita Acara hasil verifikasi
// printed (a draft while scheduled); verification, determination and payment (SP2D) give the
// Berita Acara Serah Terima; the LPJ goes to BPK and the evaluation recap shows it all. The PDFs
// are checked here for type and header (their wording is checked by the unit tests through
// pdftotext); other regions get 404 for every document of an application they cannot see.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, test } from 'node:test';

import { REPO, assertProblem, finish, samples, startServer, upload, unzipText, ifMatch } from './server.mjs';

const BUILT = fs.existsSync(path.join(REPO, 'src', 'modules', 'party_aid', 'documents.cpp'));
const API = '/api/v1/party-aid';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let srv;
const as = {};


// A minimal .xlsx as Excel saves it (deflated parts, inline strings and numbers): `rows` is an
// array of [rowNumber, [cell, ...]] with strings for text and numbers for numbers.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function zip(files) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const nameBuf = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc32(data), 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBuf.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBuf.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, nameBuf, packed);
    central.push(dir, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const dirBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dirBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBuf, end]);
}
function xlsxOf(rows) {
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const col = (i) => String.fromCharCode(65 + i);
  const sheetRows = rows.map(([r, cells]) => `<row r="${r}">${cells.map((v, i) => (v === '' ? '' : typeof v === 'number'
    ? `<c r="${col(i)}${r}"><v>${v}</v></c>`
    : `<c r="${col(i)}${r}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`).join('');
  const ns = 'http://schemas.openxmlformats.org';
  return zip({
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="${ns}/package/2006/content-types"/>`,
    'xl/workbook.xml': `<?xml version="1.0"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="Hasil" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><worksheet xmlns="${ns}/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
  });
}

function assertPdf(res, name) {
  assert.equal(res.status, 200, `${name}: ${res.status} ${res.status === 200 ? '' : res.bytes.toString()}`);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  assert.equal(res.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(res.bytes.length > 2000, 'a real document, not an empty page');
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="[a-z0-9.-]+\.pdf"$/);
  assert.equal(res.headers.get('cache-control'), 'private, no-store');
}

before(async () => {
  if (!BUILT) return;
  srv = await startServer();
  for (const u of ['admin', 'banjarmasin.operator', 'banjarmasin.kaban', 'banjarbaru.operator', 'kalsel.kaban', 'bpk.auditor']) {
    as[u] = await srv.login(u);
  }
});

after(() => finish(assert, srv));

describe('party aid from allocation to the LPJ', { skip: !BUILT }, () => {
  const s = {}; // what the steps share

  test('allocation and the draft decree of the wali kota', async () => {
    const op = as['banjarmasin.operator'];
    let r = await op.post(`${API}/vote-values`, {
      region_code: '63.71', fiscal_year: 2025, value_per_vote: 1500, basis: 'DEFAULT_PP_1_2018',
      legal_basis: 'PP 1/2018 Pasal 5 ayat (3)', election_year: 2024,
    });
    assert.equal(r.status, 201, r.text);
    const csv = 'region_code,abbreviation,valid_votes,seats\n63.71,PKB,12000,3\n63.71,GOLKAR,15500,5\n63.71,PKS,9000,2\n63.71,PDIP,4000,0\n';
    r = await op.request('POST', `${API}/election-results/import?election_year=2024`, { body: csv, headers: { 'Content-Type': 'text/csv' } });
    assert.equal(r.status, 201, r.text);
    r = await op.get(`${API}/allocations?region=63.71&year=2025`);
    assert.equal(r.status, 200, r.text);
    const golkar = r.json.lines.find((l) => l.abbreviation === 'GOLKAR');
    assert.equal(golkar.amount_rupiah, 15500 * 1500);
    assert.equal(r.json.total_rupiah, (12000 + 15500 + 9000) * 1500);
    assert.ok(!r.json.lines.some((l) => l.abbreviation === 'PDIP'), 'votes without a seat give nothing');
    s.amount = golkar.amount_rupiah;

    r = await op.get(`${API}/allocations/keputusan.pdf?region=63.71&year=2025`);
    assertPdf(r, 'decree');
    assert.equal(r.headers.get('content-disposition'), 'attachment; filename="keputusan-banpol-63.71-2025.pdf"');
    // The province's DPRD votes are not in the demo yet: no decree with blank amounts.
    r = await as['kalsel.kaban'].get(`${API}/allocations/keputusan.pdf?region=63&year=2025`);
    assertProblem(assert, r, 409, 'banpol.votes_missing');
    // National aid is not decided by a head of region.
    r = await as.admin.get(`${API}/allocations/keputusan.pdf?region=&year=2025`);
    assertProblem(assert, r, 422);
    r = await op.get(`${API}/allocations/keputusan.pdf?region=63.71`);
    assertProblem(assert, r, 422);
  });

  test('election results from an Excel workbook: one bad row refuses the file', async () => {
    const op = as['banjarmasin.operator'];
    const url = `${API}/election-results/import?election_year=2024`;
    const before = await op.get(`${API}/election-results?region=63.71&election_year=2024`);
    assert.equal(before.status, 200, before.text);
    const header = [1, ['region_code', 'abbreviation', 'valid_votes', 'seats', 'source']];
    const good = [[3, ['63.71', 'PKB', 12000, 3, 'Kep. KPU Kota Banjarmasin']], [4, ['63.71', 'GOLKAR', 15500, 5]],
      [5, ['63.71', 'PKS', 9000, 2]], [6, ['63.71', 'PDIP', 4000, 0]]];
    // Row 5 of the sheet names a party that did not run in 2024 (row 2 is left blank).
    const bad = xlsxOf([header, good[0], good[1], [5, ['63.71', 'PARTAI ENTAH', 9000, 2]], good[3]]);
    let r = await op.request('POST', url, { body: bad, headers: { 'Content-Type': XLSX } });
    assertProblem(assert, r, 422);
    assert.equal(r.json.import.rows, 4);
    assert.equal(r.json.import.refused, 1);
    assert.deepEqual(r.json.import.report.map((x) => [x.line, x.status]), [[3, 'ok'], [4, 'ok'], [5, 'refused'], [6, 'ok']]);
    assert.equal(r.json.import.report[2].errors[0].field, 'abbreviation');
    const after = await op.get(`${API}/election-results?region=63.71&election_year=2024`);
    assert.deepEqual(after.json, before.json, 'nothing was saved');
    // A damaged workbook is a clear error in both languages.
    r = await op.request('POST', url, { body: bad.subarray(0, bad.length - 40), headers: { 'Content-Type': XLSX } });
    assertProblem(assert, r, 422);
    assert.match(r.json.code, /^xlsx\./);
    // Announced as a workbook but it is not one.
    r = await op.request('POST', url, { body: 'region_code,seats\n', headers: { 'Content-Type': XLSX } });
    assertProblem(assert, r, 422, 'xlsx.not_zip');
    // The good workbook (the same figures as the CSV above) is checked, then imported.
    const sheet = xlsxOf([header, ...good]);
    r = await op.request('POST', `${url}&dry_run=true`, { body: sheet, headers: { 'Content-Type': XLSX } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.applied, false);
    r = await op.request('POST', url, { body: sheet, headers: { 'Content-Type': XLSX } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.rows, 4);
    const now = await op.get(`${API}/election-results?region=63.71&election_year=2024`);
    assert.equal(now.json.items.find((x) => x.abbreviation === 'GOLKAR').valid_votes, 15500);
  });

  test('application, documents and the verification team', async () => {
    const op = as['banjarmasin.operator'];
    const kaban = as['banjarmasin.kaban'];
    let r = await op.post(`${API}/boards`, {
      region_code: '63.71', party_abbreviation: 'GOLKAR', decree_no: 'SK DPP Golkar 63.71/2024', decree_date: '2024-10-01',
      chair: 'H. Ketua Golkar', secretary: 'Sekretaris Golkar', treasurer: 'Bendahara Golkar', npwp: '01.234.567.8-901.000',
      bank_name: 'Bank Kalsel', bank_account_no: '0011223344', bank_account_holder: 'DPD Partai Golkar Kota Banjarmasin',
      valid_from: '2024-10-01',
    });
    assert.equal(r.status, 201, r.text);
    r = await op.post(`${API}/applications`, {
      board_id: r.json.id, fiscal_year: 2025, letter_no: '012/DPD-GOLKAR/II/2025', letter_date: '2025-02-03',
      received_at: '2025-02-04', first_year: true,
    });
    assert.equal(r.status, 201, r.text);
    let app = r.json;
    s.id = app.id;
    assert.deepEqual(app.verification_team, { decree_no: '', meeting_date: null, members: [] });
    // The server says which steps each user may take now (state machine and permission).
    assert.deepEqual(app.allowed_actions, ['START_CHECK']);
    r = await op.post(`${API}/applications/${app.id}/actions`, { action: 'START_CHECK' }, ifMatch(app.version));
    assert.equal(r.status, 200, r.text);
    app = r.json;
    assert.deepEqual(app.allowed_actions, ['RETURN', 'SCHEDULE_VERIFICATION']);
    r = await kaban.get(`${API}/applications/${app.id}`);
    assert.deepEqual(r.json.allowed_actions, ['RETURN', 'SCHEDULE_VERIFICATION', 'REJECT', 'HOLD']);
    r = await kaban.get(`${API}/applications?region=63.71&year=2025`);
    assert.deepEqual(r.json.items.find((x) => x.id === app.id).allowed_actions, ['RETURN', 'SCHEDULE_VERIFICATION', 'REJECT', 'HOLD']);
    // And what each may change now, by the checks the writes make: the operator the files and the
    // team, the head (record.write and record.review) also the verdicts.
    assert.deepEqual(app.allowed_edits, ['DOCUMENTS', 'TEAM']);
    assert.deepEqual(r.json.items.find((x) => x.id === app.id).allowed_edits, ['DOCUMENTS', 'TEAM', 'VERDICTS']);
    // Every required document: uploaded by the office, accepted by the head.
    for (const d of app.documents.filter((x) => x.required && !x.waived)) {
      const content = Buffer.concat([samples.pdf(), Buffer.from(`% ${d.code}\n`)]);
      const f = await upload(op, { region_code: '63.71', entity: 'banpol_application', entity_id: String(app.id) }, { name: `${d.code}.pdf`, content, type: 'application/pdf' });
      assert.equal(f.status, 201, f.text);
      r = await op.patch(`${API}/applications/${app.id}/documents/${d.code}`, { file_id: f.json.id }, ifMatch(app.version));
      assert.equal(r.status, 200, r.text);
      r = await kaban.patch(`${API}/applications/${app.id}/documents/${d.code}`, { verdict: 'ACCEPTED' }, ifMatch(r.json.version));
      assert.equal(r.status, 200, r.text);
      app = r.json;
    }
    assert.deepEqual(app.missing_documents, []);
    // Not scheduled yet: no Berita Acara.
    assertProblem(assert, await op.get(`${API}/applications/${app.id}/berita-acara-verifikasi.pdf`), 409, 'banpol.verification_not_scheduled');
    r = await op.post(`${API}/applications/${app.id}/actions`, { action: 'SCHEDULE_VERIFICATION' }, ifMatch(app.version));
    assert.equal(r.status, 200, r.text);
    app = r.json;
    assertProblem(assert, await op.get(`${API}/applications/${app.id}/berita-acara-verifikasi.pdf`), 409, 'banpol.verification_team_missing');

    // The team: exactly one chair, NIPs of 18 digits; If-Match required.
    const team = {
      decree_no: 'Keputusan Wali Kota Banjarmasin Nomor 100.3.3.2/45/2025', meeting_date: '2025-03-10',
      members: [
        { name: 'Drs. Ketua Tim', nip: '197001011995031001', job_title: 'Kepala Bidang Politik Dalam Negeri', role: 'KETUA' },
        { name: 'Sekretaris Tim', nip: '198502022010012002', job_title: 'Analis Kebijakan', role: 'SEKRETARIS' },
        { name: 'Anggota Tim', nip: '', job_title: 'Inspektorat', role: 'ANGGOTA' },
      ],
    };
    assertProblem(assert, await op.patch(`${API}/applications/${app.id}/verification-team`, team), 428);
    r = await op.patch(`${API}/applications/${app.id}/verification-team`, { ...team, members: team.members.map((m) => ({ ...m, role: 'ANGGOTA' })) }, ifMatch(app.version));
    assert.equal(assertProblem(assert, r, 422).errors[0].code, 'one_chair');
    r = await op.patch(`${API}/applications/${app.id}/verification-team`, { ...team, members: [{ ...team.members[0], nip: '123' }] }, ifMatch(app.version));
    assert.equal(assertProblem(assert, r, 422).errors[0].field, 'members[0].nip');
    r = await op.patch(`${API}/applications/${app.id}/verification-team`, { ...team, members: [{ name: 7, role: 'KETUA' }] }, ifMatch(app.version));
    assertProblem(assert, r, 422);
    assertProblem(assert, await as['bpk.auditor'].patch(`${API}/applications/${app.id}/verification-team`, team, ifMatch(app.version)), 403, 'forbidden');
    assertProblem(assert, await as['banjarbaru.operator'].patch(`${API}/applications/${app.id}/verification-team`, team, ifMatch(app.version)), 404);
    r = await op.patch(`${API}/applications/${app.id}/verification-team`, team, ifMatch(app.version));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('etag'), `"${app.version + 1}"`);
    assert.deepEqual(r.json.verification_team, team);
    assertProblem(assert, await op.patch(`${API}/applications/${app.id}/verification-team`, team, ifMatch(app.version)), 412);
    app = r.json;

    // The usage plan: 60% political education.
    const pe = Math.round(s.amount * 0.6);
    r = await op.patch(`${API}/applications/${app.id}/usage-plan`, {
      lines: [{ category: 'POLITICAL_EDUCATION', activity: 'Pendidikan politik kader', amount: pe },
        { category: 'OPERATIONAL', activity: 'Operasional sekretariat', amount: s.amount - pe }],
    }, ifMatch(app.version));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.usage_plan.meets_minimum, true);
    app = r.json;
    // While scheduled the Berita Acara prints as a draft.
    assertPdf(await op.get(`${API}/applications/${app.id}/berita-acara-verifikasi.pdf`), 'draft BA');
    s.app = app;
  });

  test('verification, determination, payment and the handover', async () => {
    const kaban = as['banjarmasin.kaban'];
    let app = s.app;
    const act = async (body) => {
      const r = await kaban.post(`${API}/applications/${app.id}/actions`, body, ifMatch(app.version));
      assert.equal(r.status, 200, `${body.action}: ${r.text}`);
      app = r.json;
    };
    await act({ action: 'VERIFY', ba_verification_no: 'BA.200/15/Kesbangpol/2025' });
    // The team is fixed once verified, and the server no longer offers any change.
    assert.deepEqual(app.allowed_edits, []);
    assert.deepEqual((await as['banjarmasin.operator'].get(`${API}/applications/${app.id}`)).json.allowed_edits, []);
    const locked = await as['banjarmasin.operator'].patch(`${API}/applications/${app.id}/verification-team`, { ...app.verification_team }, ifMatch(app.version));
    assertProblem(assert, locked, 409, 'banpol.application_locked');
    let r = await kaban.get(`${API}/applications/${app.id}/berita-acara-verifikasi.pdf`);
    assertPdf(r, 'BA verifikasi');
    assert.equal(r.headers.get('content-disposition'), `attachment; filename="ba-verifikasi-banpol-${app.id}.pdf"`);
    assertProblem(assert, await kaban.get(`${API}/applications/${app.id}/berita-acara-serah-terima.pdf`), 409, 'banpol.not_disbursed');
    await act({ action: 'DETERMINE', decree_no: 'Kep. Wali Kota 100.3.3.2/123/2025' });
    assert.equal(app.determined_amount, s.amount);
    await act({ action: 'REQUEST_DISBURSEMENT' });
    assertProblem(assert, await kaban.get(`${API}/applications/${app.id}/berita-acara-serah-terima.pdf`), 409, 'banpol.not_disbursed');
    await act({ action: 'DISBURSE', sp2d_no: 'SP2D 0456/LS/2025', sp2d_date: '2025-04-21' });
    assert.equal(app.status, 'DISBURSED');
    assert.equal(app.disbursed_amount, s.amount);
    r = await as['banjarmasin.operator'].get(`${API}/applications/${app.id}/berita-acara-serah-terima.pdf`);
    assertPdf(r, 'BA serah terima');
    assert.equal(r.headers.get('content-disposition'), `attachment; filename="ba-serah-terima-banpol-${app.id}.pdf"`);
    // The province (and its read-only auditor) may read the documents of its kab/kota.
    assertPdf(await as['bpk.auditor'].get(`${API}/applications/${app.id}/berita-acara-verifikasi.pdf`), 'BA as the auditor');
    assertPdf(await as['kalsel.kaban'].get(`${API}/applications/${app.id}/berita-acara-serah-terima.pdf`), 'handover as the province');
    s.app = app;
  });

  test('LPJ to BPK and the evaluation recap', async () => {
    const op = as['banjarmasin.operator'];
    let r = await op.post(`${API}/lpj`, { region_code: '63.71', party_abbreviation: 'GOLKAR', fiscal_year: 2025, submitted_to_bpk: '2026-01-20' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.stage, 'LPJ_SUBMITTED_TO_BPK');
    r = await op.get(`${API}/evaluation.xlsx?year=2025`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get('content-type'), XLSX);
    assert.equal(r.headers.get('content-disposition'), 'attachment; filename="evaluasi-banpol-63.71-2025.xlsx"');
    assert.equal(r.bytes.readUInt32LE(0), 0x04034b50, 'a ZIP (XLSX) file');
    const text = unzipText(r.bytes);
    for (const want of ['REKAPITULASI EVALUASI BANTUAN KEUANGAN PARTAI POLITIK TAHUN ANGGARAN 2025', 'GOLKAR', 'PKB', 'PKS',
      '>Disalurkan<', 'Belum mengajukan', 'Disampaikan ke BPK', String(s.amount)]) {
      assert.ok(text.includes(want), `the recap holds ${want}`);
    }
    assert.ok(!text.includes('PDIP'), 'no seat, no row');
    // The province's recap includes the city's row; a sibling city's does not.
    const prov = unzipText((await as['kalsel.kaban'].get(`${API}/evaluation.xlsx?region=63&year=2025`)).bytes);
    assert.ok(prov.includes('>63.71<') && prov.includes('>Disalurkan<'), "the province's recap holds the city's payment");
    const sibling = await as['banjarbaru.operator'].get(`${API}/evaluation.xlsx?year=2025`);
    assert.equal(sibling.status, 200);
    const seen = unzipText(sibling.bytes);
    assert.ok(!seen.includes('>63.71<') && !seen.includes('>Disalurkan<'), 'Banjarbaru sees nothing of Banjarmasin');
    assertProblem(assert, await as['banjarbaru.operator'].get(`${API}/evaluation.xlsx?region=63.71&year=2025`), 404);
    assertProblem(assert, await op.get(`${API}/evaluation.xlsx?region=63.71`), 422);
  });

  test('another region never gets the documents', async () => {
    // An application of another province (Kalimantan Timur), recorded by the ministry.
    let r = await as.admin.post(`${API}/boards`, {
      region_code: '64', party_abbreviation: 'GOLKAR', decree_no: 'SK DPP Golkar 64/2024', decree_date: '2024-10-01',
      chair: 'Ketua Kaltim', secretary: 'Sekretaris Kaltim', treasurer: 'Bendahara Kaltim', valid_from: '2024-10-01',
    });
    assert.equal(r.status, 201, r.text);
    r = await as.admin.post(`${API}/applications`, { board_id: r.json.id, fiscal_year: 2025, letter_no: 'KALTIM/001/2025', letter_date: '2025-02-03', received_at: '2025-02-04' });
    assert.equal(r.status, 201, r.text);
    const kaltim = r.json;
    for (const u of ['kalsel.kaban', 'banjarmasin.operator', 'bpk.auditor']) {
      for (const doc of ['berita-acara-verifikasi.pdf', 'berita-acara-serah-terima.pdf']) {
        const res = await as[u].get(`${API}/applications/${kaltim.id}/${doc}`);
        assertProblem(assert, res, 404);
        assert.ok(!res.text.includes('KALTIM/001'), 'nothing of it in the refusal');
      }
      assertProblem(assert, await as[u].get(`${API}/allocations/keputusan.pdf?region=64&year=2025`), 404);
      assertProblem(assert, await as[u].get(`${API}/evaluation.xlsx?region=64&year=2025`), 404);
    }
    // A sibling kab/kota does not get Banjarmasin's documents either.
    for (const doc of ['berita-acara-verifikasi.pdf', 'berita-acara-serah-terima.pdf']) {
      assertProblem(assert, await as['banjarbaru.operator'].get(`${API}/applications/${s.app.id}/${doc}`), 404);
    }
    assertProblem(assert, await as['banjarbaru.operator'].get(`${API}/allocations/keputusan.pdf?region=63.71&year=2025`), 404);
    // The ministry sees both.
    assertProblem(assert, await as.admin.get(`${API}/applications/${kaltim.id}/berita-acara-verifikasi.pdf`), 409, 'banpol.verification_not_scheduled');
    assertPdf(await as.admin.get(`${API}/applications/${s.app.id}/berita-acara-serah-terima.pdf`), 'handover as the ministry');
    // Unknown and malformed ids.
    assertProblem(assert, await as.admin.get(`${API}/applications/999999/berita-acara-verifikasi.pdf`), 404);
    assert.ok([400, 404, 422].includes((await as.admin.get(`${API}/applications/abc/berita-acara-serah-terima.pdf`)).status));
  });
});
