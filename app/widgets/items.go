package widgets

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/trainscope/trainscope/assessment"
)

// ItemWhere says where item it of checklist cl stands, for the line above
// its text: "Checklist 1 of 4 · Scaled facilitator fit · Sign for the RTE
// role · item 2 of 13".
func ItemWhere(d *assessment.Definitions, fw assessment.Framework, cl, it int) string {
	c := &d.Checklists[cl]
	item := &c.Items[it]
	where := []string{fmt.Sprintf("Checklist %d of %d · %s", cl+1, len(d.Checklists), fw.Expand(c.Title))}
	// The section says enough for practices and measures; signs for and
	// against say which way they point.
	switch {
	case item.Kind == assessment.Indication || item.Kind == assessment.ContraIndication || item.Section == "":
		where = append(where, item.KindTitle(fw))
	default:
		where = append(where, item.Section)
	}
	where = append(where, fmt.Sprintf("item %d of %d", it+1, len(c.Items)))
	return strings.Join(where, " · ")
}

// ItemTitle is an item's number in its checklist and its text.
func ItemTitle(defs *assessment.Definitions, fw assessment.Framework, itemID string) string {
	for i, cl := range defs.Checklists {
		for j, it := range cl.Items {
			if it.ID == itemID {
				return fmt.Sprintf("%d.%d %s", i+1, j+1, fw.Expand(it.Text))
			}
		}
	}
	return itemID
}

// OrDash shows an empty text as a dash.
func OrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "–"
	}
	return s
}

// VoteText is a revealed vote in short.
func VoteText(r assessment.Rating) string {
	switch r {
	case assessment.NotApplicable:
		return "N/A"
	case assessment.DontKnow:
		return "don't know"
	}
	return fmt.Sprint(int(r))
}

// ShortDisagreement names the degree of disagreement in a word or two.
func ShortDisagreement(v float64) string {
	switch {
	case v >= assessment.StrongDisagreement:
		return "strong"
	case v >= assessment.SomeDisagreement:
		return "some"
	}
	return "agree"
}

// ObservationTable lays out, per checklist, the score from the room's
// consensus and from the coach's observation on the items both rated, with
// the gap, and returns each row's text too.
func ObservationTable(defs *assessment.Definitions, fw assessment.Framework, per []assessment.ChecklistObservation) (fyne.CanvasObject, []string) {
	cols := []float32{36, 16, 16, 16, 16}
	box := container.NewVBox(Row(cols, ColumnHead("Checklist"), ColumnHead("Items compared"),
		ColumnHead("Room's consensus"), ColumnHead("Your observation"), ColumnHead("Gap")))
	var lines []string
	for _, co := range per {
		title := co.ChecklistID
		if cl := defs.Checklist(co.ChecklistID); cl != nil {
			title = fw.Expand(cl.Title)
		}
		gap := "–"
		if co.Self.Known() && co.Observed.Known() {
			gap = Signed(co.Gap)
		}
		g := Truncated(gap)
		g.TextStyle.Bold = true
		box.Add(Row(cols, Truncated(title), Truncated(fmt.Sprint(co.Self.Rated)),
			Truncated(ScoreText(co.Self)), Truncated(ScoreText(co.Observed)), g))
		lines = append(lines, fmt.Sprintf("%s: consensus %s, observed %s, gap %s", title, ScoreText(co.Self), ScoreText(co.Observed), gap))
	}
	return box, lines
}

// FileDialogSize suits the save and open dialogs at 1024×768 and up.
var FileDialogSize = fyne.NewSize(900, 620)
