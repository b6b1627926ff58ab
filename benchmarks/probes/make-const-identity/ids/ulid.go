package ids

import "errors"

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

const ulidLen = 26

var errULID = errors.New("ids: bad ULID")

// ULID is a 48-bit millisecond time and 80 bits of entropy.
type ULID [16]byte

// NewULID packs a timestamp and entropy.
func NewULID(ms uint64, entropy [10]byte) ULID {
	var id ULID
	for i := 5; i >= 0; i-- {
		id[i] = byte(ms)
		ms >>= 8
	}
	copy(id[6:], entropy[:])
	return id
}

// String is the 26-character Crockford base32 form.
func (id ULID) String() string {
	out := make([]byte, ulidLen)
	var acc uint64
	bits := 0
	j := ulidLen - 1
	for i := len(id) - 1; i >= 0; i-- {
		acc |= uint64(id[i]) << bits
		bits += 8
		for bits >= 5 && j >= 0 {
			out[j] = crockford[acc&31]
			acc >>= 5
			bits -= 5
			j--
		}
	}
	if j >= 0 {
		out[j] = crockford[acc&31]
	}
	return string(out)
}

// ParseULID reads the 26-character form, case-insensitively.
func ParseULID(s string) (ULID, error) {
	var id ULID
	if len(s) != ulidLen || s[0] > '7' {
		return id, errULID
	}
	vals := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
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
			return id, errULID
		}
		vals[i] = byte(k)
	}
	var acc uint64
	bits := 0
	j := len(id) - 1
	for i := len(vals) - 1; i >= 0 && j >= 0; i-- {
		acc |= uint64(vals[i]) << bits
		bits += 5
		if bits >= 8 {
			id[j] = byte(acc)
			acc >>= 8
			bits -= 8
			j--
		}
	}
	return id, nil
}

// Time returns the ULID's milliseconds.
func (id ULID) Time() uint64 {
	var ms uint64
	for _, b := range id[:6] {
		ms = ms<<8 | uint64(b)
	}
	return ms
}
