-- Area tokens in the search terms ("63.71.02" -> "zr63 zr6371 zr637102", see search::region_terms),
-- so that a search limited to a province or kab/kota intersects word lists with the area's list
-- inside the index instead of reading every match in the country.
UPDATE search_docs SET terms = terms || ' zr' || substr(region_code, 1, 2)
  || CASE WHEN length(region_code) >= 5 THEN ' zr' || replace(substr(region_code, 1, 5), '.', '') ELSE '' END
  || CASE WHEN length(region_code) >= 8 THEN ' zr' || replace(substr(region_code, 1, 8), '.', '') ELSE '' END
  || CASE WHEN length(region_code) >= 13 THEN ' zr' || replace(region_code, '.', '') ELSE '' END
WHERE region_code <> '';
-- (SQLite then refills its FTS5 table: sqlite/0009.)
