package widgets

// UndoDepth is how many changes Ctrl+Z can take back, newest first.
const UndoDepth = 20

// UndoStep is one change the coach can take back: Name says what it changed
// in the coach's words ("rating of “Team autonomy”"), Undo takes it back.
type UndoStep struct {
	Name string
	Undo func()
}

// UndoStack is the one undo model of the window: the changes made on the
// screen shown, newest last, and the ones taken back, which Redo makes
// again. A step's Undo writes to the store as every change does; the step
// it records while it runs (the change back) becomes the redo, and while a
// redo runs, the undo again. A change made otherwise forgets the redos.
type UndoStack struct {
	undo, redo []UndoStep
	undoing    bool
	redoing    bool
	// OnChange, if not nil, runs after the steps changed, so the menu and
	// the status bar name the next one.
	OnChange func()
}

// Record adds a change the coach can take back.
func (u *UndoStack) Record(name string, undo func()) {
	s := UndoStep{Name: name, Undo: undo}
	switch {
	case u.undoing:
		u.redo = push(u.redo, s)
	case u.redoing:
		u.undo = push(u.undo, s)
	default:
		u.undo = push(u.undo, s)
		u.redo = nil
	}
	u.changed()
}

// push adds s on top, keeping at most UndoDepth steps.
func push(steps []UndoStep, s UndoStep) []UndoStep {
	steps = append(steps, s)
	if len(steps) > UndoDepth {
		steps = append(steps[:0:0], steps[len(steps)-UndoDepth:]...)
	}
	return steps
}

// Undo takes back the last change; false when there is none.
func (u *UndoStack) Undo() bool {
	if len(u.undo) == 0 || u.undoing || u.redoing {
		return false
	}
	s := u.undo[len(u.undo)-1]
	u.undo = u.undo[:len(u.undo)-1]
	u.undoing = true
	defer func() { u.undoing = false; u.changed() }()
	s.Undo()
	return true
}

// Redo makes again the last change taken back; false when there is none.
func (u *UndoStack) Redo() bool {
	if len(u.redo) == 0 || u.undoing || u.redoing {
		return false
	}
	s := u.redo[len(u.redo)-1]
	u.redo = u.redo[:len(u.redo)-1]
	u.redoing = true
	defer func() { u.redoing = false; u.changed() }()
	s.Undo()
	return true
}

// Clear forgets every step: another train or assessment is on screen.
func (u *UndoStack) Clear() {
	if len(u.undo) == 0 && len(u.redo) == 0 {
		return
	}
	u.undo, u.redo = nil, nil
	u.changed()
}

// Next is the step Undo takes back, if any.
func (u *UndoStack) Next() (UndoStep, bool) {
	if len(u.undo) == 0 {
		return UndoStep{}, false
	}
	return u.undo[len(u.undo)-1], true
}

// NextRedo is the step Redo makes again, if any.
func (u *UndoStack) NextRedo() (UndoStep, bool) {
	if len(u.redo) == 0 {
		return UndoStep{}, false
	}
	return u.redo[len(u.redo)-1], true
}

func (u *UndoStack) changed() {
	if u.OnChange != nil {
		u.OnChange()
	}
}

// The words of the Edit menu's entries, with the step they concern.
const (
	UndoWord = "Undo"
	RedoWord = "Redo"
)

// UndoLabel is the menu's entry for a step: "Undo: rating of “…”", or
// plain "Undo" when there is nothing to take back.
func UndoLabel(word string, s UndoStep, ok bool) string {
	if !ok {
		return word
	}
	return word + ": " + s.Name
}
