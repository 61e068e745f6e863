package checklist

import (
	"context"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// What the checklists let the coach take back with Ctrl+Z (see the Host's
// Undoable): a rating; what was typed in an item's note, evidence or
// figure, as one change once the coach leaves the field or the item
// (while the field has the keys, Ctrl+Z undoes its typing first, as Fyne's
// Entry does); and the notes on a checklist. Taking one back shows its
// item, sets what it was and saves it, as the change itself did; that is
// recorded in turn, for Redo.

// itemName is an item in a step's name: its text, shortened, in quotes.
func (s *Screen) itemName(itemID string) string {
	it, _ := s.host.Definitions().Item(itemID)
	if it == nil {
		return "an item"
	}
	return "“" + widgets.TruncateText(s.train.Framework.Expand(it.Text), 40) + "”"
}

// editable says whether the assessment on screen takes changes.
func (s *Screen) editable() bool { return s.a != nil && !s.final() }

// recordRating records that the rating of an item was from before.
func (s *Screen) recordRating(itemID string, before assessment.Rating) {
	s.host.Undoable("rating of "+s.itemName(itemID), func() {
		if !s.editable() {
			return
		}
		ans := s.a.Answers[itemID]
		now := ans.Rating
		ans.ItemID, ans.Rating = itemID, before
		s.a.Answers[itemID] = ans
		s.recordRating(itemID, now)
		s.answerTakenBack(itemID)
	})
}

// typing remembers an item's answer as it was before the coach started
// typing in its note, evidence or figure, until that is saved.
func (s *Screen) typing(itemID string, before assessment.Answer) {
	if s.typedFrom == nil {
		s.typedFrom = map[string]assessment.Answer{}
	}
	if _, ok := s.typedFrom[itemID]; !ok {
		s.typedFrom[itemID] = before
	}
}

// endTyping saves what is being typed and records what was typed for each
// item since it was last left as one change.
func (s *Screen) endTyping() {
	if len(s.typedFrom) == 0 {
		return
	}
	s.host.Flush()
	for id, before := range s.typedFrom {
		delete(s.typedFrom, id)
		if s.a != nil {
			s.recordTyped(id, before, s.a.Answers[id])
		}
	}
}

// recordTyped records a change of an item's typed fields, named after the
// one that changed.
func (s *Screen) recordTyped(itemID string, before, now assessment.Answer) {
	var what string
	switch {
	case !sameFigure(before.Figure, now.Figure):
		what = "figure for "
	case before.Note != now.Note:
		what = "note on "
	case before.Evidence != now.Evidence:
		what = "evidence for "
	default:
		return
	}
	s.host.Undoable(what+s.itemName(itemID), func() {
		if !s.editable() {
			return
		}
		ans := s.a.Answers[itemID]
		was := ans
		ans.ItemID = itemID
		ans.Note, ans.Evidence = before.Note, before.Evidence
		if !sameFigure(ans.Figure, before.Figure) {
			// A figure decides the level: the rating it replaced comes back.
			ans.Figure, ans.Rating = before.Figure, before.Rating
		}
		s.a.Answers[itemID] = ans
		s.recordTyped(itemID, was, ans)
		s.answerTakenBack(itemID)
	})
}

func sameFigure(a, b *float64) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// answerTakenBack shows an item whose answer a step changed, with what
// follows from it, and saves the answer.
func (s *Screen) answerTakenBack(itemID string) {
	s.evaluate()
	s.reveal(itemID)
	s.saveAnswer(itemID)
}

// reveal shows an item, filled from the model: the one on screen again,
// or another as moving to it does; the keys go back to its levels.
func (s *Screen) reveal(itemID string) {
	for ci, cl := range s.defs().Checklists {
		for ii, it := range cl.Items {
			if it.ID != itemID {
				continue
			}
			if !s.onStep && s.cl == ci && s.it == ii {
				s.showProgress()
				s.showItem()
				s.focusKeys()
			} else {
				s.goTo(ci, ii)
			}
			return
		}
	}
}

// setChecklistNote saves the coach's note on a checklist and records the
// change.
func (s *Screen) setChecklistNote(clID, note string) {
	before := s.a.Notes[clID]
	if note == before {
		return
	}
	s.a.Notes[clID] = note
	id := s.assessmentID
	s.host.Write("the checklist notes", func(ctx context.Context) error {
		return s.host.Store().SetChecklistNote(ctx, id, clID, note)
	}, nil)
	title := clID
	if cl := s.host.Definitions().Checklist(clID); cl != nil {
		title = s.train.Framework.Expand(cl.Title)
	}
	s.host.Undoable("notes on "+title, func() {
		if s.editable() {
			s.setChecklistNote(clID, before)
		}
	})
}
