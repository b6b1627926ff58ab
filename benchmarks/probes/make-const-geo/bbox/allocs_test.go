package bbox

import (
	"math"
	"testing"
)

func circle(n int) []Point {
	ring := make([]Point, n)
	for i := range ring {
		a := 2 * math.Pi * float64(i) / float64(n)
		ring[i] = Point{math.Cos(a), math.Sin(a)}
	}
	return ring
}

func TestAllocs(t *testing.T) {
	sq := []Point{{0, 0}, {2, 0}, {2, 2}, {0, 2}}
	view := Box{Point{1, 1}, Point{3, 3}}
	if a, err := ClippedArea(sq, view); err != nil || a != 1 {
		t.Fatal("ClippedArea", a, err)
	}
	ring := circle(64)
	allocs(t, "ClippedArea", func() { ClippedArea(ring, Box{Point{0, 0}, Point{2, 2}}) })
	if n, err := Heat(Box{Point{0, 0}, Point{4, 4}}, 4, []Point{{0.5, 0.5}, {0.6, 0.7}, {3, 3}}); err != nil || n != 2 {
		t.Fatal("Heat", n, err)
	}
	allocs(t, "Heat", func() { Heat(Box{Point{-1, -1}, Point{1, 1}}, 16, ring) })
	if c := Centroid(sq); c != (Point{1, 1}) {
		t.Fatal("Centroid", c)
	}
}
