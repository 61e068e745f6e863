package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

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
