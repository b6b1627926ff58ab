package pixel

import (
	"image"
	"image/color"
	"image/color/palette"
	"testing"
)

func allocs(t *testing.T, name string, f func()) {
	t.Helper()
	t.Logf("ALLOCS %s %v", name, testing.AllocsPerRun(200, f))
}

func TestAllocs(t *testing.T) {
	src := make([]uint8, 4*640)
	for i := range src {
		src[i] = uint8(i * 7)
	}
	dst := make([]uint8, 4*640)
	allocs(t, "GrayRow", func() { GrayRow(dst, src, 640) })
	pix := make([]color.RGBA, 64)
	idx := make([]uint8, 64)
	pal := color.Palette(palette.Plan9)
	allocs(t, "Quantize", func() { Quantize(pix, pal, idx) })
	allocs(t, "Expand", func() { Expand(dst, idx, pal) })
	allocs(t, "Histogram", func() { Histogram(src, 6) })
	allocs(t, "Unfilter", func() { Unfilter(src, 320, "rgb565") })
	img := image.NewGray(image.Rect(0, 0, 64, 4))
	allocs(t, "Dither", func() { Dither(img) })
	allocs(t, "ResizeRow", func() { ResizeRow(dst[:300], src) })
	row := make([]float32, 256)
	allocs(t, "BoxBlur", func() { BoxBlur(row, 5) })
	allocs(t, "Gaussian", func() { Gaussian(row, 2) })
	allocs(t, "Sobel", func() { Sobel(src[:200], src[200:400], src[400:600], dst) })
	th := &Thumb{W: 64, H: 4, Pix: make([]uint8, 256)}
	allocs(t, "Downscale", func() { th.Downscale(src, 128) })
}

func TestPixels(t *testing.T) {
	if b := Histogram([]uint8{0, 255, 255, 130}, 1); b != 1 {
		t.Fatal(b)
	}
	rows := []byte{1, 2, 1, 1}
	if err := Unfilter(rows, 2, "gray"); err != nil || rows[2] != 2 || rows[3] != 3 {
		t.Fatal(rows, err)
	}
	row := []float32{0, 0, 3, 0, 0}
	BoxBlur(row, 1)
	if row[1] != 1 || row[2] != 1 {
		t.Fatal(row)
	}
}

func TestAllocsConfigured(t *testing.T) {
	e, _ := NewEncoder(320, "rgb")
	row := make([]byte, 960)
	dst := make([]byte, 1024)
	allocs(t, "Encoder.EncodeRow", func() { e.EncodeRow(dst, row) })
	pix := make([]uint8, 64*64)
	allocs(t, "Tile.Mean", func() { Tile{Size: 32}.Mean(pix, 64) })
}

func TestEncoder(t *testing.T) {
	e, _ := NewEncoder(2, "gray")
	dst := make([]byte, 8)
	if n := e.EncodeRow(dst, []byte{5, 7}); n != 3 || dst[0] != 1 || dst[1] != 5 || dst[2] != 2 {
		t.Fatal(dst[:n])
	}
}
