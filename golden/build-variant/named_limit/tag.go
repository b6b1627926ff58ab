// Package named_limit validates record tags.
package named_limit

import "example.com/golden/buildvariant/named_limit/wire"

// Valid reports whether tag, lower-cased, is made of letters and digits only.
func Valid(tag string) bool {
	if len(tag) > wire.MaxTag {
		return false
	}
	lower := make([]byte, len(tag)) // want(<go1.25) "make\\(\\[\\]byte, len\\(tag\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(tag\\)\\) does not escape"
	for i := range lower {
		c := tag[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	for _, c := range lower {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
