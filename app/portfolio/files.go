package portfolio

import (
	"context"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"

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

// Gather imports every bundle of paths (files, or folders of them), each
// file all or nothing, and, once the portfolio shows what came in, shows
// the one merge report; then, if not nil, receives it.
func (s *Screen) Gather(paths []string, then func(data.GatherReport)) {
	var rep data.GatherReport
	s.host.Write("the bundles", func(ctx context.Context) error {
		var err error
		rep, err = s.host.Store().ImportMany(ctx, paths)
		return err
	}, func() {
		s.Load(func() {
			s.showGatherReport(rep)
			if then != nil {
				then(rep)
			}
		})
	})
}

// showGatherReport shows the merge report in a dialog.
func (s *Screen) showGatherReport(rep data.GatherReport) {
	d := dialog.NewCustom("Bundles gathered", "Close", container.NewVScroll(s.gatherReport(rep)), s.host.Window())
	d.Resize(fyne.NewSize(680, 520))
	d.Show()
}
