package results

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/trainscope/trainscope/app/host"
	"github.com/trainscope/trainscope/app/internal/screentest"
	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// TestResultsAndRecommendations: the coach sees the results and reviews a
// recommendation: accepts one, edits another's owner and target PI, adds
// their own.
func TestResultsAndRecommendations(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	trainID, id := newTrainAssessment(t, h, "Review ART")
	answerFirst(t, h, id, 20, 2)
	rs := open(t, h, trainID, id)
	r := rs.results
	assertShows(t, c, widgets.VerdictText(r.Verdict.Kind))
	assertShows(t, c, r.Verdict.Headline)
	assertShows(t, c, "Overall score "+widgets.ScoreText(r.Overall))
	assertShows(t, c, "Recommendations for the LACE")
	if len(rs.recCards) < 2 {
		t.Fatalf("recommendations on screen: %d, want 2 or more", len(rs.recCards))
	}

	first := rs.recCards[0]
	test.Tap(first.accept)
	if got := rs.recCards[0].status.Text; !strings.HasPrefix(got, "Accepted") {
		t.Errorf("accepted recommendation shows %q", got)
	}

	second := rs.recCards[1].rec
	rs.editRecommendation(&second)
	f := rs.lastRecForm
	newOwner := assessment.OwnerLACE
	if second.Owner == newOwner {
		newOwner = assessment.OwnerBusinessOwners
	}
	f.owner.SetSelected(newOwner.Title(rs.train.Framework))
	f.targetPI.SetText("PI 2030.1")
	f.dialog.Submit()
	var edited *recCard
	for _, card := range rs.recCards {
		if card.rec.ID == second.ID {
			edited = card
		}
	}
	if edited == nil {
		t.Fatal("the edited recommendation is gone")
	}
	if !strings.Contains(edited.meta.Text, "Target: PI 2030.1") || !strings.Contains(edited.meta.Text, "Owner: "+newOwner.Title(rs.train.Framework)) {
		t.Errorf("edited recommendation shows %q", edited.meta.Text)
	}

	rs.editRecommendation(nil)
	f = rs.lastRecForm
	f.finding.SetText("Team coaches have never met as a group")
	f.action.SetText("Run a coaches' kick-off before the next PI Planning")
	f.dialog.Submit()
	assertShows(t, c, "Team coaches have never met as a group")

	a, err := h.DB.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Review.Edits[first.rec.ID].Status != assessment.Accepted {
		t.Errorf("acceptance saved as %+v", a.Review.Edits[first.rec.ID])
	}
	if e := a.Review.Edits[second.ID]; e.TargetPI != "PI 2030.1" || e.Owner != newOwner {
		t.Errorf("edit saved as %+v", e)
	}
	if len(a.Review.Added) != 1 || a.Review.Added[0].Finding != "Team coaches have never met as a group" {
		t.Errorf("own recommendation saved as %+v", a.Review.Added)
	}

	// Editing the coach's own recommendation replaces it in place, in the
	// store too: one recommendation, the new words.
	own := a.Review.Added[0]
	rs.editRecommendation(&own)
	f = rs.lastRecForm
	f.action.SetText("Run a coaches' kick-off in the first week of the PI")
	f.dialog.Submit()
	assertShows(t, c, "Run a coaches' kick-off in the first week of the PI")
	a, err = h.DB.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Review.Added) != 1 || a.Review.Added[0].ID != own.ID || a.Review.Added[0].Action != "Run a coaches' kick-off in the first week of the PI" {
		t.Errorf("the edited own recommendation is stored as %+v", a.Review.Added)
	}

	// The top buttons ask the shell: the checklists, the report's export.
	tap(t, c, "Export report")
	if !slices.Equal(h.exported, []string{id}) {
		t.Errorf("Export report asked the shell for %v", h.exported)
	}
	tap(t, c, "Checklists")
	if len(h.Opened) != 1 || h.Opened[0] != host.Checklists(trainID, id) {
		t.Errorf("Checklists opened %v", h.Opened)
	}
}

