package tiles

import (
	"fmt"
	"testing"
)

func TestBehaviour(t *testing.T) {
	img := []float64{1, 2, 3, 4, 5, 6}
	next := (&Tiler{W: 3, H: 2, Tile: 2}).Gain(img, 2)
	if s := fmt.Sprint(img, next); s != "[2 4 6 8 10 12] 1" {
		t.Fatal(s)
	}
}

func TestAllocs(t *testing.T) {
	img, tl := make([]float64, 64), &Tiler{W: 8, H: 8, Tile: 4}
	t.Logf("allocs=%v", testing.AllocsPerRun(200, func() { tl.Gain(img, 1.5) }))
}
