package ids

import "encoding/binary"

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// KSUID is a 32-bit timestamp and 128 bits of payload.
type KSUID [20]byte

const ksuidEpoch = 1400000000

// NewKSUID packs a Unix time and payload.
func NewKSUID(unix int64, payload [16]byte) KSUID {
	var k KSUID
	binary.BigEndian.PutUint32(k[:4], uint32(unix-ksuidEpoch))
	copy(k[4:], payload[:])
	return k
}

// String is the 27-character base62 form, zero-padded.
func (k KSUID) String() string {
	n := len(k)*138/100 + 1
	digits := make([]byte, n)
	num := make([]byte, len(k))
	copy(num, k[:])
	i := n
	for len(num) > 0 {
		var rem int
		q := num[:0]
		for _, b := range num {
			acc := rem*256 + int(b)
			d := acc / 62
			rem = acc % 62
			if len(q) > 0 || d > 0 {
				q = append(q, byte(d))
			}
		}
		i--
		digits[i] = base62[rem]
		num = q
	}
	for i > n-27 {
		i--
		digits[i] = '0'
	}
	return string(digits[n-27:])
}

// ShortID returns the first n base62 characters of k, at most 27.
func ShortID(k KSUID, n int) string {
	s := k.String()
	n = min(max(n, 1), len(s))
	b := make([]byte, n)
	copy(b, s)
	return string(b)
}
