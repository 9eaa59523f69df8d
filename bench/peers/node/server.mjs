// The peer that Pantau's hot paths are measured against (bench/peers/run.sh): two of Pantau's
// endpoints written in Node.js (fastify + better-sqlite3) against the same SQLite database with the
// same semantics, and a plain "hello".
//
//   GET  /hello                              {"status":"ok"}, nothing else (the stack's floor)
//   GET  /api/v1/monitoring/reports?region=&limit=&after=
//        session cookie -> the same session lookup (users + org_units + sessions, cached 5 s like
//        Pantau) -> the same scope filter (region subtree as one index range, clearance) -> the same
//        SQL -> the same JSON, byte for byte (run.sh compares the two answers before measuring).
//   POST /api/v1/monitoring/events           a fast report (lapor cepat), as Pantau stores it: CSRF
//        token, validation, Idempotency-Key, the row, the search document (+ FTS5), the hash-chained
//        audit entry, a notification per tier above, one transaction, synchronous=FULL.
//
//   node server.mjs --db FILE --port N
import crypto from 'node:crypto';
import Fastify from 'fastify';
import Database from 'better-sqlite3';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const db = new Database(args.db);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('cache_size = -16000');
db.pragma('temp_store = MEMORY');
db.pragma('mmap_size = 67108864');
db.pragma('busy_timeout = 5000');

const app = Fastify({ logger: false, bodyLimit: 1 << 20 });
// Pantau answers JSON it has serialised itself; so does this peer.
app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => done(null, body));

