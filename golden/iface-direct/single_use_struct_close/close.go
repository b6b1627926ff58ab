// Package close closes a resource handed over in a wrapper.
package close

import "io"

type conn struct{ open bool }

func (c *conn) Close() error {
	c.open = false
	return nil
}

type wrapper struct{ res any }

// Shutdown closes a fresh connection through its wrapper.
func Shutdown() error {
	c := conn{open: true} // want "moved to heap: c"
	w := wrapper{res: &c}
	return w.res.(io.Closer).Close()
}
