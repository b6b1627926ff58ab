// Package open writes through whatever sink a pool hands out for a counter.
package open

import "io"

type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// Closed makes the pool hand out io.Discard instead of the counter.
var Closed = true

func lease(c *counter) any {
	if Closed {
		return io.Discard
	}
	return c
}

// Count writes the line through the leased sink and returns the counted bytes.
func Count(line []byte) int {
	var c counter // want "moved to heap: c" // declined "is not a conversion to an interface type"
	w := lease(&c)
	w.(io.Writer).Write(line)
	return c.n
}
