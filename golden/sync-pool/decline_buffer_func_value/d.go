// Package buffunc hands its buffer to a callback, which may keep it.
package buffunc

import (
	"bytes"
	"fmt"
)

// Each renders every item and passes its buffer to visit.
func Each(items []string, visit func(*bytes.Buffer)) {
	buf := new(bytes.Buffer) // want "new\\(bytes.Buffer\\) escapes to heap" // declined "a function value gorewrite cannot follow"
	for i, it := range items {
		fmt.Fprintf(buf, "%d:%s;", i, it)
	}
	visit(buf)
}
