// Package frame checks the frames of a small datagram protocol.
package frame

import (
	"encoding/binary"
	"errors"
)

const (
	headerLen = 4  // the frame's FNV-1a checksum
	maxFrame  = 68 // the largest datagram the link carries
)

var errFrame = errors.New("frame: bad length or checksum")

// Verify checks a frame's checksum over its payload, unmasked in a scratch copy: the payload is the
// frame less its header, so at most maxFrame-headerLen bytes.
func Verify(frame []byte, mask byte) error {
	if len(frame) < headerLen || len(frame) > maxFrame {
		return errFrame
	}
	payload := make([]byte, len(frame)-headerLen) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i, b := range frame[headerLen:] {
		payload[i] = b ^ mask
	}
	if fnv1a(payload) != binary.BigEndian.Uint32(frame) {
		return errFrame
	}
	return nil
}

// fnv1a is the 32-bit FNV-1a hash of p.
func fnv1a(p []byte) uint32 {
	h := uint32(2166136261)
	for _, b := range p {
		h = (h ^ uint32(b)) * 16777619
	}
	return h
}
