// Package audio holds the limits the processing graph is built around.
package audio

const (
	// MaxChannels is the widest channel layout the graph carries (7.1).
	MaxChannels = 8
	// MaxFrame is the most frames one processing block holds.
	MaxFrame = 256
	// MaxTaps is the longest FIR filter the designer produces.
	MaxTaps = 64
	// MaxOrder is the highest IIR order (biquad sections times two).
	MaxOrder = 8
	// MaxFFTBits is log2 of the largest FFT size.
	MaxFFTBits = 10
	// MaxBlock is the largest block an FFT or meter processes.
	MaxBlock = 1 << MaxFFTBits
	// MaxUpsample is the largest interpolation factor of a resampler.
	MaxUpsample = 4
	// MaxRadius is the largest image kernel radius.
	MaxRadius = 7
	// MaxPalette is the most colours a quantiser emits.
	MaxPalette = 256
	// MaxBits is the widest packed sample.
	MaxBits = 24
)

// Layout is a channel layout.
type Layout struct {
	Channels int
	Rate     int
}
