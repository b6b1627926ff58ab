package imaging

import (
	"sync"

	"example.com/numfin/limits"
)

// Luma converts one row of packed RGB pixels (at most Width of them) and returns the mean luma.
func Luma(rgb []byte) int {
	if len(rgb)%3 != 0 || len(rgb) > 3*limits.Width {
		return -1
	}
	y := make([]uint8, len(rgb)/3)
	for i := range y {
		r, g, b := int(rgb[3*i]), int(rgb[3*i+1]), int(rgb[3*i+2])
		y[i] = uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 16)
	}
	sum := 0
	for _, v := range y {
		sum += int(v)
	}
	if len(y) == 0 {
		return 0
	}
	return sum / len(y)
}

// ToYCbCr converts a tile of RGB pixels into planar Y, Cb, Cr written to dst (3 planes).
func ToYCbCr(dst, rgb []byte) int {
	px := len(rgb) / 3
	px = min(px, limits.Width)
	planes := make([]byte, 3*px)
	for i := 0; i < px; i++ {
		r, g, b := int32(rgb[3*i]), int32(rgb[3*i+1]), int32(rgb[3*i+2])
		planes[i] = uint8((19595*r + 38470*g + 7471*b + 1<<15) >> 16)
		planes[px+i] = uint8(((-11056*r - 21712*g + 32768*b + 257<<15) >> 16) & 0xff)
		planes[2*px+i] = uint8(((32768*r - 27440*g - 5328*b + 257<<15) >> 16) & 0xff)
	}
	return copy(dst, planes)
}

// Histogram counts pixel values into bins buckets (at most Bins) and returns the fullest one.
func Histogram(pixels []uint8, bins int) int {
	bins = min(bins, limits.Bins)
	if bins <= 0 {
		return -1
	}
	counts := make([]int, bins)
	for _, p := range pixels {
		counts[int(p)*bins/256]++
	}
	best := 0
	for i, c := range counts {
		if c > counts[best] {
			best = i
		}
	}
	return best
}

// Levels builds a cumulative histogram at the image's bit depth and returns its median level.
func Levels(pixels []uint16, depth int) int {
	var bits uint
	switch depth {
	case 8:
		bits = 8
	case 10:
		bits = 10
	default:
		return -1
	}
	hist := make([]uint32, 1<<bits)
	mask := uint16(1<<bits - 1)
	for _, p := range pixels {
		hist[p&mask]++
	}
	half := uint32(len(pixels) / 2)
	var acc uint32
	for i, c := range hist {
		acc += c
		if acc > half {
			return i
		}
	}
	return len(hist) - 1
}

// BlurRows blurs each row in its own goroutine; rows share the scratch they write into.
func BlurRows(img []uint8, w int) []uint8 {
	if w <= 0 {
		return nil
	}
	h := len(img) / w
	out := make([]uint8, len(img))
	var wg sync.WaitGroup
	for y := 0; y < h; y++ {
		wg.Add(1)
		go func(y int) {
			defer wg.Done()
			row := img[y*w : (y+1)*w]
			for x := range row {
				l, r := max(x-1, 0), min(x+1, w-1)
				out[y*w+x] = uint8((int(row[l]) + int(row[x]) + int(row[r])) / 3)
			}
		}(y)
	}
	wg.Wait()
	return out
}

// Palette quantizes a tile to n grey levels (2..16) and reports how many levels were used.
func Palette(tile []uint8, n int) int {
	if n < 2 || n > 16 {
		return 0
	}
	used := make([]bool, n)
	step := 256 / n
	for _, p := range tile {
		i := min(int(p)/step, n-1)
		used[i] = true
	}
	k := 0
	for _, u := range used {
		if u {
			k++
		}
	}
	return k
}
