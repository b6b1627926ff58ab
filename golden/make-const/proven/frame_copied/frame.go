// Package frame checks length-prefixed frames.
package frame

import "errors"

// maxFrame is the largest payload a frame may carry.
const maxFrame = 512

var errLong = errors.New("frame: payload longer than maxFrame")

// Sum copies a frame's payload out of the wire buffer and folds it into a checksum. The length
// is written again after the make, with the number of bytes the wire really held: that write
// cannot reach the make, so the guard still bounds it.
func Sum(wire []byte, n int) (uint32, error) {
	if n > maxFrame {
		return 0, errLong
	}
	payload := make([]byte, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	n = copy(payload, wire)
	var sum uint32
	for _, b := range payload[:n] {
		sum = sum*31 + uint32(b)
	}
	return sum, nil
}
