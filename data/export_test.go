package data

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/trainscope/trainscope/assessment"
)

// blockingWriter holds its first Write until the test lets it go, as a
// slow disk or a full pipe would: started says the export is writing.
type blockingWriter struct {
	buf     bytes.Buffer
	started chan struct{}
	release chan struct{}
	once    bool
}

func newBlockingWriter() *blockingWriter {
	return &blockingWriter{started: make(chan struct{}), release: make(chan struct{})}
}

func (w *blockingWriter) Write(p []byte) (int, error) {
	if !w.once {
		w.once = true
		close(w.started)
		<-w.release
	}
	return w.buf.Write(p)
}

// draftOf is the sample store's draft assessment (the one a coach can
// still change) and its train.
func draftOf(t *testing.T, s *Store) (train assessment.Train, draft *assessment.Assessment) {
	t.Helper()
	ctx := context.Background()
	trains, err := s.Trains(ctx)
	must(t, err)
	for _, tr := range trains {
		as, err := s.Assessments(ctx, tr.Train.ID)
		must(t, err)
		for _, a := range as {
			if a.Status == assessment.Draft {
				return tr.Train, a
			}
		}
	}
	t.Fatal("no draft in the sample store")
	return
}

// lineageOf is the lineage recorded here for a train or an assessment.
func lineageOf(t *testing.T, s *Store, table, id string) []string {
	t.Helper()
	var l string
	must(t, s.db.QueryRow("SELECT lineage FROM "+table+" WHERE id = ?", id).Scan(&l))
	return splitLineage(l)
}

// While an export writes its file, a save from the same Store or from
// another one on the same file goes in at once: the export reads one
// snapshot and holds no write lock (issue 17). The file holds the
// snapshot's content, and its lineage is recorded as that content, so
// importing the file afterwards skips what the saves changed since (the
// newer local edit is kept), and does not take it for a conflict.
func TestSaveWhileExportWrites(t *testing.T) {
	for _, other := range []bool{false, true} {
		name := "same store"
		if other {
			name = "another store"
		}
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s := sampleStore(t)
			saver := s
			if other {
				var err error
				saver, err = Open(s.Path(), Options{Summarize: countingSummary})
				must(t, err)
				defer saver.Close()
			}
			train, draft := draftOf(t, s)
			const item = "fit.shared-product.v1"
			oldNote := draft.Answers[item].Note
			w := newBlockingWriter()
			done := make(chan error, 1)
			go func() {
				_, err := s.ExportTo(ctx, w, "Ana", nil)
				done <- err
			}()
			select {
			case <-w.started:
			case err := <-done:
				t.Fatalf("the export ended before writing: %v", err)
			}
			start := time.Now()
			renamed := train
			renamed.Name = "Renamed during the export"
			err1 := saver.UpdateTrain(ctx, renamed)
			err2 := saver.SetAnswer(ctx, draft.ID, assessment.Answer{ItemID: item, Rating: 3, Note: "changed during the export"})
			waited := time.Since(start)
			close(w.release)
			must(t, <-done)
			if err1 != nil || err2 != nil {
				t.Fatalf("saves during the export: %v; %v (after %v)", err1, err2, waited)
			}
			if waited > 2*time.Second {
				t.Errorf("the saves waited %v for the export", waited)
			}

			// The file holds the snapshot's content.
			b, err := DecodeBundle(w.buf.Bytes())
			must(t, err)
			var inFile *BundleAssessment
			for i := range b.Trains {
				for j := range b.Trains[i].Assessments {
					if b.Trains[i].Assessments[j].ID == draft.ID {
						inFile = &b.Trains[i].Assessments[j]
						if b.Trains[i].Name != train.Name {
							t.Errorf("the file names the train %q, want the snapshot's %q", b.Trains[i].Name, train.Name)
						}
					}
				}
			}
			if inFile == nil {
				t.Fatal("the draft is not in the file")
			}
			for _, a := range inFile.Answers {
				if a.Item == item && a.Note != oldNote {
					t.Errorf("the file holds the note %q, want the snapshot's %q", a.Note, oldNote)
				}
			}

			// Its lineage is the file's content, not the content saved since.
			if l := lineageOf(t, s, "assessments", draft.ID); !slices.Contains(l, assessmentHash(*inFile)) {
				t.Errorf("the draft's lineage %v lacks the exported revision %s", l, assessmentHash(*inFile))
			}
			now, err := s.Export(ctx, []string{train.ID})
			must(t, err)
			for _, ba := range now.Trains[0].Assessments {
				if ba.ID == draft.ID && slices.Contains(ba.History, assessmentHash(ba)) {
					t.Errorf("the draft's history holds its current content")
				}
			}

			// Importing the file again keeps the newer local edits.
			rep, err := s.Import(ctx, bytes.NewReader(w.buf.Bytes()))
			must(t, err)
			if len(rep.Updated)+len(rep.Merged)+len(rep.Conflicts)+len(rep.Added) != 0 {
				t.Errorf("importing the file back changed things: %+v", rep)
			}
			for _, it := range rep.Skipped {
				if (it.ID == draft.ID || it.ID == train.ID) && !strings.Contains(it.Reason, "made from this one and changed since") {
					t.Errorf("%s %s skipped as %q, want it known as older", it.Kind, it.ID, it.Reason)
				}
			}
			got, err := s.Assessment(ctx, draft.ID)
			must(t, err)
			if got.Answers[item].Note != "changed during the export" {
				t.Errorf("the local edit was overwritten: %q", got.Answers[item].Note)
			}
			tr, err := s.Train(ctx, train.ID)
			must(t, err)
			if tr.Name != renamed.Name {
				t.Errorf("the train's new name was overwritten: %q", tr.Name)
			}
		})
	}
}

