// Package hist counts byte values.
package hist

// Mode returns the most frequent byte of data.
func Mode(data []byte) byte {
	counts := new([256 * 256]int32) // want "new\\(\\[65536\\]int32\\) escapes to heap"
	for i := 0; i+1 < len(data); i += 2 {
		counts[int(data[i])<<8|int(data[i+1])]++
	}
	best := 0
	for v, c := range counts {
		if c > counts[best] {
			best = v
		}
	}
	return byte(best >> 8)
}
