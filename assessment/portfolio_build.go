package assessment

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// EvaluateTrains evaluates each train's latest and previous finished
// assessments (EvaluateTrain), spread over the processors; each train is
// written by one worker into its own place, so the result is the same in
// any order.
func EvaluateTrains(d *Definitions, trains []PortfolioTrain) []EvaluatedTrain {
	out := make([]EvaluatedTrain, len(trains))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(trains))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = EvaluateTrain(d, trains[i])
			}
		}()
	}
	for i := range trains {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// sharedRules are the rules of a train's agreed recommendations that PF-04
// counts across trains, each once: role gaps are PF-01's, low-rated items
// (RI-01) PF-02's by dimension, impediments older than a PI (RF-02)
// PF-03's. Evaluating the train works them out once for every build.
func sharedRules(res Results) []string {
	var out []string
	for _, rec := range res.Agreed() {
		if rec.Rule == "" || rec.Rule == "RI-01" || rec.Rule == "RF-02" || strings.HasPrefix(rec.Rule, "RG-") || slices.Contains(out, rec.Rule) {
			continue
		}
		out = append(out, rec.Rule)
	}
	return out
}

// sortRows puts the rows by group (the ungrouped last), then by name, then
// by ID, so the same trains always give the same order.
func sortRows(rows []PortfolioRow) {
	slices.SortStableFunc(rows, func(a, b PortfolioRow) int {
		if c := groupOrder(a.Train.Group, b.Train.Group); c != 0 {
			return c
		}
		if c := cmp.Compare(strings.ToLower(a.Train.Name), strings.ToLower(b.Train.Name)); c != 0 {
			return c
		}
		return cmp.Compare(a.Train.ID, b.Train.ID)
	})
}

func groupOrder(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return cmp.Compare(strings.ToLower(a), strings.ToLower(b))
}

// portfolioFrameworks lists the frameworks of the rows and names the one
// whose words the portfolio's texts use: the trains' own when they share
// one, the neutral words of Other when they mix.
func portfolioFrameworks(rows []PortfolioRow) ([]Framework, Framework) {
	seen := map[Framework]bool{}
	for _, r := range rows {
		seen[r.Train.Framework.Def().ID] = true
	}
	var fs []Framework
	for _, f := range Frameworks {
		if seen[f] {
			fs = append(fs, f)
		}
	}
	if len(fs) == 1 {
		return fs, fs[0]
	}
	return fs, OtherFramework
}

func heatmap(d *Definitions, rows []PortfolioRow) Heatmap {
	h := Heatmap{Dimensions: slices.Clone(d.Dimensions), Cells: make([][]HeatCell, len(rows))}
	for i, r := range rows {
		cells := make([]HeatCell, len(h.Dimensions))
		for j, dim := range h.Dimensions {
			cells[j] = HeatCell{State: CellAbsent}
			if !r.Assessed() {
				continue
			}
			for _, ds := range r.Results.Dimensions {
				if ds.DimensionID != dim.ID || ds.Score.Total == 0 {
					continue
				}
				cells[j].Score = ds.Score
				if ds.Score.Enough() {
					cells[j].State = CellScore
				} else {
					cells[j].State = CellNotEnough
				}
			}
		}
		h.Cells[i] = cells
	}
	return h
}

// rollups are the figures by group, from the rows (in group order) and
// their heatmap; a group of fewer than minGroup trains is hidden: its name
// and size only, as HiddenGroup says.
func rollups(rows []PortfolioRow, h Heatmap, minGroup int) []GroupRollup {
	var out []GroupRollup
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Train.Group == rows[i].Train.Group {
			j++
		}
		g := GroupRollup{Group: rows[i].Train.Group, Trains: j - i}
		if g.Trains < minGroup {
			g.Hidden = true
		} else {
			g.Verdicts = map[VerdictKind]int{}
			g.Dimensions = make([]GroupMean, len(h.Dimensions))
			for k, dim := range h.Dimensions {
				g.Dimensions[k].DimensionID = dim.ID
			}
			sum, change := 0.0, 0.0
			for k, r := range rows[i:j] {
				if !r.Assessed() {
					continue
				}
				g.Assessed++
				g.Levels[r.Results.Level.Number]++
				g.Verdicts[r.Results.Verdict.Kind]++
				if r.Results.Overall.Enough() {
					sum += r.Results.Overall.Value
					g.Scored++
				}
				if i+k < len(h.Cells) {
					for d, c := range h.Cells[i+k] {
						if c.State == CellScore {
							g.Dimensions[d].Mean += c.Score.Value
							g.Dimensions[d].Scored++
						}
					}
				}
				if ch, ok := r.Change(); ok {
					change += ch
					g.Changed++
				}
				if ft := r.Results.FollowThrough; ft.Total > 0 {
					g.FollowedUp++
					g.FollowThrough = g.FollowThrough.add(ft)
				}
			}
			if g.Scored > 0 {
				g.Overall = sum / float64(g.Scored)
			}
			for d := range g.Dimensions {
				if g.Dimensions[d].Scored > 0 {
					g.Dimensions[d].Mean /= float64(g.Dimensions[d].Scored)
				}
			}
			if g.Changed > 0 {
				g.Change = change / float64(g.Changed)
			}
		}
		out = append(out, g)
		i = j
	}
	return out
}

