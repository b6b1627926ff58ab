// Package rle expands run-length encoded sprite rows: (flags and count, value) byte pairs, the count in the
// low six bits.
package rle

// maxPairs is the most runs a row holds.
const maxPairs = 8

// Checksum expands a row and returns the checksum of its pixels.
func Checksum(pairs []byte) (uint32, bool) {
	if len(pairs) > 2*maxPairs || len(pairs)%2 != 0 {
		return 0, false
	}
	total := 0
	for i := 0; i < len(pairs); i += 2 {
		total += int(pairs[i] & 0x3f)
	}
	row := make([]byte, 0, total) // want(<go1.25) "make\\(\\[\\]byte, 0, total\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, 0, total\\) does not escape"
	for i := 0; i < len(pairs); i += 2 {
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
