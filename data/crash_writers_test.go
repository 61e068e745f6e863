package data

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// The kill test of every other kind of writer: a roster saved whole, the
// impediment register, bundle imports, response merges and workshop votes.
// Each child writes one kind until SIGKILL; the parent then checks the
// file's integrity, that every write the child acknowledged is there, and
// that no import or merge is there in part. TRAINSCOPE_KILL_CYCLES sets the
// kills per writer (default 20; make kill runs 100).
const (
	crashEnvWriter = "TRAINSCOPE_CRASH_WRITER"
	crashEnvTrain  = "TRAINSCOPE_CRASH_TRAIN"
)

// "import" is a bundle of four trains, one transaction; "import-chunks" one
// of crashChunkedTrains trains, which goes in several (issue 17), so kills
// land between chunks too and the next Open must undo the chunks in.
var crashWriters = []string{"roster", "impediment", "import", "import-chunks", "responses", "vote"}

// crashChunkedTrains is the size of the "import-chunks" writer's bundles:
// three chunks of crashChunk trains.
const (
	crashChunk         = 4
	crashChunkedTrains = 3 * crashChunk
)

// crashTrains is how many trains each bundle of the writer has.
func crashTrains(writer string) int {
	if writer == "import-chunks" {
		return crashChunkedTrains
	}
	return 4
}

// crashBundle is n trains, each with an assessment, whose ids start with key.
func crashBundle(key string, n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"format":"trainscope-bundle","version":1,"trains":[`)
	for k := range n {
		if k > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id":"%s-%d","name":"%s","framework":"SAFe","description":"","created_at":"2026-01-01T09:00:00Z","updated_at":"2026-01-01T09:00:00Z",
"value_stream_map":false,"required_skills":[],"people":[{"id":"p","name":"Ana","contractor":false}],"roles":[],"teams":[],"impediments":[],
"assessments":[{"id":"%s-a-%d","date":"2026-03-01T00:00:00Z","pi":"PI 1","assessor":"","status":"draft","checklist_version":"2026.1","pi_weeks":0,
"created_at":"2026-03-01T09:00:00Z","updated_at":"2026-03-01T09:00:00Z","snapshot":null,"answers":[],"notes":[],"recommendation_edits":[],"recommendations":[]}]}`,
			key, k, key, key, k)
	}
	b.WriteString("]}")
	return b.Bytes()
}

// TestCrashWriterChild is the writer. Run alone it does nothing.
func TestCrashWriterChild(t *testing.T) {
	writer := os.Getenv(crashEnvWriter)
	if writer == "" {
		t.Skip("the child of TestCrashEveryWriter")
	}
	ctx := context.Background()
	defs := definitions(t)
	s, err := Open(os.Getenv(crashEnvDB), Options{Summarize: countingSummary, Definitions: defs})
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	if writer == "import-chunks" {
		importChunk.trains, importChunk.assessments, importChunk.budget = crashChunk, 4*crashChunk, 0
	}
	trainID, wsID, cycle := os.Getenv(crashEnvTrain), os.Getenv(crashEnvAssessment), os.Getenv(crashEnvCycle)
	// A roster is saved whole: each child goes on from the one saved last.
	roster, err := s.Roster(ctx, trainID)
	if err != nil {
		fmt.Println("roster:", err)
		os.Exit(2)
	}
	deadline := time.Now().Add(10 * time.Second)
	for i := 0; time.Now().Before(deadline); i++ {
		key := fmt.Sprintf("c%s-%d", cycle, i)
		switch writer {
		case "roster":
			roster.People = append(roster.People, assessment.Person{ID: key, Name: key})
			err = s.SaveRoster(ctx, trainID, roster)
		case "impediment":
			err = s.SaveImpediment(ctx, trainID, &assessment.Impediment{ID: key, Title: key, Level: assessment.LevelTeam, Status: assessment.StatusOpen})
		case "import", "import-chunks":
			_, err = s.Import(ctx, bytes.NewReader(crashBundle(key, crashTrains(writer))))
		case "responses":
			_, err = s.ImportResponses(ctx, wsID, map[string][]byte{key + ".json": encode(response(key, corpusPractice, i%5+1, corpusMeasure, -2))})
		case "vote":
			if err = s.AddParticipant(ctx, wsID, &assessment.Participant{ID: key, Name: key}); err == nil {
				err = s.CastVote(ctx, wsID, assessment.Vote{ParticipantID: key, ItemID: corpusPractice, Rating: assessment.Rating(i%5 + 1)})
			}
		}
		if err != nil {
			fmt.Println("error:", err)
			os.Exit(2)
		}
		fmt.Printf("ok %s\n", key)
	}
	os.Exit(3)
}

