// Notifications an officer can clear: they go away when their task is done (a returned report
// sent again, a submitted report reviewed) and "mark all as read" marks the caller's own only.
// And a photo sent with a fast report shows with it, to those who may see the report.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { finish, samples, startServer, upload } from './server.mjs';

let srv;
const as = {};

before(async () => {
  srv = await startServer();
  for (const u of ['banjarmasin.operator', 'kalsel.kabid', 'kalsel.kaban']) as[u] = await srv.login(u);
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
