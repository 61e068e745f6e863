package widgets

import (
	"image/color"
	"reflect"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne sends the mouse wheel to the innermost scrollable thing under the
// pointer, and every entry holds a scroller of its own (to move along a
// line longer than the box) that keeps the wheel even when it has nothing
// to move, so the page does not scroll while the pointer is over an entry
// (fyne-io/fyne#1939). On a checklist that is most of the page.
//
// Wheel puts a transparent layer over an entry that takes the wheel and no
// other event (taps, typing, selecting text and the text cursor still reach
// the entry) and passes it to the scroller around it: the nearest
// container.Scroll, list or table that holds it, found when the wheel turns.

// Wheel returns obj with the mouse wheel passed through it to the page.
func Wheel(obj fyne.CanvasObject) fyne.CanvasObject {
	w := &wheelLayer{}
	w.ExtendBaseWidget(w)
	return container.NewStack(obj, w)
}

type wheelLayer struct {
	widget.BaseWidget
}

var _ fyne.Scrollable = (*wheelLayer)(nil)

func (w *wheelLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

func (w *wheelLayer) MinSize() fyne.Size { return fyne.Size{} }

// Scrolled passes the wheel to the scroller that holds the layer.
func (w *wheelLayer) Scrolled(ev *fyne.ScrollEvent) {
	d := fyne.CurrentApp().Driver()
	c := d.CanvasForObject(w)
	if c == nil {
		return
	}
	roots := []fyne.CanvasObject{c.Content()}
	if top := c.Overlays().Top(); top != nil {
		roots = []fyne.CanvasObject{top}
	}
	for _, r := range roots {
		if s := scrollerAround(r, w, nil); s != nil {
			s.Scrolled(ev)
			return
		}
	}
}

// scrollerAround is the innermost scroller on the way from obj down to
// target, or nil when target is not under obj; inner is the innermost one
// above obj.
func scrollerAround(obj, target fyne.CanvasObject, inner fyne.Scrollable) fyne.Scrollable {
	if obj == nil || !obj.Visible() {
		return nil
	}
	if obj == target {
		if inner == nil {
			return nil
		}
		return inner
	}
	if s, ok := obj.(fyne.Scrollable); ok {
		inner = s
	}
	for _, child := range children(obj) {
		if s := scrollerAround(child, target, inner); s != nil {
			return s
		}
	}
	return nil
}

// children are what a container or one of Fyne's holding widgets shows,
// as far as Fyne's API tells.
func children(obj fyne.CanvasObject) []fyne.CanvasObject {
	switch o := obj.(type) {
	case *fyne.Container:
		return o.Objects
	case *container.Scroll:
		return []fyne.CanvasObject{o.Content}
	case *container.AppTabs:
		if sel := o.Selected(); sel != nil {
			return []fyne.CanvasObject{sel.Content}
		}
	case *container.DocTabs:
		if sel := o.Selected(); sel != nil {
			return []fyne.CanvasObject{sel.Content}
		}
	case *container.Split:
		return []fyne.CanvasObject{o.Leading, o.Trailing}
	case *widget.Card:
		return []fyne.CanvasObject{o.Content}
	case *widget.PopUp:
		return []fyne.CanvasObject{o.Content}
	case *widget.Form:
		var out []fyne.CanvasObject
		for _, it := range o.Items {
			out = append(out, it.Widget)
		}
		return out
	case *widget.Accordion:
		var out []fyne.CanvasObject
		for _, it := range o.Items {
			if it.Open {
				out = append(out, it.Detail)
			}
		}
		return out
	case interface{ Children() []fyne.CanvasObject }:
		return o.Children()
	}
	// Fyne's own holders outside its API (the layer a dialog sits on) show
	// what their exported Content field holds.
	if v := reflect.ValueOf(obj); v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		if f := v.Elem().FieldByName("Content"); f.IsValid() && f.CanInterface() {
			if c, ok := f.Interface().(fyne.CanvasObject); ok && c != nil {
				return []fyne.CanvasObject{c}
			}
		}
	}
	return nil
}
