// Package slots lays records out in slots whose count the record's layout says.
package slots

// Layout says how many slots a record needs.
type Layout interface{ Slots() int }

type compact struct{}

func (compact) Slots() int { return 8 }

type wide struct{}

func (wide) Slots() int { return 40 }

// Compact and Wide are the two layouts.
var Compact, Wide Layout = compact{}, wide{}

// Record carries its layout: Slots is promoted from the embedded interface, so whichever layout
// the record holds runs, not one method the package declares.
type Record struct {
	Layout
	Fields []int64
}

// Sum spreads the fields over the record's slots and sums them.
func Sum(r Record) int64 {
	n := r.Slots()
	slots := make([]int64, n) // want(<go1.25) "escapes to heap" want(>=go1.25) "does not escape" // declined "speculative"
	for i, f := range r.Fields {
		slots[i%n] += f
	}
	var total int64
	for _, s := range slots {
		total += s
	}
	return total
}
