-- The evidence-proposal rules for the two sources that now exist: meetings held with parties or
-- ormas (indicator 9, public participation in policy) and public-information requests answered
-- late or refused without a valid exemption (indicator 13, access to public information; a late
-- answer also 21, bureaucratic performance in public services). A MEETING rule matches the
-- meeting type and needs at least `threshold` participants from parties or ormas; an
-- INFO_REQUEST rule matches LATE (more than `threshold` working days past the limit) or REFUSED
-- (an objection against an exemption refusal upheld by the atasan PPID). Rules a national
-- administrator already changed (version > 1) are left as they are.
UPDATE democracy_proposal_rules SET match = 'PERTEMUAN_LINTAS_PARPOL', threshold = 1,
  note = 'Pertemuan lintas partai politik yang terlaksana / cross-party meetings held'
  WHERE id = 10 AND version = 1;
UPDATE democracy_proposal_rules SET match = 'FORUM', threshold = 1,
  note = 'Forum dengan partai atau ormas yang terlaksana / forums held with parties or ormas'
  WHERE id = 11 AND version = 1;
UPDATE democracy_proposal_rules SET match = 'LATE',
  note = 'Permohonan informasi dijawab terlambat / information requests answered late'
  WHERE id = 12 AND version = 1;
INSERT INTO democracy_proposal_rules (id, source_kind, match, indicator_no, sign, threshold, note) VALUES
 (13, 'MEETING', 'DISKUSI_PUBLIK', 9, 1, 1, 'Diskusi publik dengan partai atau ormas yang terlaksana / public discussions held with parties or ormas'),
 (14, 'INFO_REQUEST', 'REFUSED', 13, -1, 0, 'Penolakan informasi tanpa pengecualian yang sah (keberatan dikabulkan) / refusals without a valid exemption (objection upheld)'),
 (15, 'INFO_REQUEST', 'LATE', 21, -1, 0, 'Layanan informasi melewati batas waktu / information service past its time limit');

-- The Pokja IDI report (provisional index table and evidence annex) is issued through the
-- document register like the other official PDFs: numbered by the region's office, QR-verified.
-- No archive classification code is set; an office may add its own.
INSERT INTO document_kinds (code, name_id, name_en, classification) VALUES
  ('IDI_POKJA_REPORT', 'Laporan IDI sementara untuk rapat Pokja IDI', 'Provisional IDI report for the Pokja IDI meeting', '');
