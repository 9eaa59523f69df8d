-- 0014: hardening from outside testing (issue 17).
-- (The name-folding function pantau_fold: postgres/0014; SQLite registers it on every connection,
-- db/sqlite_db.cpp.)

-- Party aid (docs/PARTY_AID.md): "first year" comes from Pantau's own records. A claim that the
-- records contradict is refused; a reviewer may still decide it is the party's first year of
-- eligibility (e.g. seats regained after a period without any), with a reason, audited.
ALTER TABLE banpol_applications ADD COLUMN first_year_override_reason TEXT;
ALTER TABLE banpol_applications ADD COLUMN first_year_override_by {{BIGINT}} REFERENCES users (id);
ALTER TABLE banpol_applications ADD COLUMN first_year_override_at TEXT;

-- Monitoring (docs/MONITORING.md): a periodic report describes its whole period, so it may be
-- submitted from so many days before the period's last day (0: from the day after it ends).
-- Drafts may be written at any time.
ALTER TABLE report_types ADD COLUMN submit_from_days_before_end {{BIGINT}} NOT NULL DEFAULT 0;
