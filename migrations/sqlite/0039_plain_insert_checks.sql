-- Two tables written on every fast-report submission, rebuilt without what made each insert do
-- extra work (docs/PERFORMANCE.md, "Durable submissions, third step"):
-- * political_events' CHECK (escalation_level IN (...)) and CHECK (source IN (...)): SQLite built
--   a temporary index of each list on every insert (two per submission). The same checks written
--   as `= ... OR = ...` compare in place; they accept and refuse exactly the same values (both
--   columns are NOT NULL).
-- * AUTOINCREMENT on political_events and search_docs: each insert read and rewrote the table's
--   sqlite_sequence row. Without it a new id is still one more than the largest id there is; the
--   only difference is that the id of a deleted row with the largest id could be given again.
--   - political_events: no row is ever deleted (a record's history lives in audit_log under its
--     id), so no id can come back.
--   - search_docs: a document is deleted when its record is indexed anew or removed
--     (search::index, search::remove), and its search_fts entry is deleted with it; nothing else
--     refers to a document's id (search_fts's rowid is -id of a live row, the FTS5 rows of a group
--     are those with id >= the group's first new id, which a reused id also satisfies: a new id is
--     always larger than every row committed before). A reused id names a new document only.
--   - notifications keeps AUTOINCREMENT: notify::done deletes notifications, a browser may still
--     hold the id of a deleted one (mark as read), and notification_reads refers to them.
-- Neither table is referenced by a foreign key, trigger or view, so each is renamed aside, made
-- anew under its own name (its CREATE text stays plain), filled, and the old one dropped; the
-- indexes are made again with the same names. IDs and rows are kept as they are.
ALTER TABLE political_events RENAME TO political_events_0039;
CREATE TABLE political_events (
  id INTEGER PRIMARY KEY,
  region_code TEXT NOT NULL,
  location_text TEXT NOT NULL DEFAULT '',
  lat REAL,
  lng REAL,
  occurred_at TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  category_code TEXT NOT NULL REFERENCES monitoring_categories (code),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  actors TEXT NOT NULL DEFAULT '[]',
  escalation_level TEXT NOT NULL
    CHECK (escalation_level = 'LOW' OR escalation_level = 'MEDIUM' OR escalation_level = 'HIGH' OR escalation_level = 'CRITICAL'),
  source TEXT NOT NULL
    CHECK (source = 'FIELD' OR source = 'MEDIA' OR source = 'AGENCY' OR source = 'PUBLIC_REPORT'),
  source_ref TEXT NOT NULL DEFAULT '',
  handling TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'REPORTED',
  status_note TEXT NOT NULL DEFAULT '',
  classification INTEGER NOT NULL DEFAULT 0,
  reported_by INTEGER NOT NULL REFERENCES users (id),
  org_unit_id INTEGER NOT NULL REFERENCES org_units (id),
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO political_events (id, region_code, location_text, lat, lng, occurred_at, reported_at, category_code, title,
  description, actors, escalation_level, source, source_ref, handling, status, status_note, classification, reported_by,
  org_unit_id, updated_at, version)
SELECT id, region_code, location_text, lat, lng, occurred_at, reported_at, category_code, title,
  description, actors, escalation_level, source, source_ref, handling, status, status_note, classification, reported_by,
  org_unit_id, updated_at, version
FROM political_events_0039 ORDER BY id;
DROP TABLE political_events_0039;
CREATE INDEX political_events_region ON political_events (region_code, id);
CREATE INDEX political_events_time ON political_events (occurred_at);

ALTER TABLE search_docs RENAME TO search_docs_0039;
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  region_code TEXT NOT NULL,
  classification INTEGER NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  link TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  terms TEXT NOT NULL,
  UNIQUE (entity, entity_id)
);
INSERT INTO search_docs (id, entity, entity_id, region_code, classification, title, link, excerpt, terms)
SELECT id, entity, entity_id, region_code, classification, title, link, excerpt, terms FROM search_docs_0039 ORDER BY id;
DROP TABLE search_docs_0039;
