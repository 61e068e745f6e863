package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// RatingPicker shows every level of an item's scale with its descriptor,
// plus "not applicable" and "don't know", and lets the coach choose one by
// mouse or keyboard: 1–9 choose a level, N and D the other two, 0 or Delete
// clears; the arrows, Tab and Enter move to the next or previous item.
type RatingPicker struct {
	widget.BaseWidget

	levels   []assessment.Level
	value    assessment.Rating
	disabled bool
	focused  bool
	shift    bool

	OnChoose func(assessment.Rating) // the coach chose a rating
	OnMove   func(delta int)         // the coach asked for the next (+1) or previous (-1) item
	OnHelp   func()                  // F1: the list of keys
	OnKey    func(*fyne.KeyEvent)    // any other key the picker does not use (F5)
	// enterStays keeps Enter from moving to the next item: in a workshop
	// vote, a participant who confirms their level with Enter would move
	// the room on to the next item.
	EnterStays bool

	rows    []*choiceRow
	box     *fyne.Container
	outline *canvas.Rectangle
	root    *fyne.Container
}

var (
	_ fyne.Focusable  = (*RatingPicker)(nil)
	_ fyne.Tabbable   = (*RatingPicker)(nil)
	_ desktop.Keyable = (*RatingPicker)(nil)
)

func NewRatingPicker() *RatingPicker {
	p := &RatingPicker{}
	p.box = container.NewVBox()
	p.outline = canvas.NewRectangle(color.Transparent)
	p.outline.StrokeWidth = 2
	p.outline.CornerRadius = theme.InputRadiusSize()
	p.outline.FillColor = color.Transparent
	p.root = container.NewStack(p.outline, container.NewPadded(p.box))
	p.ExtendBaseWidget(p)
	return p
}

func (p *RatingPicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.root)
}

// Refresh paints the picker again in the current theme's colours.
func (p *RatingPicker) Refresh() {
	p.updateRows()
	p.BaseWidget.Refresh()
}

// SetLevels shows an item's scale and its current rating.
func (p *RatingPicker) SetLevels(levels []assessment.Level, value assessment.Rating) {
	p.levels = levels
	p.value = value
	p.rows = p.rows[:0]
	for _, l := range levels {
		p.rows = append(p.rows, newChoiceRow(p, assessment.Rating(l.Value), fmt.Sprint(l.Value), l.Label, l.Descriptor))
	}
	p.rows = append(p.rows,
		newChoiceRow(p, assessment.NotApplicable, "N", "Not applicable", "The item does not apply to this train. It never counts toward a score."),
		newChoiceRow(p, assessment.DontKnow, "D", "Don't know", "Not enough evidence yet to say. It never counts toward a score; find out before you finish."))
	objs := make([]fyne.CanvasObject, len(p.rows))
	for i, r := range p.rows {
		objs[i] = r
	}
	p.box.Objects = objs
	p.updateRows()
	p.box.Refresh()
}

// SetValue shows a rating chosen elsewhere (a figure's band).
func (p *RatingPicker) SetValue(v assessment.Rating) {
	p.value = v
	p.updateRows()
}

// Value is the rating shown.
func (p *RatingPicker) Value() assessment.Rating { return p.value }

func (p *RatingPicker) SetDisabled(d bool) {
	p.disabled = d
	p.updateRows()
}

func (p *RatingPicker) updateRows() {
	for _, r := range p.rows {
		r.setSelected(r.rating == p.value)
	}
	if p.focused {
		p.outline.StrokeColor = ThemeColor(theme.ColorNameFocus)
	} else {
		p.outline.StrokeColor = ThemeColor(theme.ColorNameInputBorder)
	}
	p.outline.Refresh()
}

// choose sets a rating as the coach's answer.
func (p *RatingPicker) choose(v assessment.Rating) {
	if p.disabled {
		return
	}
	p.value = v
	p.updateRows()
	if p.OnChoose != nil {
		p.OnChoose(v)
	}
}

// tapped is a click on a row: it chooses the row and takes the focus, so the
// keys work from there.
func (p *RatingPicker) tapped(v assessment.Rating) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(p); c != nil {
		c.Focus(p)
	}
	p.choose(v)
}

func (p *RatingPicker) FocusGained() {
	p.focused = true
	p.updateRows()
}

func (p *RatingPicker) FocusLost() {
	p.focused = false
	p.shift = false
	p.updateRows()
}

// Focused reports whether the keys go to the picker.
func (p *RatingPicker) Focused() bool { return p.focused }

func (p *RatingPicker) TypedRune(r rune) {
	switch {
	case r >= '1' && r <= '9':
		v := int(r - '0')
		for _, l := range p.levels {
			if l.Value == v {
				p.choose(assessment.Rating(v))
				return
			}
		}
	case r == '0':
		p.choose(assessment.Unanswered)
	case r == 'n' || r == 'N':
		p.choose(assessment.NotApplicable)
	case r == 'd' || r == 'D':
		p.choose(assessment.DontKnow)
	}
}

