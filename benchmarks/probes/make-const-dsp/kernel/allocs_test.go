package kernel

import (
	"image"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	allocs(t, "Gaussian", func() { Gaussian(3, 1.5) })
	img := image.NewGray(image.Rect(0, 0, 32, 32))
	allocs(t, "Median", func() { Median(img, 10, 10, 3) })
	row := make([]uint8, 200)
	allocs(t, "BoxRow", func() { BoxRow(row, 3) })
	col := make([]float64, 300)
	allocs(t, "Sharpen", func() { Sharpen(col, 2, 0.5) })
}

func TestGaussian(t *testing.T) {
	if c := Gaussian(0, 1); c != 1 {
		t.Fatal(c)
	}
}
