-- Financial aid to political parties (bantuan keuangan partai politik, "banpol"; DOMAIN.md §2):
-- default values per vote (data), the value per vote of a region and fiscal year, party boards,
-- applications with their documents and usage plan, and the accountability report (LPJ) cycle.
-- Election results are the platform's election_results table. Money is whole Rupiah; a value
-- per vote is kept in sen (1/100 Rupiah) so that legacy values with sen stay exact.

-- PP 1/2018 Art. 5 defaults per chamber, by fiscal year (to_year inclusive; NULL = still in force).
CREATE TABLE banpol_default_values (
  chamber TEXT NOT NULL CHECK (chamber IN ('DPR', 'DPRD_PROVINSI', 'DPRD_KABKOTA')),
  from_year {{BIGINT}} NOT NULL,
  to_year {{BIGINT}},
  value_sen {{BIGINT}} NOT NULL CHECK (value_sen > 0),
  legal_basis TEXT NOT NULL,
  confidence TEXT NOT NULL DEFAULT 'C',
  PRIMARY KEY (chamber, from_year)
);
INSERT INTO banpol_default_values (chamber, from_year, to_year, value_sen, legal_basis, confidence) VALUES
  ('DPR', 2018, NULL, 100000, 'PP 1/2018 Pasal 5 ayat (1)', 'C'),
  ('DPRD_PROVINSI', 2018, NULL, 120000, 'PP 1/2018 Pasal 5 ayat (2)', 'C'),
  ('DPRD_KABKOTA', 2018, NULL, 150000, 'PP 1/2018 Pasal 5 ayat (3)', 'C');

-- The budget parameters of one region's aid for one fiscal year: the value per vote with its
-- basis, the election whose votes count, and in a transition year the inauguration date of the
-- new DPRD with the old DPRD's election.
CREATE TABLE banpol_vote_values (
  id {{ID}},
  region_code {{CODE}} NOT NULL,                 -- '' = national (APBN)
  fiscal_year {{BIGINT}} NOT NULL,
  value_sen {{BIGINT}} NOT NULL CHECK (value_sen > 0),
  basis TEXT NOT NULL CHECK (basis IN ('DEFAULT_PP_1_2018', 'GRANDFATHERED', 'APPROVED_INCREASE', 'LEGACY_FORMULA')),
  approval_letter_no TEXT NOT NULL DEFAULT '', -- the minister's letter for APPROVED_INCREASE
  legal_basis TEXT NOT NULL,
  rounding TEXT NOT NULL DEFAULT 'ROUND_HALF_UP' CHECK (rounding IN ('ROUND_HALF_UP', 'FLOOR')),
  election_year {{BIGINT}} NOT NULL,
  inauguration_date TEXT,                    -- YYYY-MM-DD in a transition year, else NULL
  previous_election_year {{BIGINT}},            -- the old DPRD's election in a transition year
  note TEXT NOT NULL DEFAULT '',
  created_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1,
  UNIQUE (region_code, fiscal_year)
);

