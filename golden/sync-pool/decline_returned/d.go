// Package returned returns its buffer: the caller keeps it.
package returned

// Join returns the buffer itself.
func Join(parts []string) []byte {
	buf := make([]byte, 0, 1<<20) // want "make\\(\\[\\]byte, 0, 1048576\\) escapes to heap" // declined: not recognised (buf is returned, so find does not offer the rule)
	for _, p := range parts {
		buf = append(buf, p...)
	}
	return buf
}
