// Package release returns a lease to its pool when the holder can be closed.
package release

import "io"

type lease struct {
	id       int
	returned bool
}

func (l *lease) Close() error {
	l.returned = true
	return nil
}

type handle struct {
	owner    string
	resource any
}

// Return closes the lease if its handle holds a closer, and reports whether it went back.
func Return(id int, owner string) bool {
	l := lease{id: id} // want "moved to heap: l"
	h := handle{owner: owner, resource: &l}
	if c, ok := h.resource.(io.Closer); ok {
		c.Close()
	}
	return l.returned && h.owner != ""
}
