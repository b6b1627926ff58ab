// Package uuid parses textual UUIDs.
package uuid

import (
	"encoding/hex"
	"errors"
)

var errFormat = errors.New("uuid: not 8-4-4-4-12 hex digits")

// Parse drops the dashes of a 36-character UUID into a scratch buffer and decodes it: the
// length check is an equality, and it bounds the buffer as well as any limit would.
func Parse(s string) ([16]byte, error) {
	var id [16]byte
	if len(s) != 36 {
		return id, errFormat
	}
	digits := make([]byte, 0, len(s)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			digits = append(digits, s[i])
		}
	}
	if len(digits) != 32 {
		return id, errFormat
	}
	if _, err := hex.Decode(id[:], digits); err != nil {
		return id, errFormat
	}
	return id, nil
}
