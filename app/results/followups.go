package results

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// followUpsSection shows last PI's agreed recommendations as the new
// assessment reads them: what the data says, and what the coach says, with
// one button per state. A dropped one asks for its reason.
func (rs *Screen) followUpsSection() fyne.CanvasObject {
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

func (rs *Screen) newFollowUpCard(fr assessment.FollowUpResult) *followUpCard {
	fw := rs.train.Framework
	c := &followUpCard{fu: rs.a.FollowUps[assessment.FollowUpIndex(rs.a.FollowUps, fr.RecommendationID)], buttons: map[assessment.FollowUpState]*widget.Button{}}
	c.state = widgets.Wrapped(widgets.FollowUpSaid(fr))
	c.data = widgets.Wrapped(widgets.FollowUpData(fr))
	c.data.TextStyle.Italic = true
	meta := widgets.Truncated(widgets.FollowUpWhen(fw, fr) + " · Owner: " + fr.Owner.Title(fw))
	if fr.OverduePIs > 0 && !fr.Closed {
		meta.Importance = widget.WarningImportance
	}
	finding := widgets.Wrapped(fr.Finding)
	finding.TextStyle.Bold = true
	btns := container.NewHBox()
	for _, st := range assessment.FollowUpStates {
		b := widget.NewButton(widgets.FollowUpButtonText(st), func() { rs.setFollowUpState(c.fu, st) })
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
func (rs *Screen) setFollowUpState(fu assessment.FollowUp, st assessment.FollowUpState) {
	if rs.final() {
		return
	}
	if st != assessment.FollowUpDropped {
		fu.State, fu.Reason = st, ""
		rs.saveFollowUp(fu)
		return
	}
	rs.askReason(widgets.DropReason, func(reason string) {
		fu.State, fu.Reason = assessment.FollowUpDropped, reason
		rs.saveFollowUp(fu)
	})
}

// askReason asks for the short reason a decision needs (dropping a
// follow-up, rejecting recommendations) and calls then with it; without a
// reason it says so and nothing changes.
func (rs *Screen) askReason(q widgets.ReasonAsk, then func(reason string)) {
	rs.lastReasonDialog, rs.lastReasonEntry = widgets.AskReason(rs.host.Window(), q, rs.host.ShowError, then)
}

func (rs *Screen) saveFollowUp(fu assessment.FollowUp) {
	i := assessment.FollowUpIndex(rs.a.FollowUps, fu.RecommendationID)
	if i < 0 {
		return
	}
	rs.host.SaveFollowUp(rs.assessmentID, fu, func() {
		rs.a.FollowUps[i] = fu
		rs.evaluate()
	})
}