// add is the follow-through of two trains together: the counts added, the
// rate the closed of all.
func (ft FollowThrough) add(o FollowThrough) FollowThrough {
	ft.Total += o.Total
	ft.Done += o.Done
	ft.MetByData += o.MetByData
	ft.InProgress += o.InProgress
	ft.NotStarted += o.NotStarted
	ft.Dropped += o.Dropped
	ft.Overdue += o.Overdue
	ft.Escalated += o.Escalated
	ft.Open += o.Open
	if ft.Total > 0 {
		ft.Rate = float64(ft.Closed()) / float64(ft.Total)
	}
	return ft
}

// HiddenGroup says why a group's roll-up shows no figures: it has fewer
// trains than the minimum group.
func HiddenGroup(minGroup int) string {
	return fmt.Sprintf("hidden: fewer than %d trains", minGroup)
}

// trainsWord is "SAFe trains" when every train counted follows one named
// framework, else "trains".
func trainsWord(fs map[Framework]bool) string {
	if len(fs) == 1 {
		for f := range fs {
			if f != OtherFramework {
				return f.Def().Name + " trains"
			}
		}
	}
	return "trains"
}

// tally counts, for one subject, the trains it holds in among the trains
// it can hold in.
type tally struct {
	rule, subject, title string
	in                   []TrainRef
	of                   int
	fs                   map[Framework]bool // frameworks of the trains it can hold in
}

func (t *tally) consider(r PortfolioRow, holds bool) {
	t.of++
	if t.fs == nil {
		t.fs = map[Framework]bool{}
	}
	t.fs[r.Train.Framework.Def().ID] = true
	if holds {
		t.in = append(t.in, TrainRef{ID: r.Train.ID, Name: r.Train.Name})
	}
}

func (t *tally) finding(minGroup int, words Framework) (SystemicFinding, bool) {
	if !systemic(len(t.in), t.of, minGroup) {
		return SystemicFinding{}, false
	}
	f := SystemicFinding{
		ID: RecommendationID(t.rule, t.subject), Rule: t.rule, Subject: t.subject, Title: t.title,
		Count: len(t.in), Of: t.of, Trains: t.in, Priority: Medium, Words: frameworkOf(t.fs, words),
	}
	if f.Share() >= SystemicHighShare {
		f.Priority = High
	}
	f.Finding = fmt.Sprintf("%d of %d %s: %s.", f.Count, f.Of, trainsWord(t.fs), lowerFirst(t.title))
	return f, true
}

