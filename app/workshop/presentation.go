package workshop

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// presentationView shows the workshop's current item to the room, in its
// own window: drag it to the projector and press F11 for full screen. Large
// type, one item at a time, readable at 1024×768. Before the reveal it
// shows the item's levels and who has voted and who has not; after it, the
// distribution with its median and disagreement, and the consensus once
// recorded. The coach's notes, evidence and observation never appear, and
// participants are named as the workshop's anonymity says. The arrow keys
// move between items (the coach's window follows), F11 toggles full screen
// and Esc leaves.
type presentationView struct {
	ws  *Screen
	win fyne.Window

	where     *widget.Label
	text      *widget.Label
	phase     *widget.Label
	votingBox *fyne.Container
	levels    *fyne.Container
	voted     *widget.Label
	waiting   *widget.Label
	revealBox *fyne.Container
	chart     *widgets.DistributionChart
	median    *widget.Label
	disagree  *widget.Label
	flag      *fyne.Container
	consensus *widget.Label
	fullBtn   *widget.Button
	levelsOf  string // the item whose levels are shown
	body      *container.ThemeOverride
}

// Projector is what the shell offers for the presentation: a second window
// of the app, and the app's theme, which the presentation draws in large
// type.
type Projector interface {
	NewWindow(title string) fyne.Window
	Theme() fyne.Theme
}

// presentationTheme is the app's theme in large type, for a projector.
type presentationTheme struct{ fyne.Theme }

func (t presentationTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 22
	case theme.SizeNameHeadingText:
		return 36
	case theme.SizeNameSubHeadingText:
		return 28
	case theme.SizeNameCaptionText:
		return 17
	case theme.SizeNameInlineIcon:
		return 28
	case theme.SizeNamePadding:
		return 6
	case theme.SizeNameInnerPadding:
		return 10
	}
	return t.Theme.Size(n)
}

// presentationSize is a projector's resolution, the smallest it must suit.
var presentationSize = fyne.NewSize(1024, 768)

func newPresentationView(ws *Screen, pr Projector) *presentationView {
	p := &presentationView{ws: ws}
	p.win = pr.NewWindow("Trainscope – workshop presentation")

	p.where = widgets.Truncated("")
	p.where.Importance = widget.HighImportance
	p.text = widgets.Wrapped("")
	p.text.SizeName = theme.SizeNameHeadingText
	p.text.TextStyle.Bold = true
	p.phase = widget.NewLabel("")
	p.phase.SizeName = theme.SizeNameSubHeadingText
	p.phase.TextStyle.Bold = true

	p.levels = container.NewVBox()
	p.voted = widgets.Wrapped("")
	p.waiting = widgets.Wrapped("")
	p.waiting.TextStyle.Bold = true
	p.votingBox = container.NewVBox(p.levels, widget.NewSeparator(), p.voted, p.waiting)

	p.chart = widgets.NewDistributionChart()
	p.median = widgets.Wrapped("")
	p.median.TextStyle.Bold = true
	p.disagree = widgets.Wrapped("")
	flag := widget.NewLabel("Strong disagreement — discuss")
	flag.TextStyle.Bold = true
	flag.Importance = widget.DangerImportance
	p.flag = container.NewHBox(widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon())), flag)
	p.consensus = widgets.Wrapped("")
	p.consensus.TextStyle.Bold = true
	p.consensus.Importance = widget.HighImportance
	p.revealBox = container.NewVBox(widgets.Row([]float32{58, 42}, p.chart,
		container.NewVBox(p.median, p.disagree, p.flag, p.consensus)))

	p.fullBtn = widget.NewButtonWithIcon("Full screen", theme.ViewFullScreenIcon(), p.toggleFullScreen)
	p.fullBtn.Importance = widget.LowImportance
	keys := widget.NewLabel("← → previous / next item · F11 full screen · Esc leaves")
	keys.SizeName = theme.SizeNameCaptionText
	footer := container.NewBorder(nil, nil, keys, p.fullBtn)

	page := container.NewBorder(
		container.NewVBox(p.where, p.text, p.phase),
		container.NewVBox(widget.NewSeparator(), footer), nil, nil,
		container.NewVScroll(container.NewVBox(p.votingBox, p.revealBox)))
	p.body = container.NewThemeOverride(widgets.Inset(24, 12, page), presentationTheme{pr.Theme()})
	p.win.SetContent(p.body)
	p.win.Resize(presentationSize)
	p.win.Canvas().SetOnTypedKey(p.typedKey)
	p.win.SetOnClosed(func() {
		if ws.presentation == p {
			ws.presentation = nil
		}
	})
	p.update()
	return p
}

