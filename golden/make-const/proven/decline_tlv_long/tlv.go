// Package tlv reads type-length-value records; kind 0xff carries the rest of the record, however long.
package tlv

import "errors"

const maxValue = 96

var errShort = errors.New("tlv: record shorter than its header")

// header reads a record's kind and value length: an extended record's value is the rest of it.
func header(rec []byte) (kind byte, size int, err error) {
	if len(rec) < 2 {
		return 0, 0, errShort
	}
	if rec[0] == 0xff {
		return rec[0], len(rec) - 2, nil
	}
	return rec[0], min(int(rec[1]), maxValue), nil
}

// Checksum sums a record's value, mixed with its kind.
func Checksum(rec []byte) (uint32, error) {
	kind, size, err := header(rec)
	if err != nil {
		return 0, err
	}
	val := make([]byte, size) // want(<go1.25) "make\\(\\[\\]byte, size\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, size\\) does not escape" // declined "speculative"
	copy(val, rec[2:])
	sum := uint32(kind)
	for _, b := range val {
		sum = sum*16777619 ^ uint32(b)
	}
	return sum, nil
}
