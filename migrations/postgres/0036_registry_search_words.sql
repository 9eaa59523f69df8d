-- Registry search that reads only what a page needs (docs/REGISTRIES.md, "Pencarian").
--
-- ormas_words: every word of the names of an ormas' actors (the ormas' own organisation actor and
-- each board member's person actor), with the ormas' region and classification. A one-word search
-- reads the covering key (word, region_code, ormas_id) within the viewer's region range, so a
-- kab/kota office reads its own rows only, and never one row per matching actor elsewhere.
-- The whole name key of each actor is kept too, marked "#" ("#ahmadhidayat"), for searches of
-- two or more words (names starting with them). Written by ormas::index_search_words on every
-- write that gives an ormas a name or a member.
CREATE TABLE ormas_words (
  word TEXT COLLATE "C" NOT NULL,
  region_code TEXT COLLATE "C" NOT NULL,
  ormas_id BIGINT NOT NULL REFERENCES ormas (id),
  classification INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (word, region_code, ormas_id) INCLUDE (classification)
);
INSERT INTO ormas_words (word, region_code, ormas_id, classification)
SELECT w.word, o.region_code, o.id, o.classification FROM ormas o JOIN actor_words w ON w.actor_id = o.actor_id
UNION
SELECT w.word, o.region_code, o.id, o.classification
FROM ormas_board_members b JOIN ormas o ON o.id = b.ormas_id JOIN actor_words w ON w.actor_id = b.actor_id
UNION
SELECT '#' || a.name_key, o.region_code, o.id, o.classification FROM ormas o JOIN actors a ON a.id = o.actor_id WHERE a.name_key <> ''
UNION
SELECT '#' || a.name_key, o.region_code, o.id, o.classification
FROM ormas_board_members b JOIN ormas o ON o.id = b.ormas_id JOIN actors a ON a.id = b.actor_id WHERE a.name_key <> '';

-- actor_words carries the actor's region inside its key index: a suggestion walks (word,
-- actor_id) in order and checks the region in the same index entry (an index-only scan), instead
-- of reading the actor's row for every word in the range.
ALTER TABLE actor_words ADD COLUMN region_code TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE actor_words w SET region_code = a.region_code FROM actors a WHERE a.id = w.actor_id;
ALTER TABLE actor_words DROP CONSTRAINT actor_words_pkey;
ALTER TABLE actor_words ADD PRIMARY KEY (word, actor_id) INCLUDE (region_code);

-- Foreigners by name prefix: the region and clearance are checked in the index entry and the
-- page's ids (newest first) sorted from the entries alone (foreigners::list_persons), instead of
-- reading the row of every person whose name starts with the typed text.
DROP INDEX foreign_persons_name;
CREATE INDEX foreign_persons_name ON foreign_persons (name_key, region_code, classification, id);
