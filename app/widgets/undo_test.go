package widgets

import (
	"fmt"
	"testing"
)

// TestUndoStack: undo takes back the newest step, whose own change back is
// the redo; a new change forgets the redos; at most UndoDepth steps stay.
func TestUndoStack(t *testing.T) {
	var u UndoStack
	value := 0
	var set func(v int)
	set = func(v int) {
		was := value
		value = v
		u.Record(fmt.Sprintf("value %d", was), func() { set(was) })
	}
	changes := 0
	u.OnChange = func() { changes++ }

	set(1)
	set(2)
	if s, ok := u.Next(); !ok || s.Name != "value 1" {
		t.Fatalf("next undo %+v %v", s, ok)
	}
	if !u.Undo() || value != 1 {
		t.Fatalf("after undo the value is %d", value)
	}
	if s, ok := u.NextRedo(); !ok || s.Name != "value 2" {
		t.Fatalf("next redo %+v %v", s, ok)
	}
	if !u.Redo() || value != 2 {
		t.Fatalf("after redo the value is %d", value)
	}
	u.Undo()
	u.Undo()
	if value != 0 || u.Undo() {
		t.Fatalf("after undoing everything the value is %d", value)
	}
	set(5) // a change of its own: nothing to redo
	if _, ok := u.NextRedo(); ok || u.Redo() {
		t.Error("a new change kept the redos")
	}
	if changes == 0 {
		t.Error("OnChange never ran")
	}

	for i := range UndoDepth + 5 {
		set(10 + i)
	}
	n := 0
	for u.Undo() {
		n++
	}
	if n != UndoDepth {
		t.Errorf("%d steps kept, want %d", n, UndoDepth)
	}
	u.Clear()
	if _, ok := u.Next(); ok {
		t.Error("Clear kept a step")
	}
	if got := UndoLabel(UndoWord, UndoStep{Name: "rating of “x”"}, true); got != "Undo: rating of “x”" {
		t.Errorf("label %q", got)
	}
	if got := UndoLabel(RedoWord, UndoStep{}, false); got != "Redo" {
		t.Errorf("label %q", got)
	}
}
