package tiles

import "testing"

func TestAllocs(t *testing.T) {
	k, err := Quadkey(Tile{3, 5, 3})
	if err != nil || k != "213" {
		t.Fatal("Quadkey", k, err)
	}
	if tt, _ := ParseQuadkey(k); tt != (Tile{3, 5, 3}) {
		t.Fatal("ParseQuadkey", tt)
	}
	deep := Tile{1 << 22, 1<<22 + 5, 23}
	allocs(t, "Quadkey", func() { Quadkey(deep) })
	if n, err := PyramidCounts(52.3, 13.0, 52.7, 13.8, 10); err != nil || n < 11 {
		t.Fatal("PyramidCounts", n, err)
	}
	allocs(t, "PyramidCounts", func() { PyramidCounts(52.3, 13.0, 52.7, 13.8, 23) })
	all := func(Tile) bool { return true }
	if n, err := Descendants(Tile{1, 1, 2}, 3, all); err != nil || n != 64 {
		t.Fatal("Descendants", n, err)
	}
	allocs(t, "Descendants", func() { Descendants(Tile{1, 1, 2}, 4, all) })
	if n, err := Meta(Tile{2, 2, 2}, 4); err != nil || n != 4 {
		t.Fatal("Meta", n, err)
	}
	allocs(t, "Meta", func() { Meta(Tile{0, 0, 10}, 8) })
	if s, err := KeyRange(Tile{3, 5, 3}); err != nil || s != "2|21|213|" {
		t.Fatal("KeyRange", s, err)
	}
	allocs(t, "KeyRange", func() { KeyRange(deep) })
	if p := Path("osm", Tile{3, 5, 3}, "png"); p != "osm/3/3/5.png" {
		t.Fatal("Path", p)
	}
}
