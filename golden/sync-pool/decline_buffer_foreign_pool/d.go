// Package bufforeign renders beside a pool whose users do not empty what they put back.
package bufforeign

import (
	"bytes"
	"fmt"
)

// Line renders one line.
func Line(k string, v int) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "cannot show its users empty them"
	fmt.Fprintf(buf, "%s=%d", k, v)
	return buf.String()
}
