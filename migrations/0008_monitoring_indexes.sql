-- Monitoring recap: the recap lists every region of one tier (WHERE level = ? ORDER BY code).
-- Without this index the database walks all 7,837 regions in code order and reads each row to
-- test its level; with it the 514 kab/kota (or 38 provinces) come straight from the index,
-- already in code order, with their names (covering).
CREATE INDEX regions_level ON regions (level, code, name);
