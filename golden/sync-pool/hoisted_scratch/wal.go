// Package wal replays a write-ahead log: each 32-byte entry is read into a scratch buffer, its
// checksum verified and its fields copied into the caller's state.
package wal

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
)

const entrySize = 32 // crc(4) seq(8) key(8) value(8) op(1) pad(3)

var errCorrupt = errors.New("wal: corrupt entry")

// Replay applies every entry of r to state and returns the last sequence number.
func Replay(r io.Reader, state map[uint64]uint64) (uint64, error) {
	var last uint64
	for {
		raw := make([]byte, entrySize) // want "make\\(\\[\\]byte, 32\\) escapes to heap"
		if _, err := io.ReadFull(r, raw); err != nil {
			if err == io.EOF {
				return last, nil
			}
			return last, err
		}
		if crc32.ChecksumIEEE(raw[4:]) != binary.LittleEndian.Uint32(raw) {
			return last, errCorrupt
		}
		key, value := binary.LittleEndian.Uint64(raw[12:20]), binary.LittleEndian.Uint64(raw[20:28])
		if raw[28] == 'D' {
			delete(state, key)
		} else {
			state[key] = value
		}
		last = binary.LittleEndian.Uint64(raw[4:12])
	}
}