// A save between the file's writing and the recording of its lineage does
// not get a lineage entry: WriteBundle, then a save, then Record records
// the hash of what the file holds only.
func TestSaveBetweenWriteAndRecord(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	train, draft := draftOf(t, s)
	var file bytes.Buffer
	e, err := s.WriteBundle(ctx, &file, "", nil)
	must(t, err)
	if l := lineageOf(t, s, "assessments", draft.ID); len(l) != 0 {
		t.Fatalf("WriteBundle recorded a lineage already: %v", l)
	}
	must(t, s.SetAnswer(ctx, draft.ID, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 2, Note: "saved before the recording"}))
	renamed := train
	renamed.Name = "Renamed before the recording"
	must(t, s.UpdateTrain(ctx, renamed))
	must(t, e.Record(ctx))

	b, err := DecodeBundle(file.Bytes())
	must(t, err)
	var ft BundleTrain
	for _, bt := range b.Trains {
		if bt.ID == train.ID {
			ft = bt
		}
	}
	h := trainHash(ft)
	if l := lineageOf(t, s, "trains", train.ID); !slices.Equal(l, []string{h}) {
		t.Errorf("the train's lineage %v, want the file's revision %s alone", l, h)
	}
	var kept int
	must(t, s.db.QueryRow("SELECT count(*) FROM train_revisions WHERE train_id = ? AND hash = ?", train.ID, h).Scan(&kept))
	if kept != 1 {
		t.Errorf("the file's revision of the train is kept %d times, want once", kept)
	}
	for _, fa := range ft.Assessments {
		if l := lineageOf(t, s, "assessments", fa.ID); !slices.Equal(l, []string{assessmentHash(fa)}) {
			t.Errorf("assessment %s: lineage %v, want the file's revision %s alone", fa.ID, l, assessmentHash(fa))
		}
	}

	// The next export carries the file's revision as history, and its own
	// (the content saved since) as the current one.
	now, err := s.Export(ctx, []string{train.ID})
	must(t, err)
	if got := now.Trains[0].History; !slices.Equal(got, []string{h}) {
		t.Errorf("the next export's train history %v, want the file's revision alone", got)
	}
	for _, ba := range now.Trains[0].Assessments {
		if ba.ID == draft.ID && !slices.Equal(ba.History, lineageOf(t, s, "assessments", draft.ID)[:1]) {
			t.Errorf("the next export's history of the draft %v", ba.History)
		}
	}
}

// lineages is every lineage and kept revision of the database, for
// comparing.
func lineages(t *testing.T, s *Store) string {
	t.Helper()
	var l string
	must(t, s.db.QueryRow(`SELECT coalesce((SELECT group_concat(id || '=' || lineage, '|') FROM (SELECT id, lineage FROM trains ORDER BY id)), '') || '/' ||
		coalesce((SELECT group_concat(id || '=' || lineage, '|') FROM (SELECT id, lineage FROM assessments ORDER BY id)), '') || '/' ||
		(SELECT count(*) FROM train_revisions)`).Scan(&l))
	return l
}

