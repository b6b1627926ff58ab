// Package ring keeps the most recent log lines.
package ring

// Ring is a fixed-capacity buffer of lines.
type Ring struct {
	lines []string
	next  int
}

// Reset sizes the ring for n lines: the buffer is kept in the struct, beyond the call.
func (r *Ring) Reset(n int) {
	lines := make([]string, n) // want "make\\(\\[\\]string, n\\) escapes to heap" // declined "the slice escapes whatever its size"
	r.lines, r.next = lines, 0
}
