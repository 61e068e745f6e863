package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// pickerWindow shows a picker of three people, Ana Lima picked, over an
// entry to tab to.
func pickerWindow(t *testing.T) (fyne.Canvas, *PeoplePicker, *[]string) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("x")
	t.Cleanup(w.Close)
	var picked []string
	choices := func() []PersonChoice {
		return []PersonChoice{{Name: "— vacant —"}, {ID: "ana", Name: "Ana Lima", Places: "Scrum Master of Team Falcon"},
			{ID: "bo", Name: "Bo Li"}, {ID: "cy", Name: "Cy Oduya", Places: "developer in Team Orion"}}
	}
	p := NewPeoplePicker("— vacant —", "ana", "Ana Lima", choices, func(id string) { picked = append(picked, id) })
	w.SetContent(container.NewVBox(p, widget.NewEntry()))
	w.Resize(fyne.NewSize(500, 400))
	return w.Canvas(), p, &picked
}

// rowsShown are the choices of the open list, as its rows say them.
func rowsShown(c fyne.Canvas) map[string]*widget.RichText {
	out := map[string]*widget.RichText{}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.RichText:
			out[x.String()] = x
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	if top := c.Overlays().Top(); top != nil {
		walk(top)
	}
	return out
}

// TestPeoplePickerByMouse: the list's button opens every choice, each
// saying where the person is; a click on one picks it; a click beside the
// list closes it and keeps who was picked.
func TestPeoplePickerByMouse(t *testing.T) {
	c, p, picked := pickerWindow(t)
	test.Tap(p.ActionItem.(*widget.Button))
	rows := rowsShown(c)
	for _, want := range []string{"— vacant —", "Ana Lima — Scrum Master of Team Falcon", "Bo Li", "Cy Oduya — developer in Team Orion"} {
		if rows[want] == nil {
			t.Errorf("the list does not show %q: %v", want, rows)
		}
	}
	if hl, _ := p.Highlighted(); hl.ID != "ana" {
		t.Errorf("the one picked is not highlighted: %+v", hl)
	}
	cy := rows["Cy Oduya — developer in Team Orion"]
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(cy).AddXY(4, 4)
	test.TapCanvas(c, at)
	if p.IsOpen() || p.Selected() != "cy" || p.Text != "Cy Oduya" || !slices.Equal(*picked, []string{"cy"}) {
		t.Fatalf("after a click on Cy: open %v, picked %q, shows %q, told %q", p.IsOpen(), p.Selected(), p.Text, *picked)
	}
	test.Tap(p.ActionItem.(*widget.Button))
	test.TapCanvas(c, fyne.NewPos(490, 390))
	if p.IsOpen() || p.Selected() != "cy" || len(*picked) != 1 {
		t.Errorf("a click beside the list: open %v, picked %q, told %q", p.IsOpen(), p.Selected(), *picked)
	}
	test.Tap(p) // a click on the field opens the list too, as a select does
	if !p.IsOpen() || len(rowsShown(c)) != 4 || c.Focused() == nil {
		t.Errorf("a click on the field: open %v, rows %v", p.IsOpen(), rowsShown(c))
	}
}

// TestPeoplePickerVacancyAndLeaving: the vacancy is picked by keys like
// anyone; typing not picked is forgotten when the field is left; Clear
// empties the field without a pick.
func TestPeoplePickerVacancyAndLeaving(t *testing.T) {
	c, p, picked := pickerWindow(t)
	c.Focus(p)
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.Selected() != "" || p.Text != "" || p.PlaceHolder != "— vacant —" || !slices.Equal(*picked, []string{""}) {
		t.Fatalf("vacancy: picked %q, shows %q, told %q", p.Selected(), p.Text, *picked)
	}
	p.SetSelected("Bo Li")
	c.Focus(p)
	p.TypedRune('c')
	if !p.IsOpen() || p.Text != "c" {
		t.Fatalf("typing on the name shown did not start a search: open %v, text %q", p.IsOpen(), p.Text)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	p.TypedRune('z')
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) // editing the name searches too
	if !p.IsOpen() || p.Text != "Bo L" {
		t.Fatalf("Backspace on the name: open %v, text %q", p.IsOpen(), p.Text)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab}) // the open list takes Tab, and leaves
	if p.IsOpen() || c.Focused() == p || c.Focused() == nil || p.Text != "Bo Li" || p.Selected() != "bo" {
		t.Errorf("Tab: open %v, focused %T, kept %q, picked %q", p.IsOpen(), c.Focused(), p.Text, p.Selected())
	}
	p.Clear()
	if p.Text != "" || p.Selected() != "" || len(*picked) != 2 {
		t.Errorf("Clear: shows %q, picked %q, told %q", p.Text, p.Selected(), *picked)
	}
	if (PersonChoice{Name: "Bo Li"}).Label() != "Bo Li" {
		t.Errorf("a choice with no place is labelled %q", PersonChoice{Name: "Bo Li"}.Label())
	}
}
