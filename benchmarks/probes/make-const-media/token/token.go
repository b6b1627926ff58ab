// Package token makes and checks the API's opaque tokens and key material.
package token

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"errors"
)

const (
	// MaxSalt is the longest salt a stored credential carries.
	MaxSalt = 64
	// BlockSize is the cipher block the padding targets.
	BlockSize = 16
)

var (
	errSalt         = errors.New("token: salt too long")
	errLen          = errors.New("token: bad length")
	errPad          = errors.New("token: bad padding")
	crockfordDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
)

// Derive stretches a password with iterated SHA-256 over password, salt and a block counter.
func Derive(password, salt []byte, rounds int) ([32]byte, error) {
	if len(salt) > MaxSalt || len(password) > 128 {
		return [32]byte{}, errSalt
	}
	u := make([]byte, 0, len(password)+len(salt)+4)
	u = append(u, password...)
	u = append(u, salt...)
	u = binary.BigEndian.AppendUint32(u, 1)
	sum := sha256.Sum256(u)
	out := sum
	for i := 1; i < rounds; i++ {
		sum = sha256.Sum256(sum[:])
		for j := range out {
			out[j] ^= sum[j]
		}
	}
	return out, nil
}

// Pad appends PKCS#7 padding; the padded block is the caller's.
func Pad(b []byte) []byte {
	n := BlockSize - len(b)%BlockSize
	out := make([]byte, len(b)+n)
	copy(out, b)
	for i := len(b); i < len(out); i++ {
		out[i] = byte(n)
	}
	return out
}

// CheckPad verifies PKCS#7 padding of a final block in constant time.
func CheckPad(block []byte) (int, error) {
	if len(block) != BlockSize {
		return 0, errLen
	}
	n := int(block[BlockSize-1])
	if n == 0 || n > BlockSize {
		return 0, errPad
	}
	want := make([]byte, n)
	for i := range want {
		want[i] = byte(n)
	}
	var diff byte
	for i, c := range block[BlockSize-n:] {
		diff |= c ^ want[i]
	}
	if diff != 0 {
		return 0, errPad
	}
	return BlockSize - n, nil
}

// New returns a random token of n bytes in unpadded base32.
func New(n int) (string, error) {
	if n < 16 || n > 64 {
		return "", errLen
	}
	raw := make([]byte, n)
	if _, err := rand.Read(raw); err != nil {
		return "", err
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(raw), nil
}

// Group formats a token in dash-separated groups of four, as printed on recovery sheets.
func Group(tok string) (string, error) {
	if len(tok) > 64 {
		return "", errLen
	}
	out := make([]byte, 0, len(tok)+len(tok)/4)
	for i := 0; i < len(tok); i++ {
		if i > 0 && i%4 == 0 {
			out = append(out, '-')
		}
		out = append(out, tok[i])
	}
	return string(out), nil
}

// Crockford encodes an ID in Crockford base32, most significant digit first.
func Crockford(id []byte) (string, error) {
	if len(id) > 20 {
		return "", errLen
	}
	digits := make([]byte, 0, (8*len(id)+4)/5)
	var acc uint32
	bits := 0
	for _, c := range id {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			digits = append(digits, crockfordDigits[acc>>bits&31])
		}
	}
	if bits > 0 {
		digits = append(digits, crockfordDigits[acc<<(5-bits)&31])
	}
	return string(digits), nil
}

// Keystream XORs msg with a SHA-256 counter-mode keystream derived from key, into dst.
func Keystream(dst, msg []byte, key [32]byte) error {
	if len(msg) > 256 {
		return errLen
	}
	ks := make([]byte, 0, len(msg)+sha256.Size)
	var ctr [36]byte
	copy(ctr[:], key[:])
	for i := uint32(0); len(ks) < len(msg); i++ {
		binary.BigEndian.PutUint32(ctr[32:], i)
		sum := sha256.Sum256(ctr[:])
		ks = append(ks, sum[:]...)
	}
	for i := range msg {
		dst[i] = msg[i] ^ ks[i]
	}
	return nil
}

// Fingerprint formats a key's SHA-256 as colon-separated hex, as ssh-keygen prints it.
func Fingerprint(key []byte) string {
	sum := sha256.Sum256(key)
	const hexd = "0123456789abcdef"
	out := make([]byte, 0, 3*len(sum))
	for i, c := range sum {
		if i > 0 {
			out = append(out, ':')
		}
		out = append(out, hexd[c>>4], hexd[c&15])
	}
	return string(out)
}

// Wrap splits a key into 64-bit blocks for RFC 3394 wrapping and returns their XOR.
func Wrap(key []byte) (uint64, error) {
	n := len(key) / 8
	if len(key)%8 != 0 || n < 2 || n > 8 {
		return 0, errLen
	}
	r := make([][8]byte, n)
	for i := range r {
		copy(r[i][:], key[8*i:])
	}
	var x uint64
	for _, b := range r {
		x ^= binary.BigEndian.Uint64(b[:])
	}
	return x, nil
}
