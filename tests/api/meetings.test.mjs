// Meetings over HTTP: self check-in without an account only inside the meeting's window, with a
// drawn signature, refused outside it, unknown codes 404, and rate limited; the status machine's
// refusals as 409 with their reason; the tracker and its workbook; bad input as problem+json.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, startServer, unzipText } from './server.mjs';

let srv;
let kabid;
let anon;
const API = '/api/v1/meetings';
const iso = (ms) => new Date(Date.now() + ms).toISOString();
const SIG = [[[10, 10], [60, 50], [120, 20]]];

before(async () => {
  srv = await startServer();
  kabid = await srv.login('kalsel.kabid');
  anon = srv.anonymous();
});

after(() => finish(assert, srv));

async function meeting(startMs, endMs) {
  let r = await kabid.post(API, { type: 'FORUM', title: `Forum uji ${startMs}`, start_at: iso(startMs), end_at: iso(endMs), venue: 'Banjarbaru' });
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
