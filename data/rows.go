package data

import (
	"context"
	"database/sql"
	"strings"
)

// rowsPerInsert is how many rows insertRows puts in one statement: well
// under SQLite's limit of 32,766 bound values at the widest table's 14
// columns, and enough that a snapshot's hundreds of rows take a handful of
// statements.
const rowsPerInsert = 100

// insertRows inserts rows of width values each (args, one row after the
// other) with one statement of many rows at a time: "head VALUES (?, …),
// (?, …) tail". A statement a row (prepared, stepped and finalized through
// cgo) was most of the time an import spent writing a finished
// assessment's snapshot (docs/performance.md, issue 18).
func insertRows(ctx context.Context, tx *sql.Tx, head string, width int, tail string, args []any) error {
	for len(args) > 0 {
		n := min(len(args)/width, rowsPerInsert)
		var q strings.Builder
		q.Grow(len(head) + len(tail) + n*(4*width+2) + 8)
		q.WriteString(head)
		q.WriteString(" VALUES ")
		for r := range n {
			if r > 0 {
				q.WriteString(", ")
			}
			q.WriteByte('(')
			for c := range width {
				if c > 0 {
					q.WriteString(", ")
				}
				q.WriteByte('?')
			}
			q.WriteByte(')')
		}
		q.WriteString(tail)
		if _, err := tx.ExecContext(ctx, q.String(), args[:n*width]...); err != nil {
			return err
		}
		args = args[n*width:]
	}
	return nil
}
