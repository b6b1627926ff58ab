// Package meter measures levels: RMS, peak hold and loudness histograms.
package meter

import (
	"math"

	"example.com/probes/make-const-dsp/audio"
)

// RMS returns the per-channel RMS of an interleaved block.
func RMS(x []float32, channels int) float64 {
	if channels <= 0 || channels > audio.MaxChannels {
		return 0
	}
	sums := make([]float64, channels)
	for i, v := range x {
		sums[i%channels] += float64(v) * float64(v)
	}
	frames := float64(len(x) / channels)
	var top float64
	for _, s := range sums {
		top = max(top, math.Sqrt(s/frames))
	}
	return top
}

// Histogram counts samples into buckets of dB, buckets clamped to a block's worth.
func Histogram(x []float32, buckets int) int {
	buckets = max(1, min(buckets, audio.MaxBlock))
	counts := make([]int, buckets)
	for _, v := range x {
		db := 20 * math.Log10(math.Abs(float64(v))+1e-9)
		b := int(-db) % buckets
		if b < 0 {
			b = 0
		}
		counts[b]++
	}
	most := 0
	for _, c := range counts {
		most = max(most, c)
	}
	return most
}

// Segments computes the mean square of each 1<<shift-sample segment of a block.
func Segments(x []float32, shift uint) float64 {
	if shift > audio.MaxFFTBits {
		return 0
	}
	seg := 1 << shift
	n := min(len(x), audio.MaxBlock)
	means := make([]float64, n>>shift)
	for i := range means {
		var s float64
		for _, v := range x[i*seg : (i+1)*seg] {
			s += float64(v) * float64(v)
		}
		means[i] = s / float64(seg)
	}
	var top float64
	for _, m := range means {
		top = max(top, m)
	}
	return top
}

// Ballistics holds a meter's state.
type Ballistics struct {
	Channels int
	hold     []float64
}

// Peaks returns the peak-hold values per channel, in a slice the caller keeps.
func (b *Ballistics) Peaks(x []float32) []float64 {
	out := make([]float64, b.Channels)
	for i, v := range x {
		out[i%b.Channels] = max(out[i%b.Channels], math.Abs(float64(v)))
	}
	return out
}

// Loudness gates 400 ms blocks at a rate; the block count is the signal's.
func Loudness(x []float32, rate int) float64 {
	if rate <= 0 {
		return 0
	}
	block := rate * 4 / 10
	if block == 0 {
		return 0
	}
	gated := make([]float64, len(x)/block)
	for i := range gated {
		var s float64
		for _, v := range x[i*block : (i+1)*block] {
			s += float64(v) * float64(v)
		}
		gated[i] = s
	}
	var sum float64
	for _, g := range gated {
		sum += g
	}
	return sum
}

// Crest returns the crest factor over the first samples of each of up to MaxChannels channels,
// a frame count given by the mixer.
func Crest(x []float32, channels uint8, frames uint16) float64 {
	if channels == 0 || channels > audio.MaxChannels || frames > audio.MaxFrame {
		return 0
	}
	block := make([]float32, int(channels)*int(frames))
	copy(block, x)
	var peak, sq float64
	for _, v := range block {
		a := math.Abs(float64(v))
		peak = max(peak, a)
		sq += a * a
	}
	if sq == 0 {
		return 0
	}
	return peak / math.Sqrt(sq/float64(len(block)))
}
