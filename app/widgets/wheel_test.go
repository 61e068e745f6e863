package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The mouse wheel over an entry scrolls the page it is on (issue 16):
// plain, in a form, in a tab and in a dialog; a tap still reaches what is
// under the layer. Without Wheel the first case stays at the top.
func TestWheelOverAnEntryScrollsThePage(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("x")
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(400, 300))

	page := func(wrap func(fyne.CanvasObject) fyne.CanvasObject) *container.Scroll {
		box := container.NewVBox()
		for i := 0; i < 30; i++ {
			box.Add(wrap(widget.NewEntry()))
		}
		return container.NewVScroll(box)
	}
	over := fyne.NewPos(100, 20) // on the first entry

	plain := page(func(o fyne.CanvasObject) fyne.CanvasObject { return o })
	w.SetContent(plain)
	test.Scroll(w.Canvas(), over, 0, -60)
	if plain.Offset.Y != 0 {
		t.Fatalf("without Wheel the page moved (%v): the test no longer shows Fyne's behaviour", plain.Offset)
	}

	s := page(Wheel)
	w.SetContent(s)
	test.Scroll(w.Canvas(), over, 0, -60)
	if s.Offset.Y != 60 {
		t.Errorf("the wheel over an entry moved the page to %v, want 60 down", s.Offset)
	}
	// A tap over the layer reaches what is under it.
	tapped := false
	w.SetContent(container.NewVScroll(container.NewVBox(Wheel(widget.NewButton("Add person", func() { tapped = true })))))
	test.TapCanvas(w.Canvas(), over)
	if !tapped {
		t.Error("a tap over the layer did not reach the button under it")
	}

	form := widget.NewForm()
	for i := 0; i < 20; i++ {
		form.Append("Name", Wheel(widget.NewEntry()))
	}
	fs := container.NewVScroll(form)
	tabs := container.NewAppTabs(container.NewTabItem("Roster", fs))
	w.SetContent(tabs)
	test.Scroll(w.Canvas(), fyne.NewPos(200, 60), 0, -40)
	if fs.Offset.Y != 40 {
		t.Errorf("in a form in a tab the page moved to %v, want 40 down", fs.Offset)
	}

	ds := page(Wheel)
	ds.SetMinSize(fyne.NewSize(300, 200))
	d := dialog.NewCustom("Impediment", "Close", ds, w)
	d.Show()
	var inDialog fyne.Position
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if e, ok := o.(*widget.Entry); ok {
			inDialog = fyne.CurrentApp().Driver().AbsolutePositionForObject(e).AddXY(10, 5)
			break
		}
	}
	test.Scroll(w.Canvas(), inDialog, 0, -30)
	if ds.Offset.Y != 30 {
		t.Errorf("in a dialog the page moved to %v, want 30 down", ds.Offset)
	}
}
