// Package audit hands encoded events to a Recorder of its own. Recorder has io.Writer's method,
// but not its contract: an implementation owns the slices it is given (the test's keeps them),
// so the buffer's storage must not go back to a pool after the call.
package audit

import (
	"bytes"
	"fmt"
)

// Recorder takes one encoded event per call and may keep it.
type Recorder interface {
	Write(p []byte) (int, error)
}

// Emit encodes one event and hands it to the recorder.
func Emit(r Recorder, kind string, n int) {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "r.Write, an interface method"
	fmt.Fprintf(&buf, "%s:%d", kind, n)
	r.Write(buf.Bytes())
}
