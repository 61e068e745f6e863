package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// OverdueBadge is the warning line of a train's overdue follow-ups: an icon
// and the badge's words (Objects[0], the centre), for the home and train screens.
func OverdueBadge() *fyne.Container {
	text := Truncated("")
	text.Importance = widget.WarningImportance
	text.TextStyle.Bold = true
	return container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, text)
}

// CleanName is a name as typed or pasted, on one line: tabs, line breaks
// and runs of spaces become one space, and spaces around it go.
func CleanName(s string) string { return strings.Join(strings.Fields(s), " ") }

// FormWhat names what a form holds, in a sentence, from its title: "New
// train" is "a new train", "Train details" is "changes to the train details".
func FormWhat(title string) string {
	if rest, ok := strings.CutPrefix(title, "New "); ok {
		return "a new " + rest
	}
	return "changes to the " + strings.ToLower(title)
}
