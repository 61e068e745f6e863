package results

import (
	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/assessment"
)

// What the screen shows, for the shell's tests that reach it through the
// window's stack.

// Results are the results on screen.
func (rs *Screen) Results() assessment.Results { return rs.results }

// Previous is the assessment the results compare with; nil when none.
func (rs *Screen) Previous() *assessment.Assessment { return rs.prev }

// WorkshopGaps are the workshop card's lines per checklist.
func (rs *Screen) WorkshopGaps() []string { return rs.workshopGaps }

// FollowUps is the section of last PI's follow-ups built afresh, for the
// screenshot of it in the README.
func (rs *Screen) FollowUps() fyne.CanvasObject { return rs.followUpsSection() }
