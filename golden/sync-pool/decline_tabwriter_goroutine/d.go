// Package progress prints progress lines as they arrive, aligned, from a background goroutine.
package progress

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Event is one step of a long job.
type Event struct {
	Step    string
	Percent int
}

// Follow prints every event received until events is closed, then flushes and reports the error:
// the goroutine writes to the table after Follow has returned.
func Follow(w io.Writer, events <-chan Event) <-chan error {
	tw := tabwriter.NewWriter(w, 0, 8, 1, ' ', 0) // want "new\\(tabwriter.Writer\\) escapes to heap" // declined "tw is used inside a func literal, which may run after the Put (line 23)"
	done := make(chan error, 1)
	go func() {
		for e := range events {
			fmt.Fprintf(tw, "%s\t%d%%\n", e.Step, e.Percent)
		}
		done <- tw.Flush()
	}()
	return done
}
