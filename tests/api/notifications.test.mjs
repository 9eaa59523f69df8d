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
