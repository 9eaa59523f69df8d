-- Coordination meetings (DOMAIN.md §9, docs/MEETINGS.md): meetings with their participants and
-- attendance, minutes, numbered agreements, action items with follow-ups, links to the records
-- they are about, and the signatures of the Berita Acara.
CREATE TABLE meetings (
  id {{ID}},
  series TEXT NOT NULL DEFAULT '',          -- meetings of one series (the annual rakor) share it
  type TEXT NOT NULL CHECK (type IN ('RAKOR', 'RAPAT_TEKNIS', 'FORUM', 'DISKUSI_PUBLIK', 'FGD', 'PERTEMUAN_LINTAS_PARPOL',
    'SOSIALISASI', 'BIMTEK', 'RAPAT_TIM')),
  title TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  legal_basis TEXT NOT NULL DEFAULT '',     -- one instrument per line
  region_code {{CODE}} NOT NULL,
  organiser_org_unit_id {{BIGINT}} REFERENCES org_units (id),
  chair_name TEXT NOT NULL DEFAULT '',
  chair_position TEXT NOT NULL DEFAULT '',
  secretary_name TEXT NOT NULL DEFAULT '',
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  venue TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL DEFAULT 'OFFLINE' CHECK (mode IN ('OFFLINE', 'ONLINE', 'HYBRID')),
  online_link TEXT NOT NULL DEFAULT '',
  agenda TEXT NOT NULL DEFAULT '',          -- one item per line
  budget_source TEXT NOT NULL DEFAULT '',
  invitation_no TEXT NOT NULL DEFAULT '',
  invitation_date TEXT,
  status TEXT NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'INVITED', 'HELD', 'MINUTED', 'CLOSED', 'CANCELLED')),
  checkin_token TEXT UNIQUE,                -- the QR code on the meeting screen opens /hadir/<token>
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  ba_revision {{BIGINT}} NOT NULL DEFAULT 1,   -- grows when a change voids the signatures
  signatures_voided_at TEXT,
  created_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX meetings_region ON meetings (region_code, start_at, id);
CREATE INDEX meetings_series ON meetings (series, start_at) WHERE series <> '';

CREATE TABLE meeting_participants (
  id {{ID}},
  meeting_id {{BIGINT}} NOT NULL REFERENCES meetings (id),
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  institution TEXT NOT NULL DEFAULT '',
  participant_type TEXT NOT NULL DEFAULT 'GOV',
  phone TEXT NOT NULL DEFAULT '',
  represented_by TEXT NOT NULL DEFAULT '',
  user_id {{BIGINT}} REFERENCES users (id),
  invited {{BIGINT}} NOT NULL DEFAULT 0,
  present {{BIGINT}} NOT NULL DEFAULT 0,
  required_signatory {{BIGINT}} NOT NULL DEFAULT 1,
  checked_in_at TEXT,
  checkin_method TEXT,                      -- SELF | OFFICER
  checkin_ip TEXT NOT NULL DEFAULT '',
  attendance_signature TEXT NOT NULL DEFAULT '',  -- strokes JSON
  ba_signed_at TEXT,
  ba_signed_revision {{BIGINT}},
  ba_signature TEXT NOT NULL DEFAULT ''     -- strokes JSON drawn on the officer's tablet; '' = signed in the app
);
CREATE INDEX meeting_participants_meeting ON meeting_participants (meeting_id, id);

CREATE TABLE meeting_minutes (
  meeting_id {{BIGINT}} PRIMARY KEY REFERENCES meetings (id),
  opening_summary TEXT NOT NULL DEFAULT '',
  discussion TEXT NOT NULL DEFAULT '[]',    -- JSON [{speaker, summary}]
  questions TEXT NOT NULL DEFAULT '[]',     -- JSON [{question, answer}]
  conclusions TEXT NOT NULL DEFAULT '[]',   -- JSON [text]
  approved_by {{BIGINT}} REFERENCES users (id),
  approved_at TEXT,
  version {{BIGINT}} NOT NULL DEFAULT 1
);

CREATE TABLE meeting_agreements (
  id {{ID}},
  meeting_id {{BIGINT}} NOT NULL REFERENCES meetings (id),
  number {{BIGINT}} NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  addressees TEXT NOT NULL DEFAULT '',
  target_date TEXT,
  status TEXT NOT NULL DEFAULT 'AGREED' CHECK (status IN ('AGREED', 'IN_PROGRESS', 'REALISED', 'NOT_REALISED', 'DROPPED')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1,
  UNIQUE (meeting_id, number)
);

-- Action items: of a meeting's agreement, or of another module's plan (source, source_ref).
CREATE TABLE action_items (
  id {{ID}},
  meeting_id {{BIGINT}} REFERENCES meetings (id),
  agreement_id {{BIGINT}} REFERENCES meeting_agreements (id),
  source TEXT NOT NULL DEFAULT 'meeting',
  source_ref TEXT NOT NULL DEFAULT '',
  region_code {{CODE}} NOT NULL,
  classification {{BIGINT}} NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  output TEXT NOT NULL DEFAULT '',
  indicator TEXT NOT NULL DEFAULT '',
  owner_org_unit_id {{BIGINT}} REFERENCES org_units (id),
  owner_person TEXT NOT NULL DEFAULT '',
  support_units TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  due_date TEXT NOT NULL,
  budget_source TEXT NOT NULL DEFAULT '',
  budget_amount {{BIGINT}} NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
  progress_pct {{BIGINT}} NOT NULL DEFAULT 0 CHECK (progress_pct BETWEEN 0 AND 100),
  overdue_notified_on TEXT,
  created_by {{BIGINT}} REFERENCES users (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
-- The tracker: open items, earliest due date (so overdue) first. The first page is read in
-- index order from the partial index of open items (the query repeats its condition word for
-- word, so both databases use it), filtering the area as it goes; other statuses by region.
CREATE INDEX action_items_open_due ON action_items (due_date, id) WHERE status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX action_items_tracker ON action_items (region_code, status, due_date, id);
CREATE INDEX action_items_meeting ON action_items (meeting_id, id);
CREATE INDEX action_items_source ON action_items (source, source_ref, id);

CREATE TABLE action_follow_ups (
  id {{ID}},
  action_item_id {{BIGINT}} NOT NULL REFERENCES action_items (id),
  date TEXT NOT NULL,
  action_taken TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '',
  next_step TEXT NOT NULL DEFAULT '',
  progress_pct {{BIGINT}} NOT NULL DEFAULT 0,
  evidence_file_ids TEXT NOT NULL DEFAULT '',  -- comma-separated evidence_files ids
  reported_by {{BIGINT}} REFERENCES users (id),
  status TEXT NOT NULL DEFAULT 'REPORTED' CHECK (status IN ('REPORTED', 'VERIFIED', 'REJECTED')),
  verified_by {{BIGINT}} REFERENCES users (id),
  verified_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX action_follow_ups_item ON action_follow_ups (action_item_id, id);

-- What an agreement or action item is about: another module's record by kind and id.
CREATE TABLE meeting_links (
  id {{ID}},
  owner TEXT NOT NULL CHECK (owner IN ('agreement', 'action_item')),
  owner_id {{BIGINT}} NOT NULL,
  target_kind TEXT NOT NULL,
  target_id {{BIGINT}} NOT NULL,
  region_code {{CODE}} NOT NULL,
  UNIQUE (owner, owner_id, target_kind, target_id)
);
CREATE INDEX meeting_links_target ON meeting_links (target_kind, target_id);
