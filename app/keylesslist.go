package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// keylessList is a list that hands the keyboard on as soon as a click gives
// it the focus. Fyne's list takes the keys when an item is clicked, even
// the one already selected (which reports nothing), so a coach who clicks
// the item on screen and then types a level would type into the list. The
// workshop's item list passes the keys back to the levels instead.
type keylessList struct {
	widget.List
	onFocus func() // where the keys go instead
}

func newKeylessList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keylessList {
	l := &keylessList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained passes the keys on.
func (l *keylessList) FocusGained() {
	l.List.FocusGained()
	if l.onFocus != nil {
		l.onFocus()
	}
}
