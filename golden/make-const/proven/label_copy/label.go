// Package label encodes DNS-style names: each label is prefixed by its length, and a label is 1 to 63 bytes.
package label

import "errors"

// maxLabel is the longest label RFC 1035 allows.
const maxLabel = 63

var errLabel = errors.New("label: empty or longer than 63 bytes")

// Checksum lower-cases one label into a scratch copy and returns the checksum a cache keys it by.
func Checksum(s string) (uint32, error) {
	if l := len(s); l == 0 || l > maxLabel {
		return 0, errLabel
	}
	low := make([]byte, len(s)) // want(<go1.25) "make\\(\\[\\]byte, len\\(s\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(s\\)\\) does not escape"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	var sum uint32
	for _, c := range low {
		sum = sum*31 + uint32(c)
	}
	return sum, nil
}
