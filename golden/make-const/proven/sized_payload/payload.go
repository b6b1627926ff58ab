// Package payload reads length-prefixed records.
package payload

import (
	"encoding/binary"
	"errors"
)

// maxRecord is the largest record body accepted.
const maxRecord = 1024

var errRecord = errors.New("payload: record header out of range")

// Checksum reads a record's 32-bit length, copies the body into a scratch buffer and sums it.
// The length is a uint32 the guard bounds; int(size) keeps its value, so the guard bounds the make.
func Checksum(record []byte) (uint32, error) {
	if len(record) < 4 {
		return 0, errRecord
	}
	size := binary.BigEndian.Uint32(record)
	if size > maxRecord {
		return 0, errRecord
	}
	body := make([]byte, int(size)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	copy(body, record[4:])
	var sum uint32
	for _, b := range body {
		sum = sum*33 + uint32(b)
	}
	return sum, nil
}
