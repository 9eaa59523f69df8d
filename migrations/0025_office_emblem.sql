-- The coat of arms (lambang daerah) an office prints at the left of its letterhead: a PNG or
-- JPEG kept in the content-addressed files store (evidence_files, entity 'org_unit_emblem').
-- NULL: the office has none and its letterhead is text only. No inheritance: a kab/kota office
-- prints its own region's arms, never its province's (docs/OPERATOR.md).
ALTER TABLE org_units ADD COLUMN emblem_file_id {{BIGINT}} REFERENCES evidence_files (id);
