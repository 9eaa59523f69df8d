-- Full-text search: folded and Indonesian-stemmed terms of every searchable record.
CREATE TABLE search_docs (
  id {{ID}},
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  region_code {{CODE}} NOT NULL,
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  title TEXT NOT NULL,
  link TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  terms TEXT NOT NULL,
  UNIQUE (entity, entity_id)
);
-- The word index: an FTS5 table on SQLite, a GIN index on PostgreSQL (sqlite/, postgres/0004).
