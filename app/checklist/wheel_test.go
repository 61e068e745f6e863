package checklist

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// The mouse wheel over the note, the evidence and the figure scrolls the
// item page (issue 16): Fyne gives it to the entry's own scroller, which
// keeps it, unless the entry is laid out through widgets.Wheel.
func TestWheelOverANoteScrollsTheItemPage(t *testing.T) {
	h := newHost(t)
	s := startAssessment(t, h, "Wheel train")
	h.Win.Resize(fyne.NewSize(1024, 420))
	s.scroll.Refresh()
	if s.scroll.Content.MinSize().Height <= s.scroll.Size().Height {
		t.Fatalf("the item page (%v) fits its scroller (%v): nothing to scroll", s.scroll.Content.MinSize(), s.scroll.Size())
	}
	over := func(e fyne.CanvasObject) fyne.Position {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(e).AddXY(20, 10)
	}
	for _, c := range []struct {
		name  string
		entry fyne.CanvasObject
	}{{"note", s.note}, {"evidence", s.evidence}} {
		s.scroll.ScrollToTop()
		at := over(c.entry)
		if at.Y >= h.Win.Canvas().Size().Height {
			s.scroll.Offset.Y = at.Y - 100
			s.scroll.Refresh()
			at = over(c.entry)
		}
		before := s.scroll.Offset.Y
		dy := float32(-30) // down the page, or up it when already scrolled
		if before > 0 {
			dy = 30
		}
		test.Scroll(h.Win.Canvas(), at, 0, dy)
		if s.scroll.Offset.Y != before-dy && !(before-dy < 0 && s.scroll.Offset.Y == 0) {
			t.Errorf("the wheel over the %s left the page at %v (was %v)", c.name, s.scroll.Offset.Y, before)
		}
	}
}
