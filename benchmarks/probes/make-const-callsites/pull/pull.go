// Package pull reaches store's padTo by name, as linkname pulls do.
package pull

import (
	"bytes"
	_ "unsafe" // go:linkname

	_ "example.com/probes/make-const-callsites/store"
)

//go:linkname padTo example.com/probes/make-const-callsites/store.padTo
func padTo(w *bytes.Buffer, n int)

// Rule writes a rule of width n, any n.
func Rule(w *bytes.Buffer, n int) { padTo(w, n) }
