-- The rules 13-15 of the shared file were inserted with their ids: move the sequence past them.
SELECT setval(pg_get_serial_sequence('democracy_proposal_rules', 'id'), (SELECT GREATEST(15, MAX(id)) FROM democracy_proposal_rules));
