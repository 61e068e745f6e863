package widgets

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// FollowUpWhen says when a follow-up was agreed and is due, and whether it
// is overdue or escalated, as the results screen and the checklists' first
// step both say it.
func FollowUpWhen(fw assessment.Framework, fr assessment.FollowUpResult) string {
	when := fmt.Sprintf("Agreed in %s, due by %s", OrDash(fr.RaisedPI), OrDash(fr.TargetPI))
	switch {
	case fr.Escalated:
		when += fmt.Sprintf(" · overdue %s, escalated to %s", assessment.Count(fr.OverduePIs, fw.Expand("{pi}"), fw.Expand("{pis}")), LevelName(fw, fr.Escalation))
	case fr.OverduePIs > 0:
		when += " · overdue"
	case fr.Closed:
		when += " · closed"
	}
	return when
}

// FollowUpData says what the data decides about a follow-up's criterion.
func FollowUpData(fr assessment.FollowUpResult) string {
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

// FollowUpSaid is what the coach says happened, with the evidence and why
// it was dropped.
func FollowUpSaid(fr assessment.FollowUpResult) string {
	text := fr.State.Title()
	if fr.Note != "" {
		text += ": " + fr.Note
		if d := NoteDate(fr.NoteDate); d != "" {
			text += " (seen " + d + ")"
		}
	}
	if fr.Reason != "" {
		text += " (dropped because: " + fr.Reason + ")"
	}
	return "The coach says: " + text
}

// NoteDate is how a follow-up's evidence date reads; empty when it has none.
func NoteDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return assessment.DateText(t)
}

// ReasonAsk is what the reason dialog says: its title and button, the
// field's placeholder and hint, and what it says when no reason is given.
type ReasonAsk struct {
	Title, Action, Placeholder, Hint, Refused, Why string
}

// DropReason asks why a follow-up is dropped, on the results screen and in
// the checklists' first step alike.
var DropReason = ReasonAsk{"Drop this follow-up", "Drop", "Why it is dropped, for the LACE", "The report keeps it beside the follow-up",
	"The follow-up was not dropped", "say why it is dropped: the LACE reads the reason in the report"}

// AskReason asks in win for the short reason a decision needs (dropping a
// follow-up, rejecting recommendations) and calls then with it; without a
// reason refuse says so and nothing changes. It returns the dialog and its
// field, for tests.
func AskReason(win fyne.Window, q ReasonAsk, refuse func(title string, err error), then func(reason string)) (dialog.Dialog, *widget.Entry) {
	reason := widget.NewEntry()
	reason.SetPlaceHolder(q.Placeholder)
	d := dialog.NewForm(q.Title, q.Action, "Cancel", []*widget.FormItem{
		{Text: "Reason", Widget: reason, HintText: q.Hint},
	}, func(ok bool) {
		if !ok {
			return
		}
		if strings.TrimSpace(reason.Text) == "" {
			refuse(q.Refused, errors.New(q.Why))
			return
		}
		then(strings.TrimSpace(reason.Text))
	}, win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	return d, reason
}

// FollowUpButtonText is the text of the button that gives a follow-up a
// state: its key, then its name.
func FollowUpButtonText(st assessment.FollowUpState) string { return st.Key() + " " + st.Title() }
