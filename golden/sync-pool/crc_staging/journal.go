// Package journal seals a batch of records: it stages them, each behind its length, in one 128 KiB
// buffer and returns the batch's CRC-32, which the journal writes in its commit record.
package journal

import "hash/crc32"

// Seal returns the CRC-32 of the records, each staged behind its one-byte length.
func Seal(records [][]byte) uint32 {
	staging := make([]byte, 0, 128<<10) // want "make\\(\\[\\]byte, 0, 131072\\) escapes to heap"
	for _, r := range records {
		staging = append(staging, byte(len(r)))
		staging = append(staging, r...)
	}
	return crc32.ChecksumIEEE(staging)
}
