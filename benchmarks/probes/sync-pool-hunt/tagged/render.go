// Package tagged renders headers.
package tagged

import (
	"bytes"
	"fmt"
)

// Header renders an HTTP-like header.
func Header(k, v string) string {
	b := new(bytes.Buffer)
	fmt.Fprintf(b, "%s: %s (%s)\r\n", k, v, osName())
	return b.String()
}
