-- The other official documents of a meeting (docs/MEETINGS.md), issued through the document
-- register like its Berita Acara: the invitation letter, the attendance list, the minutes and
-- the activity report. The classification is the one of meetings (000.1.4), as for the Berita
-- Acara; an office may change it.
INSERT INTO document_kinds (code, name_id, name_en, classification) VALUES
  ('MEETING_INVITATION', 'Surat undangan rapat', 'Invitation letter of a meeting', '000.1.4'),
  ('MEETING_ATTENDANCE', 'Daftar hadir rapat', 'Attendance list of a meeting', '000.1.4'),
  ('MEETING_MINUTES', 'Notula rapat', 'Minutes of a meeting', '000.1.4'),
  ('MEETING_REPORT', 'Laporan kegiatan rapat', 'Activity report of a meeting', '000.1.4');
