-- One actor across modules (src/modules/actors/public.h) and the ormas registry (DOMAIN.md §5):
-- ormas with their board, the local registration (tanda lapor) with its document checklist and
-- verification clock, annual activity reports, and the sanction ladder. Deadlines and the ladder
-- are data with their legal basis and the date they take effect.

CREATE TABLE actors (
  id {{ID}},
  kind TEXT NOT NULL CHECK (kind IN ('PERSON', 'ORGANISATION')),
  name TEXT NOT NULL,
  name_key {{CODE}} NOT NULL,
  nik {{CODE}},
  passport_no {{CODE}},
  nationality TEXT NOT NULL DEFAULT '',
  registry_no {{CODE}},
  region_code {{CODE}} NOT NULL DEFAULT '',
  merged_into {{BIGINT}} REFERENCES actors (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX actors_nik ON actors (nik) WHERE nik IS NOT NULL;
CREATE UNIQUE INDEX actors_passport ON actors (passport_no, nationality) WHERE passport_no IS NOT NULL;
CREATE INDEX actors_registry ON actors (registry_no) WHERE registry_no IS NOT NULL;
CREATE INDEX actors_name_key ON actors (name_key);
CREATE INDEX actors_merged ON actors (merged_into) WHERE merged_into IS NOT NULL;

-- Every word of an actor's name key, for suggestions on any word while typing.
CREATE TABLE actor_words (
  word {{CODE}} NOT NULL,
  actor_id {{BIGINT}} NOT NULL REFERENCES actors (id),
  PRIMARY KEY (word, actor_id)
);

-- The roles of an actor, written by the module that owns each record.
CREATE TABLE actor_links (
  id {{ID}},
  actor_id {{BIGINT}} NOT NULL REFERENCES actors (id),
  module TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id {{CODE}} NOT NULL,
  role TEXT NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  region_code {{CODE}} NOT NULL DEFAULT '',
  classification INTEGER NOT NULL DEFAULT 0,
  linked_by INTEGER,
  linked_at TEXT NOT NULL,
  UNIQUE (entity, entity_id, role)
);
CREATE INDEX actor_links_actor ON actor_links (actor_id);

-- An officer's decision that a suggested record is NOT this actor (not suggested again).
CREATE TABLE actor_kept_apart (
  actor_id {{BIGINT}} NOT NULL REFERENCES actors (id),
  candidate {{CODE}} NOT NULL,
  decided_by INTEGER,
  decided_at TEXT NOT NULL,
  PRIMARY KEY (actor_id, candidate)
);

CREATE TABLE ormas (
  id {{ID}},
  name TEXT NOT NULL,
  abbreviation TEXT NOT NULL DEFAULT '',
  name_key {{CODE}} NOT NULL,
  legal_form TEXT NOT NULL CHECK (legal_form IN ('PERKUMPULAN_BH', 'YAYASAN_BH', 'NON_BH')),
  scope_level TEXT NOT NULL CHECK (scope_level IN ('NASIONAL', 'PROVINSI', 'KABKOTA')),
  fields TEXT NOT NULL DEFAULT '',
  founding_date TEXT,
  deed_notary TEXT NOT NULL DEFAULT '',
  deed_no TEXT NOT NULL DEFAULT '',
  deed_date TEXT,
  ahu_decree_no TEXT NOT NULL DEFAULT '',
  skt_no TEXT NOT NULL DEFAULT '',
  skt_issue_date TEXT,
  skt_expiry_date TEXT,
  npwp TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  region_code {{CODE}} NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  lat {{DOUBLE}},
  lng {{DOUBLE}},
  status TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ACTIVITY_STOPPED', 'REVOKED', 'INACTIVE')),
  actor_id {{BIGINT}} REFERENCES actors (id),
  classification INTEGER NOT NULL DEFAULT 0,
  created_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ormas_region ON ormas (region_code, id);
CREATE INDEX ormas_name_key ON ormas (name_key);
CREATE INDEX ormas_actor ON ormas (actor_id);
CREATE INDEX ormas_skt_expiry ON ormas (skt_expiry_date);

CREATE TABLE ormas_board_members (
  id {{ID}},
  ormas_id {{BIGINT}} NOT NULL REFERENCES ormas (id),
  actor_id {{BIGINT}} NOT NULL REFERENCES actors (id),
  nik {{CODE}} NOT NULL,
  name TEXT NOT NULL,
  name_key {{CODE}} NOT NULL,
  position TEXT NOT NULL,
  term_start TEXT,
  term_end TEXT,
  is_state_official INTEGER NOT NULL DEFAULT 0,
  region_code {{CODE}} NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX ormas_board_ormas ON ormas_board_members (ormas_id);
CREATE INDEX ormas_board_nik ON ormas_board_members (nik, ormas_id);
CREATE INDEX ormas_board_name ON ormas_board_members (name_key);
CREATE INDEX ormas_board_actor ON ormas_board_members (actor_id);

-- Documents of a local registration (Permendagri 57/2017 Art. 11-15), as data. `applies`:
-- ALWAYS, NON_BH / BH (legal form), RELIGION / BELIEF (field of activity), STATE_OFFICIAL
-- (a state official on the board).
CREATE TABLE ormas_document_types (
  code TEXT PRIMARY KEY,
  sort INTEGER NOT NULL,
  applies TEXT NOT NULL,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  legal_basis TEXT NOT NULL
);
INSERT INTO ormas_document_types VALUES
 ('AKTA', 10, 'ALWAYS', 'Akta pendirian (notaris) memuat AD/ART', 'Notarial deed of establishment with the statutes', 'UU 17/2013 Ps. 16 ayat (2)'),
 ('PROGRAM_KERJA', 20, 'ALWAYS', 'Program kerja', 'Work programme', 'UU 17/2013 Ps. 16 ayat (2)'),
 ('SK_PENGURUS', 30, 'ALWAYS', 'Surat keputusan susunan pengurus', 'Board decree', 'Permendagri 57/2017 Ps. 11'),
 ('BIODATA_KTP', 40, 'ALWAYS', 'Biodata, pasfoto dan e-KTP ketua, sekretaris, bendahara', 'Biodata, photos and e-KTP of chair, secretary, treasurer', 'Permendagri 57/2017 Ps. 11'),
 ('DOMISILI', 50, 'ALWAYS', 'Surat keterangan domisili sekretariat', 'Secretariat domicile letter', 'Permendagri 57/2017 Ps. 12'),
 ('BUKTI_SEKRETARIAT', 60, 'ALWAYS', 'Bukti kepemilikan/sewa/izin pakai sekretariat', 'Proof of ownership, lease or permission for the secretariat', 'Permendagri 57/2017 Ps. 12'),
 ('FOTO_KANTOR', 70, 'ALWAYS', 'Foto kantor tampak depan dengan papan nama', 'Photo of the office front with its name board', 'Permendagri 57/2017 Ps. 12'),
 ('NPWP', 80, 'ALWAYS', 'NPWP atas nama ormas', 'Tax number in the name of the ormas', 'UU 17/2013 Ps. 16 ayat (2)'),
 ('PERNYATAAN', 90, 'ALWAYS', 'Surat pernyataan ketua dan sekretaris', 'Statement signed by chair and secretary', 'Permendagri 57/2017 Ps. 13'),
 ('SKT_ATAU_BH', 100, 'ALWAYS', 'SKT Kemendagri atau pengesahan badan hukum (AHU)', 'SKT of the Ministry or legal-entity approval (AHU)', 'Permendagri 57/2017 Ps. 7 ayat (2)'),
 ('REKOM_KEMENAG', 110, 'RELIGION', 'Rekomendasi Kementerian Agama', 'Recommendation of the Ministry of Religious Affairs', 'Permendagri 57/2017 Ps. 14'),
 ('REKOM_KEBUDAYAAN', 120, 'BELIEF', 'Rekomendasi instansi kebudayaan', 'Recommendation of the culture office', 'Permendagri 57/2017 Ps. 14'),
 ('PERSETUJUAN_PEJABAT', 130, 'STATE_OFFICIAL', 'Surat persetujuan pejabat negara/pemerintahan dalam kepengurusan', 'Consent of state or government officials on the board', 'Permendagri 57/2017 Ps. 15'),
 ('FORM_DATA', 140, 'ALWAYS', 'Formulir data ormas', 'Ormas data form', 'Permendagri 57/2017 Ps. 11');

-- Deadlines of the registry, as data (DOMAIN.md §11). Units: WORKING_DAYS, CALENDAR_DAYS, YEARS,
-- END_OF_YEAR (the value is days after 31 December of the report's year).
CREATE TABLE ormas_deadline_rules (
  code TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  offset_value INTEGER NOT NULL,
  offset_unit TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  PRIMARY KEY (code, effective_from)
);
INSERT INTO ormas_deadline_rules VALUES
 ('VERIFICATION', '2017-08-01', 15, 'WORKING_DAYS', 'Permendagri 57/2017: verifikasi paling lama 15 hari kerja'),
 ('COMPLETION', '2017-08-01', 15, 'WORKING_DAYS', 'Permendagri 57/2017: kelengkapan dokumen paling lama 15 hari kerja sejak pemberitahuan'),
 ('SKT_VALIDITY', '2017-08-01', 5, 'YEARS', 'Permendagri 57/2017: SKT berlaku 5 tahun'),
 ('SKT_REMIND_FIRST', '2017-08-01', 90, 'CALENDAR_DAYS', 'Pengingat perpanjangan SKT (ketentuan kantor)'),
 ('SKT_REMIND_SECOND', '2017-08-01', 30, 'CALENDAR_DAYS', 'Pengingat perpanjangan SKT (ketentuan kantor)'),
 ('ANNUAL_REPORT', '2013-07-22', 0, 'END_OF_YEAR', 'UU 17/2013 Ps. 21 huruf f; pernyataan kesediaan melapor setiap akhir tahun');

-- The sanction ladder (UU 17/2013 as amended by UU 16/2017 Ps. 61-62; the original ladder of
-- UU 17/2013 Ps. 61-69 for records before 10 July 2017). `response_*`: the time the ormas has to
-- comply with a step.
CREATE TABLE ormas_sanction_steps (
  regime TEXT NOT NULL,
  step INTEGER NOT NULL,
  level TEXT NOT NULL,
  response_value INTEGER NOT NULL DEFAULT 0,
  response_unit TEXT NOT NULL DEFAULT 'WORKING_DAYS',
  legal_basis TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to TEXT,
  PRIMARY KEY (regime, step)
);
INSERT INTO ormas_sanction_steps VALUES
 ('UU_17_2013', 1, 'WARNING', 30, 'CALENDAR_DAYS', 'UU 17/2013 Ps. 62-64 (peringatan tertulis kesatu)', '2013-07-22', '2017-07-09'),
 ('UU_17_2013', 2, 'WARNING', 30, 'CALENDAR_DAYS', 'UU 17/2013 Ps. 62-64 (peringatan tertulis kedua)', '2013-07-22', '2017-07-09'),
 ('UU_17_2013', 3, 'WARNING', 30, 'CALENDAR_DAYS', 'UU 17/2013 Ps. 62-64 (peringatan tertulis ketiga)', '2013-07-22', '2017-07-09'),
 ('UU_17_2013', 4, 'ACTIVITY_STOP', 0, 'CALENDAR_DAYS', 'UU 17/2013 Ps. 65 (penghentian sementara kegiatan)', '2013-07-22', '2017-07-09'),
 ('UU_17_2013', 5, 'REVOCATION', 0, 'CALENDAR_DAYS', 'UU 17/2013 Ps. 68 (pencabutan SKT/status badan hukum)', '2013-07-22', '2017-07-09'),
 ('UU_16_2017', 1, 'WARNING', 7, 'WORKING_DAYS', 'UU 17/2013 Ps. 62 ayat (1) jo. UU 16/2017: peringatan tertulis satu kali dalam 7 hari kerja', '2017-07-10', NULL),
 ('UU_16_2017', 2, 'ACTIVITY_STOP', 0, 'WORKING_DAYS', 'UU 17/2013 Ps. 62 ayat (2) jo. UU 16/2017: penghentian kegiatan', '2017-07-10', NULL),
 ('UU_16_2017', 3, 'REVOCATION', 0, 'WORKING_DAYS', 'UU 17/2013 Ps. 62 ayat (3) jo. UU 16/2017: pencabutan SKT/status badan hukum', '2017-07-10', NULL);

-- A local registration (tanda lapor / surat keterangan): the ormas' board in this region reports
-- its existence with its documents; the office verifies within the clock.
CREATE TABLE ormas_registrations (
  id {{ID}},
  ormas_id {{BIGINT}} NOT NULL REFERENCES ormas (id),
  region_code {{CODE}} NOT NULL,
  status TEXT NOT NULL DEFAULT 'SUBMITTED',
  submitted_on TEXT NOT NULL,
  clock_start TEXT NOT NULL,
  verification_due TEXT NOT NULL,
  completion_due TEXT,
  receipt_no TEXT NOT NULL DEFAULT '',
  decided_on TEXT,
  reason TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ormas_registrations_ormas ON ormas_registrations (ormas_id);
CREATE INDEX ormas_registrations_region ON ormas_registrations (region_code, status);

CREATE TABLE ormas_registration_documents (
  registration_id {{BIGINT}} NOT NULL REFERENCES ormas_registrations (id),
  doc_type TEXT NOT NULL REFERENCES ormas_document_types (code),
  verdict TEXT NOT NULL DEFAULT 'PENDING' CHECK (verdict IN ('PENDING', 'VALID', 'INVALID')),
  note TEXT NOT NULL DEFAULT '',
  file_sha256 TEXT NOT NULL DEFAULT '',
  checked_by INTEGER,
  checked_at TEXT,
  PRIMARY KEY (registration_id, doc_type)
);

CREATE TABLE ormas_annual_reports (
  id {{ID}},
  ormas_id {{BIGINT}} NOT NULL REFERENCES ormas (id),
  year INTEGER NOT NULL,
  due_date TEXT NOT NULL,
  submitted_on TEXT NOT NULL,
  activities TEXT NOT NULL DEFAULT '',
  finances_summary TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (ormas_id, year)
);

CREATE TABLE ormas_sanctions (
  id {{ID}},
  ormas_id {{BIGINT}} NOT NULL REFERENCES ormas (id),
  regime TEXT NOT NULL,
  step INTEGER NOT NULL,
  level TEXT NOT NULL,
  decree_no TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  compliance_due TEXT,
  complied_on TEXT,
  legal_basis TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_by INTEGER,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX ormas_sanctions_ormas ON ormas_sanctions (ormas_id, step);
