// Command hello is a Fyne hello world: the yardstick Trainscope's start is
// measured against (scripts/start.sh). It prints, once the app has started
// and its window is up, the wall clock in the form Trainscope's
// TRAINSCOPE_TIMING line has.
//
// With HELLO_STYLES=4 it shows its label in the four text styles
// Trainscope's screens use (regular, bold, italic, bold italic), so that
// scripts/window-memory.sh can show what Fyne itself holds for them.
package main

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello")
	styles := []fyne.TextStyle{{}}
	if os.Getenv("HELLO_STYLES") == "4" {
		styles = append(styles, fyne.TextStyle{Bold: true}, fyne.TextStyle{Italic: true}, fyne.TextStyle{Bold: true, Italic: true})
	}
	box := container.NewVBox()
	for _, s := range styles {
		box.Add(widget.NewLabelWithStyle("Hello Fyne!", fyne.TextAlignLeading, s))
	}
	w.SetContent(box)
	a.Lifecycle().SetOnStarted(func() {
		fmt.Fprintf(os.Stderr, "hello: window up (unix ms %d)\n", time.Now().UnixMilli())
	})
	w.ShowAndRun()
}
