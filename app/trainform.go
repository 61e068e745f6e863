package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment"
)

// trainForm is the form for a new train or a train's details.
type trainForm struct {
	name        *widget.Entry
	framework   *widget.RadioGroup
	group       *widget.SelectEntry
	groups      []string // the groups in use, the group field's suggestions
	description *widget.Entry
	dialog      *dialog.FormDialog
}

func newTrainForm(ui *UI, title, confirm string, t assessment.Train, save func(assessment.Train)) *trainForm {
	f := &trainForm{name: widget.NewEntry(), description: widget.NewMultiLineEntry()}
	f.name.SetText(t.Name)
	f.name.SetPlaceHolder("e.g. Payments ART")
	f.name.Validator = func(s string) error {
		if widgets.CleanName(s) == "" {
			return fmt.Errorf("the train needs a name")
		}
		return nil
	}
	var options []string
	for _, fw := range assessment.Frameworks {
		options = append(options, string(fw))
	}
	f.framework = widget.NewRadioGroup(options, nil)
	f.framework.Horizontal = true
	f.framework.Required = true
	if t.Framework == "" {
		t.Framework = assessment.SAFe
	}
	f.framework.SetSelected(string(t.Framework))
	f.group = widget.NewSelectEntry(nil)
	f.group.SetText(t.Group)
	f.group.SetPlaceHolder("e.g. Payments value stream")
	load(ui, "the groups", func(ctx context.Context) ([]string, error) { return ui.store.Groups(ctx) },
		func(gs []string) { f.groups = gs; f.group.SetOptions(gs) })
	f.description.SetText(t.Description)
	f.description.SetMinRowsVisible(3)
	f.description.Wrapping = fyne.TextWrapWord
	f.description.SetPlaceHolder("What the train delivers, its value stream, who sponsors it")
	items := []*widget.FormItem{
		widget.NewFormItem("Name", f.name),
		{Text: "Framework", Widget: f.framework, HintText: "Decides the roles, sizes, events and words of every checklist and report"},
		{Text: "Group", Widget: f.group, HintText: "The portfolio, value stream or solution train it belongs to; the portfolio filters by it"},
		widget.NewFormItem("Description", f.description),
	}
	f.dialog = dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		t.Name = widgets.CleanName(f.name.Text)
		t.Framework = assessment.Framework(f.framework.Selected)
		t.Description = strings.TrimSpace(f.description.Text)
		t.Group = widgets.CleanName(f.group.Text)
		save(t)
	}, ui.win)
	f.dialog.Resize(fyne.NewSize(560, 0))
	f.name.OnSubmitted = func(string) { f.dialog.Submit() }
	opened := [4]string{f.name.Text, f.framework.Selected, f.group.Text, f.description.Text}
	ui.trackForm(widgets.FormWhat(title), f.dialog, func() bool {
		return [4]string{f.name.Text, f.framework.Selected, f.group.Text, f.description.Text} != opened
	})
	return f
}

// newTrainDialog asks for a new train's name and framework, then opens it.
func (ui *UI) newTrainDialog() {
	f := newTrainForm(ui, "New train", "Create", assessment.Train{}, ui.createTrain)
	f.dialog.Show()
	ui.win.Canvas().Focus(f.name)
	ui.lastTrainForm = f
}

// createTrain saves a new train and opens it.
func (ui *UI) createTrain(t assessment.Train) {
	ui.write("the new train", func(ctx context.Context) error {
		return ui.store.CreateTrain(ctx, &t)
	}, func() {
		ui.home.Reload()
		ui.openTrain(t.ID)
	})
}

// addSample adds the sample train with its finished assessment, and opens it.
func (ui *UI) addSample() {
	var trainID string
	ui.write("the sample train", func(ctx context.Context) error {
		_, id, err := ui.store.AddSample(ctx, ui.now())
		if err != nil {
			return err
		}
		a, err := ui.store.Assessment(ctx, id)
		if err != nil {
			return err
		}
		trainID = a.TrainID
		return nil
	}, func() {
		ui.home.Load(func() { ui.openTrain(trainID) })
	})
}
