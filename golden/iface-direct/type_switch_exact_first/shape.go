// Package shape names a shape by switching on its type, the exact type first.
package shape

import (
	"fmt"
	"strconv"
)

type square struct{ side int }

func (s *square) String() string { return fmt.Sprint("square ", s.side) }

type figure struct {
	label string
	shape any
}

// Name names a square of the given side, as a figure would show it.
func Name(side int) string {
	sq := square{side} // want "moved to heap: sq"
	f := figure{label: "fig", shape: &sq}
	switch v := f.shape.(type) {
	case *square:
		return f.label + " exact " + strconv.Itoa(v.side)
	case fmt.Stringer:
		return f.label + " " + v.String()
	default:
		return f.label
	}
}
