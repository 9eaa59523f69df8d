-- Social-conflict early warning (UU 7/2012; DOMAIN.md §3): incidents, hotspots, conflict
-- status declarations, alert rules and alerts with their assigned response and outcome.

CREATE TABLE conflict_types (
  code TEXT PRIMARY KEY,
  parent_code TEXT,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL
);
INSERT INTO conflict_types VALUES
 ('CLASH', NULL, 'Bentrokan antarkelompok', 'Clash between groups'),
 ('CLASH.VILLAGE', 'CLASH', 'Perkelahian antarkampung/desa', 'Inter-village brawl'),
 ('CLASH.ETHNIC', 'CLASH', 'Bentrokan antaretnis', 'Inter-ethnic clash'),
 ('LAND', NULL, 'Sengketa lahan', 'Land dispute'),
 ('LAND.PLANTATION', 'LAND', 'Sengketa lahan perkebunan', 'Plantation land dispute'),
 ('LAND.MINING', 'LAND', 'Sengketa pertambangan', 'Mining dispute'),
 ('LAND.CUSTOMARY', 'LAND', 'Sengketa tanah ulayat/adat', 'Customary land dispute'),
 ('RELIGION', NULL, 'Konflik keagamaan', 'Religious conflict'),
 ('RELIGION.BUILDING', 'RELIGION', 'Sengketa rumah ibadah', 'Place-of-worship dispute'),
 ('POLITICS', NULL, 'Konflik politik', 'Political conflict'),
 ('POLITICS.PILKADA', 'POLITICS', 'Konflik terkait pilkada', 'Regional-election conflict'),
 ('BOUNDARY', NULL, 'Sengketa batas wilayah', 'Boundary dispute'),
 ('LABOUR', NULL, 'Konflik ketenagakerjaan', 'Labour conflict');

CREATE TABLE conflict_hotspots (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  type_code TEXT NOT NULL REFERENCES conflict_types (code),
  parties TEXT NOT NULL DEFAULT '[]',
  root_cause TEXT NOT NULL DEFAULT '',
  triggers TEXT NOT NULL DEFAULT '',
  history TEXT NOT NULL DEFAULT '',
  stage TEXT NOT NULL DEFAULT 'POTENTIAL',
  impact_scope TEXT NOT NULL DEFAULT 'DESA',
  responsible_agencies TEXT NOT NULL DEFAULT '',
  handling_actions TEXT NOT NULL DEFAULT '',
  lat {{DOUBLE}},
  lng {{DOUBLE}},
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX conflict_hotspots_region ON conflict_hotspots (region_code, stage);

CREATE TABLE conflict_incidents (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  occurred_on TEXT NOT NULL,
  occurred_time TEXT,
  time_precision {{BIGINT}} NOT NULL DEFAULT 1,    -- 1 day, 2 week, 3 month (as in ACLED)
  lat {{DOUBLE}},
  lng {{DOUBLE}},
  geo_precision {{BIGINT}} NOT NULL DEFAULT 2,     -- 1 exact place, 2 kecamatan/town, 3 kab/kota or wider
  source TEXT NOT NULL,
  type_code TEXT NOT NULL REFERENCES conflict_types (code),
  actors TEXT NOT NULL DEFAULT '[]',
  fatalities {{BIGINT}} NOT NULL DEFAULT 0,
  injuries {{BIGINT}} NOT NULL DEFAULT 0,
  displaced {{BIGINT}} NOT NULL DEFAULT 0,
  property_damage {{BIGINT}} NOT NULL DEFAULT 0,
  info_source TEXT NOT NULL,
  info_ref TEXT NOT NULL DEFAULT '',
  verification TEXT NOT NULL DEFAULT 'UNVERIFIED',
  description TEXT NOT NULL DEFAULT '',
  hotspot_id {{BIGINT}} REFERENCES conflict_hotspots (id),
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX conflict_incidents_region ON conflict_incidents (region_code, occurred_on);
CREATE INDEX conflict_incidents_date ON conflict_incidents (occurred_on);

CREATE TABLE conflict_statuses (
  id {{ID}},
  scale TEXT NOT NULL CHECK (scale IN ('KABKOTA', 'PROVINSI', 'NASIONAL')),
  region_code {{CODE}} NOT NULL,
  hotspot_id {{BIGINT}} REFERENCES conflict_hotspots (id),
  decree_number TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  extension_decree TEXT,
  extended_to TEXT,
  ended_on TEXT,
  status TEXT NOT NULL DEFAULT 'ACTIVE',
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);

CREATE TABLE conflict_alert_rules (
  code TEXT PRIMARY KEY,
  active {{BIGINT}} NOT NULL DEFAULT 1,
  days {{BIGINT}} NOT NULL DEFAULT 7,
  factor {{DOUBLE}} NOT NULL DEFAULT 2.0,
  min_incidents {{BIGINT}} NOT NULL DEFAULT 3,
  baseline_days {{BIGINT}} NOT NULL DEFAULT 90,
  response_days {{BIGINT}} NOT NULL DEFAULT 3,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
INSERT INTO conflict_alert_rules (code) VALUES ('INCIDENT_SURGE'), ('FATALITY'), ('HOTSPOT_ESCALATING');

CREATE TABLE conflict_alerts (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  rule_code TEXT NOT NULL,
  reason_id TEXT NOT NULL,
  reason_en TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  assigned_agency TEXT,
  due_date TEXT,
  status TEXT NOT NULL DEFAULT 'OPEN',
  response TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  closed_at TEXT,
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX conflict_alerts_region ON conflict_alerts (region_code, status);
