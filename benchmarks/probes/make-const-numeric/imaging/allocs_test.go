package imaging

import "testing"

func TestAllocs(t *testing.T) {
	var m Mat
	for i := range m {
		m[i][i] = float64(i + 1)
	}
	if m.Trace(3) != 6 {
		t.Fatal("Trace")
	}
	allocs(t, "Trace", func() { m.Trace(4) })
	a := [][]float64{{2, 1}, {1, 3}}
	b := []float64{3, 5}
	if x, err := Solve(a, b); err != nil || x < 1.39 || x > 1.41 {
		t.Fatalf("Solve = %v %v", x, err)
	}
	allocs(t, "Solve", func() {
		a := [][]float64{{2, 1}, {1, 3}}
		Solve(a, []float64{3, 5})
	})
	img := make([]uint8, 64*64)
	for i := range img {
		img[i] = uint8(i)
	}
	allocs(t, "Convolve", func() { Convolve(img, 64, 10, 10, 3) })
	allocs(t, "Sobel", func() { Sobel(img, 64, 64, 10, 10) })
	rgb := make([]byte, 3*16)
	for i := range rgb {
		rgb[i] = uint8(i * 5)
	}
	allocs(t, "Luma", func() { Luma(rgb) })
	dst := make([]byte, 3*16)
	allocs(t, "ToYCbCr", func() { ToYCbCr(dst, rgb) })
	allocs(t, "Histogram", func() { Histogram(img, 32) })
	px := make([]uint16, 256)
	for i := range px {
		px[i] = uint16(i * 3)
	}
	allocs(t, "Levels", func() { Levels(px, 10) })
	allocs(t, "Palette", func() { Palette(img, 16) })
}
