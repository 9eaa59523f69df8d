-- Political-development monitoring (Permendagri 61/2011): report types with their deadline rules,
-- periodic reports and their review, fast incidental reports, categories, notifications.

CREATE TABLE report_types (
  code TEXT PRIMARY KEY,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  period_type TEXT NOT NULL CHECK (period_type IN ('MONTHLY', 'QUARTERLY', 'SEMESTER', 'ANNUAL')),
  submitter_level {{BIGINT}} NOT NULL CHECK (submitter_level BETWEEN 1 AND 3),
  due_unit TEXT NOT NULL CHECK (due_unit IN ('HOURS', 'CALENDAR_DAYS', 'WORKING_DAYS', 'MONTHS')),
  due_value {{BIGINT}} NOT NULL CHECK (due_value >= 0),
  legal_basis TEXT NOT NULL,
  confirmed {{BIGINT}} NOT NULL DEFAULT 0,   -- 0: the rule is not confirmed in the regulation text
  effective_from TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);

-- Seed rules: DOMAIN.md §1.4 and §11 (unconfirmed frequencies and deadlines, kept as data).
INSERT INTO report_types VALUES
 ('TRIWULAN', 'Laporan triwulan perkembangan politik (kab/kota)', 'Quarterly political-development report (kab/kota)',
  'QUARTERLY', 2, 'CALENDAR_DAYS', 10, 'Permendagri 61/2011; SE Mendagri 200.6.1/1129/Polpum (2023)', 0, '2023-02-09', 1),
 ('TRIWULAN_PROVINSI', 'Laporan triwulan perkembangan politik (provinsi)', 'Quarterly political-development report (province)',
  'QUARTERLY', 1, 'CALENDAR_DAYS', 20, 'Permendagri 61/2011; SE Mendagri 200.6.1/1129/Polpum (2023)', 0, '2023-02-09', 1),
 ('BULANAN_KECAMATAN', 'Laporan bulanan situasi kecamatan', 'Monthly kecamatan situation report',
  'MONTHLY', 3, 'CALENDAR_DAYS', 5, 'Praktik daerah (contoh: Kab. Buleleng 2025)', 0, '2023-01-01', 1);

CREATE TABLE monitoring_categories (
  code TEXT PRIMARY KEY,
  parent_code TEXT,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  active {{BIGINT}} NOT NULL DEFAULT 1
);
INSERT INTO monitoring_categories (code, parent_code, name_id, name_en) VALUES
 ('ELECTION_STAGE', NULL, 'Pelaksanaan tahapan pemilu/pilkada', 'Election stages'),
 ('ELECTION_STAGE.LOGISTICS', 'ELECTION_STAGE', 'Distribusi logistik', 'Logistics distribution'),
 ('ELECTION_STAGE.VOTER_LIST', 'ELECTION_STAGE', 'Pemutakhiran data pemilih', 'Voter-list updating'),
 ('ELECTION_STAGE.CAMPAIGN', 'ELECTION_STAGE', 'Kampanye', 'Campaign'),
 ('ELECTION_STAGE.VOTING', 'ELECTION_STAGE', 'Pemungutan dan penghitungan suara', 'Voting and counting'),
 ('ELECTION_STAGE.DISPUTE', 'ELECTION_STAGE', 'Sengketa hasil', 'Result disputes'),
 ('POLITICAL_SITUATION', NULL, 'Situasi politik daerah', 'Regional political situation'),
 ('POLITICAL_SITUATION.DEMONSTRATION', 'POLITICAL_SITUATION', 'Unjuk rasa', 'Demonstration'),
 ('POLITICAL_SITUATION.PARTY_DISPUTE', 'POLITICAL_SITUATION', 'Konflik internal partai', 'Internal party dispute'),
 ('POLITICAL_SITUATION.EXEC_DPRD', 'POLITICAL_SITUATION', 'Hubungan eksekutif-DPRD', 'Executive-DPRD relations'),
 ('POLITICAL_SITUATION.SARA_HOAX', 'POLITICAL_SITUATION', 'Isu SARA, hoaks, ujaran kebencian', 'SARA issues, hoaxes, hate speech'),
 ('POLITICAL_SITUATION.MONEY_POLITICS', 'POLITICAL_SITUATION', 'Politik uang', 'Money politics'),
 ('POLITICAL_SITUATION.ASN_NEUTRALITY', 'POLITICAL_SITUATION', 'Netralitas ASN', 'Civil-servant neutrality'),
 ('GOV_SUPPORT', NULL, 'Dukungan pemerintah daerah', 'Regional-government support'),
 ('POLITICAL_ACTORS', NULL, 'Data suprastruktur dan infrastruktur politik', 'Political actors'),
 ('POP_DATA', NULL, 'Data kependudukan terkait pemilu', 'Population data for elections'),
 ('POLITICAL_EDUCATION', NULL, 'Pendidikan dan partisipasi politik', 'Political education and participation');

CREATE TABLE periodic_reports (
  id {{ID}},
  report_type TEXT NOT NULL REFERENCES report_types (code),
  region_code {{CODE}} NOT NULL,
  org_unit_id {{BIGINT}} NOT NULL REFERENCES org_units (id),
  period TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  due_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'DRAFT',
  general_situation TEXT NOT NULL DEFAULT '',
  election_stages TEXT NOT NULL DEFAULT '',
  gov_support TEXT NOT NULL DEFAULT '',
  potential_threats TEXT NOT NULL DEFAULT '',
  measures_taken TEXT NOT NULL DEFAULT '',
  recommendations TEXT NOT NULL DEFAULT '',
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  submitted_at TEXT,
  submitted_by {{BIGINT}} REFERENCES users (id),
  reviewed_at TEXT,
  reviewed_by {{BIGINT}} REFERENCES users (id),
  review_note TEXT,
  consolidated_into {{BIGINT}} REFERENCES periodic_reports (id),
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1,
  UNIQUE (report_type, region_code, period)
);
CREATE INDEX periodic_reports_region ON periodic_reports (region_code, period);
CREATE INDEX periodic_reports_period ON periodic_reports (report_type, period, region_code);

CREATE TABLE political_events (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  location_text TEXT NOT NULL DEFAULT '',
  lat {{DOUBLE}},
  lng {{DOUBLE}},
  occurred_at TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  category_code TEXT NOT NULL REFERENCES monitoring_categories (code),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  actors TEXT NOT NULL DEFAULT '[]',
  escalation_level TEXT NOT NULL CHECK (escalation_level IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  source TEXT NOT NULL CHECK (source IN ('FIELD', 'MEDIA', 'AGENCY', 'PUBLIC_REPORT')),
  source_ref TEXT NOT NULL DEFAULT '',
  handling TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'REPORTED',
  status_note TEXT NOT NULL DEFAULT '',
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  reported_by {{BIGINT}} NOT NULL REFERENCES users (id),
  org_unit_id {{BIGINT}} NOT NULL REFERENCES org_units (id),
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX political_events_region ON political_events (region_code, id);
CREATE INDEX political_events_time ON political_events (occurred_at);

-- In-app notifications addressed to an office (region) and a permission within it.
CREATE TABLE notifications (
  id {{ID}},
  recipient_region {{CODE}} NOT NULL,
  permission TEXT NOT NULL,
  title_id TEXT NOT NULL,
  title_en TEXT NOT NULL,
  link TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX notifications_recipient ON notifications (recipient_region, id);
CREATE TABLE notification_reads (
  notification_id {{BIGINT}} NOT NULL REFERENCES notifications (id),
  user_id {{BIGINT}} NOT NULL REFERENCES users (id),
  read_at TEXT NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
