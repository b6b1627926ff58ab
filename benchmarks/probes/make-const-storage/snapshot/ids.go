package snapshot

import (
	"encoding/hex"
	"errors"
	"net"
)

var errBadID = errors.New("snapshot: bad id")

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// ULID encodes a 16-byte id in Crockford base32, 26 characters.
func ULID(id [16]byte) string {
	bits := make([]byte, 0, len(id)*8/5+1)
	var acc uint32
	nbits := 0
	for i := len(id) - 1; i >= 0; i-- {
		acc |= uint32(id[i]) << nbits
		nbits += 8
		for nbits >= 5 {
			bits = append(bits, crockford[acc&31])
			acc >>= 5
			nbits -= 5
		}
	}
	if nbits > 0 {
		bits = append(bits, crockford[acc&31])
	}
	for i, j := 0, len(bits)-1; i < j; i, j = i+1, j-1 {
		bits[i], bits[j] = bits[j], bits[i]
	}
	return string(bits)
}

// ParseUUID parses the 36-character form.
func ParseUUID(s string) ([16]byte, error) {
	var u [16]byte
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, errBadID
	}
	digits := make([]byte, 0, len(s)-4)
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			digits = append(digits, s[i])
		}
	}
	if _, err := hex.Decode(u[:], digits); err != nil {
		return u, errBadID
	}
	return u, nil
}

// MAC formats a hardware address as colon-separated hex; EUI-48, EUI-64 or 20-byte InfiniBand.
func MAC(a net.HardwareAddr) string {
	switch len(a) {
	case 6, 8, 20:
	default:
		return ""
	}
	buf := make([]byte, 0, len(a)*3-1)
	for i, b := range a {
		if i > 0 {
			buf = append(buf, ':')
		}
		buf = append(buf, hex.EncodeToString([]byte{b})...)
	}
	return string(buf)
}

// IPv4 formats a 4-byte address in dotted decimal.
func IPv4(ip []byte) string {
	if len(ip) != 4 {
		return ""
	}
	buf := make([]byte, 0, len(ip)*4)
	for i, b := range ip {
		if i > 0 {
			buf = append(buf, '.')
		}
		if b >= 100 {
			buf = append(buf, '0'+b/100)
		}
		if b >= 10 {
			buf = append(buf, '0'+b/10%10)
		}
		buf = append(buf, '0'+b%10)
	}
	return string(buf)
}

// JoinIDs formats up to eight ids, hex, separated by sep.
func JoinIDs(ids [][16]byte, sep byte) string {
	n := min(len(ids), 8)
	buf := make([]byte, 0, n*33)
	for i, id := range ids[:n] {
		if i > 0 {
			buf = append(buf, sep)
		}
		buf = hex.AppendEncode(buf, id[:])
	}
	return string(buf)
}

// ShortHash formats the first k bytes of a digest, k from the caller.
func ShortHash(sum []byte, k int) string {
	buf := make([]byte, hex.EncodedLen(k))
	hex.Encode(buf, sum[:k])
	return string(buf)
}
