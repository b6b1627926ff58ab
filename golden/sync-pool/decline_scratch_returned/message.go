// Package message reads one datagram-sized message per call into a buffer of the call's own.
package message

import "io"

// Read reads the next message from r (one Read) and returns its bytes, which alias the buffer.
func Read(r io.Reader) ([]byte, error) {
	buf := make([]byte, 4096) // want "make\\(\\[\\]byte, 4096\\) escapes to heap" // declined "buf is returned: it outlives the call"
	n, err := r.Read(buf)
	return buf[:n], err
}
