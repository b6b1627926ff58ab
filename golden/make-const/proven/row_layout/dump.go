// Package dump folds data row by row, as a hex dumper lays it out.
package dump

// layout is how the dumper lays out a row.
type layout struct {
	width int
	upper bool
}

// Fold copies data into row-sized scratch, one row at a time, and folds each row into the sum. The
// row's width comes from a keyed layout literal: 48 bytes, or 64 in wide mode.
func Fold(data []byte, wide bool) uint32 {
	l := layout{width: 48}
	if wide {
		l = layout{width: 64, upper: true}
	}
	row := make([]byte, l.width) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape"
	var sum uint32
	for start := 0; start < len(data); start += len(row) {
		n := copy(row, data[start:])
		for _, b := range row[:n] {
			sum = sum*31 + uint32(b)
		}
		if l.upper {
			sum ^= uint32(n)
		}
	}
	return sum
}
