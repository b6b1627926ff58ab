// Package envkey turns `name = value` config lines into environment variable keys.
package envkey

import "strings"

// maxLine is the longest config line read.
const maxLine = 80

// KeyHash returns the FNV-1a hash of the upper-cased name of a config line.
func KeyHash(line string) (uint64, bool) {
	if len(line) > maxLine {
		return 0, false
	}
	name, _, ok := strings.Cut(line, "=")
	if !ok {
		return 0, false
	}
	name = strings.TrimSpace(name)
	upper := make([]byte, len(name)) // want(<go1.25) "make\\(\\[\\]byte, len\\(name\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(name\\)\\) does not escape"
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		upper[i] = c
	}
	h := uint64(14695981039346656037)
	for _, c := range upper {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h, true
}
