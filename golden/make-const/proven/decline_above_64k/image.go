// Package image sums rows of 8-bit images.
package image

const maxRow = 100_000

// RowSum sums one row of up to maxRow pixels through a scratch copy.
func RowSum(pixels []byte, n int) int {
	if n > maxRow {
		return -1
	}
	row := make([]byte, n) // want(<go1.25) "make\\(\\[\\]byte, n\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]byte, n\\) does not escape" // declined "more than the 65536 bytes"
	copy(row, pixels)
	total := 0
	for _, p := range row {
		total += int(p)
	}
	return total
}
