// Package dump renders packets for a debug log, the way `hexdump -C` does.
package dump

import (
	"encoding/hex"
	"fmt"
	"strings"
)

// Packet renders a packet's header line and its hex dump; the dumper is closed, so its last line
// is written, before the text is read, and dies with the call.
func Packet(seq int, data []byte) string {
	var sb strings.Builder // want "moved to heap: sb"
	fmt.Fprintf(&sb, "packet %d, %d bytes\n", seq, len(data))
	d := hex.Dumper(&sb) // want "&hex.dumper\\{...\\} escapes to heap"
	d.Write(data)
	d.Close()
	return sb.String()
}
