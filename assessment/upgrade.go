package assessment

import (
	"maps"
	"strings"
)

// Turned round are the items whose scale changed direction, by the id they
// had before: checklist version 2026.2 made the contra-indications run from
// absent (1) to holds fully (5), where 2026.1 ran from holds fully (1) to
// absent (5). The new scale got a new id, so an answer says by its id which
// scale it was given on, and converting it twice is impossible.
var turnedRound = map[string]string{
	"fit.independent-teams.v1":         itemIndependent,
	"fit.team-scrum-weak.v1":           itemTeamScrumWeak,
	"fit.status-reporting-risk.v1":     itemStatusReporting,
	"fit.coordination-handoff-risk.v1": itemHandoff,
	"fit.no-empowered-leaders.v1":      itemNoLeaders,
	"fit.few-teams.v1":                 itemFewTeams,
}

// turnedRoundLevels is how many levels the turned-round scales have.
const turnedRoundLevels = 5

// UpgradeAnswer converts an answer given under an item's earlier id to the
// item as it is now: an answer to a turned-round item gets the new id and
// the same level counted from the other end (6 − rating); not applicable
// and don't know keep their meaning. Any other item comes back unchanged,
// so an answer already upgraded stays as it is. Import, response files and
// stored data all call this one function (migration 0006 does the same in
// SQL, and a test holds the two to the same mapping).
func UpgradeAnswer(itemID string, r Rating) (string, Rating) {
	to, ok := turnedRound[itemID]
	if !ok {
		return itemID, r
	}
	if r.Rated() && int(r) <= turnedRoundLevels {
		r = Rating(turnedRoundLevels + 1 - int(r))
	}
	return to, r
}

// UpgradeRecommendationID converts the id of a recommendation derived from
// a turned-round item ("RV-02/fit.status-reporting-risk.v1") to the item's
// new id, so the coach's edits and follow-ups stay with it.
func UpgradeRecommendationID(id string) string {
	rule, subject, ok := strings.Cut(id, "/")
	if !ok {
		return id
	}
	if to, ok := turnedRound[subject]; ok {
		return rule + "/" + to
	}
	return id
}

// TurnedRound lists the turned-round items, old id to new id, for the
// migration's test.
func TurnedRound() map[string]string {
	return maps.Clone(turnedRound)
}
