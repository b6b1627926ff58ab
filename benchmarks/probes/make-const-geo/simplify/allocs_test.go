package simplify

import (
	"math"
	"testing"
)

func wiggle(n int) []Point {
	pts := make([]Point, n)
	for i := range pts {
		pts[i] = Point{float64(i) * 10, 5 * math.Sin(float64(i)/3)}
	}
	return pts
}

func TestAllocs(t *testing.T) {
	route := wiggle(512)
	if n, err := KeptCount([]Point{{0, 0}, {1, 0.1}, {2, 0}, {3, 5}, {4, 0}}, 1); err != nil || n != 4 {
		t.Fatal("KeptCount", n, err)
	}
	allocs(t, "KeptCount", func() { KeptCount(route, 0.5) })
	if l := RadialLength([]Point{{0, 0}, {1, 0}, {3, 0}, {10, 0}}, 2.5); l != 10 {
		t.Fatal("RadialLength", l)
	}
	long := wiggle(600)
	allocs(t, "RadialLength", func() { RadialLength(long, 15) })
	if p := Smooth([]Point{{0, 0}, {2, 4}}); p != (Point{1, 2}) {
		t.Fatal("Smooth", p)
	}
	allocs(t, "Smooth", func() { Smooth(long) })
}
