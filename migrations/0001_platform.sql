-- Platform: reference data, organisations, users, sessions, audit, evidence files, write safety.
-- Times are ISO-8601 UTC text; region codes are Kemendagri codes as text ('' = national).

CREATE TABLE regions (
  code {{CODE}} PRIMARY KEY,
  parent_code {{CODE}} NOT NULL DEFAULT '',
  level {{BIGINT}} NOT NULL CHECK (level BETWEEN 1 AND 3),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  lat {{DOUBLE}},
  lng {{DOUBLE}},
  area_km2 {{DOUBLE}},
  population_total {{BIGINT}},
  population_male {{BIGINT}},
  population_female {{BIGINT}}
);
CREATE INDEX regions_parent ON regions (parent_code, code);
-- (The index on the name whatever its case: sqlite/ and postgres/0001.)

CREATE TABLE region_geometry (
  code {{CODE}} PRIMARY KEY REFERENCES regions (code),
  level {{BIGINT}} NOT NULL,
  province_code {{CODE}} NOT NULL,
  geometry TEXT NOT NULL
);
CREATE INDEX region_geometry_level ON region_geometry (level, province_code, code);

CREATE TABLE holidays (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  legal_basis TEXT NOT NULL DEFAULT '',
  confidence TEXT NOT NULL DEFAULT ''
);

CREATE TABLE parties (
  number {{BIGINT}} NOT NULL,
  election_year {{BIGINT}} NOT NULL,
  abbreviation TEXT NOT NULL,
  name TEXT NOT NULL,
  scope TEXT NOT NULL,
  kpu_decree TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (election_year, number)
);

CREATE TABLE election_results (
  election_year {{BIGINT}} NOT NULL,
  chamber TEXT NOT NULL,          -- DPR | DPRD_PROVINSI | DPRD_KABKOTA
  region_code {{CODE}} NOT NULL,      -- '' for the national DPR result
  party_number {{BIGINT}} NOT NULL,
  valid_votes {{BIGINT}},            -- NULL where not published
  seats {{BIGINT}} NOT NULL DEFAULT 0,
  source TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (election_year, chamber, region_code, party_number)
);

CREATE TABLE org_units (
  id {{ID}},
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('KESBANGPOL', 'PERANGKAT_DAERAH', 'PARTNER', 'KEMENDAGRI')),
  region_code {{CODE}} NOT NULL,
  parent_id {{BIGINT}} REFERENCES org_units (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX org_units_region ON org_units (region_code, id);

CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  clearance {{BIGINT}} NOT NULL DEFAULT 0 CHECK (clearance BETWEEN 0 AND 2),
  org_unit_id {{BIGINT}} NOT NULL REFERENCES org_units (id),
  disabled {{BIGINT}} NOT NULL DEFAULT 0,
  failed_logins {{BIGINT}} NOT NULL DEFAULT 0,
  locked_until TEXT,
  password_changed_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX users_org_unit ON users (org_unit_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{BIGINT}} NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  ip TEXT NOT NULL DEFAULT '',
  user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE audit_log (
  seq {{BIGINT}} PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id {{BIGINT}},
  actor_username TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  region_code {{CODE}} NOT NULL,
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, seq);
-- Append-only: the log refuses changes and deletions (triggers: sqlite/ and postgres/0001).

CREATE TABLE idempotency_keys (
  user_id {{BIGINT}} NOT NULL,
  key TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status {{BIGINT}} NOT NULL,
  response TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);

CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  size {{BIGINT}} NOT NULL,
  mime TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE evidence_files (
  id {{ID}},
  sha256 TEXT NOT NULL REFERENCES blobs (sha256),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size {{BIGINT}} NOT NULL,
  region_code {{CODE}} NOT NULL,
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  entity TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL DEFAULT '',
  uploaded_by {{BIGINT}} NOT NULL REFERENCES users (id),
  uploaded_at TEXT NOT NULL
);
CREATE INDEX evidence_files_entity ON evidence_files (entity, entity_id);
CREATE INDEX evidence_files_region ON evidence_files (region_code);
