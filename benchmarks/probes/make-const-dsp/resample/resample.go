// Package resample converts sample rates by rational factors.
package resample

import (
	"errors"

	"example.com/probes/make-const-dsp/audio"
)

var errFactor = errors.New("resample: bad factor")

// Rational upsamples x by up and downsamples by down into dst; it returns the samples written.
func Rational(dst, x []float32, up, down int) (int, error) {
	if up < 1 || up > audio.MaxUpsample || down < 1 {
		return 0, errFactor
	}
	n := len(x)
	if n > audio.MaxFrame {
		n = audio.MaxFrame
	}
	out := make([]float32, (n*up+down-1)/down)
	for i := range out {
		pos := i * down
		out[i] = x[pos/up]
	}
	return copy(dst, out), nil
}

// Double linearly interpolates a block to twice its rate (2*n-1 samples).
func Double(dst, x []float32) int {
	n := len(x)
	if n == 0 || n > audio.MaxFrame {
		return 0
	}
	y := make([]float32, 2*n-1)
	for i := 0; i < n; i++ {
		y[2*i] = x[i]
		if i+1 < n {
			y[2*i+1] = (x[i] + x[i+1]) / 2
		}
	}
	return copy(dst, y)
}

// Decimate keeps every factor-th sample of a block, after an averaging pre-filter.
func Decimate(dst, x []float32, factor int) int {
	if factor <= 0 {
		return 0
	}
	n := min(len(x), audio.MaxFrame)
	kept := make([]float32, (n+factor-1)/factor)
	for i := range kept {
		var s float32
		k := 0
		for j := i * factor; j < n && j < (i+1)*factor; j++ {
			s += x[j]
			k++
		}
		kept[i] = s / float32(k)
	}
	return copy(dst, kept)
}

// Stretch time-stretches x by ratio into a new slice the caller keeps.
func Stretch(x []float32, ratio float64) []float32 {
	n := int(float64(len(x)) * ratio)
	out := make([]float32, n)
	for i := range out {
		out[i] = x[int(float64(i)/ratio)]
	}
	return out
}

// Polyphase splits taps into up phases and sums each phase.
func Polyphase(h []float32, up int) float32 {
	if up <= 0 || up > audio.MaxUpsample || len(h) > audio.MaxTaps {
		return 0
	}
	per := (len(h) + up - 1) / up
	phases := make([]float32, up*per)
	copy(phases, h)
	var s float32
	for _, v := range phases {
		s += v
	}
	return s
}

// Hold repeats each sample of x n times (zero-order hold) into dst.
func Hold(dst, x []int16, n int) int {
	if n > audio.MaxUpsample {
		return 0
	}
	frames := min(len(x), audio.MaxFrame)
	held := make([]int16, frames*n)
	for i := range held {
		held[i] = x[i/n]
	}
	return copy(dst, held)
}
