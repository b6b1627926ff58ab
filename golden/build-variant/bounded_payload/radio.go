// Package radio frames sensor payloads for a low-power radio link.
package radio

import "errors"

// maxPayload is the most data bytes one radio frame carries, after its two-byte header.
const maxPayload = 20

var errFrame = errors.New("radio: frame longer than maxPayload+2 bytes")

// Checksum builds the n-byte frame (header and data) and returns its 8-bit checksum.
func Checksum(data []byte, n int) (byte, error) {
	if n > maxPayload+2 {
		return 0, errFrame
	}
	frame := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape"
	if n >= 2 {
		frame[0], frame[1] = 0xA5, byte(n)
		copy(frame[2:], data)
	}
	var sum byte
	for _, b := range frame {
		sum += b
	}
	return sum, nil
}
