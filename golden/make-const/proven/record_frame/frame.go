// Package kvlog frames put records for a key-value store's log: a header of the two lengths, the key, the
// value, and a trailer with the frame's length.
package kvlog

import (
	"encoding/binary"
	"errors"
)

const (
	maxKey   = 64
	maxValue = 448
	header   = 3
	trailer  = 4
)

var errTooBig = errors.New("kvlog: record too big")

// Fingerprint frames a put of key and val and returns the frame's FNV-1a hash, which replicas compare
// before shipping the record. A key and value above 512 bytes together are refused; the frame adds its
// header and trailer to them.
func Fingerprint(key, val []byte) (uint64, error) {
	if len(key)+len(val) > maxKey+maxValue {
		return 0, errTooBig
	}
	frame := make([]byte, header+len(key)+len(val)+trailer) // want(<go1.25) "make\\(\\[\\]byte, 3 \\+ len\\(key\\) \\+ len\\(val\\) \\+ 4\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 3 \\+ len\\(key\\) \\+ len\\(val\\) \\+ 4\\) does not escape"
	frame[0] = byte(len(key))
	binary.BigEndian.PutUint16(frame[1:], uint16(len(val)))
	n := header + copy(frame[header:], key)
	n += copy(frame[n:], val)
	binary.BigEndian.PutUint32(frame[n:], uint32(len(frame)))
	h := uint64(14695981039346656037)
	for _, c := range frame {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h, nil
}
