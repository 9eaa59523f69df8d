-- Area words (search::document_terms): every distinct word of a record once more, joined to its
-- kab/kota or, for a province's own records, its province: "hoaks" in 63.71.02 -> "hoakszr6371".
-- A search limited to a kab/kota reads one short list instead of intersecting the word's list for
-- the whole country with the area's (760 µs of CPU per search on the national data set).
-- Words that look like area tokens (zr + digits) get none, as in search::document_terms.
CREATE TABLE search_area_words_0038 (id INTEGER PRIMARY KEY, words TEXT NOT NULL);
INSERT INTO search_area_words_0038 (id, words)
WITH RECURSIVE split (id, area, rest, word) AS (
  SELECT id, CASE WHEN length(region_code) >= 5 THEN replace(substr(region_code, 1, 5), '.', '') ELSE region_code END,
         terms || ' ', NULL
  FROM search_docs WHERE length(region_code) = 2 OR length(region_code) >= 5
  UNION ALL
  SELECT id, area, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> ''
)
SELECT id, replace(group_concat(DISTINCT word || 'zr' || area), ',', ' ') FROM split
WHERE word IS NOT NULL AND word <> '' AND NOT (word GLOB 'zr[0-9]*' AND substr(word, 3) NOT GLOB '*[^0-9]*')
GROUP BY id;
UPDATE search_docs SET terms = terms || ' ' || (SELECT a.words FROM search_area_words_0038 a WHERE a.id = search_docs.id)
WHERE id IN (SELECT id FROM search_area_words_0038);
DROP TABLE search_area_words_0038;
-- The index anew: no positions (searches match words, never phrases: detail=none), no copy of the
-- text (contentless; search_docs.terms holds it, and search::remove gives it back to delete an
-- entry), no lengths (nothing is ranked), and the rowid is the document's id negated, so that
-- the newest documents come first when FTS5 reads a list forwards (see search.cpp, kFtsFrom).
DROP TABLE search_fts;
CREATE VIRTUAL TABLE search_fts USING fts5 (terms, tokenize = 'unicode61 remove_diacritics 2', detail = none, content = '', columnsize = 0);
INSERT INTO search_fts (rowid, terms) SELECT -id, terms FROM search_docs ORDER BY id DESC;
INSERT INTO search_fts (search_fts) VALUES ('optimize');
