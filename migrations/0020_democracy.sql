-- Indonesian Democracy Index (DOMAIN.md §7): indicators of both methods, official values as BPS
-- released them, weight sets, the Pokja's evidence log, the rules that propose evidence from
-- Pantau's own records, and the proposals awaiting a Pokja member's decision.

CREATE TABLE democracy_indicators (
  method TEXT NOT NULL CHECK (method IN ('OLD_2009', 'NEW_2021')),
  number INTEGER NOT NULL,
  aspect TEXT NOT NULL,
  variable TEXT NOT NULL DEFAULT '',
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  confidence TEXT NOT NULL DEFAULT 'C',
  PRIMARY KEY (method, number)
);

-- Values in hundredths (80.44 -> 8044); province_code '' and aspect '' and indicator_no 0 when
-- they do not apply, so the unique key holds on both databases.
CREATE TABLE democracy_values (
  id {{ID}},
  year INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('NASIONAL', 'PUSAT', 'PROVINSI_AGG', 'PROVINSI')),
  province_code {{CODE}} NOT NULL DEFAULT '',
  scope TEXT NOT NULL CHECK (scope IN ('TOTAL', 'ASPECT', 'INDICATOR')),
  aspect TEXT NOT NULL DEFAULT '',
  indicator_no INTEGER NOT NULL DEFAULT 0,
  method TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10000),
  rank INTEGER,
  source_release TEXT NOT NULL,
  updated_by {{BIGINT}} REFERENCES users (id),
  updated_at TEXT NOT NULL,
  UNIQUE (year, level, province_code, scope, aspect, indicator_no)
);
CREATE INDEX democracy_values_province ON democracy_values (province_code, year);

CREATE TABLE democracy_weight_sets (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  negative_points {{DOUBLE}} NOT NULL,
  positive_points {{DOUBLE}} NOT NULL,
  active INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE democracy_weights (
  set_code TEXT NOT NULL REFERENCES democracy_weight_sets (code),
  level TEXT NOT NULL CHECK (level IN ('ASPECT', 'INDICATOR')),
  item TEXT NOT NULL,
  weight {{DOUBLE}} NOT NULL,
  PRIMARY KEY (set_code, level, item)
);

-- The Pokja's evidence: one event or document coded to one indicator of the 2021 method.
CREATE TABLE democracy_evidence (
  id {{ID}},
  year INTEGER NOT NULL,
  region_code {{CODE}} NOT NULL,
  indicator_no INTEGER NOT NULL CHECK (indicator_no BETWEEN 1 AND 22),
  event_date TEXT NOT NULL,
  description TEXT NOT NULL,
  source TEXT NOT NULL,
  sign INTEGER NOT NULL CHECK (sign IN (-1, 1)),
  handled_by TEXT NOT NULL DEFAULT '',
  classification INTEGER NOT NULL DEFAULT 0,
  source_kind TEXT,
  source_id {{BIGINT}},
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- The provisional index counts evidence per year, region, indicator and sign from this index alone.
CREATE INDEX democracy_evidence_tally ON democracy_evidence (year, region_code, indicator_no, sign);

CREATE TABLE democracy_proposal_rules (
  id {{ID}},
  source_kind TEXT NOT NULL,
  match TEXT NOT NULL DEFAULT '',
  indicator_no INTEGER NOT NULL,
  sign INTEGER NOT NULL,
  threshold {{DOUBLE}} NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT,
  version INTEGER NOT NULL DEFAULT 1
);
-- The same rows as tests/fixtures/idi_proposal_rules.tsv.
INSERT INTO democracy_proposal_rules (id, source_kind, match, indicator_no, sign, threshold, note) VALUES
 (1, 'INCIDENT', 'RELIGION', 3, -1, 0, 'Insiden keagamaan / religious incidents'),
 (2, 'INCIDENT', 'CLASH', 2, -1, 0, 'Bentrokan antarkelompok / clashes between groups'),
 (3, 'INCIDENT', 'POLITICS', 1, -1, 0, 'Konflik politik / political conflicts'),
 (4, 'MONITORING_EVENT', 'POLITICAL_SITUATION.ASN_NEUTRALITY', 17, -1, 0, 'Netralitas / neutrality'),
 (5, 'MONITORING_EVENT', 'ELECTION_STAGE.DISPUTE', 17, -1, 0, 'Sengketa hasil / result disputes'),
 (6, 'MONITORING_EVENT', 'POLITICAL_SITUATION.MONEY_POLITICS', 5, -1, 0, 'Politik uang / money politics'),
 (7, 'MONITORING_EVENT', 'POLITICAL_SITUATION.SARA_HOAX', 2, -1, 0, 'SARA, hoaks / SARA, hoaxes'),
 (8, 'MONITORING_EVENT', 'POLITICAL_EDUCATION', 22, 1, 0, 'Pendidikan politik / political education'),
 (9, 'LPJ_SHARE', '', 22, 1, 60, 'Minimal 60% pendidikan politik (Permendagri 36/2018 jo 78/2020)'),
 (10, 'MEETING', 'PARTY', 9, 1, 0, 'Pertemuan dengan partai / meetings with parties'),
 (11, 'MEETING', 'ORMAS', 9, 1, 0, 'Pertemuan dengan ormas / meetings with ormas'),
 (12, 'INFO_REQUEST', '', 13, -1, 0, 'Permohonan informasi terlambat / late information requests');

-- What a rule proposed from one record. region_code and classification are the record's own, so
-- a proposal is shown only to those who may see the record.
CREATE TABLE democracy_proposals (
  id {{ID}},
  source_kind TEXT NOT NULL,
  source_id {{BIGINT}} NOT NULL,
  rule_id {{BIGINT}} NOT NULL REFERENCES democracy_proposal_rules (id),
  region_code {{CODE}} NOT NULL,
  classification INTEGER NOT NULL DEFAULT 0,
  event_date TEXT NOT NULL,
  summary TEXT NOT NULL,
  indicator_no INTEGER NOT NULL,
  sign INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'ACCEPTED', 'DISMISSED')),
  evidence_id {{BIGINT}} REFERENCES democracy_evidence (id),
  decided_by {{BIGINT}} REFERENCES users (id),
  decided_at TEXT,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (source_kind, source_id, rule_id)
);
CREATE INDEX democracy_proposals_region ON democracy_proposals (region_code, status);

-- How far the proposal scan has read each kind of record (the highest id seen).
CREATE TABLE democracy_scan_state (
  source_kind TEXT PRIMARY KEY,
  last_id {{BIGINT}} NOT NULL DEFAULT 0
);
