// Package journal writes entries through a buffered writer; a helper remembers the last writer it
// was given, to append a closing mark when the journal is closed.
package journal

import (
	"bufio"
	"io"
)

var last io.Writer

// Append writes the entries and flushes.
func Append(w io.Writer, entries []string) error {
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap" // declined "bw is passed to writeEntries, whose w (d.go:23) is assigned"
	writeEntries(bw, entries)
	return bw.Flush()
}

func writeEntries(w io.Writer, entries []string) {
	for _, e := range entries {
		io.WriteString(w, e+"\n")
	}
	last = w
}

// Close appends the closing mark through the last writer.
func Close() error {
	io.WriteString(last, "-- closed\n")
	return last.(*bufio.Writer).Flush()
}
