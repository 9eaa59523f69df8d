// Bad input gets a clear problem+json answer (400/404/405/413/422/431), never a crash, never a
// partial write, never a file from outside the web folder; the server stays healthy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { assertProblem, finish, rawRequest, startServer } from './server.mjs';

let srv;
let admin;
const statuses = [];

before(async () => {
  srv = await startServer({ web: true });
  admin = await srv.login('admin');
});

after(() => finish(assert, srv, { extraStatuses: statuses }));

// A raw request with the admin's session (for what fetch would not send as is).
async function raw(method, target, { headers = {}, body = null, session = true } = {}) {
  const h = { Host: `127.0.0.1:${srv.port}`, Connection: 'close', ...headers };
  if (session) {
    h.Cookie = admin.cookie;
    if (method !== 'GET' && method !== 'HEAD') h['X-CSRF-Token'] = admin.csrf;
  }
  if (body !== null && !Object.keys(h).some((k) => k.toLowerCase() === 'content-length')) h['Content-Length'] = Buffer.byteLength(body);
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(h).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`;
  const r = await rawRequest(srv.port, head, { body });
  statuses.push(r.status);
  if (/json/.test(r.headers['content-type'] || '')) r.json = JSON.parse(r.text);
  return r;
}

const unitCount = async () => (await admin.all('/api/v1/org-units')).length;

describe('request bodies', () => {
  test('malformed JSON answers 400 problem+json with message.id and message.en', async () => {
    const n = await unitCount();
    for (const body of ['{"name": "x",', '{name: "x"}', '{"name": "x"} trailing', '\u0000', '{"a":1,}']) {
      const r = await admin.request('POST', '/api/v1/org-units', { body, headers: { 'Content-Type': 'application/json' } });
      const p = assertProblem(assert, r, 400, 'json.malformed');
      assert.match(p.message.id, /JSON tidak valid/);
      assert.match(p.message.en, /Malformed JSON/);
      assert.equal(p.type, '/problems/json.malformed');
    }
    assert.equal(await unitCount(), n, 'nothing was written');
  });

  test('an empty body, a non-object and deep nesting answer 400', async () => {
    const send = (body) => admin.request('POST', '/api/v1/org-units', { body, headers: { 'Content-Type': 'application/json' } });
    assertProblem(assert, await send(''), 400, 'json.empty');
    assertProblem(assert, await send('[1,2,3]'), 400, 'json.not_object');
    assertProblem(assert, await send('"teks"'), 400, 'json.not_object');
    assertProblem(assert, await send(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`), 400, 'json.too_deep');
  });

  test('invalid UTF-8 in JSON answers 400', async () => {
    const body = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","kind":"PARTNER","region_code":"63"}')]);
    const r = await admin.request('POST', '/api/v1/org-units', { body, headers: { 'Content-Type': 'application/json' } });
    assertProblem(assert, r, 400, 'json.malformed');
  });

  test('wrong types answer 422 with one field error per field', async () => {
    const n = await unitCount();
    const r = await admin.post('/api/v1/org-units', { name: 5, kind: 'KANTOR', region_code: 63, parent_id: 'satu' });
    const p = assertProblem(assert, r, 422, 'validation_failed');
    const got = Object.fromEntries(p.errors.map((e) => [e.field, e.code]));
    assert.equal(got.name, 'type');
    assert.equal(got.region_code, 'type');
    assert.equal(got.parent_id, 'type');
    assert.ok(got.kind, 'kind is named');
    for (const e of p.errors) assert.ok(e.message.id && e.message.en);
    // Users: booleans, numbers and enumerations.
    const u = await admin.post('/api/v1/users', {
      username: ['a'], full_name: null, password: 12345678901, role: 'RAJA', clearance: 'SANGAT_RAHASIA', org_unit_id: 1.5, disabled: 'ya',
    });
    const q = assertProblem(assert, u, 422, 'validation_failed');
    const fields = new Set(q.errors.map((e) => e.field));
    for (const f of ['username', 'full_name', 'password', 'role', 'clearance', 'org_unit_id', 'disabled']) assert.ok(fields.has(f), `${f}: ${JSON.stringify(q.errors)}`);
    assert.equal(await unitCount(), n);
  });

  test('numbers out of range and huge numbers answer 422, not a crash', async () => {
    for (const parent of [0, -1, 1e300, 9223372036854775807, 1.0e400]) {
      const r = await admin.request('POST', '/api/v1/org-units', {
        body: `{"name":"Angka","kind":"PARTNER","region_code":"63","parent_id":${parent}}`, headers: { 'Content-Type': 'application/json' },
      });
      assert.ok([400, 422].includes(r.status), `${parent}: ${r.status} ${r.text}`);
      assertProblem(assert, r, r.status);
    }
  });

  test('text longer than allowed answers 422 too_long', async () => {
    const r = await admin.post('/api/v1/org-units', { name: 'x'.repeat(201), kind: 'PARTNER', region_code: '63' });
    const p = assertProblem(assert, r, 422);
    assert.deepEqual(p.errors.map((e) => [e.field, e.code]), [['name', 'too_long']]);
  });

  test('a JSON body over 1 MiB answers 413, and the server carries on', async () => {
    const n = await unitCount();
    const big = JSON.stringify({ name: 'x'.repeat((1 << 20) + 10), kind: 'PARTNER', region_code: '63' });
    const r = await admin.request('POST', '/api/v1/org-units', { body: big, headers: { 'Content-Type': 'application/json' } });
    const p = assertProblem(assert, r, 413);
    assert.match(p.message.en, /too large/);
    // Sent in chunks, without a declared length: the same.
    const chunked = await rawRequest(srv.port,
      `POST /api/v1/org-units HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nCookie: ${admin.cookie}\r\nX-CSRF-Token: ${admin.csrf}\r\n` +
      'Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      { body: Buffer.concat([...Array(20)].map(() => Buffer.from(`10000\r\n${'a'.repeat(0x10000)}\r\n`)).concat([Buffer.from('0\r\n\r\n')])) });
    statuses.push(chunked.status);
    assert.equal(chunked.status, 413);
    assert.equal(await unitCount(), n);
    assert.equal((await srv.request('GET', '/readyz')).status, 200);
  });
});

