-- The rules above came with their ids: the identity continues after them.
SELECT setval(pg_get_serial_sequence('democracy_proposal_rules', 'id'), 12);
