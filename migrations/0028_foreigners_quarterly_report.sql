-- The quarterly report on foreigners and foreign organisations (docs/REGISTRIES.md) is an
-- official document: it is issued through the document register with a number and a QR code.
INSERT INTO document_kinds (code, name_id, name_en, classification) VALUES
  ('FOREIGNERS_QUARTERLY_REPORT', 'Laporan triwulan pemantauan orang asing dan lembaga asing',
   'Quarterly report on the monitoring of foreigners and foreign organisations', '200.2');
