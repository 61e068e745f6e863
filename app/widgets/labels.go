package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Heading is a large bold label.
func Heading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameHeadingText
	l.TextStyle.Bold = true
	return l
}

// HeadingTruncated is a heading that ends in an ellipsis when the name in it
// is too long for the window.
func HeadingTruncated(text string) *widget.Label {
	l := Heading(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// Subheading is a bold label one size down.
func Subheading(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameSubHeadingText
	l.TextStyle.Bold = true
	return l
}

// Wrapped is a label that wraps at word boundaries.
func Wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Truncated is a label that ends in an ellipsis when it does not fit.
func Truncated(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// ColumnHead is the bold label over a column.
func ColumnHead(text string) *widget.Label {
	l := Truncated(text)
	l.TextStyle.Bold = true
	l.Importance = widget.MediumImportance
	return l
}

// SectionTitle is the heading of a results section.
func SectionTitle(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	l.Importance = widget.HighImportance
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func BoldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

// Bullets is a wrapped list, one bullet per line.
func Bullets(lines []string) *widget.Label {
	return Wrapped("•  " + strings.Join(lines, "\n•  "))
}

// Caption is a small italic note under a section.
func Caption(text string) *widget.Label {
	l := Wrapped(text)
	l.TextStyle.Italic = true
	l.SizeName = theme.SizeNameCaptionText
	return l
}
