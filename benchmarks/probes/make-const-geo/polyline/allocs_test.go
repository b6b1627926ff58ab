package polyline

import (
	"math"
	"testing"
)

func TestAllocs(t *testing.T) {
	route := []Point{{38.5, -120.2}, {40.7, -120.95}, {43.252, -126.453}}
	s, err := EncodeShare(route)
	if err != nil || s != "_p~iF~ps|U_ulLnnqC_mqNvxq`@" {
		t.Fatal("EncodeShare", s, err)
	}
	if Encode(route) != s {
		t.Fatal("Encode")
	}
	allocs(t, "EncodeShare", func() { EncodeShare(route) })
	pts, err := Decode(s)
	if err != nil || len(pts) != 3 || pts[2] != route[2] {
		t.Fatal("Decode", pts, err)
	}
	m, err := Length(s)
	if err != nil || math.Abs(m-789e3) > 1e3 {
		t.Fatal("Length", m, err)
	}
	allocs(t, "Length", func() { Length(s) })
}
