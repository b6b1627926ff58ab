// Package bufforeign renders beside a pool whose users do not empty what they put back: the rewrite
// takes a pool of its own.
package bufforeign

import (
	"bytes"
	"fmt"
)

// Line renders one line.
func Line(k string, v int) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap"
	fmt.Fprintf(buf, "%s=%d", k, v)
	return buf.String()
}
