// Package rle expands run-length encoded sprite rows whose header byte gives the width of a run record.
package rle

const maxPairs = 8

// Checksum expands a row of records of hdr[0] bytes, each a count then a value: a 1-byte record reads
// every byte as a count, 16 of them.
func Checksum(hdr byte, pairs []byte) (uint32, bool) {
	if len(pairs) > 2*maxPairs || hdr == 0 {
		return 0, false
	}
	step := int(hdr)
	total := 0
	for i := 0; i < len(pairs); i += step {
		total += int(pairs[i] & 0x3f)
	}
	row := make([]byte, 0, total) // want(<go1.25) "make\\(\\[\\]byte, 0, total\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, total\\) does not escape" // declined "speculative"
	for i := 0; i+1 < len(pairs); i += step {
		for k := 0; k < int(pairs[i]&0x3f); k++ {
			row = append(row, pairs[i+1])
		}
	}
	var sum uint32
	for _, b := range row {
		sum = sum*31 + uint32(b)
	}
	return sum, true
}
