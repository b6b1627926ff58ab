// Package stalereslice reads its buffer past the length make gave it.
package stalereslice

// Peek reads the zeros make put past the length: a pooled buffer would hold old bytes there.
func Peek(parts []string) byte {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	full := buf[:cap(buf)]
	return full[len(buf)]
}
