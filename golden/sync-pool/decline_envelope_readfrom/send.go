// Package envelope sends a body behind a header line in a single write to the connection.
package envelope

import (
	"bytes"
	"fmt"
	"io"
)

// Send reads the body behind a header naming it and its sender, then writes both at once, so a
// reader of the connection never sees a header without its body. ReadFrom hands body.Read the
// Buffer's spare capacity: a pooled Buffer's, grown by an earlier call, is larger, and a reader
// that cuts a message to len(p) (a datagram socket) gives it more.
func Send(conn io.Writer, from, name string, body io.Reader) error {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "calls ReadFrom, which sees the capacity"
	fmt.Fprintf(&buf, "FROM %s NAME %s\n", from, name)
	if _, err := buf.ReadFrom(body); err != nil {
		return err
	}
	_, err := buf.WriteTo(conn)
	return err
}
