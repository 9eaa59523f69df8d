// Notifications an officer can clear: they go away when their task is done (a returned report
// sent again, a submitted report reviewed) and "mark all as read" marks the caller's own only.
// And a photo sent with a fast report shows with it, to those who may see the report.
// And the report list, kept while nothing changes: a change shows in the next list at once, each
// caller gets the page of their own area and clearance, a session ended gets 401, and a list
// asked again with its ETag (If-None-Match) comes back 304 without a body.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, samples, startServer, upload } from './server.mjs';

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const u of ['banjarmasin.operator', 'kalsel.kabid', 'kalsel.kaban', 'admin']) as[u] = await srv.login(u);
});
after(() => finish(assert, srv));

const SECTIONS = {
  general_situation: 'Situasi umum kondusif.', election_stages: 'Tahapan berjalan.', gov_support: 'Dukungan diberikan.',
  potential_threats: 'Tidak ada ancaman berarti.', measures_taken: 'Rapat koordinasi.', recommendations: 'Lanjutkan pemantauan.',
};

const about = async (u, id) => (await as[u].get('/api/v1/notifications')).json.items
  .filter((n) => n.entity === 'periodic_report' && n.entity_id === String(id));

describe('notifications that clear when their task is done', () => {
  test('the review clears "awaits review"; sending again clears "returned"', async () => {
    const op = as['banjarmasin.operator'];
    let r = await op.post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period: '2025-Q1' });
    assert.equal(r.status, 201, r.text);
    let rep = r.json;
    r = await op.patch(`/api/v1/monitoring/reports/${rep.id}`, { sections: SECTIONS }, { headers: { 'If-Match': `"${rep.version}"` } });
    assert.equal(r.status, 200, r.text);
    rep = r.json;
    const act = async (u, action, reason) => {
      const res = await as[u].post(`/api/v1/monitoring/reports/${rep.id}/actions`, { action, reason }, { headers: { 'If-Match': `"${rep.version}"` } });
      assert.equal(res.status, 200, res.text);
      rep = res.json;
    };

    await act('banjarmasin.operator', 'SUBMIT');
    assert.equal((await about('kalsel.kabid', rep.id)).length, 1, 'the province is asked to review');

    await act('kalsel.kabid', 'RETURN', 'Lengkapi data kejadian.');
    assert.deepEqual(await about('kalsel.kabid', rep.id), [], 'reviewed: nothing left to review');
    assert.equal((await about('banjarmasin.operator', rep.id)).length, 1, 'the office is told it came back');

    await act('banjarmasin.operator', 'SUBMIT');
    assert.deepEqual(await about('banjarmasin.operator', rep.id), [], 'sent again: the "returned" notice is gone');
    assert.equal((await about('kalsel.kabid', rep.id)).length, 1, 'asked to review again');
  });

  test('"mark all as read" marks only the caller\'s own', async () => {
    const unread = async (u) => (await as[u].get('/api/v1/notifications')).json.unread;
    assert.ok((await unread('kalsel.kabid')) > 0);
    const kaban = await unread('kalsel.kaban');
    assert.equal((await as['kalsel.kabid'].post('/api/v1/notifications/read-all', {})).status, 204);
    assert.equal(await unread('kalsel.kabid'), 0);
    assert.equal(await unread('kalsel.kaban'), kaban);
  });
});

describe('a photo with a fast report', () => {
  test('uploaded for the event, listed with it for the province, not for a neighbour', async () => {
    const op = as['banjarmasin.operator'];
    const body = {
      region_code: '63.71', occurred_at: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      category_code: 'POLITICAL_SITUATION.DEMONSTRATION', title: 'Unjuk rasa di depan kantor DPRD', escalation_level: 'LOW', source: 'FIELD',
    };
    let r = await op.post('/api/v1/monitoring/events', body);
    assert.equal(r.status, 201, r.text);
    const ev = r.json;
    r = await upload(op, { region_code: '63.71', classification: 'BIASA', entity: 'political_event', entity_id: String(ev.id) },
      { name: 'lokasi.png', content: samples.png(), type: 'image/png' });
    assert.equal(r.status, 201, r.text);
    const photo = r.json.id;
    const seen = (await as['kalsel.kabid'].get(`/api/v1/monitoring/events/${ev.id}`)).json;
    assert.deepEqual(seen.attachments.map((f) => [f.id, f.name]), [[photo, 'lokasi.png']]);
    const bjb = await srv.login('banjarbaru.operator');
    assert.equal((await bjb.get(`/api/v1/monitoring/events/${ev.id}`)).status, 404);
  });
});

