// Package stream copies records to a sink through a buffer of the size the caller configured.
package stream

import (
	"bufio"
	"fmt"
	"io"
)

// Copy writes each record on its own line through a buffer of size bytes: the sink sees writes of that
// size, which a pool of one size would not give.
func Copy(sink io.Writer, size int, records []string) error {
	w := bufio.NewWriterSize(sink, size) // want "make\\(\\[\\]byte, bufio.size\\) escapes to heap" // declined "the size size is not a constant go/types gives"
	for _, r := range records {
		fmt.Fprintln(w, r)
	}
	return w.Flush()
}
