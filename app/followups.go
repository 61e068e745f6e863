package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// followUpsSection shows last PI's agreed recommendations as the new
// assessment reads them: what the data says, and what the coach says, with
// one button per state. A dropped one asks for its reason.
func (rs *resultsScreen) followUpsSection() fyne.CanvasObject {
	r := rs.results
	fw := rs.train.Framework
	rs.followUpCards = rs.followUpCards[:0]
	box := container.NewVBox(widgets.SectionTitle(fw.Expand("Since last {pi}")),
		widgets.Wrapped(fmt.Sprintf("%s Follow-through %.0f%%.", r.FollowThrough.Line(fw), 100*r.FollowThrough.Rate)))
	for _, fr := range r.FollowUps {
		c := rs.newFollowUpCard(fr)
		rs.followUpCards = append(rs.followUpCards, c)
		box.Add(c.box)
	}
	return widgets.Panel(box)
}

// followUpCard is one follow-up on screen.
type followUpCard struct {
	fu      assessment.FollowUp
	state   *widget.Label
	data    *widget.Label
	buttons map[assessment.FollowUpState]*widget.Button
	box     fyne.CanvasObject
}

func (rs *resultsScreen) newFollowUpCard(fr assessment.FollowUpResult) *followUpCard {
	fw := rs.train.Framework
	c := &followUpCard{fu: rs.a.FollowUps[assessment.FollowUpIndex(rs.a.FollowUps, fr.RecommendationID)], buttons: map[assessment.FollowUpState]*widget.Button{}}
	stateText := fr.State.Title()
	if fr.Note != "" {
		stateText += ": " + fr.Note
	}
	if fr.Reason != "" {
		stateText += " (dropped because: " + fr.Reason + ")"
	}
	c.state = widgets.Wrapped("The coach says: " + stateText)
	data := "The data cannot decide this criterion; it is yours to judge."
	if fr.Met != nil {
		data = map[bool]string{true: "Met by the data. ", false: "Not met by the data. "}[*fr.Met] + fr.Evidence
	}
	c.data = widgets.Wrapped(data)
	c.data.TextStyle.Italic = true
	when := fmt.Sprintf("Agreed in %s, due by %s", widgets.OrDash(fr.RaisedPI), widgets.OrDash(fr.TargetPI))
	switch {
	case fr.Escalated:
		when += fmt.Sprintf(" · overdue %s, escalated to %s", assessment.Count(fr.OverduePIs, fw.Expand("{pi}"), fw.Expand("{pis}")), levelName(fw, fr.Escalation))
	case fr.OverduePIs > 0:
		when += " · overdue"
	case fr.Closed:
		when += " · closed"
	}
	meta := widgets.Truncated(when + " · Owner: " + fr.Owner.Title(fw))
	if fr.OverduePIs > 0 && !fr.Closed {
		meta.Importance = widget.WarningImportance
	}
	finding := widgets.Wrapped(fr.Finding)
	finding.TextStyle.Bold = true
	btns := container.NewHBox()
	for i, st := range assessment.FollowUpStates {
		b := widget.NewButton(fmt.Sprintf("%d %s", i+1, st.Title()), func() { rs.setFollowUpState(c.fu, st) })
		if st == fr.State {
			b.Importance = widget.HighImportance
		}
		c.buttons[st] = b
		btns.Add(b)
	}
	if rs.final() {
		btns.Hide()
	}
	c.box = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, btns, meta), finding, widgets.Wrapped(fr.Action), c.data, c.state)
	return c
}

// setFollowUpState saves what the coach says happened; dropping one asks
// for the reason first, and nothing changes until it is given.
func (rs *resultsScreen) setFollowUpState(fu assessment.FollowUp, st assessment.FollowUpState) {
	if rs.final() {
		return
	}
	if st != assessment.FollowUpDropped {
		fu.State, fu.Reason = st, ""
		rs.saveFollowUp(fu)
		return
	}
	rs.askReason("Drop this follow-up", "Drop", "Why it is dropped, for the LACE", "The report keeps it beside the follow-up",
		"The follow-up was not dropped", "say why it is dropped: the LACE reads the reason in the report", func(reason string) {
			fu.State, fu.Reason = assessment.FollowUpDropped, reason
			rs.saveFollowUp(fu)
		})
}

// askReason asks for the short reason a decision needs (dropping a
// follow-up, rejecting recommendations) and calls then with it; without a
// reason it says so and nothing changes.
func (rs *resultsScreen) askReason(title, action, placeholder, hint, refused, why string, then func(reason string)) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder(placeholder)
	d := dialog.NewForm(title, action, "Cancel", []*widget.FormItem{
		{Text: "Reason", Widget: reason, HintText: hint},
	}, func(ok bool) {
		if !ok {
			return
		}
		if strings.TrimSpace(reason.Text) == "" {
			rs.ui.showError(refused, errors.New(why))
			return
		}
		then(strings.TrimSpace(reason.Text))
	}, rs.ui.win)
	d.Resize(fyne.NewSize(480, 0))
	rs.lastReasonDialog, rs.lastReasonEntry = d, reason
	d.Show()
}

func (rs *resultsScreen) saveFollowUp(fu assessment.FollowUp) {
	i := assessment.FollowUpIndex(rs.a.FollowUps, fu.RecommendationID)
	if i < 0 {
		return
	}
	id := rs.assessmentID
	rs.ui.write("what happened to the follow-up", func(ctx context.Context) error {
		return rs.ui.store.SetFollowUp(ctx, id, fu)
	}, func() {
		// Shown once the store holds it: a refused write changes nothing on screen.
		rs.a.FollowUps[i] = fu
		rs.evaluate()
	})
}
