-- Schema version 3: facts about the database itself. The first is which
-- rules made the stored summaries (assessments.score, level, verdict): when
-- a newer Trainscope scores differently, it recomputes them once at open, so
-- the home screen and the portfolio never show figures the results screen
-- would not.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
