package portfolio

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// showReview lists the systemic findings and the portfolio
// recommendations, each with the LACE's accept, reject and edit. The
// panel's labels and buttons are made once and reused at every show (a
// filter, a decision), only their words set again: a button with its icon
// is costly to make.
func (s *Screen) showReview() {
	if s.reviewHead == nil {
		s.reviewHead = widgets.Subheading("Systemic findings")
		s.noFindings = widgets.Wrapped("Nothing systemic: no finding holds across enough trains.")
		s.recsHead = container.NewVBox(widget.NewSeparator(), widgets.Subheading("Portfolio recommendations"))
	}
	objs := []fyne.CanvasObject{s.reviewHead}
	if len(s.p.Findings) == 0 {
		objs = append(objs, s.noFindings)
	}
	for i, f := range s.p.Findings {
		if i == len(s.findingRows) {
			s.findingRows = append(s.findingRows, [2]*widget.Label{wrappedBold(""), widgets.Wrapped("")})
		}
		r := s.findingRows[i]
		setText(r[0], f.Title)
		setText(r[1], f.Finding)
		objs = append(objs, r[0], r[1])
	}
	objs = append(objs, s.recsHead)
	for i, r := range s.p.Recommendations {
		if i == len(s.recRows) {
			s.recRows = append(s.recRows, s.newRecommendationRow())
		}
		s.recRows[i].set(r, s.p.Framework)
		objs = append(objs, s.recRows[i].box)
	}
	s.review_.Objects = objs
	s.review_.Refresh()
}

// setText sets a label's text, refreshing it only when it changed.
func setText(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// recommendationRow is a portfolio recommendation in the panel: its
// priority, owner and status, finding and action, and the LACE's
// buttons, which act on the recommendation it shows now.
type recommendationRow struct {
	rec                   assessment.PortfolioRecommendation
	head, finding, action *widget.Label
	accept                *widget.Button
	box                   *fyne.Container
}

func (s *Screen) newRecommendationRow() *recommendationRow {
	row := &recommendationRow{head: wrappedBold(""), finding: widgets.Wrapped(""), action: widgets.Wrapped("")}
	row.accept = widget.NewButtonWithIcon("Accept", theme.ConfirmIcon(), func() { s.Accept(row.rec.ID) })
	reject := widget.NewButtonWithIcon("Reject…", theme.CancelIcon(), func() { s.rejectDialog(row.rec.ID) })
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { s.editDialog(row.rec) })
	row.box = container.NewVBox(row.head, row.finding, row.action, container.NewHBox(row.accept, reject, edit), widget.NewSeparator())
	return row
}

// set shows r in the row.
func (row *recommendationRow) set(r assessment.PortfolioRecommendation, fw assessment.Framework) {
	row.rec = r
	status := r.Status.Title()
	if r.Status == assessment.Rejected && r.Reason != "" {
		status += ": " + r.Reason
	}
	setText(row.head, fmt.Sprintf("%s · %s · %s", r.Priority.Title(), r.Owner.Title(fw), status))
	setText(row.finding, r.Finding)
	setText(row.action, "→ "+r.Action)
	if r.Status == assessment.Accepted {
		row.accept.Disable()
	} else {
		row.accept.Enable()
	}
}

// wrappedBold is a bold label that wraps, so a long title does not widen
// the panel past its share of the window.
func wrappedBold(text string) *widget.Label {
	l := widgets.BoldLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Recommendations are the portfolio recommendations as shown, reviewed.
func (s *Screen) Recommendations() []assessment.PortfolioRecommendation {
	return s.p.Recommendations
}

// Findings are the systemic findings as shown.
func (s *Screen) Findings() []assessment.SystemicFinding { return s.p.Findings }

// Status is the line under the review's heading: what was saved.
func (s *Screen) Status() string { return s.status.Text }

// Accept accepts a portfolio recommendation, keeping any edit of its words.
func (s *Screen) Accept(id string) {
	e := s.review.Edits[id]
	e.Status, e.Reason = assessment.Accepted, ""
	s.decide(id, e, "Accepted")
}

// Reject rejects a portfolio recommendation for a reason, which it needs.
func (s *Screen) Reject(id, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return errors.New("say in a few words why the LACE rejects it")
	}
	e := s.review.Edits[id]
	e.Status, e.Reason = assessment.Rejected, reason
	s.decide(id, e, "Rejected")
	return nil
}

// Edit changes a portfolio recommendation's finding and action; empty
// keeps the derived words.
func (s *Screen) Edit(id, finding, action string) {
	e := s.review.Edits[id]
	e.Finding, e.Action = strings.TrimSpace(finding), strings.TrimSpace(action)
	s.decide(id, e, "Changed")
}

// decide saves the decision at once and shows it only once stored: the
// review is read back from the store and the portfolio built again.
func (s *Screen) decide(id string, e assessment.RecommendationEdit, what string) {
	scope := s.filters.Group
	s.status.SetText("Saving…")
	s.host.WriteOr("the portfolio decision", func(ctx context.Context) error {
		return s.host.Store().SetPortfolioDecision(ctx, scope, id, e)
	}, func() {
		s.onLoad = func() { s.status.SetText(what + " and saved.") }
		s.rebuild()
	}, func(error) { s.status.SetText("Not saved.") }, nil)
}

func (s *Screen) rejectDialog(id string) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder("e.g. the portfolio already funds this")
	reason.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New("say why in a few words")
		}
		return nil
	}
	d := dialog.NewForm("Reject the recommendation", "Reject", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Why", reason)}, func(ok bool) {
			if ok {
				_ = s.Reject(id, reason.Text)
			}
		}, s.host.Window())
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

func (s *Screen) editDialog(r assessment.PortfolioRecommendation) {
	finding, action := widget.NewMultiLineEntry(), widget.NewMultiLineEntry()
	finding.Wrapping, action.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
	finding.SetText(r.Finding)
	action.SetText(r.Action)
	d := dialog.NewForm("Edit the recommendation", "Save", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Finding", finding), widget.NewFormItem("Action", action)}, func(ok bool) {
			if ok {
				s.Edit(r.ID, finding.Text, action.Text)
			}
		}, s.host.Window())
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}