func TestCrashEveryWriter(t *testing.T) {
	cycles := 20
	if n, err := strconv.Atoi(os.Getenv("TRAINSCOPE_KILL_CYCLES")); err == nil && n > 0 {
		cycles = n
	}
	ctx := context.Background()
	for _, writer := range crashWriters {
		t.Run(writer, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "trainscope.db")
			s, err := Open(path, Options{Definitions: definitions(t)})
			must(t, err)
			tr := addTrain(t, s, "Crash")
			must(t, s.SaveRoster(ctx, tr.ID, testRoster()))
			ws := assessment.Assessment{TrainID: tr.ID, Date: day(2026, 3, 1)}
			must(t, s.CreateAssessment(ctx, &ws))
			must(t, s.StartWorkshop(ctx, ws.ID, false))
			must(t, s.Close())

			// The children's temporary folder: a killed import must leave
			// no copy of its bundle there.
			tmp := t.TempDir()
			seed := uint64(time.Now().UnixNano())
			rng := rand.New(rand.NewPCG(seed, 2))
			var acked []string
			killedWriting := 0
			start := time.Now()
			for cycle := range cycles {
				early := rng.IntN(8) == 0
				delay := time.Duration(rng.IntN(25_000)) * time.Microsecond
				env := []string{crashEnvDB + "=" + path, crashEnvWriter + "=" + writer, crashEnvTrain + "=" + tr.ID, crashEnvAssessment + "=" + ws.ID, "TMPDIR=" + tmp}
				lines := runAndKill(t, "TestCrashWriterChild", env, cycle, early, delay)
				if len(lines) > 0 {
					killedWriting++
				}
				for _, l := range lines {
					f := strings.Fields(l)
					if len(f) != 2 || f[0] != "ok" {
						t.Fatalf("cycle %d: child said %q", cycle, l)
					}
					acked = append(acked, f[1])
				}
				verifyWriter(t, path, writer, tr.ID, ws.ID, cycle, acked)
			}
			t.Logf("%s: %d kills (%d while writing) in %v, seed %d; %d acknowledged writes all present, none half-applied",
				writer, cycles, killedWriting, time.Since(start).Round(time.Millisecond), seed, len(acked))
			if killedWriting < cycles/2 {
				t.Fatalf("only %d of %d kills happened while writing", killedWriting, cycles)
			}
			if left, _ := filepath.Glob(filepath.Join(tmp, "trainscope-*")); len(left) > 0 {
				t.Errorf("the killed children left %d files in their temporary folder, %s first", len(left), filepath.Base(left[0]))
			}
		})
	}
}

// verifyWriter opens the database after a kill and checks it.
func verifyWriter(t *testing.T, path, writer, trainID, wsID string, cycle int, acked []string) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("cycle %d: open after kill: %v", cycle, err)
	}
	defer s.Close()
	var check string
	must(t, s.db.QueryRow("PRAGMA integrity_check").Scan(&check))
	if check != "ok" {
		t.Fatalf("cycle %d: integrity_check: %s", cycle, check)
	}
	have := map[string]bool{}
	switch writer {
	case "roster":
		r, err := s.Roster(ctx, trainID)
		must(t, err)
		for _, p := range r.People {
			have[p.ID] = true
		}
	case "impediment":
		reg, err := s.Register(ctx, trainID)
		must(t, err)
		for _, imp := range reg {
			have[imp.ID] = true
		}
	case "import", "import-chunks":
		if journalRows(t, s) != 0 {
			t.Fatalf("cycle %d: an import's journal is left after open", cycle)
		}
		trains, err := s.Trains(ctx)
		must(t, err)
		per := map[string]int{}
		for _, tr := range trains {
			if tr.Train.ID == trainID {
				continue
			}
			key := tr.Train.Name
			per[key]++
			if tr.Assessments != 1 {
				t.Fatalf("cycle %d: train %s has %d assessments: an import half-applied", cycle, tr.Train.ID, tr.Assessments)
			}
		}
		for key, n := range per {
			if want := crashTrains(writer); n != want {
				t.Fatalf("cycle %d: import %s has %d of its %d trains: half-applied", cycle, key, n, want)
			}
			have[key] = true
		}
	case "responses", "vote":
		w, err := loadWorkshop(ctx, s.db, wsID)
		must(t, err)
		votes := map[string]int{}
		for _, v := range w.Votes {
			votes[v.ParticipantID]++
		}
		for _, p := range w.Participants {
			id := strings.TrimPrefix(p.ID, "id-")
			if writer == "responses" && votes[p.ID] != 2 {
				t.Fatalf("cycle %d: response of %s merged with %d of its 2 votes", cycle, p.Name, votes[p.ID])
			}
			if votes[p.ID] > 0 {
				have[id] = true
			}
		}
	}
	for _, key := range acked {
		if !have[key] {
			t.Fatalf("cycle %d: acknowledged %s write %s lost", cycle, writer, key)
		}
	}
}
