// Package hook writes a message through whatever string sink a hook registry handed back as an any.
package hook

import (
	"io"
	"strings"
)

// Emit builds the message in a strings.Builder reached through an any, as a registry of sinks returns it,
// then writes it to w. Made direct, the Builder's WriteString inlines here with its copy check, whose panic
// message go1.24 reports as a boxed constant (`"strings: illegal use …" escapes to heap`): read-only data,
// no allocation.
func Emit(w io.Writer, msg string) error {
	var sb strings.Builder // want(<go1.26) "moved to heap: sb"
	var sink any = &sb
	if ws, ok := sink.(io.StringWriter); ok {
		ws.WriteString(msg) // want(>=go1.26) "append escapes to heap"
	}
	_, err := io.WriteString(w, sb.String())
	return err
}
