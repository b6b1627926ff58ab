// Package kernel runs small convolution kernels over grayscale images.
package kernel

import (
	"image"
	"math"

	"example.com/probes/make-const-dsp/audio"
)

// Gaussian builds a normalised (2r+1)x(2r+1) kernel and returns its centre weight.
func Gaussian(r int, sigma float64) float64 {
	if r < 0 || r > audio.MaxRadius {
		return 0
	}
	side := 2*r + 1
	k := make([]float64, (2*r+1)*(2*r+1))
	var sum float64
	for y := -r; y <= r; y++ {
		for x := -r; x <= r; x++ {
			v := math.Exp(-float64(x*x+y*y) / (2 * sigma * sigma))
			k[(y+r)*side+x+r] = v
			sum += v
		}
	}
	return k[r*side+r] / sum
}

// Median filters one pixel of img with a (2r+1)^2 window.
func Median(img *image.Gray, px, py, r int) uint8 {
	r = min(max(r, 0), audio.MaxRadius)
	side := 2*r + 1
	win := make([]uint8, 0, side*side)
	b := img.Bounds()
	for y := py - r; y <= py+r; y++ {
		for x := px - r; x <= px+r; x++ {
			if (image.Point{X: x, Y: y}).In(b) {
				win = append(win, img.GrayAt(x, y).Y)
			}
		}
	}
	for i := 1; i < len(win); i++ {
		for j := i; j > 0 && win[j] < win[j-1]; j-- {
			win[j], win[j-1] = win[j-1], win[j]
		}
	}
	if len(win) == 0 {
		return 0
	}
	return win[len(win)/2]
}

// BoxRow blurs one row with a box of radius r, through a padded copy of the row.
func BoxRow(row []uint8, r int) {
	if r <= 0 || r > audio.MaxRadius || len(row) > 4096 {
		return
	}
	padded := make([]uint8, len(row)+2*r)
	copy(padded[r:], row)
	for i := range row {
		s := 0
		for _, v := range padded[i : i+2*r+1] {
			s += int(v)
		}
		row[i] = uint8(s / (2*r + 1))
	}
}

// Kernel is a user-supplied convolution kernel; the convolver keeps its weights.
type Kernel struct {
	Radius  int
	Weights []float64
}

// NewKernel returns a zeroed kernel of the given radius.
func NewKernel(r int) *Kernel {
	return &Kernel{Radius: r, Weights: make([]float64, (2*r+1)*(2*r+1))}
}

// Sharpen applies an unsharp mask of radius r to one column of samples, using a column scratch.
func Sharpen(col []float64, r int, amount float64) {
	if r <= 0 || r > audio.MaxRadius {
		return
	}
	n := len(col)
	if n > 512 {
		n = 512
	}
	blur := make([]float64, n)
	for i := 0; i < n; i++ {
		var s float64
		c := 0
		for j := max(i-r, 0); j <= min(i+r, n-1); j++ {
			s += col[j]
			c++
		}
		blur[i] = s / float64(c)
	}
	for i := 0; i < n; i++ {
		col[i] += amount * (col[i] - blur[i])
	}
}
