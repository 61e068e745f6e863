package workshop

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// discussionView lists the workshop's revealed items, most divided first
// (Workshop.Discussion), so the room talks about what splits it before the
// coach records a consensus. Items with strong disagreement are marked; a
// click goes to the item.
type discussionView struct {
	ws *Screen

	spreads []assessment.Spread
	intro   *widget.Label
	list    *widget.List
	empty   *widget.Label
	root    fyne.CanvasObject
}

var discussionColumns = []float32{14, 18, 10, 8, 50}

func newDiscussionView(ws *Screen) *discussionView {
	d := &discussionView{ws: ws}
	d.intro = widgets.Wrapped("The items whose votes are revealed, the most divided first. Talk about the marked ones before you record a consensus; click an item to go to it.")
	d.empty = widgets.Wrapped("No item is revealed yet. Reveal the votes on an item and it appears here.")
	d.list = widget.NewList(
		func() int { return len(d.spreads) },
		func() fyne.CanvasObject {
			flag := widget.NewLabel("")
			flag.TextStyle.Bold = true
			flag.Importance = widget.DangerImportance
			return widgets.Row(discussionColumns, container.NewBorder(nil, nil, widget.NewIcon(nil), nil, flag),
				widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""), widgets.Truncated(""))
		},
		d.updateRow)
	d.list.OnSelected = func(id widget.ListItemID) {
		d.list.UnselectAll()
		if id < len(d.spreads) {
			d.ws.goToItem(d.spreads[id].ItemID)
		}
	}
	head := widgets.Row(discussionColumns, widgets.ColumnHead(""), widgets.ColumnHead("Disagreement"), widgets.ColumnHead("Median"), widgets.ColumnHead("Votes"), widgets.ColumnHead("Item"))
	d.root = container.NewBorder(container.NewPadded(container.NewVBox(d.intro, head, widget.NewSeparator())), nil, nil, nil,
		container.NewStack(d.list, container.NewPadded(container.NewVBox(d.empty))))
	return d
}

func (d *discussionView) content() fyne.CanvasObject { return d.root }

// set reads the spreads again from the workshop.
func (d *discussionView) set() {
	d.spreads = d.ws.workshop().Discussion(d.ws.defs())
	if len(d.spreads) == 0 {
		d.empty.Show()
	} else {
		d.empty.Hide()
	}
	d.list.Refresh()
}

func (d *discussionView) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(d.spreads) {
		return
	}
	sp := d.spreads[id]
	cells := o.(*fyne.Container).Objects
	flagCell := cells[0].(*fyne.Container)
	flag := flagCell.Objects[0].(*widget.Label)
	icon := flagCell.Objects[1].(*widget.Icon)
	if sp.Flagged() {
		flag.SetText("Discuss")
		icon.SetResource(theme.NewErrorThemedResource(theme.WarningIcon()))
	} else {
		flag.SetText("")
		icon.SetResource(nil)
	}
	cells[1].(*widget.Label).SetText(fmt.Sprintf("%.2f · %s", sp.Disagreement, widgets.ShortDisagreement(sp.Disagreement)))
	median := "–"
	if sp.Rated() > 0 {
		median = widgets.MedianText(sp.Median)
	}
	cells[2].(*widget.Label).SetText(median)
	cells[3].(*widget.Label).SetText(fmt.Sprint(len(sp.Votes)))
	cells[4].(*widget.Label).SetText(widgets.ItemTitle(d.ws.defs(), d.ws.train.Framework, sp.ItemID))
}

// workshopSummary sums up the workshop: how far it has come, and the gap
// between the room's self-rating (the consensus) and what the coach
// observed, per checklist and per item (assessment.ObservationGaps).
type workshopSummary struct {
	ws *Screen

	facts *widget.Label
	body  *fyne.Container
	root  fyne.CanvasObject

	checklistGaps []string // each checklist's line as shown, for tests
}

func newWorkshopSummary(ws *Screen) *workshopSummary {
	s := &workshopSummary{ws: ws}
	s.facts = widgets.Wrapped("")
	s.body = container.NewVBox()
	s.root = container.NewVScroll(container.NewPadded(container.NewVBox(s.facts, s.body)))
	return s
}

func (s *workshopSummary) content() fyne.CanvasObject { return s.root }

// set computes the gaps again and shows them.
func (s *workshopSummary) set() {
	ws := s.ws
	defs, fw, a := ws.defs(), ws.train.Framework, ws.a
	w := a.Workshop
	total, consensus := 0, 0
	for _, cl := range defs.Checklists {
		for _, it := range cl.Items {
			total++
			if w.Revealed[it.ID] && a.Answers[it.ID].Rating != assessment.Unanswered {
				consensus++
			}
		}
	}
	spreads := w.Discussion(defs)
	flagged := 0
	for _, sp := range spreads {
		if sp.Flagged() {
			flagged++
		}
	}
	s.facts.SetText(fmt.Sprintf("%d of %d items revealed, %s · a consensus recorded on %d of them · your own observation on %s.",
		len(spreads), total, widgets.Plural(flagged, "flagged for discussion", "flagged for discussion"),
		consensus, widgets.Plural(len(w.Observed), "item", "items")))

	gaps, per := assessment.ObservationGaps(defs, a)
	table, lines := widgets.ObservationTable(defs, fw, per)
	s.checklistGaps = lines
	objs := []fyne.CanvasObject{
		widgets.SectionTitle("The room against your observation, per checklist"),
		table,
		widgets.Caption("Each checklist is scored twice on the items that have both a consensus and your observation, so both scores rest on the same items: " +
			"once from the room's consensus, once from what you observed. A positive gap means the room rates itself higher than you saw."),
		widget.NewSeparator(),
		widgets.SectionTitle("Items where the room and you differ"),
	}
	sort.SliceStable(gaps, func(i, j int) bool { return abs(gaps[i].Gap) > abs(gaps[j].Gap) })
	shown := 0
	for _, g := range gaps {
		if g.Gap == 0 {
			continue
		}
		shown++
		itemID := g.ItemID
		b := widget.NewButton(fmt.Sprintf("%s   %s   (consensus %d, observed %d)", widgets.SignedLevels(g.Gap),
			widgets.TruncateText(widgets.ItemTitle(defs, fw, g.ItemID), 90), g.Consensus, g.Observed), func() { ws.goToItem(itemID) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	if shown == 0 {
		if len(gaps) == 0 {
			objs = append(objs, widgets.Wrapped("No item has both a consensus and your observation yet."))
		} else {
			objs = append(objs, widgets.Wrapped(fmt.Sprintf("None: on all %s with both, the room's consensus matches what you observed.", widgets.Plural(len(gaps), "item", "items"))))
		}
	}
	s.body.Objects = objs
	s.body.Refresh()
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
