// Package routes builds a table of handlers keyed by path.
package routes

import (
	"fmt"
	"io"
)

// Handler writes a response.
type Handler func(w io.Writer)

// Table returns one handler per path. The closures are stored in the map and
// outlive Table, but base is settled before the loop and never written again:
// each handler may keep a copy of it.
func Table(paths []string, base string) map[string]Handler { // want "moved to heap: base"
	if base == "" {
		base = "/"
	}
	t := make(map[string]Handler, len(paths))
	for _, p := range paths {
		t[p] = func(w io.Writer) { // want "func literal escapes to heap"
			fmt.Fprintf(w, "%s%s\n", base, p)
		}
	}
	return t
}
