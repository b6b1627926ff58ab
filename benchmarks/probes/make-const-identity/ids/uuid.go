// Package ids generates and parses UUIDs, ULIDs and KSUIDs.
package ids

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
)

// UUID is an RFC 9562 UUID.
type UUID [16]byte

var errFormat = errors.New("ids: bad format")

// NewV4 returns a random UUID.
func NewV4() (UUID, error) {
	var u UUID
	if _, err := rand.Read(u[:]); err != nil {
		return u, err
	}
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return u, nil
}

// String formats u as 8-4-4-4-12 hex digits.
func (u UUID) String() string {
	dst := make([]byte, 0, hex.EncodedLen(len(u))+4)
	for i, b := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, "0123456789abcdef"[b>>4], "0123456789abcdef"[b&0xf])
	}
	return string(dst)
}

// ParseUUID reads the 36-character form.
func ParseUUID(s string) (UUID, error) {
	var u UUID
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, errFormat
	}
	digits := make([]byte, 0, len(s)-4)
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			digits = append(digits, s[i])
		}
	}
	if _, err := hex.Decode(u[:], digits); err != nil {
		return u, err
	}
	return u, nil
}

// URN formats u as urn:uuid:….
func (u UUID) URN() string {
	s := u.String()
	b := make([]byte, 0, len("urn:uuid:")+len(s))
	b = append(b, "urn:uuid:"...)
	b = append(b, s...)
	return string(b)
}

// Compact is u's 32 hex digits without dashes.
func Compact(u UUID) string {
	out := make([]byte, hex.EncodedLen(len(u)))
	hex.Encode(out, u[:])
	return string(out)
}
