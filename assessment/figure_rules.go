package assessment

import (
	"errors"
	"math"
)

// ErrNegativeFigure is why a figure below zero is refused: a measure counts
// days, items or a share, never less than none.
var ErrNegativeFigure = errors.New("a figure is never below zero: it counts days, items or a share")

// ErrNotAFigure is why a value that is no number is refused.
var ErrNotAFigure = errors.New("the figure must be a number, e.g. 12 or 37.5")

// Refusal says why a measure cannot take the figure, or nil when it can.
// The store refuses the same figures.
func (f FigureSpec) Refusal(v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return ErrNotAFigure
	case v < 0:
		return ErrNegativeFigure
	}
	return nil
}
