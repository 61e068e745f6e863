package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// themed holds canvas objects whose colours come from the theme (panel
// backgrounds, badges, legend swatches) and paints them again whenever Fyne
// refreshes it, as it does when the system switches between light and dark.
type themed struct {
	widget.BaseWidget
	content fyne.CanvasObject
	paint   func()
}

func NewThemed(content fyne.CanvasObject, paint func()) *themed {
	t := &themed{content: content, paint: paint}
	paint()
	t.ExtendBaseWidget(t)
	return t
}

func (t *themed) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }

func (t *themed) Refresh() {
	t.paint()
	t.BaseWidget.Refresh()
}

// RefreshTree refreshes every object under o, for a screen that was out of
// sight when the theme changed: Fyne only repaints what is on screen.
func RefreshTree(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *fyne.Container:
		for _, child := range x.Objects {
			RefreshTree(child)
		}
	case fyne.Widget:
		x.Refresh()
		return
	}
	o.Refresh()
}
