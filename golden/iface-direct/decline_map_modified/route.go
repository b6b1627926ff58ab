// Package route sends a log line to the output its options map names.
package route

import (
	"bytes"
	"io"
)

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// Spill collects what verbose runs send to the spill buffer.
var Spill bytes.Buffer

// Send writes the line to the counter, or to Spill when verbose, and returns the counted bytes.
func Send(line []byte, verbose bool) int {
	var c counter // want "moved to heap: c" // declined "kv is a map: a map literal keeps its values on the heap"
	kv := map[string]any{"out": &c}
	if verbose {
		kv["out"] = &Spill
	}
	kv["out"].(io.Writer).Write(line)
	return c.n
}
