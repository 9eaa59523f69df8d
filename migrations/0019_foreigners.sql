-- Monitoring of foreigners and foreign organisations (Permendagri 49/2010 and 50/2010; DOMAIN.md
-- §4): persons with passport, stay permit and sponsor; foreign organisations with their MoFA
-- recommendation and MoU; presences in one or more regions with their state, decisions, field
-- checks and referrals. Passport numbers are confidential: `id_classification` (TERBATAS by
-- default) is the clearance a viewer needs to see them unmasked.

CREATE TABLE foreign_persons (
  id {{ID}},
  actor_id {{BIGINT}} NOT NULL REFERENCES actors (id),
  full_name TEXT NOT NULL,
  name_key {{CODE}} NOT NULL,
  sex TEXT NOT NULL DEFAULT '',
  birth_date TEXT,
  nationality TEXT NOT NULL,
  passport_no {{CODE}} NOT NULL,
  passport_expiry TEXT,
  permit_type TEXT NOT NULL CHECK (permit_type IN ('VISIT', 'KITAS', 'KITAP', 'DIPLOMATIC', 'OTHER')),
  permit_no TEXT NOT NULL DEFAULT '',
  permit_valid_from TEXT,
  permit_valid_to TEXT,
  sponsor_name TEXT NOT NULL DEFAULT '',
  sponsor_type TEXT NOT NULL DEFAULT '',
  sponsor_address TEXT NOT NULL DEFAULT '',
  occupation TEXT NOT NULL DEFAULT '',
  region_code {{CODE}} NOT NULL,
  classification INTEGER NOT NULL DEFAULT 0,
  id_classification INTEGER NOT NULL DEFAULT 1,
  created_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX foreign_persons_region ON foreign_persons (region_code, id);
CREATE INDEX foreign_persons_passport ON foreign_persons (passport_no);
CREATE INDEX foreign_persons_name ON foreign_persons (name_key);
CREATE INDEX foreign_persons_permit_to ON foreign_persons (permit_valid_to);

CREATE TABLE foreign_orgs (
  id {{ID}},
  actor_id {{BIGINT}} NOT NULL REFERENCES actors (id),
  name TEXT NOT NULL,
  name_key {{CODE}} NOT NULL,
  country TEXT NOT NULL,
  legal_form TEXT NOT NULL DEFAULT '',
  mofa_rec_no TEXT NOT NULL DEFAULT '',
  mofa_rec_date TEXT,
  partner_agency TEXT NOT NULL DEFAULT '',
  mou_no TEXT NOT NULL DEFAULT '',
  mou_date TEXT,
  mou_valid_to TEXT,
  sectors TEXT NOT NULL DEFAULT '',
  funding_source TEXT NOT NULL DEFAULT '',
  local_office TEXT NOT NULL DEFAULT '',
  region_code {{CODE}} NOT NULL,
  classification INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX foreign_orgs_region ON foreign_orgs (region_code, id);

CREATE TABLE foreign_presences (
  id {{ID}},
  person_id {{BIGINT}} REFERENCES foreign_persons (id),
  org_id {{BIGINT}} REFERENCES foreign_orgs (id),
  category TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  activity TEXT NOT NULL DEFAULT '',
  region_code {{CODE}} NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  local_partner TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  sector_permits TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL DEFAULT 'REPORTED',
  decision TEXT,
  follow_up TEXT NOT NULL DEFAULT 'NONE',
  classification INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK ((person_id IS NULL) <> (org_id IS NULL))
);
CREATE INDEX foreign_presences_region ON foreign_presences (region_code, id);
CREATE INDEX foreign_presences_person ON foreign_presences (person_id);
CREATE INDEX foreign_presences_org ON foreign_presences (org_id);

-- Every region a presence touches (the first is foreign_presences.region_code).
CREATE TABLE foreign_presence_regions (
  presence_id {{BIGINT}} NOT NULL REFERENCES foreign_presences (id),
  region_code {{CODE}} NOT NULL,
  PRIMARY KEY (presence_id, region_code)
);
CREATE INDEX foreign_presence_regions_region ON foreign_presence_regions (region_code, presence_id);

CREATE TABLE foreign_decisions (
  id {{ID}},
  presence_id {{BIGINT}} NOT NULL REFERENCES foreign_presences (id),
  decision TEXT NOT NULL CHECK (decision IN ('APPROVED', 'POSTPONED', 'REJECTED', 'NOTED')),
  reason TEXT NOT NULL DEFAULT '',
  follow_up TEXT NOT NULL DEFAULT 'NONE',
  decided_by INTEGER,
  decided_at TEXT NOT NULL
);
CREATE INDEX foreign_decisions_presence ON foreign_decisions (presence_id);

CREATE TABLE foreign_field_checks (
  id {{ID}},
  presence_id {{BIGINT}} NOT NULL REFERENCES foreign_presences (id),
  check_date TEXT NOT NULL,
  team TEXT NOT NULL DEFAULT '',
  findings TEXT NOT NULL DEFAULT '',
  compliant INTEGER NOT NULL,
  photos TEXT NOT NULL DEFAULT '[]',
  created_by INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX foreign_field_checks_presence ON foreign_field_checks (presence_id);

CREATE TABLE foreign_referrals (
  id {{ID}},
  presence_id {{BIGINT}} NOT NULL REFERENCES foreign_presences (id),
  agency TEXT NOT NULL CHECK (agency IN ('IMMIGRATION', 'POLICE')),
  letter_no TEXT NOT NULL,
  referred_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX foreign_referrals_presence ON foreign_referrals (presence_id);

-- Days before a stay permit ends that an active presence is reminded of (data, per office policy).
CREATE TABLE foreign_reminder_rules (
  code TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  days_before INTEGER NOT NULL,
  legal_basis TEXT NOT NULL,
  PRIMARY KEY (code, effective_from)
);
INSERT INTO foreign_reminder_rules VALUES
 ('PERMIT_FIRST', '2010-01-01', 30, 'Permendagri 49/2010 (pemantauan keberadaan); ketentuan kantor'),
 ('PERMIT_SECOND', '2010-01-01', 7, 'Permendagri 49/2010 (pemantauan keberadaan); ketentuan kantor');
