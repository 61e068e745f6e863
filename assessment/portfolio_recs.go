package assessment

import (
	"fmt"
	"slices"
	"strings"
)

// portfolioRecommendations derives one portfolio recommendation from each
// systemic finding, owned by the LACE or portfolio leadership, with a
// criterion the trains' next assessments decide. The texts take the
// finding's words: its trains' one framework, or the neutral words.
func portfolioRecommendations(findings []SystemicFinding) []PortfolioRecommendation {
	var out []PortfolioRecommendation
	for _, fd := range findings {
		f := fd.Words
		rec := Recommendation{
			ID: fd.ID, Rule: fd.Rule, Finding: fd.Finding, Priority: fd.Priority,
			Owner: OwnerLACE, Escalation: LevelLACE, Status: Proposed,
		}
		names := make([]string, len(fd.Trains))
		for i, t := range fd.Trains {
			names[i] = t.Name
			rec.Evidence = append(rec.Evidence, Evidence{Kind: EvidenceTrain, Ref: t.ID, Text: t.Name})
		}
		still := acceptedBelow(fd.Count)
		next := fmt.Sprintf("At the next finished assessments of the %s named, fewer than %d", Count(fd.Count, "train", "trains"), still)
		switch fd.Rule {
		case "PF-01":
			rec.Owner = OwnerPortfolioLeadership
			rec.Action = f.Expand("Close the gap across the trains at once rather than train by train: decide at portfolio level how (who fills the role, who brings the skill, how teams are shaped), fund it, and ask each {train-short} to show it closed in its roster.")
			rec.Acceptance = fmt.Sprintf("%s of them still show role gap %s.", next, fd.Subject)
		case "PF-02":
			rec.Action = "Make the dimension the LACE's coaching focus for these trains: one shared improvement backlog, the practices of the trains that score well on it shared with the others."
			rec.Acceptance = fmt.Sprintf("%s of them still score the dimension below %.0f.", next, LowDimensionScore)
		case "PF-03":
			if fd.Subject == "lace-level" {
				rec.Owner = OwnerPortfolioLeadership
				rec.Action = "Review the open LACE-level impediments of these trains together with portfolio leadership: they share causes the trains cannot remove; name an owner and a date for each."
				rec.Acceptance = fmt.Sprintf("%s of them still have an open impediment at LACE level.", next)
			} else {
				rec.Action = f.Expand("Hold a portfolio impediment review: every impediment open longer than one {pi} is resolved, escalated with an owner, or closed as accepted.")
				rec.Acceptance = f.Expand(fmt.Sprintf("%s of them still have an open impediment older than one {pi}.", next))
			}
		case "PF-04":
			rec.Action = "Answer this once for all these trains: one portfolio initiative with one owner, instead of the same recommendation worked on train by train."
			rec.Acceptance = fmt.Sprintf("%s of them still have this recommendation agreed.", next)
		case "PF-05":
			rec.Owner = OwnerPortfolioLeadership
			rec.Action = f.Expand("Review the agreed recommendations of these trains with their leaders each {pi}: fewer and smaller commitments, each with an owner who has the time to act.")
			rec.Acceptance = f.Expand(fmt.Sprintf("At the next finished assessments of the %s named, at least %d of them close %.0f%% or more of the last {pi}'s agreed recommendations.", Count(fd.Count, "train", "trains"), still, LowFollowThroughRate*100))
		}
		rec.Evidence = append([]Evidence{{Kind: EvidenceFigure, Ref: fd.Rule, Text: fmt.Sprintf("%d of %d trains (%.0f%%): %s", fd.Count, fd.Of, 100*fd.Share(), strings.Join(names, ", "))}}, rec.Evidence...)
		out = append(out, PortfolioRecommendation{Recommendation: rec, Trains: slices.Clone(fd.Trains)})
	}
	return out
}

// ApplyPortfolioReview applies the LACE's review to the portfolio
// recommendations, as ApplyReview does for a train's: an edit changes the
// recommendation with its ID (empty fields keep the derived value) and keeps
// its reason; the LACE's own recommendations join, accepted; edits of
// recommendations no finding derives any more are dropped. Rejected ones
// stay, marked, with the reason.
func ApplyPortfolioReview(recs []PortfolioRecommendation, rv PortfolioReview) []PortfolioRecommendation {
	out := make([]PortfolioRecommendation, 0, len(recs)+len(rv.Added))
	for _, pr := range recs {
		pr.Evidence = slices.Clone(pr.Evidence)
		pr.Trains = slices.Clone(pr.Trains)
		if e, ok := rv.Edits[pr.ID]; ok {
			pr.Recommendation = applyEdit(pr.Recommendation, e, "")
		}
		out = append(out, pr)
	}
	for i, rec := range rv.Added {
		rec.Evidence = slices.Clone(rec.Evidence)
		rec.ByCoach, rec.Rule = true, ""
		if rec.ID == "" {
			rec.ID = fmt.Sprintf("lace/%d", i+1)
		}
		if rec.Status == "" {
			rec.Status = Accepted
		}
		if rec.Priority < High || rec.Priority > Low {
			rec.Priority = Medium
		}
		if rec.Owner == "" {
			rec.Owner = OwnerLACE
		}
		out = append(out, PortfolioRecommendation{Recommendation: rec})
	}
	return out
}

// Review applies the LACE's review to the portfolio's recommendations.
func (p *Portfolio) Review(rv PortfolioReview) {
	p.Recommendations = ApplyPortfolioReview(p.Recommendations, rv)
}

// Agreed are the portfolio recommendations the LACE has not rejected.
func (p Portfolio) Agreed() []PortfolioRecommendation {
	var out []PortfolioRecommendation
	for _, r := range p.Recommendations {
		if r.Status != Rejected {
			out = append(out, r)
		}
	}
	return out
}
