// Package replies answers a batch of lookups on a connection, one reply line per key, flushed once:
// the replies of a batch fit one 16 KiB frame of the protocol.
package replies

import (
	"bufio"
	"fmt"
	"io"
)

const frameSize = 16 << 10

// Answer writes one reply per key, then flushes the frame.
func Answer(conn io.Writer, keys []string, table map[string]int) error {
	w := bufio.NewWriterSize(conn, frameSize) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap"
	for _, k := range keys {
		if v, ok := table[k]; ok {
			fmt.Fprintf(w, "VALUE %s %d\r\n", k, v)
		} else {
			fmt.Fprintf(w, "MISS %s\r\n", k)
		}
	}
	io.WriteString(w, "END\r\n")
	return w.Flush()
}
