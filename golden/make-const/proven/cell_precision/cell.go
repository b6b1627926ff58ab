// Package cell encodes points into hierarchical grid cells of a chosen precision.
package cell

// MaxPrecision is the finest level a cell ID encodes.
const MaxPrecision = 12

// Precision is a number of levels, 1 to MaxPrecision.
type Precision int

// Valid reports whether p is a precision cells can be encoded at.
func (p Precision) Valid() bool { return p >= 1 && p <= MaxPrecision }

// Path returns a hash of the quadrant path from the root down to the cell holding (x, y), in [0, 1).
func Path(x, y float64, p Precision) uint64 {
	if !p.Valid() {
		return 0
	}
	levels := make([]uint64, p) // want(<go1.25) "make\\(\\[\\]uint64, p\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]uint64, p\\) does not escape"
	for i := range levels {
		x, y = x*2, y*2
		q := uint64(0)
		if x >= 1 {
			q, x = q|1, x-1
		}
		if y >= 1 {
			q, y = q|2, y-1
		}
		levels[i] = q << (2 * uint(i))
	}
	var id uint64
	for _, l := range levels {
		id |= l
	}
	return id | 1<<(2*uint(len(levels)))
}
