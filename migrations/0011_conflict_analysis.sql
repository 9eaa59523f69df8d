-- Conflict early warning, analysis: the versioned scoring model, the vulnerability of each region
-- per period (one row per clearance level, so a reader sees only what they may see), the periodic
-- peta rawan konflik reports, and overdue escalation of alerts.

CREATE TABLE conflict_scoring_models (
  version {{BIGINT}} PRIMARY KEY,
  model TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by {{BIGINT}} NOT NULL,
  created_at TEXT NOT NULL
);
-- Version 1: the built-in weights (an empty model means every default of ScoringModel).
INSERT INTO conflict_scoring_models (version, model, note, created_by, created_at)
VALUES (1, '{}', 'Model bawaan / built-in model', 0, '2026-01-01T00:00:00.000Z');

CREATE TABLE conflict_vulnerability (
  region_code {{CODE}} NOT NULL,
  period TEXT NOT NULL,
  clearance INTEGER NOT NULL,
  as_of TEXT NOT NULL,
  score {{DOUBLE}} NOT NULL,
  level TEXT NOT NULL,
  factors TEXT NOT NULL DEFAULT '[]',
  model_version INTEGER NOT NULL DEFAULT 0,
  computed_at TEXT NOT NULL,
  PRIMARY KEY (period, clearance, region_code)
);

CREATE TABLE conflict_reports (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  period TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'DRAFT',
  recommendations TEXT NOT NULL DEFAULT '',
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  submitted_at TEXT,
  accepted_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (region_code, period)
);

ALTER TABLE conflict_alerts ADD COLUMN escalated_to TEXT;
ALTER TABLE conflict_alerts ADD COLUMN escalated_at TEXT;
CREATE INDEX conflict_alerts_due ON conflict_alerts (status, due_date);

-- The clustered map reads only this index (region range, dates, clearance, coordinates).
CREATE INDEX conflict_incidents_map ON conflict_incidents (region_code, occurred_on, classification, lat, lng, fatalities);
