package data

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// scaleDirEnv names a folder where sampleDatabase keeps the databases it
// makes, so a second run (and `make scale`, which times the commands on
// them) does not make them again. Unset, each benchmark makes its own in a
// temporary folder.
const scaleDirEnv = "TRAINSCOPE_SCALE_DIR"

// scaleRules is the SummaryRules the databases are made with, so opening
// them recomputes nothing.
const scaleRules = "scale benchmark"

// scaleSizesEnv, when set, is the numbers of trains BenchmarkOpen makes
// and opens, separated by spaces or commas (`make scale SCALE_SIZES="1 10
// 100 500 2000"`); unset, 1, 10, 100 and 500.
const scaleSizesEnv = "TRAINSCOPE_SCALE_SIZES"

// scaleSizes is BenchmarkOpen's numbers of trains.
func scaleSizes(b *testing.B) []int {
	v := strings.FieldsFunc(os.Getenv(scaleSizesEnv), func(r rune) bool { return r == ' ' || r == ',' })
	if len(v) == 0 {
		return []int{1, 10, 100, 500}
	}
	sizes := make([]int, 0, len(v))
	for _, f := range v {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			b.Fatalf("%s=%q: %q is not a number of trains", scaleSizesEnv, os.Getenv(scaleSizesEnv), f)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

// sampleDatabase is the path of a database holding n copies of the sample
// train (assessment.Sample: eight teams, its register, one finished
// assessment with every answer and its snapshot), each added as the
// `trainscope sample` command adds it, fresh ids and all.
func sampleDatabase(b *testing.B, n int) string {
	b.Helper()
	dir := os.Getenv(scaleDirEnv)
	if dir == "" {
		dir = b.TempDir()
	}
	path := filepath.Join(dir, fmt.Sprintf("trains-%d.db", n))
	opts := Options{Summarize: realSummary(b), SummaryRules: scaleRules}
	s, err := Open(path, opts)
	must(b, err)
	defer func() { must(b, s.Close()) }()
	ctx := context.Background()
	trains, err := s.Trains(ctx)
	must(b, err)
	if len(trains) == n {
		return path
	}
	if len(trains) != 0 {
		b.Fatalf("%s holds %d trains, want 0 or %d: remove it", path, len(trains), n)
	}
	// A LACE's trains each have a history: the sample's finished
	// assessment again at every earlier PI, through a bundle import as
	// another coach's work would come in, 50 trains a bundle.
	for done := 0; done < n; {
		var ids []string
		for ; done < n && len(ids) < 50; done++ {
			_, id, err := s.AddSample(ctx, day(2026, 4, 20))
			must(b, err)
			a, err := s.Assessment(ctx, id)
			must(b, err)
			ids = append(ids, a.TrainID)
		}
		bundle, err := s.Export(ctx, ids)
		must(b, err)
		for i := range bundle.Trains {
			tr := &bundle.Trains[i]
			first := tr.Assessments[0]
			for pi := 1; pi < historyPIs; pi++ {
				earlier := first
				earlier.ID = NewID()
				earlier.Date = formatTime(day(2026, 4, 20).AddDate(0, 0, -70*pi))
				earlier.PI = fmt.Sprintf("PI %d", 26-pi)
				tr.Assessments = append(tr.Assessments, earlier)
			}
		}
		var buf bytes.Buffer
		_, err = bundle.WriteTo(&buf)
		must(b, err)
		_, err = s.Import(ctx, &buf)
		must(b, err)
	}
	return path
}

// historyPIs is how many finished assessments each train of a scale
// database holds, one a PI, as BenchmarkLoadTrain and the portfolio take.
const historyPIs = 10

// BenchmarkOpen opens and closes a database of 1, 10, 100 and 500 sample
// trains (or TRAINSCOPE_SCALE_SIZES's) as every command and the window do: by default (the header and
// the schema read, the full check left to the first write or the
// background), and with CheckAtOpen, which checks every page inside Open
// as Open did before issue 18.
func BenchmarkOpen(b *testing.B) {
	for _, n := range scaleSizes(b) {
		path := sampleDatabase(b, n)
		fi, err := os.Stat(path)
		must(b, err)
		for _, c := range []struct {
			name  string
			check bool
		}{{"default", false}, {"check-at-open", true}} {
			b.Run(fmt.Sprintf("trains-%d/%s", n, c.name), func(b *testing.B) {
				opts := Options{Summarize: realSummary(b), SummaryRules: scaleRules, CheckAtOpen: c.check}
				for b.Loop() {
					s, err := Open(path, opts)
					if err != nil {
						b.Fatal(err)
					}
					if err := s.Close(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(fi.Size())/1e6, "MB-file")
			})
		}
	}
}

// BenchmarkBackgroundCheck is what CheckInBackground costs off the coach's
// path on the same databases: the full check of every page (the day's
// backup is not due, so none is made).
func BenchmarkBackgroundCheck(b *testing.B) {
	for _, n := range []int{10, 100, 500} {
		path := sampleDatabase(b, n)
		b.Run(fmt.Sprintf("trains-%d", n), func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				s, err := Open(path, Options{})
				if err != nil {
					b.Fatal(err)
				}
				s.noteLatestBackup()
				s.lastBackup = time.Now() // no backup: the check alone
				b.StartTimer()
				if err := s.Check(context.Background()); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				must(b, s.Close())
				b.StartTimer()
			}
		})
	}
}

// bigTrainEnv names the database TestWriteBigTrainDatabase writes: the
// sample train grown to issue 18's big train, for timing and measuring the
// window on it (docs/performance.md, "The window's memory").
const bigTrainEnv = "TRAINSCOPE_BIG_TRAIN_DB"

// TestWriteBigTrainDatabase writes, with TRAINSCOPE_BIG_TRAIN_DB=PATH, a
// database holding the sample (its finished assessment and draft) with its
// train grown to 12 teams, 121 people and 300 impediments, as
// app/train's bigTrain stores it.
//
//	TRAINSCOPE_BIG_TRAIN_DB=/tmp/big.db go test -tags migrated_fynedo -run '^TestWriteBigTrainDatabase$' ./data/
func TestWriteBigTrainDatabase(t *testing.T) {
	path := os.Getenv(bigTrainEnv)
	if path == "" {
		t.Skip("set " + bigTrainEnv + "=PATH to write the big train's database there")
	}
	if _, err := os.Stat(path); err == nil {
		t.Fatalf("%s exists; remove it first", path)
	}
	ctx := context.Background()
	on := day(2026, 4, 20)
	s, err := Open(path, Options{Summarize: realSummary(t)})
	must(t, err)
	defer func() { must(t, s.Close()) }()
	_, aid, err := s.AddSample(ctx, on)
	must(t, err)
	a, err := s.Assessment(ctx, aid)
	must(t, err)
	roster, err := s.Roster(ctx, a.TrainID)
	must(t, err)
	must(t, s.SaveRoster(ctx, a.TrainID, assessment.GrowRoster(roster, 12, 121)))
	_, _, register, _ := assessment.Sample(on)
	for _, imp := range assessment.GrowRegister(register, 300, on) {
		must(t, s.SaveImpediment(ctx, a.TrainID, &imp))
	}
}

// BenchmarkHomeReading is what home reads at every start and on going
// Home after a change, on the same databases: each train's stamp, the
// trains with their latest summaries, the twelve assessments changed last.
func BenchmarkHomeReading(b *testing.B) {
	for _, n := range scaleSizes(b) {
		path := sampleDatabase(b, n)
		s, err := Open(path, Options{Summarize: realSummary(b), SummaryRules: scaleRules})
		must(b, err)
		ctx := context.Background()
		for _, c := range []struct {
			name string
			read func() error
		}{
			{"stamps", func() error { _, err := s.TrainStamps(ctx); return err }},
			{"trains", func() error { _, err := s.Trains(ctx); return err }},
			{"recent", func() error { _, err := s.RecentAssessments(ctx, 12); return err }},
		} {
			b.Run(fmt.Sprintf("trains-%d/%s", n, c.name), func(b *testing.B) {
				for b.Loop() {
					if err := c.read(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		must(b, s.Close())
	}
}
