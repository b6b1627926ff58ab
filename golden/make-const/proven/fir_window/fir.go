// Package fir filters audio frames with a FIR filter configured once per stream.
package fir

import "errors"

// maxTaps is the longest filter a stream may configure.
const maxTaps = 128

var errTaps = errors.New("fir: filter length")

// Filter is a direct-form FIR filter.
type Filter struct {
	coeffs []float32
	taps   int
	gain   float32
}

// New makes a filter of the given coefficients (kept by the filter).
func New(coeffs []float32, gain float32) (*Filter, error) {
	if len(coeffs) == 0 || len(coeffs) > maxTaps {
		return nil, errTaps
	}
	return &Filter{coeffs: coeffs, taps: len(coeffs), gain: gain}, nil
}

// Truncate keeps the first n coefficients.
func (f *Filter) Truncate(n int) {
	if n < 1 || n >= f.taps {
		return
	}
	f.taps = n
	f.coeffs = f.coeffs[:n]
}

// Process filters one frame into out, starting from silence. Every write of taps in the package is at
// most maxTaps (New's guard; Truncate only shrinks it), so the history fits 128 float32s.
func (f *Filter) Process(frame, out []float32) int {
	hist := make([]float32, f.taps) // want(<go1.25) "make\\(\\[\\]float32, f.taps\\) escapes to heap" want(>=go1.25) "make\\(\\[\\]float32, f.taps\\) does not escape"
	n := min(len(frame), len(out))
	for i := 0; i < n; i++ {
		copy(hist[1:], hist)
		hist[0] = frame[i]
		var acc float32
		for j, h := range hist {
			acc += h * f.coeffs[j]
		}
		out[i] = acc * f.gain
	}
	return n
}
