// Package audit keeps an aligned audit trail open across calls.
package audit

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Trail appends aligned entries to its writer; Close flushes them.
type Trail struct {
	tw *tabwriter.Writer
}

// Open starts a trail on w with its header; the Trail keeps the table writer for later entries.
func Open(w io.Writer) *Trail {
	tw := tabwriter.NewWriter(w, 0, 8, 1, ' ', 0) // want "new\\(tabwriter.Writer\\) escapes to heap" // declined "tw is used other than by its writing methods or as a call's argument (line 19)"
	fmt.Fprintln(tw, "WHO\tWHAT")
	return &Trail{tw: tw}
}

// Add records one entry.
func (t *Trail) Add(who, what string) { fmt.Fprintf(t.tw, "%s\t%s\n", who, what) }

// Close flushes the trail.
func (t *Trail) Close() error { return t.tw.Flush() }
