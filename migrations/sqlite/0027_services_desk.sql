-- Every change of the holiday table draws a new stamp for the calendar cache.
CREATE TRIGGER holidays_gen_insert AFTER INSERT ON holidays
BEGIN UPDATE holidays_generation SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER holidays_gen_update AFTER UPDATE ON holidays
BEGIN UPDATE holidays_generation SET stamp = random() WHERE id = 1; END;
CREATE TRIGGER holidays_gen_delete AFTER DELETE ON holidays
BEGIN UPDATE holidays_generation SET stamp = random() WHERE id = 1; END;
