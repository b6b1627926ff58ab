// Package sender sends one chunk per call and keeps the last one, for a retry after a failure.
package sender

import "io"

// Sender writes chunks to W.
type Sender struct {
	W    io.Writer
	last []byte // the last chunk sent: Retry sends it again
}

// Send reads one chunk of r and writes it to W, keeping it for Retry.
func (s *Sender) Send(r io.Reader) error {
	buf := make([]byte, 1024) // want "make\\(\\[\\]byte, 1024\\) escapes to heap" // declined "is stored in the field s.last"
	n, err := r.Read(buf)
	s.last = buf[:n]
	if _, werr := s.W.Write(buf[:n]); werr != nil {
		return werr
	}
	return err
}

// Retry writes the last chunk again.
func (s *Sender) Retry() error {
	_, err := s.W.Write(s.last)
	return err
}
