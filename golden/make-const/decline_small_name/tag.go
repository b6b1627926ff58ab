// Package tag validates short ASCII tags.
package tag

// Valid reports whether the first n bytes of s form a lower-case tag of at most 16 bytes.
// Sixteen bytes fit the 32-byte buffer go1.25+ already gives a variable-size make.
func Valid(s string, n int) bool {
	if n > len(s) {
		return false
	}
	if n > 16 {
		return false
	}
	buf := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "does not escape" // declined "already gives a variable-size make"
	copy(buf, s)
	for _, c := range buf {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
