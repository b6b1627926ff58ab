// Package room sizes a frame: the rendered header's bytes, held in a local, and the room left in their array for
// the payload. A pooled Buffer's array is the one an earlier, longer call grew: cap sees it.
package room

import (
	"bytes"
	"fmt"
)

// Spare renders the header and says how many more bytes its array holds.
func Spare(topic string, seq int) int {
	var buf bytes.Buffer // want "moved to heap: buf" // declined "which is passed to cap"
	fmt.Fprintf(&buf, "%s#%d ", topic, seq)
	b := buf.Bytes()
	return cap(b) - len(b)
}
