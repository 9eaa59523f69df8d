-- The public service desk, third part: received requests counted for the recap, the open
-- requests found without reading the finished ones, and the dates of a dispute's stages.

-- Requests received per service and month of the local registration day (`start_date`), kept
-- when a request is registered (as `svc_times` is when one is finished): the recap counts the
-- received requests of a year from these rows, not from every request.
CREATE TABLE svc_received (
  service_id {{BIGINT}} NOT NULL REFERENCES svc_services (id),
  region_code {{CODE}} NOT NULL,
  month TEXT NOT NULL,                       -- YYYY-MM of the local registration day
  received {{BIGINT}} NOT NULL,
  PRIMARY KEY (month, service_id)            -- a year of every office is one range
);
CREATE INDEX svc_received_region ON svc_received (region_code, month);
INSERT INTO svc_received (service_id, region_code, month, received)
  SELECT service_id, MIN(region_code), SUBSTR(start_date, 1, 7), COUNT(*) FROM svc_cases GROUP BY service_id, SUBSTR(start_date, 1, 7);

-- Service times per service, year of finishing and working days used: a year's recap reads
-- these (a few dozen rows per service) instead of twelve months of `svc_times`.
CREATE TABLE svc_times_year (
  service_id {{BIGINT}} NOT NULL REFERENCES svc_services (id),
  region_code {{CODE}} NOT NULL,
  year INTEGER NOT NULL,                     -- of the local finishing day
  used_wd INTEGER NOT NULL,
  finished {{BIGINT}} NOT NULL,
  on_time {{BIGINT}} NOT NULL,
  PRIMARY KEY (year, service_id, used_wd)    -- a year of every office is one range, in service order
);
CREATE INDEX svc_times_year_region ON svc_times_year (region_code, year);
INSERT INTO svc_times_year (service_id, region_code, year, used_wd, finished, on_time)
  SELECT service_id, MIN(region_code), CAST(SUBSTR(month, 1, 4) AS INTEGER), used_wd, SUM(finished), SUM(on_time) FROM svc_times
  GROUP BY service_id, CAST(SUBSTR(month, 1, 4) AS INTEGER), used_wd;

-- The requests still open, for the recap's open counts (a few among a million finished).
CREATE INDEX svc_cases_unfinished ON svc_cases (region_code, kind) WHERE finished_date IS NULL;

-- The stages of an information dispute at the Komisi Informasi, each with the day it happened
-- (entered by staff) and the time it was recorded. The registration is `svc_disputes.filed_on`.
CREATE TABLE svc_dispute_stages (
  dispute_id {{BIGINT}} NOT NULL REFERENCES svc_disputes (id),
  seq INTEGER NOT NULL,
  stage TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (dispute_id, seq)
);
