// Package host is what a screen of Trainscope's window may ask of the shell
// around it: the store and definitions, the window, the clock, a read or a
// write in the background (a typed one once the typing pauses), a
// question, an error in plain words, another screen to open, the undo of
// a change, and the keys every screen shares. The shell in package app is
// the one Host; a screen's package imports this one, the shared widgets and
// the domain, and never the shell nor another screen, so the screens stay
// apart and each can be tested on a host of its own.
package host

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

	"github.com/trainscope/trainscope/assessment"
	"github.com/trainscope/trainscope/data"
)

// Host is the shell as a screen sees it.
type Host interface {
	// Store is the coach's database. Call it only inside Read and Write,
	// which run on the background worker.
	Store() *data.Store
	// Definitions are the checklists and frameworks.
	Definitions() *assessment.Definitions
	// Window is the main window, for dialogs.
	Window() fyne.Window
	// Now is the clock, so tests can set the day.
	Now() time.Time

	// Read runs read in the background, in order with every other store
	// call, then done on the UI thread. A failed read tells the coach what
	// could not be read ("Could not read " + what) and done does not run.
	Read(what string, read func(context.Context) error, done func())
	// ReadBeside is Read for a long read the coach does not wait for (the
	// overdue badges of a LACE's every train): it starts once the work
	// queued before it has run, on its own goroutine, so what the coach
	// asks for after it runs meanwhile instead of waiting behind it.
	ReadBeside(what string, read func(context.Context) error, done func())
	// Write saves in the background with the status bar saying so; a
	// refusal keeps what the coach entered on screen and offers to try
	// again. done, if not nil, runs after the write landed.
	Write(what string, work func(context.Context) error, done func())
	// WriteOr is Write for a screen that already shows the change: failed,
	// if not nil, takes it back on a refusal; retry, if not nil, is what
	// "Try again" does instead.
	WriteOr(what string, work func(context.Context) error, done func(), failed func(error), retry func())

	// Confirm asks before anything destructive; do runs on the action.
	Confirm(title, message, action string, do func())
	// ShowError tells the coach what went wrong, in plain words.
	ShowError(title string, err error)

	// Open shows another screen.
	Open(Route)
	// Retitle shows the screen's title again after it changed.
	Retitle()

	// Typed saves what is being typed once the typing pauses: save runs
	// later, once, for the last call with the same key.
	Typed(key string, save func())
	// Flush runs every save still waiting for the typing to pause.
	Flush()
	// WriteAnswer saves one answer of an assessment in the background, as
	// Write does; what and prep name it with the item ("the consensus on
	// “…”").
	WriteAnswer(assessmentID string, f assessment.Framework, itemID string, ans assessment.Answer, what, prep string)

	// FunctionKey is the shell's answer to a key a focused widget passes
	// on: F1, F5, and Enter and Esc in a dialog.
	FunctionKey(*fyne.KeyEvent)
	// ShowKeys lists the keyboard shortcuts.
	ShowKeys()

	// Undoable records a change the coach can take back with Ctrl+Z (Edit
	// ▸ Undo) while the screen stays: name says what it changed ("rating
	// of “…”"), undo takes it back with a Write of its own, so the store
	// holds what the screen shows. The change undo records as it runs is
	// what Redo (Ctrl+Shift+Z) makes again.
	Undoable(name string, undo func())
	// Undo takes back the last change recorded, if any: Ctrl+Z in a field
	// whose own undo has nothing left to take back.
	Undo()
	// Redo makes again the last change Undo took back, if any.
	Redo()

	// SaveFollowUp writes what the coach says happened to a follow-up, as
	// the results screen and the checklists' first step both do; done runs
	// once the store holds it, so a refused write changes nothing on screen.
	SaveFollowUp(assessmentID string, fu assessment.FollowUp, done func())
}

// Page is a kind of screen a Route opens.
type Page int

// The pages a screen can open.
const (
	PageHome       Page = iota // the trains, recent work and the portfolio
	PageTrain                  // one train
	PageChecklists             // an assessment's checklists, one item at a time
	PageResults                // an assessment's results
	PageWorkshop               // an assessment run as a workshop
)

// Route names a screen to open: a page, and the train and assessment it
// shows where it shows one.
type Route struct {
	Page       Page
	Train      string
	Assessment string
}

// Train is the route to a train's screen.
func Train(id string) Route { return Route{Page: PageTrain, Train: id} }

// Checklists is the route to an assessment's checklists.
func Checklists(trainID, assessmentID string) Route {
	return Route{Page: PageChecklists, Train: trainID, Assessment: assessmentID}
}

// Results is the route to an assessment's results.
func Results(trainID, assessmentID string) Route {
	return Route{Page: PageResults, Train: trainID, Assessment: assessmentID}
}

// Workshop is the route to an assessment's workshop.
func Workshop(trainID, assessmentID string) Route {
	return Route{Page: PageWorkshop, Train: trainID, Assessment: assessmentID}
}

// Load is Read for a value: read returns it, done receives it on the UI
// thread.
func Load[T any](h Host, what string, read func(context.Context) (T, error), done func(T)) {
	loadThrough(h.Read, what, read, done)
}

// LoadBeside is Load through ReadBeside.
func LoadBeside[T any](h Host, what string, read func(context.Context) (T, error), done func(T)) {
	loadThrough(h.ReadBeside, what, read, done)
}

// loadThrough is Load through the Host's read given.
func loadThrough[T any](via func(string, func(context.Context) error, func()), what string, read func(context.Context) (T, error), done func(T)) {
	var v T
	via(what, func(ctx context.Context) error {
		var err error
		v, err = read(ctx)
		return err
	}, func() { done(v) })
}
