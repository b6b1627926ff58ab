// Package retry fires a delayed attempt and, if asked, fires it again under a new label.
package retry

import "time"

// Again runs the attempt after d, then relabels it and resets the timer: the second run reads the new
// label. The Timer is kept and Reset, so the literal may run again after the write: no happens-before
// edge of one run orders the other's reads.
func Again(label string, d time.Duration, seen chan<- string) string { // want "moved to heap: label" // declined "nor to time.AfterFunc in a statement of its own (the Timer dropped)"
	done := make(chan struct{}, 2)
	t := time.AfterFunc(d, func() { // want "func literal escapes to heap"
		seen <- label
		done <- struct{}{}
	})
	<-done
	label = "again"
	t.Reset(d)
	<-done
	return label
}
