package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// KeylessList is a list that hands the keyboard on as soon as a click gives
// it the focus. Fyne's list takes the keys when an item is clicked, even
// the one already selected (which reports nothing), so a coach who clicks
// the item on screen and then types a level would type into the list. The
// workshop's item list passes the keys back to the levels instead.
type KeylessList struct {
	widget.List
	OnFocus func() // where the keys go instead
}

func NewKeylessList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeylessList {
	l := &KeylessList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained passes the keys on.
func (l *KeylessList) FocusGained() {
	l.List.FocusGained()
	if l.OnFocus != nil {
		l.OnFocus()
	}
}
