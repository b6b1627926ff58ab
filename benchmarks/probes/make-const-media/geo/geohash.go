// Package geo encodes positions for the tile server: geohashes, quadkeys and polylines.
package geo

import (
	"errors"
	"math"
)

const (
	hashAlphabet = "0123456789bcdefghjkmnpqrstuvwxyz"
	// MaxPrecision is the longest geohash we store (about 3.7 cm).
	MaxPrecision = 12
	// MaxZoom is the deepest tile level the server renders.
	MaxZoom = 23
)

var (
	errPrecision = errors.New("geo: geohash too long")
	errChar      = errors.New("geo: bad geohash character")
)

// Geohash encodes lat/lon in precision characters, clamped to 1..MaxPrecision.
func Geohash(lat, lon float64, precision int) string {
	if precision < 1 {
		precision = 1
	}
	if precision > MaxPrecision {
		precision = MaxPrecision
	}
	buf := make([]byte, precision)
	latLo, latHi := -90.0, 90.0
	lonLo, lonHi := -180.0, 180.0
	even := true
	for i := range buf {
		ch := 0
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
		buf[i] = hashAlphabet[ch]
	}
	return string(buf)
}

// DecodeGeohash returns the centre of the cell a geohash names.
func DecodeGeohash(hash string) (lat, lon float64, err error) {
	if len(hash) > MaxPrecision {
		return 0, 0, errPrecision
	}
	bits := make([]bool, 5*len(hash))
	for i := 0; i < len(hash); i++ {
		v := indexByte(hashAlphabet, hash[i])
		if v < 0 {
			return 0, 0, errChar
		}
		for b := 0; b < 5; b++ {
			bits[5*i+b] = v&(16>>b) != 0
		}
	}
	latLo, latHi := -90.0, 90.0
	lonLo, lonHi := -180.0, 180.0
	for i, set := range bits {
		if i%2 == 0 {
			mid := (lonLo + lonHi) / 2
			if set {
				lonLo = mid
			} else {
				lonHi = mid
			}
		} else {
			mid := (latLo + latHi) / 2
			if set {
				latLo = mid
			} else {
				latHi = mid
			}
		}
	}
	return (latLo + latHi) / 2, (lonLo + lonHi) / 2, nil
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// Neighbours returns the geohashes of the eight cells around hash, written into out.
func Neighbours(hash string, out *[8]string) error {
	lat, lon, err := DecodeGeohash(hash)
	if err != nil {
		return err
	}
	h := 180.0 / math.Pow(2, float64(5*len(hash)/2))
	w := 360.0 / math.Pow(2, float64((5*len(hash)+1)/2))
	k := 0
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			if dx == 0 && dy == 0 {
				continue
			}
			out[k] = Geohash(lat+float64(dy)*h, lon+float64(dx)*w, len(hash))
			k++
		}
	}
	return nil
}

// CommonPrefix returns how many leading characters all hashes share.
func CommonPrefix(hashes []string) int {
	if len(hashes) == 0 {
		return 0
	}
	n := len(hashes[0])
	if n > MaxPrecision {
		n = MaxPrecision
	}
	same := make([]bool, n)
	for i := range same {
		same[i] = true
	}
	for _, h := range hashes[1:] {
		for i := range same {
			if i >= len(h) || h[i] != hashes[0][i] {
				same[i] = false
			}
		}
	}
	for i, ok := range same {
		if !ok {
			return i
		}
	}
	return n
}
