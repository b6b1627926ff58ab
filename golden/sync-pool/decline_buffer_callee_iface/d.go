// Package calleeiface renders through a helper that passes the writer to an interface of its own.
package calleeiface

import (
	"bytes"
	"fmt"
	"io"
)

// Observer sees every writer an entry went to.
type Observer interface{ Wrote(w io.Writer) }

func entry(w io.Writer, o Observer, msg string) {
	fmt.Fprint(w, msg)
	o.Wrote(w)
}

// Render renders one entry and tells the observer.
func Render(o Observer, msg string) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "whose w (d.go:15) is passed to o.Wrote, an interface method: the dynamic type that runs it is unknown"
	entry(buf, o, msg)
	return buf.String()
}
