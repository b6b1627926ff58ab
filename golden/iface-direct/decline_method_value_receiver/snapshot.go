// Package snapshot logs a counter's value through a bound Write, after the counter moved on.
package snapshot

import "io"

// Level writes its level when written to: a value receiver.
type Level struct{ n int }

var logged []int

func (l Level) Write(p []byte) (int, error) {
	logged = append(logged, l.n)
	return len(p), nil
}

type sink struct {
	out  io.Writer
	name string
}

// Log binds the Write, raises the level, then writes: the interface's bound Write reads the level then.
func Log() []int {
	logged = nil
	var l Level // want "moved to heap: l" // declined "Level's Write has a value receiver, copied when bound"
	s := sink{out: &l, name: "level"}
	write := s.out.Write
	l.n = 3
	write(nil)
	return logged
}
