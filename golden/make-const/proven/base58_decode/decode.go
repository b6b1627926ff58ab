// Package base58 decodes the base58 text Bitcoin uses for addresses and keys.
package base58

import "errors"

const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

// maxEncoded is the longest text Decode accepts.
const maxEncoded = 128

var (
	errLength = errors.New("base58: text too long")
	errDigit  = errors.New("base58: invalid digit")
	errRoom   = errors.New("base58: destination too small")
)

var digits = func() (m [256]int8) {
	for i := range m {
		m[i] = -1
	}
	for i := 0; i < len(alphabet); i++ {
		m[alphabet[i]] = int8(i)
	}
	return m
}()

// Decode decodes s into dst and returns how many bytes it wrote. Each leading '1' is a zero
// byte; the rest is a big-endian number, worked out in a scratch buffer sized as base58
// decoders size it, log(58)/log(256) < 0.733 bytes per digit: after the length guard and the
// loop that counts the zeros, (len(s)-zeros)*733/1000+1 is at most 94.
func Decode(dst []byte, s string) (int, error) {
	if len(s) > maxEncoded {
		return 0, errLength
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == '1' {
		zeros++
	}
	size := (len(s)-zeros)*733/1000 + 1
	buf := make([]byte, size) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i := zeros; i < len(s); i++ {
		carry := int(digits[s[i]])
		if carry < 0 {
			return 0, errDigit
		}
		for j := size - 1; j >= 0; j-- {
			carry += 58 * int(buf[j])
			buf[j] = byte(carry)
			carry >>= 8
		}
	}
	skip := 0
	for skip < size && buf[skip] == 0 {
		skip++
	}
	n := zeros + size - skip
	if n > len(dst) {
		return 0, errRoom
	}
	clear(dst[:zeros])
	copy(dst[zeros:], buf[skip:])
	return n, nil
}
