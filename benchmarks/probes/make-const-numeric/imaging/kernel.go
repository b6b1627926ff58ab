// Package imaging holds small pixel and matrix kernels.
package imaging

import (
	"errors"

	"example.com/numfin/limits"
)

var errShape = errors.New("imaging: bad shape")

// Mat is a small square matrix.
type Mat [limits.Dim][limits.Dim]float64

// MulVec returns m·v for a vector of length Dim (or shorter, zero-extended).
func (m *Mat) MulVec(v []float64) []float64 {
	out := make([]float64, len(m))
	for i := range m {
		for j := 0; j < len(v) && j < len(m[i]); j++ {
			out[i] += m[i][j] * v[j]
		}
	}
	return out
}

// Trace sums the diagonal of the leading n×n block.
func (m *Mat) Trace(n int) float64 {
	if n < 0 || n > len(m) {
		panic("imaging: block out of range")
	}
	diag := make([]float64, n)
	for i := range diag {
		diag[i] = m[i][i]
	}
	s := 0.0
	for _, d := range diag {
		s += d
	}
	return s
}

// Solve solves a·x = b by Gaussian elimination with partial pivoting; a and b are overwritten.
func Solve(a [][]float64, b []float64) (float64, error) {
	n := len(a)
	if n == 0 || n > 8 || len(b) != n {
		return 0, errShape
	}
	piv := make([]int, n)
	for i := range piv {
		piv[i] = i
	}
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if abs(a[piv[i]][k]) > abs(a[piv[p]][k]) {
				p = i
			}
		}
		piv[k], piv[p] = piv[p], piv[k]
		pk := piv[k]
		if a[pk][k] == 0 {
			return 0, errShape
		}
		for i := k + 1; i < n; i++ {
			f := a[piv[i]][k] / a[pk][k]
			for j := k; j < n; j++ {
				a[piv[i]][j] -= f * a[pk][j]
			}
			b[piv[i]] -= f * b[pk]
		}
	}
	return b[piv[n-1]] / a[piv[n-1]][n-1], nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Convolve applies a (2r+1)×(2r+1) box blur to the pixel at (x, y) of a w-wide grey image.
func Convolve(img []uint8, w, x, y, r int) uint8 {
	if r < 1 || r > limits.Radius {
		panic("imaging: radius out of range")
	}
	side := 2*r + 1
	win := make([]int, side*side)
	k := 0
	for dy := -r; dy <= r; dy++ {
		for dx := -r; dx <= r; dx++ {
			xx, yy := x+dx, y+dy
			if xx >= 0 && xx < w && yy >= 0 && yy*w+xx < len(img) {
				win[k] = int(img[yy*w+xx])
			}
			k++
		}
	}
	sum := 0
	for _, v := range win {
		sum += v
	}
	return uint8(sum / len(win))
}

// Sobel is the 3×3 gradient magnitude at (x, y), clamped at the border.
func Sobel(img []uint8, w, h, x, y int) int {
	const side = 2*1 + 1
	n := side * side
	px := make([]int, n)
	for i := 0; i < n; i++ {
		xx := min(max(x+i%side-1, 0), w-1)
		yy := min(max(y+i/side-1, 0), h-1)
		px[i] = int(img[yy*w+xx])
	}
	gx := px[2] + 2*px[5] + px[8] - px[0] - 2*px[3] - px[6]
	gy := px[6] + 2*px[7] + px[8] - px[0] - 2*px[1] - px[2]
	return abs2(gx) + abs2(gy)
}

func abs2(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
