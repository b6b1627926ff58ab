// Package calleefield renders through a method that attaches the writer to a long-lived logger.
package calleefield

import (
	"bytes"
	"fmt"
	"io"
)

// Logger writes to the writer attached last.
type Logger struct{ out io.Writer }

// Std is the package's logger.
var Std = &Logger{}

func (l *Logger) attach(w io.Writer) { l.out = w }

// Logf writes to the attached writer.
func (l *Logger) Logf(format string, args ...any) { fmt.Fprintf(l.out, format, args...) }

// Render attaches a fresh buffer to Std and logs the message into it.
func Render(msg string) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "is passed to Std.attach, whose w (d.go:16) is assigned: it may be stored where it outlives the call"
	Std.attach(buf)
	Std.Logf("%s", msg)
	return buf.String()
}
