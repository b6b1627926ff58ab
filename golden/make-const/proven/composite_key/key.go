// Package key hashes composite index keys the way the store lays them out, without keeping them.
package key

import (
	"encoding/binary"
	"math/bits"
)

// sizeVarint is the length of v as a varint, 1 to 10 bytes (bits.Len64 is at most 64).
func sizeVarint(v uint64) int {
	return (bits.Len64(v|1) + 6) / 7
}

// Hash encodes (table, index, id, version) as four varints, as the store's keys are, and
// hashes the encoding (FNV-1a). The key is sized by sizeVarint, whose every return is
// bounded: at most 4 × 10 bytes.
func Hash(table, index, id, version uint64) uint64 {
	n := sizeVarint(table) + sizeVarint(index) + sizeVarint(id) + sizeVarint(version)
	key := make([]byte, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	off := binary.PutUvarint(key, table)
	off += binary.PutUvarint(key[off:], index)
	off += binary.PutUvarint(key[off:], id)
	binary.PutUvarint(key[off:], version)
	h := uint64(14695981039346656037)
	for _, b := range key {
		h = (h ^ uint64(b)) * 1099511628211
	}
	return h
}
