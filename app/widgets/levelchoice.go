package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// LevelChoice is a compact row of buttons for a rating whose scale is
// already on screen: one per level, not applicable, don't know, and clear.
// The workshop uses it for the room's consensus and the coach's own
// observation, under the item's levels and the revealed votes, where a
// second full picker would push everything out of sight.
type LevelChoice struct {
	value    assessment.Rating
	disabled bool
	onChange func(assessment.Rating)

	buttons []*widget.Button
	values  []assessment.Rating
	box     *fyne.Container
}

func NewLevelChoice(onChange func(assessment.Rating)) *LevelChoice {
	return &LevelChoice{onChange: onChange, box: container.NewHBox()}
}

func (c *LevelChoice) Content() fyne.CanvasObject { return c.box }

// SetLevels offers the levels 1 to n and shows value as chosen.
func (c *LevelChoice) SetLevels(n int, value assessment.Rating) {
	c.buttons, c.values = c.buttons[:0], c.values[:0]
	add := func(text string, v assessment.Rating) {
		b := widget.NewButton(text, func() { c.choose(v) })
		c.buttons = append(c.buttons, b)
		c.values = append(c.values, v)
	}
	for v := 1; v <= n; v++ {
		add(fmt.Sprint(v), assessment.Rating(v))
	}
	add("N/A", assessment.NotApplicable)
	add("Don't know", assessment.DontKnow)
	add("Clear", assessment.Unanswered)
	objs := make([]fyne.CanvasObject, len(c.buttons))
	for i, b := range c.buttons {
		objs[i] = b
	}
	c.box.Objects = objs
	c.value = value
	c.paint()
	c.box.Refresh()
}

// SetValue shows a rating as chosen without reporting it.
func (c *LevelChoice) SetValue(v assessment.Rating) {
	c.value = v
	c.paint()
}

// Value is the rating shown.
func (c *LevelChoice) Value() assessment.Rating { return c.value }

func (c *LevelChoice) SetDisabled(d bool) {
	c.disabled = d
	c.paint()
}

// choose is the coach's click.
func (c *LevelChoice) choose(v assessment.Rating) {
	if c.disabled {
		return
	}
	c.value = v
	c.paint()
	if c.onChange != nil {
		c.onChange(v)
	}
}

func (c *LevelChoice) paint() {
	for i, b := range c.buttons {
		v := c.values[i]
		switch {
		case v == assessment.Unanswered:
			b.Importance = widget.LowImportance
		case v == c.value:
			b.Importance = widget.HighImportance
		default:
			b.Importance = widget.MediumImportance
		}
		// A finished assessment shows the choice in words beside the row;
		// its buttons take nothing.
		if c.disabled || v == assessment.Unanswered && c.value == assessment.Unanswered {
			b.Disable()
		} else {
			b.Enable()
		}
		b.Refresh()
	}
}
