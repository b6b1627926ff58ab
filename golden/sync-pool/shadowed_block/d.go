// Package shadowed declares the buffer's name twice.
package shadowed

// Both has a buf in the function and another in a block: uses are followed by go/types identity,
// so the block's own buf is left as it is.
func Both(parts []string, again bool) int {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap"
	for _, p := range parts {
		buf = append(buf, p...)
	}
	if again {
		buf := []byte("x")
		return len(buf)
	}
	return len(buf)
}
