-- The FTS5 table keeps its own copy of the terms: write them again.
DELETE FROM search_fts;
INSERT INTO search_fts (rowid, terms) SELECT id, terms FROM search_docs;
