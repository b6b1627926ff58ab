// Package cli prints a command's output: a banner and an aligned table, each rendered into a scratch writer.
package cli

import (
	"bytes"
	"fmt"
	"io"
)

// Banner writes the tool's name and version in one Write.
func Banner(w io.Writer, name, version string) error {
	var buf bytes.Buffer // want "moved to heap: buf"
	fmt.Fprintf(&buf, "%s %s\n", name, version)
	_, err := w.Write(buf.Bytes())
	return err
}
