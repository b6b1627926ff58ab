// Package stream writes lines from a channel in the background.
package stream

import (
	"bufio"
	"io"
)

// Start writes every line received to w on its own goroutine and reports the flush error once
// lines is closed: the goroutine uses the writer after Start has returned.
func Start(w io.Writer, lines <-chan string) <-chan error {
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap" // declined "bw is used inside a func literal, which may run after the Put"
	done := make(chan error, 1)
	go func() {
		for l := range lines {
			bw.WriteString(l)
			bw.WriteByte('\n')
		}
		done <- bw.Flush()
	}()
	return done
}
