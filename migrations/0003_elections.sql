-- Elections and the regional-government support checklist (dukungan pemerintah daerah,
-- UU 7/2017 Art. 434): elections, checklist items (data, with legal basis and effective date),
-- support instruments per Perangkat Daerah, and their evidence (data dukung) with verdicts.

CREATE TABLE elections (
  id {{ID}},
  type TEXT NOT NULL CHECK (type IN ('PEMILU', 'PILKADA')),
  year {{BIGINT}} NOT NULL,
  name TEXT NOT NULL,
  polling_date TEXT NOT NULL,               -- YYYY-MM-DD
  scope_region_code {{CODE}} NOT NULL DEFAULT '', -- '' = national
  legal_basis TEXT NOT NULL DEFAULT '',
  created_by {{BIGINT}} REFERENCES users (id),   -- NULL = shipped with the product
  created_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1,
  UNIQUE (type, polling_date, scope_region_code)
);

CREATE TABLE support_items (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  description_id TEXT NOT NULL,
  description_en TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  confidence TEXT NOT NULL DEFAULT 'U' CHECK (confidence IN ('C', 'P', 'U')),
  source_note TEXT NOT NULL DEFAULT '',
  effective_from TEXT NOT NULL,             -- YYYY-MM-DD
  effective_to TEXT,                        -- exclusive; NULL = still in force
  has_amount {{BIGINT}} NOT NULL DEFAULT 0,
  applies_to TEXT NOT NULL DEFAULT 'ALL' CHECK (applies_to IN ('ALL', 'PEMILU', 'PILKADA')),
  sort_order {{BIGINT}} NOT NULL DEFAULT 1000,
  added_by {{BIGINT}} REFERENCES users (id),   -- NULL = shipped with the product
  created_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);

CREATE TABLE support_instruments (
  id {{ID}},
  election_id {{BIGINT}} NOT NULL REFERENCES elections (id),
  region_code {{CODE}} NOT NULL,                -- region of the Perangkat Daerah
  org_unit_id {{BIGINT}} NOT NULL REFERENCES org_units (id),
  item_id {{BIGINT}} NOT NULL REFERENCES support_items (id),
  target TEXT NOT NULL DEFAULT '',
  realisation TEXT NOT NULL DEFAULT '',
  amount_rupiah {{BIGINT}},                    -- NULL: no amount applies, or not known yet
  status TEXT NOT NULL DEFAULT 'NOT_STARTED'
    CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_APPLICABLE')),
  note TEXT NOT NULL DEFAULT '',            -- also the reason when NOT_APPLICABLE
  classification {{BIGINT}} NOT NULL DEFAULT 0 CHECK (classification BETWEEN 0 AND 2),
  assigned_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1,
  UNIQUE (election_id, region_code, org_unit_id, item_id)
);
CREATE INDEX support_instruments_region ON support_instruments (election_id, region_code, id);
CREATE INDEX support_instruments_unit ON support_instruments (org_unit_id, id);