describe('routes, methods and paths', () => {
  test('an unknown API route answers 404 problem+json', async () => {
    for (const p of ['/api/v1/tidak-ada', '/api/v2/users', '/api/v1/users/1/foto', '/api/']) {
      assertProblem(assert, await admin.get(p), 404, 'route_not_found');
    }
    // ... also without a session.
    assertProblem(assert, await srv.request('GET', '/api/v1/tidak-ada'), 404);
  });

  test('a wrong method answers 405 with Allow', async () => {
    const r = await admin.request('DELETE', '/api/v1/users');
    const p = assertProblem(assert, r, 405, 'method_not_allowed');
    assert.deepEqual(r.headers.get('allow').split(', ').sort(), ['GET', 'POST']);
    assert.ok(p.message.id && p.message.en);
    const put = await admin.request('PUT', '/api/v1/org-units/1', { json: {} });
    assertProblem(assert, put, 405);
    assert.deepEqual(put.headers.get('allow').split(', ').sort(), ['GET', 'PATCH']);
  });

  test('ids that are not numbers are simply not found', async () => {
    for (const id of ['abc', '0', '-1', '1.5', '99999999999999999999', '1e3']) {
      assertProblem(assert, await admin.get(`/api/v1/org-units/${id}`), 404);
      assertProblem(assert, await admin.get(`/api/v1/users/${id}`), 404);
      assertProblem(assert, await admin.get(`/api/v1/files/${id}`), 404);
    }
  });

  test('malformed percent-escapes answer 400, in the query and in the path', async () => {
    for (const t of ['/api/v1/users?q=%zz', '/api/v1/users?%zz=1', '/api/v1/regions?q=%', '/api/v1/regions?q=%C3%28', '/api/v1/regions?q=a%00b']) {
      const r = await raw('GET', t);
      assert.equal(r.status, 400, `${t}: ${r.text}`);
      assert.ok(r.json.message.id && r.json.message.en);
    }
    for (const t of ['/api/v1/%zz', '/api/v1/users/%00', '/%C0%AE%C0%AE/etc/passwd']) {
      const r = await raw('GET', t);
      assert.equal(r.status, 400, `${t}: ${r.text}`);
    }
  });

  test('bad query parameters answer 422 with the field', async () => {
    for (const [q, field] of [['limit=0', 'limit'], ['limit=501', 'limit'], ['limit=abc', 'limit'], ['after=abc', 'after'], ['org_unit_id=x', 'org_unit_id']]) {
      const r = await admin.get(`/api/v1/users?${q}`);
      const p = assertProblem(assert, r, 422);
      assert.equal(p.errors[0].field, field);
    }
    const a = await admin.get('/api/v1/audit?entity=user');
    assert.deepEqual(assertProblem(assert, a, 422).errors.map((e) => e.field), ['id']);
    assertProblem(assert, await admin.get(`/api/v1/regions?q=${'a'.repeat(101)}`), 422);
  });

  test('every paged list refuses a bad limit or cursor the same way: 422 naming the field', async () => {
    const lists = [['/api/v1/org-units', 500], ['/api/v1/users', 500], ['/api/v1/monitoring/reports', 500],
      ['/api/v1/monitoring/events', 500], ['/api/v1/conflict/incidents', 1000], ['/api/v1/elections', 500],
      ['/api/v1/support-items', 500], ['/api/v1/support-instruments', 500], ['/api/v1/party-aid/vote-values', 500],
      ['/api/v1/party-aid/boards', 500], ['/api/v1/party-aid/applications', 500], ['/api/v1/party-aid/lpj', 500],
      ['/api/v1/meetings', 500], ['/api/v1/meetings/tracker', 500],
      ['/api/v1/ormas', 500], ['/api/v1/foreigners/persons', 500], ['/api/v1/foreigners/presences', 500],
      ['/api/v1/democracy/evidence', 500], ['/api/v1/democracy/proposals', 500]];
    for (const [path, max] of lists) {
      for (const [q, field] of [['limit=0', 'limit'], [`limit=${max + 1}`, 'limit'], ['limit=x', 'limit'], ['after=x', 'after'], ['after=0', 'after'], ['after=-3', 'after']]) {
        const r = await admin.get(`${path}?${q}`);
        const p = assertProblem(assert, r, 422);
        assert.deepEqual(p.errors.map((e) => e.field), [field], `${path}?${q}`);
      }
      assert.equal((await admin.get(`${path}?limit=${max}`)).status, 200, `${path}?limit=${max}`);
    }
  });

  test('a short list without pages refuses a bad limit the same way: 422 naming it, never clamped', async () => {
    for (const q of ['limit=0', 'limit=51', 'limit=x', 'limit=-3']) {
      const r = await admin.get(`/api/v1/actors/suggest?q=ahmad&${q}`);
      assert.deepEqual(assertProblem(assert, r, 422).errors.map((e) => e.field), ['limit'], q);
    }
    assert.equal((await admin.get('/api/v1/actors/suggest?q=ahmad&limit=50')).status, 200);
  });

  test('path traversal never returns a file from outside the web folder', async () => {
    const targets = ['/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/assets/../../../etc/passwd', '/assets/..%5c..%5cetc%5cpasswd', '/....//....//etc/passwd', '//etc/passwd', '/etc/passwd',
      '/api/../../etc/passwd', '/static/%252e%252e/etc/passwd'];
    for (const t of targets) {
      const r = await raw('GET', t, { session: false });
      assert.ok(!r.text.includes('root:'), `${t} leaked /etc/passwd`);
      assert.ok([400, 404].includes(r.status) || (r.status === 200 && r.text.includes('<div id="app">')),
        `${t}: ${r.status} ${r.text.slice(0, 80)}`);
    }
  });
});

