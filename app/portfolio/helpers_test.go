package portfolio

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

type tapFunc func()

func (f tapFunc) Tapped(*fyne.PointEvent) { f() }

func tableCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }
