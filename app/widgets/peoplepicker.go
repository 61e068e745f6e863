package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// PersonChoice is one choice of a people picker: a person (ID "" for the
// vacancy), the name it is picked by, and where the person already is on
// the roster (assessment.PlacesText; "" for nowhere yet).
type PersonChoice struct {
	ID, Name, Places string
}

// Label is the choice as the picker lists it: "Ana Lima — Scrum Master of
// Team Falcon", or the name alone.
func (c PersonChoice) Label() string {
	if c.Places == "" {
		return c.Name
	}
	return c.Name + " — " + c.Places
}

// pickerRows is how many choices the open list shows at once; it scrolls
// through the others.
const pickerRows = 8

// PeoplePicker is the one way a coach picks a person on the roster: a field
// showing who is picked, that lists the people as the coach types, those
// whose name holds what is typed anywhere (case and accents aside), each
// with where they already are. ↓ opens the list and ↓/↑ go through it,
// Enter picks the one highlighted, Esc closes it and Tab leaves. A click
// on the field opens the list, and a click on a choice picks it. What is typed and not picked goes when the field is left.
type PeoplePicker struct {
	widget.Entry

	// OnPicked is told the ID picked ("" for the vacancy) when it changes.
	OnPicked func(id string)
	// OnUndo, if set, takes Ctrl+Z (redo false) and Ctrl+Shift+Z (redo
	// true) when nothing is being typed: a pick is a change to the roster,
	// not typing to take back.
	OnUndo func(redo bool)

	choices      func() []PersonChoice // read each time the list opens
	selected     string
	selectedName string
	quiet        bool // the text is being set, not typed

	all     []PersonChoice // the choices as the list opened
	folded  []string       // their names, folded for matching
	matches []PersonChoice // those shown
	hl      int            // the one highlighted, in matches
	ov      *pickerOverlay // the open list, nil when closed
}

// NewPeoplePicker is a picker showing the person picked (ID and name; ""
// for nobody, when it shows vacancy), listing choices when it opens.
func NewPeoplePicker(vacancy, selectedID, selectedName string, choices func() []PersonChoice, onPicked func(id string)) *PeoplePicker {
	p := &PeoplePicker{choices: choices, OnPicked: onPicked, selected: selectedID}
	p.ExtendBaseWidget(p)
	p.Wrapping = fyne.TextWrapOff
	p.Scroll = fyne.ScrollNone
	p.PlaceHolder = vacancy
	if selectedID != "" {
		p.selectedName = selectedName
	}
	p.Text = p.selectedName
	p.Entry.OnChanged = p.typed
	open := widget.NewButtonWithIcon("", theme.MenuDropDownIcon(), func() { p.Tapped(nil) })
	open.Importance = widget.LowImportance
	p.ActionItem = open
	return p
}

// Selected is the ID of the person picked, "" for the vacancy.
func (p *PeoplePicker) Selected() string { return p.selected }

// SetSelected picks the choice of a name, as a coach would.
func (p *PeoplePicker) SetSelected(name string) {
	for _, c := range p.choices() {
		if c.Name == name {
			p.pick(c)
			return
		}
	}
}

// Clear picks nobody, without telling OnPicked: the field is empty again,
// for a picker that adds who is picked elsewhere.
func (p *PeoplePicker) Clear() {
	p.selected, p.selectedName = "", ""
	p.close()
	p.setText("")
}

// IsOpen reports whether the list of choices shows.
func (p *PeoplePicker) IsOpen() bool { return p.ov != nil }

// Matches are the choices the open list shows, in order.
func (p *PeoplePicker) Matches() []PersonChoice { return p.matches }

// Highlighted is the choice Enter would pick, if the list is open.
func (p *PeoplePicker) Highlighted() (PersonChoice, bool) {
	if p.ov == nil || p.hl < 0 || p.hl >= len(p.matches) {
		return PersonChoice{}, false
	}
	return p.matches[p.hl], true
}

// Tapped opens the list of every choice, as a select does; typing then
// narrows it.
func (p *PeoplePicker) Tapped(*fyne.PointEvent) {
	if p.Disabled() || p.ov != nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
	p.open("")
}

// TypedRune starts a new search when the field shows who is picked: typing
// replaces the name.
func (p *PeoplePicker) TypedRune(r rune) {
	if p.ov == nil && p.Text == p.selectedName {
		p.setText("")
	}
	p.Entry.TypedRune(r)
}

