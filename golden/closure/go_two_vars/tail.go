// Package tail follows several log files and prefixes their lines.
package tail

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// Follow copies lines from every source to out, each prefixed with the host
// and the source index. Lines shorter than minLen are dropped.
func Follow(sources []io.Reader, out chan<- string, host string, strict bool) {
	minLen := 0 // want "moved to heap: minLen"
	if strict {
		minLen = 8
	}
	prefix := "[local]" // want "moved to heap: prefix"
	if host != "" {
		prefix = "[" + host + "]"
	}
	for i, src := range sources {
		go func() {
			// keep: comment inside the goroutine
			sc := bufio.NewScanner(src)
			for sc.Scan() {
				line := strings.TrimSpace(sc.Text())
				if len(line) < minLen {
					continue
				}
				out <- prefix + "#" + strconv.Itoa(i) + " " + line
			}
		}()
	}
}
