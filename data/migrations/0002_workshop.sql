-- Schema version 2: workshops. In a workshop assessment the people of the
-- train vote on the items in private; the coach reveals each item's votes
-- together, records the consensus as the item's answer (the answers table)
-- and, apart from it, what they observed themselves.
--
-- An assessment is a workshop when it has a row in workshops. Everything
-- else hangs from that row and goes with it, and with the assessment: a
-- deleted assessment (or train) takes its workshop along.

CREATE TABLE workshops (
    assessment_id TEXT PRIMARY KEY NOT NULL REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    anonymous     INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)) -- reports and exports show roles, never names
) STRICT;

-- The people in the room, in the order they were added (position), which is
-- the order they vote in and are numbered in when the workshop is anonymous.
-- The name stays on the coach's machine when the workshop is anonymous.
CREATE TABLE participants (
    assessment_id TEXT NOT NULL REFERENCES workshops (assessment_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    id            TEXT NOT NULL,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('scrum-master', 'product-owner', 'facilitator', 'product-management',
                                               'business-owner', 'developer', 'other')),
    PRIMARY KEY (assessment_id, id)
) STRICT;

-- One vote per participant and item; a participant who changes their mind
-- before the reveal replaces their vote. item_id is not a foreign key: the
-- checklists live in assets/, not here.
CREATE TABLE votes (
    assessment_id  TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    item_id        TEXT NOT NULL,
    rating         INTEGER NOT NULL CHECK (rating IN (-2, -1) OR rating BETWEEN 1 AND 100),
    PRIMARY KEY (assessment_id, participant_id, item_id),
    FOREIGN KEY (assessment_id, participant_id) REFERENCES participants (assessment_id, id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;

-- Items whose votes the coach has revealed to the room.
CREATE TABLE revealed_items (
    assessment_id TEXT NOT NULL REFERENCES workshops (assessment_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    item_id       TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
) STRICT;

-- What the coach observed of an item themselves, kept apart from the room's
-- consensus so the gap between the two can be shown.
CREATE TABLE observations (
    assessment_id TEXT NOT NULL REFERENCES workshops (assessment_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    item_id       TEXT NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating IN (-2, -1) OR rating BETWEEN 1 AND 100),
    PRIMARY KEY (assessment_id, item_id)
) STRICT;
