-- Schema version 6: the fit checklist's signs against the role are rated
-- like every other statement, by how strongly they hold (checklists
-- 2026.2): 1 = absent … 5 = holds fully, where 2026.1 ran from 1 = holds
-- fully to 5 = absent. The turned-round items have new ids (.v1 → .v2), so
-- each stored answer, vote and observation under an old id is converted
-- exactly once: its level counted from the other end (6 − rating), not
-- applicable (-1) and don't know (-2) kept. Recommendations derived from
-- those items carry the item's id in their own id, so the coach's edits,
-- follow-ups and evidence move with it. The mapping is
-- assessment.UpgradeAnswer's; a test holds the two together.
--
-- And a rejected recommendation keeps the coach's reason.

CREATE TEMP TABLE turned_round (
    old TEXT PRIMARY KEY NOT NULL,
    new TEXT NOT NULL
) STRICT;

INSERT INTO turned_round (old, new) VALUES
    ('fit.independent-teams.v1', 'fit.independent-teams.v2'),
    ('fit.team-scrum-weak.v1', 'fit.team-scrum-weak.v2'),
    ('fit.status-reporting-risk.v1', 'fit.status-reporting-risk.v2'),
    ('fit.coordination-handoff-risk.v1', 'fit.coordination-handoff-risk.v2'),
    ('fit.no-empowered-leaders.v1', 'fit.no-empowered-leaders.v2'),
    ('fit.few-teams.v1', 'fit.few-teams.v2');

UPDATE answers SET item_id = t.new,
    rating = CASE WHEN answers.rating BETWEEN 1 AND 5 THEN 6 - answers.rating ELSE answers.rating END
FROM turned_round AS t WHERE answers.item_id = t.old;

UPDATE votes SET item_id = t.new,
    rating = CASE WHEN votes.rating BETWEEN 1 AND 5 THEN 6 - votes.rating ELSE votes.rating END
FROM turned_round AS t WHERE votes.item_id = t.old;

UPDATE observations SET item_id = t.new,
    rating = CASE WHEN observations.rating BETWEEN 1 AND 5 THEN 6 - observations.rating ELSE observations.rating END
FROM turned_round AS t WHERE observations.item_id = t.old;

UPDATE revealed_items SET item_id = t.new
FROM turned_round AS t WHERE revealed_items.item_id = t.old;

-- A derived recommendation's id is "<rule>/<subject>"; the subject may be
-- a turned-round item.
UPDATE recommendation_edits SET recommendation_id = substr(recommendation_id, 1, instr(recommendation_id, '/')) || t.new
FROM turned_round AS t WHERE substr(recommendation_edits.recommendation_id, instr(recommendation_edits.recommendation_id, '/') + 1) = t.old
    AND instr(recommendation_edits.recommendation_id, '/') > 0;

UPDATE follow_ups SET recommendation_id = substr(recommendation_id, 1, instr(recommendation_id, '/')) || t.new
FROM turned_round AS t WHERE substr(follow_ups.recommendation_id, instr(follow_ups.recommendation_id, '/') + 1) = t.old
    AND instr(follow_ups.recommendation_id, '/') > 0;

UPDATE coach_recommendation_evidence SET ref = t.new
FROM turned_round AS t WHERE coach_recommendation_evidence.kind = 'answer' AND coach_recommendation_evidence.ref = t.old;

DROP TABLE turned_round;

ALTER TABLE recommendation_edits ADD COLUMN reason TEXT NOT NULL DEFAULT '';
