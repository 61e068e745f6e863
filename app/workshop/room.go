package workshop

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// roomPanel is the coach's list of the people in the workshop, beside the
// voting: each with their role and a mark saying whether they have voted on
// the item on screen (never how), a click to let them vote next, and a
// button to take them out. Below it the coach adds someone by name and role, and turns
// anonymity on or off. It is the coach's own view, so it shows names; in
// an anonymous workshop it also shows how everyone else sees each person.
type roomPanel struct {
	ws *Screen

	title     *widget.Label
	anonymous *widget.Check
	people    *fyne.Container
	name      *widget.Entry
	role      *widget.Select
	addBtn    *widget.Button
	refusal   *widget.Label
	root      fyne.CanvasObject

	rows     []*roomRow
	shownKey string // the room the rows were made for
}

// roomRow is one participant in the panel: a tick once they have voted on
// the item, a play mark while it is their turn.
type roomRow struct {
	id        string
	voted     bool
	shownMark string // "voted", "voting" or "" as the mark shows now
	mark      *widget.Icon
	name      *widget.Button
	detail    *canvas.Text
	remove    *widget.Button
}

func newRoomPanel(ws *Screen) *roomPanel {
	r := &roomPanel{ws: ws}
	r.title = widgets.SectionTitle("The room")
	r.anonymous = widget.NewCheck("Anonymous", r.setAnonymous)
	anonHint := widgets.Wrapped("Reports, exports and the presentation show roles, never names.")
	anonHint.SizeName = theme.SizeNameCaptionText
	r.people = container.NewVBox()

	r.name = widget.NewEntry()
	r.name.SetPlaceHolder("Name")
	r.name.OnSubmitted = func(string) { r.add() }
	r.role = widget.NewSelect(nil, nil)
	r.role.PlaceHolder = "Role"
	r.addBtn = widget.NewButtonWithIcon("Add participant", theme.ContentAddIcon(), r.add)
	r.refusal = widgets.Wrapped("")
	r.refusal.Importance = widget.DangerImportance
	r.refusal.Hide()
	addBox := container.NewVBox(widget.NewSeparator(), widgets.BoldLabel("Add someone"), r.name, r.role,
		container.NewHBox(r.addBtn), r.refusal)

	r.root = widgets.WithWidth(250, container.NewBorder(
		container.NewVBox(r.title, r.anonymous, anonHint, widget.NewSeparator()),
		addBox, nil, nil,
		container.NewVScroll(r.people)))
	return r
}

func (r *roomPanel) content() fyne.CanvasObject { return r.root }

// set shows the room as the workshop holds it, for the item on screen.
func (r *roomPanel) set() {
	ws := r.ws
	w := ws.workshop()
	fw := ws.train.Framework
	r.title.SetText(fmt.Sprintf("The room (%d)", len(w.Participants)))
	ws.filling = true
	r.anonymous.SetChecked(w.Anonymous)
	ws.filling = false

	titles := make([]string, len(assessment.ParticipantRoles))
	for i, role := range assessment.ParticipantRoles {
		titles[i] = role.Title(fw)
	}
	if !slices.Equal(titles, r.role.Options) {
		r.role.SetOptions(titles)
	}

	_, it := ws.item()
	voted, _ := w.Voted(it.ID)
	has := map[string]bool{}
	for _, p := range voted {
		has[p.ID] = true
	}
	revealed := w.Revealed[it.ID]
	// The rows are made again only when the room changes; a vote changes
	// marks, and a workshop of twenty votes quickly.
	if key := r.roomKey(); key != r.shownKey {
		r.build()
		r.shownKey = key
	}
	for _, row := range r.rows {
		row.voted = has[row.id]
		mark, importance := "", widget.LowImportance
		switch {
		case row.voted:
			mark = "voted"
		case row.id == ws.voterID && !revealed:
			mark, importance = "voting", widget.HighImportance
		}
		if mark != row.shownMark {
			switch mark {
			case "voted":
				row.mark.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
			case "voting":
				row.mark.SetResource(theme.NewPrimaryThemedResource(theme.MediaPlayIcon()))
			default:
				row.mark.SetResource(theme.RadioButtonIcon())
			}
			row.shownMark = mark
		}
		if row.name.Importance != importance {
			row.name.Importance = importance
			row.name.Refresh()
		}
	}

	if ws.final() {
		r.anonymous.Disable()
		r.name.Disable()
		r.role.Disable()
		r.addBtn.Disable()
	} else {
		r.anonymous.Enable()
		r.name.Enable()
		r.role.Enable()
		r.addBtn.Enable()
	}
}

// roomKey says who is in the room as the rows show them.
func (r *roomPanel) roomKey() string {
	w := r.ws.workshop()
	var b strings.Builder
	fmt.Fprintf(&b, "%v %v\n", w.Anonymous, r.ws.final())
	for _, p := range w.Participants {
		fmt.Fprintf(&b, "%s\t%s\t%s\n", p.ID, p.Name, p.Role)
	}
	return b.String()
}

