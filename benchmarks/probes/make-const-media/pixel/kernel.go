package pixel

import "math"

// MaxRadius bounds the blur radius the API accepts.
const MaxRadius = 16

// BoxBlur blurs a row of float samples in place with a box of the given radius.
func BoxBlur(row []float32, radius int) {
	if radius <= 0 {
		return
	}
	if radius > MaxRadius {
		radius = MaxRadius
	}
	k := make([]float32, 2*radius+1)
	for i := range k {
		k[i] = 1 / float32(len(k))
	}
	convolve(row, k)
}

func convolve(row, k []float32) {
	r := len(k) / 2
	var tmp [4 * MaxWidth]float32
	out := tmp[:len(row)]
	for x := range row {
		var s float32
		for j, w := range k {
			xi := min(max(x+j-r, 0), len(row)-1)
			s += w * row[xi]
		}
		out[x] = s
	}
	copy(row, out)
}

// Gaussian blurs a row with a Gaussian of the given sigma (the kernel capped at 3 sigma, 15 taps a side).
func Gaussian(row []float32, sigma float64) {
	radius := int(math.Ceil(3 * sigma))
	radius = min(radius, 15)
	if radius < 1 {
		return
	}
	k := make([]float32, 2*radius+1)
	var sum float32
	for i := range k {
		d := float64(i - radius)
		k[i] = float32(math.Exp(-d * d / (2 * sigma * sigma)))
		sum += k[i]
	}
	for i := range k {
		k[i] /= sum
	}
	convolve(row, k)
}

// Sharpen applies a caller's kernel to a row; kernels come from configuration and may be any size.
func Sharpen(row []float32, kernel []float32) {
	k := make([]float32, len(kernel))
	copy(k, kernel)
	var sum float32
	for _, w := range k {
		sum += w
	}
	if sum != 0 {
		for i := range k {
			k[i] /= sum
		}
	}
	convolve(row, k)
}

// Sobel returns the gradient magnitude of the middle of three gray rows into out.
func Sobel(above, row, below []uint8, out []uint8) {
	w := min(len(above), len(row), len(below), len(out))
	if w > MaxWidth {
		return
	}
	gx := make([]int16, w)
	gy := make([]int16, w)
	for x := 1; x+1 < w; x++ {
		gx[x] = int16(above[x+1]) + 2*int16(row[x+1]) + int16(below[x+1]) -
			int16(above[x-1]) - 2*int16(row[x-1]) - int16(below[x-1])
		gy[x] = int16(below[x-1]) + 2*int16(below[x]) + int16(below[x+1]) -
			int16(above[x-1]) - 2*int16(above[x]) - int16(above[x+1])
	}
	for x := range gx {
		m := math.Sqrt(float64(gx[x])*float64(gx[x]) + float64(gy[x])*float64(gy[x]))
		out[x] = uint8(min(m, 255))
	}
}

// Thumb is a small image kept by the cache.
type Thumb struct {
	W, H int
	Pix  []uint8
}

// NewThumb allocates a thumbnail's pixels; the cache keeps them.
func NewThumb(w, h int) *Thumb {
	if w > 256 || h > 256 {
		return nil
	}
	return &Thumb{W: w, H: h, Pix: make([]uint8, w*h)}
}

// Downscale halves a gray image into t, averaging 2x2 blocks row by row.
func (t *Thumb) Downscale(src []uint8, sw int) {
	if sw > 2*MaxWidth {
		return
	}
	sums := make([]uint16, sw/2)
	for y := 0; y < t.H && (2*y+1)*sw < len(src); y++ {
		clear(sums)
		for dy := 0; dy < 2; dy++ {
			r := src[(2*y+dy)*sw:]
			for x := range sums {
				sums[x] += uint16(r[2*x]) + uint16(r[2*x+1])
			}
		}
		for x := 0; x < t.W && x < len(sums); x++ {
			t.Pix[y*t.W+x] = uint8(sums[x] / 4)
		}
	}
}
