// Package relay copies a stream in large chunks: one 256 KiB buffer per call, read into by the
// source and written from to the destination.
package relay

import (
	"errors"
	"io"
)

// Relay copies r to w in reads of up to 256 KiB and returns how many bytes it copied.
func Relay(w io.Writer, r io.Reader) (int64, error) {
	buf := make([]byte, 256<<10) // want "make\\(\\[\\]byte, 262144\\) escapes to heap"
	var total int64
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return total, werr
			}
			total += int64(n)
		}
		if errors.Is(err, io.EOF) {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}