describe('region codes', () => {
  test('malformed codes answer 422 naming the field; well-formed unknown codes 404', async () => {
    for (const code of ['12.1', '6371', 'abc', '63.', '00', '63.70', '63.71.00', '63.71.01.01', '6a']) {
      const r = await admin.get(`/api/v1/regions/${encodeURIComponent(code)}`);
      const p = assertProblem(assert, r, 422, 'validation_failed');
      assert.equal(p.errors[0].field, 'code');
      assert.equal(p.errors[0].code, 'region_code');
      assert.ok(p.errors[0].message.en.includes(code));
    }
    for (const code of ['12.1', '6371', 'abc']) {
      assert.equal(assertProblem(assert, await admin.get(`/api/v1/regions?parent=${code}`), 422).errors[0].field, 'parent');
      assert.equal(assertProblem(assert, await admin.get(`/api/v1/geo/kabkota?province=${code}`), 422).errors[0].field, 'province');
    }
    assertProblem(assert, await admin.get('/api/v1/geo/kabkota?province=63.71'), 422);
    for (const code of ['99', '63.99', '63.71.99']) {
      assertProblem(assert, await admin.get(`/api/v1/regions/${code}`), 404, 'not_found');
    }
    assertProblem(assert, await admin.get('/api/v1/regions?parent=99'), 404);
    assertProblem(assert, await admin.get('/api/v1/geo/kabkota?province=99'), 404);
  });

  test('an org unit with a bad or unknown region code is refused with 422', async () => {
    const n = await unitCount();
    for (const region_code of ['12.1', '6371', 'abc', '63.99']) {
      const r = await admin.post('/api/v1/org-units', { name: 'Unit Kode', kind: 'PARTNER', region_code });
      const p = assertProblem(assert, r, 422);
      assert.equal(p.errors[0].field, 'region_code');
    }
    assert.equal(await unitCount(), n);
  });
});

