-- Schema version 1: trains, their rosters and impediment registers, and the
-- coach's assessments.
--
-- Times are TEXT in RFC 3339 with nine fractional digits. A time the coach
-- gave (an assessment's date, an impediment's dates) keeps the offset it was
-- given in, so it reads back on the same day; a time the store stamps
-- (created_at, updated_at) is UTC, so those columns sort as text.
-- Every id a coach or a bundle sees is a UUID kept as TEXT; rosters.id is the
-- only integer key and never leaves the database.
--
-- Tables are STRICT so a wrong type is an error rather than a silent
-- conversion; foreign keys are deferred to commit so a whole roster can be
-- written in any order inside its transaction.

CREATE TABLE trains (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    framework   TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL -- last change to the train, its live roster or register; bundles merge on it
) STRICT;

CREATE INDEX trains_by_name ON trains (name COLLATE NOCASE, id);

CREATE TABLE assessments (
    id                TEXT PRIMARY KEY NOT NULL,
    train_id          TEXT NOT NULL REFERENCES trains (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    date              TEXT NOT NULL,
    date_key          INTEGER NOT NULL, -- date as Unix seconds: orders dates given in different offsets
    pi                TEXT NOT NULL DEFAULT '',
    assessor          TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL CHECK (status IN ('draft', 'final')),
    checklist_version TEXT NOT NULL DEFAULT '',
    pi_weeks          INTEGER NOT NULL DEFAULT 0 CHECK (pi_weeks >= 0),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL, -- last change of any kind; "recent" on the home screen, merges in bundles
    -- The summary the home screen and the portfolio list, refreshed in the
    -- transaction of every change that can move it (Options.Summarize).
    score             REAL NOT NULL DEFAULT 0,
    score_known       INTEGER NOT NULL DEFAULT 0 CHECK (score_known IN (0, 1)),
    level             INTEGER NOT NULL DEFAULT 0,
    level_name        TEXT NOT NULL DEFAULT '',
    verdict           TEXT NOT NULL DEFAULT ''
) STRICT;

-- Both serve "the latest (finished) assessment of each train" by seeking to
-- the end of one train's range, with no sort: the home screen and the
-- portfolio ask it of every train.
CREATE INDEX assessments_by_train ON assessments (train_id, date_key, created_at, id);
CREATE INDEX assessments_by_train_status ON assessments (train_id, status, date_key, created_at, id);
CREATE INDEX assessments_by_update ON assessments (updated_at);

-- A roster together with its impediment register. Each train has one live
-- roster (assessment_id NULL): what is true now. Finishing an assessment for
-- the first time copies the live roster into one that names the assessment,
-- which the assessment keeps for good.
CREATE TABLE rosters (
    id               INTEGER PRIMARY KEY,
    train_id         TEXT NOT NULL REFERENCES trains (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    assessment_id    TEXT UNIQUE REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    value_stream_map INTEGER NOT NULL DEFAULT 0 CHECK (value_stream_map IN (0, 1))
) STRICT;

CREATE UNIQUE INDEX rosters_live ON rosters (train_id) WHERE assessment_id IS NULL;

CREATE TABLE required_skills (
    roster_id INTEGER NOT NULL REFERENCES rosters (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL,
    skill     TEXT NOT NULL,
    PRIMARY KEY (roster_id, position)
) STRICT;

CREATE TABLE people (
    roster_id  INTEGER NOT NULL REFERENCES rosters (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    id         TEXT NOT NULL,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL,
    contractor INTEGER NOT NULL DEFAULT 0 CHECK (contractor IN (0, 1)),
    PRIMARY KEY (roster_id, id)
) STRICT;

-- A NULL person_id is a known vacancy: the role is wanted, nobody holds it.
CREATE TABLE role_assignments (
    roster_id INTEGER NOT NULL REFERENCES rosters (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL,
    role      TEXT NOT NULL,
    person_id TEXT,
    PRIMARY KEY (roster_id, position),
    FOREIGN KEY (roster_id, person_id) REFERENCES people (roster_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE teams (
    roster_id        INTEGER NOT NULL REFERENCES rosters (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    id               TEXT NOT NULL,
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    scrum_master_id  TEXT,
    product_owner_id TEXT,
    PRIMARY KEY (roster_id, id),
    FOREIGN KEY (roster_id, scrum_master_id) REFERENCES people (roster_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (roster_id, product_owner_id) REFERENCES people (roster_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE TABLE team_members (
    roster_id INTEGER NOT NULL,
    team_id   TEXT NOT NULL,
    position  INTEGER NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (roster_id, team_id, position),
    FOREIGN KEY (roster_id, team_id) REFERENCES teams (roster_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    FOREIGN KEY (roster_id, person_id) REFERENCES people (roster_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

CREATE INDEX team_members_by_person ON team_members (roster_id, person_id);

CREATE TABLE team_skills (
    roster_id INTEGER NOT NULL,
    team_id   TEXT NOT NULL,
    position  INTEGER NOT NULL,
    skill     TEXT NOT NULL,
    PRIMARY KEY (roster_id, team_id, position),
    FOREIGN KEY (roster_id, team_id) REFERENCES teams (roster_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- team_id and recurrence_of are deliberately not foreign keys: a team may be
-- dissolved, or an earlier impediment removed, while the register keeps the
-- history that names them.
CREATE TABLE impediments (
    roster_id     INTEGER NOT NULL REFERENCES rosters (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    id            TEXT NOT NULL,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    level         TEXT NOT NULL CHECK (level IN ('team', 'art', 'lace')),
    team_id       TEXT NOT NULL DEFAULT '',
    owner         TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'resolved')),
    roam          TEXT NOT NULL DEFAULT '' CHECK (roam IN ('', 'resolved', 'owned', 'accepted', 'mitigated')),
    raised        TEXT NOT NULL DEFAULT '',
    resolved      TEXT NOT NULL DEFAULT '',
    escalated     INTEGER NOT NULL DEFAULT 0 CHECK (escalated IN (0, 1)),
    recurrence_of TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (roster_id, id)
) STRICT;

CREATE TABLE answers (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    item_id       TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating >= -2),
    figure        REAL,
    note          TEXT NOT NULL DEFAULT '',
    evidence      TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
) STRICT;

CREATE TABLE checklist_notes (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    checklist_id  TEXT NOT NULL,
    note          TEXT NOT NULL,
    PRIMARY KEY (assessment_id, checklist_id)
) STRICT;

-- The coach's changes to derived recommendations, by the derived
-- recommendation's stable id. Empty fields keep the derived value.
CREATE TABLE recommendation_edits (
    assessment_id     TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    recommendation_id TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT '' CHECK (status IN ('', 'proposed', 'accepted', 'rejected')),
    finding           TEXT NOT NULL DEFAULT '',
    action            TEXT NOT NULL DEFAULT '',
    acceptance        TEXT NOT NULL DEFAULT '',
    owner             TEXT NOT NULL DEFAULT '',
    target_pi         TEXT NOT NULL DEFAULT '',
    priority          INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
    PRIMARY KEY (assessment_id, recommendation_id)
) STRICT;

-- Recommendations the coach added, in the order added.
CREATE TABLE coach_recommendations (
    assessment_id TEXT NOT NULL REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    id            TEXT NOT NULL,
    position      INTEGER NOT NULL,
    finding       TEXT NOT NULL DEFAULT '',
    action        TEXT NOT NULL DEFAULT '',
    priority      INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
    owner         TEXT NOT NULL DEFAULT '',
    escalation    TEXT NOT NULL DEFAULT '' CHECK (escalation IN ('', 'team', 'art', 'lace')),
    acceptance    TEXT NOT NULL DEFAULT '',
    target_pi     TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected')),
    PRIMARY KEY (assessment_id, id)
) STRICT;

CREATE TABLE coach_recommendation_evidence (
    assessment_id     TEXT NOT NULL,
    recommendation_id TEXT NOT NULL,
    position          INTEGER NOT NULL,
    kind              TEXT NOT NULL CHECK (kind IN ('answer', 'roster', 'figure')),
    ref               TEXT NOT NULL DEFAULT '',
    text              TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (assessment_id, recommendation_id, position),
    FOREIGN KEY (assessment_id, recommendation_id) REFERENCES coach_recommendations (assessment_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;
