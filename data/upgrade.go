package data

import (
	"slices"

	"github.com/trainscope/trainscope/assessment"
)

// Files written before checklists 2026.2 hold answers to the fit checklist's
// signs against the role on the scale that ran the other way, under the
// items' old ids. Importing converts them, through assessment.UpgradeAnswer,
// as migration 0006 converts the database; a file already written with the
// new ids passes unchanged. The functions copy what they change, so the
// caller's bundle or response file stays as it was read.

// upgradedBundleAssessment is ba with every answer, vote, observation,
// revealed item and recommendation id under an old id converted.
func upgradedBundleAssessment(ba BundleAssessment) BundleAssessment {
	ba.Answers = slices.Clone(ba.Answers)
	for i, bn := range ba.Answers {
		id, r := assessment.UpgradeAnswer(bn.Item, assessment.Rating(bn.Rating))
		ba.Answers[i].Item, ba.Answers[i].Rating = id, int(r)
	}
	ba.RecommendationEdits = slices.Clone(ba.RecommendationEdits)
	for i, be := range ba.RecommendationEdits {
		ba.RecommendationEdits[i].Recommendation = assessment.UpgradeRecommendationID(be.Recommendation)
	}
	ba.FollowUps = slices.Clone(ba.FollowUps)
	for i, bf := range ba.FollowUps {
		ba.FollowUps[i].Recommendation = assessment.UpgradeRecommendationID(bf.Recommendation)
	}
	ba.Recommendations = slices.Clone(ba.Recommendations)
	for i, br := range ba.Recommendations {
		ba.Recommendations[i].Evidence = slices.Clone(br.Evidence)
		for j, e := range br.Evidence {
			if e.Kind == string(assessment.EvidenceAnswer) {
				ba.Recommendations[i].Evidence[j].Ref, _ = assessment.UpgradeAnswer(e.Ref, 0)
			}
		}
	}
	if ba.Workshop != nil {
		w := *ba.Workshop
		w.Votes = slices.Clone(w.Votes)
		for i, v := range w.Votes {
			id, r := assessment.UpgradeAnswer(v.Item, assessment.Rating(v.Rating))
			w.Votes[i].Item, w.Votes[i].Rating = id, int(r)
		}
		w.Observations = slices.Clone(w.Observations)
		for i, o := range w.Observations {
			id, r := assessment.UpgradeAnswer(o.Item, assessment.Rating(o.Rating))
			w.Observations[i].Item, w.Observations[i].Rating = id, int(r)
		}
		w.Revealed = slices.Clone(w.Revealed)
		for i, item := range w.Revealed {
			w.Revealed[i], _ = assessment.UpgradeAnswer(item, 0)
		}
		ba.Workshop = &w
	}
	return ba
}

// upgradedResponse is rf with every vote under an old id converted.
func upgradedResponse(rf *ResponseFile) *ResponseFile {
	out := *rf
	out.Votes = slices.Clone(rf.Votes)
	for i, v := range out.Votes {
		id, r := assessment.UpgradeAnswer(v.Item, assessment.Rating(v.Rating))
		out.Votes[i].Item, out.Votes[i].Rating = id, int(r)
	}
	return &out
}