// TestDeleteOwnRecommendationOffersUndo: deleting the coach's own
// recommendation asks first, and the undo the shell offers brings it back.
func TestDeleteOwnRecommendationOffersUndo(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	trainID, id := newTrainAssessment(t, h, "Undo ART")
	rs := open(t, h, trainID, id)
	rs.editRecommendation(nil)
	rs.lastRecForm.finding.SetText("Nobody owns the PI objectives")
	rs.lastRecForm.dialog.Submit()
	tap(t, c, "Delete")
	tap(t, c, "Delete") // the confirmation's button
	a, _ := h.DB.Assessment(context.Background(), id)
	if len(a.Review.Added) != 0 || len(h.undos) != 1 {
		t.Fatalf("after deleting: %d own recommendations stored, %d undos offered", len(a.Review.Added), len(h.undos))
	}
	assertNotShown(t, c, "Nobody owns the PI objectives")
	h.undos[0]()
	a, _ = h.DB.Assessment(context.Background(), id)
	if len(a.Review.Added) != 1 || a.Review.Added[0].Finding != "Nobody owns the PI objectives" {
		t.Errorf("after the undo: %+v", a.Review.Added)
	}
	assertShows(t, c, "Nobody owns the PI objectives")
}

func TestResultsOfSampleShowPreviousOverlay(t *testing.T) {
	h := newHost(t)
	withSample(t, h)
	ctx := context.Background()
	trains, _ := h.DB.Trains(ctx)
	id := trains[0].Train.ID
	// A second assessment: it starts from the previous one's roster and
	// register, and the radar overlays the first.
	a := assessment.Assessment{TrainID: id, Date: testDay.AddDate(0, 3, 0), PI: "PI 2026.3", ChecklistVersion: h.Defs.Version}
	if err := h.DB.CreateAssessment(ctx, &a); err != nil {
		t.Fatal(err)
	}
	rs := open(t, h, id, a.ID)
	if rs.prev == nil {
		t.Fatal("no previous assessment found")
	}
	if rs.radar.Previous() == nil || len(rs.radar.Axes()) != len(h.Defs.Dimensions) {
		t.Errorf("radar: %d axes, previous %v", len(rs.radar.Axes()), rs.radar.Previous())
	}
	assertShows(t, h.Win.Canvas(), "Previous: "+widgets.AssessmentTitle(rs.prev.PI, rs.prev.Date))
}