describe('the report list, kept while nothing changes', () => {
  const LIST = '/api/v1/monitoring/reports?region=63.71&limit=500';
  const list = async (c, p = LIST, headers = {}) => {
    const r = await c.get(p, { headers });
    assert.equal(r.status, 200, r.text);
    return r;
  };
  const ids = (r) => r.json.items.map((x) => x.id);

  test('a report created, sent and reviewed shows in the next list at once, with a new ETag', async () => {
    const op = as['banjarmasin.operator'];
    const before = await list(op);
    assert.deepEqual((await list(op)).json, before.json, 'asked again: the same page');
    let r = await op.post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period: '2024-Q4' });
    assert.equal(r.status, 201, r.text);
    let rep = r.json;
    const created = await list(op);
    assert.ok(ids(created).includes(rep.id), 'the new draft is listed at once');
    assert.notEqual(created.headers.get('etag'), before.headers.get('etag'));
    r = await op.get(LIST, { headers: { 'If-None-Match': before.headers.get('etag') } });
    assert.equal(r.status, 200, 'the old ETag no longer matches: the whole page comes');
    assert.ok(ids(r).includes(rep.id));

    r = await op.patch(`/api/v1/monitoring/reports/${rep.id}`, { sections: SECTIONS }, { headers: { 'If-Match': `"${rep.version}"` } });
    assert.equal(r.status, 200, r.text);
    rep = r.json;
    const seen = async (c) => (await list(c)).json.items.find((x) => x.id === rep.id);
    assert.equal((await seen(as['kalsel.kabid'])).status, 'DRAFT', "the province's list, kept before the submission");
    r = await op.post(`/api/v1/monitoring/reports/${rep.id}/actions`, { action: 'SUBMIT' }, { headers: { 'If-Match': `"${rep.version}"` } });
    assert.equal(r.status, 200, r.text);
    rep = r.json;
    assert.equal((await seen(op)).status, 'SUBMITTED');
    assert.equal((await seen(as['kalsel.kabid'])).status, 'SUBMITTED', 'the reviewer sees it sent at once');
    r = await as['kalsel.kabid'].post(`/api/v1/monitoring/reports/${rep.id}/actions`, { action: 'ACCEPT' }, { headers: { 'If-Match': `"${rep.version}"` } });
    assert.equal(r.status, 200, r.text);
    const accepted = await seen(op);
    assert.equal(accepted.status, 'ACCEPTED', 'the office sees the review at once');
    assert.ok(accepted.reviewed_at);
  });

  test('two offices asking the same question each get their own answer', async () => {
    const bjm = as['banjarmasin.operator'];
    const bjb = await srv.login('banjarbaru.operator');
    for (const p of ['/api/v1/monitoring/reports?limit=500', LIST]) {
      const a = await list(bjm, p);
      const b = await list(bjb, p);
      assert.ok(a.json.items.length > 0);
      assert.ok(a.json.items.every((x) => x.region_code === '63.71'), `${p}: Banjarmasin sees its own`);
      assert.ok(b.json.items.every((x) => x.region_code === '63.72'), `${p}: Banjarbaru never gets Banjarmasin's page`);
      assert.notEqual(a.headers.get('etag'), b.headers.get('etag'));
      const again = await list(bjm, p);
      assert.deepEqual(ids(again), ids(a), 'and Banjarmasin still gets its own');
    }
    // Banjarbaru's list of 63.71 is empty (outside its area) even with Banjarmasin's ETag.
    const tag = (await list(bjm)).headers.get('etag');
    const r = await list(bjb, LIST, { 'If-None-Match': tag });
    assert.deepEqual(r.json.items, []);
  });

  test('a page made for a cleared user is never given to a user without that clearance', async () => {
    const P = '/api/v1/monitoring/reports?limit=500';
    const levels = { BIASA: 0, TERBATAS: 1, RAHASIA: 2 };
    const op = await srv.login('kalsel.operator'); // area 63, BIASA
    const r = await as['kalsel.kaban'].post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN_PROVINSI', period: '2024-Q4', classification: 'RAHASIA' });
    assert.equal(r.status, 201, r.text);
    const top = (r) => Math.max(...r.json.items.map((x) => levels[x.classification]));
    for (const order of [['kaban', 'operator'], ['operator', 'kaban']]) {
      const got = {};
      for (const who of order) got[who] = await list(who === 'kaban' ? as['kalsel.kaban'] : op, P);
      assert.equal(top(got.kaban), 2, 'the RAHASIA report is listed for the kaban');
      assert.equal(top(got.operator), 0, `${order.join(' then ')}: nothing above BIASA for the operator`);
      assert.ok(got.operator.json.items.length < got.kaban.json.items.length);
    }
  });

  test('an ended session gets 401 right after a list was kept for it; so does a disabled user', async () => {
    const s = await srv.login('banjarmasin.operator');
    await list(s);
    await list(s);
    assert.equal((await s.del('/api/v1/session')).status, 204);
    assertProblem(assert, await s.get(LIST), 401);

    const tl = await srv.login('tanahlaut.operator');
    const P = '/api/v1/monitoring/reports?region=63.01&limit=50';
    await list(tl, P);
    const u = (await as.admin.get('/api/v1/users?q=tanahlaut.operator')).json.items.find((x) => x.username === 'tanahlaut.operator');
    let r = await as.admin.patch(`/api/v1/users/${u.id}`, { disabled: true }, { headers: { 'If-Match': `"${u.version}"` } });
    assert.equal(r.status, 200, r.text);
    assertProblem(assert, await tl.get(P), 401);
    r = await as.admin.patch(`/api/v1/users/${u.id}`, { disabled: false }, { headers: { 'If-Match': `"${r.json.version}"` } });
    assert.equal(r.status, 200, r.text);
  });

  test('asked again with its ETag the list comes back 304 without a body; a changed list comes whole', async () => {
    const op = as['banjarmasin.operator'];
    const first = await list(op);
    const tag = first.headers.get('etag');
    assert.match(tag, /^"[0-9a-f]{32}"$/);
    for (const inm of [tag, `W/${tag}`, `"x", ${tag}`, '*']) {
      const r = await op.get(LIST, { headers: { 'If-None-Match': inm } });
      assert.equal(r.status, 304, `If-None-Match: ${inm}`);
      assert.equal(r.bytes.length, 0, 'no body');
      assert.equal(r.headers.get('etag'), tag);
    }
    assert.equal((await op.get(LIST, { headers: { 'If-None-Match': '"0123"' } })).status, 200, 'another tag: the page');
    // A forced reload (Cache-Control: no-cache) reads the database again: the same page, the same tag.
    const fresh = await list(op, LIST, { 'Cache-Control': 'no-cache' });
    assert.equal(fresh.headers.get('etag'), tag);
    assert.equal(fresh.text, first.text);
    // The same page with another limit that holds every item is the same bytes and the same tag.
    assert.equal((await list(op, '/api/v1/monitoring/reports?region=63.71&limit=499')).headers.get('etag'), tag);

    const r = await op.post('/api/v1/monitoring/reports', { report_type: 'TRIWULAN', period: '2024-Q3' });
    assert.equal(r.status, 201, r.text);
    const changed = await op.get(LIST, { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200, 'changed: the whole page');
    assert.notEqual(changed.headers.get('etag'), tag);
    assert.ok(ids(changed).includes(r.json.id));
    assert.equal((await op.get(LIST, { headers: { 'If-None-Match': changed.headers.get('etag') } })).status, 304);
  });
});

