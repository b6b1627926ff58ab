// Package mail formats the address and subject lines of a message.
package mail

import (
	"bytes"
	"fmt"
)

// Address formats "Name <user@host>".
func Address(name, addr string) string {
	b := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(b, "%s <%s>", name, addr)
	return b.String()
}

// Subject prefixes the subject with the list's tag.
func Subject(tag, subject string) string {
	b := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(b, "[%s] %s", tag, subject)
	return b.String()
}