// TestRejectAGroupAtOnce: the recommendations about one finding are
// grouped under it, and one tap rejects them all, saved together.
func TestRejectAGroupAtOnce(t *testing.T) {
	h := newHost(t)
	c := h.Win.Canvas()
	trainID, id := newTrainAssessment(t, h, "Group ART")
	answerFirst(t, h, id, 30, 1)
	rs := open(t, h, trainID, id)
	var head *groupHead
	for _, g := range rs.groupHeads {
		if len(g.group.Members) >= 2 && head == nil {
			head = g
		}
	}
	if head == nil {
		t.Fatalf("no group of two or more among %d groups", len(rs.groupHeads))
	}
	assertShows(t, c, head.group.Title)
	// A rejection without a reason: refused in plain words, nothing saved.
	test.Tap(head.rejectAll)
	rs.lastReasonEntry.SetText("  ")
	tap(t, c, "Reject")
	assertShows(t, c, "say in a few words why")
	a, err := h.DB.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range head.group.Members {
		if a.Review.Edits[m.ID].Status == assessment.Rejected {
			t.Errorf("%s rejected without a reason", m.ID)
		}
	}
	tap(t, c, "Close")
	test.Tap(head.rejectAll)
	test.Type(rs.lastReasonEntry, "The LACE funds this across trains — already planned")
	tap(t, c, "Reject")
	a, err = h.DB.Assessment(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range head.group.Members {
		if e := a.Review.Edits[m.ID]; e.Status != assessment.Rejected || e.Reason != "The LACE funds this across trains — already planned" {
			t.Errorf("%s saved as %+v after Reject all", m.ID, e)
		}
	}
	for _, card := range rs.recCards {
		if slices.ContainsFunc(head.group.Members, func(m assessment.Recommendation) bool { return m.ID == card.rec.ID }) && !strings.HasPrefix(card.status.Text, "Rejected") {
			t.Errorf("%s shows %q", card.rec.ID, card.status.Text)
		}
	}
}

// TestFollowUpsOnTheResultsScreen: a new assessment of the sample train
// shows last PI's agreed recommendations; the coach marks one done and drops
// another with a reason, each saved at once; dropping without a reason
// changes nothing.
func TestFollowUpsOnTheResultsScreen(t *testing.T) {
	h := newHost(t)
	withSample(t, h)
	store := h.DB
	ctx := context.Background()
	a := screentest.FollowedUpAssessment(t, store, h.Defs, 1)
	rs := open(t, h, a.TrainID, a.ID)
	c := h.Win.Canvas()
	assertShows(t, c, "Since last PI")
	assertShows(t, c, "Of last PI's ")
	if len(rs.followUpCards) != len(a.FollowUps) || len(a.FollowUps) == 0 {
		t.Fatalf("%d follow-ups on screen, %d in the assessment", len(rs.followUpCards), len(a.FollowUps))
	}
	assertShows(t, c, "Not met by the data. The roster still shows: Nobody holds the System Architect role.")
	first := rs.followUpCards[0]
	test.Tap(first.buttons[assessment.FollowUpDone])
	got, _ := store.Assessment(ctx, a.ID)
	if got.FollowUps[0].State != assessment.FollowUpDone {
		t.Errorf("done saved as %q", got.FollowUps[0].State)
	}

	// Dropping without a reason: refused with a message, nothing saved.
	test.Tap(rs.followUpCards[1].buttons[assessment.FollowUpDropped])
	rs.lastReasonEntry.SetText("   ")
	tap(t, c, "Drop")
	assertShows(t, c, "say why it is dropped")
	got, _ = store.Assessment(ctx, a.ID)
	if got.FollowUps[1].State == assessment.FollowUpDropped {
		t.Error("dropped without a reason")
	}
	tap(t, c, "Close")
	test.Tap(rs.followUpCards[1].buttons[assessment.FollowUpDropped])
	test.Type(rs.lastReasonEntry, "Replaced by the platform plan.")
	tap(t, c, "Drop")
	got, _ = store.Assessment(ctx, a.ID)
	if got.FollowUps[1].State != assessment.FollowUpDropped || got.FollowUps[1].Reason != "Replaced by the platform plan." {
		t.Errorf("drop saved as %+v", got.FollowUps[1])
	}
	if !strings.Contains(rs.results.FollowThrough.Sentence(assessment.SAFe), "1 dropped") {
		t.Errorf("figures on screen: %s", rs.results.FollowThrough.Sentence(assessment.SAFe))
	}
}

// TestScreensNameLikeTheReport: the results screen's verdict and statuses are
// the domain's words, the same the PDF prints.
func TestScreensNameLikeTheReport(t *testing.T) {
	for _, k := range []assessment.VerdictKind{assessment.Recommended, assessment.RecommendedConditions, assessment.NotRecommended, assessment.Undecided} {
		if widgets.VerdictText(k) != k.Title() {
			t.Errorf("the screen says %q for %s, the domain %q", widgets.VerdictText(k), k, k.Title())
		}
	}
	for _, s := range assessment.RecommendationStatuses {
		if recStatusChoice(s) != s.Title() || recStatusFromChoice(s.Title()) != s {
			t.Errorf("status %s offered as %q", s, recStatusChoice(s))
		}
	}
}

// TestScoresWholeAt1024: in a 1024-wide window the scores table keeps
// every checklist's and dimension's name, score and share rated whole, and
// says once that the fit checklist decides the verdict only.
func TestScoresWholeAt1024(t *testing.T) {
	h := newHost(t)
	withSample(t, h)
	ctx := context.Background()
	trains, _ := h.DB.Trains(ctx)
	tr := trains[0]
	h.Win.Resize(fyne.NewSize(1024, 768))
	rs := open(t, h, tr.Train.ID, tr.Latest.ID)
	h.Win.Resize(fyne.NewSize(1024, 768))
	inTable := map[string]bool{"Overall": true}
	for _, c := range rs.results.Checklists {
		inTable[tr.Train.Framework.Expand(c.Title)] = true
	}
	for _, d := range rs.results.Dimensions {
		inTable[d.Title] = true
	}
	figure := regexp.MustCompile(`^\d+/\d+ · \d+%$|^\d+ \([−+±]?\d*\)$|^\d+$`)
	for _, s := range screentest.Cut(h.Win.Canvas()) {
		if inTable[s] || figure.MatchString(s) {
			t.Errorf("at 1024 wide the scores table cuts %q", s)
		}
	}
	assertShows(t, h.Win.Canvas(), "decides the verdict only")
}
