// Package pad pads a field to the width of its value's type, or to the caller's width.
package pad

// Field returns the padded bytes' checksum. The type switch has no default: a value of any other type
// keeps the caller's width, which nothing bounds, so the width is not at most 8.
func Field(v any, width int) int {
	n := width
	switch v.(type) {
	case uint8, int8:
		n = 1
	case uint16, int16:
		n = 2
	case uint64, int64:
		n = 8
	}
	padded := make([]byte, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "speculative"
	for i := range padded {
		padded[i] = ' '
	}
	s := 0
	for _, b := range padded {
		s += int(b)
	}
	return s
}
