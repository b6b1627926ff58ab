// Package emit writes log fields.
package emit

import (
	"fmt"
	"io"
	"strings"
)

// field writes k=v; a strings.Builder gets it bare, any other writer bracketed.
func field(w io.Writer, k, v string) {
	if sb, ok := w.(*strings.Builder); ok {
		sb.WriteString(k + "=" + v)
		return
	}
	fmt.Fprintf(w, "[%s=%s]", k, v)
}

// Line joins fields through a helper that asks which writer it has: a bytes.Buffer standing for
// the Builder would take the other branch.
func Line(kv ...string) string {
	var sb strings.Builder // want "moved to heap: sb" // declined "is passed to field, whose w (emit.go:12) is used in a type assertion expression"
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			fmt.Fprint(&sb, " ")
		}
		field(&sb, kv[i], kv[i+1])
	}
	return sb.String()
}
