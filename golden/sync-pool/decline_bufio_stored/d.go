// Package session keeps a buffered writer per session.
package session

import (
	"bufio"
	"io"
)

// Session writes replies to its client through a buffered writer it keeps.
type Session struct {
	out *bufio.Writer
}

// Attach gives the session a buffered writer over w, greeting the client first: the session keeps
// the writer after Attach returns.
func (s *Session) Attach(w io.Writer) {
	bw := bufio.NewWriter(w) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap" // declined "bw is used other than by its writing methods"
	bw.WriteString("hello\n")
	s.out = bw
}

// Reply writes a reply and flushes it.
func (s *Session) Reply(text string) error {
	s.out.WriteString(text + "\n")
	return s.out.Flush()
}
