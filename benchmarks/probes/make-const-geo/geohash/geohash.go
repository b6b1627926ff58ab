// Package geohash encodes and decodes base-32 geohashes.
package geohash

import (
	"errors"
	"strings"

	"example.com/probes/make-const-geo/limits"
)

const alphabet = "0123456789bcdefghjkmnpqrstuvwxyz"

var (
	errPrecision = errors.New("geohash: precision out of range")
	errHash      = errors.New("geohash: invalid character")
)

func decodeChar(c byte) int {
	return strings.IndexByte(alphabet, c)
}

// Encode returns the geohash of a point with precision characters.
func Encode(lat, lon float64, precision int) (string, error) {
	if precision < 1 || precision > limits.GeohashPrecision {
		return "", errPrecision
	}
	buf := make([]byte, precision)
	latLo, latHi := -90.0, 90.0
	lonLo, lonHi := -180.0, 180.0
	even := true
	for i := range buf {
		var ch byte
		for b := 0; b < 5; b++ {
			ch <<= 1
			if even {
				mid := (lonLo + lonHi) / 2
				if lon >= mid {
					ch |= 1
					lonLo = mid
				} else {
					lonHi = mid
				}
			} else {
				mid := (latLo + latHi) / 2
				if lat >= mid {
					ch |= 1
					latLo = mid
				} else {
					latHi = mid
				}
			}
			even = !even
		}
		buf[i] = alphabet[ch]
	}
	return string(buf), nil
}

// Bits returns the interleaved lon/lat bits of a point's geohash, one byte per bit, for the
// prefix-trie index; precision is clamped to what the API accepts.
func Bits(lat, lon float64, precision int) int {
	precision = min(max(precision, 1), limits.GeohashPrecision)
	bits := make([]uint8, 5*precision)
	latLo, latHi := -90.0, 90.0
	lonLo, lonHi := -180.0, 180.0
	for i := range bits {
		if i%2 == 0 {
			mid := (lonLo + lonHi) / 2
			if lon >= mid {
				bits[i], lonLo = 1, mid
			} else {
				lonHi = mid
			}
		} else {
			mid := (latLo + latHi) / 2
			if lat >= mid {
				bits[i], latLo = 1, mid
			} else {
				latHi = mid
			}
		}
	}
	key := 0
	for _, b := range bits {
		key = key<<1 | int(b)
	}
	return key
}

// Decode returns the centre of a geohash's cell. Upper-case input is accepted.
func Decode(hash string) (lat, lon float64, err error) {
	if len(hash) == 0 || len(hash) > limits.GeohashPrecision {
		return 0, 0, errPrecision
	}
	lower := make([]byte, len(hash))
	for i := 0; i < len(hash); i++ {
		c := hash[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		lower[i] = c
	}
	latLo, latHi := -90.0, 90.0
	lonLo, lonHi := -180.0, 180.0
	even := true
	for _, c := range lower {
		v := decodeChar(c)
		if v < 0 {
			return 0, 0, errHash
		}
		for b := 4; b >= 0; b-- {
			bit := v>>b&1 == 1
			if even {
				mid := (lonLo + lonHi) / 2
				if bit {
					lonLo = mid
				} else {
					lonHi = mid
				}
			} else {
				mid := (latLo + latHi) / 2
				if bit {
					latLo = mid
				} else {
					latHi = mid
				}
			}
			even = !even
		}
	}
	return (latLo + latHi) / 2, (lonLo + lonHi) / 2, nil
}

// CommonPrefix returns the longest prefix all hashes share: the cell covering them all.
func CommonPrefix(hashes []string) string {
	if len(hashes) == 0 {
		return ""
	}
	first := hashes[0]
	n := len(first)
	if n > limits.GeohashPrecision {
		n = limits.GeohashPrecision
	}
	prefix := make([]byte, n)
	copy(prefix, first)
	for _, h := range hashes[1:] {
		i := 0
		for i < len(prefix) && i < len(h) && prefix[i] == h[i] {
			i++
		}
		prefix = prefix[:i]
	}
	return string(prefix)
}

// Expand appends to dst the 32 children of a hash: the cells one character finer.
func Expand(dst []string, hash string) ([]string, error) {
	if len(hash) >= limits.GeohashPrecision {
		return dst, errPrecision
	}
	child := make([]byte, len(hash)+1)
	copy(child, hash)
	for i := 0; i < len(alphabet); i++ {
		child[len(hash)] = alphabet[i]
		dst = append(dst, string(child))
	}
	return dst, nil
}

// Cover returns the hashes of every cell of a precision whose centre lies in the box,
// row by row: the caller keeps them as the index's query terms.
func Cover(minLat, minLon, maxLat, maxLon float64, precision int, step float64) ([]string, error) {
	if precision < 1 || precision > limits.GeohashPrecision {
		return nil, errPrecision
	}
	rows := int((maxLat-minLat)/step) + 1
	cols := int((maxLon-minLon)/step) + 1
	out := make([]string, 0, rows*cols)
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			h, _ := Encode(minLat+float64(r)*step, minLon+float64(c)*step, precision)
			out = append(out, h)
		}
	}
	return out, nil
}

// Join writes the hashes comma-separated for the cache key of a cover query.
func Join(hashes []string) string {
	n := 0
	for _, h := range hashes {
		n += len(h) + 1
	}
	buf := make([]byte, 0, n)
	for i, h := range hashes {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, h...)
	}
	return string(buf)
}
