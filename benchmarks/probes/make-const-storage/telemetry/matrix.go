package telemetry

import "errors"

// MaxDim is the largest matrix the filters invert.
const MaxDim = 6

var errSingular = errors.New("telemetry: singular matrix")

// Det returns the determinant of a square matrix of at most MaxDim rows, by elimination on a copy.
func Det(m [][]float64) float64 {
	n := len(m)
	if n > MaxDim {
		panic("telemetry: matrix too large")
	}
	a := make([]float64, n*n)
	for i, row := range m {
		copy(a[i*n:(i+1)*n], row)
	}
	det := 1.0
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if abs(a[r*n+c]) > abs(a[p*n+c]) {
				p = r
			}
		}
		if a[p*n+c] == 0 {
			return 0
		}
		if p != c {
			for k := 0; k < n; k++ {
				a[p*n+k], a[c*n+k] = a[c*n+k], a[p*n+k]
			}
			det = -det
		}
		det *= a[c*n+c]
		for r := c + 1; r < n; r++ {
			f := a[r*n+c] / a[c*n+c]
			for k := c; k < n; k++ {
				a[r*n+k] -= f * a[c*n+k]
			}
		}
	}
	return det
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Vec3 is a 3-vector.
type Vec3 [3]float64

// Centroid averages up to 16 points.
func Centroid(pts []Vec3) Vec3 {
	n := min(len(pts), 16)
	xs := make([]float64, n*len(Vec3{}))
	for i, p := range pts[:n] {
		copy(xs[3*i:], p[:])
	}
	var c Vec3
	for i, x := range xs {
		c[i%3] += x
	}
	if n > 0 {
		for i := range c {
			c[i] /= float64(n)
		}
	}
	return c
}

// Solve solves a x = b for an n-by-n system in place of copies, n at most MaxDim.
func Solve(a [][]float64, b []float64, x []float64) error {
	n := len(b)
	if n == 0 || n > MaxDim || len(a) != n {
		return errSingular
	}
	aug := make([]float64, n*(n+1))
	for i := 0; i < n; i++ {
		copy(aug[i*(n+1):], a[i][:n])
		aug[i*(n+1)+n] = b[i]
	}
	for c := 0; c < n; c++ {
		if aug[c*(n+1)+c] == 0 {
			return errSingular
		}
		for r := 0; r < n; r++ {
			if r == c {
				continue
			}
			f := aug[r*(n+1)+c] / aug[c*(n+1)+c]
			for k := c; k <= n; k++ {
				aug[r*(n+1)+k] -= f * aug[c*(n+1)+k]
			}
		}
	}
	for i := 0; i < n && i < len(x); i++ {
		x[i] = aug[i*(n+1)+n] / aug[i*(n+1)+i]
	}
	return nil
}
