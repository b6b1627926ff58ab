// Package closure returns a closure over its buffer.
package closure

// Counter returns a func literal that reads the buffer later.
func Counter(parts []string) func() int {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined "captured by a func literal"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	return func() int { return len(buf) }
}