describe('every operation of the API description, with hostile input', () => {
  test('odd path values, odd query values and odd bodies never give a 5xx, always problem+json', async () => {
    const spec = (await srv.request('GET', '/api/v1/openapi.json')).json;
    const pathValues = ['0', 'abc', '-1', '99999999999999999999', '2025-13-45', '63.99', '%2e%2e', 'TRIWULAN'];
    const queryNoise = 'limit=-1&after=x&period=2025-Q9&type=%20&region=abc&year=20x5&level=x&province=zz&q=%25&status=X' +
      '&election_id=0&org_unit_id=-3&needs_action=maybe&entity=%00x&id=1&parent=6371&kind=Y&role=Z&category=%E2%82%AC';
    const bodies = ['{}', '[]', 'null', '{"id":1e999}', '{"name":{"a":[1,2,{}]},"region_code":63,"sections":[],"members":{},' +
      '"actors":"x","occurred_at":"kemarin","period":"Q1","date":"2025-02-30","verdict":true,"file_id":"1","amount_rupiah":-5,' +
      '"classification":"TOP_SECRET","due_value":1000,"status":7,"password":["x"]}'];
    let count = 0;
    const hostile = await srv.login('admin'); // its own session: the sweep includes log-out
    for (const [template, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (template === '/api/v1/session' && method === 'delete') continue; // tested elsewhere
        const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const v of names.length ? pathValues : ['-']) {
          const p = names.reduce((acc, n) => acc.replace(`{${n}}`, v), template);
          const M = method.toUpperCase();
          const sends = M === 'GET' || M === 'DELETE' ? [null] : bodies;
          for (const body of sends) {
            const r = await hostile.request(M, M === 'GET' ? `${p}?${queryNoise}` : p, {
              body: body ?? undefined, headers: body ? { 'Content-Type': 'application/json', 'If-Match': '"1"' } : {}, raw: true,
            });
            ++count;
            assert.ok(r.status < 500, `${M} ${p} ${body ?? ''}: ${r.status} ${r.bytes.toString().slice(0, 200)}`);
            if (r.status >= 400) {
              assert.match(r.headers.get('content-type'), /^application\/problem\+json/, `${M} ${p}`);
              const j = JSON.parse(r.bytes.toString());
              assert.ok(j.message.id && j.message.en, `${M} ${p}: bilingual message`);
            }
            void op;
          }
        }
      }
    }
    assert.ok(count > 200, `${count} requests`);
    assert.equal((await srv.request('GET', '/readyz')).status, 200);
  });
});

describe('HTTP framing', () => {
  test('a header section over 16 KiB answers 431', async () => {
    const r = await rawRequest(srv.port, `GET /api/v1/session HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20000)}\r\n\r\n`);
    statuses.push(r.status);
    assert.equal(r.status, 431);
  });

  test('a garbage request line answers 400', async () => {
    const r = await rawRequest(srv.port, 'HELLO THERE\r\n\r\n');
    statuses.push(r.status);
    assert.equal(r.status, 400);
    const r2 = await rawRequest(srv.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n');
    statuses.push(r2.status);
    assert.equal(r2.status, 400);
  });

  test('after all of this the server is healthy and still answers normally', async () => {
    assert.equal((await srv.request('GET', '/healthz')).status, 200);
    assert.equal((await srv.request('GET', '/readyz')).status, 200);
    const r = await admin.get('/api/v1/session');
    assert.equal(r.status, 200);
    assert.equal(r.json.user.username, 'admin');
  });
});
