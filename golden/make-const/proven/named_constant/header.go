// Package header decodes fixed-layout record headers.
package header

import "errors"

// maxName is the longest record name the format allows.
const maxName = 48

var errTooLong = errors.New("header: name longer than maxName bytes")

// NameSum copies the n-byte name that starts at off in rec and returns its checksum.
func NameSum(rec []byte, off, n int) (uint32, error) {
	if n > maxName {
		return 0, errTooLong
	}
	name := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	copy(name, rec[off:])
	var sum uint32
	for _, b := range name {
		sum = sum*31 + uint32(b)
	}
	return sum, nil
}
