// Package bufbytes returns the buffer's bytes, which alias the buffer's storage.
package bufbytes

import (
	"bytes"
	"fmt"
)

// Key formats the key and returns the buffer's own bytes: no copy is made.
func Key(user string, id int) []byte {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "and that is returned"
	fmt.Fprintf(buf, "%s/%d", user, id)
	return buf.Bytes()
}
