// Package flush renders log lines into a buffer and drains it into a sink through a helper. The
// helper calls the Buffer's WriteTo, which hands the sink's Write the storage, bytes past the
// length included; this package's own sink reads them (p[:cap(p)]), so a pooled Buffer would show
// it the bytes an earlier call left there.
package flush

import (
	"bytes"
	"fmt"
	"io"
)

// Sink keeps the whole storage it is handed: a sloppy io.Writer, but this package's own.
type Sink struct{ Got []byte }

func (s *Sink) Write(p []byte) (int, error) {
	s.Got = append(s.Got[:0], p[:cap(p)]...)
	return len(p), nil
}

func drain(dst io.Writer, src *bytes.Buffer) { src.WriteTo(dst) }

// Line renders one line into the sink.
func Line(sk *Sink, msg string) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "buf may reach the package's own Sink.Write"
	fmt.Fprintf(buf, "%s", msg)
	drain(sk, buf)
}
