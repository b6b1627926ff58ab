// Package secret holds key derivation, comparison and password policy helpers.
package secret

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"hash"
)

var errLength = errors.New("secret: bad length")

// HKDFExpand is RFC 5869's expand step with HMAC-SHA256.
func HKDFExpand(prk, info []byte, length int) ([]byte, error) {
	if len(info) > 255 || length <= 0 || length > 255*sha256.Size {
		return nil, errLength
	}
	out := make([]byte, 0, length)
	mac := hmac.New(sha256.New, prk)
	var prev []byte
	for ctr := byte(1); len(out) < length; ctr++ {
		mac.Reset()
		mac.Write(prev)
		mac.Write(info)
		mac.Write([]byte{ctr})
		prev = mac.Sum(prev[:0])
		out = append(out, prev...)
	}
	return out[:length], nil
}

// Stretch is PBKDF2 with HMAC-SHA256 for one block: a 32-byte key.
func Stretch(password, salt []byte, iter int) [32]byte {
	mac := hmac.New(sha256.New, password)
	in := make([]byte, 0, len(salt)+4)
	in = append(in, salt...)
	in = binary.BigEndian.AppendUint32(in, 1)
	mac.Write(in)
	u := mac.Sum(nil)
	var key [32]byte
	copy(key[:], u)
	for i := 1; i < iter; i++ {
		mac.Reset()
		mac.Write(u)
		u = mac.Sum(u[:0])
		for j := range key {
			key[j] ^= u[j]
		}
	}
	return key
}

// SubKey derives a labelled subkey: HMAC(master, label || 0 || context), truncated to size.
func SubKey(master []byte, label, context string, size int) ([]byte, error) {
	if len(label) > 64 || len(context) > 64 || size <= 0 || size > sha256.Size {
		return nil, errLength
	}
	in := make([]byte, 0, len(label)+1+len(context))
	in = append(in, label...)
	in = append(in, 0)
	in = append(in, context...)
	mac := hmac.New(sha256.New, master)
	mac.Write(in)
	return mac.Sum(nil)[:size], nil
}

// SaltedDigest is SHA-256 of salt || password, base64.
func SaltedDigest(password string, salt []byte) (string, error) {
	if len(password) > 128 || len(salt) > 32 {
		return "", errLength
	}
	in := make([]byte, 0, len(salt)+len(password))
	in = append(in, salt...)
	in = append(in, password...)
	sum := sha256.Sum256(in)
	return base64.StdEncoding.EncodeToString(sum[:]), nil
}

// KeyID names a public key by the base64url of its SHA-256's first eight bytes.
func KeyID(pub []byte) string {
	sum := sha256.Sum256(pub)
	out := make([]byte, base64.RawURLEncoding.EncodedLen(len(sum[:8])))
	base64.RawURLEncoding.Encode(out, sum[:8])
	return string(out)
}

// MACLen reports the byte length of a MAC from newHash, computed into a block-sized scratch.
func MACLen(newHash func() hash.Hash, key []byte) int {
	mac := hmac.New(newHash, key)
	scratch := make([]byte, 0, mac.BlockSize())
	return len(mac.Sum(scratch))
}

// Equal compares two secrets of at most 64 bytes in constant time, padding the shorter.
func Equal(a, b string) bool {
	if len(a) > 64 || len(b) > 64 {
		return false
	}
	n := max(len(a), len(b))
	x := make([]byte, n)
	y := make([]byte, n)
	copy(x, a)
	copy(y, b)
	return subtle.ConstantTimeCompare(x, y) == 1 && subtle.ConstantTimeEq(int32(len(a)), int32(len(b))) == 1
}

// EqualHMAC compares two messages by their HMAC-SHA256 under a per-process key.
func EqualHMAC(key, a, b []byte) bool {
	h := sha256.New()
	ma := hmac.New(sha256.New, key)
	ma.Write(a)
	mb := hmac.New(sha256.New, key)
	mb.Write(b)
	x := make([]byte, 0, h.Size())
	y := make([]byte, 0, h.Size())
	x = ma.Sum(x)
	y = mb.Sum(y)
	return subtle.ConstantTimeCompare(x, y) == 1
}
