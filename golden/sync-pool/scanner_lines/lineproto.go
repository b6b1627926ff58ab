// Package lineproto parses a line protocol: one `measurement field=value` record per line, lines up to
// 1 MiB, comments starting with '#'.
package lineproto

import (
	"bufio"
	"bytes"
	"io"
	"strings"
)

// Count returns how many records r holds and the sum of their values, reading r line by line.
func Count(r io.Reader) (n int, sum int, err error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20) // want "make\\(\\[\\]byte, 0, 65536\\) escapes to heap"
	for sc.Scan() {
		if len(sc.Bytes()) == 0 || sc.Bytes()[0] == '#' {
			continue
		}
		line := sc.Text()
		_, value, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		n++
		sum += len(value)
		if bytes.HasSuffix(sc.Bytes(), []byte(";")) {
			sum++
		}
	}
	return n, sum, sc.Err()
}
