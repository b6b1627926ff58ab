package accounts

import (
	"bytes"
	"fmt"
)

// WriteSession writes a session's summary line.
func WriteSession(b *bytes.Buffer, s *Session, name string) {
	fmt.Fprintf(b, "%s (user %d) status=%s\n", name, s.User, s.Status)
}

// WritePort writes a listener line.
func WritePort(b *bytes.Buffer, host string, p Port) {
	fmt.Fprintf(b, "listen %s:%d\n", host, p)
}

// WriteRole writes a role by name.
func WriteRole(b *bytes.Buffer, name string, r Role) {
	fmt.Fprintf(b, "%s is %v\n", name, r)
}
