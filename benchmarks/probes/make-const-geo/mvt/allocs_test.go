package mvt

import "testing"

func line(n int) []Point {
	g := make([]Point, n)
	for i := range g {
		g[i] = Point{int32(i * 3), int32(i % 5)}
	}
	return g
}

func TestAllocs(t *testing.T) {
	g := []Point{{2, 2}, {2, 10}, {10, 10}}
	if c := LineCommands(g); len(c) != 8 || c[0] != 9 || c[1] != 4 || c[3] != 18 || c[5] != 16 {
		t.Fatal("LineCommands", c)
	}
	if n, err := LineSize(g); err != nil || n != 8 {
		t.Fatal("LineSize", n, err)
	}
	big := line(256)
	allocs(t, "LineSize", func() { LineSize(big) })
	dst := make([]byte, 0, 4096)
	out, err := AppendRing(dst, g)
	if err != nil || len(out) != 10 || out[0] != 9 {
		t.Fatal("AppendRing", out, err)
	}
	allocs(t, "AppendRing", func() { AppendRing(dst, big) })
	if n := Quantize(big, 4); n == 0 {
		t.Fatal("Quantize", n)
	}
	huge := line(1000)
	allocs(t, "Quantize", func() { Quantize(huge, 2) })
	tags := make([]uint32, 40)
	if s := KeyIndex(tags); s != 0 {
		t.Fatal("KeyIndex", s)
	}
	allocs(t, "KeyIndex", func() { KeyIndex(tags) })
}
