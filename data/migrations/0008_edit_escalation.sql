-- Schema version 8: the coach may change the escalation level of a derived
-- recommendation (issue 16), as of their own recommendations. Empty keeps
-- the derived level, as every other field of an edit.

ALTER TABLE recommendation_edits ADD COLUMN escalation TEXT NOT NULL DEFAULT '' CHECK (escalation IN ('', 'team', 'art', 'lace'));
