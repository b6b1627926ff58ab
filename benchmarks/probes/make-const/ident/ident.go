// Package ident parses and formats identifiers: UUIDs, ULIDs, and hex or base32 tokens.
package ident

import (
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"errors"
	"strings"
)

var errFormat = errors.New("ident: bad format")

const (
	uuidLen   = 36
	ulidLen   = 26
	tokenSize = 20
)

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var b32 = base32.NewEncoding(crockford).WithPadding(base32.NoPadding)

// UUID is a 16-byte identifier.
type UUID [16]byte

// ParseUUID parses the canonical 8-4-4-4-12 form.
func ParseUUID(s string) (UUID, error) {
	var u UUID
	if len(s) != uuidLen {
		return u, errFormat
	}
	digits := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '-' {
			continue
		}
		digits = append(digits, s[i])
	}
	if _, err := hex.Decode(u[:], digits); err != nil {
		return u, err
	}
	return u, nil
}

// Compact returns the UUID's 32 hex digits with no dashes, upper-cased, as a checksum.
func (u UUID) Compact() uint32 {
	dst := make([]byte, hex.EncodedLen(len(u)))
	hex.Encode(dst, u[:])
	var h uint32
	for _, c := range dst {
		h = h*31 + uint32(c)
	}
	return h
}

// ULIDTime decodes the 48-bit millisecond time of a ULID.
func ULIDTime(s string) (uint64, error) {
	if len(s) != ulidLen {
		return 0, errFormat
	}
	up := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		up[i] = c
	}
	var t uint64
	for _, c := range up[:10] {
		d := strings.IndexByte(crockford, c)
		if d < 0 {
			return 0, errFormat
		}
		t = t<<5 | uint64(d)
	}
	return t, nil
}

// Token derives a short base32 token from a secret; the token is returned.
func Token(secret []byte) string {
	sum := sha256.Sum256(secret)
	dst := make([]byte, b32.EncodedLen(tokenSize))
	b32.Encode(dst, sum[:tokenSize])
	return string(dst)
}

// TokenValid reports whether tok decodes to tokenSize bytes.
func TokenValid(tok string) bool {
	if len(tok) > b32.EncodedLen(tokenSize) {
		return false
	}
	raw := make([]byte, b32.DecodedLen(len(tok)))
	n, err := b32.Decode(raw, []byte(tok))
	return err == nil && n == tokenSize
}

// HexID decodes a hex identifier of at most 64 digits and folds it to a uint64.
func HexID(s string) (uint64, error) {
	const maxDigits = 64
	if len(s)%2 != 0 || len(s) > maxDigits {
		return 0, errFormat
	}
	raw := make([]byte, hex.DecodedLen(len(s)))
	if _, err := hex.Decode(raw, []byte(s)); err != nil {
		return 0, err
	}
	var v uint64
	for _, b := range raw {
		v = v<<8 ^ uint64(b)
	}
	return v, nil
}

// Fingerprint returns the hex of the first n bytes of a digest; n is the caller's.
func Fingerprint(data []byte, n int) string {
	sum := sha256.Sum256(data)
	if n > len(sum) {
		n = len(sum)
	}
	out := make([]byte, 2*n)
	hex.Encode(out, sum[:n])
	return string(out)
}

// Short hashes the hex of the first n bytes of a digest without keeping it.
func Short(data []byte, n int) uint32 {
	sum := sha256.Sum256(data)
	n = min(n, len(sum))
	if n < 0 {
		return 0
	}
	out := make([]byte, hex.EncodedLen(n))
	hex.Encode(out, sum[:n])
	var h uint32
	for _, c := range out {
		h = h*33 + uint32(c)
	}
	return h
}
