// Package leakingparam passes its buffer to a function that keeps it.
package leakingparam

var kept []byte

// keep stores b: the compiler reports `leaking param: b`.
func keep(b []byte) { kept = b }

// Stash passes the buffer to keep.
func Stash(parts []string) int {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "reports as `leaking param: b`"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	keep(buf)
	return len(buf)
}
