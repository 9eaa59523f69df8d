-- Speakers (narasumber) of a meeting with their materials, and the photo documentation of a held
-- meeting (docs/MEETINGS.md). The files themselves are evidence files (files store): a speaker's
-- material has entity 'meeting_speaker' and the speaker's id; a photo has entity 'meeting_photo'
-- and its row here keeps the caption.
CREATE TABLE meeting_speakers (
  id {{ID}},
  meeting_id {{BIGINT}} NOT NULL REFERENCES meetings (id),
  name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',        -- position / institution
  topic TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  version {{BIGINT}} NOT NULL DEFAULT 1
);
CREATE INDEX meeting_speakers_meeting ON meeting_speakers (meeting_id, sort_order, id);

CREATE TABLE meeting_photos (
  id {{ID}},
  meeting_id {{BIGINT}} NOT NULL REFERENCES meetings (id),
  file_id {{BIGINT}} NOT NULL REFERENCES evidence_files (id),
  caption TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX meeting_photos_meeting ON meeting_photos (meeting_id, id);