// The recording goes in transactions of at most lineageChunk rows, each on
// its own. One cut short after its first transactions (the export was
// killed) leaves a correct database: importing the file then skips what
// was recorded, and takes what was not, changed here since, as changed
// on both sides, a conflict copy beside the local edit, which is kept;
// nothing is lost. Recording again completes it, and once more changes
// nothing.
func TestExportRecordCutShort(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	for i := range lineageChunk + 20 {
		must(t, s.CreateTrain(ctx, trainNamed("Train "+string(rune('A'+i%26))+string(rune('a'+i/26)))))
	}
	train, draft := draftOf(t, s)
	var file bytes.Buffer
	e, err := s.WriteBundle(ctx, &file, "Ana", nil)
	must(t, err)
	if len(e.revs) <= lineageChunk {
		t.Fatalf("%d revisions, want more than one transaction's %d", len(e.revs), lineageChunk)
	}
	// Put the sample train's revisions last, so the cut leaves them out.
	slices.SortStableFunc(e.revs, func(a, b exportedRevision) int {
		return boolInt(a.trainID == train.ID) - boolInt(b.trainID == train.ID)
	})
	whole := *e
	cut := *e
	cut.revs = e.revs[:lineageChunk]
	before := lineages(t, s)
	must(t, cut.Record(ctx))
	partial := lineages(t, s)
	if partial == before {
		t.Fatal("the first transaction recorded nothing")
	}
	if l := lineageOf(t, s, "assessments", draft.ID); len(l) != 0 {
		t.Fatalf("the draft's lineage was recorded: %v", l)
	}

	// The coach changes the draft; then the file comes back.
	must(t, s.SetAnswer(ctx, draft.ID, assessment.Answer{ItemID: "fit.shared-product.v1", Rating: 3, Note: "changed after the export"}))
	rep, err := s.Import(ctx, bytes.NewReader(file.Bytes()))
	must(t, err)
	if len(rep.Conflicts) != 1 || !strings.Contains(rep.Conflicts[0].Reason, draft.ID) {
		t.Errorf("conflicts %+v, want the draft's copy kept beside it", rep.Conflicts)
	}
	if len(rep.Updated) != 0 || len(rep.Added) != 0 {
		t.Errorf("importing the file back replaced or added: %+v", rep)
	}
	got, err := s.Assessment(ctx, draft.ID)
	must(t, err)
	if got.Answers["fit.shared-product.v1"].Note != "changed after the export" {
		t.Errorf("the local edit was lost: %q", got.Answers["fit.shared-product.v1"].Note)
	}
	var checked string
	must(t, s.db.QueryRow("PRAGMA integrity_check").Scan(&checked))
	if checked != "ok" {
		t.Errorf("integrity_check: %s", checked)
	}

	// Recording again completes it; once more changes nothing.
	must(t, whole.Record(ctx))
	once := lineages(t, s)
	must(t, whole.Record(ctx))
	if again := lineages(t, s); again != once {
		t.Errorf("recording twice changed the lineages:\n%s\nafter once:\n%s", again, once)
	}
	for _, r := range e.revs {
		if r.id == draft.ID {
			if l := lineageOf(t, s, "assessments", draft.ID); !slices.Contains(l, r.hash) {
				t.Errorf("the draft's lineage %v lacks the file's revision", l)
			}
		}
	}
}

// A train deleted between the export's snapshot and its recording is
// passed over.
func TestExportRecordPassesOverDeleted(t *testing.T) {
	ctx := context.Background()
	s := sampleStore(t)
	gone := trainNamed("Deleted after the export")
	must(t, s.CreateTrain(ctx, gone))
	var file bytes.Buffer
	e, err := s.WriteBundle(ctx, &file, "", nil)
	must(t, err)
	must(t, s.DeleteTrain(ctx, gone.ID))
	must(t, e.Record(ctx))
	var n int
	must(t, s.db.QueryRow("SELECT count(*) FROM train_revisions WHERE train_id = ?", gone.ID).Scan(&n))
	if n != 0 {
		t.Errorf("%d revisions kept of a deleted train", n)
	}
	if e.Trains != 2 {
		t.Errorf("the export counted %d trains, want 2", e.Trains)
	}
}

// When the recording fails, the file is still good and the error says so.
func TestExportRecordFailsPlainly(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "trainscope.db"), Options{Summarize: countingSummary})
	must(t, err)
	must(t, s.CreateTrain(ctx, trainNamed("Payments")))
	var file bytes.Buffer
	e, err := s.WriteBundle(ctx, &file, "", nil)
	must(t, err)
	must(t, s.Close())
	err = e.Record(ctx)
	var le *LineageError
	if !errors.As(err, &le) {
		t.Fatalf("got %v, want a *LineageError", err)
	}
	for _, want := range []string{"written and complete", "nothing is lost", "conflict copy"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q lacks %q", err, want)
		}
	}
	if _, err := DecodeBundle(file.Bytes()); err != nil {
		t.Errorf("the file: %v", err)
	}
}

// lineageAfterExport: what the lineage here becomes, whatever happened to
// it since the snapshot.
func TestLineageAfterExport(t *testing.T) {
	cases := []struct {
		name, here, exported, hash, want string
	}{
		{"never exported", "", "h", "h", "h"},
		{"as the snapshot had it", "a b", "a b h", "h", "a b h"},
		{"already recorded", "a b h", "a b h", "h", "a b h"},
		{"exported again, the same content as an older revision", "h b", "b h", "h", "b h"},
		{"an import added a revision since", "a m", "a h", "h", "a h m"},
		{"an import recorded the hash since", "a h m", "a h", "h", "a h m"},
	}
	for _, c := range cases {
		if got := lineageAfterExport(c.here, c.exported, c.hash); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
