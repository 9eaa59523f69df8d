-- Every change of the holiday table draws a new stamp for the calendar cache (once per statement).
CREATE FUNCTION holidays_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN UPDATE holidays_generation SET stamp = (random() * 9.0e18 - 4.5e18)::bigint WHERE id = 1; RETURN NULL; END; $$;
CREATE TRIGGER holidays_gen_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holidays
FOR EACH STATEMENT EXECUTE FUNCTION holidays_generation_bump();
