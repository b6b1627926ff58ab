// Package bufiface hands its buffer to an interface of its own, whose implementations may keep it.
package bufiface

import (
	"bytes"
	"fmt"
)

// Sink receives rendered buffers.
type Sink interface{ Take(b *bytes.Buffer) }

// Send renders the metric and hands the buffer to the sink.
func Send(s Sink, name string, v float64) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "s.Take, an interface method"
	fmt.Fprintf(buf, "%s %g", name, v)
	s.Take(buf)
}
