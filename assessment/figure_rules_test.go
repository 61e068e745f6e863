package assessment

import (
	"math"
	"testing"
)

func TestFigureRefusal(t *testing.T) {
	f := FigureSpec{Unit: "%"}
	for _, tc := range []struct {
		v    float64
		want error
	}{{0, nil}, {37.5, nil}, {-1, ErrNegativeFigure}, {math.NaN(), ErrNotAFigure}, {math.Inf(1), ErrNotAFigure}} {
		if got := f.Refusal(tc.v); got != tc.want {
			t.Errorf("Refusal(%v) = %v, want %v", tc.v, got, tc.want)
		}
	}
}
