// The democracy index over HTTP: official values with what is missing, an all-or-nothing import,
// an incident recorded by a kab/kota becoming a proposed evidence item that the province Pokja
// accepts, moving the provisional index (never labelled official), meetings held with parties and
// information requests refused without a valid exemption proposed too, and the Pokja's exports.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { REPO, assertProblem, finish, ifMatch, startServer, unzipText } from './server.mjs';

const BUILT = fs.existsSync(path.join(REPO, 'src', 'modules', 'democracy', 'routes.cpp'));

let srv;
const as = {};
const today = new Date().toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));
const indicator = (p, n) => p.indicators.find((i) => i.number === n);

before(async () => {
  if (!BUILT) return;
  srv = await startServer();
  for (const u of ['admin', 'kalsel.admin', 'kalsel.kabid', 'kalsel.kaban', 'banjarmasin.operator', 'banjarbaru.operator']) as[u] = await srv.login(u);
});

after(() => finish(assert, srv));

describe('democracy index', { skip: !BUILT && 'the democracy module is not in this tree' }, () => {
  test('the official values of 2023 show Kalimantan Selatan as Baik, rank 10, and list the provinces still missing', async () => {
    const r = await as['banjarmasin.operator'].get('/api/v1/democracy/coverage?year=2023');
    assert.equal(r.status, 200, r.text);
    const kalsel = r.json.provinces.find((p) => p.code === '63');
    assert.deepEqual([kalsel.value_text, kalsel.category, kalsel.rank, kalsel.missing], ['80.44', 'BAIK', 10, false]);
    const babel = r.json.provinces.find((p) => p.code === '19');
    assert.equal(babel.missing, true, 'Bangka Belitung 2023 was not found and is not invented');
    assert.equal(babel.value, null);
    assert.equal(r.json.provinces.length, 38);
    assert.equal(r.json.found + r.json.missing, 38);
    assert.equal(r.json.nasional.value_text, '79.51');
    assert.equal(r.json.nasional.category, 'SEDANG', '79.51 is Sedang');
    const map = (await as['banjarmasin.operator'].get('/api/v1/democracy/choropleth?year=2023')).json.items;
    assert.equal(map.find((p) => p.code === '51').value, 85.3);
    const trend = (await as['banjarmasin.operator'].get('/api/v1/democracy/trend?province=63')).json.series;
    assert.deepEqual(trend.map((x) => [x.year, x.total]), [[2019, 79.47], [2022, 80.86], [2023, 80.44]]);
  });

  test('an import with a bad row imports nothing and reports every bad line; a national admin then imports the fixed file', async () => {
    const head = 'year,level,province_code,scope,aspect,indicator_no,method,value,rank,source_release\n';
    const bad = `${head}2023,PROVINSI,19,TOTAL,,,NEW_2021,78.10,15,BRS uji\n2023,PROVINSI,19,ASPECT,KEBEBASAN,,NEW_2021,101,,BRS uji\n2023,PROVINSI,18,TOTAL,,,OLD_2009,70,,BRS uji\n`;
    const post = (u, body) => as[u].request('POST', '/api/v1/democracy/values/import', { body, headers: { 'Content-Type': 'text/csv' } });
    const r = await post('admin', bad);
    const p = assertProblem(assert, r, 422, 'import.refused');
    assert.deepEqual(p.report.refused.map((x) => [x.line, x.field]), [[3, 'value'], [4, 'method']]);
    assert.match(p.report.refused[0].message.id, /0 sampai 100/);
    assert.equal((await as.admin.get('/api/v1/democracy/coverage?year=2023')).json.provinces.find((x) => x.code === '19').missing, true,
      'the good row was not imported either');
    assertProblem(assert, await post('kalsel.admin', `${head}2023,PROVINSI,19,TOTAL,,,NEW_2021,78.10,15,BRS uji\n`), 403, 'forbidden');
    const ok = await post('admin', `${head}2023,PROVINSI,19,TOTAL,,,NEW_2021,78.10,15,BRS uji\n`);
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.json.imported, 1);
    const babel = (await as.admin.get('/api/v1/democracy/coverage?year=2023')).json.provinces.find((x) => x.code === '19');
    assert.deepEqual([babel.value_text, babel.category, babel.missing], ['78.10', 'SEDANG', false]);
  });

  test('an incident recorded by a kab/kota is proposed as evidence; the province Pokja accepts it and the provisional index moves', async () => {
    const kabid = as['kalsel.kabid'];
    const before = (await kabid.get(`/api/v1/democracy/provisional?region=63.71&year=${year}`)).json;
    assert.equal(before.official, false);
    assert.match(before.label.id, /BUKAN angka resmi BPS/);
    assert.match(before.label.en, /NOT the official BPS figure/);
    const provBefore = (await kabid.get(`/api/v1/democracy/provisional?region=63&year=${year}`)).json;

    const inc = await as['banjarmasin.operator'].post('/api/v1/conflict/incidents', {
      region_code: '63.71.02', occurred_on: today, source: 'SARA', type_code: 'RELIGION.BUILDING', info_source: 'FIELD',
      description: 'Penolakan pembangunan rumah ibadah oleh sekelompok warga',
    });
    assert.equal(inc.status, 201, inc.text);
    const proposals = (await kabid.get('/api/v1/democracy/proposals?status=PENDING')).json.items;
    const mine = proposals.find((x) => x.source_kind === 'INCIDENT' && x.source_id === inc.json.id);
    assert.ok(mine, 'the province sees the proposal');
    assert.deepEqual([mine.region_code, mine.indicator_no, mine.sign, mine.record_link], ['63.71', 3, -1, `/conflict/incidents/${inc.json.id}`]);
    assert.match(mine.summary, /rumah ibadah/);
    const other = (await as['banjarbaru.operator'].get('/api/v1/democracy/proposals')).json.items;
    assert.ok(!other.some((x) => x.id === mine.id), 'another kab/kota does not see it');
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/democracy/proposals/${mine.id}`), 404);

    assertProblem(assert, await kabid.post(`/api/v1/democracy/proposals/${mine.id}/accept`, {}), 428);
    assertProblem(assert, await kabid.post(`/api/v1/democracy/proposals/${mine.id}/accept`, {}, ifMatch(mine.version + 5)), 412);
    const acc = await kabid.post(`/api/v1/democracy/proposals/${mine.id}/accept`, { handled_by: 'Pokja IDI Provinsi' }, ifMatch(mine.version));
    assert.equal(acc.status, 201, acc.text);
    assert.deepEqual([acc.json.region_code, acc.json.indicator_no, acc.json.sign, acc.json.source_kind, acc.json.record_link],
      ['63.71', 3, -1, 'INCIDENT', `/conflict/incidents/${inc.json.id}`]);
    assert.match(acc.json.source, /insiden konflik/);
    assertProblem(assert, await kabid.post(`/api/v1/democracy/proposals/${mine.id}/accept`, {}, ifMatch(mine.version + 1)), 409);

    const after = (await kabid.get(`/api/v1/democracy/provisional?region=63.71&year=${year}`)).json;
    assert.equal(indicator(after, 3).negative, indicator(before, 3).negative + 1);
    assert.ok(Math.abs(indicator(after, 3).provisional - (indicator(before, 3).provisional - after.weights.negative_points)) < 1e-9,
      'the indicator lost the points of one negative item');
    assert.ok(after.total < before.total, 'the kab/kota total fell');
    assert.match(indicator(after, 3).explanation.id, /bukti negatif/);
    const evidence = (await kabid.get(indicator(after, 3).evidence_link)).json.items;
    assert.ok(evidence.some((e) => e.id === acc.json.id), 'the evidence behind the score is one link away');
    const provAfter = (await kabid.get(`/api/v1/democracy/provisional?region=63&year=${year}`)).json;
    assert.ok(provAfter.total < provBefore.total, 'the province total fell too');
    assert.ok(provAfter.kabkota.find((k) => k.code === '63.71').evidence_count >= 1);
    // The kab/kota sees the accepted item in its own log.
    assert.ok((await as['banjarmasin.operator'].get('/api/v1/democracy/evidence')).json.items.some((e) => e.id === acc.json.id));
  });

  test('a cross-party meeting held is proposed for indicator 9; an internal one is not; neither is seen outside the province', async () => {
    const kabid = as['kalsel.kabid'];
    const iso = (ms) => new Date(Date.now() + ms).toISOString();
    const held = async (type, participantType) => {
      let r = await kabid.post('/api/v1/meetings', { type, title: `Uji IDI ${type}`, start_at: iso(-10 * 60_000), end_at: iso(3600_000), venue: 'Banjarbaru' });
      assert.equal(r.status, 201, r.text);
      const id = r.json.id;
      r = await kabid.post(`/api/v1/meetings/${id}/participants`, { name: 'Ketua DPW', institution: 'Partai Uji', participant_type: participantType });
      assert.equal(r.status, 201, r.text);
      r = await kabid.post(`/api/v1/meetings/${id}/actions`, { action: 'INVITE' }, ifMatch(r.json.version));
      assert.equal(r.status, 200, r.text);
      r = await kabid.post(`/api/v1/meetings/${id}/actions`, { action: 'HOLD' }, ifMatch(r.json.version));
      assert.equal(r.status, 200, r.text);
      return id;
    };
    const parpol = await held('PERTEMUAN_LINTAS_PARPOL', 'PARTY');
    const rakor = await held('RAKOR', 'PARTY');
    const items = (await kabid.get('/api/v1/democracy/proposals?status=PENDING')).json.items;
    const p = items.find((x) => x.source_kind === 'MEETING' && x.source_id === parpol);
    assert.ok(p, 'the cross-party meeting is proposed');
    assert.deepEqual([p.indicator_no, p.sign, p.record_link], [9, 1, `/meetings/${parpol}`]);
    assert.match(p.summary, /Uji IDI PERTEMUAN_LINTAS_PARPOL/);
    assert.ok(!items.some((x) => x.source_kind === 'MEETING' && x.source_id === rakor), 'a coordination meeting proposes nothing');
    assert.ok(!(await as['banjarbaru.operator'].get('/api/v1/democracy/proposals')).json.items.some((x) => x.id === p.id),
      'a kab/kota does not see the province\'s meeting');
    const acc = await kabid.post(`/api/v1/democracy/proposals/${p.id}/accept`, {}, ifMatch(p.version));
    assert.equal(acc.status, 201, acc.text);
    assert.deepEqual([acc.json.indicator_no, acc.json.sign, acc.json.source_kind], [9, 1, 'MEETING']);
    assert.match(acc.json.source, /pertemuan/);
  });

  test('an information request refused as exempt whose objection is upheld is proposed against indicator 13, linked to the request', async () => {
    const anon = srv.anonymous();
    const sub = await anon.post('/api/v1/public/layanan/requests', { kind: 'INFO_REQUEST', office: '63', applicant_name: 'Siti', applicant_contact: 'siti@example.id',
      information: 'Daftar penerima hibah ormas 2025', purpose: 'Kajian', delivery_method: 'SOFTCOPY' });
    assert.equal(sub.status, 201, sub.text);
    const kabid = as['kalsel.kabid'];
    const req = (await kabid.get('/api/v1/services/cases?kind=INFO_REQUEST')).json.items.find((i) => i.reg_no === sub.json.reg_no);
    let c = await kabid.post(`/api/v1/services/cases/${req.id}/steps`, { action: 'ANSWER', response_type: 'REJECTED_EXEMPT',
      public_note: 'Dikecualikan berdasarkan Pasal 17 UU 14/2008.' }, ifMatch(req.version));
    assert.equal(c.status, 200, c.text);
    const propose = async () => (await kabid.get('/api/v1/democracy/proposals?status=PENDING')).json.items
      .filter((x) => x.source_kind === 'INFO_REQUEST' && x.source_id === req.id);
    assert.deepEqual(await propose(), [], 'a refusal alone is not yet evidence: the exemption may be valid');
    const obj = await anon.post('/api/v1/public/layanan/requests', { kind: 'INFO_OBJECTION', office: '63', applicant_name: 'Siti', applicant_contact: 'siti@example.id',
      request_reg_no: sub.json.reg_no, request_secret: sub.json.secret, grounds: ['A_EXEMPT_REFUSAL'], case_summary: 'Informasi ini terbuka.' });
    assert.equal(obj.status, 201, obj.text);
    const oi = (await kabid.get('/api/v1/services/cases?kind=INFO_OBJECTION')).json.items.find((i) => i.reg_no === obj.json.reg_no);
    c = await as['kalsel.kaban'].post(`/api/v1/services/cases/${oi.id}/steps`, { action: 'DECIDE', decision: 'UPHELD', public_note: 'Informasi wajib diberikan.' },
      ifMatch(oi.version));
    assert.equal(c.status, 200, c.text);
    const got = await propose();
    assert.deepEqual(got.map((x) => [x.indicator_no, x.sign, x.region_code, x.record_link]), [[13, -1, '63', `/layanan-staf/permohonan/${req.id}`]]);
    assert.match(got[0].summary, /tanpa pengecualian yang sah/);
    assert.ok(!(await as['banjarbaru.operator'].get('/api/v1/democracy/proposals')).json.items.some((x) => x.id === got[0].id),
      'a kab/kota does not see the province office\'s request');
    assert.equal((await propose()).length, 1, 'looking again proposes it once');
  });

  test('evidence with bad fields is refused field by field in both languages; a stale version is refused', async () => {
    const op = as['banjarmasin.operator'];
    const bad = await op.post('/api/v1/democracy/evidence', { region_code: '63.71.01', event_date: '2999-01-01', indicator_no: 23, sign: 0, description: '', source: '' });
    const p = assertProblem(assert, bad, 422, 'validation_failed');
    const fields = p.errors.map((e) => e.field);
    for (const f of ['indicator_no', 'description', 'source']) assert.ok(fields.includes(f), `${f} in ${fields}`);
    const ok = await op.post('/api/v1/democracy/evidence', {
      region_code: '63.71', event_date: today, indicator_no: 13, sign: 1, description: 'PPID menjawab permohonan tepat waktu', source: 'Laporan PPID',
    });
    assert.equal(ok.status, 201, ok.text);
    assert.equal(ok.headers.get('etag'), '"1"');
    const body = { region_code: '63.71', event_date: today, indicator_no: 13, sign: 1, description: 'Diperbaiki', source: 'Laporan PPID' };
    assert.equal((await op.patch(`/api/v1/democracy/evidence/${ok.json.id}`, body, ifMatch(1))).status, 200);
    assertProblem(assert, await op.patch(`/api/v1/democracy/evidence/${ok.json.id}`, body, ifMatch(1)), 412);
  });

  test('weights that do not sum to 1 are refused; the provisional index names the set it used', async () => {
    const indicators = Object.fromEntries(Array.from({ length: 22 }, (_, i) => [String(i + 1), i < 14 ? (i === 6 || i === 13 ? 0.1426 : 0.1429) : 0.125]));
    const r = await as.admin.post('/api/v1/democracy/weights', {
      code: 'UJI-1', name: 'Uji', source: 'Rapat Pokja', decided_on: '2026-01-01', aspects: { KEBEBASAN: 0.5, KESETARAAN: 0.5, KAPASITAS: 0.5 }, indicators,
    });
    const p = assertProblem(assert, r, 422, 'validation_failed');
    assert.ok(p.errors.some((e) => e.field === 'aspects'));
    const prov = (await as['kalsel.kabid'].get('/api/v1/democracy/provisional?region=63&year=2023')).json;
    assert.equal(prov.weights.code, 'SAMA-2021');
    assert.match(prov.weights.source, /tidak mempublikasikannya/);
    assert.equal(prov.official_total, 80.44);
  });

  test('the improvement plan lists the weakest indicators and adds action items that are the meetings module\'s', async () => {
    const kabid = as['kalsel.kabid']
    const got = await kabid.get(`/api/v1/democracy/plan?region=63.71&year=${year}`)
    assert.equal(got.status, 200, got.text)
    const plan = got.json
    assert.equal(plan.weakest.length, 5)
    assert.ok(plan.weakest.some((w) => w.number === 3), 'indicator 3, with its negative evidence, is among the weakest')
    const r = await kabid.post('/api/v1/democracy/plan', {
      region_code: '63.71', year, indicator_no: 3, action: 'Dialog lintas iman dengan FKUB', owner_person: 'Kabid Ideologi', due_date: `${year}-12-31`,
    })
    assert.equal(r.status, 201, r.text)
    const after = (await kabid.get(`/api/v1/democracy/plan?region=63.71&year=${year}`)).json
    const item = after.items.find((x) => x.id === r.json.id)
    assert.ok(item, 'the item is in the plan')
    assert.match(item.indicator, /IDI indikator 3/)
    assert.equal(item.status, 'OPEN')
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/democracy/plan?region=63.71&year=${year}`), 404)
    assertProblem(assert, await kabid.post('/api/v1/democracy/plan', { region_code: '63.71', year, indicator_no: 3, action: '', owner_person: 'x', due_date: 'besok' }), 422)
  })

  test('the Pokja gets a PDF and a workbook with the table and the evidence annex, labelled as not official', async () => {
    const pdf = await as['kalsel.kabid'].get(`/api/v1/democracy/export.pdf?region=63&year=${year}`, { raw: true });
    assert.equal(pdf.status, 200);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    // An official document: in the register with a number and a code that the public page verifies.
    const code = pdf.headers.get('x-document-code');
    assert.ok(code, 'the PDF went through the document register');
    const v = await srv.anonymous().get(`/api/v1/verify/${code}`);
    assert.equal(v.status, 200, v.text);
    assert.match(v.json.number, /^(\S+\/)?\d{4}\/\S+\/\d{4}$/, 'an office number: [classification/]running number/office/year');
    assert.match(v.json.title, /IDI sementara Kalimantan Selatan/);
    const again = await as['kalsel.kabid'].get(`/api/v1/democracy/export.pdf?region=63&year=${year}`, { raw: true });
    assert.equal(again.headers.get('x-document-code'), code, 'the same record gives the same document');
    const x = await as['kalsel.kabid'].get(`/api/v1/democracy/export.xlsx?region=63&year=${year}`, { raw: true });
    assert.equal(x.status, 200);
    const text = unzipText(x.bytes);
    assert.match(text, /BUKAN ANGKA RESMI BPS/);
    assert.match(text, /Lampiran bukti/);
    assert.match(text, /rumah ibadah/);
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/democracy/export.xlsx?region=63.71&year=${year}`), 404);
  });
});
