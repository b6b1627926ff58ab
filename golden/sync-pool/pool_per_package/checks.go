package status

import (
	"bytes"
	"fmt"
)

// Checks renders one "[ok] name" or "[!!] name" line per check.
func Checks(names []string, ok []bool) string {
	var b bytes.Buffer // want "moved to heap: b"
	for i, name := range names {
		mark := "ok"
		if !ok[i] {
			mark = "!!"
		}
		fmt.Fprintf(&b, "[%s] %s\n", mark, name)
	}
	return b.String()
}
