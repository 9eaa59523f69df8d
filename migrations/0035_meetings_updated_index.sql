-- The democracy index's evidence proposals read the meetings changed since their last run
-- (meetings::held_meetings_since); without an index on updated_at that read scanned every meeting.
CREATE INDEX meetings_updated ON meetings (updated_at);
