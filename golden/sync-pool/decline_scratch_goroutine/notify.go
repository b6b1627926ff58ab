// Package notify hands each message to a slow sink from a goroutine, without waiting for it.
package notify

import "io"

// Send reads one message from r and writes it to w from a goroutine of its own.
func Send(w io.Writer, r io.Reader) error {
	buf := make([]byte, 1024) // want "make\\(\\[\\]byte, 1024\\) escapes to heap" // declined "is used in a go statement"
	n, err := r.Read(buf)
	go func() {
		w.Write(buf[:n])
	}()
	return err
}
