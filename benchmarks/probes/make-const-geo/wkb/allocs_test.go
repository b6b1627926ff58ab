package wkb

import "testing"

func square(n int) []Point {
	ring := make([]Point, n)
	for i := range ring {
		ring[i] = Point{float64(i % 7), float64(i / 7)}
	}
	return ring
}

func TestAllocs(t *testing.T) {
	h := PointHex(Point{1, 2})
	if h != "0101000000000000000000f03f0000000000000040" {
		t.Fatal("PointHex", h)
	}
	if p, err := ParsePointHex(h); err != nil || p != (Point{1, 2}) {
		t.Fatal("ParsePointHex", p, err)
	}
	allocs(t, "ParsePointHex", func() { ParsePointHex(h) })
	ring := square(64)
	s, err := PolygonHex(ring)
	if err != nil || len(s) != 2*(13+16*64) {
		t.Fatal("PolygonHex", len(s), err)
	}
	allocs(t, "PolygonHex", func() { PolygonHex(ring) })
	w, err := RingWKT([]Point{{1, 2}, {3.25, -4}}, 2)
	if err != nil || w != "POLYGON((1.00 2.00, 3.25 -4.00))" {
		t.Fatal("RingWKT", w, err)
	}
	allocs(t, "RingWKT", func() { RingWKT(ring, 9) })
	a, _ := RingChecksum(ring, true)
	b, _ := RingChecksum(ring, false)
	if a == b {
		t.Fatal("RingChecksum")
	}
	allocs(t, "RingChecksum", func() { RingChecksum(ring, true) })
	if _, err := RingChecksum(square(65), false); err == nil {
		t.Fatal("RingChecksum 65")
	}
}
