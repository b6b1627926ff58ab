// Package pick writes to the sink a caller picks by position.
package pick

import "io"

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// Write writes the line to sink i when it is a writer, and returns the counted bytes.
func Write(line []byte, i int) int {
	var c counter // want "moved to heap: c" // declined "the assertion reads sinks[i]: which element is not known here"
	sinks := []any{&c, "closed"}
	if w, ok := sinks[i].(io.Writer); ok {
		w.Write(line)
	}
	return c.n + len(sinks)
}
