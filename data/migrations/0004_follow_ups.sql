-- Schema version 4: follow-ups. An assessment starts from the
-- recommendations agreed at the last finished one; each comes along with the
-- words it was agreed in (a finished assessment keeps what was true on its
-- date) and what the coach says happened to it.

CREATE TABLE follow_ups (
    assessment_id     TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    recommendation_id TEXT NOT NULL,
    position          INTEGER NOT NULL,
    rule              TEXT NOT NULL DEFAULT '',
    finding           TEXT NOT NULL DEFAULT '',
    action            TEXT NOT NULL DEFAULT '',
    acceptance        TEXT NOT NULL DEFAULT '',
    owner             TEXT NOT NULL DEFAULT '',
    escalation        TEXT NOT NULL DEFAULT '' CHECK (escalation IN ('', 'team', 'art', 'lace')),
    target_pi         TEXT NOT NULL DEFAULT '',
    raised_pi         TEXT NOT NULL DEFAULT '',
    check_json        TEXT NOT NULL DEFAULT '',
    state             TEXT NOT NULL DEFAULT '' CHECK (state IN ('', 'done', 'in-progress', 'not-started', 'dropped')),
    note              TEXT NOT NULL DEFAULT '',
    note_date         TEXT NOT NULL DEFAULT '',
    reason            TEXT NOT NULL DEFAULT '',
    override          TEXT NOT NULL DEFAULT '' CHECK (override IN ('', 'met', 'not-met')),
    override_reason   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, recommendation_id)
) STRICT;
