-- Schema version 7: the facts the LACE's portfolio reads of each finished
-- assessment (assessment.AssessmentFacts, JSON), kept so the portfolio
-- screen reads them instead of loading and evaluating 1,000 assessments
-- every time it opens. They are derived, never exported, and made again
-- whenever they may be out of date: a row is kept with the rules that made
-- it (the checklists' version, the facts' version, the program's), and the
-- triggers below drop a train's facts whenever anything of the train
-- changes, whichever code path changes it: the train, its assessments
-- (a reopen, a finish, an import that replaces one), their answers,
-- notes, review, the coach's recommendations and follow-ups, and every
-- roster and register, live or snapshot. The next read makes them again.

CREATE TABLE portfolio_facts (
    assessment_id TEXT PRIMARY KEY NOT NULL REFERENCES assessments (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    train_id      TEXT NOT NULL,
    rules         TEXT NOT NULL,
    facts         TEXT NOT NULL
) STRICT;

CREATE INDEX portfolio_facts_by_train ON portfolio_facts (train_id);

-- The train's own fields (its framework decides what is evaluated).
CREATE TRIGGER portfolio_facts_trains_update AFTER UPDATE ON trains BEGIN
    DELETE FROM portfolio_facts WHERE train_id = OLD.id;
END;

-- Assessments: a train's previous assessment's agreed recommendations are
-- its latest's follow-ups, so a change to one drops the train's facts.
CREATE TRIGGER portfolio_facts_assessments_insert AFTER INSERT ON assessments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = NEW.train_id;
END;
CREATE TRIGGER portfolio_facts_assessments_update AFTER UPDATE ON assessments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = OLD.train_id;
END;
CREATE TRIGGER portfolio_facts_assessments_delete AFTER DELETE ON assessments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = OLD.train_id;
END;
CREATE TRIGGER portfolio_facts_assessments_moved AFTER UPDATE OF train_id ON assessments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = NEW.train_id;
END;

-- Rosters and registers, the train's live one and the assessments' snapshots.
CREATE TRIGGER portfolio_facts_rosters_insert AFTER INSERT ON rosters BEGIN
    DELETE FROM portfolio_facts WHERE train_id = NEW.train_id;
END;
CREATE TRIGGER portfolio_facts_rosters_update AFTER UPDATE ON rosters BEGIN
    DELETE FROM portfolio_facts WHERE train_id = OLD.train_id;
END;
CREATE TRIGGER portfolio_facts_rosters_delete AFTER DELETE ON rosters BEGIN
    DELETE FROM portfolio_facts WHERE train_id = OLD.train_id;
END;
CREATE TRIGGER portfolio_facts_required_skills_insert AFTER INSERT ON required_skills BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = NEW.roster_id);
END;
CREATE TRIGGER portfolio_facts_required_skills_update AFTER UPDATE ON required_skills BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_required_skills_delete AFTER DELETE ON required_skills BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_people_insert AFTER INSERT ON people BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = NEW.roster_id);
END;
CREATE TRIGGER portfolio_facts_people_update AFTER UPDATE ON people BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_people_delete AFTER DELETE ON people BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_role_assignments_insert AFTER INSERT ON role_assignments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = NEW.roster_id);
END;
CREATE TRIGGER portfolio_facts_role_assignments_update AFTER UPDATE ON role_assignments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_role_assignments_delete AFTER DELETE ON role_assignments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_teams_insert AFTER INSERT ON teams BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = NEW.roster_id);
END;
CREATE TRIGGER portfolio_facts_teams_update AFTER UPDATE ON teams BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_teams_delete AFTER DELETE ON teams BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_team_members_insert AFTER INSERT ON team_members BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = NEW.roster_id);
END;
CREATE TRIGGER portfolio_facts_team_members_update AFTER UPDATE ON team_members BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_team_members_delete AFTER DELETE ON team_members BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_team_skills_insert AFTER INSERT ON team_skills BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = NEW.roster_id);
END;
CREATE TRIGGER portfolio_facts_team_skills_update AFTER UPDATE ON team_skills BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_team_skills_delete AFTER DELETE ON team_skills BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_impediments_insert AFTER INSERT ON impediments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = NEW.roster_id);
END;
CREATE TRIGGER portfolio_facts_impediments_update AFTER UPDATE ON impediments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;
CREATE TRIGGER portfolio_facts_impediments_delete AFTER DELETE ON impediments BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM rosters WHERE id = OLD.roster_id);
END;

-- What the coach answered, wrote and decided in an assessment.
CREATE TRIGGER portfolio_facts_answers_insert AFTER INSERT ON answers BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = NEW.assessment_id);
END;
CREATE TRIGGER portfolio_facts_answers_update AFTER UPDATE ON answers BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_answers_delete AFTER DELETE ON answers BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_checklist_notes_insert AFTER INSERT ON checklist_notes BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = NEW.assessment_id);
END;
CREATE TRIGGER portfolio_facts_checklist_notes_update AFTER UPDATE ON checklist_notes BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_checklist_notes_delete AFTER DELETE ON checklist_notes BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_recommendation_edits_insert AFTER INSERT ON recommendation_edits BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = NEW.assessment_id);
END;
CREATE TRIGGER portfolio_facts_recommendation_edits_update AFTER UPDATE ON recommendation_edits BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_recommendation_edits_delete AFTER DELETE ON recommendation_edits BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_coach_recommendations_insert AFTER INSERT ON coach_recommendations BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = NEW.assessment_id);
END;
CREATE TRIGGER portfolio_facts_coach_recommendations_update AFTER UPDATE ON coach_recommendations BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_coach_recommendations_delete AFTER DELETE ON coach_recommendations BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_coach_recommendation_evidence_insert AFTER INSERT ON coach_recommendation_evidence BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = NEW.assessment_id);
END;
CREATE TRIGGER portfolio_facts_coach_recommendation_evidence_update AFTER UPDATE ON coach_recommendation_evidence BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_coach_recommendation_evidence_delete AFTER DELETE ON coach_recommendation_evidence BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_follow_ups_insert AFTER INSERT ON follow_ups BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = NEW.assessment_id);
END;
CREATE TRIGGER portfolio_facts_follow_ups_update AFTER UPDATE ON follow_ups BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
CREATE TRIGGER portfolio_facts_follow_ups_delete AFTER DELETE ON follow_ups BEGIN
    DELETE FROM portfolio_facts WHERE train_id = (SELECT train_id FROM assessments WHERE id = OLD.assessment_id);
END;
