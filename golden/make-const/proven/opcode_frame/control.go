// Package control checks the frames of a small binary control protocol: an opcode byte, a length
// byte, then that many payload bytes masked with the connection's 4-byte key.
package control

import (
	"errors"
	"unicode/utf8"
)

// Opcode says what a frame carries.
type Opcode uint8

// The opcodes a peer sends.
const (
	OpText  Opcode = 0x1
	OpPing  Opcode = 0x9
	OpClose Opcode = 0x8
)

// Length is a payload's length as the wire carries it, in one byte.
type Length uint8

// Header is a frame's fixed part.
type Header struct {
	Op  Opcode
	Len Length
}

var (
	errShort  = errors.New("control: frame runs past the message")
	errOpcode = errors.New("control: unknown opcode")
	errText   = errors.New("control: text frame is not UTF-8")
)

// Check validates the frame at the start of msg: a known opcode, a payload within the message
// and, for a text frame, a payload that is UTF-8 once unmasked with key. It returns the frame's
// header and its length on the wire. The payload is unmasked in a scratch copy sized by the
// header's Length, one byte on the wire: at most 255 bytes, whatever the message says.
func Check(msg []byte, key [4]byte) (Header, int, error) {
	if len(msg) < 2 {
		return Header{}, 0, errShort
	}
	h := Header{Op: Opcode(msg[0]), Len: Length(msg[1])}
	switch h.Op {
	case OpText, OpPing, OpClose:
	default:
		return Header{}, 0, errOpcode
	}
	n := int(h.Len)
	payload := make([]byte, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	if copy(payload, msg[2:]) < n {
		return Header{}, 0, errShort
	}
	for i := range payload {
		payload[i] ^= key[i%4]
	}
	if h.Op == OpText && !utf8.Valid(payload) {
		return Header{}, 0, errText
	}
	return h, 2 + n, nil
}