-- Party boards (DPD/DPW/DPC) per region, as legalised by the national board. One RECOGNISED
-- board per party and region at a time; a new one supersedes it; DISPUTED puts aid on hold.
CREATE TABLE party_boards (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  party_abbreviation {{CODE}} NOT NULL,
  decree_no TEXT NOT NULL,
  decree_date TEXT NOT NULL,
  chair TEXT NOT NULL,
  secretary TEXT NOT NULL,
  treasurer TEXT NOT NULL,
  npwp TEXT NOT NULL DEFAULT '',
  bank_name TEXT NOT NULL DEFAULT '',
  bank_account_no TEXT NOT NULL DEFAULT '',
  bank_account_holder TEXT NOT NULL DEFAULT '',
  office_address TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,                             -- inclusive; NULL = open-ended
  status TEXT NOT NULL DEFAULT 'RECOGNISED' CHECK (status IN ('RECOGNISED', 'DISPUTED', 'SUPERSEDED')),
  status_note TEXT NOT NULL DEFAULT '',
  created_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX party_boards_region ON party_boards (region_code, party_abbreviation, status);
CREATE UNIQUE INDEX party_boards_one_recognised ON party_boards (region_code, party_abbreviation)
  WHERE status = 'RECOGNISED';

-- Documents an application needs (DOMAIN.md §2.4), as data. Not required in a party's first
-- year of eligibility: the audited LPJ of the previous year ([U]).
CREATE TABLE banpol_document_types (
  code TEXT PRIMARY KEY,
  sort_order {{BIGINT}} NOT NULL,
  required {{BIGINT}} NOT NULL DEFAULT 1,
  waived_in_first_year {{BIGINT}} NOT NULL DEFAULT 0,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  confidence TEXT NOT NULL DEFAULT 'C'
);
INSERT INTO banpol_document_types (code, sort_order, required, waived_in_first_year, name_id, name_en, confidence) VALUES
  ('APPLICATION_LETTER', 10, 1, 0, 'Surat permohonan ditandatangani ketua dan sekretaris, tembusan KPU dan Kepala Kesbangpol', 'Application letter signed by chair and secretary, copied to the KPU and the head of Kesbangpol', 'C'),
  ('DPP_DECREE', 20, 1, 0, 'SK DPP tentang susunan pengurus, dilegalisasi', 'National board decree on the board, legalised', 'C'),
  ('NPWP', 30, 1, 0, 'Fotokopi NPWP partai', 'Copy of the party tax number (NPWP)', 'C'),
  ('KPU_RESULT_LETTER', 40, 1, 0, 'Surat keterangan KPU tentang perolehan kursi dan suara, dilegalisasi', 'KPU letter on seats and votes, legalised', 'C'),
  ('BANK_ACCOUNT', 50, 1, 0, 'Nomor rekening kas umum partai dengan surat keterangan bank', 'Party general cash account with the bank''s statement', 'C'),
  ('USAGE_PLAN', 60, 1, 0, 'Rencana penggunaan bantuan (paling sedikit 60% pendidikan politik)', 'Usage plan (at least 60% political education)', 'C'),
  ('PREVIOUS_LPJ_AUDITED', 70, 1, 1, 'LPJ bantuan tahun sebelumnya yang telah diperiksa BPK', 'Last year''s accountability report audited by BPK', 'C'),
  ('CHAIR_STATEMENT', 80, 1, 0, 'Surat pernyataan ketua (tanggung jawab formal dan material), bermeterai', 'Chair''s statement of formal and material responsibility, on stamp duty', 'C'),
  ('RECEIPT', 90, 0, 0, 'Kuitansi bermeterai ditandatangani ketua dan bendahara', 'Receipt on stamp duty signed by chair and treasurer', 'P'),
  ('ID_CARDS', 100, 0, 0, 'Fotokopi KTP ketua, sekretaris dan bendahara', 'Copies of the ID cards of chair, secretary and treasurer', 'P');

-- Deadlines and thresholds of the programme, as data (offsets: '1M' = one month, '7D' = 7 days).
CREATE TABLE banpol_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  confidence TEXT NOT NULL
);
INSERT INTO banpol_settings (key, value, legal_basis, confidence) VALUES
  ('lpj.to_bpk', '1M', 'UU 2/2011 Pasal 34A; PP 1/2018', 'C'),
  ('lpj.audit', '3M', 'UU 2/2011 Pasal 34A', 'C'),
  ('lpj.lhp_to_party', '1M', 'UU 2/2011 Pasal 34A', 'C'),
  ('lpj.to_government', '1M', 'UU 2/2011 Pasal 34A (sebagian sumber: 1 minggu)', 'U'),
  ('usage.min_political_education_percent', '60', 'Permendagri 36/2018 jo 78/2020', 'C');

-- One party board's application for one fiscal year (DOMAIN.md §2.5).
CREATE TABLE banpol_applications (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  fiscal_year {{BIGINT}} NOT NULL,
  board_id {{BIGINT}} NOT NULL REFERENCES party_boards (id),
  party_abbreviation {{CODE}} NOT NULL,
  letter_no TEXT NOT NULL,
  letter_date TEXT NOT NULL,
  received_at TEXT NOT NULL,
  first_year {{BIGINT}} NOT NULL DEFAULT 0,     -- first year of eligibility: no previous LPJ
  status TEXT NOT NULL DEFAULT 'APPLICATION_RECEIVED',
  held_from TEXT,
  status_note TEXT NOT NULL DEFAULT '',
  ba_verification_no TEXT NOT NULL DEFAULT '',
  decree_no TEXT NOT NULL DEFAULT '',
  determined_amount {{BIGINT}},
  sp2d_no TEXT NOT NULL DEFAULT '',
  sp2d_date TEXT,
  disbursed_amount {{BIGINT}},
  created_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1,
  UNIQUE (region_code, fiscal_year, party_abbreviation)
);

CREATE TABLE banpol_application_documents (
  application_id {{BIGINT}} NOT NULL REFERENCES banpol_applications (id),
  doc_code TEXT NOT NULL REFERENCES banpol_document_types (code),
  file_id {{BIGINT}} REFERENCES evidence_files (id),
  verdict TEXT NOT NULL DEFAULT 'PENDING' CHECK (verdict IN ('PENDING', 'ACCEPTED', 'REJECTED')),
  note TEXT NOT NULL DEFAULT '',
  verdict_by {{BIGINT}} REFERENCES users (id),
  verdict_at TEXT,
  PRIMARY KEY (application_id, doc_code)
);

CREATE TABLE banpol_usage_lines (
  id {{ID}},
  application_id {{BIGINT}} NOT NULL REFERENCES banpol_applications (id),
  category TEXT NOT NULL CHECK (category IN ('POLITICAL_EDUCATION', 'OPERATIONAL')),
  activity TEXT NOT NULL,
  amount {{BIGINT}} NOT NULL CHECK (amount > 0)
);
CREATE INDEX banpol_usage_lines_application ON banpol_usage_lines (application_id, id);

-- The accountability report of one board for one fiscal year: the dates of each step.
CREATE TABLE banpol_lpj (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  fiscal_year {{BIGINT}} NOT NULL,
  party_abbreviation {{CODE}} NOT NULL,
  board_id {{BIGINT}} REFERENCES party_boards (id),
  submitted_to_bpk TEXT,
  audited TEXT,
  bpk_lhp_no TEXT NOT NULL DEFAULT '',
  lhp_received TEXT,
  submitted_to_government TEXT,
  findings_count {{BIGINT}} NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  created_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1,
  UNIQUE (region_code, fiscal_year, party_abbreviation)
);
