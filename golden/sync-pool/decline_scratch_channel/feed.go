// Package feed reads chunks and hands each to a consumer goroutine, which owns it from then on.
package feed

import "io"

// Next reads the next chunk of r into a buffer of its own and sends it to the consumer on out.
func Next(r io.Reader, out chan<- []byte) error {
	buf := make([]byte, 2048) // want "make\\(\\[\\]byte, 2048\\) escapes to heap" // declined "is sent on a channel"
	n, err := r.Read(buf)
	if n > 0 {
		out <- buf[:n]
	}
	return err
}
