// Package rerouted sizes an upload, or only pretends to on a dry run.
package rerouted

import "io"

// Meter counts the bytes written to it.
type Meter struct{ n int64 }

func (m *Meter) Write(p []byte) (int, error) {
	m.n += int64(len(p))
	return len(p), nil
}

type step struct {
	label string
	sink  io.Writer
}

// Total returns how many bytes the chunks take; a dry run counts none.
func Total(chunks [][]byte, dry bool) int64 {
	var size Meter // want "moved to heap: size" // declined "s is assigned after its declaration"
	s := step{label: "upload", sink: &size}
	if dry {
		s.sink = io.Discard
	}
	for _, c := range chunks {
		s.sink.Write(c)
	}
	return size.n
}