func (p *RatingPicker) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !p.EnterStays {
			p.move(1)
		}
	case fyne.KeyDown, fyne.KeyRight, fyne.KeyPageDown:
		p.move(1)
	case fyne.KeyUp, fyne.KeyLeft, fyne.KeyPageUp:
		p.move(-1)
	case fyne.KeyTab:
		if p.shift {
			p.move(-1)
		} else {
			p.move(1)
		}
	case fyne.KeyDelete, fyne.KeyBackspace:
		p.choose(assessment.Unanswered)
	case fyne.KeyF1:
		if p.OnHelp != nil {
			p.OnHelp()
		}
	default:
		if p.OnKey != nil {
			p.OnKey(e)
		}
	}
}

func (p *RatingPicker) move(delta int) {
	if p.OnMove != nil {
		p.OnMove(delta)
	}
}

// AcceptsTab keeps Tab for moving between items while the picker has focus.
func (p *RatingPicker) AcceptsTab() bool { return true }

// KeyDown and KeyUp track Shift, for Shift+Tab.
func (p *RatingPicker) KeyDown(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		p.shift = true
	}
}

func (p *RatingPicker) KeyUp(e *fyne.KeyEvent) {
	if e.Name == desktop.KeyShiftLeft || e.Name == desktop.KeyShiftRight {
		p.shift = false
	}
}

// choiceRow is one choice of the picker: its key, its label and what it
// looks like on a train.
type choiceRow struct {
	widget.BaseWidget

	picker   *RatingPicker
	rating   assessment.Rating
	selected bool
	hovered  bool

	bg   *canvas.Rectangle
	icon *widget.Icon
	key  *canvas.Text
	text *widget.RichText
}

var (
	_ fyne.Tappable      = (*choiceRow)(nil)
	_ desktop.Hoverable  = (*choiceRow)(nil)
	_ desktop.Cursorable = (*choiceRow)(nil)
)

func newChoiceRow(p *RatingPicker, v assessment.Rating, key, label, descriptor string) *choiceRow {
	r := &choiceRow{picker: p, rating: v}
	r.bg = canvas.NewRectangle(color.Transparent)
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.icon = widget.NewIcon(theme.RadioButtonIcon())
	r.key = canvas.NewText(key, ThemeColor(theme.ColorNameForeground))
	r.key.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	r.key.Alignment = fyne.TextAlignCenter
	labelSeg := &widget.TextSegment{Text: label, Style: widget.RichTextStyleStrong}
	labelSeg.Style.Inline = true
	descSeg := &widget.TextSegment{Text: " — " + descriptor, Style: widget.RichTextStyleInline}
	r.text = widget.NewRichText(labelSeg, descSeg)
	r.text.Wrapping = fyne.TextWrapWord
	r.ExtendBaseWidget(r)
	return r
}

func (r *choiceRow) CreateRenderer() fyne.WidgetRenderer {
	keyBox := Inset(6, 0, r.key)
	left := container.NewHBox(r.icon, container.NewCenter(keyBox))
	return widget.NewSimpleRenderer(container.NewStack(r.bg,
		Inset(4, 2, container.NewBorder(nil, nil, left, nil, r.text))))
}

// Refresh paints the row again in the current theme's colours.
func (r *choiceRow) Refresh() {
	r.paint()
	r.BaseWidget.Refresh()
}

func (r *choiceRow) setSelected(s bool) {
	r.selected = s
	r.paint()
}

func (r *choiceRow) paint() {
	switch {
	case r.selected:
		r.bg.FillColor = ThemeColor(theme.ColorNameSelection)
		r.icon.SetResource(theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon()))
	case r.hovered && !r.picker.disabled:
		r.bg.FillColor = ThemeColor(theme.ColorNameHover)
		r.icon.SetResource(theme.RadioButtonIcon())
	default:
		r.bg.FillColor = color.Transparent
		r.icon.SetResource(theme.RadioButtonIcon())
	}
	if r.picker.disabled && !r.selected {
		r.key.Color = ThemeColor(theme.ColorNameDisabled)
	} else {
		r.key.Color = ThemeColor(theme.ColorNameForeground)
	}
	r.bg.Refresh()
	r.key.Refresh()
}

func (r *choiceRow) Tapped(*fyne.PointEvent) { r.picker.tapped(r.rating) }

func (r *choiceRow) MouseIn(*desktop.MouseEvent) {
	r.hovered = true
	r.paint()
}

func (r *choiceRow) MouseMoved(*desktop.MouseEvent) {}

func (r *choiceRow) MouseOut() {
	r.hovered = false
	r.paint()
}

func (r *choiceRow) Cursor() desktop.Cursor {
	if r.picker.disabled {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// RatingText describes a rating in words, for the answer line and lists.
func RatingText(it *assessment.Item, r assessment.Rating) string {
	switch {
	case r == assessment.NotApplicable:
		return "Not applicable"
	case r == assessment.DontKnow:
		return "Don't know"
	case r.Rated():
		if l := it.Level(int(r)); l != nil {
			return fmt.Sprintf("%d of %d · %s", r, len(it.Levels), l.Label)
		}
		return fmt.Sprintf("%d of %d", r, len(it.Levels))
	}
	return "Not answered yet"
}