-- One row per evidence file linked to an instrument. A replacement supersedes the evidence it
-- replaces; superseded rows stay as history and no longer count.
CREATE TABLE support_evidence (
  id {{ID}},
  instrument_id {{BIGINT}} NOT NULL REFERENCES support_instruments (id),
  file_id {{BIGINT}} NOT NULL UNIQUE REFERENCES evidence_files (id),
  description TEXT NOT NULL DEFAULT '',
  replaces_id {{BIGINT}} REFERENCES support_evidence (id),
  superseded_by {{BIGINT}} REFERENCES support_evidence (id),
  verdict TEXT NOT NULL DEFAULT 'PENDING' CHECK (verdict IN ('PENDING', 'ACCEPTED', 'REJECTED', 'INCOMPLETE')),
  verdict_note TEXT NOT NULL DEFAULT '',
  verdict_by {{BIGINT}} REFERENCES users (id),
  verdict_at TEXT,
  linked_by {{BIGINT}} REFERENCES users (id),
  linked_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
-- Covers the per-instrument counts by verdict of the current evidence.
CREATE INDEX support_evidence_instrument ON support_evidence (instrument_id, superseded_by, verdict);

INSERT INTO elections (type, year, name, polling_date, scope_region_code, legal_basis, created_at) VALUES
  ('PEMILU', 2024, 'Pemilihan Umum 2024', '2024-02-14', '', 'UU 7/2017 tentang Pemilihan Umum', '2024-01-01T00:00:00.000Z'),
  ('PILKADA', 2024, 'Pemilihan Serentak Nasional 2024 (Gubernur, Bupati dan Wali Kota)', '2024-11-27', '',
   'UU 10/2016 Pasal 201 ayat (8)', '2024-01-01T00:00:00.000Z');

-- The Art. 434 items are the content commonly cited for that article; its exact wording is not
-- confirmed (confidence U). The other items are support given in regional practice (P).
INSERT INTO support_items (code, description_id, description_en, legal_basis, confidence, source_note, effective_from,
                           has_amount, applies_to, sort_order, created_at) VALUES
  ('P434_PERSONEL', 'Penugasan personel pada sekretariat PPK dan PPS',
   'Assigning personnel to the secretariats of the sub-district (PPK) and village (PPS) election committees',
   'UU 7/2017 Pasal 434', 'U', 'Isi Pasal 434 sebagaimana lazim dikutip; redaksi belum dikonfirmasi. / Commonly cited content of Art. 434; wording unconfirmed.',
   '2017-08-16', 0, 'ALL', 10, '2024-01-01T00:00:00.000Z'),
  ('P434_RUANG_SEKRETARIAT', 'Penyediaan ruang sekretariat PPK dan PPS',
   'Providing office space for the PPK and PPS secretariats',
   'UU 7/2017 Pasal 434', 'U', 'Isi Pasal 434 sebagaimana lazim dikutip; redaksi belum dikonfirmasi. / Commonly cited content of Art. 434; wording unconfirmed.',
   '2017-08-16', 0, 'ALL', 20, '2024-01-01T00:00:00.000Z'),
  ('P434_SOSIALISASI', 'Sosialisasi pemilu kepada masyarakat',
   'Public socialisation of the election',
   'UU 7/2017 Pasal 434', 'U', 'Isi Pasal 434 sebagaimana lazim dikutip; redaksi belum dikonfirmasi. / Commonly cited content of Art. 434; wording unconfirmed.',
   '2017-08-16', 0, 'ALL', 30, '2024-01-01T00:00:00.000Z'),
  ('P434_PENDIDIKAN_POLITIK', 'Pendidikan politik bagi pemilih',
   'Political education for voters',
   'UU 7/2017 Pasal 434', 'U', 'Isi Pasal 434 sebagaimana lazim dikutip; redaksi belum dikonfirmasi. / Commonly cited content of Art. 434; wording unconfirmed.',
   '2017-08-16', 0, 'ALL', 40, '2024-01-01T00:00:00.000Z'),
  ('P434_TRANSPORTASI_LOGISTIK', 'Kelancaran transportasi pengiriman logistik',
   'Smooth transport for the delivery of election logistics',
   'UU 7/2017 Pasal 434', 'U', 'Isi Pasal 434 sebagaimana lazim dikutip; redaksi belum dikonfirmasi. / Commonly cited content of Art. 434; wording unconfirmed.',
   '2017-08-16', 0, 'ALL', 50, '2024-01-01T00:00:00.000Z'),
  ('P434_PEMANTAUAN', 'Pemantauan kelancaran penyelenggaraan pemilu',
   'Monitoring the smooth running of the election',
   'UU 7/2017 Pasal 434', 'U', 'Isi Pasal 434 sebagaimana lazim dikutip; redaksi belum dikonfirmasi. / Commonly cited content of Art. 434; wording unconfirmed.',
   '2017-08-16', 0, 'ALL', 60, '2024-01-01T00:00:00.000Z'),
  ('P434_LAINNYA', 'Kegiatan lain yang diperlukan penyelenggara pemilu',
   'Other activities needed by the election organisers',
   'UU 7/2017 Pasal 434', 'U', 'Isi Pasal 434 sebagaimana lazim dikutip; redaksi belum dikonfirmasi. / Commonly cited content of Art. 434; wording unconfirmed.',
   '2017-08-16', 0, 'ALL', 70, '2024-01-01T00:00:00.000Z'),
  ('HIBAH_KPU', 'Hibah dana pemilihan kepada KPU daerah melalui NPHD',
   'Grant funding (NPHD) to the regional election commission (KPU)',
   'Permendagri 54/2019 sebagaimana telah diubah', 'P', 'Praktik daerah; nomor perubahan Permendagri belum dikonfirmasi. / Regional practice; the amending regulation number is unconfirmed.',
   '2017-08-16', 1, 'PILKADA', 110, '2024-01-01T00:00:00.000Z'),
  ('HIBAH_BAWASLU', 'Hibah dana pengawasan pemilihan kepada Bawaslu daerah melalui NPHD',
   'Grant funding (NPHD) to the regional election supervisor (Bawaslu)',
   'Permendagri 54/2019 sebagaimana telah diubah', 'P', 'Praktik daerah; nomor perubahan Permendagri belum dikonfirmasi. / Regional practice; the amending regulation number is unconfirmed.',
   '2017-08-16', 1, 'PILKADA', 120, '2024-01-01T00:00:00.000Z'),
  ('DUKUNGAN_PENGAMANAN', 'Dukungan pengamanan penyelenggaraan pemilu',
   'Security support for the election',
   'Praktik pemerintah daerah', 'P', 'Praktik daerah. / Regional practice.',
   '2017-08-16', 1, 'ALL', 130, '2024-01-01T00:00:00.000Z'),
  ('DATA_KEPENDUDUKAN', 'Penyerahan data kependudukan oleh Dukcapil',
   'Handover of population data by the civil-registration office (Dukcapil)',
   'Praktik pemerintah daerah', 'P', 'Praktik daerah. / Regional practice.',
   '2017-08-16', 0, 'ALL', 140, '2024-01-01T00:00:00.000Z'),
  ('DUKUNGAN_INFORMASI', 'Dukungan informasi dan publikasi oleh Diskominfo',
   'Information and publicity support by the communication office (Diskominfo)',
   'Praktik pemerintah daerah', 'P', 'Praktik daerah. / Regional practice.',
   '2017-08-16', 0, 'ALL', 150, '2024-01-01T00:00:00.000Z'),
  ('FASILITASI_PARPOL', 'Fasilitasi partai politik',
   'Facilitation of political parties',
   'Praktik pemerintah daerah', 'P', 'Praktik daerah. / Regional practice.',
   '2017-08-16', 0, 'ALL', 160, '2024-01-01T00:00:00.000Z');
