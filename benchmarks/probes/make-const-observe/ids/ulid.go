package ids

import "errors"

// ULID is a 128-bit lexically sortable identifier.
type ULID [16]byte

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

var errULID = errors.New("ids: malformed ulid")

// EncodedSize is the length of a ULID's text form.
const EncodedSize = 26

// MarshalText encodes the ULID in Crockford base32.
func (u ULID) MarshalText() ([]byte, error) {
	dst := make([]byte, EncodedSize)
	encodeULID(dst, u)
	return dst, nil
}

func encodeULID(dst []byte, u ULID) {
	var acc uint64
	bits := 0
	j := len(dst) - 1
	for i := len(u) - 1; i >= 0; i-- {
		acc |= uint64(u[i]) << bits
		bits += 8
		for bits >= 5 && j >= 0 {
			dst[j] = crockford[acc&31]
			acc >>= 5
			bits -= 5
			j--
		}
	}
	if j >= 0 {
		dst[j] = crockford[acc&31]
	}
}

// ParseULID decodes a ULID, accepting lower case.
func ParseULID(s string) (ULID, error) {
	var u ULID
	if len(s) != EncodedSize {
		return u, errULID
	}
	vals := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		k := -1
		for j := 0; j < len(crockford); j++ {
			if crockford[j] == c {
				k = j
				break
			}
		}
		if k < 0 {
			return u, errULID
		}
		vals[i] = byte(k)
	}
	var acc uint64
	bits := 0
	j := len(u) - 1
	for i := len(vals) - 1; i >= 0 && j >= 0; i-- {
		acc |= uint64(vals[i]) << bits
		bits += 5
		if bits >= 8 {
			u[j] = byte(acc)
			acc >>= 8
			bits -= 8
			j--
		}
	}
	return u, nil
}

// TimePrefix is the 10-character timestamp part of a ULID for a millisecond time,
// trimmed of leading zeros when short is set.
func TimePrefix(ms uint64, short bool) string {
	digits := 0
	for x := ms; x > 0; x >>= 5 {
		digits++
	}
	if !short || digits == 0 {
		digits = 10
	}
	b := make([]byte, digits)
	for i := digits - 1; i >= 0; i-- {
		b[i] = crockford[ms&31]
		ms >>= 5
	}
	return string(b)
}