describe('fast reports sent together', () => {
  test('each accepted one is stored, notified and answered as stored; a refused one leaves nothing', async () => {
    const op = as['banjarmasin.operator'];
    const tag = `Serentak ${Date.now()}`;
    const at = new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const body = (i, region = '63.71') => ({
      region_code: region, occurred_at: at, category_code: 'POLITICAL_SITUATION.DEMONSTRATION',
      title: `${tag} nomor ${i}`, escalation_level: 'MEDIUM', source: 'FIELD', description: 'Massa dipantau aparat.',
    });
    // Sent at once, so they share the database writer's group commits; one names a region that does not exist.
    const sent = await Promise.all([...Array(8).keys()].map((i) =>
      op.post('/api/v1/monitoring/events', body(i, i === 5 ? '63.71.99' : '63.71'), { headers: { 'Idempotency-Key': `${tag}-${i}` } })));
    const kabid = (await as['kalsel.kabid'].get('/api/v1/notifications')).json.items;
    for (const [i, r] of sent.entries()) {
      if (i === 5) {
        assert.equal(r.status, 422, r.text);
        assert.deepEqual(r.json.errors.map((e) => [e.field, e.code]), [['region_code', 'not_found']]);
        continue;
      }
      assert.equal(r.status, 201, r.text);
      assert.equal(r.headers.get('etag'), '"1"');
      const stored = await op.get(`/api/v1/monitoring/events/${r.json.id}`);
      assert.equal(stored.status, 200);
      for (const k of ['id', 'title', 'region_name', 'reported_at', 'version', 'status']) assert.deepEqual(r.json[k], stored.json[k], k);
      assert.equal(kabid.filter((n) => n.entity === 'political_event' && n.entity_id === String(r.json.id)).length, 1, `province told of ${i}`);
    }
    const search = await op.get(`/api/v1/search?q=${encodeURIComponent(tag)}`);
    assert.equal(search.status, 200);
    assert.equal(search.json.items.filter((h) => h.title.startsWith(tag)).length, 7, 'the seven accepted are found, the refused one is not');
    // A retry with the same key gets the first answer and creates nothing.
    const again = await op.post('/api/v1/monitoring/events', body(0), { headers: { 'Idempotency-Key': `${tag}-0` } });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.headers.get('etag'), '"1"');
    assert.equal(again.text, sent[0].text);
  });
});
