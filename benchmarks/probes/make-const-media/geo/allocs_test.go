package geo

import "testing"

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

var route = []Point{{38.5, -120.2}, {40.7, -120.95}, {43.252, -126.453}, {43.3, -126.5}}

func TestAllocs(t *testing.T) {
	allocs(t, "Geohash", func() { Geohash(57.64911, 10.40744, 11) })
	allocs(t, "DecodeGeohash", func() { DecodeGeohash("u4pruydqqvj") })
	allocs(t, "CommonPrefix", func() { CommonPrefix([]string{"u4pruydqqvj", "u4pruydqqvm", "u4prv"}) })
	allocs(t, "Quadkey", func() { Quadkey(Tile{3, 5, 3}) })
	allocs(t, "CoverCount", func() { CoverCount(51.4, -0.2, 51.6, 0.1, 10) })
	allocs(t, "EncodePolyline", func() { EncodePolyline(route) })
	s, _ := EncodePolyline(route)
	dst := make([]Point, 8)
	allocs(t, "DecodePolyline", func() { DecodePolyline(s, dst) })
	allocs(t, "RouteLength", func() { RouteLength(route) })
}

func TestPolyline(t *testing.T) {
	s, err := EncodePolyline(route[:3])
	if err != nil || s != "_p~iF~ps|U_ulLnnqC_mqNvxq`@" {
		t.Fatalf("encode %q %v", s, err)
	}
	dst := make([]Point, 3)
	if n, _ := DecodePolyline(s, dst); n != 3 || dst[2] != route[2] {
		t.Fatalf("decode %d %v", n, dst)
	}
}

func TestGeohash(t *testing.T) {
	if h := Geohash(57.64911, 10.40744, 11); h != "u4pruydqqvj" {
		t.Fatal(h)
	}
	if k, _ := Quadkey(Tile{3, 5, 3}); k != "213" {
		t.Fatal(k)
	}
	if n := CommonPrefix([]string{"u4pruydqqvj", "u4pruydqqvm", "u4prv"}); n != 4 {
		t.Fatal(n)
	}
}

func TestAllocsConfigured(t *testing.T) {
	tl := NewTiler(18)
	out := make([]Tile, 24)
	allocs(t, "Tiler.Ancestors", func() { tl.Ancestors(Tile{1000, 2000, 12}, out) })
	if n := tl.Ancestors(Tile{5, 6, 3}, out); n != 4 || out[3] != (Tile{0, 0, 0}) {
		t.Fatal(out[:n])
	}
}