// ---- sessions (src/auth/sessions.cpp) ---------------------------------------------------------
const principalStmt = db.prepare(
  'SELECT u.id, u.username, u.role, u.org_unit_id, o.region_code, u.clearance, u.disabled, s.csrf_token ' +
    'FROM users u JOIN org_units o ON o.id = u.org_unit_id JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ?',
);
const sessionCache = new Map();
function principal(req) {
  const m = /(?:^|;\s*)pantau_session=([^;]+)/.exec(req.headers.cookie || '');
  if (!m || m[1].length > 100) return null;
  const hash = crypto.createHash('sha256').update(m[1]).digest('hex');
  const now = Date.now();
  const hit = sessionCache.get(hash);
  if (hit && now - hit.at < 5000) return hit.who;
  const r = principalStmt.get(hash);
  if (!r || r.disabled) return null;
  const who = { userId: r.id, username: r.username, role: r.role, orgUnitId: r.org_unit_id, region: r.region_code,
                clearance: r.clearance, csrf: r.csrf_token };
  if (sessionCache.size >= 20000) sessionCache.clear();
  sessionCache.set(hash, { at: now, who });
  return who;
}
const noSession = (reply) =>
  reply.code(401).type('application/problem+json').send(JSON.stringify({
    type: 'about:blank', title: 'Unauthorized', status: 401, code: 'auth.no_session',
    message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please log in first.' }, errors: [] }));
const invalid = (reply, field, code) =>
  reply.code(422).type('application/problem+json').send(JSON.stringify({
    type: 'about:blank', title: 'Unprocessable Entity', status: 422, code: 'validation',
    message: { id: 'Isian tidak valid.', en: 'Invalid input.' }, errors: [{ field, code }] }));

// ---- scope (src/auth/scope.cpp) ---------------------------------------------------------------
const covers = (root, code) => root === '' || code === root || code.startsWith(root + '.');
function regionFilter(column, region, params) {
  if (region === '') return '1=1';
  params.push(region, region + '/');
  return `(${column} >= ? AND ${column} < ?)`;
}

// ---- the report list (src/modules/monitoring/store.cpp list_reports, to_json) -------------------
const SELECT =
  "SELECT p.id, p.report_type, p.region_code, COALESCE(r.name, '') AS region_name, p.org_unit_id, p.period, " +
  "p.period_start, p.period_end, p.due_at, p.status, '' AS s0, '' AS s1, '' AS s2, '' AS s3, '' AS s4, '' AS s5, " +
  'p.classification, p.submitted_at, p.reviewed_at, p.review_note, p.consolidated_into, p.created_at, p.updated_at, ' +
  'p.version FROM periodic_reports p LEFT JOIN regions r ON r.code = p.region_code ';
const SECTIONS = ['general_situation', 'election_stages', 'gov_support', 'potential_threats', 'measures_taken', 'recommendations'];
const CLEARANCE = ['BIASA', 'TERBATAS', 'RAHASIA'];
const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const labels = new Map();
function periodLabel(code) {
  if (labels.has(code)) return labels.get(code);
  let label = null;
  const y = Number(code.slice(0, 4));
  if (/^\d{4}$/.test(code)) label = { id: `Tahun ${y}`, en: `Year ${y}` };
  else if (/^\d{4}-Q[1-4]$/.test(code)) label = { id: `Triwulan ${ROMAN[code[6] - 1]} ${y}`, en: `Quarter ${code[6]} ${y}` };
  else if (/^\d{4}-S[12]$/.test(code)) label = { id: `Semester ${ROMAN[code[6] - 1]} ${y}`, en: `Semester ${code[6]} ${y}` };
  else if (/^\d{4}-(0[1-9]|1[0-2])$/.test(code)) {
    const m = Number(code.slice(5)) - 1;
    label = { id: `${MONTHS_ID[m]} ${y}`, en: `${MONTHS_EN[m]} ${y}` };
  }
  if (labels.size > 4096) labels.clear();
  labels.set(code, label);
  return label;
}
function timeliness(submittedAt, dueAt, now) {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return undefined;
  if (submittedAt) return Date.parse(submittedAt) <= due ? 'ON_TIME' : 'LATE';
  return now > due ? 'MISSING' : 'NOT_YET_DUE';
}
const listCache = new Map();
function listStmt(sql) {
  let s = listCache.get(sql);
  if (!s) { s = db.prepare(sql); listCache.set(sql, s); }
  return s;
}

app.get('/hello', async (req, reply) => reply.type('application/json').send('{"status":"ok"}'));

app.get('/api/v1/monitoring/reports', async (req, reply) => {
  const who = principal(req);
  if (!who) return noSession(reply);
  const q = req.query;
  const limit = q.limit === undefined ? 50 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) return invalid(reply, 'limit', 'range');
  const after = q.after === undefined ? null : Number(q.after);
  if (after !== null && (!Number.isInteger(after) || after < 0)) return invalid(reply, 'after', 'invalid');
  const region = typeof q.region === 'string' ? q.region : '';
  const params = [];
  const narrowed = region !== '' && covers(who.region, region);
  let sql = SELECT + 'WHERE ' + regionFilter('p.region_code', narrowed ? region : who.region, params) +
    ' AND p.classification <= ?';
  params.push(who.clearance);
  if (after !== null) { sql += ' AND p.id > ?'; params.push(after); }
  if (region !== '' && !narrowed) sql += ' AND ' + regionFilter('p.region_code', region, params);
  sql += ' ORDER BY p.id LIMIT ?';
  params.push(limit + 1);
  const rows = listStmt(sql).raw(false).all(...params);
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const now = Date.now();
  const items = rows.map((p) => {
    const o = { id: p.id, report_type: p.report_type, region_code: p.region_code, region_name: p.region_name,
                org_unit_id: p.org_unit_id, period: p.period };
    const label = periodLabel(p.period);
    if (label) o.period_label = label;
    o.period_start = p.period_start;
    o.period_end = p.period_end;
    o.due_at = p.due_at;
    o.status = p.status;
    o.sections = Object.fromEntries(SECTIONS.map((k) => [k, '']));
    o.classification = CLEARANCE[p.classification] || 'BIASA';
    o.submitted_at = p.submitted_at;
    o.reviewed_at = p.reviewed_at;
    o.review_note = p.review_note;
    o.consolidated_into = p.consolidated_into;
    const t = timeliness(p.submitted_at, p.due_at, now);
    if (t) o.timeliness = t;
    o.created_at = p.created_at;
    o.updated_at = p.updated_at;
    o.version = p.version;
    return o;
  });
  const body = JSON.stringify({ items, next_after: more ? String(items[items.length - 1].id) : null });
  return reply.type('application/json').send(body);
});

// ---- the fast report (src/modules/monitoring/routes.cpp event_input, store.cpp create_event) -------
const LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const SOURCES = ['FIELD', 'MEDIA', 'AGENCY', 'PUBLIC_REPORT'];
const ACTOR_TYPES = ['PARTY', 'CANDIDATE', 'ORMAS', 'ASN', 'PUBLIC', 'MEDIA', 'OTHER'];
const LEVEL_ID = { LOW: 'rendah', MEDIUM: 'sedang', HIGH: 'tinggi', CRITICAL: 'kritis' };
const GENESIS = '0'.repeat(64);
const st = {
  region: db.prepare('SELECT name FROM regions WHERE code = ?'),
  category: db.prepare('SELECT 1 FROM monitoring_categories WHERE code = ? AND active = 1'),
  idemGet: db.prepare('SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = ? AND key = ?'),
  idemPut: db.prepare('INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, status, response, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  insert: db.prepare(
    'INSERT INTO political_events (region_code, location_text, lat, lng, occurred_at, reported_at, category_code, title, ' +
      'description, actors, escalation_level, source, source_ref, classification, reported_by, org_unit_id, updated_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  searchDel: db.prepare('DELETE FROM search_docs WHERE entity = ? AND entity_id = ?'),
  searchPut: db.prepare('INSERT INTO search_docs (entity, entity_id, region_code, classification, title, link, excerpt, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  ftsPut: db.prepare('INSERT INTO search_fts (rowid, terms) VALUES (?, ?)'),
  auditLast: db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
  auditPut: db.prepare(
    'INSERT INTO audit_log (seq, at, actor_id, actor_username, action, entity, entity_id, region_code, classification, ' +
      'before_json, after_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
  notify: db.prepare(
    'INSERT INTO notifications (recipient_region, permission, title_id, title_en, link, entity, entity_id, classification, created_at) ' +
      'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
};
const isoNow = () => new Date().toISOString();
const parent = (code) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : '');
// search::terms without the Indonesian stemmer (the peer's only simplification: a stemmer costs
// a few microseconds a word; Pantau pays it, the peer does not).
function terms(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2 && w.length <= 40);
}
function regionTerms(code) {
  const out = [];
  let digits = '';
  for (const part of code.split('.')) { digits += part; out.push('zr' + digits); }
  return out.join(' ');
}
// search::document_terms' area words: each distinct word once more, joined to the kab/kota.
function areaWords(words, code) {
  const digits = code.replaceAll('.', '');
  const area = digits.length >= 4 ? digits.slice(0, 4) : digits.length === 2 ? digits : '';
  if (!area) return '';
  return [...new Set(words)].filter((w) => !/^zr[0-9]+$/.test(w)).sort().map((w) => ' ' + w + 'zr' + area).join('');
}
function rowHash(prev, seq, at, actorId, actor, e) {
  let buf = '';
  const field = (v) => { buf += `${Buffer.byteLength(v)}:${v};`; };
  const opt = (v) => (v == null ? (buf += '~;') : field(v));
  [prev, String(seq), at, String(actorId), actor, e.action, e.entity, e.entityId, e.region, String(e.classification)].forEach(field);
  opt(e.before);
  opt(e.after);
  return crypto.createHash('sha256').update(buf).digest('hex');
}
const createEvent = db.transaction((who, key, reqHash, path, ev) => {
  if (key) {
    const prior = st.idemGet.get(who.userId, key);
    if (prior) return prior.request_hash === reqHash ? { status: prior.status, body: prior.response } : { status: 422, body: null };
  }
  const region = st.region.get(ev.region_code);
  if (!region) return { status: 422, field: 'region_code' };
  if (!st.category.get(ev.category_code)) return { status: 422, field: 'category_code' };
  const now = isoNow();
  const id = Number(st.insert.run(ev.region_code, ev.location_text, ev.lat, ev.lng, ev.occurred_at, now, ev.category_code,
    ev.title, ev.description, ev.actors, ev.escalation_level, ev.source, ev.source_ref, 0, who.userId, who.orgUnitId, now)
    .lastInsertRowid);
  const e = { id, region_code: ev.region_code, region_name: region.name, location_text: ev.location_text, lat: ev.lat,
              lng: ev.lng, occurred_at: ev.occurred_at, reported_at: now, category_code: ev.category_code, title: ev.title,
              description: ev.description, actors: JSON.parse(ev.actors), escalation_level: ev.escalation_level,
              source: ev.source, source_ref: ev.source_ref, handling: '', status: 'REPORTED', status_note: '',
              classification: 'BIASA', reported_by: who.userId, org_unit_id: who.orgUnitId, version: 1 };
  const json = JSON.stringify(e);
  // search::index
  const body = [ev.description, ev.location_text, '', region.name].join('\n').slice(0, 20000);
  st.searchDel.run('political_event', String(id));
  const words = terms(ev.title + ' ' + body);
  const docTerms = words.join(' ') + ' ' + regionTerms(ev.region_code) + areaWords(words, ev.region_code);
  const doc = st.searchPut.run('political_event', String(id), ev.region_code, 0, ev.title, `/monitoring/events/${id}`,
    body.slice(0, 300), docTerms);
  st.ftsPut.run(-Number(doc.lastInsertRowid), docTerms);  // the FTS5 rowid is the id negated (migration 0038)
  // audit::append
  const last = st.auditLast.get();
  const seq = last ? last.seq + 1 : 1;
  const prev = last ? last.hash : GENESIS;
  const entry = { action: 'create', entity: 'political_event', entityId: String(id), region: ev.region_code,
                  classification: 0, before: null, after: json };
  const at = isoNow();
  st.auditPut.run(seq, at, who.userId, who.username, entry.action, entry.entity, entry.entityId, entry.region, 0, null, json,
    prev, rowHash(prev, seq, at, who.userId, who.username, entry));
  // a notification for each tier above
  for (let up = parent(who.region); ; up = parent(up)) {
    st.notify.run(up, 'record.review', `Lapor cepat (eskalasi ${LEVEL_ID[ev.escalation_level]}) di ${region.name}: ${ev.title}`,
      `Fast report (${ev.escalation_level.toLowerCase()} escalation) in ${region.name}: ${ev.title}`,
      `/monitoring/events/${id}`, 'political_event', String(id), 0, now);
    if (up === '') break;
  }
  if (key) st.idemPut.run(who.userId, key, 'POST', path, reqHash, 201, json, now);
  return { status: 201, body: json };
});

app.post('/api/v1/monitoring/events', async (req, reply) => {
  const who = principal(req);
  if (!who) return noSession(reply);
  if (req.headers['x-csrf-token'] !== who.csrf) return reply.code(403).send('{"code":"auth.csrf"}');
  let b;
  try { b = JSON.parse(req.body); } catch { return invalid(reply, '', 'json'); }
  if (!b || typeof b !== 'object') return invalid(reply, '', 'json');
  const str = (k, req_, max) => (typeof b[k] === 'string' && b[k].length <= max ? b[k] : (req_ ? undefined : ''));
  const ev = {
    region_code: str('region_code', true, 8), location_text: str('location_text', false, 500),
    occurred_at: str('occurred_at', true, 30), category_code: str('category_code', true, 64), title: str('title', true, 300),
    description: str('description', false, 20000), escalation_level: LEVELS.includes(b.escalation_level) ? b.escalation_level : undefined,
    source: SOURCES.includes(b.source) ? b.source : undefined, source_ref: str('source_ref', false, 500),
    lat: typeof b.lat === 'number' ? b.lat : null, lng: typeof b.lng === 'number' ? b.lng : null,
  };
  for (const k of Object.keys(ev)) if (ev[k] === undefined) return invalid(reply, k, 'required');
  if (!/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(ev.region_code)) return invalid(reply, 'region_code', 'region_code');
  const t = Date.parse(ev.occurred_at);
  if (Number.isNaN(t)) return invalid(reply, 'occurred_at', 'invalid');
  if (t > Date.now() + 600000) return invalid(reply, 'occurred_at', 'future');
  ev.occurred_at = new Date(t).toISOString();
  const actors = Array.isArray(b.actors) ? b.actors : [];
  if (actors.length > 50 || actors.some((a) => !a || typeof a.name !== 'string' || a.name.length > 200)) return invalid(reply, 'actors', 'invalid');
  ev.actors = JSON.stringify(actors.map((a) => ({ type: ACTOR_TYPES.includes(a.type) ? a.type : 'OTHER', name: a.name.trim() })));
  if (!covers(who.region, ev.region_code)) return reply.code(403).send('{"code":"forbidden"}');
  const key = (req.headers['idempotency-key'] || '').trim();
  if (key.length > 128) return reply.code(400).send('{"code":"idempotency.malformed"}');
  const reqHash = crypto.createHash('sha256').update(`POST\n${req.url}\n${req.body}`).digest('hex');
  const r = createEvent(who, key, reqHash, req.url, ev);
  if (r.field) return invalid(reply, r.field, 'not_found');
  if (!r.body) return invalid(reply, 'Idempotency-Key', 'mismatch');
  return reply.code(r.status).type('application/json').send(r.body);
});

await app.listen({ host: '127.0.0.1', port: Number(args.port) });
