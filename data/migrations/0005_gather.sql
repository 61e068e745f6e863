-- Schema version 5: the LACE gathers many coaches' bundles.
--
-- A train belongs to a group (portfolio, value stream or solution train,
-- free text, '' when ungrouped), and knows the coaches whose bundles
-- brought it in. Trains and assessments keep their lineage: the content
-- hashes of the revisions they have been exported or merged as, so an
-- import tells "the other copy is older", "the other copy is newer" and
-- "both were changed" apart (docs/bundle-format.md, "Merging"). A conflict
-- copy is an assessment kept because two coaches changed the same one; it
-- names the assessment it is a copy of and the coach it came from. The
-- LACE's own review of the portfolio's recommendations is by scope (a
-- group, or '' for the whole portfolio).

ALTER TABLE trains ADD COLUMN group_name TEXT NOT NULL DEFAULT '';
ALTER TABLE trains ADD COLUMN lineage TEXT NOT NULL DEFAULT ''; -- space-separated content hashes, oldest first

CREATE INDEX trains_by_group ON trains (group_name COLLATE NOCASE, name COLLATE NOCASE, id);

ALTER TABLE assessments ADD COLUMN lineage TEXT NOT NULL DEFAULT ''; -- space-separated content hashes, oldest first
ALTER TABLE assessments ADD COLUMN conflict_of TEXT NOT NULL DEFAULT ''; -- the id of the assessment this is a conflict copy of
ALTER TABLE assessments ADD COLUMN conflict_coach TEXT NOT NULL DEFAULT ''; -- whose copy it is

CREATE INDEX assessments_by_conflict ON assessments (conflict_of) WHERE conflict_of <> '';

-- The train's own data (fields, live roster, register) as bundle JSON at
-- each revision in its lineage: the common ancestor a three-way merge of
-- two coaches' changes starts from.
CREATE TABLE train_revisions (
    train_id TEXT NOT NULL REFERENCES trains (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    hash     TEXT NOT NULL,
    content  TEXT NOT NULL,
    PRIMARY KEY (train_id, hash)
) STRICT;

CREATE TABLE train_sources (
    train_id       TEXT NOT NULL REFERENCES trains (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    coach          TEXT NOT NULL,
    first_imported TEXT NOT NULL,
    last_imported  TEXT NOT NULL,
    PRIMARY KEY (train_id, coach)
) STRICT;

CREATE TABLE portfolio_decisions (
    scope             TEXT NOT NULL, -- a group's name, or '' for every train
    recommendation_id TEXT NOT NULL,
    status            TEXT NOT NULL DEFAULT '' CHECK (status IN ('', 'proposed', 'accepted', 'rejected')),
    finding           TEXT NOT NULL DEFAULT '',
    action            TEXT NOT NULL DEFAULT '',
    acceptance        TEXT NOT NULL DEFAULT '',
    owner             TEXT NOT NULL DEFAULT '',
    target_pi         TEXT NOT NULL DEFAULT '',
    priority          INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
    reason            TEXT NOT NULL DEFAULT '',
    decided_at        TEXT NOT NULL,
    PRIMARY KEY (scope, recommendation_id)
) STRICT;
