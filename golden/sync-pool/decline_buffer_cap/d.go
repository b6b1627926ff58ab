// Package bufcap tells a fresh buffer by its capacity.
package bufcap

import (
	"bytes"
	"fmt"
)

// Describe says whether the buffer had storage before it was written: a fresh one never has.
func Describe(name string) string {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "calls Cap, which sees the capacity"
	fresh := buf.Cap() == 0
	fmt.Fprintf(buf, "%s fresh=%v", name, fresh)
	return buf.String()
}
