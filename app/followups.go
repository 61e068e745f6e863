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
	c.state = widgets.Wrapped(followUpSaid(fr))
	c.data = widgets.Wrapped(followUpData(fr))
	c.data.TextStyle.Italic = true
	meta := widgets.Truncated(followUpWhen(fw, fr) + " · Owner: " + fr.Owner.Title(fw))
	if fr.OverduePIs > 0 && !fr.Closed {
		meta.Importance = widget.WarningImportance
	}
	finding := widgets.Wrapped(fr.Finding)
	finding.TextStyle.Bold = true
	btns := container.NewHBox()
	for _, st := range assessment.FollowUpStates {
		b := widget.NewButton(stateButtonText(st), func() { rs.setFollowUpState(c.fu, st) })
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

// followUpWhen says when a follow-up was agreed and is due, and whether it
// is overdue or escalated, as the results screen and the checklists' first
// step both say it.
func followUpWhen(fw assessment.Framework, fr assessment.FollowUpResult) string {
	when := fmt.Sprintf("Agreed in %s, due by %s", widgets.OrDash(fr.RaisedPI), widgets.OrDash(fr.TargetPI))
	switch {
	case fr.Escalated:
		when += fmt.Sprintf(" · overdue %s, escalated to %s", assessment.Count(fr.OverduePIs, fw.Expand("{pi}"), fw.Expand("{pis}")), widgets.LevelName(fw, fr.Escalation))
	case fr.OverduePIs > 0:
		when += " · overdue"
	case fr.Closed:
		when += " · closed"
	}
	return when
}

// followUpData says what the data decides about a follow-up's criterion.
func followUpData(fr assessment.FollowUpResult) string {
	data := "The data cannot decide this criterion; it is yours to judge."
	if fr.Met != nil {
		data = map[bool]string{true: "Met by the data. ", false: "Not met by the data. "}[*fr.Met] + fr.Evidence
	}
	switch fr.Override {
	case "met":
		data += " You say it is met: " + fr.OverrideReason
	case "not-met":
		data += " You say it is not met: " + fr.OverrideReason
	}
	return data
}

// followUpSaid is what the coach says happened, with the evidence and why
// it was dropped.
func followUpSaid(fr assessment.FollowUpResult) string {
	text := fr.State.Title()
	if fr.Note != "" {
		text += ": " + fr.Note
		if d := noteDateOf(fr.NoteDate); d != "" {
			text += " (seen " + d + ")"
		}
	}
	if fr.Reason != "" {
		text += " (dropped because: " + fr.Reason + ")"
	}
	return "The coach says: " + text
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
	rs.lastReasonDialog, rs.lastReasonEntry = rs.ui.askReason(dropReason, func(reason string) {
		fu.State, fu.Reason = assessment.FollowUpDropped, reason
		rs.saveFollowUp(fu)
	})
}

// reasonAsk is what the reason dialog says: its title and button, the
// field's placeholder and hint, and what it says when no reason is given.
type reasonAsk struct {
	title, action, placeholder, hint, refused, why string
}

// dropReason asks why a follow-up is dropped, on the results screen and in
// the checklists' first step alike.
var dropReason = reasonAsk{"Drop this follow-up", "Drop", "Why it is dropped, for the LACE", "The report keeps it beside the follow-up",
	"The follow-up was not dropped", "say why it is dropped: the LACE reads the reason in the report"}

// askReason asks for the short reason a decision needs (dropping a
// follow-up, rejecting recommendations) and calls then with it; without a
// reason it says so and nothing changes.
func (rs *resultsScreen) askReason(title, action, placeholder, hint, refused, why string, then func(reason string)) {
	rs.lastReasonDialog, rs.lastReasonEntry = rs.ui.askReason(reasonAsk{title, action, placeholder, hint, refused, why}, then)
}

// askReason shows the reason dialog for any screen; it returns the dialog
// and its field, for tests.
func (ui *UI) askReason(q reasonAsk, then func(reason string)) (dialog.Dialog, *widget.Entry) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder(q.placeholder)
	d := dialog.NewForm(q.title, q.action, "Cancel", []*widget.FormItem{
		{Text: "Reason", Widget: reason, HintText: q.hint},
	}, func(ok bool) {
		if !ok {
			return
		}
		if strings.TrimSpace(reason.Text) == "" {
			ui.showError(q.refused, errors.New(q.why))
			return
		}
		then(strings.TrimSpace(reason.Text))
	}, ui.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	return d, reason
}

func (rs *resultsScreen) saveFollowUp(fu assessment.FollowUp) {
	i := assessment.FollowUpIndex(rs.a.FollowUps, fu.RecommendationID)
	if i < 0 {
		return
	}
	rs.ui.saveFollowUp(rs.assessmentID, fu, func() {
		rs.a.FollowUps[i] = fu
		rs.evaluate()
	})
}

// saveFollowUp writes what the coach says happened to a follow-up, for
// the results screen and the checklists' first step alike; done runs once
// the store holds it, so a refused write changes nothing on screen.
func (ui *UI) saveFollowUp(assessmentID string, fu assessment.FollowUp, done func()) {
	ui.write("what happened to the follow-up", func(ctx context.Context) error {
		return ui.store.SetFollowUp(ctx, assessmentID, fu)
	}, done)
}
