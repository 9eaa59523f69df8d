-- The public service desk, second part: the holiday calendar's generation (so every instance
-- may keep the calendar in memory), the research permit's result-report deadline, and the
-- Ombudsman self-assessment.

-- A random stamp drawn anew at every change of `holidays` (triggers in the dialect files: an
-- administrator's edit, an import, a hand-written SQL statement alike). An instance reads this
-- one row before using its cached calendar and reloads the calendar only when the stamp moved.
-- Random rather than a counter, so two databases (copies of one template) never share a stamp
-- with different holidays. It starts at 0 for the table as the migration leaves it; the first
-- change draws the first random stamp.
CREATE TABLE holidays_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  stamp {{BIGINT}} NOT NULL
);
INSERT INTO holidays_generation (id, stamp) VALUES (1, 0);

-- The researcher's result report: due `result_report_wd` working days after the research
-- period ends (or after the letter, when no period was given). Data per service, not code.
ALTER TABLE svc_services ADD COLUMN result_report_wd INTEGER NOT NULL DEFAULT 30;
ALTER TABLE svc_services ADD COLUMN result_report_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE svc_cases ADD COLUMN result_due_date TEXT;
ALTER TABLE svc_cases ADD COLUMN result_overdue_date TEXT;  -- set once by housekeeping
CREATE INDEX svc_cases_result_due ON svc_cases (result_due_date);

-- The ground of a refusal of exempt information (UU 14/2008 Art. 17 a-j), for the annual report.
ALTER TABLE svc_cases ADD COLUMN exemption TEXT;

-- The annual reports of the desk, issued through the document register.
INSERT INTO document_kinds (code, name_id, name_en, classification) VALUES
  ('PPID_ANNUAL_REPORT', 'Laporan tahunan layanan informasi publik (PPID)', 'Annual public-information service report (PPID)', '000.5'),
  ('SKM_ANNUAL_REPORT', 'Laporan tahunan survei kepuasan masyarakat', 'Annual public satisfaction survey report', '000.5');

-- The Ombudsman self-assessment: per office (its region) and year, an answer per checklist item
-- (items, weights and zone thresholds are data: data/ombudsman_checklist.tsv and
-- ombudsman_zones.tsv) and evidence files from the files store (evidence_files).
CREATE TABLE svc_checklist (
  code {{CODE}} PRIMARY KEY,
  level TEXT NOT NULL CHECK (level IN ('DIMENSION', 'ITEM')),
  dimension {{CODE}} NOT NULL,
  weight {{DOUBLE}} NOT NULL,
  text_id TEXT NOT NULL,
  text_en TEXT NOT NULL,
  source TEXT NOT NULL,
  confidence TEXT NOT NULL,
  position INTEGER NOT NULL
);

CREATE TABLE svc_zone_rules (
  zone {{CODE}} PRIMARY KEY,
  min_score {{DOUBLE}} NOT NULL,
  label_id TEXT NOT NULL,
  label_en TEXT NOT NULL,
  source TEXT NOT NULL,
  confidence TEXT NOT NULL
);

CREATE TABLE svc_assessments (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  year INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (region_code, year)
);

CREATE TABLE svc_assessment_answers (
  assessment_id {{BIGINT}} NOT NULL REFERENCES svc_assessments (id),
  item_code {{CODE}} NOT NULL,
  answer TEXT NOT NULL CHECK (answer IN ('YES', 'PARTIAL', 'NO', 'NA')),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  PRIMARY KEY (assessment_id, item_code)
);

CREATE TABLE svc_assessment_evidence (
  id {{ID}},
  assessment_id {{BIGINT}} NOT NULL REFERENCES svc_assessments (id),
  item_code {{CODE}} NOT NULL,
  file_id {{BIGINT}} NOT NULL REFERENCES evidence_files (id),
  added_at TEXT NOT NULL,
  UNIQUE (assessment_id, item_code, file_id)
);
