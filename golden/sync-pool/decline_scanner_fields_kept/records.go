// Package records reads whitespace-separated records and keeps each record's fields as slices of the
// Scanner's buffer (bytes.Fields copies nothing): pooled, the buffer would be a later call's, and every
// field an earlier caller keeps would change under it.
package records

import (
	"bufio"
	"bytes"
	"io"
)

// Read returns the fields of each non-empty line of r.
func Read(r io.Reader) ([][][]byte, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20) // want "make\\(\\[\\]byte, 0, 65536\\) escapes to heap" // declined "sc gives its buffer through Bytes on line 18"
	var recs [][][]byte
	for sc.Scan() {
		if fields := bytes.Fields(sc.Bytes()); len(fields) > 0 {
			recs = append(recs, fields)
		}
	}
	return recs, sc.Err()
}
