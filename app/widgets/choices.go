package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/trainscope/trainscope/assessment"
)

// Titled is a domain value with a name in the coach's words.
type Titled interface{ Title() string }

// Titles names each value, for a choice.
func Titles[T Titled](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = v.Title()
	}
	return out
}

// FromTitle is the value a choice names, or otherwise.
func FromTitle[T Titled](values []T, title string, otherwise T) T {
	for _, v := range values {
		if v.Title() == title {
			return v
		}
	}
	return otherwise
}

// LevelName names a level in the train's framework's words (SAFe's ART is
// Scrum@Scale's Scrum of Scrums); an escalation left empty reads as the
// team's.
func LevelName(f assessment.Framework, l assessment.ImpedimentLevel) string {
	if l == "" {
		l = assessment.LevelTeam
	}
	return f.LevelTitle(l)
}

// LevelTitles are the levels' names in the framework's words, in ladder order.
func LevelTitles(f assessment.Framework) []string {
	out := make([]string, len(assessment.ImpedimentLevels))
	for i, l := range assessment.ImpedimentLevels {
		out[i] = LevelName(f, l)
	}
	return out
}

// LevelFromTitle is the level a title of LevelTitles names; otherwise the team's.
func LevelFromTitle(f assessment.Framework, title string) assessment.ImpedimentLevel {
	for _, l := range assessment.ImpedimentLevels {
		if LevelName(f, l) == title {
			return l
		}
	}
	return assessment.LevelTeam
}

// PriorityBadge shows a priority or severity in colour.
func PriorityBadge(p assessment.Priority) fyne.CanvasObject {
	switch p {
	case assessment.High:
		return Badge(p.Title(), theme.ColorNameError)
	case assessment.Medium:
		return Badge(p.Title(), theme.ColorNameWarning)
	}
	return Badge(assessment.Low.Title(), theme.ColorNamePrimary)
}

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
