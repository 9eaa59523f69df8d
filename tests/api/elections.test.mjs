// The election-support checklist over HTTP, end to end: the Kota Banjarmasin operator fills its
// instruments and uploads evidence; the province (the reviewing tier) rejects one piece of
// evidence and accepts the others; only that item goes back; the operator replaces it; the
// province accepts; the ministry sees Banjarmasin (and Kalimantan Selatan) complete in the
// national readiness map and in the checklist workbook.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { REPO, assertProblem, finish, samples, startServer, upload, unzipText, ifMatch } from './server.mjs';

const BUILT = fs.existsSync(path.join(REPO, 'src', 'modules', 'elections', 'routes.cpp'));

let srv;
const as = {};


before(async () => {
  if (!BUILT) return;
  srv = await startServer();
  for (const u of ['admin', 'pusat.analis', 'kalsel.analis', 'kalsel.operator', 'banjarmasin.operator', 'banjarbaru.operator']) {
    as[u] = await srv.login(u);
  }
});

after(() => finish(assert, srv));

describe('election-support checklist', { skip: !BUILT && 'the elections module is not in this tree' }, () => {
  test('operator fills and uploads, the province returns one evidence, the operator fixes it, the ministry sees it complete', async () => {
    const op = as['banjarmasin.operator'];
    const prov = as['kalsel.analis'];
    const ministry = as['pusat.analis'];

    // A re-vote (PSU) in Kota Banjarmasin, added by the ministry's administrator.
    let r = await as.admin.post('/api/v1/elections', {
      type: 'PILKADA', year: 2027, name: 'Pemungutan Suara Ulang Kota Banjarmasin 2027',
      polling_date: '2027-03-10', scope_region_code: '63.71', legal_basis: 'Putusan MK (uji)',
    });
    assert.equal(r.status, 201, r.text);
    const election = r.json;
    // Only the ministry adds elections.
    assertProblem(assert, await as['kalsel.operator'].post('/api/v1/elections', { type: 'PILKADA', year: 2027, name: 'X', polling_date: '2027-03-11' }), 403);
    // Banjarbaru does not deal with it.
    assertProblem(assert, await as['banjarbaru.operator'].get(`/api/v1/elections/${election.id}/readiness?level=kabkota&province=63`), 404);

    // Banjarmasin's office assigns two items to its Perangkat Daerah.
    const units = (await op.get('/api/v1/org-units?kind=PERANGKAT_DAERAH&limit=100')).json.items.filter((u) => u.region_code === '63.71');
    const kominfo = units.find((u) => /Komunikasi/.test(u.name));
    const dukcapil = units.find((u) => /Kependudukan/.test(u.name));
    assert.ok(kominfo && dukcapil, 'the demo Perangkat Daerah of Banjarmasin');
    r = await op.post('/api/v1/support-instruments', { election_id: election.id, org_unit_id: kominfo.id, item_code: 'DUKUNGAN_INFORMASI', target: 'Publikasi tahapan PSU' });
    assert.equal(r.status, 201, r.text);
    let info = r.json;
    r = await op.post('/api/v1/support-instruments', { election_id: election.id, org_unit_id: dukcapil.id, item_code: 'HIBAH_KPU', target: 'NPHD PSU ditandatangani' });
    assert.equal(r.status, 201, r.text);
    let grant = r.json;
    assert.equal(info.state, 'NO_EVIDENCE');

    // Readiness before anything is accepted: 0 for Banjarmasin, and for the province as the ministry sees it.
    const kabkota = async (c) => (await c.get(`/api/v1/elections/${election.id}/readiness?level=kabkota&province=63`)).json;
    const national = async () => (await ministry.get(`/api/v1/elections/${election.id}/readiness?level=provinsi`)).json;
    assert.equal((await kabkota(prov)).values['63.71'], 0);
    assert.equal((await national()).values['63'], 0);

    // The operator fills the instruments: versioned (If-Match), realisation and the amount in Rupiah.
    assert.equal((await op.patch(`/api/v1/support-instruments/${grant.id}`, { realisation: 'x' })).status, 428);
    r = await op.patch(`/api/v1/support-instruments/${grant.id}`, { realisation: 'NPHD ditandatangani; dana disalurkan', amount_rupiah: 2_500_000_000, status: 'DONE' }, ifMatch(grant.version));
    assert.equal(r.status, 200, r.text);
    grant = r.json;
    assert.equal(grant.amount_rupiah, 2_500_000_000);
    assertProblem(assert, await op.patch(`/api/v1/support-instruments/${grant.id}`, { realisation: 'lama' }, ifMatch(grant.version - 1)), 412);
    r = await op.patch(`/api/v1/support-instruments/${info.id}`, { realisation: 'Publikasi di laman resmi', status: 'IN_PROGRESS' }, ifMatch(info.version));
    assert.equal(r.status, 200, r.text);
    info = r.json;

    // ... and uploads evidence: two files for the publicity, one for the grant.
    const evidence = async (inst, name, extra = {}) => {
      const content = Buffer.concat([samples.pdf(), Buffer.from(`%${name}\n`)]);
      const f = await upload(op, { region_code: '63.71', entity: 'support_instrument', entity_id: String(inst.id) }, { name: `${name}.pdf`, content, type: 'application/pdf' });
      assert.equal(f.status, 201, f.text);
      const l = await op.post(`/api/v1/support-instruments/${inst.id}/evidence`, { file_id: f.json.id, description: name, ...extra });
      assert.equal(l.status, 201, l.text);
      return l.json;
    };
    const rekap = await evidence(info, 'rekap-publikasi');
    const layar = await evidence(info, 'tangkapan-layar');
    const nphd = await evidence(grant, 'nphd-psu');
    assert.equal(layar.verdict, 'PENDING');
    assert.equal(layar.instrument.state, 'AWAITING_REVIEW');
    assert.equal(layar.instrument.reviewer_region, '63');

    // The operator cannot judge its own evidence; the ministry is not the reviewer of a kab/kota.
    const verdictOf = (c, inst, ev, body) => c.post(`/api/v1/support-instruments/${inst.id}/evidence/${ev.id}/verdict`, body);
    assertProblem(assert, await verdictOf(op, info, rekap, { verdict: 'ACCEPTED' }), 403);
    assertProblem(assert, await verdictOf(ministry, info, rekap, { verdict: 'ACCEPTED' }), 403);
    // Still nothing accepted: readiness stays 0.
    assert.equal((await kabkota(prov)).values['63.71'], 0);

    // The province rejects the screenshot (a note is required) and accepts the others.
    assertProblem(assert, await verdictOf(prov, info, layar, { verdict: 'REJECTED' }), 422);
    r = await verdictOf(prov, info, layar, { verdict: 'REJECTED', note: 'Tangkapan layar tidak terbaca; unggah ulang.' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.verdict_by.username, 'kalsel.analis');
    assert.equal((await verdictOf(prov, info, rekap, { verdict: 'ACCEPTED' })).status, 200);
    r = await verdictOf(prov, grant, nphd, { verdict: 'ACCEPTED' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.instrument.state, 'COMPLETE');

    // Only the failing item goes back to Banjarmasin, with the reviewer's note.
    const back = await op.all(`/api/v1/support-instruments?election_id=${election.id}&needs_action=true`);
    assert.deepEqual(back.map((i) => i.id), [info.id]);
    const detail = (await op.get(`/api/v1/support-instruments/${info.id}`)).json;
    assert.equal(detail.state, 'NEEDS_ACTION');
    assert.deepEqual(detail.evidence.map((e) => e.verdict), ['ACCEPTED', 'REJECTED']);
    assert.equal(detail.evidence[1].verdict_note, 'Tangkapan layar tidak terbaca; unggah ulang.');
    // Half complete now: the grant is, the publicity is not.
    assert.equal((await kabkota(prov)).values['63.71'], 50);
    assert.equal((await national()).values['63'], 50);
    // Accepted evidence is not swapped.
    const swap = await upload(op, { region_code: '63.71', entity: 'support_instrument', entity_id: String(info.id) },
      { name: 'ganti.pdf', content: Buffer.concat([samples.pdf(), Buffer.from('%ganti\n')]), type: 'application/pdf' });
    assertProblem(assert, await op.post(`/api/v1/support-instruments/${info.id}/evidence`, { file_id: swap.json.id, replaces: rekap.id }), 409);

    // The operator replaces only the rejected screenshot; it waits for review again.
    const fixed = await evidence(info, 'tangkapan-layar-ulang', { replaces: layar.id });
    assert.equal(fixed.verdict, 'PENDING');
    assert.equal(fixed.replaces_id, layar.id);
    assert.equal(fixed.instrument.state, 'AWAITING_REVIEW');
    assert.equal((await kabkota(prov)).values['63.71'], 50);

    // The province accepts it: complete.
    r = await verdictOf(prov, info, fixed, { verdict: 'ACCEPTED' });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.instrument.state, 'COMPLETE');

    // The ministry: Kalimantan Selatan 100 in the national map, every instrument complete.
    const map = await national();
    assert.equal(map.values['63'], 100);
    assert.deepEqual(map.details['63'], { applicable: 2, completed: 2 });
    assert.equal((await kabkota(ministry)).values['63.71'], 100);
    const all = await ministry.all(`/api/v1/support-instruments?election_id=${election.id}`);
    assert.equal(all.length, 2);
    assert.ok(all.every((i) => i.complete && !i.needs_action), 'every instrument complete');
    // The replaced screenshot stays in the history.
    const hist = (await ministry.get(`/api/v1/support-instruments/${info.id}`)).json.evidence;
    assert.deepEqual(hist.map((e) => [e.verdict, e.active]), [['ACCEPTED', true], ['REJECTED', false], ['ACCEPTED', true]]);

    // The checklist workbook as the ministry downloads it.
    r = await ministry.get(`/api/v1/elections/${election.id}/checklist.xlsx`, { raw: true });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-disposition'), `attachment; filename="dukungan-pemilihan-${election.id}-nasional.xlsx"`);
    const text = unzipText(r.bytes);
    assert.match(text, /DAFTAR PERIKSA DUKUNGAN PEMERINTAH DAERAH TERHADAP PEMUNGUTAN SUARA ULANG KOTA BANJARMASIN 2027/);
    assert.match(text, /Kesiapan/);
    assert.match(text, /100% \(2 dari 2 butir yang berlaku lengkap\)/);
    assert.match(text, /<v>2500000000<\/v>/);
    assert.doesNotMatch(text, /Perlu perbaikan|Menunggu verifikasi/);
  });

  test('the checklist workbook of an unknown or foreign election is not found', async () => {
    assertProblem(assert, await as['banjarmasin.operator'].get('/api/v1/elections/999999/checklist.xlsx'), 404);
    assertProblem(assert, await as['banjarmasin.operator'].get('/api/v1/elections/abc/checklist.xlsx'), 404);
  });
});
