// Package payload frames short sensor payloads with a two-byte header.
package payload

import "errors"

// maxPayload is the largest payload one radio frame carries.
const maxPayload = 20

var errFrame = errors.New("payload: frame too long")

// Checksum frames n bytes of data (header included) and returns the frame's checksum.
func Checksum(data []byte, n int) (uint16, error) {
	if n > maxPayload+2 {
		return 0, errFrame
	}
	frame := make([]uint16, n) // want(<go1.25) "make\\(\\[\\]uint16, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]uint16, n\\) does not escape"
	frame[0] = uint16(n)
	for i := 2; i < n; i++ {
		frame[i] = uint16(data[(i-2)%len(data)])
	}
	var sum uint16
	for _, w := range frame {
		sum += w
	}
	return sum, nil
}
