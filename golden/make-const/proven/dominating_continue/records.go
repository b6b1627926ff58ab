// Package records checksums length-prefixed records.
package records

// maxRecord is the longest record the reader accepts; longer ones are skipped.
const maxRecord = 128

// Checksum sums every record short enough to accept, through a scratch copy with its bits flipped.
func Checksum(records [][]byte) uint32 {
	var sum uint32
	for _, rec := range records {
		if len(rec) > maxRecord {
			continue
		}
		tmp := make([]byte, len(rec)) // want(<go1.25) "make\\(\\[\\]byte, len\\(rec\\)\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, len\\(rec\\)\\) does not escape"
		for i, b := range rec {
			tmp[i] = ^b
		}
		for _, b := range tmp {
			sum = sum*31 + uint32(b)
		}
	}
	return sum
}