// TypedKey goes through the list and picks from it; other keys edit what
// is typed.
func (p *PeoplePicker) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		if p.ov == nil {
			typed := p.Text
			if typed == p.selectedName {
				typed = ""
			}
			p.open(typed)
			return
		}
		p.highlight(p.hl + 1)
	case fyne.KeyUp:
		if p.ov != nil {
			p.highlight(p.hl - 1)
		}
	case fyne.KeyPageDown:
		if p.ov != nil {
			p.highlight(p.hl + pickerRows)
		}
	case fyne.KeyPageUp:
		if p.ov != nil {
			p.highlight(p.hl - pickerRows)
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if c, ok := p.Highlighted(); ok {
			p.pick(c)
			return
		}
		p.Entry.TypedKey(k)
	case fyne.KeyEscape:
		if p.ov != nil {
			p.close()
			return
		}
		p.Entry.TypedKey(k)
	default:
		p.Entry.TypedKey(k)
	}
}

// TypedShortcut hands Ctrl+Z to OnUndo when nothing is being typed.
func (p *PeoplePicker) TypedShortcut(s fyne.Shortcut) {
	if p.OnUndo != nil && p.ov == nil && p.Text == p.selectedName {
		switch s.(type) {
		case *fyne.ShortcutUndo:
			p.OnUndo(false)
			return
		case *fyne.ShortcutRedo:
			p.OnUndo(true)
			return
		}
	}
	p.Entry.TypedShortcut(s)
}

// FocusLost forgets what was typed and not picked.
func (p *PeoplePicker) FocusLost() {
	if p.ov == nil && p.Text != p.selectedName {
		p.setText(p.selectedName)
	}
	p.Entry.FocusLost()
}

// typed narrows the list to what is typed, opening it.
func (p *PeoplePicker) typed(s string) {
	if p.quiet {
		return
	}
	if p.ov == nil {
		p.open(s)
		return
	}
	p.filter(s)
	p.ov.Refresh()
}

// open lists the choices matching typed and takes the keys.
func (p *PeoplePicker) open(typed string) {
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	if p.ov != nil {
		p.filter(typed)
		p.ov.Refresh()
		return
	}
	p.all = p.choices()
	p.folded = make([]string, len(p.all))
	for i, ch := range p.all {
		p.folded[i] = assessment.FoldName(ch.Name)
	}
	p.filter(typed)
	p.ov = newPickerOverlay(p, c)
	c.Overlays().Add(p.ov)
	c.Focus(p.ov)
	p.ov.Refresh()
	p.ov.list.ScrollTo(p.hl)
}

// filter keeps the choices whose name holds typed; the one picked is
// highlighted when it is among them, else the first.
func (p *PeoplePicker) filter(typed string) {
	want := assessment.FoldName(typed)
	p.matches = p.matches[:0]
	p.hl = 0
	for i, ch := range p.all {
		if strings.Contains(p.folded[i], want) {
			if want == "" && ch.ID == p.selected {
				p.hl = len(p.matches)
			}
			p.matches = append(p.matches, ch)
		}
	}
}

// highlight moves the highlight, within the list.
func (p *PeoplePicker) highlight(i int) {
	if len(p.matches) == 0 {
		return
	}
	i = max(0, min(i, len(p.matches)-1))
	old := p.hl
	p.hl = i
	p.ov.list.RefreshItem(old)
	p.ov.list.RefreshItem(i)
	p.ov.list.ScrollTo(i)
}

// close hides the list; the field shows who is picked again.
func (p *PeoplePicker) close() {
	if p.ov != nil {
		ov := p.ov
		p.ov = nil
		ov.canvas.Overlays().Remove(ov)
		ov.canvas.Focus(p)
	}
	p.matches, p.all, p.folded = nil, nil, nil
	if p.Text != p.selectedName {
		p.setText(p.selectedName)
	}
}

// pick makes a choice the one picked and says so when it changed.
func (p *PeoplePicker) pick(c PersonChoice) {
	changed := c.ID != p.selected
	p.selected = c.ID
	p.selectedName = ""
	if c.ID != "" {
		p.selectedName = c.Name
	}
	p.close()
	if p.Text != p.selectedName {
		p.setText(p.selectedName)
	}
	if changed && p.OnPicked != nil {
		p.OnPicked(c.ID)
	}
}

// setText shows a text without taking it as typed.
func (p *PeoplePicker) setText(s string) {
	p.quiet = true
	p.SetText(s)
	p.CursorColumn = len([]rune(s))
	p.quiet = false
}

// pickerOverlay is the open list, over the window: it takes the keys for
// the picker (a window's overlay has the keyboard), and a click beside
// the list closes it.
type pickerOverlay struct {
	widget.BaseWidget
	p      *PeoplePicker
	canvas fyne.Canvas
	list   *widget.List
	none   *widget.Label
	bg     *canvas.Rectangle
	rowH   float32
}