// lowerFirst lowers the first letter unless the first word is a name (it
// has another capital, as in "RTE" or "System Architect").
func lowerFirst(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if len(word) > 1 && strings.ToLower(word[1:]) != word[1:] {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// systemicFindings applies PF-01 to PF-05, in rule order, each rule's
// subjects in the order of its source (role-gap rules, dimensions,
// recommendation rules).
func systemicFindings(d *Definitions, rows []PortfolioRow, minGroup int, words Framework) []SystemicFinding {
	var out []SystemicFinding
	add := func(t *tally) {
		if f, ok := t.finding(minGroup, words); ok {
			out = append(out, f)
		}
	}
	assessed := slices.DeleteFunc(slices.Clone(rows), func(r PortfolioRow) bool { return !r.Assessed() })

	// PF-01: a role gap, among the trains whose framework has the rule and
	// whose roster is entered.
	for _, rule := range RoleGapRules {
		t := &tally{rule: "PF-01", subject: rule.ID}
		for _, r := range assessed {
			if !r.Train.Framework.Applies(rule.ID) || !r.rosterEntered {
				continue
			}
			t.consider(r, slices.ContainsFunc(r.Results.Gaps, func(g RoleGap) bool { return g.Rule == rule.ID }))
		}
		t.title = frameworkOf(t.fs, words).Expand(rule.Title)
		add(t)
	}

	// PF-02: a low dimension, among the trains where it has enough answered.
	if d != nil {
		for _, dim := range d.Dimensions {
			t := &tally{rule: "PF-02", subject: dim.ID, title: fmt.Sprintf("%s scored below %.0f", dim.Title, LowDimensionScore)}
			for _, r := range assessed {
				for _, ds := range r.Results.Dimensions {
					if ds.DimensionID == dim.ID && ds.Score.Enough() {
						t.consider(r, ds.Score.Value < LowDimensionScore)
					}
				}
			}
			add(t)
		}
	}

	// PF-03: impediments waiting at LACE level, or older than one PI.
	lace := &tally{rule: "PF-03", subject: "lace-level", title: "An open impediment at LACE level"}
	old := &tally{rule: "PF-03", subject: "older-than-pi"}
	for _, r := range assessed {
		lace.consider(r, r.Results.Figures.OpenByLevel[LevelLACE] > 0)
		old.consider(r, r.Results.Figures.OlderThanPI > 0)
	}
	old.title = frameworkOf(old.fs, words).Expand("An open impediment older than one {pi}")
	add(lace)
	add(old)

	// PF-04: an agreed recommendation many trains share, by rule (the
	// rules sharedRules keeps).
	type key struct{ rule, subject string }
	shared := map[key]*tally{}
	var keys []key
	for _, r := range assessed {
		for _, rule := range r.shared {
			k := key{rule: rule, subject: rule}
			if shared[k] == nil {
				shared[k] = &tally{rule: "PF-04", subject: k.subject}
				keys = append(keys, k)
			}
			shared[k].in = append(shared[k].in, TrainRef{ID: r.Train.ID, Name: r.Train.Name})
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(ruleRank(a.rule), ruleRank(b.rule)); c != 0 {
			return c
		}
		return cmp.Compare(a.subject, b.subject)
	})
	for _, k := range keys {
		t := shared[k]
		t.of = len(assessed)
		t.fs = map[Framework]bool{}
		for _, r := range assessed {
			t.fs[r.Train.Framework.Def().ID] = true
		}
		// t.in is in the rows' order: the trains were taken in that order.
		t.title = sharedTitle(frameworkOf(t.fs, words), k.rule)
		add(t)
	}

	// PF-05: poor follow-through, among the trains that had follow-ups.
	ft := &tally{rule: "PF-05", subject: "follow-through"}
	for _, r := range assessed {
		if r.Results.FollowThrough.Total > 0 {
			ft.consider(r, r.Results.FollowThrough.Rate < LowFollowThroughRate)
		}
	}
	ft.title = frameworkOf(ft.fs, words).Expand(fmt.Sprintf("Fewer than %.0f%% of the last {pi}'s agreed recommendations closed", LowFollowThroughRate*100))
	add(ft)
	return out
}

func rowIndex(rows []PortfolioRow, id string) int {
	return slices.IndexFunc(rows, func(r PortfolioRow) bool { return r.Train.ID == id })
}

// frameworkOf is the framework whose words a finding uses: the one
// framework of the trains it counts, else the portfolio's.
func frameworkOf(fs map[Framework]bool, words Framework) Framework {
	if len(fs) == 1 {
		for f := range fs {
			return f
		}
	}
	return words
}

// sharedTitle names a shared recommendation by its rule's title.
func sharedTitle(f Framework, rule string) string {
	for _, r := range append(slices.Clone(RecommendationRules), FollowUpRules...) {
		if r.ID == rule {
			return f.Expand(r.Title)
		}
	}
	return rule
}
