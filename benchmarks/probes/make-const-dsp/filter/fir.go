// Package filter runs FIR and IIR filters over audio blocks.
package filter

import (
	"errors"
	"math"

	"example.com/probes/make-const-dsp/audio"
)

var errTaps = errors.New("filter: too many taps")

// Convolve writes the full linear convolution of x and h into y (len(h)+len(x)-1 samples) and returns how many.
func Convolve(y, x, h []float64) (int, error) {
	if len(h) > audio.MaxTaps || len(x) > audio.MaxFrame {
		return 0, errTaps
	}
	if len(h) == 0 || len(x) == 0 {
		return 0, nil
	}
	full := make([]float64, len(h)+len(x)-1)
	for i, xv := range x {
		for j, hv := range h {
			full[i+j] += xv * hv
		}
	}
	return copy(y, full), nil
}

// FIR filters x in place with taps h, keeping len(h)-1 samples of history in a scratch line.
func FIR(x, h []float64) {
	taps := len(h)
	if taps == 0 || taps > audio.MaxTaps {
		return
	}
	line := make([]float64, taps+len(x)-1)
	copy(line[taps-1:], x)
	for i := range x {
		var acc float64
		for j := 0; j < taps; j++ {
			acc += line[i+taps-1-j] * h[j]
		}
		x[i] = acc
	}
}

// Design returns windowed-sinc low-pass taps; the caller keeps them.
func Design(taps int, cutoff float64) []float64 {
	if taps <= 0 || taps > audio.MaxTaps {
		return nil
	}
	h := make([]float64, taps)
	m := float64(taps - 1)
	for i := range h {
		t := float64(i) - m/2
		if t == 0 {
			h[i] = 2 * cutoff
		} else {
			h[i] = math.Sin(2*math.Pi*cutoff*t) / (math.Pi * t)
		}
		h[i] *= 0.54 - 0.46*math.Cos(2*math.Pi*float64(i)/m)
	}
	return h
}

// Gain sums the taps of a symmetric filter of the given half-length: 2*half+1 taps, read from coef.
func Gain(coef []float64, half int) float64 {
	if half < 0 || half > audio.MaxTaps/2 {
		return 0
	}
	taps := make([]float64, 2*half+1)
	copy(taps, coef)
	var g float64
	for _, v := range taps {
		g += v
	}
	return g
}

// MovingAverage smooths x over a window of w samples into out.
func MovingAverage(out, x []float64, w int) {
	if w <= 0 {
		return
	}
	w = min(w, audio.MaxTaps)
	acc := make([]float64, len(x)+1)
	for i, v := range x {
		acc[i+1] = acc[i] + v
	}
	for i := range out {
		lo := max(i-w+1, 0)
		out[i] = (acc[i+1] - acc[lo]) / float64(i+1-lo)
	}
}
