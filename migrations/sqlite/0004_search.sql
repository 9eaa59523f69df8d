-- Full-text search: folded and Indonesian-stemmed terms of every searchable record.
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
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
CREATE VIRTUAL TABLE search_fts USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2');