// build makes a row for each participant.
func (r *roomPanel) build() {
	ws := r.ws
	w := ws.workshop()
	fw := ws.train.Framework
	r.rows = r.rows[:0]
	objs := make([]fyne.CanvasObject, 0, len(w.Participants)+1)
	if len(w.Participants) == 0 {
		objs = append(objs, widgets.Wrapped("Nobody yet."))
	}
	for _, p := range w.Participants {
		row := &roomRow{id: p.ID, mark: widget.NewIcon(theme.RadioButtonIcon())}
		id := p.ID
		row.name = widget.NewButton(widgets.TruncateText(p.Name, 26), func() { r.chooseVoter(id) })
		row.name.Alignment = widget.ButtonAlignLeading
		row.name.Importance = widget.LowImportance
		// Anonymous: how everyone else sees them, which names the role too.
		detail := p.Role.Title(fw)
		if w.Anonymous {
			detail = "as " + w.DisplayName(p, fw)
		}
		row.detail = canvas.NewText(detail, widgets.ThemeColor(theme.ColorNameForeground))
		row.detail.TextSize = theme.CaptionTextSize()
		text := row.detail
		row.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { r.remove(id) })
		row.remove.Importance = widget.LowImportance
		if ws.final() {
			row.name.Disable()
			row.remove.Disable()
		}
		r.rows = append(r.rows, row)
		objs = append(objs, container.NewBorder(nil, nil, row.mark, row.remove,
			container.NewVBox(row.name, widgets.Inset(12, 0,
				widgets.NewThemed(text, func() { text.Color = widgets.ThemeColor(theme.ColorNameForeground) })))))
	}
	r.people.Objects = objs
	r.people.Refresh()
}

// chooseVoter lets a participant vote next on the item on screen.
func (r *roomPanel) chooseVoter(id string) {
	if r.ws.a == nil || r.ws.final() {
		return
	}
	if _, it := r.ws.item(); r.ws.workshop().Revealed[it.ID] {
		return // nobody votes on a revealed item
	}
	r.ws.voterID = id
	r.ws.setVoteMsg("")
	r.ws.refresh()
	r.ws.focusPicker()
}

// roleFromTitle finds the role a title names in the train's framework.
func (r *roomPanel) roleFromTitle(title string) assessment.ParticipantRole {
	for _, role := range assessment.ParticipantRoles {
		if role.Title(r.ws.train.Framework) == title {
			return role
		}
	}
	return assessment.RoleOtherP
}

// add puts the person typed into the room, last in the voting order. The
// domain's rules decide first (a name, told apart from the others), so a
// refusal changes nothing and says why.
func (r *roomPanel) add() {
	ws := r.ws
	if ws.a == nil || ws.final() {
		return
	}
	p := assessment.Participant{ID: data.NewID(), Name: strings.TrimSpace(r.name.Text), Role: r.roleFromTitle(r.role.Selected)}
	switch {
	case p.Name == "":
		r.refuse("Type the name of the person to add.")
		return
	case r.role.Selected == "":
		r.refuse("Choose the role " + p.Name + " speaks from.")
		return
	}
	if err := ws.workshop().AddParticipant(p); err != nil {
		r.refuse(capitalize(err.Error()) + ".")
		return
	}
	r.refusal.Hide()
	saved := ws.workshop().Participants[len(ws.workshop().Participants)-1]
	id := ws.assessmentID
	ws.host.Write("the participant "+saved.Name, func(ctx context.Context) error {
		return ws.host.Store().AddParticipant(ctx, id, &saved)
	}, nil)
	r.name.SetText("")
	ws.changed()
	ws.host.Window().Canvas().Focus(r.name)
}

func (r *roomPanel) refuse(msg string) {
	r.refusal.SetText(msg)
	r.refusal.Show()
}

// remove takes someone out of the room with their votes, after asking.
func (r *roomPanel) remove(id string) {
	ws := r.ws
	if ws.a == nil || ws.final() {
		return
	}
	w := ws.workshop()
	p := w.Participant(id)
	if p == nil {
		return
	}
	n := 0
	for _, v := range w.Votes {
		if v.ParticipantID == id {
			n++
		}
	}
	name, aid := p.Name, ws.assessmentID
	msg := fmt.Sprintf("Take %s out of the workshop? ", name)
	switch {
	case n == 1:
		msg += "Their vote goes with them, also from an item already revealed."
	case n > 1:
		msg += fmt.Sprintf("Their %d votes go with them, also from items already revealed.", n)
	default:
		msg += "They have not voted yet."
	}
	ws.host.Confirm("Remove participant", msg, "Remove", func() {
		if err := ws.workshop().RemoveParticipant(id); err != nil {
			ws.host.ShowError("Could not remove the participant", err)
			return
		}
		if ws.voterID == id {
			ws.voterID = ""
		}
		ws.host.Write("the removal of "+name, func(ctx context.Context) error {
			return ws.host.Store().RemoveParticipant(ctx, aid, id)
		}, nil)
		ws.changed()
	})
}

// setAnonymous turns the workshop's anonymity on or off.
func (r *roomPanel) setAnonymous(on bool) {
	ws := r.ws
	if ws.filling || ws.a == nil || ws.final() {
		return
	}
	ws.workshop().Anonymous = on
	id := ws.assessmentID
	ws.host.Write("the workshop's anonymity", func(ctx context.Context) error {
		return ws.host.Store().SetWorkshopAnonymous(ctx, id, on)
	}, nil)
	ws.changed()
}

// capitalize starts a sentence with a capital letter.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
