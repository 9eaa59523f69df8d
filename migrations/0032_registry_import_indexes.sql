-- Two indexes no query reads, dropped so that an import of a registry (100,000 ormas, 300,000
-- board members) maintains fewer B-trees: ormas and their board members are found by name
-- through their actors (actor_words, actors.name_key), never by their own name_key column.
DROP INDEX ormas_name_key;
DROP INDEX ormas_board_name;
