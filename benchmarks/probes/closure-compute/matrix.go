package compute

import (
	"context"
	"errors"
	"math"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"
)

// Matrix is a dense row-major matrix.
type Matrix struct {
	Rows, Cols int
	Data       []float64
}

// NewMatrix allocates a zero matrix.
func NewMatrix(rows, cols int) *Matrix {
	return &Matrix{Rows: rows, Cols: cols, Data: make([]float64, rows*cols)}
}

// At returns the element at (i, j).
func (m *Matrix) At(i, j int) float64 { return m.Data[i*m.Cols+j] }

// Row returns row i as a slice of the backing array.
func (m *Matrix) Row(i int) []float64 { return m.Data[i*m.Cols : (i+1)*m.Cols] }

// ErrShape reports operands whose dimensions do not agree.
var ErrShape = errors.New("compute: shape mismatch")

// MulTiled multiplies square matrices tile by tile with a bounded errgroup.
func MulTiled(ctx context.Context, c, a, b *Matrix, tile int) error {
	if tile <= 0 {
		tile = 32
	}
	n := a.Rows
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(runtime.GOMAXPROCS(0))
	for ti := 0; ti < n; ti += tile {
		for tj := 0; tj < n; tj += tile {
			g.Go(func() error {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				for i := ti; i < min(ti+tile, n); i++ {
					for k := 0; k < n; k++ {
						aik := a.Data[i*n+k]
						for j := tj; j < min(tj+tile, n); j++ {
							c.Data[i*n+j] += aik * b.Data[k*n+j]
						}
					}
				}
				return nil
			})
		}
	}
	return g.Wait()
}

// Transpose writes the transpose of m into t by bands of source rows.
func Transpose(t, m *Matrix, workers int) {
	var wg sync.WaitGroup
	rows := (m.Rows + workers - 1) / workers
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(lo int) {
			defer wg.Done()
			for i := lo; i < min(lo+rows, m.Rows); i++ {
				for j := 0; j < m.Cols; j++ {
					t.Data[j*t.Cols+i] = m.Data[i*m.Cols+j]
				}
			}
		}(w * rows)
	}
	wg.Wait()
}

// RowNorms returns the Euclidean norm of every row, each goroutine filling its rows' slots.
func RowNorms(m *Matrix, workers int) (norms []float64) {
	norms = make([]float64, m.Rows)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < m.Rows; i += workers {
				s := 0.0
				for _, v := range m.Row(i) {
					s += v * v
				}
				norms[i] = math.Sqrt(s)
			}
		}()
	}
	wg.Wait()
	return norms
}

// Jacobi solves a x = b iteratively, updating every row band in parallel each sweep and
// swapping the iterate buffers between sweeps.
func Jacobi(a *Matrix, b []float64, iters, bands int, tol float64) ([]float64, int) {
	n := a.Rows
	x := make([]float64, n)
	next := make([]float64, n)
	per := (n + bands - 1) / bands
	for it := 0; it < iters; it++ {
		var wg sync.WaitGroup
		for lo := 0; lo < n; lo += per {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := lo; i < min(lo+per, n); i++ {
					s := b[i]
					for j := 0; j < n; j++ {
						if j != i {
							s -= a.At(i, j) * x[j]
						}
					}
					next[i] = s / a.At(i, i)
				}
			}()
		}
		wg.Wait()
		diff := 0.0
		for i := range x {
			diff = math.Max(diff, math.Abs(next[i]-x[i]))
		}
		x, next = next, x
		if diff < tol {
			return x, it + 1
		}
	}
	return x, iters
}

// Convolve applies a square kernel to a single-channel image, one goroutine per tile.
func Convolve(dst, src []float32, width, height int, kernel []float32, k, tile int) {
	r := k / 2
	var wg sync.WaitGroup
	for ty := 0; ty < height; ty += tile {
		for tx := 0; tx < width; tx += tile {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for y := ty; y < min(ty+tile, height); y++ {
					for x := tx; x < min(tx+tile, width); x++ {
						var s float32
						for ky := -r; ky <= r; ky++ {
							for kx := -r; kx <= r; kx++ {
								yy, xx := min(max(y+ky, 0), height-1), min(max(x+kx, 0), width-1)
								s += src[yy*width+xx] * kernel[(ky+r)*k+kx+r]
							}
						}
						dst[y*width+x] = s
					}
				}
			}()
		}
	}
	wg.Wait()
}

// Power runs power iteration for the dominant eigenvalue; each step multiplies in
// parallel and normalises after the wait.
func Power(a *Matrix, steps, workers int) float64 {
	n := a.Rows
	v := make([]float64, n)
	for i := range v {
		v[i] = 1
	}
	lambda := 0.0
	for s := 0; s < steps; s++ {
		w := make([]float64, n)
		g := new(errgroup.Group)
		g.SetLimit(workers)
		for i := 0; i < n; i++ {
			g.Go(func() error {
				row := a.Row(i)
				t := 0.0
				for j, x := range v {
					t += row[j] * x
				}
				w[i] = t
				return nil
			})
		}
		_ = g.Wait()
		norm := 0.0
		for _, x := range w {
			norm += x * x
		}
		lambda = math.Sqrt(norm)
		for i := range w {
			w[i] /= lambda
		}
		v = w
	}
	return lambda
}
