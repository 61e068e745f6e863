package assessment

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// RecommendationGroup is the recommendations about one finding: the
// scaled facilitator, one role-gap rule across all its teams and people,
// the impediment register, or one dimension's low practices. A LACE reads
// a handful of groups, each with its actions and evidence under it, rather
// than thirty lines; the coach can accept or reject a group at once.
type RecommendationGroup struct {
	Key      string // stable: "verdict", "gap:RG-12", "register", "dimension:flow", "coach"
	Title    string // in the coach's words and the framework's
	Priority Priority
	Members  []Recommendation // in SortRecommendations order
}

// GroupRules say how recommendations are grouped; the method documents them.
var GroupRules = []Rule{
	{"GR-01", "Group by finding",
		"Recommendations are grouped by what they are about: the verdict on the {facilitator} (RV rules); each role-gap rule across all the teams and people it found (RG rules); the impediment register (RF rules); each dimension's low-rated practices and measures (RI-01); the coach's own. A group's priority is its highest agreed member's; groups are listed by priority, then in rule order, then by how many agreed recommendations they hold. Rejected recommendations stay in their group, marked; the coach can accept or reject a group at once, and a rejection keeps the short reason the coach gives for it."},
}

// GroupRecommendations groups recommendations by finding (GR-01). d gives
// each item's dimension; without it, item recommendations form one group.
func GroupRecommendations(d *Definitions, f Framework, recs []Recommendation) []RecommendationGroup {
	var groups []*RecommendationGroup
	byKey := map[string]*RecommendationGroup{}
	for _, rec := range recs {
		key, title := groupOf(d, f, rec)
		g, ok := byKey[key]
		if !ok {
			g = &RecommendationGroup{Key: key, Title: title, Priority: Low}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.Members = append(g.Members, rec)
	}
	out := make([]RecommendationGroup, 0, len(groups))
	for _, g := range groups {
		SortRecommendations(g.Members)
		g.Priority = Low
		for _, m := range g.Members {
			if m.Status != Rejected && m.Priority < g.Priority {
				g.Priority = m.Priority
			}
		}
		out = append(out, *g)
	}
	agreed := func(g RecommendationGroup) int {
		n := 0
		for _, m := range g.Members {
			if m.Status != Rejected {
				n++
			}
		}
		return n
	}
	slices.SortStableFunc(out, func(a, b RecommendationGroup) int {
		return cmp.Or(
			cmp.Compare(a.Priority, b.Priority),
			cmp.Compare(ruleRank(a.Members[0].Rule), ruleRank(b.Members[0].Rule)),
			cmp.Compare(agreed(b), agreed(a)),
			cmp.Compare(a.Key, b.Key),
		)
	})
	return out
}

func groupOf(d *Definitions, f Framework, rec Recommendation) (key, title string) {
	switch {
	case rec.ByCoach || rec.Rule == "":
		return "coach", "The coach's own recommendations"
	case strings.HasPrefix(rec.Rule, "RV-"):
		return "verdict", f.Expand("{Facilitator-title}")
	case strings.HasPrefix(rec.Rule, "RG-"):
		if r := RoleGapRuleByID(rec.Rule); r != nil {
			return "gap:" + rec.Rule, f.Expand(r.Title)
		}
	case strings.HasPrefix(rec.Rule, "RF-"):
		return "register", "The impediment register"
	case rec.Rule == "RI-01":
		if it, _ := d.Item(strings.TrimPrefix(rec.ID, "RI-01/")); it != nil {
			for _, dim := range d.Dimensions {
				if dim.ID == it.Dimension {
					return "dimension:" + dim.ID, dim.Title
				}
			}
		}
		return "items", "Practices rated low"
	}
	return "rule:" + rec.Rule, rec.Rule
}

// ErrNoReason is DecideGroup's answer to a rejection without a reason.
var ErrNoReason = errors.New("say in a few words why the recommendations are rejected; the report keeps the reason")

// DecideGroup accepts or rejects every recommendation of a group at once.
// A rejection needs a short reason, which every member keeps and the report
// prints beside it; accepting or proposing again clears it. It changes the
// review: the edits of the derived members (which it also returns, as
// storage takes them) and the status of the coach's own. Other fields the
// coach edited stay as they were.
func DecideGroup(rv *Review, g RecommendationGroup, status RecommendationStatus, reason string) (map[string]RecommendationEdit, error) {
	reason = strings.TrimSpace(reason)
	switch status {
	case Rejected:
		if reason == "" {
			return nil, ErrNoReason
		}
	case Accepted, Proposed:
		reason = ""
	default:
		return nil, fmt.Errorf("unknown status %q: accept, reject or propose", status)
	}
	if rv.Edits == nil {
		rv.Edits = map[string]RecommendationEdit{}
	}
	changed := map[string]RecommendationEdit{}
	for _, m := range g.Members {
		if m.ByCoach {
			for i := range rv.Added {
				if rv.Added[i].ID == m.ID {
					rv.Added[i].Status, rv.Added[i].Reason = status, reason
				}
			}
			continue
		}
		e := rv.Edits[m.ID]
		e.Status, e.Reason = status, reason
		rv.Edits[m.ID] = e
		changed[m.ID] = e
	}
	return changed, nil
}
