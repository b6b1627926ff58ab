// Package app renders greetings with the shared pool.
package app

import (
	"bytes"

	"example.com/probes/syncpoolhunt/bufs"
)

// Greet renders a greeting; it resets what it gets and puts it back as is.
func Greet(name string) string {
	b := bufs.Pool.Get().(*bytes.Buffer)
	b.Reset()
	b.WriteString("hello, ")
	b.WriteString(name)
	out := b.String()
	bufs.Pool.Put(b)
	return out
}
