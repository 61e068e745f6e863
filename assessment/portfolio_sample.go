package assessment

import (
	"fmt"
	"maps"
	"slices"
	"time"
)

// Names, groups and coaches of the sample portfolio: made up, like the
// sample trains they vary.
var (
	samplePortfolioNames   = []string{"Payments", "Ledger", "Claims", "Onboarding", "Cards", "Lending", "Treasury", "Mobile", "Risk", "Data platform", "Customer care", "Pricing"}
	samplePortfolioGroups  = []string{"Retail banking", "Corporate banking", "Group functions"}
	samplePortfolioCoaches = []string{"Amira Haddad", "Jonas Berg", "Mei Chen"}
)

// SamplePortfolio is a made-up portfolio of n trains for a LACE to explore
// the portfolio with, and for tests and benchmarks: variations of the SAFe
// and Scrum@Scale samples (every third train Scrum@Scale), in three groups,
// assessed by three coaches, each with the sample's last two finished
// assessments (SampleHistoryFor): one on the date and one a PI before it,
// whose agreed recommendations came along as follow-ups.
// Some trains keep the sample's missing System Architect, some rate lower,
// some higher; one in eleven left a checklist unanswered, and one in
// eleven has no finished assessment yet.
func SamplePortfolio(d *Definitions, on time.Time, n int) []PortfolioTrain {
	on = Day(on)
	type base struct {
		t         Train
		cur, prev Assessment
	}
	bases := map[Framework]*base{}
	for _, f := range []Framework{SAFe, ScrumAtScale} {
		t, _, _, h := SampleHistoryFor(f)(on)
		bases[f] = &base{t: t, cur: h[len(h)-1], prev: h[len(h)-2]}
	}
	out := make([]PortfolioTrain, 0, n)
	for i := range n {
		f := SAFe
		if i%3 == 2 {
			f = ScrumAtScale
		}
		b := bases[f]
		name := samplePortfolioNames[i%len(samplePortfolioNames)]
		if i >= len(samplePortfolioNames) {
			name = fmt.Sprintf("%s %d", name, i/len(samplePortfolioNames)+1)
		}
		t := b.t
		t.ID = fmt.Sprintf("sample-portfolio-%04d", i+1)
		t.Name = name + " (sample)"
		t.Group = samplePortfolioGroups[(i/2)%len(samplePortfolioGroups)]
		if i%7 == 6 {
			t.Group = ""
		}
		coach := samplePortfolioCoaches[i%len(samplePortfolioCoaches)]
		pt := PortfolioTrain{Train: t, Coaches: []string{coach}}
		if i%11 == 10 {
			out = append(out, pt)
			continue
		}
		cur, prev := b.cur, b.prev
		for k, a := range []*Assessment{&cur, &prev} {
			a.ID = fmt.Sprintf("%s-%s", t.ID, a.PI)
			a.TrainID = t.ID
			a.Assessor = coach
			a.Roster = a.Roster.Clone()
			a.Answers = shiftAnswers(d, a.Answers, (i%5)-2-k*(i%2)) // every other train was lower a PI before
		}
		if i%11 == 8 && d != nil {
			// One train in eleven left the impediment checklist unanswered.
			for _, it := range d.Checklist(ChecklistImpediments).Items {
				delete(cur.Answers, it.ID)
			}
		}
		if i%2 == 1 {
			// Every other train has cleared its LACE-level impediments.
			cur.Register = slices.DeleteFunc(slices.Clone(cur.Register), func(imp Impediment) bool {
				return imp.Level == LevelLACE && imp.Status != StatusResolved
			})
		}
		if i%3 != 0 && f == SAFe {
			// Two trains in three found a System Architect.
			cur.Roster.People = append(cur.Roster.People, Person{ID: t.ID + "-architect", Name: "Architect of " + name})
			cur.Roster.Roles = append(cur.Roster.Roles, RoleAssignment{Role: RoleSystemArchitect, PersonID: t.ID + "-architect"})
		}
		// The sample's follow-ups of its last PI; two trains in three moved
		// on them differently.
		cur.FollowUps = slices.Clone(b.cur.FollowUps)
		if i%3 != 0 {
			for k := range cur.FollowUps {
				cur.FollowUps[k].State = []FollowUpState{FollowUpDone, FollowUpNotStarted, FollowUpInProgress}[(i+k)%3]
				cur.FollowUps[k].Reason = ""
			}
		}
		pt.Finished = []*Assessment{&cur, &prev}
		out = append(out, pt)
	}
	return out
}

// shiftAnswers moves every rating by delta levels towards (delta > 0) or
// away from the role, kept on the item's scale: a sign against the role
// moves the other way, since its scale runs from absent to holds fully.
func shiftAnswers(d *Definitions, in map[string]Answer, delta int) map[string]Answer {
	out := maps.Clone(in)
	if delta == 0 || d == nil {
		return out
	}
	for id, a := range out {
		it, _ := d.Item(id)
		if it == nil || !a.Rating.Rated() || it.Figure != nil {
			continue
		}
		a.Rating = it.Favour(Rating(min(max(int(it.Favour(a.Rating))+delta, 1), len(it.Levels))))
		out[id] = a
	}
	return out
}
