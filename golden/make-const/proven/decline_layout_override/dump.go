// Package override folds data row by row, the row width overridable by the caller.
package override

type layout struct {
	width int
	upper bool
}

// Fold folds data in rows. The literal sets 48, but the caller's width, which nothing bounds,
// replaces it: the row is not at most 48 bytes.
func Fold(data []byte, width int) uint32 {
	l := layout{width: 48}
	if width > 0 {
		l.width = width
	}
	row := make([]byte, l.width) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "speculative"
	var sum uint32
	for start := 0; start < len(data); start += len(row) {
		n := copy(row, data[start:])
		for _, b := range row[:n] {
			sum = sum*31 + uint32(b)
		}
	}
	return sum
}
