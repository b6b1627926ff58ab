// Package stream sends a session's events as a gob stream: the header is encoded when the session opens,
// the events later, through the same Encoder.
package stream

import (
	"bytes"
	"encoding/gob"
)

// Event is one thing a session reports.
type Event struct {
	Kind string
	N    int
}

// Session keeps the Encoder its header went through, and with it the buffer behind it.
type Session struct {
	enc *gob.Encoder
}

// Open starts a session: the header goes out now, the events with Send.
func Open(user string) *Session {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "buf is passed to gob.NewEncoder, which keeps it in what it returns"
	enc := gob.NewEncoder(&buf)
	enc.Encode(user)
	return &Session{enc: enc}
}

// Send encodes one event after the header.
func (s *Session) Send(e Event) error { return s.enc.Encode(e) }
