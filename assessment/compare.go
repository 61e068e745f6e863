package assessment

import "cmp"

// ScoreDelta is how one score moved between two assessments.
type ScoreDelta struct {
	ID         string
	Title      string
	Before     Score
	After      Score
	Delta      float64 // After minus Before, in points; 0 unless Comparable
	Comparable bool    // both scores are known
}

// Comparison is what changed between two assessments of the same train,
// for the trend in the report and the LACE's portfolio.
type Comparison struct {
	Overall       ScoreDelta
	LevelBefore   MaturityLevel
	LevelAfter    MaturityLevel
	VerdictBefore VerdictKind
	VerdictAfter  VerdictKind
	Checklists    []ScoreDelta // in the later assessment's order, then any only the earlier had
	Dimensions    []ScoreDelta // likewise

	GapsClosed []RoleGap // found before, not now
	GapsOpened []RoleGap // found now, not before
	GapsKept   []RoleGap // found both times

	CarriedOver []Recommendation // derived or kept both times, as they stand now
	New         []Recommendation // only now
	Dropped     []Recommendation // only before: the finding behind them is gone

	FiguresBefore RegisterFigures
	FiguresAfter  RegisterFigures
}

// Compare compares an earlier assessment's results with a later one's. Gaps
// are matched by rule and subject, recommendations by their stable ID, so a
// renamed team still compares like with like.
func Compare(prev, cur Results) Comparison {
	c := Comparison{
		Overall:       delta("overall", "Overall", prev.Overall, cur.Overall),
		LevelBefore:   prev.Level,
		LevelAfter:    cur.Level,
		VerdictBefore: prev.Verdict.Kind,
		VerdictAfter:  cur.Verdict.Kind,
		FiguresBefore: prev.Figures,
		FiguresAfter:  cur.Figures,
	}

	before := map[string]ChecklistScore{}
	for _, s := range prev.Checklists {
		before[s.ChecklistID] = s
	}
	for _, s := range cur.Checklists {
		c.Checklists = append(c.Checklists, delta(s.ChecklistID, s.Title, before[s.ChecklistID].Score, s.Score))
		delete(before, s.ChecklistID)
	}
	for _, s := range prev.Checklists {
		if _, only := before[s.ChecklistID]; only {
			c.Checklists = append(c.Checklists, delta(s.ChecklistID, s.Title, s.Score, Score{}))
		}
	}

	dimBefore := map[string]DimensionScore{}
	for _, s := range prev.Dimensions {
		dimBefore[s.DimensionID] = s
	}
	for _, s := range cur.Dimensions {
		c.Dimensions = append(c.Dimensions, delta(s.DimensionID, s.Title, dimBefore[s.DimensionID].Score, s.Score))
		delete(dimBefore, s.DimensionID)
	}
	for _, s := range prev.Dimensions {
		if _, only := dimBefore[s.DimensionID]; only {
			c.Dimensions = append(c.Dimensions, delta(s.DimensionID, s.Title, s.Score, Score{}))
		}
	}

	gapKey := func(g RoleGap) string { return g.Rule + "/" + cmp.Or(g.SubjectID, g.Subject) }
	had := map[string]bool{}
	for _, g := range prev.Gaps {
		had[gapKey(g)] = true
	}
	has := map[string]bool{}
	for _, g := range cur.Gaps {
		has[gapKey(g)] = true
		if had[gapKey(g)] {
			c.GapsKept = append(c.GapsKept, g)
		} else {
			c.GapsOpened = append(c.GapsOpened, g)
		}
	}
	for _, g := range prev.Gaps {
		if !has[gapKey(g)] {
			c.GapsClosed = append(c.GapsClosed, g)
		}
	}

	hadRec := map[string]bool{}
	for _, r := range prev.Recommendations {
		hadRec[r.ID] = true
	}
	hasRec := map[string]bool{}
	for _, r := range cur.Recommendations {
		hasRec[r.ID] = true
		if hadRec[r.ID] {
			c.CarriedOver = append(c.CarriedOver, r)
		} else {
			c.New = append(c.New, r)
		}
	}
	for _, r := range prev.Recommendations {
		if !hasRec[r.ID] {
			c.Dropped = append(c.Dropped, r)
		}
	}
	return c
}

func delta(id, title string, before, after Score) ScoreDelta {
	d := ScoreDelta{ID: id, Title: title, Before: before, After: after}
	if before.Known() && after.Known() {
		d.Comparable = true
		d.Delta = after.Value - before.Value
	}
	return d
}
