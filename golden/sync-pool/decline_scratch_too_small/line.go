// Package line relays one short line per call: a 256-byte buffer, which a pool would not make
// faster (measured: sync-pool pools a []byte from 512 bytes).
package line

import "io"

// Relay reads one line of up to 256 bytes from r and writes it to w.
func Relay(w io.Writer, r io.Reader) error {
	buf := make([]byte, 256) // want "make\\(\\[\\]byte, 256\\) escapes to heap" // declined "or a []byte of 512 bytes or more"
	n, err := r.Read(buf)
	if _, werr := w.Write(buf[:n]); werr != nil {
		return werr
	}
	return err
}
