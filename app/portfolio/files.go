package portfolio

import (
	"context"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/trainscope/trainscope/app/widgets"
	"github.com/trainscope/trainscope/assessment/report"
	"github.com/trainscope/trainscope/data"
)

// PDF is the portfolio report of the trains and review as shown, filtered,
// the same as the portfolio command writes.
func (s *Screen) PDF() ([]byte, error) {
	pdf, _, err := report.RenderPortfolio(report.PortfolioInput{Portfolio: s.p, Definitions: s.host.Definitions(), Created: s.host.Now()},
		report.Options{Paper: report.PaperFromEnv(func(string) string { return "" })})
	return pdf, err
}

func (s *Screen) exportPDF() {
	sv, ok := s.host.(Saver)
	if !ok {
		return
	}
	name := "Portfolio"
	if s.filters.Group != "" {
		name += " " + s.filters.Group
	}
	sv.SaveFile("the portfolio report", "Portfolio report saved", name+".pdf", func(_ context.Context, w io.Writer) error {
		pdf, err := s.PDF()
		if err != nil {
			return err
		}
		_, err = w.Write(pdf)
		return err
	})
}

// Gather imports every bundle of paths (files, or folders of them) and
// shows the merge report; then, if not nil, receives it.
func (s *Screen) Gather(paths []string, then func(data.GatherReport)) {
	var rep data.GatherReport
	s.host.Write("the bundles", func(ctx context.Context) error {
		var err error
		rep, err = s.host.Store().ImportMany(ctx, paths)
		return err
	}, func() {
		s.Load(nil)
		if then != nil {
			then(rep)
			return
		}
		d := dialog.NewCustom("Bundles imported", "Close", widgets.Wrapped(strings.TrimSpace(rep.String())), s.host.Window())
		d.Resize(fyne.NewSize(560, 0))
		d.Show()
	})
}

// gatherDialog asks for a folder of bundles (every .json in it is read).
func (s *Screen) gatherDialog() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil {
			s.host.ShowError("Could not open the folder", err)
			return
		}
		if u == nil {
			return
		}
		s.Gather([]string{u.Path()}, nil)
	}, s.host.Window())
	d.Show()
	d.Resize(fyne.NewSize(800, 560))
}
