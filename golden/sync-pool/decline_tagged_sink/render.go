// Package audit renders audit lines to any io.Writer, and declares one, Keeper, that keeps what it
// is given: a copy in the default build, the slice itself in the `lowmem` build (keeper_lowmem.go),
// which breaks io.Writer's "must not retain p". A rewrite holds for every build, so none may rely
// on the contract here.
package audit

import (
	"bytes"
	"fmt"
	"io"
)

// Render writes one "value=N" line to w in a single Write.
func Render(w io.Writer, x int) error {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "another build compiles keeper_lowmem.go"
	fmt.Fprintf(buf, "value=%d", x)
	_, err := w.Write(buf.Bytes())
	return err
}
