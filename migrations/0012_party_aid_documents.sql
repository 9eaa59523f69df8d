-- Party-aid documents (banpol, DOMAIN.md §2.5, §2.8): the verification team (Tim Verifikasi,
-- named by decree of the head of region) of an application, who sign the Berita Acara hasil
-- verifikasi, and the legal instruments cited under "Mengingat" in the draft decree on the
-- amounts per party (data, so that a region can follow its own drafting).
ALTER TABLE banpol_applications ADD COLUMN verification_decree_no TEXT NOT NULL DEFAULT '';
ALTER TABLE banpol_applications ADD COLUMN verification_date TEXT;  -- YYYY-MM-DD of the team's meeting

CREATE TABLE banpol_verification_members (
  application_id {{BIGINT}} NOT NULL REFERENCES banpol_applications (id),
  seq INTEGER NOT NULL,                      -- order in the team, from 1
  name TEXT NOT NULL,
  nip TEXT NOT NULL DEFAULT '',              -- 18 digits for a civil servant, else empty
  job_title TEXT NOT NULL DEFAULT '',        -- jabatan in the office
  team_role TEXT NOT NULL CHECK (team_role IN ('KETUA', 'SEKRETARIS', 'ANGGOTA')),
  PRIMARY KEY (application_id, seq)
);

-- tier: ALL, or only for the decree of a province (DPRD_PROVINSI) / kab/kota (DPRD_KABKOTA).
CREATE TABLE banpol_legal_instruments (
  sort_order INTEGER PRIMARY KEY,
  tier TEXT NOT NULL DEFAULT 'ALL' CHECK (tier IN ('ALL', 'DPRD_PROVINSI', 'DPRD_KABKOTA')),
  citation TEXT NOT NULL,
  confidence TEXT NOT NULL DEFAULT 'C'
);
INSERT INTO banpol_legal_instruments (sort_order, tier, citation, confidence) VALUES
  (10, 'ALL', 'Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik sebagaimana telah diubah dengan Undang-Undang Nomor 2 Tahun 2011 tentang Perubahan atas Undang-Undang Nomor 2 Tahun 2008 tentang Partai Politik', 'C'),
  (20, 'ALL', 'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah beberapa kali diubah', 'P'),
  (30, 'ALL', 'Peraturan Pemerintah Nomor 5 Tahun 2009 tentang Bantuan Keuangan kepada Partai Politik sebagaimana telah beberapa kali diubah, terakhir dengan Peraturan Pemerintah Nomor 1 Tahun 2018', 'C'),
  (40, 'ALL', 'Peraturan Menteri Dalam Negeri Nomor 36 Tahun 2018 tentang Tata Cara Penghitungan, Penganggaran dalam Anggaran Pendapatan dan Belanja Daerah, Pengajuan, Penyaluran, dan Laporan Pertanggungjawaban Penggunaan Bantuan Keuangan Partai Politik sebagaimana telah diubah dengan Peraturan Menteri Dalam Negeri Nomor 78 Tahun 2020', 'C');
