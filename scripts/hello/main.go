// Command hello is a Fyne hello world: the yardstick Trainscope's start is
// measured against (scripts/start.sh). It prints, once the app has started
// and its window is up, the wall clock in the form Trainscope's
// TRAINSCOPE_TIMING line has.
package main

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello Fyne!"))
	a.Lifecycle().SetOnStarted(func() {
		fmt.Fprintf(os.Stderr, "hello: window up (unix ms %d)\n", time.Now().UnixMilli())
	})
	w.ShowAndRun()
}
