// Package envkey turns `name = value` config lines into environment variable keys; a dash becomes "__".
package envkey

import "strings"

const maxLine = 80

// KeyHash returns the FNV-1a hash of the name with each dash spelled "__": the name may grow past the line.
func KeyHash(line string) (uint64, bool) {
	if len(line) > maxLine {
		return 0, false
	}
	name, _, ok := strings.Cut(line, "=")
	if !ok {
		return 0, false
	}
	name = strings.ReplaceAll(strings.TrimSpace(name), "-", "__")
	upper := make([]byte, len(name)) // want(<go1.25) "make\\(\\[\\]byte, len\\(name\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(name\\)\\) does not escape" // declined "speculative"
	copy(upper, name)
	h := uint64(14695981039346656037)
	for _, c := range upper {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h, true
}
