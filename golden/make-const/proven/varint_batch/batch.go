// Package batch encodes small batches of counters as varints.
package batch

import (
	"encoding/binary"
	"errors"
)

// maxBatch is the most counters one batch holds.
const maxBatch = 32

var errBatch = errors.New("batch: more than maxBatch counters")

// Digest encodes the counters into a scratch buffer of the worst-case size and hashes the bytes
// used: binary.MaxVarintLen64 bytes per counter, bounded because the batch is.
func Digest(counters []uint64) (uint64, error) {
	if len(counters) > maxBatch {
		return 0, errBatch
	}
	buf := make([]byte, binary.MaxVarintLen64*len(counters)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	off := 0
	for _, c := range counters {
		off += binary.PutUvarint(buf[off:], c)
	}
	h := uint64(14695981039346656037)
	for _, b := range buf[:off] {
		h = (h ^ uint64(b)) * 1099511628211
	}
	return h, nil
}
