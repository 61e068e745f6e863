-- Schema version 9: an import's undo journal (issues 17 and 18). An import
-- merges a few trains per write transaction, so a coach's save never waits
-- behind a whole bundle; it stays all or nothing because each transaction
-- that changes a train first records, in the same transaction, the train as
-- it was (every row of it, as JSON; NULL when the train was not here). The
-- last short transaction marks the import done, and its journal is then
-- dropped. An import that fails, or whose Trainscope was killed (the next
-- Open finds it), is undone from its journal, a few trains per
-- transaction, each train's restore together with the removal of its
-- journal row, so an undo that is itself stopped goes on the next time.
-- after_hash is the train as the import left it: a train someone changed
-- after that is not undone, so their edit is never lost (data/journal.go).

CREATE TABLE imports (
    id         TEXT PRIMARY KEY NOT NULL,
    pid        INTEGER NOT NULL, -- the process importing: a live one is not undone by another Store
    started_at TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('running', 'done'))
) STRICT;

CREATE TABLE import_journal (
    import_id  TEXT NOT NULL REFERENCES imports (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    seq        INTEGER NOT NULL, -- the order the trains were changed in; undone last first
    train_id   TEXT NOT NULL,
    before     TEXT,             -- the train's rows before the import, NULL when it was not here
    after_hash TEXT NOT NULL,    -- the hash of the train's rows as the import left them
    PRIMARY KEY (import_id, seq)
) STRICT;

-- A train's rosters, live and snapshots, by train: the journal reads and
-- restores a train's rows by it (the partial index rosters_live serves the
-- live one only), and so does the cascade when a train is deleted.
CREATE INDEX rosters_by_train ON rosters (train_id);
