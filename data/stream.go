package data

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
)

// ExportCount says how much an export wrote.
type ExportCount struct {
	Trains, Assessments int
}

// ExportTo writes the bundle of the trains with the given ids (every train
// when none are given) to w and then records what it holds as exported
// (Exported.Record): WriteBundle and Record in one, for a writer whose
// bytes are in their place once written (a buffer, standard output). A
// file that is renamed into place when complete wants WriteBundle, then
// Record once it is there. When writing fails nothing is recorded; when
// only the recording fails, the count comes with a *LineageError.
func (s *Store) ExportTo(ctx context.Context, w io.Writer, exportedBy string, trainIDs []string) (ExportCount, error) {
	e, err := s.WriteBundle(ctx, w, exportedBy, trainIDs)
	if err != nil {
		return ExportCount{}, err
	}
	return e.ExportCount, e.Record(ctx)
}

// WriteBundle writes the bundle of the trains with the given ids (every
// train when none are given) to w, one train at a time, so memory holds
// one train and not the whole file (issue 18). The bytes are exactly those
// of Export followed by Bundle.WriteTo with ExportedBy set to exportedBy.
// It reads one consistent snapshot of the database and holds no write
// lock, so saves go in while w takes its time (issue 17); it records
// nothing: Record on what it returns records what the file holds, once
// the file is in its place.
func (s *Store) WriteBundle(ctx context.Context, w io.Writer, exportedBy string, trainIDs []string) (*Exported, error) {
	e := &Exported{s: s}
	err := s.read(ctx, "export", func(q querier) error {
		*e = Exported{s: s}
		bw := bufio.NewWriterSize(w, 64<<10)
		head, err := bundleHead(exportedBy)
		if err != nil {
			return err
		}
		if _, err := bw.Write(head); err != nil {
			return err
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		// A train sits two levels in: inside the top object, inside "trains".
		enc.SetIndent("    ", "  ")
		err = exportEach(ctx, q, trainIDs, func(bt *BundleTrain) error {
			sep := ",\n    "
			if e.Trains == 0 {
				sep = "[\n    "
			}
			if err := e.noteExported(bt); err != nil {
				return err
			}
			buf.Reset()
			if err := enc.Encode(bt); err != nil {
				return err
			}
			if _, err := bw.WriteString(sep); err != nil {
				return err
			}
			_, err := bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
			return err
		})
		if err != nil {
			return err
		}
		tail := "\n  ]\n}\n"
		if e.Trains == 0 {
			tail = "[]\n}\n"
		}
		if _, err := bw.WriteString(tail); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return nil, err
	}
	return e, nil
}

// bundleHead is the start of a bundle file, up to and including the
// "trains" key: Bundle.WriteTo's own output for a bundle of no trains, cut
// before its empty list, so the two can never drift apart.
func bundleHead(exportedBy string) ([]byte, error) {
	var buf bytes.Buffer
	b := Bundle{Format: BundleFormat, Version: BundleVersion, ExportedBy: exportedBy, Trains: []BundleTrain{}}
	if _, err := b.WriteTo(&buf); err != nil {
		return nil, err
	}
	head, ok := bytes.CutSuffix(buf.Bytes(), []byte("[]\n}\n"))
	if !ok {
		return nil, fmt.Errorf("bundle: the trains are no longer the last field of a bundle")
	}
	return head, nil
}

// exportEach reads the trains with the given ids (every train, by name,
// when none are given), each once, in bundle form with the histories the
// bundle carries, and hands each to fn in turn. It writes nothing.
func exportEach(ctx context.Context, q querier, trainIDs []string, fn func(*BundleTrain) error) error {
	ids := trainIDs
	if len(ids) == 0 {
		err := scanRows(ctx, q, "SELECT id FROM trains ORDER BY name COLLATE NOCASE, id", nil, func(rows *sql.Rows) error {
			var id string
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
		if err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		bt, err := exportTrain(ctx, q, id)
		if err != nil {
			return err
		}
		var lineage string
		if err := q.QueryRowContext(ctx, "SELECT lineage FROM trains WHERE id = ?", id).Scan(&lineage); err != nil {
			return err
		}
		bt.History = historyBefore(lineage, trainHash(*bt))
		if err := fn(bt); err != nil {
			return err
		}
	}
	return nil
}
