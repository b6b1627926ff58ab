// Package spectrum computes windows, FFTs and band energies.
package spectrum

import (
	"errors"
	"math"
	"math/cmplx"

	"example.com/probes/make-const-dsp/audio"
)

var errSize = errors.New("spectrum: block size is not a power of two up to MaxBlock")

// Magnitudes writes the n/2+1 magnitude bins of a real block into mags.
func Magnitudes(mags []float64, x []float64) error {
	n := len(x)
	if n == 0 || n > audio.MaxBlock || n&(n-1) != 0 {
		return errSize
	}
	buf := make([]complex128, n)
	for i, v := range x {
		buf[i] = complex(v, 0)
	}
	fft(buf)
	bins := make([]float64, n/2+1)
	for i := range bins {
		bins[i] = cmplx.Abs(buf[i])
	}
	copy(mags, bins)
	return nil
}

// fft is an in-place radix-2 transform.
func fft(a []complex128) {
	n := len(a)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j ^= bit
		if i < j {
			a[i], a[j] = a[j], a[i]
		}
	}
	for size := 2; size <= n; size <<= 1 {
		w := cmplx.Exp(complex(0, -2*math.Pi/float64(size)))
		for start := 0; start < n; start += size {
			t := complex(1, 0)
			for k := 0; k < size/2; k++ {
				u, v := a[start+k], a[start+k+size/2]*t
				a[start+k], a[start+k+size/2] = u+v, u-v
				t *= w
			}
		}
	}
}

// Transform runs an FFT of 1<<bits points over x (zero-padded) and returns the energy.
func Transform(x []float64, bits int) float64 {
	if bits < 1 || bits > audio.MaxFFTBits {
		return 0
	}
	buf := make([]complex128, 1<<bits)
	for i := 0; i < len(buf) && i < len(x); i++ {
		buf[i] = complex(x[i], 0)
	}
	fft(buf)
	var e float64
	for _, c := range buf {
		e += real(c)*real(c) + imag(c)*imag(c)
	}
	return e
}

// Hann applies a Hann window of the block's length to x in place.
func Hann(x []float64) {
	n := len(x)
	if n > audio.MaxBlock {
		n = audio.MaxBlock
	}
	w := make([]float64, n)
	for i := range w {
		w[i] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(n))
	}
	for i := range w {
		x[i] *= w[i]
	}
}

// Window returns a Hann window of n points for the caller to cache.
func Window(n int) []float64 {
	w := make([]float64, n)
	for i := range w {
		w[i] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(n))
	}
	return w
}

// Bands sums magnitudes into octave bands; bins is the FFT size's log2.
func Bands(mags []float64, bits uint) float64 {
	if bits > audio.MaxFFTBits {
		return 0
	}
	bands := make([]float64, bits+1)
	for i, m := range mags {
		b := 0
		for k := i; k > 1; k >>= 1 {
			b++
		}
		if b < len(bands) {
			bands[b] += m
		}
	}
	var top float64
	for _, v := range bands {
		top = max(top, v)
	}
	return top
}

// Overlap keeps the last hop samples of a frame of size n (n - hop of it overlaps the next frame).
func Overlap(x []float64, size, hop int) float64 {
	if size <= 0 || size > audio.MaxBlock || hop <= 0 || hop > size {
		return 0
	}
	tail := make([]float64, size-hop)
	copy(tail, x[hop:])
	var s float64
	for _, v := range tail {
		s += v
	}
	return s
}

// Spectrogram slices a signal into frames and returns one magnitude row per frame; the caller keeps them.
func Spectrogram(x []float64, size int) [][]float64 {
	if size <= 0 {
		return nil
	}
	rows := make([][]float64, 0, len(x)/size)
	for off := 0; off+size <= len(x); off += size {
		row := make([]float64, size/2+1)
		_ = Magnitudes(row, x[off:off+size])
		rows = append(rows, row)
	}
	return rows
}
