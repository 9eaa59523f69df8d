-- Two indexes no query reads, dropped so that an import of a registry (100,000 ormas, 300,000
-- board members) builds fewer B-trees: an actor's roles are read from actor_links, and ormas
-- searches from ormas_words, never ormas or board members by their actor_id column. No actor row
-- is ever deleted or renumbered (merges set merged_into), so no foreign-key check of a parent
-- change needs them either.
DROP INDEX ormas_actor;
DROP INDEX ormas_board_actor;
