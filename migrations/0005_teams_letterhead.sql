-- Monitoring teams (Tim Pemantauan, formed by decree of the head of region; DOMAIN.md §1.2)
-- and the letterhead details of an office, printed on official documents.
ALTER TABLE org_units ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE org_units ADD COLUMN contact TEXT NOT NULL DEFAULT '';

CREATE TABLE monitoring_teams (
  id {{ID}},
  region_code {{CODE}} NOT NULL,
  name TEXT NOT NULL,
  decree_number TEXT NOT NULL,
  decree_date TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  legal_basis TEXT NOT NULL DEFAULT '',
  created_by {{BIGINT}} NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX monitoring_teams_region ON monitoring_teams (region_code, valid_from);

CREATE TABLE team_members (
  team_id {{BIGINT}} NOT NULL REFERENCES monitoring_teams (id),
  position {{BIGINT}} NOT NULL,
  name TEXT NOT NULL,
  nip TEXT NOT NULL DEFAULT '',
  position_title TEXT NOT NULL DEFAULT '',
  origin_agency TEXT NOT NULL DEFAULT '',
  team_role TEXT NOT NULL CHECK (team_role IN ('PENGARAH', 'WAKIL_PENGARAH', 'PENANGGUNG_JAWAB', 'KETUA', 'WAKIL_KETUA',
    'SEKRETARIS', 'WAKIL_SEKRETARIS', 'ANGGOTA', 'KOORDINATOR_SISTEM', 'OPERATOR')),
  working_group TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (team_id, position)
);
