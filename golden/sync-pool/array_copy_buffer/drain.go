// Package drain empties request bodies so the connection can be reused.
package drain

import "io"

// Body reads r to its end and discards it, at most limit bytes, through a stack array the
// compiler moves to the heap: io.CopyBuffer hands it to the reader, an interface.
func Body(r io.Reader, limit int64) (int64, error) {
	var scratch [4096]byte // want "moved to heap: scratch"
	return io.CopyBuffer(io.Discard, io.LimitReader(r, limit), scratch[:])
}
