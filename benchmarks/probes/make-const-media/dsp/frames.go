// Package dsp holds the voice gateway's per-frame audio processing.
package dsp

import (
	"errors"
	"math"
)

// MaxFrame is the most samples one 20 ms frame holds (48 kHz).
const MaxFrame = 960

var (
	errRate  = errors.New("dsp: unsupported sample rate")
	errTaps  = errors.New("dsp: filter length")
	errFrame = errors.New("dsp: frame too long")
)

// frameLen is the samples in a 20 ms frame at a rate.
func frameLen(rate int) int {
	switch rate {
	case 8000:
		return 160
	case 16000:
		return 320
	case 24000:
		return 480
	case 48000:
		return 960
	}
	return 0
}

// FrameRMS converts the first frame of pcm to float and returns its RMS level in dBFS.
func FrameRMS(pcm []int16, rate int) (float64, error) {
	n := frameLen(rate)
	if n == 0 {
		return 0, errRate
	}
	if len(pcm) < n {
		return 0, errFrame
	}
	f := make([]float32, n)
	for i := range f {
		f[i] = float32(pcm[i]) / 32768
	}
	var sum float64
	for _, v := range f {
		sum += float64(v) * float64(v)
	}
	return 10 * math.Log10(sum/float64(n)+1e-12), nil
}

// Mix adds two frames with equal gain into dst, clipping.
func Mix(dst, a, b []int16) int {
	n := min(len(a), len(b), len(dst), MaxFrame)
	acc := make([]int32, n)
	for i := range acc {
		acc[i] = int32(a[i]) + int32(b[i])
	}
	for i, v := range acc {
		dst[i] = int16(max(math.MinInt16, min(math.MaxInt16, v)))
	}
	return n
}

// MovingAverage smooths a frame with a window of taps samples, into out.
func MovingAverage(frame []float32, taps int, out []float32) error {
	if taps < 1 || taps > 64 {
		return errTaps
	}
	win := make([]float32, taps)
	var sum float32
	for i, v := range frame {
		sum += v - win[i%taps]
		win[i%taps] = v
		if i < len(out) {
			out[i] = sum / float32(taps)
		}
	}
	return nil
}

// Decimate keeps every factor-th sample of a low-passed frame, into out.
func Decimate(frame []float32, factor int, out []float32) (int, error) {
	if factor < 2 || factor > 8 {
		return 0, errRate
	}
	if len(frame) > MaxFrame {
		return 0, errFrame
	}
	lp := make([]float32, len(frame)/factor)
	for i := range lp {
		var s float32
		for j := 0; j < factor; j++ {
			s += frame[i*factor+j]
		}
		lp[i] = s / float32(factor)
	}
	return copy(out, lp), nil
}

// Goertzel returns the power of each tone frequency in a frame (DTMF detection).
func Goertzel(frame []float32, rate float64, freqs []float64, power []float64) error {
	if len(freqs) > 16 {
		return errTaps
	}
	coeff := make([]float64, len(freqs))
	for i, f := range freqs {
		coeff[i] = 2 * math.Cos(2*math.Pi*f/rate)
	}
	for i, c := range coeff {
		var s1, s2 float64
		for _, x := range frame {
			s0 := float64(x) + c*s1 - s2
			s2, s1 = s1, s0
		}
		power[i] = s1*s1 + s2*s2 - c*s1*s2
	}
	return nil
}

// Interleave writes two mono frames as one stereo frame into dst.
func Interleave(dst []int16, left, right []int16) int {
	n := len(left)
	if len(right) < n {
		n = len(right)
	}
	if n > MaxFrame {
		n = MaxFrame
	}
	st := make([]int16, 2*n)
	for i := 0; i < n; i++ {
		st[2*i] = left[i]
		st[2*i+1] = right[i]
	}
	return copy(dst, st)
}

// PreEmphasis applies a first-order high-pass to a frame of any length into out.
func PreEmphasis(frame []float32, out []float32) {
	y := make([]float32, len(frame))
	prev := float32(0)
	for i, x := range frame {
		y[i] = x - 0.97*prev
		prev = x
	}
	copy(out, y)
}
