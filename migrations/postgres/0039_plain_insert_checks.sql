-- Nothing to change on PostgreSQL: its CHECK (... IN (...)) compares in place and its identity
-- columns draw from a sequence without rewriting a row (migrations/sqlite/0039 rebuilds two tables
-- for SQLite). The number is recorded so both databases list the same migrations.
SELECT 1;
