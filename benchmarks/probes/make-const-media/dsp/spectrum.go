package dsp

import (
	"errors"
	"math"
	"math/cmplx"
)

// MaxLog2 is the largest FFT the analyser runs (1024 points).
const MaxLog2 = 10

var errSize = errors.New("dsp: fft size")

// Spectrum returns the magnitude of the first half of a 2^log2n-point FFT of frame, into mag.
func Spectrum(frame []float32, log2n int, mag []float64) error {
	if log2n < 1 || log2n > MaxLog2 {
		return errSize
	}
	n := 1 << log2n
	x := make([]complex128, n)
	for i := 0; i < n && i < len(frame); i++ {
		x[i] = complex(float64(frame[i]), 0)
	}
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j ^= bit
		if i < j {
			x[i], x[j] = x[j], x[i]
		}
	}
	for size := 2; size <= n; size <<= 1 {
		w := cmplx.Exp(complex(0, -2*math.Pi/float64(size)))
		for start := 0; start < n; start += size {
			wk := complex(1, 0)
			for k := 0; k < size/2; k++ {
				a, b := x[start+k], x[start+k+size/2]*wk
				x[start+k], x[start+k+size/2] = a+b, a-b
				wk *= w
			}
		}
	}
	for i := 0; i < n/2 && i < len(mag); i++ {
		mag[i] = cmplx.Abs(x[i])
	}
	return nil
}

// Bands sums a magnitude spectrum into bands equal-width bands and returns the loudest band.
func Bands(mag []float64, bands int) int {
	switch {
	case bands <= 0:
		return -1
	case bands > 32:
		bands = 32
	}
	sum := make([]float64, bands)
	per := len(mag) / bands
	if per == 0 {
		return -1
	}
	for i, m := range mag[:per*bands] {
		sum[i/per] += m
	}
	best := 0
	for i, s := range sum {
		if s > sum[best] {
			best = i
		}
	}
	return best
}

// Frames splits a signal into hop-spaced frames for the caller to keep.
func Frames(sig []float32, size, hop int) [][]float32 {
	if size <= 0 || size > MaxFrame || hop <= 0 {
		return nil
	}
	var out [][]float32
	for off := 0; off+size <= len(sig); off += hop {
		f := make([]float32, size)
		copy(f, sig[off:])
		out = append(out, f)
	}
	return out
}

// Codec names a voice codec.
type Codec int

const (
	PCMU Codec = iota
	G722
	Opus
)

// PacketSamples decodes a packet's header to count its samples: G.722 packs two per byte, Opus sizes
// by its TOC byte, PCMU one per byte; it returns the peak of the decoded silence-padded frame.
func PacketSamples(c Codec, payload []byte) (int, error) {
	var n int
	switch c {
	case PCMU:
		n = len(payload)
	case G722:
		n = 2 * len(payload)
	case Opus:
		if len(payload) == 0 {
			return 0, errFrame
		}
		switch payload[0] >> 3 & 3 {
		case 0:
			n = 120
		case 1:
			n = 240
		case 2:
			n = 480
		default:
			n = 960
		}
	default:
		return 0, errRate
	}
	if n > MaxFrame {
		return 0, errFrame
	}
	frame := make([]int16, n)
	for i := range frame {
		if i < len(payload) {
			frame[i] = int16(payload[i]) << 8
		}
	}
	peak := 0
	for _, s := range frame {
		peak = max(peak, int(s), -int(s))
	}
	return peak, nil
}
