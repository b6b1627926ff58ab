// Package testclash renders rows.
package testclash

import (
	"bytes"
	"fmt"
)

// Row renders a table row.
func Row(cols ...string) string {
	b := new(bytes.Buffer)
	for i, c := range cols {
		if i > 0 {
			b.WriteByte('|')
		}
		fmt.Fprintf(b, "%-6s", c)
	}
	return b.String()
}