// typedKey moves between items, toggles full screen and leaves.
func (p *presentationView) typedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeyPageDown, fyne.KeySpace:
		p.ws.Move(1)
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp:
		p.ws.Move(-1)
	case fyne.KeyF11:
		p.toggleFullScreen()
	case fyne.KeyEscape:
		p.win.Close()
	}
}

func (p *presentationView) toggleFullScreen() {
	p.win.SetFullScreen(!p.win.FullScreen())
	if p.win.FullScreen() {
		p.fullBtn.SetText("Leave full screen")
	} else {
		p.fullBtn.SetText("Full screen")
	}
}

// update shows the workshop screen's current item.
func (p *presentationView) update() {
	ws := p.ws
	if ws.a == nil {
		return
	}
	cl, it := ws.item()
	fw := ws.train.Framework
	w := ws.workshop()
	p.where.SetText(fmt.Sprintf("%s · item %d of %d", fw.Expand(cl.Title), ws.it+1, len(cl.Items)))
	p.text.SetText(fw.Expand(it.Text))
	levels := ws.levels(it)

	if sp, revealed := w.Spread(it.ID, len(it.Levels)); revealed {
		p.phase.SetText("The votes")
		p.votingBox.Hide()
		p.chart.SetData(levels, sp)
		if sp.Rated() == 0 {
			p.median.SetText("No level voted")
		} else {
			p.median.SetText("Median " + widgets.MedianText(sp.Median) + medianLevel(it, sp.Median))
		}
		p.disagree.SetText(fmt.Sprintf("%s · disagreement %.2f: %s", widgets.Plural(len(sp.Votes), "vote", "votes"), sp.Disagreement, shortDisagreementWords(sp.Disagreement)))
		if sp.Flagged() {
			p.flag.Show()
		} else {
			p.flag.Hide()
		}
		if cons := ws.a.Answers[it.ID].Rating; cons != assessment.Unanswered {
			p.consensus.SetText("Consensus: " + widgets.RatingText(it, cons))
			p.consensus.Show()
		} else {
			p.consensus.Hide()
		}
		p.revealBox.Show()
	} else {
		p.phase.SetText("Vote: choose the level that fits the train")
		p.revealBox.Hide()
		if p.levelsOf != it.ID {
			p.showLevels(levels)
			p.levelsOf = it.ID
			// Widgets made since the override need its theme too.
			p.body.Refresh()
		}
		voted, waiting := w.Voted(it.ID)
		switch {
		case len(w.Participants) == 0:
			p.voted.SetText("Nobody is in the room yet.")
			p.waiting.SetText("")
		default:
			p.voted.SetText(fmt.Sprintf("Voted (%d of %d): %s", len(voted), len(w.Participants), widgets.OrDash(ws.votedNames(voted))))
			if len(waiting) == 0 {
				p.waiting.SetText("Everyone has voted.")
			} else {
				p.waiting.SetText("Still to vote: " + ws.votedNames(waiting))
			}
		}
		p.votingBox.Show()
	}
}

// showLevels shows an item's levels with what each looks like.
func (p *presentationView) showLevels(levels []assessment.Level) {
	rows := make([]fyne.CanvasObject, 0, len(levels))
	for _, l := range levels {
		key := widget.NewLabel(fmt.Sprint(l.Value))
		key.TextStyle.Bold = true
		key.SizeName = theme.SizeNameSubHeadingText
		seg := &widget.TextSegment{Text: l.Label + " — ", Style: widget.RichTextStyleStrong}
		seg.Style.Inline = true
		desc := widget.NewRichText(seg, &widget.TextSegment{Text: l.Descriptor, Style: widget.RichTextStyleInline})
		desc.Wrapping = fyne.TextWrapWord
		rows = append(rows, container.NewBorder(nil, nil, container.NewVBox(key), nil, desc))
	}
	p.levels.Objects = rows
}

// shortDisagreementWords is disagreementWords without the call to discuss,
// which the flag beside it says.
func shortDisagreementWords(d float64) string {
	return strings.TrimSuffix(widgets.DisagreementWords(d), " — discuss")
}
