-- Area words (search::document_terms): every distinct word of a record once more, joined to its
-- kab/kota or, for a province's own records, its province: "hoaks" in 63.71.02 -> "hoakszr6371".
-- A search limited to a kab/kota or province matches the area words: a short posting list in the
-- GIN index instead of the word's list for the whole country (sqlite/0038 does the same).
-- Words that look like area tokens (zr + digits) get none, as in search::document_terms.
UPDATE search_docs d SET terms = d.terms || ' ' || a.words
FROM (
  SELECT s.id, string_agg(DISTINCT w.word || 'zr' || s.area, ' ') AS words
  FROM (SELECT id, terms, CASE WHEN length(region_code) >= 5 THEN replace(substr(region_code, 1, 5), '.', '') ELSE region_code END AS area
        FROM search_docs WHERE length(region_code) = 2 OR length(region_code) >= 5) s
  CROSS JOIN LATERAL regexp_split_to_table(s.terms, ' ') AS w (word)
  WHERE w.word <> '' AND w.word !~ '^zr[0-9]+$'
  GROUP BY s.id
) a
WHERE d.id = a.id;
