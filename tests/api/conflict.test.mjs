// Conflict early warning over HTTP, end to end: an operator records an incident with a fatality,
// the province sees the alert, assigns it to an agency with a due date, the kab/kota head
// responds and closes it with an outcome; CSV import is all or nothing with a report per line;
// a conflict status lasts at most 90 days with one extension of at most 30.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { REPO, assertProblem, finish, startServer } from './server.mjs';

const BUILT = fs.existsSync(path.join(REPO, 'src', 'modules', 'conflict', 'routes.cpp'));

let srv;
const as = {};
const ago = (days) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const addDays = (date, days) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ifMatch = (v) => ({ headers: { 'If-Match': `"${v}"` } });
const alertOf = async (u, id) => (await as[u].get('/api/v1/conflict/alerts')).json.items.find((a) => a.id === id);

before(async () => {
  if (!BUILT) return;
  srv = await startServer();
  for (const u of ['admin', 'kalsel.admin', 'banjarmasin.operator', 'banjarmasin.kaban', 'banjarbaru.operator', 'kalsel.kabid', 'kalsel.operator']) {
    as[u] = await srv.login(u);
  }
});

after(() => finish(assert, srv));

describe('conflict early warning', { skip: !BUILT && 'the conflict module is not in this tree' }, () => {
  test('an incident with a fatality alerts the province, which assigns it; the kab/kota head responds and closes it', async () => {
    const op = as['banjarmasin.operator'];
    let r = await op.post('/api/v1/conflict/incidents', {
      region_code: '63.71.01', occurred_on: ago(1), source: 'SARA', type_code: 'CLASH.VILLAGE', info_source: 'FIELD',
      fatalities: 1, injuries: 2, actors: [{ type: 'GROUP', name: 'Warga Desa A' }, { name: 'Warga Desa B' }],
      description: 'Bentrok antarwarga setelah pertandingan sepak bola.',
    });
    assert.equal(r.status, 201, r.text);
    const inc = r.json;
    assert.equal(inc.police_group, 'SARA');
    assert.equal(inc.fatalities, 1);
    assert.deepEqual(inc.actors, [{ type: 'GROUP', name: 'Warga Desa A' }, { type: 'OTHER', name: 'Warga Desa B' }]);

    // The alert appears for the province, with a notification; not for another kab/kota.
    const alert = (await as['kalsel.kabid'].get('/api/v1/conflict/alerts')).json.items
      .find((a) => a.entity === 'conflict_incident' && a.entity_id === String(inc.id));
    assert.ok(alert, 'the province sees an alert about the incident');
    assert.equal(alert.rule_code, 'FATALITY');
    assert.equal(alert.region_code, '63.71.01');
    assert.equal(alert.status, 'OPEN');
    assert.match(alert.reason.id, /1 korban jiwa/);
    assert.match(alert.reason.en, /1 fatalities/);
    const notes = (await as['kalsel.kabid'].get('/api/v1/notifications')).json.items;
    assert.ok(notes.some((n) => n.entity === 'conflict_alert' && n.entity_id === String(alert.id)), 'the province was notified');
    assert.equal((await alertOf('banjarbaru.operator', alert.id)), undefined, 'another kab/kota does not see it');
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/conflict/incidents/${inc.id}`), 404);

    // The province assigns it to an agency with a due date.
    const kabid = as['kalsel.kabid'];
    const due = ago(-3);
    const p = (action) => `/api/v1/conflict/alerts/${alert.id}/${action}`;
    assertProblem(assert, await op.post(p('assign'), { agency: 'Polresta Banjarmasin', due_date: due }, ifMatch(1)), 403, 'forbidden');
    assertProblem(assert, await kabid.post(p('assign'), { agency: 'Polresta Banjarmasin', due_date: due }), 428);
    assertProblem(assert, await kabid.post(p('assign'), { agency: 'Polresta Banjarmasin', due_date: due }, ifMatch(7)), 412);
    r = await kabid.post(p('assign'), { agency: 'Polresta Banjarmasin', due_date: '2026-02-30' }, ifMatch(1));
    assert.equal(assertProblem(assert, r, 422).errors[0].field, 'due_date');
    r = await kabid.post(p('assign'), { agency: 'Polresta Banjarmasin', due_date: due }, ifMatch(1));
    assert.equal(r.status, 204, r.text);
    let now = await alertOf('banjarmasin.kaban', alert.id);
    assert.equal(now.status, 'ASSIGNED');
    assert.equal(now.assigned_agency, 'Polresta Banjarmasin');
    assert.equal(now.due_date, due);
    assert.equal(now.overdue, false);
    assert.equal(now.version, 2);

    // The kab/kota head records the response, then closes it: only with an outcome.
    const kaban = as['banjarmasin.kaban'];
    r = await kaban.post(p('respond'), { response: 'Mediasi bersama tokoh masyarakat dan Polsek.' }, ifMatch(2));
    assert.equal(r.status, 204, r.text);
    assert.equal((await alertOf('kalsel.kabid', alert.id)).status, 'RESPONDED');
    assertProblem(assert, await kaban.post(p('respond'), {}, ifMatch(3)), 422);
    r = await kaban.post(p('close'), { response: 'Mediasi selesai.' }, ifMatch(3));
    assert.equal(assertProblem(assert, r, 422).errors[0].field, 'outcome');
    now = await alertOf('kalsel.kabid', alert.id);
    assert.equal(now.status, 'RESPONDED');
    assert.equal(now.version, 3, 'the refused close changed nothing');
    r = await kaban.post(p('close'), { outcome: 'Kedua pihak sepakat berdamai; patroli bersama dua minggu.' }, ifMatch(3));
    assert.equal(r.status, 204, r.text);
    now = await alertOf('kalsel.kabid', alert.id);
    assert.equal(now.status, 'CLOSED');
    assert.equal(now.outcome, 'Kedua pihak sepakat berdamai; patroli bersama dua minggu.');
    assert.equal(now.response, 'Mediasi bersama tokoh masyarakat dan Polsek.');
    assert.match(now.closed_at, /^\d{4}-\d\d-\d\dT/);
    assert.equal(now.version, 4);

    // A closed alert stays closed with its outcome.
    for (const [action, body] of [['respond', { response: 'Tanggapan baru.' }], ['close', { outcome: 'Hasil lain.' }],
      ['assign', { agency: 'Satpol PP', due_date: due }]]) {
      assertProblem(assert, await kabid.post(p(action), body, ifMatch(4)), 409);
    }
    assert.deepEqual(await alertOf('kalsel.kabid', alert.id), now);
    const closed = (await kabid.get('/api/v1/conflict/alerts?status=CLOSED')).json.items.map((a) => a.id);
    assert.deepEqual(closed, [alert.id]);

    // Every step is in the audit trail.
    const hist = (await kabid.get(`/api/v1/audit?entity=conflict_alert&id=${alert.id}`)).json.items.map((e) => e.action);
    for (const a of ['raise', 'assign', 'respond', 'close']) assert.ok(hist.includes(a), `${a} in ${hist}`);
  });

  test('an assigned alert past its due date is overdue and flagged for the tier above', async () => {
    const r = await as['banjarmasin.operator'].post('/api/v1/conflict/incidents', {
      region_code: '63.71', occurred_on: ago(6), source: 'NATURAL_RESOURCE_DISPUTE', type_code: 'LAND.PLANTATION', info_source: 'MEDIA', fatalities: 2,
    });
    assert.equal(r.status, 201, r.text);
    const alert = (await as['kalsel.kabid'].get('/api/v1/conflict/alerts?status=OPEN')).json.items
      .find((a) => a.entity_id === String(r.json.id) && a.rule_code === 'FATALITY');
    assert.ok(alert);
    const a = await as['kalsel.kabid'].post(`/api/v1/conflict/alerts/${alert.id}/assign`, { agency: 'Satpol PP', due_date: ago(2) }, ifMatch(alert.version));
    assert.equal(a.status, 204, a.text);
    const now = await alertOf('banjarmasin.kaban', alert.id);
    assert.equal(now.overdue, true);
    assert.equal(now.escalated_to, '63');
  });

  test('the history of a confidential alert is as confidential as the alert', async () => {
    // A TERBATAS incident with a fatality raises a TERBATAS alert; the province assigns and answers it.
    let r = await as['banjarmasin.kaban'].post('/api/v1/conflict/incidents', {
      region_code: '63.71', occurred_on: ago(2), source: 'POLEKSOSBUD', type_code: 'POLITICS.PILKADA', info_source: 'AGENCY',
      fatalities: 1, classification: 'TERBATAS', description: 'Insiden terbatas',
    });
    assert.equal(r.status, 201, r.text);
    const alert = (await as['kalsel.kabid'].get('/api/v1/conflict/alerts')).json.items
      .find((a) => a.entity_id === String(r.json.id) && a.rule_code === 'FATALITY');
    assert.ok(alert);
    assert.equal(await alertOf('kalsel.operator', alert.id), undefined, 'not for a BIASA operator');
    r = await as['kalsel.kabid'].post(`/api/v1/conflict/alerts/${alert.id}/assign`, { agency: 'Kodim Rahasia Uji', due_date: ago(-5) }, ifMatch(1));
    assert.equal(r.status, 204, r.text);
    r = await as['kalsel.kabid'].post(`/api/v1/conflict/alerts/${alert.id}/close`, { outcome: 'Hasil terbatas' }, ifMatch(2));
    assert.equal(r.status, 204, r.text);
    const hist = async (u) => {
      const res = await as[u].get(`/api/v1/audit?entity=conflict_alert&id=${alert.id}`);
      assert.equal(res.status, 200, res.text);
      return res.json.items.map((e) => e.action);
    };
    assert.deepEqual((await hist('kalsel.kabid')).sort(), ['assign', 'close', 'raise']);
    // A BIASA auditor of the province reads no step of it: not even the agency it went to.
    const auditor = await srv.login('bpk.auditor');
    as['bpk.auditor'] = auditor;
    const res = await auditor.get(`/api/v1/audit?entity=conflict_alert&id=${alert.id}`);
    assert.deepEqual(res.json.items, []);
    assert.ok(!res.text.includes('Kodim Rahasia Uji'));
  });

  test('CSV import: a file with bad rows is refused with their line numbers and imports nothing; the corrected file imports', async () => {
    const op = as['banjarmasin.operator'];
    const before = await op.all('/api/v1/conflict/incidents');
    const header = 'region_code,occurred_on,source,type_code,info_source,fatalities,injuries,description';
    const good2 = `63.71,${ago(20)},BOUNDARY,BOUNDARY,AGENCY,0,0,"Sengketa batas, tahap mediasi"`;
    const good4 = `63.71.01,${ago(19)},NATURAL_RESOURCE_DISPUTE,LAND.MINING,FIELD,0,1,Sengketa tambang rakyat`;
    const bad = [header, good2,
      `63.72,${ago(18)},SARA,CLASH.ETHNIC,MEDIA,0,0,Di luar cakupan`, // line 3: another kab/kota
      good4,
      '63.71,2026-13-01,WAR,NOPE,RUMOUR,-1,0,Semua salah', // line 5
      `63.71,${ago(-2)},SARA,CLASH.ETHNIC,MEDIA,0,0,Belum terjadi`, // line 6: in the future
    ].join('\n') + '\n';
    const imp = (c, body) => c.request('POST', '/api/v1/conflict/incidents/import', { body, headers: { 'Content-Type': 'text/csv' } });
    let r = await imp(op, bad);
    const problem = assertProblem(assert, r, 422, 'import.refused');
    assert.equal(problem.report.rows, 5);
    assert.equal(problem.report.imported, 0);
    const by = {};
    for (const x of problem.report.refused) (by[x.line] ||= []).push(`${x.field}:${x.code}`);
    assert.deepEqual(Object.keys(by).map(Number), [3, 5, 6]);
    assert.deepEqual(by[3], ['region_code:out_of_scope']);
    for (const f of ['occurred_on:invalid', 'source:not_allowed', 'type_code:not_found', 'info_source:not_allowed', 'fatalities:invalid']) {
      assert.ok(by[5].includes(f), `line 5: ${f} in ${by[5]}`);
    }
    assert.deepEqual(by[6], ['occurred_on:future']);
    for (const x of problem.report.refused) assert.ok(x.message.id && x.message.en);
    assert.deepEqual(await op.all('/api/v1/conflict/incidents'), before, 'nothing was imported, not even the good rows');

    // A file without a required column is refused as a whole.
    r = await imp(op, `region_code,occurred_on,source\n63.71,${ago(3)},SARA\n`);
    assert.equal(assertProblem(assert, r, 422, 'validation_failed').errors[0].field, 'file');

    const fixed = [header, good2,
      `63.71,${ago(18)},SARA,CLASH.ETHNIC,MEDIA,0,0,Dalam cakupan`,
      good4,
      `63.71,${ago(17)},POLEKSOSBUD,POLITICS.PILKADA,PUBLIC,0,3,Ricuh kampanye`,
      `63.71.02,${ago(16)},SARA,RELIGION.BUILDING,MEDIA,0,0,Sengketa rumah ibadah`,
    ].join('\n') + '\n';
    // Another kab/kota cannot import it at all.
    r = await imp(as['banjarbaru.operator'], fixed);
    assert.equal(assertProblem(assert, r, 422, 'import.refused').report.refused.length, 5);
    r = await imp(op, fixed);
    assert.equal(r.status, 201, r.text);
    assert.deepEqual(r.json, { rows: 5, imported: 5, refused: [] });
    const all = await op.all('/api/v1/conflict/incidents');
    assert.equal(all.length, before.length + 5);
    const made = all.filter((x) => !before.some((y) => y.id === x.id));
    assert.deepEqual(made.map((x) => x.region_code).sort(), ['63.71', '63.71', '63.71', '63.71.01', '63.71.02']);
    assert.ok(made.some((x) => x.description === 'Sengketa batas, tahap mediasi' && x.police_group === 'BATAS_WILAYAH'));
    assert.ok(made.every((x) => x.classification === 'BIASA'));
    // The province sees them; another kab/kota does not; the export has them.
    const prov = (await as['kalsel.operator'].all('/api/v1/conflict/incidents')).map((x) => x.id);
    assert.ok(made.every((x) => prov.includes(x.id)));
    const other = (await as['banjarbaru.operator'].all('/api/v1/conflict/incidents')).map((x) => x.id);
    assert.ok(made.every((x) => !other.includes(x.id)));
    const csv = await op.get('/api/v1/conflict/incidents.csv', { raw: true });
    assert.equal(csv.status, 200);
    assert.equal(csv.headers.get('content-disposition'), 'attachment; filename="insiden-konflik.csv"');
    const text = csv.bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFFid,region_code,'), 'UTF-8 with a byte-order mark, for spreadsheets');
    assert.ok(text.includes('"Sengketa batas, tahap mediasi"'));
    assert.equal(text.trim().split('\n').length, all.length + 1);
  });

  test('a conflict status of 91 days is refused; 90 days with one extension of at most 30 is accepted', async () => {
    const kaban = as['banjarmasin.kaban'];
    const start = ago(0);
    const body = (extra = {}) => ({ scale: 'KABKOTA', region_code: '63.71', decree_number: '188.45/12/KUM/2026', start_date: start, duration_days: 90, ...extra });
    const before = (await as.admin.get('/api/v1/conflict/statuses')).json.items;
    let r = await kaban.post('/api/v1/conflict/statuses', body({ duration_days: 91 }));
    assert.deepEqual(assertProblem(assert, r, 422, 'validation_failed').errors.map((e) => [e.field, e.code]), [['duration_days', 'out_of_range']]);
    r = await kaban.post('/api/v1/conflict/statuses', body({ duration_days: 0 }));
    assertProblem(assert, r, 422);
    assertProblem(assert, await as['banjarmasin.operator'].post('/api/v1/conflict/statuses', body()), 403, 'forbidden');
    assertProblem(assert, await kaban.post('/api/v1/conflict/statuses', body({ region_code: '63.72' })), 403, 'forbidden');
    assertProblem(assert, await kaban.post('/api/v1/conflict/statuses', body({ scale: 'PROVINSI' })), 422);
    assert.deepEqual((await as.admin.get('/api/v1/conflict/statuses')).json.items, before, 'nothing declared');

    // A hotspot at ESCALATING moves to STATUS_DECLARED with the declaration.
    r = await as['banjarmasin.operator'].post('/api/v1/conflict/hotspots', {
      region_code: '63.71', name: 'Sengketa lahan perkebunan Kelurahan X', source: 'NATURAL_RESOURCE_DISPUTE', type_code: 'LAND.PLANTATION',
    });
    assert.equal(r.status, 201, r.text);
    const hs = r.json;
    assert.equal(hs.stage, 'POTENTIAL');
    r = await as['banjarmasin.operator'].post(`/api/v1/conflict/hotspots/${hs.id}/stage`, { stage: 'STATUS_DECLARED' }, ifMatch(1));
    assertProblem(assert, r, 422);
    r = await as['banjarmasin.operator'].post(`/api/v1/conflict/hotspots/${hs.id}/stage`, { stage: 'ESCALATING', note: 'Massa berkumpul.' }, ifMatch(1));
    assert.equal(r.status, 204, r.text);
    r = await kaban.post('/api/v1/conflict/statuses', body({ hotspot_id: hs.id }));
    assert.equal(r.status, 201, r.text);
    const id = r.json.id;
    const status = async () => (await kaban.get('/api/v1/conflict/statuses')).json.items.find((x) => x.id === id);
    let s = await status();
    assert.equal(s.status, 'ACTIVE');
    assert.equal(s.start_date, start);
    assert.equal(s.end_date, addDays(start, 89), '90 days including the first');
    assert.equal(s.hotspot_id, hs.id);
    assert.equal((await kaban.get(`/api/v1/conflict/hotspots/${hs.id}`)).json.stage, 'STATUS_DECLARED');

    // One extension of at most 30 days.
    const ext = (days, v) => kaban.post(`/api/v1/conflict/statuses/${id}/extend`, { days, decree_number: '188.45/13/KUM/2026' }, ifMatch(v));
    assertProblem(assert, await kaban.post(`/api/v1/conflict/statuses/${id}/extend`, { days: 30, decree_number: 'x' }), 428);
    assertProblem(assert, await ext(31, 1), 422);
    assert.equal((await ext(30, 1)).status, 204);
    s = await status();
    assert.equal(s.status, 'EXTENDED');
    assert.equal(s.extended_to, addDays(s.end_date, 30));
    assert.equal(s.extension_decree, '188.45/13/KUM/2026');
    assertProblem(assert, await ext(1, 2), 409, 'already_extended');
    // Ended, it cannot be extended or ended again.
    assertProblem(assert, await kaban.post(`/api/v1/conflict/statuses/${id}/end`, { ended_on: 'kemarin' }, ifMatch(2)), 422);
    assert.equal((await kaban.post(`/api/v1/conflict/statuses/${id}/end`, { ended_on: start }, ifMatch(2))).status, 204);
    s = await status();
    assert.equal(s.status, 'ENDED');
    assert.equal(s.ended_on, start);
    assertProblem(assert, await ext(5, 3), 409);
    assertProblem(assert, await kaban.post(`/api/v1/conflict/statuses/${id}/end`, { ended_on: start }, ifMatch(3)), 412);
  });
  test('the periodic report goes from the kab/kota to the province, with its PDF', async () => {
    const year = ago(0).slice(0, 4);
    const op = as['banjarmasin.operator'];
    let r = await op.post('/api/v1/conflict/reports', { region_code: '63.71', period: year, recommendations: 'Perkuat FKDM.' });
    assert.equal(r.status, 201, r.text);
    const rep = r.json;
    assert.equal(rep.status, 'DRAFT');
    assert.ok(Array.isArray(rep.by_area) && Array.isArray(rep.by_source) && rep.vulnerability.level);
    assertProblem(assert, await op.post('/api/v1/conflict/reports', { region_code: '63.71', period: year }), 409, 'report_exists');
    const e = assertProblem(assert, await op.post('/api/v1/conflict/reports', { region_code: '63.71.01', period: '2026-Q9' }), 422);
    assert.deepEqual(e.errors.map((x) => x.field).sort(), ['period', 'region_code']);
    const act = (u, x, body) => as[u].post(`/api/v1/conflict/reports/${x.id}/actions`, body, ifMatch(x.version));
    assertProblem(assert, await as['banjarmasin.kaban'].post(`/api/v1/conflict/reports/${rep.id}/actions`, { action: 'SUBMIT' }), 428);
    r = await act('banjarmasin.operator', rep, { action: 'SUBMIT' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'SUBMITTED');
    assertProblem(assert, await act('banjarmasin.kaban', r.json, { action: 'ACCEPT' }), 403, 'forbidden');
    r = await act('kalsel.kabid', r.json, { action: 'ACCEPT' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.status, 'ACCEPTED');
    // The province's report rolls up its kab/kota.
    r = await as['kalsel.kabid'].post('/api/v1/conflict/reports', { region_code: '63', period: year });
    assert.equal(r.status, 201, r.text);
    const row = r.json.rollup.find((x) => x.region_code === '63.71');
    assert.equal(row.status, 'ACCEPTED');
    assert.equal(row.report_id, rep.id);
    const pdf = await as['kalsel.kabid'].get(`/api/v1/conflict/reports/${r.json.id}/pdf`, { raw: true });
    assert.equal(pdf.status, 200);
    assert.match(pdf.headers.get('content-type'), /application\/pdf/);
    assert.match(pdf.headers.get('content-disposition'), new RegExp(`peta-rawan-konflik-63-${year}\\.pdf`));
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
  });

  test('the scoring model is versioned; the map of a period and its clusters refuse bad input', async () => {
    const admin = as.admin;
    let m = await admin.get('/api/v1/conflict/scoring-model');
    assert.equal(m.status, 200);
    assert.equal(m.json.version, 1);
    assertProblem(assert, await admin.request('PATCH', '/api/v1/conflict/scoring-model', { json: { threshold_high: 1 }, headers: { 'If-Match': '"1"' } }), 422);
    let r = await admin.request('PATCH', '/api/v1/conflict/scoring-model', { json: { w_fatality: 8, note: 'Uji' }, headers: { 'If-Match': '"1"' } });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.version, 2);
    assert.equal(r.json.model.w_fatality, 8);
    assert.equal(r.json.model.w_injury, 1, 'fields not given keep their value');
    assertProblem(assert, await admin.request('PATCH', '/api/v1/conflict/scoring-model', { json: { w_fatality: 7 }, headers: { 'If-Match': '"1"' } }), 412);
    assert.equal((await admin.get('/api/v1/conflict/scoring-model')).json.version, 2);
    // The stored map of a period uses the model in force.
    r = await admin.post('/api/v1/conflict/vulnerability/recompute', { period: ago(0).slice(0, 4) });
    assert.equal(r.status, 200, r.text);
    assert.ok(r.json.regions > 500);
    r = await admin.get(`/api/v1/conflict/vulnerability?level=provinsi&period=${ago(0).slice(0, 4)}`);
    assert.equal(r.json.model_version, 2);
    assert.ok(r.json.computed_at);
    assertProblem(assert, await admin.post('/api/v1/conflict/vulnerability/recompute', { period: 'kemarin' }), 422);
    assertProblem(assert, await admin.get('/api/v1/conflict/vulnerability?period=2026-Q5'), 422);
    for (const q of ['zoom=0', 'zoom=abc', 'bbox=1,2,3', 'bbox=115,-3,114,-2', 'bbox=a,b,c,d', 'from=2026-02-30']) {
      assertProblem(assert, await admin.get(`/api/v1/conflict/incidents/clusters?${q}`), 422);
    }
    r = await admin.get('/api/v1/conflict/incidents/clusters?zoom=8&bbox=94,-11,141,6');
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.clusters.reduce((a, x) => a + x.count, 0), r.json.total);
  });

  test('alert rules: administrators read them; a national administrator disables, edits and adds; the engine follows', async () => {
    const admin = as.admin;
    const rules = async () => (await admin.get('/api/v1/conflict/alert-rules')).json.items;
    let list = await rules();
    assert.deepEqual(list.map((r) => r.kind).sort(), ['FATALITY', 'HOTSPOT_ESCALATING', 'INCIDENT_SURGE']);
    const fatal = list.find((r) => r.kind === 'FATALITY');
    assert.equal(fatal.enabled, true);
    assert.equal(fatal.target_tier, 'KABKOTA');
    assert.equal((await as['kalsel.admin'].get('/api/v1/conflict/alert-rules')).status, 200, 'regional administrators read them');
    assertProblem(assert, await as['kalsel.kabid'].get('/api/v1/conflict/alert-rules'), 403);
    const p = `/api/v1/conflict/alert-rules/${fatal.id}`;
    assertProblem(assert, await admin.request('PATCH', p, { json: { enabled: false } }), 428);
    assertProblem(assert, await admin.request('PATCH', p, { json: { enabled: false }, ...ifMatch(fatal.version + 5) }), 412);
    let r = await admin.request('PATCH', p, { json: { response_days: 0, target_tier: 'DESA' }, ...ifMatch(fatal.version) });
    assertProblem(assert, r, 422);
    assert.deepEqual(r.json.errors.map((e) => e.field).sort(), ['response_days', 'target_tier']);
    assertProblem(assert, await as['kalsel.admin'].request('PATCH', p, { json: { enabled: false }, ...ifMatch(fatal.version) }), 403);
    r = await admin.request('PATCH', p, { json: { enabled: false, note: 'Uji' }, ...ifMatch(fatal.version) });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.enabled, false);
    assert.equal(r.json.version, fatal.version + 1);
    assert.equal(r.headers.get('etag'), `"${fatal.version + 1}"`);
    // Disabled: a deadly incident raises no alert.
    const count = async () => (await as['kalsel.kabid'].get('/api/v1/conflict/alerts')).json.items.filter((a) => a.rule_code === 'FATALITY').length;
    const before = await count();
    const deadly = { region_code: '63.71.01', occurred_on: ago(1), source: 'SARA', type_code: 'CLASH.VILLAGE', info_source: 'FIELD', fatalities: 1 };
    assert.equal((await as['banjarmasin.operator'].post('/api/v1/conflict/incidents', deadly)).status, 201);
    assert.equal(await count(), before, 'a disabled rule raises nothing');
    r = await admin.request('PATCH', p, { json: { enabled: true }, ...ifMatch(fatal.version + 1) });
    assert.equal(r.status, 200, r.text);
    assert.equal((await as['banjarmasin.operator'].post('/api/v1/conflict/incidents', deadly)).status, 201);
    assert.equal(await count(), before + 1, 'enabled again, it raises an alert');
    // A new rule; its kind is required and never changes.
    assertProblem(assert, await admin.post('/api/v1/conflict/alert-rules', { days: 3 }), 422);
    r = await admin.post('/api/v1/conflict/alert-rules', { kind: 'INCIDENT_SURGE', days: 3, min_incidents: 5, factor: 3, target_tier: 'PROVINSI', enabled: false });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.days, 3);
    assert.equal(r.json.target_tier, 'PROVINSI');
    r = await admin.request('PATCH', `/api/v1/conflict/alert-rules/${r.json.id}`, { json: { kind: 'FATALITY' }, ...ifMatch(1) });
    assertProblem(assert, r, 422);
    assertProblem(assert, await admin.request('PATCH', '/api/v1/conflict/alert-rules/999999', { json: {}, ...ifMatch(1) }), 404);
    assert.equal((await rules()).length, 4);
  });

  test('an incident keeps its local time; the list filters by source, type, verification on the server', async () => {
    const op = as['banjarmasin.operator'];
    const base = { region_code: '63.71.01', source: 'BOUNDARY', type_code: 'CLASH.VILLAGE', info_source: 'MEDIA' };
    let r = await op.post('/api/v1/conflict/incidents', { ...base, occurred_on: ago(2), occurred_time: '08:30' });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.occurred_time, '08:30');
    assert.equal((await op.get(`/api/v1/conflict/incidents/${r.json.id}`)).json.occurred_time, '08:30');
    r = await op.post('/api/v1/conflict/incidents', { ...base, occurred_on: ago(2), occurred_time: '8:30' });
    assertProblem(assert, r, 422);
    assert.equal(r.json.errors[0].field, 'occurred_time');
    // "Future" is counted by the day in Banjarmasin (WITA, UTC+8), not by UTC.
    const wita = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    assert.equal((await op.post('/api/v1/conflict/incidents', { ...base, occurred_on: wita })).status, 201, 'today in WITA is not the future');
    r = await op.post('/api/v1/conflict/incidents', { ...base, occurred_on: addDays(wita, 1) });
    assertProblem(assert, r, 422);
    assert.equal(r.json.errors[0].code, 'future');
    const list = async (q) => (await op.get(`/api/v1/conflict/incidents?limit=1000&${q}`)).json.items;
    const boundary = await list('source=BOUNDARY');
    assert.ok(boundary.length >= 2 && boundary.every((i) => i.source === 'BOUNDARY'));
    const clash = await list('type=CLASH');
    assert.ok(clash.length >= 2 && clash.every((i) => i.type_code.startsWith('CLASH')), 'a type includes its sub-types');
    assert.ok((await list('info_source=MEDIA')).every((i) => i.info_source === 'MEDIA'));
    const unverified = await list('verification=UNVERIFIED');
    assert.ok(unverified.length > 0 && unverified.every((i) => i.verification === 'UNVERIFIED'));
    assert.deepEqual(await list('verification=VERIFIED'), []);
    for (const q of ['source=NOPE', 'verification=MAYBE', 'info_source=RUMOUR', 'type=bad%20type']) {
      assertProblem(assert, await op.get(`/api/v1/conflict/incidents?${q}`), 422);
    }
  });

  test('the taxonomy comes from the database; one alert opens by id; an import is one audit row', async () => {
    const op = as['banjarmasin.operator'];
    const tax = (await op.get('/api/v1/conflict/taxonomy')).json;
    assert.deepEqual(tax.sources.map((s) => s.code), ['POLEKSOSBUD', 'SARA', 'BOUNDARY', 'NATURAL_RESOURCE_DISPUTE', 'NATURAL_RESOURCE_DISTRIBUTION']);
    assert.equal(tax.sources.find((s) => s.code === 'BOUNDARY').police_group, 'BATAS_WILAYAH');
    const village = tax.types.find((t) => t.code === 'CLASH.VILLAGE');
    assert.equal(village.parent_code, 'CLASH');
    assert.equal(village.name.id, 'Perkelahian antarkampung/desa');
    assert.ok(tax.types.findIndex((t) => t.code === 'CLASH') < tax.types.indexOf(village), 'a parent comes before its sub-types');
    const alerts = (await as['kalsel.kabid'].get('/api/v1/conflict/alerts')).json.items;
    const a = alerts[0];
    const one = await as['kalsel.kabid'].get(`/api/v1/conflict/alerts/${a.id}`);
    assert.equal(one.status, 200);
    assert.deepEqual(one.json, a);
    assert.equal(one.headers.get('etag'), `"${a.version}"`);
    assert.equal(typeof one.json.response_days, 'number', 'the response time of the rules of its kind');
    assertProblem(assert, await as['kalsel.kabid'].get('/api/v1/conflict/alerts/999999'), 404);
    assertProblem(assert, await as['kalsel.kabid'].get('/api/v1/conflict/alerts/abc'), 404);
    const csv = `region_code,occurred_on,source,type_code,info_source\n63.71.01,${ago(3)},SARA,CLASH.ETHNIC,MEDIA\n63.71.01,${ago(2)},BOUNDARY,CLASH.VILLAGE,FIELD\n63.71.01,${ago(2)},SARA,CLASH.ETHNIC,AGENCY\n`;
    const r = await op.request('POST', '/api/v1/conflict/incidents/import', { body: csv, headers: { 'Content-Type': 'text/csv' } });
    assert.equal(r.status, 201, r.text);
    assert.equal(r.json.imported, 3);
    const hash = (await import('node:crypto')).createHash('sha256').update(csv).digest('hex');
    const ids = (await op.get('/api/v1/conflict/incidents?limit=3')).json.items.map((i) => i.id).sort((x, y) => x - y);
    const rows = (await as.admin.get(`/api/v1/audit?entity=conflict_incident&id=${ids[0]}-${ids[2]}`)).json.items;
    assert.equal(rows.length, 1, 'one audit row for the file');
    assert.equal(rows[0].action, 'import');
    assert.deepEqual(rows[0].after, { sha256: hash, rows: 3, first_id: ids[0], last_id: ids[2] });
    for (const id of ids) assert.deepEqual((await as.admin.get(`/api/v1/audit?entity=conflict_incident&id=${id}`)).json.items, [], 'no row per incident');
  });
});
