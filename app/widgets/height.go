package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// WithHeight fixes an object's height, for thin progress bars.
func WithHeight(h float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(&fixedHeightLayout{h: h}, o)
}

type fixedHeightLayout struct{ h float32 }

func (l *fixedHeightLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSize(size.Width, l.h))
	}
}

func (l *fixedHeightLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, l.h) }
