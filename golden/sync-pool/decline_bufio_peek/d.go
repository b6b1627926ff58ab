// Package sniff tells file formats by their first bytes.
package sniff

import (
	"bufio"
	"io"
)

// Magic returns the first four bytes of r. Peek returns a slice of the reader's own buffer, which
// the caller keeps after Magic returns.
func Magic(r io.Reader) ([]byte, error) {
	br := bufio.NewReader(r) // want "make\\(\\[\\]byte, max\\(bufio.size, 16\\)\\) escapes to heap" // declined "br calls Peek, whose slice of its buffer goes elsewhere than to a variable a `:=` declares"
	return br.Peek(4)
}
