-- Periodic jobs (overdue escalation, index merge) claimed per period: when several server
-- instances share one database, the instance that moves `last_run_at` forward runs the job and
-- the others skip it, so a job runs once per period however many instances there are.
CREATE TABLE housekeeping_runs (
  job TEXT PRIMARY KEY,
  last_run_at {{CODE}} NOT NULL,
  runs {{BIGINT}} NOT NULL DEFAULT 0,
  last_instance TEXT NOT NULL DEFAULT ''
);
