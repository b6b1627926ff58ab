// Package pixel holds the thumbnailer's pixel loops: rows, palettes and kernels.
package pixel

import (
	"errors"
	"image"
	"image/color"
)

// MaxWidth is the widest image the thumbnailer accepts.
const MaxWidth = 1024

var (
	errWidth   = errors.New("pixel: image too wide")
	errPalette = errors.New("pixel: palette size")
	errFormat  = errors.New("pixel: unknown format")
)

// GrayRow converts one row of RGBA pixels to 8-bit luma with a 16-bit accumulator row.
func GrayRow(dst, src []uint8, width int) error {
	if width <= 0 || width > MaxWidth {
		return errWidth
	}
	acc := make([]uint16, width)
	for x := range acc {
		r, g, b := uint16(src[4*x]), uint16(src[4*x+1]), uint16(src[4*x+2])
		acc[x] = (77*r + 150*g + 29*b)
	}
	for x, v := range acc {
		dst[x] = uint8(v >> 8)
	}
	return nil
}

// Quantize maps each pixel to its nearest palette entry and returns how many entries were used.
func Quantize(pix []color.RGBA, pal color.Palette, out []uint8) (int, error) {
	if len(pal) == 0 || len(pal) > 256 {
		return 0, errPalette
	}
	counts := make([]int, len(pal))
	for i, p := range pix {
		k := pal.Index(p)
		counts[k]++
		out[i] = uint8(k)
	}
	used := 0
	for _, c := range counts {
		if c > 0 {
			used++
		}
	}
	return used, nil
}

// Expand turns palette indices back into RGBA bytes in dst.
func Expand(dst []byte, idx []uint8, pal color.Palette) int {
	if len(idx) > MaxWidth {
		idx = idx[:MaxWidth]
	}
	rgba := make([]byte, 0, 4*len(idx))
	for _, i := range idx {
		r, g, b, a := pal[i].RGBA()
		rgba = append(rgba, byte(r>>8), byte(g>>8), byte(b>>8), byte(a>>8))
	}
	return copy(dst, rgba)
}

// Histogram counts luma values into 2^bits buckets and returns the fullest bucket.
func Histogram(gray []uint8, bits uint) int {
	if bits < 1 || bits > 8 {
		return -1
	}
	hist := make([]uint32, 1<<bits)
	for _, g := range gray {
		hist[g>>(8-bits)]++
	}
	best := 0
	for i, c := range hist {
		if c > hist[best] {
			best = i
		}
	}
	return best
}

// bytesPerPixel gives the stride factor of a stored pixel format.
func bytesPerPixel(format string) int {
	switch format {
	case "gray":
		return 1
	case "gray16", "rgb565":
		return 2
	case "rgb":
		return 3
	case "rgba":
		return 4
	}
	return 0
}

// Unfilter undoes PNG's Up filter on packed rows of the given format, in place.
func Unfilter(rows []byte, width int, format string) error {
	bpp := bytesPerPixel(format)
	if bpp == 0 {
		return errFormat
	}
	if width <= 0 || width > MaxWidth {
		return errWidth
	}
	stride := width * bpp
	prior := make([]byte, stride)
	for off := 0; off+stride <= len(rows); off += stride {
		row := rows[off : off+stride]
		for i := range row {
			row[i] += prior[i]
		}
		copy(prior, row)
	}
	return nil
}

// Dither reduces a gray row to 1 bit with Floyd-Steinberg, carrying the error down the rows.
func Dither(img *image.Gray) error {
	w := img.Rect.Dx()
	if w > MaxWidth {
		return errWidth
	}
	cur := make([]int16, w+2)
	next := make([]int16, w+2)
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := 0; x < w; x++ {
			i := img.PixOffset(img.Rect.Min.X+x, y)
			v := int16(img.Pix[i]) + cur[x+1]
			q := int16(0)
			if v >= 128 {
				q = 255
			}
			img.Pix[i] = uint8(q)
			e := v - q
			cur[x+2] += e * 7 / 16
			next[x] += e * 3 / 16
			next[x+1] += e * 5 / 16
			next[x+2] += e / 16
		}
		cur, next = next, cur
		clear(next)
	}
	return nil
}

// ResizeRow samples src into dst by nearest neighbour.
func ResizeRow(dst, src []uint8) {
	dw := len(dst)
	if dw > MaxWidth {
		dw = MaxWidth
	}
	xs := make([]int, dw)
	for x := range xs {
		xs[x] = x * len(src) / dw
	}
	for x, sx := range xs {
		dst[x] = src[sx]
	}
}
