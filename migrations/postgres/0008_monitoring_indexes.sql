-- Monitoring recap: the recap lists every region of one tier (WHERE level = ? ORDER BY code).
-- Lets the 514 kab/kota (or 38 provinces) come from the index in code order, with their names.
CREATE INDEX regions_level ON regions (level, code, name);
