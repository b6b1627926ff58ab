// Package frame renders a record after the caller's header.
package frame

import (
	"bytes"
	"fmt"
)

// Record renders the fields after header: NewBuffer reads header as the buffer's contents, which a
// pooled Buffer would not start with.
func Record(header []byte, id int, name string) string {
	buf := bytes.NewBuffer(header) // want "&bytes.Buffer{...} escapes to heap" // declined "starts with contents"
	fmt.Fprintf(buf, "%d:%s", id, name)
	return buf.String()
}
