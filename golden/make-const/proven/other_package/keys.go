// Package keys compares frame keys in constant time.
package keys

import "example.com/golden/makeconst/proven/other_package/limits"

// Equal reports whether a and b are the same key, taking the same time for any two keys of one length.
func Equal(a, b string) bool {
	if len(a) > limits.MaxKey || len(b) > limits.MaxKey {
		return false
	}
	buf := make([]byte, len(a)) // want(<go1.25) "make\\(\\[\\]byte, len\\(a\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(a\\)\\) does not escape"
	copy(buf, a)
	var diff byte
	for i := range buf {
		if i < len(b) {
			diff |= buf[i] ^ b[i]
		}
	}
	return diff == 0 && len(a) == len(b)
}