func newPickerOverlay(p *PeoplePicker, c fyne.Canvas) *pickerOverlay {
	o := &pickerOverlay{p: p, canvas: c}
	o.list = widget.NewList(func() int { return len(p.matches) }, o.row, o.updateRow)
	o.list.HideSeparators = true
	o.list.OnSelected = func(id widget.ListItemID) {
		o.list.UnselectAll()
		if id >= 0 && id < len(p.matches) {
			p.pick(p.matches[id])
		}
	}
	o.rowH = o.row().MinSize().Height
	o.none = widget.NewLabel("")
	o.none.TextStyle.Italic = true
	o.bg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	o.bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	o.bg.StrokeWidth = 1
	o.bg.CornerRadius = theme.InputRadiusSize()
	o.ExtendBaseWidget(o)
	return o
}

// row is one choice: its name in bold, where the person is after it, on
// the highlight when it is the one Enter picks.
func (o *pickerOverlay) row() fyne.CanvasObject {
	text := widget.NewRichText(
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}},
	)
	text.Truncation = fyne.TextTruncateEllipsis
	mark := canvas.NewRectangle(color.Transparent)
	mark.CornerRadius = theme.InputRadiusSize()
	return &fyne.Container{Layout: stackLayout{}, Objects: []fyne.CanvasObject{mark, text}}
}

func (o *pickerOverlay) updateRow(id widget.ListItemID, obj fyne.CanvasObject) {
	if id >= len(o.p.matches) {
		return
	}
	ch := o.p.matches[id]
	objs := obj.(*fyne.Container).Objects
	mark, text := objs[0].(*canvas.Rectangle), objs[1].(*widget.RichText)
	want := color.Color(color.Transparent)
	if id == o.p.hl {
		want = theme.Color(theme.ColorNameSelection)
	}
	if mark.FillColor != want {
		mark.FillColor = want
		mark.Refresh()
	}
	name, places := text.Segments[0].(*widget.TextSegment), text.Segments[1].(*widget.TextSegment)
	after := ""
	if ch.Places != "" {
		after = " — " + ch.Places
	}
	if name.Text != ch.Name || places.Text != after {
		name.Text, places.Text = ch.Name, after
		text.Refresh()
	}
}

// stackLayout puts every object over the whole row.
type stackLayout struct{}

func (stackLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (stackLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

// Tapped beside the list closes it, keeping who was picked.
func (o *pickerOverlay) Tapped(*fyne.PointEvent) { o.p.close() }

// The keys go to the picker.
func (o *pickerOverlay) FocusGained()                  {}
func (o *pickerOverlay) FocusLost()                    {}
func (o *pickerOverlay) TypedRune(r rune)              { o.p.Entry.TypedRune(r) }
func (o *pickerOverlay) TypedShortcut(s fyne.Shortcut) { o.p.Entry.TypedShortcut(s) }

// AcceptsTab takes Tab, so it leaves the picker rather than go round the
// list.
func (o *pickerOverlay) AcceptsTab() bool { return true }

func (o *pickerOverlay) TypedKey(k *fyne.KeyEvent) {
	if k.Name != fyne.KeyTab {
		o.p.TypedKey(k)
		return
	}
	c := o.canvas
	o.p.close()
	back := false
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		back = d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

func (o *pickerOverlay) CreateRenderer() fyne.WidgetRenderer {
	return &pickerOverlayRenderer{o: o}
}

type pickerOverlayRenderer struct{ o *pickerOverlay }

func (r *pickerOverlayRenderer) Destroy() {}

func (r *pickerOverlayRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.o.bg, r.o.list, r.o.none}
}

func (r *pickerOverlayRenderer) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

// Layout puts the list under the picker, or over it when there is no room
// below, as wide as the picker and at least wide enough to read a place.
func (r *pickerOverlayRenderer) Layout(size fyne.Size) {
	o, p := r.o, r.o.p
	pad := theme.Padding()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(p).Subtract(o.Position())
	width := min(max(p.Size().Width, 420), size.Width)
	n := min(max(len(p.matches), 1), pickerRows)
	height := float32(n)*o.rowH + float32(n-1)*pad + 2*pad
	if len(p.matches) == 0 {
		height = o.none.MinSize().Height + 2*pad
	}
	x := min(at.X, size.Width-width)
	y := at.Y + p.Size().Height
	if y+height > size.Height && at.Y-height >= 0 {
		y = at.Y - height
	}
	o.bg.Move(fyne.NewPos(x, y))
	o.bg.Resize(fyne.NewSize(width, height))
	inner := fyne.NewSize(width-2*pad, height-2*pad)
	for _, obj := range []fyne.CanvasObject{o.list, o.none} {
		obj.Move(fyne.NewPos(x+pad, y+pad))
		obj.Resize(inner)
	}
}

func (r *pickerOverlayRenderer) Refresh() {
	o := r.o
	if len(o.p.matches) == 0 {
		o.none.SetText("Nobody on the roster has “" + strings.TrimSpace(o.p.Text) + "” in their name")
		o.none.Show()
		o.list.Hide()
	} else {
		o.none.Hide()
		o.list.Show()
	}
	r.Layout(o.Size())
	o.list.Refresh()
	canvas.Refresh(o)
}
