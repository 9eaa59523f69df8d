-- The document register (docs/REPORTS.md): every official PDF Pantau issues gets an entry with
-- its number, kind, date, issuing office and the SHA-256 of its bytes, and an unguessable code
-- that the QR code on the page opens at /verifikasi/<code>. A changed document supersedes the
-- entry it replaces. Also the office data official documents print: the city where the office
-- sits (the place of signing) and its short name in document numbers; the NIP, rank (pangkat)
-- and position of an official in signature blocks.
ALTER TABLE org_units ADD COLUMN city TEXT NOT NULL DEFAULT '';
ALTER TABLE org_units ADD COLUMN short_code TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN nip TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN rank TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN position_title TEXT NOT NULL DEFAULT '';

-- Kinds of official documents and the archive classification code that opens their number
-- (klasifikasi arsip of the regional government; an office may change it).
CREATE TABLE document_kinds (
  code TEXT PRIMARY KEY,
  name_id TEXT NOT NULL,
  name_en TEXT NOT NULL,
  classification TEXT NOT NULL DEFAULT ''
);
INSERT INTO document_kinds (code, name_id, name_en, classification) VALUES
  ('MONITORING_REPORT', 'Laporan perkembangan politik di daerah', 'Report on regional political development', '200.1'),
  ('BANPOL_BA_VERIFICATION', 'Berita Acara hasil verifikasi bantuan keuangan partai politik', 'Verification report of party financial aid', '900.1.3'),
  ('BANPOL_BA_HANDOVER', 'Berita Acara serah terima bantuan keuangan partai politik', 'Handover report of party financial aid', '900.1.3'),
  ('BANPOL_DECREE_DRAFT', 'Draf Keputusan kepala daerah tentang bantuan keuangan partai politik', 'Draft decree on party financial aid', '100.3.3'),
  ('CONFLICT_MAP_REPORT', 'Laporan peta rawan konflik sosial', 'Social conflict vulnerability map report', '300.2'),
  ('MEETING_BERITA_ACARA', 'Berita Acara rapat', 'Minutes of agreement of a meeting', '000.1.4');

CREATE TABLE document_register (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,               -- random, URL-safe; the QR code opens /verifikasi/<code>
  kind TEXT NOT NULL REFERENCES document_kinds (code),
  ref_entity TEXT NOT NULL,                -- the record the document is made from
  ref_id TEXT NOT NULL,
  title TEXT NOT NULL,
  number TEXT NOT NULL DEFAULT '',         -- '' for a draft
  seq {{BIGINT}},                             -- running number of the office in the year
  year {{BIGINT}} NOT NULL,
  draft {{BIGINT}} NOT NULL DEFAULT 0,
  region_code {{CODE}} NOT NULL,               -- the issuing office's region
  issuer_org_unit_id {{BIGINT}} REFERENCES org_units (id),
  issuer_name TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by {{BIGINT}} REFERENCES users (id),
  sha256 TEXT,                             -- NULL while the file is being made
  size {{BIGINT}},
  superseded_by {{BIGINT}} REFERENCES document_register (id),
  superseded_at TEXT
);
CREATE INDEX document_register_ref ON document_register (ref_entity, ref_id, kind, id);
CREATE UNIQUE INDEX document_register_seq ON document_register (region_code, year, seq) WHERE seq IS NOT NULL;
