// Package tlv reads type-length-value records: a kind byte, a length byte, then the value.
package tlv

import "errors"

// maxValue is the longest value a record carries.
const maxValue = 96

var (
	errShort = errors.New("tlv: record shorter than its header")
	errLong  = errors.New("tlv: value longer than 96 bytes")
)

// header reads a record's kind and value length.
func header(rec []byte) (kind byte, size int, err error) {
	if len(rec) < 2 {
		return 0, 0, errShort
	}
	size = int(rec[1])
	if size > maxValue {
		return 0, 0, errLong
	}
	return rec[0], size, nil
}

// Checksum sums a record's value, mixed with its kind.
func Checksum(rec []byte) (uint32, error) {
	kind, size, err := header(rec)
	if err != nil {
		return 0, err
	}
	val := make([]byte, size) // want(<go1.25) "make\\(\\[\\]byte, size\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, size\\) does not escape"
	copy(val, rec[2:])
	sum := uint32(kind)
	for _, b := range val {
		sum = sum*16777619 ^ uint32(b)
	}
	return sum, nil
}
