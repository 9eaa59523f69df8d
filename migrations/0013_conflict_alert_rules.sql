-- Alert rules set by administrators over HTTP: several rules per kind, each with an id, the tier
-- whose office is told first (the tier above is always told too), and a version for If-Match.
CREATE TABLE conflict_alert_rules_v2 (
  id {{ID}},
  kind TEXT NOT NULL,
  active {{BIGINT}} NOT NULL DEFAULT 1,
  target_tier TEXT NOT NULL DEFAULT 'KABKOTA',
  days {{BIGINT}} NOT NULL DEFAULT 7,
  factor {{DOUBLE}} NOT NULL DEFAULT 2.0,
  min_incidents {{BIGINT}} NOT NULL DEFAULT 3,
  baseline_days {{BIGINT}} NOT NULL DEFAULT 90,
  response_days {{BIGINT}} NOT NULL DEFAULT 3,
  note TEXT NOT NULL DEFAULT '',
  version {{BIGINT}} NOT NULL DEFAULT 1,
  updated_at TEXT
);
INSERT INTO conflict_alert_rules_v2 (kind, active, days, factor, min_incidents, baseline_days, response_days, version)
SELECT code, active, days, factor, min_incidents, baseline_days, response_days, version FROM conflict_alert_rules
ORDER BY CASE code WHEN 'INCIDENT_SURGE' THEN 1 WHEN 'FATALITY' THEN 2 ELSE 3 END;
DROP TABLE conflict_alert_rules;
ALTER TABLE conflict_alert_rules_v2 RENAME TO conflict_alert_rules;
CREATE INDEX conflict_alert_rules_kind ON conflict_alert_rules (kind);
