// Package stamp closes a session through a record that is also stamped with a sequence number.
package stamp

import "io"

type session struct{ open bool }

func (s *session) Close() error {
	s.open = false
	return nil
}

type record struct {
	seq int
	res any
}

// Issued counts the sequence numbers handed out.
var Issued int

func next() int {
	Issued++
	return Issued
}

// End closes a fresh session through its stamped record.
func End() error {
	s := session{open: true} // want "moved to heap: s" // declined "removing it would skip next()"
	r := record{seq: next(), res: &s}
	return r.res.(io.Closer).Close()
}
