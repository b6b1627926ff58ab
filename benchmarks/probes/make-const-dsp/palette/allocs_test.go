package palette

import (
	"image/color"
	"image/color/palette"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	idx := make([]uint8, 500)
	allocs(t, "Levels", func() { Levels(idx, 6) })
	px := make([]color.RGBA, 100)
	allocs(t, "Cube", func() { Cube(px, 5) })
	g := make([]color.Gray, 20)
	allocs(t, "Nearest", func() { Nearest(g, palette.Plan9, 64) })
}

func TestLevels(t *testing.T) {
	if n := Levels([]uint8{0, 255, 128}, 1); n != 2 {
		t.Fatal(n)
	}
}
