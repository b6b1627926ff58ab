// Package column packs a run of fixed-width values of one column into a block and checksums it.
package column

// maxRun is the longest run a block holds.
const maxRun = 16

// Checksum packs run little-endian, each value as wide as the column's type (told by a sample value
// of it), and folds the block. The width is set by a type switch on every path that goes on: at most
// 8, so the block is at most 8*maxRun bytes.
func Checksum(sample any, run []uint64) uint64 {
	if len(run) > maxRun {
		return 0
	}
	var width int
	switch sample.(type) {
	case uint8, int8, bool:
		width = 1
	case uint16, int16:
		width = 2
	case uint32, int32, float32:
		width = 4
	case uint64, int64, float64:
		width = 8
	default:
		return 0
	}
	block := make([]byte, width*len(run)) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	for i, v := range run {
		for b := 0; b < width; b++ {
			block[i*width+b] = byte(v >> (8 * b))
		}
	}
	var h uint64 = 14695981039346656037
	for _, c := range block {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}
