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
// when none are given) to w, one train at a time, so memory holds one
// train and not the whole file (issue 18). The bytes are exactly those of
// Export followed by Bundle.WriteTo with ExportedBy set to exportedBy. Like
// Export it records each train's and assessment's content as exported;
// when writing fails, that bookkeeping is rolled back with the rest.
func (s *Store) ExportTo(ctx context.Context, w io.Writer, exportedBy string, trainIDs []string) (ExportCount, error) {
	var n ExportCount
	err := s.write(ctx, "export", func(tx *sql.Tx) error {
		n = ExportCount{}
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
		err = exportEach(ctx, tx, trainIDs, func(bt *BundleTrain) error {
			sep := ",\n    "
			if n.Trains == 0 {
				sep = "[\n    "
			}
			n.Trains++
			n.Assessments += len(bt.Assessments)
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
		if n.Trains == 0 {
			tail = "[]\n}\n"
		}
		if _, err := bw.WriteString(tail); err != nil {
			return err
		}
		return bw.Flush()
	})
	if err != nil {
		return ExportCount{}, err
	}
	return n, nil
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
// when none are given), each once, in bundle form, records each as
// exported, and hands each to fn in turn.
func exportEach(ctx context.Context, tx *sql.Tx, trainIDs []string, fn func(*BundleTrain) error) error {
	ids := trainIDs
	if len(ids) == 0 {
		err := scanRows(ctx, tx, "SELECT id FROM trains ORDER BY name COLLATE NOCASE, id", nil, func(rows *sql.Rows) error {
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
		bt, err := exportTrain(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := recordExported(ctx, tx, bt); err != nil {
			return err
		}
		if err := fn(bt); err != nil {
			return err
		}
	}
	return nil
}
