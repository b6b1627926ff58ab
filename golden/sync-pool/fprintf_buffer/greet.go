// Package greet renders greetings through fmt into a buffer nothing keeps.
package greet

import (
	"bytes"
	"fmt"
)

// Render passes the buffer to fmt.Fprintf, which only calls its Write: the buffer escapes for the
// interface call, yet nothing holds it once Render returns, so a pool can hand it to the next call.
func Render(name string) string {
	b := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(b, "hello %s", name)
	return b.String()
}
