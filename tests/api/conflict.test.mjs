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
  for (const u of ['admin', 'banjarmasin.operator', 'banjarmasin.kaban', 'banjarbaru.operator', 'kalsel.kabid', 'kalsel.operator']) {
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
});
